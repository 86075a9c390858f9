import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseStructure } from '../../src/core/text/structure';
import { lines, marked } from '../helpers';

function kinds(text: string): [string, string][] {
	const structure = analyseStructure(text);
	return structure.lines.map((l) => [text.slice(l.start, l.end), l.reason ? `${l.kind}:${l.reason}` : l.kind]);
}

void describe('analyseStructure', () => {
	void it('classifies headline, body, debris, caption and repeated site furniture', () => {
		const text = lines(
			'Skip to main content',
			'Lowmarsh Daily',
			'Tarrow Bridge shut after cracks found',
			'',
			'Engineers closed the bridge on Monday after inspectors found cracks.',
			'Advertisement',
			'Inspector Ruth Anselm examines a pier (L)',
			'The repairs will take a month, the council said.',
			'Council crews at work',
			'Traffic was diverted through the old town.',
			'Lowmarsh Daily',
			'Ferry fares to rise in spring',
			'Harbour board elects new chair',
		);
		assert.deepEqual(kinds(text), [
			['Skip to main content', 'boilerplate:navigation'],
			['Lowmarsh Daily', 'boilerplate:repeated'],
			['Tarrow Bridge shut after cracks found', 'headline'],
			['Engineers closed the bridge on Monday after inspectors found cracks.', 'body'],
			['Advertisement', 'boilerplate:advertising'],
			['Inspector Ruth Anselm examines a pier (L)', 'caption'],
			['The repairs will take a month, the council said.', 'body'],
			['Council crews at work', 'heading'],
			['Traffic was diverted through the old town.', 'body'],
			['Lowmarsh Daily', 'boilerplate:repeated'],
			['Ferry fares to rise in spring', 'boilerplate:teaser'],
			['Harbour board elects new chair', 'boilerplate:teaser'],
		]);
	});

	void it('splits a photo credit glued to the last word of a caption into a line of its own', () => {
		const text = lines(
			'Bridge shut',
			'',
			'Engineers closed the bridge.',
			'Inspector Ruth Anselm examines a pier',
			'Inspector Ruth Anselm examines a pierCredit: Getty Images',
			'The mayor on August 9Photo: AFP',
			'No Credit: was given, nor was the LowmarshCredit union named.',
		);
		assert.deepEqual(kinds(text), [
			['Bridge shut', 'headline'],
			['Engineers closed the bridge.', 'body'],
			// The page repeats the caption without its credit: neither copy is taken for repeated furniture.
			['Inspector Ruth Anselm examines a pier', 'heading'],
			['Inspector Ruth Anselm examines a pier', 'heading'],
			['Credit: Getty Images', 'boilerplate:photo-credit'],
			['The mayor on August 9', 'heading'],
			['Photo: AFP', 'boilerplate:photo-credit'],
			['No Credit: was given, nor was the LowmarshCredit union named.', 'body'],
		]);
		assert.deepEqual(
			analyseStructure(text)
				.sentences.map((s) => text.slice(s.start, s.end))
				.filter((s) => /Credit|Photo/.test(s)),
			['No Credit: was given, nor was the LowmarshCredit union named.'],
		);
	});

	void it('treats a line after a gallery counter as a caption', () => {
		const text = lines('Bridge shut', '', 'Engineers closed it.', '3', 'The bridge seen from the east bank', 'Work starts soon.');
		assert.deepEqual(
			kinds(text).map(([, k]) => k),
			['headline', 'body', 'boilerplate:counter', 'caption', 'body'],
		);
	});

	void it('finds datelines at the start of body lines and on their own line', () => {
		const { text, spans } = marked(
			lines(
				'Bridge shut',
				'',
				'[[LOWMARSH, Eastland (Fenwick Post) —]] Engineers closed the bridge.',
				'',
				'[[Lowmarsh - Fenwick Post]]',
				'',
				'[[TARROW (FP) -]] Traffic was diverted.',
			),
		);
		const structure = analyseStructure(text);
		assert.deepEqual(
			structure.datelines.map((d) => text.slice(d.start, d.end)),
			spans.map((s) => s.text),
		);
	});

	void it('does not take an ordinary sentence for a dateline', () => {
		const text = lines('Bridge shut', '', 'Engineers - not inspectors - closed the bridge on Monday.', 'The Mayor, Ida Ros, agreed.');
		assert.deepEqual(analyseStructure(text).datelines, []);
	});

	void it('skips front matter and keeps offsets in the original text', () => {
		const text = lines(
			'---',
			'title: Bridge shut',
			'outlet: Fenwick Post',
			'published: 2025-03-04T08:00:00Z',
			'---',
			'Bridge shut',
			'',
			'Engineers closed it.',
		);
		const structure = analyseStructure(text);
		assert.deepEqual(structure.frontMatter?.metadata, { title: 'Bridge shut', outlet: 'Fenwick Post', published: '2025-03-04T08:00:00Z' });
		assert.equal(text.slice(structure.lines[0]!.start, structure.lines[0]!.end), 'Bridge shut');
		assert.equal(structure.lines.length, 2);
	});

	void it('reads CRLF text with the same kinds and exact offsets', () => {
		const lf = lines('Bridge shut', '', 'Advertisement', '', 'Engineers closed it.', '');
		const crlf = lf.replace(/\n/g, '\r\n');
		assert.deepEqual(kinds(crlf), kinds(lf));
		for (const line of analyseStructure(crlf).lines) {
			assert.ok(!/[\r\n]/.test(crlf.slice(line.start, line.end)));
		}
	});

	void it('ignores a byte-order mark at the start', () => {
		const text = '\uFEFFBridge shut\n\nEngineers closed it.';
		const structure = analyseStructure(text);
		assert.equal(text.slice(structure.lines[0]!.start, structure.lines[0]!.end), 'Bridge shut');
	});

	void it('handles empty and blank texts', () => {
		assert.deepEqual(analyseStructure('').lines, []);
		assert.deepEqual(analyseStructure('\n\n  \r\n').lines, []);
	});

	void it('is linear: a 2 MB line of quotes and digits is analysed quickly', () => {
		const text = '"1,000 " '.repeat(250_000);
		const started = Date.now();
		analyseStructure(text);
		assert.ok(Date.now() - started < 5000);
	});
});
