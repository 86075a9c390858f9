import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyseDocument, resolveOptions } from '../../src/core';
import { addIntervals } from '../../src/core/rules/figure-arithmetic';
import { formatInterval, qualify } from '../../src/core/figures/intervals';
import { lines, repoRoot } from '../helpers';

function arithmetic(body: string, rules: Record<string, string> = {}) {
	const text = lines('Flood hits Marrow', '', body);
	const analysis = analyseDocument(text, resolveOptions({ recogniseEntities: false, rules: rules as never }));
	return analysis.findings
		.filter((f) => f.ruleId === 'figure-arithmetic')
		.map((f) => ({
			at: text.slice(f.start, f.end),
			message: f.message,
			severity: f.severity,
			related: f.related?.map((r) => text.slice(r.start, r.end)),
		}));
}

void describe('figure-arithmetic', () => {
	void it('flags a part and the rest that do not make the total, linked to both', () => {
		const found = arithmetic('The flood killed 30 people, including 24 civilians. The remaining eight were soldiers.');
		assert.deepEqual(found, [
			{
				at: 'eight',
				message: 'Figures do not add up (killed): "24" and the remaining "eight" make 32, not the total "30".',
				severity: 'warning',
				related: ['30', '24'],
			},
		]);
	});

	void it('accepts parts that add up, in one sentence or the next', () => {
		assert.deepEqual(arithmetic('The flood killed 31 people, including 12 children. Of the remaining 19 adults, most were elderly.'), []);
		assert.deepEqual(arithmetic('The flood killed 31 people, including 12 children; the remaining 19 were adults.'), []);
	});

	void it('allows for qualifiers and rounding', () => {
		// "at least 30" leaves room for 24 + 8; "about 600" is 540 to 660.
		assert.deepEqual(arithmetic('The flood killed at least 30 people, including 24 civilians. The remaining eight were soldiers.'), []);
		assert.deepEqual(arithmetic('The flood killed about 600 people, including 400 civilians. The remaining 250 were soldiers.'), []);
	});

	void it('flags a part larger than its total', () => {
		const found = arithmetic('The flood injured 40 people, including 45 children.');
		assert.deepEqual(
			found.map((f) => [f.at, f.message]),
			[['45', 'Figures do not add up (injured): the part "45" is more than the total "40".']],
		);
		assert.deepEqual(arithmetic('The flood injured 40 people, including 15 children.'), []);
	});

	void it('does not guess when two parts stand before "the remaining", or when the total is in a headline', () => {
		// Children and women may overlap: the rest of which is unclear.
		assert.deepEqual(arithmetic('The flood killed 30 people, including 12 children and 10 women. The remaining 20 were men.'), []);
		const text = lines('Flood kills 30', '', 'Among the dead, 34 were civilians.');
		const analysis = analyseDocument(text, resolveOptions({ recogniseEntities: false }));
		assert.deepEqual(
			analysis.findings.filter((f) => f.ruleId === 'figure-arithmetic'),
			[],
		);
	});

	void it('can be turned off', () => {
		assert.deepEqual(arithmetic('The flood injured 40 people, including 45 children.', { 'figure-arithmetic': 'off' }), []);
	});

	void it('adds intervals bound by bound', () => {
		assert.equal(formatInterval(addIntervals(qualify(24, undefined), qualify(8, 'at least'))), '[32, ∞)');
		assert.equal(formatInterval(addIntervals(qualify(10, 'about'), qualify(5, undefined))), '[14, 16]');
	});
});

void describe('figure-arithmetic on generic counts', () => {
	void it('leaves counts of things alone: "two of the boats … the remaining three" is not a total and its rest', () => {
		assert.deepEqual(arithmetic('Two of the boats got away, but the navy stopped the remaining three boats.'), []);
	});
});

void describe('figure-arithmetic on the demo corpus', () => {
	void it('flags the planted parts that do not add up (samples/README.md F18) and accepts the ones that do (F3)', () => {
		const read = (name: string) => {
			const text = readFileSync(path.join(repoRoot, 'samples', name), 'utf8');
			const found = analyseDocument(text, resolveOptions({ recogniseEntities: false })).findings.filter(
				(f) => f.ruleId === 'figure-arithmetic',
			);
			return found.map((f) => [text.slice(f.start, f.end), f.message]);
		};
		assert.deepEqual(read('northgate-wire.txt'), [
			['44', 'Figures do not add up (injured): "17" and the remaining "44" make 61, not the total "58".'],
		]);
		assert.deepEqual(read('kestrava-courier.txt'), []);
	});
});
