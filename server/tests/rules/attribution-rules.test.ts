import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseDocument, Corpus, resolveOptions, type Finding, type PartialOptions } from '../../src/core';
import { lines, marked } from '../helpers';

const HEADLINE = 'Flood hits Marrow valley';

interface Located {
	readonly start: number;
	readonly end: number;
	readonly text: string;
}

function findingsOf(ruleId: string, text: string, options: PartialOptions = {}): Finding[] {
	return analyseDocument(text, resolveOptions(options)).findings.filter((f) => f.ruleId === ruleId);
}

/**
 * Every `[[…]]` span in `source` must be flagged by `ruleId`, and nothing else. A headline line is
 * prepended unless `withHeadline` is false.
 */
function check(ruleId: string, source: string, options: PartialOptions = {}, withHeadline = true): void {
	const { text, spans } = marked(withHeadline ? lines(HEADLINE, '', source) : source);
	assert.deepEqual(
		findingsOf(ruleId, text, options).map((f): Located => ({ start: f.start, end: f.end, text: text.slice(f.start, f.end) })),
		spans,
	);
}

/** A table row: the source, and a todo reason when the implementation is known to get it wrong. */
type Row = string | [source: string, todo: string];

function table(ruleId: string, rows: readonly Row[], verb: string): void {
	for (const row of rows) {
		const [source, todo] = typeof row === 'string' ? [row, undefined] : row;
		void it(`${verb} ${JSON.stringify(marked(source).text)}`, todo ? { todo } : {}, () => check(ruleId, source));
	}
}

void describe('unattributed-quote', () => {
	table(
		'unattributed-quote',
		[
			lines(
				'The port reopened on Monday after a week of talks.',
				'',
				'"[[It was never about the money.]]"',
				'',
				'Boats were moored along the quay.',
			),
			lines('The port reopened on Monday.', '', '\u201C[[Nobody told us the cranes were unsafe, not once.]]\u201D'),
			'Rescue crews worked through the night. "[[We could hear people calling from the roofs.]]" The river fell on Tuesday.',
		],
		'flags',
	);

	table(
		'unattributed-quote',
		[
			'"We could hear people calling from the roofs," Ilse Berg said.',
			'"We could hear people calling from the roofs," said Ilse Berg, a volunteer.',
			'Ilse Berg told the Marrow Courier: "We could hear people calling from the roofs."',
			'"We could hear people calling from the roofs," a witness said.',
			'"We could hear people calling from the roofs," a resident said.',
			'"We could hear people calling from the roofs," officials said.',
			lines('"We could hear people calling from the roofs," Ilse Berg said.', '', '"Then the water reached the second floor."'),
			lines(
				'"We could hear people calling from the roofs all night long," Ilse Berg said.',
				'',
				'\u201CWe could hear people calling from the roofs\u201D',
			),
			'Ilse Berg said the evacuation had been "a shambles".',
			'The mayor described the flood as a "once in a century" event.',
			'The river, which locals call "the grey snake", rose by a metre.',
		],
		'does not flag',
	);

	void it('does not flag a quote in the headline that the body quotes with its speaker', () => {
		check(
			'unattributed-quote',
			lines('"We could hear people calling" as flood hits Marrow', '', '"We could hear people calling from the roofs," Ilse Berg said.'),
			{},
			false,
		);
	});

	void it('reports a warning by default with the quote in the message, and can be turned off', () => {
		const text = lines(HEADLINE, '', 'The port reopened on Monday.', '', '"It was never about the money."');
		const [finding, ...rest] = findingsOf('unattributed-quote', text);
		assert.deepEqual(rest, []);
		assert.equal(finding?.severity, 'warning');
		assert.equal(finding?.message, 'Quotation with no speaker: "It was never about the money." is not attributed to anyone.');
		assert.deepEqual(finding?.data, { kind: 'direct' });
		assert.deepEqual(findingsOf('unattributed-quote', text, { rules: { 'unattributed-quote': 'off' } }), []);
	});
});

void describe('unattributed-claim', () => {
	table(
		'unattributed-claim',
		[
			'The flood killed [[14]] people in the valley.',
			'The flood killed [[fourteen]] people in the valley.',
			'Repairs to the embankment will cost [[3.5 million euros]].',
			'The government set aside [[$40 million]] for the clean-up.',
			'Turnout in the district fell to [[38 percent]] after the flood.',
			'Turnout in the district fell to [[38%]] after the flood.',
			'The Marrow reservoir is the [[second-largest]] in the country.',
			'The flood killed [[14]] people and destroyed 200 homes.',
			'Rescue crews worked through the night. The flood killed [[14]] people in the valley.',
			'A [[three]]-person delegation inspected the dam.',
			'[[Half]] of the embankment was washed away.',
			'The new pumps draw [[2]]MW each.',
			'It was [[the fifth successful]] rescue of the week.',
			'The actress, 26, said nothing. The flood killed [[14]] people in the valley.',
			'For the mayor, described by the Marrow Courier as "a stubborn man," the vote ended a [[30]]-year career.',
			'The alleged ringleader of the looting is serving a [[12]]-year sentence.',
		],
		'flags',
	);

	table(
		'unattributed-claim',
		[
			'The dam was built in 1974 by a state company.',
			'The dam was finished in the 1970s.',
			'The dam burst on July 15 after heavy rain.',
			'The dam burst on 15 July after heavy rain.',
			'A 45-year-old farmer was rescued from the roof of his barn.',
			'Ilse Berg, 45, was rescued from the roof of her barn.',
			'The sirens sounded at 10:30 on Sunday.',
			'The sirens sounded at 10:30 a.m. on Sunday.',
			'By 6. 30am the water had fallen.',
			'The farmer, 45, was rescued from the roof of his barn.',
			'A one-off payment was promised to every household.',
			'The MH17 memorial stands by the river.',
			'Residents can call 0800 555 0199 for help.',
			'Residents can call +44 20 7946 0958 for help.',
			'"We lost 14 neighbours in one night," Ilse Berg said.',
			'Ilse Berg said: "Repairs will cost at least 3.5 million euros."',
			'The flood killed 14 people, Ilse Berg said.',
			'The flood killed 14 people in the valley, according to the Marrow Fire Service.',
			'The Marrow Fire Service said the flood had killed 14 people.',
			'The flood killed 14 people, officials said.',
			'The flood killed 14 people in the valley, a source said.',
			'The flood reportedly killed 14 people in the valley.',
			'Rescue crews worked through the night.',
			'The flood was described by the Marrow Fire Service as the worst in 30 years.',
			'An estimated 4,000 people fled the valley.',
		],
		'does not flag',
	);

	void it('does not flag headlines, headings or captions', () => {
		check(
			'unattributed-claim',
			lines(
				'Flood kills 14 people in Marrow valley',
				'',
				'Rescue crews worked through the night.',
				'',
				'Rescue workers carry 3 children from a flooded house in Marrow (L)',
				'',
				'Damage put at 3.5 million euros',
				'',
				'The river fell on Tuesday.',
			),
			{},
			false,
		);
	});

	void it('does not flag a paragraph opened by "According to the agency," but flags the next paragraph', () => {
		check(
			'unattributed-claim',
			lines(
				'According to the agency, the flood killed 14 people.',
				'Repairs will cost 3.5 million euros.',
				'',
				'The second dam protects [[9,000]] residents downstream.',
			),
		);
	});

	void it('reports information by default with the sentence span and every figure in data', () => {
		const { text, spans } = marked(
			lines(HEADLINE, '', 'Rescue crews worked through the night. [[The flood killed 14 people and destroyed 200 homes.]]'),
		);
		const [finding, ...rest] = findingsOf('unattributed-claim', text);
		assert.deepEqual(rest, []);
		assert.equal(finding?.severity, 'information');
		assert.equal(text.slice(finding!.start, finding!.end), '14');
		assert.equal(finding?.message, 'Unattributed claim: "14" is stated with no source in the sentence.');
		const sentence = spans[0]!;
		assert.deepEqual(finding?.data, { sentence: { start: sentence.start, end: sentence.end }, figures: ['14', '200'] });
	});
});

void describe('vague-attribution: speakers the attribution layer finds vague', () => {
	table(
		'vague-attribution',
		[
			'The ferry caught fire off the coast on Monday. [[The officer said]] the crew had followed procedure.',
			'"The crew followed every procedure," [[the officer said]].',
			'The ferry caught fire off the coast on Monday, [[a naval officer said]].',
			lines('"The crew followed every procedure," [[a naval officer said]].', '', '"Nobody panicked, not even the children," [[he said]].'),
			'The ferry caught fire on Monday, [[a naval officer said]]. [[He said]] the crew had followed procedure.',
		],
		'flags',
	);

	void it('does not flag "the officer said" when the article names the officer', () => {
		check('vague-attribution', 'Police officer Jonas Wirth arrived first. The officer said the crew had followed procedure.', {
			knownEntities: [{ name: 'Jonas Wirth', type: 'person' }],
		});
	});

	void it('does not flag "the minister said" after a speaker "Foreign Minister Ana Lind", without the model', () => {
		check(
			'vague-attribution',
			lines(
				'Foreign Minister Ana Lind said on Tuesday that the talks had stalled.',
				'',
				'"We are not leaving without an agreement," the minister said.',
			),
		);
	});

	void it('does not flag "the governor stated" when the recogniser took the titled name for an organisation', () => {
		check(
			'vague-attribution',
			lines('The toll rose to 12, Marrow Governor Ilse Berg said.', '', 'The governor stated that 2,000 people needed shelter.'),
			{ knownEntities: [{ name: 'Marrow Governor Ilse Berg', type: 'organization' }] },
		);
	});

	void it('does not flag "he said" referring to a named speaker', () => {
		check('vague-attribution', lines('"The crew followed every procedure," Jonas Wirth said.', '', '"Nobody panicked," he said.'), {
			knownEntities: [{ name: 'Jonas Wirth', type: 'person' }],
		});
	});

	void it('names the fitting source the article cites later', () => {
		const { text, spans } = marked(
			lines(
				HEADLINE,
				'',
				'[[A monitoring group said]] the fire spread within minutes.',
				'',
				'[[The Baltic Maritime Observatory]] said the ferry had failed two inspections this year.',
			),
		);
		const [phrase, source] = spans;
		const findings = findingsOf('vague-attribution', text);
		assert.equal(findings.length, 1);
		const [finding] = findings;
		assert.deepEqual({ start: finding!.start, end: finding!.end }, { start: phrase!.start, end: phrase!.end });
		assert.equal(
			finding!.message,
			'Vague source: "A monitoring group said" cites a group without naming it. The article later cites Baltic Maritime Observatory, which may be this source.',
		);
		assert.deepEqual(finding!.related, [
			{ start: source!.start, end: source!.end, message: 'Possibly the source: Baltic Maritime Observatory' },
		]);
		assert.deepEqual(finding!.data, {
			phrase: 'A monitoring group said',
			kind: 'unnamed-group',
			likelySource: 'Baltic Maritime Observatory',
		});
	});

	void it('names a news outlet cited later for "local media reported"', () => {
		const text = lines(
			HEADLINE,
			'',
			'Local media reported that the ferry had been overloaded.',
			'',
			'The Harbour Times reported that the ferry carried twice its limit.',
		);
		const [finding, ...rest] = findingsOf('vague-attribution', text);
		assert.deepEqual(rest, []);
		assert.equal(
			finding?.message,
			'Vague source: "Local media reported" cites reports without saying whose. The article later cites Harbour Times, which may be this source.',
		);
	});

	void it('suggests no source when none fits, or when the fitting one comes before', () => {
		const unfit = lines(
			HEADLINE,
			'',
			'A monitoring group said the fire spread within minutes.',
			'',
			'The coast guard said the crew had followed procedure.',
		);
		const before = lines(
			HEADLINE,
			'',
			'The Baltic Maritime Observatory said the ferry had failed two inspections.',
			'',
			'A monitoring group said the fire spread within minutes.',
		);
		for (const text of [unfit, before]) {
			const findings = findingsOf('vague-attribution', text);
			assert.deepEqual(
				findings.map((f) => [f.message, f.related, f.data]),
				[
					[
						'Vague source: "A monitoring group said" cites a group without naming it.',
						undefined,
						{ phrase: 'A monitoring group said', kind: 'unnamed-group' },
					],
				],
			);
		}
	});
});

void describe('quote-variant', () => {
	const LIND_FULL =
		'Ceasefire talks resume\n\n"[[We are ready to discuss all the details of a ceasefire,]]" Foreign Minister Ana Lind said on Monday.';
	const LIND_VARIANT = 'Lind ready for talks\n\nAna Lind told reporters: "[[We are ready to discuss all details of a ceasefire.]]"';

	/** Adds marked documents to a fresh corpus; returns it with each document's text and spans. */
	function corpusOf(docs: Record<string, string>) {
		const corpus = new Corpus(resolveOptions());
		const parsed: Record<string, ReturnType<typeof marked>> = {};
		for (const [id, source] of Object.entries(docs)) {
			parsed[id] = marked(source);
			corpus.update(id, parsed[id].text, 1);
		}
		const variants = (id: string) => corpus.findings(id).filter((f) => f.ruleId === 'quote-variant');
		return { corpus, parsed, variants };
	}

	void it('flags the same speaker quoted with a word changed, in both documents, each pointing at the other', () => {
		const { parsed, variants } = corpusOf({ 'a.txt': LIND_FULL, 'b.txt': LIND_VARIANT });
		const a = parsed['a.txt']!.spans[0]!;
		const b = parsed['b.txt']!.spans[0]!;
		const view = (f: Finding) => ({
			start: f.start,
			end: f.end,
			severity: f.severity,
			related: f.related?.map((r) => [r.docId, r.start, r.end]),
		});
		assert.deepEqual(variants('a.txt').map(view), [
			{ start: a.start, end: a.end, severity: 'information', related: [['b.txt', b.start, b.end]] },
		]);
		assert.deepEqual(variants('b.txt').map(view), [
			{ start: b.start, end: b.end, severity: 'information', related: [['a.txt', a.start, a.end]] },
		]);
		const [finding] = variants('b.txt');
		assert.equal(
			finding?.message,
			`Quote variant: Ana Lind's words here differ from another article's "We are ready to discuss all the details of a ceasefire,".`,
		);
		assert.equal(finding?.related?.[0]?.message, 'Worded "We are ready to discuss all the details of a ceasefire," here (1 word differs)');
	});

	void it('flags renderings of equal length in both documents even when only one reads as an excerpt of the other', () => {
		// Read one way, "to" and "personal" are two edits (above the limit of one for seven words); read
		// the other way, "to" is outside the excerpt and only "personal" differs.
		const { variants } = corpusOf({
			'a.txt': 'Verdict in Marrow\n\nHe used the office to "satisfy his own personal appetites and desires," prosecutor Ida Ros said.',
			'b.txt': 'Marrow verdict\n\nHe used the office "to satisfy his own appetites and desires," prosecutor Ida Ros said.',
		});
		assert.equal(variants('a.txt').length, 1);
		assert.equal(variants('b.txt').length, 1);
	});

	void it('does not flag an exact excerpt of a longer quotation', () => {
		const { corpus, parsed, variants } = corpusOf({
			'a.txt': LIND_FULL,
			'b.txt': 'Lind ready for talks\n\nAna Lind said the government was "[[ready to discuss all the details of a ceasefire]]".',
		});
		// Both quotations are indexed under the same speaker and compared: an excerpt is at distance 0.
		const [quote] = corpus.quotations.quotes('b.txt');
		assert.deepEqual(
			{ start: quote?.start, end: quote?.end },
			{ start: parsed['b.txt']!.spans[0]!.start, end: parsed['b.txt']!.spans[0]!.end },
		);
		assert.deepEqual(
			corpus.quotations.matches(quote!).map((m) => [m.quote.docId, m.distance]),
			[['a.txt', 0]],
		);
		assert.deepEqual(variants('a.txt'), []);
		assert.deepEqual(variants('b.txt'), []);
	});

	void it('does not flag the same words changed when a different speaker says them', () => {
		const { variants } = corpusOf({ 'a.txt': LIND_FULL, 'b.txt': LIND_VARIANT.replace('Ana Lind told', 'Marek Olsen told') });
		assert.deepEqual(variants('a.txt'), []);
		assert.deepEqual(variants('b.txt'), []);
	});

	void it('never compares quotations under four words', () => {
		const { variants } = corpusOf({
			'a.txt': 'Ceasefire talks resume\n\n"We are ready," Ana Lind said on Monday.',
			'b.txt': 'Lind ready for talks\n\nAna Lind told reporters: "We are set."',
		});
		assert.deepEqual(variants('a.txt'), []);
		assert.deepEqual(variants('b.txt'), []);
	});

	void it('does not flag quotations that differ in more than a quarter of their words', () => {
		const { variants } = corpusOf({
			'a.txt': LIND_FULL,
			'b.txt': 'Lind ready for talks\n\nAna Lind told reporters: "We are willing to debate some details of a truce."',
		});
		assert.deepEqual(variants('a.txt'), []);
		assert.deepEqual(variants('b.txt'), []);
	});

	void it('reports as changed the articles holding a variant, before or after an edit, never verbatim copies', () => {
		const copy = LIND_FULL.replace('Ceasefire talks resume', 'Talks to resume');
		const { corpus } = corpusOf({ 'a.txt': LIND_FULL, 'b.txt': LIND_VARIANT, 'copy.txt': copy });
		const text = marked(LIND_FULL).text;
		// An edit outside the quotation: b.txt points at a.txt's quotation, copy.txt never does.
		assert.deepEqual(corpus.update('a.txt', `${text}\n\nMore later.`, 2), ['a.txt', 'b.txt']);
		// The quotation made verbatim with b.txt's: b.txt loses its variant, copy.txt gains one.
		const same = text.replace('all the details of a ceasefire,', 'all details of a ceasefire.');
		assert.deepEqual(corpus.update('a.txt', same, 3)?.sort(), ['a.txt', 'b.txt', 'copy.txt']);
		assert.deepEqual(
			corpus
				.findings('copy.txt')
				.filter((f) => f.ruleId === 'quote-variant')
				.map((f) => f.related?.map((r) => r.docId)),
			[['a.txt', 'b.txt']],
		);
		assert.deepEqual(
			corpus
				.findings('b.txt')
				.filter((f) => f.ruleId === 'quote-variant')
				.map((f) => f.related?.map((r) => r.docId)),
			[['copy.txt']],
		);
		// Removing a.txt changes only copy.txt, which held a variant of it.
		assert.deepEqual(corpus.remove('a.txt'), ['a.txt', 'copy.txt']);
	});

	void it('stops flagging once the other document is removed, and can be turned off', () => {
		const { corpus, variants } = corpusOf({ 'a.txt': LIND_FULL, 'b.txt': LIND_VARIANT });
		assert.equal(variants('a.txt').length, 1);
		corpus.remove('b.txt');
		assert.deepEqual(variants('a.txt'), []);

		const off = new Corpus(resolveOptions({ rules: { 'quote-variant': 'off' } }));
		off.update('a.txt', marked(LIND_FULL).text, 1);
		off.update('b.txt', marked(LIND_VARIANT).text, 1);
		assert.deepEqual(
			off.findings('a.txt').filter((f) => f.ruleId === 'quote-variant'),
			[],
		);
	});
});

void describe('corpus speaker names', () => {
	void it('names a continued or repeated quotation after its speaker, not after a name inside the quotation it follows', () => {
		const corpus = new Corpus(
			resolveOptions({
				knownEntities: [
					{ name: 'Piet Madsen', type: 'person' },
					{ name: 'Harbour Authority', type: 'organization' },
				],
			}),
		);
		const text = lines(
			HEADLINE,
			'',
			'"We spoke with the Harbour Authority about the boats," Piet Madsen said on Monday.',
			'',
			'"We will not leave the quay until they listen."',
		);
		corpus.update('a.txt', text, 1);
		assert.deepEqual(
			corpus.entities.mentions('a.txt').map((m) => [text.slice(m.start, m.end), m.type]),
			[
				['Harbour Authority', 'organization'],
				['Piet Madsen', 'person'],
			],
		);
		assert.deepEqual(
			corpus
				.get('a.txt')!
				.analysis.attribution.quotes.map((q) => [
					q.kind,
					q.speaker?.resolution,
					q.speaker ? corpus.speakerName('a.txt', q.speaker).name : undefined,
				]),
			[
				['direct', 'name', 'Piet Madsen'],
				['continuation', 'continuation', 'Piet Madsen'],
			],
		);
	});
});
