import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wordScanner } from '../../src/core/text/wordScan';

void describe('wordScanner', () => {
	const scan = wordScanner(['said', 'told'], '0123456789');
	const has = (text: string, start = 0, end = text.length): boolean => scan(text, start, end);

	void it('finds a whole word in any case, at the start, in the middle and at the end', () => {
		assert.equal(has('Said the mayor'), true);
		assert.equal(has('the mayor SAID so'), true);
		assert.equal(has('the mayor told'), true);
	});

	void it('does not find a word that only contains or starts with one', () => {
		assert.equal(has('the saidan bridge'), false);
		assert.equal(has('untold stories'), false);
	});

	void it('reads only the given stretch', () => {
		const text = 'the mayor said so';
		assert.equal(has(text, 0, 9), false);
		assert.equal(has(text, 10, 14), true);
		// A word cut by the end of the stretch is a different word.
		assert.equal(has(text, 10, 13), false);
	});

	void it('says yes for the extra characters', () => {
		assert.equal(has('a toll of 31 people'), true);
		assert.equal(has('a toll of thirty people'), false);
	});

	void it('always says yes for words it cannot compare letter by letter', () => {
		const accented = wordScanner(['según']);
		assert.equal(accented('nothing here', 0, 12), true);
	});
});
