import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates } from '../../src/core/entities/dates';
import { findNumbers, wordsToNumber } from '../../src/core/figures/numbers';
import { marked } from '../helpers';

function check(source: string, find: (text: string) => { start: number; end: number }[]): void {
	const { text, spans } = marked(source);
	assert.deepEqual(
		find(text).map((d) => text.slice(d.start, d.end)),
		spans.map((s) => s.text),
	);
}

void describe('findDates', () => {
	const cases = [
		'The dam failed on [[Tuesday night]] and again on [[Wednesday]].',
		'It opened on [[August 9, 2016]] and closed on [[15 July]].',
		'Talks resumed [[Aug. 9]] after a pause since [[last November]].',
		'The plant was built in [[1987]] and upgraded in the [[1990s]].',
		'Published [[2025-03-04]], updated [[yesterday]].',
		'Rain fell [[last week]]; the warning came [[two days ago]].',
		'The report from [[June 2013]] was revised in [[early March]].',
		'It was [[Thursday, March 14, 2013]].',
		'You may go. Officials may resign. Maybe in May.',
		'The 1987 Act has 2013 clauses.',
		'She was born in Marchmont and lives on Sundaystraat.',
	];
	for (const source of cases) {
		void it(`finds the dates in ${JSON.stringify(marked(source).text)}`, () => check(source, (t) => findDates(t)));
	}

	void it('reads the parts it states', () => {
		const [full, partial, weekday] = findDates('On August 9, 2016 and 15 July, or Thursday.');
		assert.deepEqual(full?.value, { year: 2016, month: 8, day: 9 });
		assert.equal(full?.kind, 'absolute');
		assert.deepEqual(partial?.value, { month: 7, day: 15 });
		assert.equal(partial?.kind, 'relative');
		assert.deepEqual(weekday?.value, { weekday: 4 });
	});
});

void describe('findNumbers', () => {
	const cases = [
		'More than [[16,000]] people were arrested and [[17,740]] formally charged.',
		'The fund holds [[€40 million]], or [[40 million euros]], and [[$2.5bn]] in bonds.',
		'Turnout was [[45%]], up from [[38 per cent]] and [[41.5 percent]].',
		'[[Forty-two]] were injured and [[two hundred and five]] evacuated.',
		'[[Dozens]] were hurt; [[hundreds]] fled and [[tens of thousands]] lost power.',
		'Someone said the alone one-off is done.',
		'Flight MH17 and the A380 are names, not figures.',
	];
	for (const source of cases) {
		void it(`finds the numbers in ${JSON.stringify(marked(source).text)}`, () => check(source, (t) => findNumbers(t)));
	}

	void it('reads values', () => {
		assert.deepEqual(
			findNumbers('16,000 and 2.5 million and €40m and forty-two').map((n) => n.value),
			[16000, 2.5e6, 40e6, 42],
		);
		assert.equal(wordsToNumber('seventeen'), 17);
		assert.equal(wordsToNumber('three hundred and twelve thousand'), 312000);
	});
});
