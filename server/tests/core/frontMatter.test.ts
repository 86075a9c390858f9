import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFrontMatter } from '../../src/core/text/frontMatter';
import { lines, marked } from '../helpers';

void describe('parseFrontMatter', () => {
	void it('returns nothing without an opening --- line or without a closing one', () => {
		assert.equal(parseFrontMatter('Bridge shut\n---\n'), undefined);
		assert.equal(parseFrontMatter('---\ntitle: x\nno closing line'), undefined);
	});

	void it('reports malformed YAML at its position and still ends the block', () => {
		const { text, spans } = marked(lines('---', 'title: [[[]]unclosed', '---', 'Body.'));
		const fm = parseFrontMatter(text);
		assert.ok(fm);
		assert.equal(fm.problems.length > 0, true);
		assert.match(fm.problems[0]!.message, /not valid YAML/);
		assert.equal(text.slice(fm.end), 'Body.');
		assert.ok(fm.problems[0]!.start >= spans[0]!.start);
	});

	void it('reports a published value that is not a date, at the value', () => {
		const { text, spans } = marked(lines('---', 'published: [[last Tuesday]]', 'outlet: Fenwick Post', '---', ''));
		const fm = parseFrontMatter(text)!;
		assert.deepEqual(fm.metadata, { outlet: 'Fenwick Post' });
		assert.equal(fm.problems.length, 1);
		assert.equal(text.slice(fm.problems[0]!.start, fm.problems[0]!.end), spans[0]!.text);
	});

	void it('reports front matter that is not a mapping', () => {
		const fm = parseFrontMatter(lines('---', '- a list', '---', ''))!;
		assert.match(fm.problems[0]!.message, /mapping/);
	});

	void it('keeps unknown keys quiet and reads CRLF', () => {
		const fm = parseFrontMatter('---\r\ntitle: Bridge\r\nsection: local\r\n---\r\nBody')!;
		assert.deepEqual(fm.metadata, { title: 'Bridge' });
		assert.deepEqual(fm.problems, []);
	});
});
