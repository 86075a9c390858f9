import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Corpus, describeFact, factAt, factGroups, factRows, resolveOptions, type DocumentLinker } from '../../src/core';
import { groupRelation } from '../../src/core/corpus/factTable';
import { findFacts } from '../../src/core/figures/facts';
import { analyseStructure } from '../../src/core/text/structure';
import { lines } from '../helpers';

function article(published: string | undefined, body: string): string {
	return [
		...(published ? ['---', `published: ${published}`, 'outlet: Outlet ' + published.slice(-2), '---'] : []),
		'Flood hits Marrow',
		'',
		body,
	].join('\n');
}

function corpusOf(docs: Record<string, string>): Corpus {
	const corpus = new Corpus(resolveOptions({ recogniseEntities: false }));
	for (const [path, text] of Object.entries(docs)) {
		corpus.update(path, text, 1, path);
	}
	return corpus;
}

const linker: DocumentLinker = (docId) => ({
	label: docId,
	link: (offset) => `file:///${docId}#${offset}`,
	line: () => 2,
});

void describe('fact table', () => {
	const corpus = corpusOf({
		'marrow/b.txt': article('2025-03-02', 'The flood killed 13 people. It injured 42 people.'),
		'marrow/a.txt': article('2025-03-01', 'The flood killed 10 people. It injured about 40 people.'),
		'marrow/c.txt': article(undefined, 'The flood killed at least 10 people.'),
		'lowmarsh/d.txt': article(undefined, 'The flood killed 99 people.'),
	});

	void it('finds the figure at an offset, qualifier included', () => {
		const text = corpus.get('marrow/c.txt')!.text;
		const at = text.indexOf('least');
		assert.equal(factAt(corpus, 'marrow/c.txt', at)?.text, 'at least 10');
		assert.equal(factAt(corpus, 'marrow/c.txt', text.indexOf('flood killed')), undefined);
	});

	void it("lists every article's figure for the quantity, by publication time, with how each relates to this one", () => {
		const text = corpus.get('marrow/a.txt')!.text;
		const ten = factAt(corpus, 'marrow/a.txt', text.indexOf('10'))!;
		const rows = factRows(corpus, 'marrow/a.txt', ten).map((r) => [r.docId, r.fact.text, r.published ?? '', r.relation]);
		assert.deepEqual(rows, [
			['marrow/a.txt', '10', '2025-03-01', 'self'],
			['marrow/b.txt', '13', '2025-03-02', 'conflict'],
			// Undated articles come last; the other cluster's "99" is not listed.
			['marrow/c.txt', 'at least 10', '', 'equal'],
		]);
	});

	void it('renders the table as Markdown with a link to each passage', () => {
		const text = corpus.get('marrow/b.txt')!.text;
		const thirteen = factAt(corpus, 'marrow/b.txt', text.indexOf('13'))!;
		const markdown = describeFact(corpus, 'marrow/b.txt', thirteen, linker);
		assert.match(markdown, /^\*\*Figure\*\* "13" · killed · the flood/);
		assert.match(markdown, /The same quantity in 3 articles:/);
		const rows = markdown.split('\n').filter((l) => l.startsWith('| ['));
		assert.equal(rows.length, 3);
		assert.match(
			rows[0]!,
			/^\| \[Outlet 01 \(a\.txt\):3\]\(file:\/\/\/marrow\/a\.txt#\d+\) \| 10 \| 10 \| 2025-03-01 \| \*\*cannot both be true\*\* \|$/,
		);
		assert.match(rows[1]!, /\| 13 \| 13 \| 2025-03-02 \| \*\*this figure\*\* \|$/);
		assert.match(rows[2]!, /\| at least 10 \| \\\[10, ∞\) \| {2}\| differs, can be true \|$/);
	});

	void it('says so when no other figure reports the quantity', () => {
		const d = corpus.get('lowmarsh/d.txt')!.text;
		const markdown = describeFact(corpus, 'lowmarsh/d.txt', factAt(corpus, 'lowmarsh/d.txt', d.indexOf('99'))!, linker);
		assert.match(markdown, /No other figure of the cluster reports this quantity\./);
	});

	void it('groups the figures reported by several articles, conflicts first', () => {
		const groups = factGroups(corpus).map((g) => [g.cluster, g.label, g.relation, g.articles, g.facts.map((f) => f.fact.text).join(' / ')]);
		assert.deepEqual(groups, [
			['marrow', "killed — the cluster's event", 'conflict', 3, '10 / 13 / at least 10'],
			['marrow', "injured — the cluster's event", 'divergent', 2, 'about 40 / 42'],
		]);
		// With one article allowed, the other cluster's lone figure is listed too.
		assert.equal(factGroups(corpus, 1).length, 3);
	});

	void it('tells a group that cannot all be true from one that can, in one pass', () => {
		const text = lines(
			'Flood hits Marrow',
			'',
			'It killed at least 10. It killed fewer than 12. It killed 11. It killed more than 11. It killed 12.',
		);
		const [atLeast10, under12, eleven, over11, twelve] = findFacts(text, analyseStructure(text));
		assert.equal(groupRelation([atLeast10!, under12!, eleven!]), 'divergent');
		assert.equal(groupRelation([atLeast10!, under12!, over11!]), 'divergent');
		assert.equal(groupRelation([atLeast10!, under12!, twelve!]), 'conflict');
		assert.equal(groupRelation([eleven!, over11!]), 'conflict');
		assert.equal(groupRelation([eleven!, eleven!]), 'equal');
	});
});

void describe('figure finding messages', () => {
	void it('name a figure written the same way twice in one article once', () => {
		const corpus = corpusOf({
			'm/a.txt': lines('Flood hits Marrow', '', 'The flood killed 29 people. Officials said the flood killed 29 people.'),
			'm/b.txt': lines('Flood hits Marrow', '', 'The flood killed 31 people.'),
		});
		const [finding] = corpus.findings('m/b.txt').filter((f) => f.ruleId === 'figure-conflict');
		assert.equal(finding?.message, 'Figure conflict (killed): "31" here cannot match "29" (a.txt) elsewhere.');
		assert.equal(finding?.related?.length, 2);
	});
});

void describe('figure findings after edits', () => {
	const conflicts = (corpus: Corpus, id: string) =>
		corpus
			.findings(id)
			.filter((f) => f.ruleId === 'figure-conflict')
			.map((f) => f.message);

	void it('follow an edit of a figure in another article of the cluster, and only that cluster', () => {
		const corpus = corpusOf({
			'marrow/a.txt': article('2025-03-01', 'The flood killed 10 people.'),
			'marrow/b.txt': article('2025-03-02', 'The flood killed 13 people.'),
			'lowmarsh/d.txt': article(undefined, 'The flood killed 99 people.'),
		});
		assert.equal(conflicts(corpus, 'marrow/a.txt').length, 1);
		assert.deepEqual(corpus.update('marrow/b.txt', article('2025-03-02', 'The flood killed 10 people.'), 2, 'marrow/b.txt'), [
			'marrow/b.txt',
			'marrow/a.txt',
		]);
		assert.deepEqual(conflicts(corpus, 'marrow/a.txt'), []);
		corpus.update('marrow/b.txt', article('2025-03-02', 'The flood killed 14 people.'), 3, 'marrow/b.txt');
		assert.deepEqual(conflicts(corpus, 'marrow/a.txt'), [
			'Figure conflict (killed): "10" here cannot match "14" (Outlet 02 (b.txt)) elsewhere. Later reports give higher figures: possibly an update rather than a contradiction.',
		]);
	});

	void it("follow a change of another article's outlet, though its figures are the same", () => {
		const corpus = corpusOf({
			'marrow/a.txt': article('2025-03-01', 'The flood killed 10 people.'),
			'marrow/b.txt': article('2025-03-02', 'The flood killed 13 people.'),
			'marrow/e.txt': article('2025-03-03', 'Rain is forecast for the weekend.'),
			'lowmarsh/d.txt': article(undefined, 'The flood killed 99 people.'),
		});
		assert.match(conflicts(corpus, 'marrow/a.txt')[0]!, /Outlet 02 \(b\.txt\)/);
		const renamed = article('2025-03-02', 'The flood killed 13 people.').replace('outlet: Outlet 02', 'outlet: Marrow Courier');
		assert.deepEqual(corpus.update('marrow/b.txt', renamed, 2, 'marrow/b.txt')?.sort(), ['marrow/a.txt', 'marrow/b.txt', 'marrow/e.txt']);
		assert.match(conflicts(corpus, 'marrow/a.txt')[0]!, /Marrow Courier \(b\.txt\)/);
	});
});
