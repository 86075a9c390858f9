import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseDocument, resolveOptions, type PartialOptions, type Span } from '../../src/core';
import type { Attribution, AttributionKind, AttributionStatus } from '../../src/core/attribution/analyse';
import type { Resolution } from '../../src/core/attribution/speakers';
import { lines, marked } from '../helpers';

/** The headline every test article starts with, so the body lines are body lines. */
const HEADLINE = 'Harbour dispute drags on in Orvik';

interface Located {
	readonly start: number;
	readonly end: number;
	readonly text: string;
}

/** What a test compares of an attribution: its spans (offsets and text), kind, status and speaker resolution. */
interface View {
	readonly quote: Located;
	readonly kind: AttributionKind;
	readonly status: AttributionStatus;
	readonly speaker: Located | undefined;
	readonly resolution: Resolution | undefined;
	readonly canonical: string | undefined;
	readonly cue: Located | undefined;
}

function located(text: string, span: Span | undefined): Located | undefined {
	return span ? { start: span.start, end: span.end, text: text.slice(span.start, span.end) } : undefined;
}

function view(text: string, quote: Attribution): View {
	return {
		quote: located(text, quote)!,
		kind: quote.kind,
		status: quote.status,
		speaker: located(text, quote.speaker),
		resolution: quote.speaker?.resolution,
		canonical: quote.speaker?.canonical,
		cue: located(text, quote.cue),
	};
}

/** Analyses `HEADLINE` + a blank line + `body`, with `[[…]]` spans stripped from the body. */
function analyse(body: string, options: PartialOptions = {}) {
	const { text, spans } = marked(lines(HEADLINE, '', body));
	const analysis = analyseDocument(text, resolveOptions(options));
	return { text, spans, analysis, attribution: analysis.attribution };
}

/** The attribution whose content starts at `start`. */
function quoteAt(quotes: readonly Attribution[], start: number): Attribution {
	const quote = quotes.find((q) => q.start === start);
	assert.ok(quote, `no attribution starts at ${start}; found ${JSON.stringify(quotes.map((q) => [q.start, q.end, q.kind]))}`);
	return quote;
}

type Role = 'quote' | 'speaker' | 'cue';

/** One sentence shape: its `[[…]]` spans play `roles` in order; the article holds exactly this one attribution. */
interface Shape {
	readonly name: string;
	readonly body: string;
	readonly roles: readonly Role[];
	readonly kind: AttributionKind;
	readonly status: AttributionStatus;
	readonly resolution?: Resolution;
	readonly canonical?: string;
	readonly todo?: string;
}

void describe('attribution: speaker, cue, kind and status by sentence shape', () => {
	const shapes: Shape[] = [
		{
			name: '"…," X said.',
			body: '"[[Nobody wanted this dispute to last this long,]]" [[Tomas Brandt]] [[said]].',
			roles: ['quote', 'speaker', 'cue'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Tomas Brandt',
		},
		{
			name: '"…," said X.',
			body: '"[[Nobody wanted this dispute to last this long,]]" [[said]] [[Tomas Brandt]].',
			roles: ['quote', 'cue', 'speaker'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Tomas Brandt',
		},
		{
			name: 'X said: "…"',
			body: '[[Tomas Brandt]] [[said]]: "[[Nobody wanted this dispute to last this long.]]"',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Tomas Brandt',
		},
		{
			name: 'X told NTV: "…"',
			body: '[[Tomas Brandt]] [[told]] NTV: "[[Nobody wanted this dispute to last this long.]]"',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Tomas Brandt',
		},
		{
			name: 'titled speaker: titles are stripped from the canonical name',
			body: '"[[We are not leaving Orvik without an agreement,]]" [[said]] [[Foreign Minister Ana Lind]].',
			roles: ['quote', 'cue', 'speaker'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Ana Lind',
		},
		{
			name: 'According to X, … (indirect)',
			body: '[[According to]] [[Tomas Brandt]], [[the dockers will return to work on Monday]].',
			roles: ['cue', 'speaker', 'quote'],
			kind: 'indirect',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Tomas Brandt',
		},
		{
			name: 'X said that … (indirect)',
			body: '[[Tomas Brandt]] [[said]] that [[the dockers will return to work on Monday]].',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'indirect',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Tomas Brandt',
		},
		{
			name: 'X said … (indirect, no "that")',
			body: '[[Tomas Brandt]] [[said]] [[the dockers will return to work on Monday]].',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'indirect',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Tomas Brandt',
		},
		{
			name: 'X said in a statement that "…"',
			body: '[[The Northern Dockers Union]] [[said]] in a statement that "[[the dockers will return to work on Monday]]".',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Northern Dockers Union',
		},
		{
			name: '…, X wrote in an opinion piece (indirect, statement first)',
			body: '[[The port authority has failed its own workers for a decade]], [[Lena Vogt]] [[wrote]] in an opinion piece.',
			roles: ['quote', 'speaker', 'cue'],
			kind: 'indirect',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Lena Vogt',
		},
		{
			name: 'appositive: X, from the fire service, said: "…"',
			body: '[[Matt Kerrigan]], from the fire service, [[said]]: "[[The warehouse roof could collapse at any moment.]]"',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Matt Kerrigan',
		},
		{
			name: 'appositive role: "…," X, the city engineer, said.',
			body: '"[[The warehouse roof could collapse at any moment,]]" [[Ana Lind]], the city engineer, [[said]].',
			roles: ['quote', 'speaker', 'cue'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Ana Lind',
		},
		{
			name: 'appositive name after the role: The city engineer, X, said: "…"',
			body: 'The city engineer, [[Ana Lind]], [[said]]: "[[The warehouse roof could collapse at any moment.]]"',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Ana Lind',
		},
		{
			name: 'appositive after an introductory place: In Orvik, X, the foreign minister, said: "…"',
			body: 'In Orvik, [[Ana Lind]], the foreign minister, [[said]]: "[[We are ready to discuss every detail of the deal.]]"',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Ana Lind',
		},
		{
			name: 'a short phrase introduced by a cue is a quotation',
			body: '[[Piet Madsen]] [[said]] the council plan was "[[dead on arrival]]".',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Piet Madsen',
		},
		{
			name: 'vague: "…," a source said',
			body: '"[[The harbour will stay closed until the spring,]]" [[a source]] [[said]].',
			roles: ['quote', 'speaker', 'cue'],
			kind: 'direct',
			status: 'vague',
			resolution: 'vague',
		},
		{
			name: 'vague: "…," officials said',
			body: '"[[The harbour will stay closed until the spring,]]" [[officials]] [[said]].',
			roles: ['quote', 'speaker', 'cue'],
			kind: 'direct',
			status: 'vague',
			resolution: 'vague',
		},
		{
			name: 'vague: a union official said: "…"',
			body: '[[A union official]] [[said]]: "[[We will be back at the cranes on Monday.]]"',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'vague',
			resolution: 'vague',
		},
		{
			name: 'vague and indirect: officials said …',
			body: '[[Officials]] [[said]] [[the harbour would stay closed until the spring]].',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'indirect',
			status: 'vague',
			resolution: 'vague',
		},
		{
			name: 'participle: X issued a statement on Friday, saying: "…" (the subject speaks)',
			body: '[[The Orvik Harbour Board]] issued a statement on Friday, [[saying]]: "[[The berths will reopen once the dredging is done.]]"',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Orvik Harbour Board',
		},
		{
			name: 'participle after a name in the predicate: X issued an ultimatum to Y, saying "…" (X speaks, not Y)',
			body: '[[Mayor Anna Lund]] issued an ultimatum to the Orvik Harbour Board, [[saying]] "[[The berths must reopen by June.]]"',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Anna Lund',
		},
		{
			name: 'participle after a subject with a name in apposition: The X in Y, Z, issued …, adding "…" (Z speaks)',
			body: 'The harbour master in Orvik, [[Piet Madsen]], issued a statement from his office, [[adding]] "[[Nobody will be laid off.]]"',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Piet Madsen',
		},
		{
			name: 'participle after a speaker of the same sentence: X said …, adding: "…" (X speaks)',
			body: '[[Piet Madsen]] [[said]] on Monday that the port would reopen, adding: "[[We owe it to the fishermen.]]"',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Piet Madsen',
		},
		{
			name: 'a writing speaks for its author: X\' private journals said … "…"',
			body: 'A page of [[Ilse Jonas]]\' private journals [[said]] the harbour was "[[a debt we can never repay to the sea.]]"',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Ilse Jonas',
		},
		{
			name: 'a writing speaks for its author: X\'s farewell letter said: "…"',
			body: '[[Ilse Varga\'s]] farewell letter [[said]]: "[[I leave the harbour in better hands than mine.]]"',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Ilse Varga',
		},
		{
			name: 'a writing with no author is the speaker, unresolved but not vague: A notice at the gate warned: "…"',
			body: '[[A notice at the harbour gate]] [[warned]]: "[[No fishing boats beyond this point.]]"',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'unresolved',
		},
		{
			name: '"…," X quoted Mr. Y as saying (the one quoted speaks)',
			body: '"[[Nobody sells this harbour while I live,]]" Mr. Brandt quoted [[Mr. Varga]] as [[saying]].',
			roles: ['quote', 'speaker', 'cue'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Varga',
		},
		{
			name: 'passive agent: described by X as "…"',
			body: 'For the mayor, [[described]] by [[The Orvik Courier]] as "[[the most stubborn official on the coast,]]" the vote was a defeat.',
			roles: ['cue', 'speaker', 'quote'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Orvik Courier',
		},
		{
			name: 'initials and titles do not shorten the speaker: "…," U. S. District Judge X said.',
			body: '"[[The defendant has misled this court for years,]]" [[U. S. District Judge Mara K. Lindqvist]] [[said]].',
			roles: ['quote', 'speaker', 'cue'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Mara K. Lindqvist',
		},
		{
			name: 'appositive ending in an abbreviated place: X, the harbour master in Vell County, Az. said that "…"',
			body: '[[Piet Madsen]], the harbour master in Vell County, Az. [[said]] on Monday that "[[the port will reopen within the week.]]"',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Piet Madsen',
		},
		{
			name: 'a short quote with a cue is a quotation, and an unnamed friend is a vague speaker: A friend said: "…"',
			body: '[[A friend]] [[said]]: "[[He was careful.]]"',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'vague',
			resolution: 'vague',
			canonical: undefined,
		},
		{
			name: 'one of a group named before: One said: "…"',
			body: 'Neighbours heard a loud bang at dawn. [[One]] [[said]]: "[[It shook the whole street and woke every dog on the quay.]]"',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'vague',
			resolution: 'vague',
			canonical: undefined,
		},
		{
			name: '"another" makes an unnamed person, not a role resolved to a name: Another neighbour added: "…"',
			body: 'Jon Vik lives by the pier. [[Another neighbour]] [[added]]: "[[The harbour was never this quiet before the strike.]]"',
			roles: ['speaker', 'cue', 'quote'],
			kind: 'direct',
			status: 'vague',
			resolution: 'vague',
			canonical: undefined,
		},
		{
			name: "British single quotes closed after a space in tokenised text: '… , ' said X.",
			body: "'[[The ferry will not sail again this winter,]] ' [[said]] [[Tomas Brandt]].",
			roles: ['quote', 'cue', 'speaker'],
			kind: 'direct',
			status: 'attributed',
			resolution: 'name',
			canonical: 'Tomas Brandt',
		},
	];
	for (const shape of shapes) {
		void it(shape.name, shape.todo ? { todo: shape.todo } : {}, () => {
			const { text, spans, attribution } = analyse(shape.body);
			assert.equal(spans.length, shape.roles.length);
			const byRole = (role: Role): Located | undefined => {
				const i = shape.roles.indexOf(role);
				return i < 0 ? undefined : spans[i];
			};
			const expected: View = {
				quote: byRole('quote')!,
				kind: shape.kind,
				status: shape.status,
				speaker: byRole('speaker'),
				resolution: shape.resolution,
				canonical: shape.canonical,
				cue: byRole('cue'),
			};
			assert.deepEqual(
				attribution.quotes.map((q) => view(text, q)),
				[expected],
			);
		});
	}
});

void describe('attribution: roles, pronouns and continuations', () => {
	const rolePassage = lines(
		'Foreign Minister [[Ana Lind]] arrived in Orvik on Tuesday for two days of talks.',
		'',
		'"[[We are not leaving without an agreement,]]" [[the minister]] [[said]].',
	);

	void it('resolves "the minister" to an earlier "Foreign Minister Ana Lind" the entity layer knows (resolution role)', () => {
		const { text, spans, attribution } = analyse(rolePassage, { knownEntities: [{ name: 'Ana Lind', type: 'person' }] });
		const [name, quote, speaker, cue] = spans;
		const found = quoteAt(attribution.quotes, quote!.start);
		assert.deepEqual(view(text, found), {
			quote: quote!,
			kind: 'direct',
			status: 'attributed',
			speaker: speaker!,
			resolution: 'role',
			canonical: 'Ana Lind',
			cue: cue!,
		});
		assert.deepEqual(located(text, found.speaker?.via), name);
	});

	void it('resolves "the minister" to an earlier speaker "Foreign Minister Ana Lind" found from capitalised words (no model)', () => {
		const { text, spans, attribution } = analyse(
			lines(
				'Foreign Minister [[Ana Lind]] said on Tuesday that the talks had stalled over fishing quotas.',
				'',
				'"[[We are not leaving without an agreement,]]" [[the minister]] [[said]].',
			),
		);
		const [name, quote, speaker, cue] = spans;
		const found = quoteAt(attribution.quotes, quote!.start);
		assert.deepEqual(view(text, found), {
			quote: quote!,
			kind: 'direct',
			status: 'attributed',
			speaker: speaker!,
			resolution: 'role',
			canonical: 'Ana Lind',
			cue: cue!,
		});
		assert.ok(found.speaker?.via && name!.start <= found.speaker.via.start && found.speaker.via.end <= name!.end);
	});

	const pronounPassage = lines(
		'"[[The harbour must reopen this week,]]" [[Piet Madsen]] [[said]].',
		'',
		'"[[Our fishermen cannot wait any longer,]]" [[he]] [[said]].',
	);

	void it('resolves "he said" to the previous named speaker the entity layer knows (resolution pronoun)', () => {
		const { text, spans, attribution } = analyse(pronounPassage, { knownEntities: [{ name: 'Piet Madsen', type: 'person' }] });
		const [q1, s1, c1, q2, s2, c2] = spans;
		assert.deepEqual(
			attribution.quotes.map((q) => view(text, q)),
			[
				{ quote: q1!, kind: 'direct', status: 'attributed', speaker: s1!, resolution: 'name', canonical: 'Piet Madsen', cue: c1! },
				{ quote: q2!, kind: 'direct', status: 'attributed', speaker: s2!, resolution: 'pronoun', canonical: 'Piet Madsen', cue: c2! },
			],
		);
		assert.deepEqual(located(text, attribution.quotes[1]!.speaker?.via), s1);
	});

	void it('resolves "he said" to the previous named speaker found from capitalised words (no model)', () => {
		const { text, spans, attribution } = analyse(pronounPassage);
		const [, s1, , q2, s2, c2] = spans;
		assert.deepEqual(view(text, quoteAt(attribution.quotes, q2!.start)), {
			quote: q2!,
			kind: 'direct',
			status: 'attributed',
			speaker: s2!,
			resolution: 'pronoun',
			canonical: 'Piet Madsen',
			cue: c2!,
		});
		assert.deepEqual(located(text, quoteAt(attribution.quotes, q2!.start).speaker?.via), s1);
	});

	void it('does not resolve "he said" to an earlier untyped speaker that names an organisation (no model)', () => {
		const { text, spans, attribution } = analyse(
			lines(
				'"[[The harbour must reopen this week,]]" [[Orvik Harbour Authority]] [[said]].',
				'',
				'"[[Our fishermen cannot wait,]]" [[he]] [[said]].',
			),
		);
		const [, , , q2] = spans;
		assert.equal(quoteAt(attribution.quotes, q2!.start).speaker?.resolution, 'unresolved');
		assert.equal(text.slice(q2!.start, q2!.end), 'Our fishermen cannot wait,');
	});

	void it('continues the speaker of a quote into the quote paragraph right after it (kind continuation)', () => {
		const { text, spans, attribution } = analyse(
			lines(
				'[["The harbour must reopen this week,"]] [[Piet Madsen]] [[said]].',
				'',
				'"[[Our fishermen cannot wait any longer for the council to make up its mind.]]"',
			),
		);
		const [outer, speaker, cue, content] = spans;
		const first = view(text, attribution.quotes[0]!);
		assert.deepEqual(first.speaker, speaker);
		assert.deepEqual(first.cue, cue);
		const next = quoteAt(attribution.quotes, content!.start);
		assert.deepEqual(view(text, next), {
			quote: content!,
			kind: 'continuation',
			status: 'attributed',
			speaker: speaker!,
			resolution: 'continuation',
			canonical: 'Piet Madsen',
			cue: undefined,
		});
		assert.deepEqual(located(text, next.speaker?.via), outer);
		assert.equal(attribution.quotes.length, 2);
	});

	void it('does not continue a speaker past another source', () => {
		const { text, spans, attribution } = analyse(
			lines(
				'"The harbour must reopen this week," Piet Madsen said.',
				'',
				'According to Piet Madsen, the council will vote on the plan on Friday.',
				'',
				'"[[Our fishermen cannot wait any longer for the council to make up its mind.]]"',
			),
		);
		const found = view(text, quoteAt(attribution.quotes, spans[0]!.start));
		assert.equal(found.kind, 'direct');
		assert.equal(found.status, 'unattributed');
		assert.equal(found.speaker, undefined);
	});
});

void describe('attribution: quotations over several lines and paragraphs', () => {
	void it('reads paragraphs opening with a quote mark, only the last closing it, as one quotation', () => {
		const { text, spans, attribution } = analyse(
			lines(
				'[[Piet Madsen]] [[said]]: [["The harbour must reopen this week.',
				'',
				'"Our fishermen cannot wait any longer.',
				'',
				'"The council has had months to decide."]]',
				'',
				'The council did not respond to requests for comment.',
			),
		);
		const [speaker, cue, outer] = spans;
		assert.equal(attribution.quotes.length, 1);
		const quote = attribution.quotes[0]!;
		assert.deepEqual(view(text, quote), {
			quote: { start: outer!.start + 1, end: outer!.end - 1, text: outer!.text.slice(1, -1) },
			kind: 'direct',
			status: 'attributed',
			speaker: speaker!,
			resolution: 'name',
			canonical: 'Piet Madsen',
			cue: cue!,
		});
		assert.deepEqual(located(text, quote.outer), outer);
	});

	void it('reads a quotation split one sentence per line, closing on a later line, as one quotation', () => {
		const { text, spans, attribution } = analyse(
			lines(
				'Madsen spoke outside the harbour office. "[[The harbour must reopen this week.',
				'Our fishermen cannot wait any longer.',
				'The council has had months to decide,]]" [[Piet Madsen]] [[said]].',
			),
		);
		const [quote, speaker, cue] = spans;
		assert.deepEqual(
			attribution.quotes.map((q) => view(text, q)),
			[{ quote: quote!, kind: 'direct', status: 'attributed', speaker: speaker!, resolution: 'name', canonical: 'Piet Madsen', cue: cue! }],
		);
	});

	void it('does not run an unclosed quotation into the next paragraph when it does not open with a quote mark', () => {
		const { text, spans, attribution } = analyse(
			lines('Piet Madsen said: "[[The harbour must reopen this week.]]', '', 'The council did not respond to requests for comment.'),
		);
		assert.deepEqual(
			attribution.quotes.map((q) => located(text, q)),
			[spans[0]],
		);
	});
});

void describe('attribution: pull quotes', () => {
	const bodyQuote = '"[[Our fishermen cannot wait any longer for the council to decide,]]" [[Piet Madsen]] [[said]].';

	void it('gives a pull quote on a heading line the speaker of the body quote it repeats (kind pull, resolution pull)', () => {
		const { text, spans, analysis, attribution } = analyse(
			lines(bodyQuote, '', 'Harbour row: ‘[[Our fishermen cannot wait any longer]]’', '', 'The council meets again on Friday.'),
		);
		const [body, speaker, , pull] = spans;
		const headingLine = analysis.structure.lines.find((l) => l.start <= pull!.start && pull!.end <= l.end);
		assert.equal(headingLine?.kind, 'heading');
		const found = quoteAt(attribution.quotes, pull!.start);
		assert.deepEqual(view(text, found), {
			quote: pull!,
			kind: 'pull',
			status: 'attributed',
			speaker: speaker!,
			resolution: 'pull',
			canonical: 'Piet Madsen',
			cue: undefined,
		});
		assert.deepEqual(located(text, found.speaker?.via), body);
		assert.equal(attribution.quotes.length, 2);
	});

	const styles: [string, string, string][] = [
		['straight double', '"', '"'],
		['curly double', '\u201C', '\u201D'],
		['straight single', "'", "'"],
		['curly single', '\u2018', '\u2019'],
	];
	for (const [name, open, close] of styles) {
		void it(`gives a ${name} pull quote on a line of its own the body quote's speaker`, () => {
			const { text, spans, attribution } = analyse(
				lines(bodyQuote, '', `${open}[[Our fishermen cannot wait any longer]]${close}`, '', 'The council meets again on Friday.'),
			);
			const [body, speaker, , pull] = spans;
			const found = quoteAt(attribution.quotes, pull!.start);
			assert.deepEqual(view(text, found), {
				quote: pull!,
				kind: 'pull',
				status: 'attributed',
				speaker: speaker!,
				resolution: 'pull',
				canonical: 'Piet Madsen',
				cue: undefined,
			});
			assert.deepEqual(located(text, found.speaker?.via), body);
		});
	}

	void it('gives a pull quote placed before the body quote it repeats the body speaker', () => {
		const { text, spans, attribution } = analyse(
			lines('The council met on Monday.', '', '\u201C[[Our fishermen cannot wait any longer]]\u201D', '', bodyQuote),
		);
		const [pull, body, speaker] = spans;
		const found = quoteAt(attribution.quotes, pull!.start);
		assert.deepEqual(view(text, found), {
			quote: pull!,
			kind: 'pull',
			status: 'attributed',
			speaker: speaker!,
			resolution: 'pull',
			canonical: 'Piet Madsen',
			cue: undefined,
		});
		assert.deepEqual(located(text, found.speaker?.via), body);
	});
});

void describe('attribution: quoted phrases, unattributed quotes and nesting', () => {
	const scare = [
		'Both parties described the drought as a "[[common enemy]]" of the region.',
		'The so-called \u201C[[peace corridor]]\u201D stayed closed, and the talks were described as "[[frank]]".',
		'The ministry called the closure a \u2018[[temporary measure]]\u2019 on Monday.',
	];
	for (const body of scare) {
		void it(`puts the scare quotes of ${JSON.stringify(marked(body).text)} in phrases, not quotes`, () => {
			const { text, spans, attribution } = analyse(body);
			assert.deepEqual(
				attribution.phrases.map((p) => located(text, p)),
				spans,
			);
			assert.deepEqual(attribution.quotes, []);
		});
	}

	void it('does not let "According to X," introduce a quoted word past the comma', () => {
		const { text, spans, attribution } = analyse('According to the harbour master, each of the 40 "[[registered]]" boats was inspected.');
		assert.deepEqual(
			attribution.phrases.map((p) => located(text, p)),
			spans,
		);
		assert.deepEqual(
			attribution.quotes.filter((q) => q.kind !== 'indirect'),
			[],
		);
	});

	void it('gives a quotation with no speaker anywhere the status unattributed', () => {
		const { text, spans, attribution } = analyse(
			lines(
				'The port reopened on Monday after a week of talks.',
				'',
				'"[[It was never about the money.]]"',
				'',
				'Boats were moored along the quay.',
			),
		);
		assert.deepEqual(
			attribution.quotes.map((q) => view(text, q)),
			[
				{
					quote: spans[0]!,
					kind: 'direct',
					status: 'unattributed',
					speaker: undefined,
					resolution: undefined,
					canonical: undefined,
					cue: undefined,
				},
			],
		);
	});

	void it('ends a double quotation typed shut with a single mark there, not at the end of the line', () => {
		const scareQuote = analyse('The council backed the "[[very careful]]\' harbour plan the mayor drew up last winter.');
		assert.deepEqual(
			scareQuote.attribution.phrases.map((p) => located(scareQuote.text, p)),
			scareQuote.spans,
		);
		assert.deepEqual(scareQuote.attribution.quotes, []);

		const { text, spans, attribution } = analyse("\"[[We won't leave the quay,]]' [[Piet Madsen]] [[said]] on Monday.");
		const [quote, speaker, cue] = spans;
		assert.deepEqual(
			attribution.quotes.map((q) => view(text, q)),
			[{ quote: quote!, kind: 'direct', status: 'attributed', speaker: speaker!, resolution: 'name', canonical: 'Piet Madsen', cue: cue! }],
		);
	});

	const nested = [
		'"[[They keep telling us \'be patient\' while the boats rot at the quay,]]" [[Piet Madsen]] [[said]].',
		'\u201C[[They keep telling us \u2018be patient\u2019 while the boats rot at the quay,]]\u201D [[Piet Madsen]] [[said]].',
	];
	for (const body of nested) {
		void it(`keeps nested quotes inside their quotation: ${JSON.stringify(marked(body).text)}`, () => {
			const { text, spans, attribution } = analyse(body);
			const [quote, speaker, cue] = spans;
			assert.deepEqual(
				attribution.quotes.map((q) => view(text, q)),
				[
					{
						quote: quote!,
						kind: 'direct',
						status: 'attributed',
						speaker: speaker!,
						resolution: 'name',
						canonical: 'Piet Madsen',
						cue: cue!,
					},
				],
			);
			assert.deepEqual(attribution.phrases, []);
		});
	}
});

void describe('attribution: line endings, BOM and bad input', () => {
	const article = lines(
		'"[[The harbour must reopen this week,]]" [[Piet Madsen]] [[said]].',
		'',
		'[[According to]] [[Piet Madsen]], [[the council will vote on the plan on Friday]].',
		'',
		'[[Tomas Brandt]] [[said]]: "[[Nobody wanted this dispute to last.',
		'',
		'"It has cost every family on the quay.]]"',
	);
	const variants: [string, boolean, boolean][] = [
		['LF', false, false],
		['CRLF', true, false],
		['a BOM', false, true],
		['CRLF and a BOM', true, true],
	];
	for (const [name, crlf, bom] of variants) {
		void it(`reports offsets into the text as given, with ${name}`, () => {
			const { text: lf, spans } = marked(lines(HEADLINE, '', article));
			const text = (bom ? '\uFEFF' : '') + (crlf ? lf.replace(/\n/g, '\r\n') : lf);
			const at = (offset: number): number => offset + (bom ? 1 : 0) + (crlf ? lf.slice(0, offset).split('\n').length - 1 : 0);
			const map = (span: Located | undefined): Located | undefined =>
				span && { start: at(span.start), end: at(span.end), text: crlf ? span.text.replace(/\n/g, '\r\n') : span.text };
			const [q1, s1, c1, c2, s2, q2, s3, c3, q3] = spans.map(map);
			const { attribution } = analyseDocument(text, resolveOptions({}));
			assert.deepEqual(
				attribution.quotes.map((q) => view(text, q)),
				[
					{ quote: q1!, kind: 'direct', status: 'attributed', speaker: s1!, resolution: 'name', canonical: 'Piet Madsen', cue: c1! },
					{ quote: q2!, kind: 'indirect', status: 'attributed', speaker: s2!, resolution: 'name', canonical: 'Piet Madsen', cue: c2! },
					{ quote: q3!, kind: 'direct', status: 'attributed', speaker: s3!, resolution: 'name', canonical: 'Tomas Brandt', cue: c3! },
				],
			);
		});
	}

	const bad: [string, string][] = [
		['empty text', ''],
		['only a BOM', '\uFEFF'],
		['only line breaks', '\r\n\r\n\n'],
		['a lone quote mark', '"'],
		['empty quotes', '"" \u201C\u201D \u2018\u2019'],
		['control characters and lone surrogates', '\u0000\u0001\u0002\uFFFD\uD800\n\n"\u0000\uDC00 said\u0007'],
		['binary-ish bytes', String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37) % 256))],
		['quote marks on every line', Array.from({ length: 50 }, (_, i) => (i % 2 ? '"said' : '\u201C\u2018 x')).join('\n')],
	];
	for (const [name, text] of bad) {
		void it(`does not throw on ${name}`, () => {
			const analysis = analyseDocument(text, resolveOptions({}));
			assert.deepEqual(
				analysis.findings.filter((f) => f.message.startsWith('Internal error')),
				[],
			);
			for (const q of [...analysis.attribution.quotes, ...analysis.attribution.phrases]) {
				assert.ok(0 <= q.start && q.start <= q.end && q.end <= text.length);
			}
		});
	}

	void it('finds nothing in empty text', () => {
		const { attribution } = analyseDocument('', resolveOptions({}));
		assert.deepEqual(attribution, { quotes: [], phrases: [], sources: [] });
	});
});

void describe('attribution: speakers described before they are named, unnamed groups, spokespeople', () => {
	/** The speaker phrase, resolution and canonical name of every speaker + cue pair, in text order. */
	function sources(body: string): [string, Resolution, string | undefined][] {
		const { text, attribution } = analyse(body);
		return attribution.sources.map((s) => [text.slice(s.speaker.start, s.speaker.end), s.resolved.resolution, s.resolved.canonical]);
	}

	void it('gives a short quote closing on a comma to the speaker tag after a description of the speaker', () => {
		const { text, spans, attribution } = analyse('"[[The harbour is ours again,]] "the mayor\'s aide, [[Ida Ros]], [[told]] reporters.');
		const [quote, speaker, cue] = spans;
		assert.deepEqual(view(text, quoteAt(attribution.quotes, quote!.start)), {
			quote: quote!,
			kind: 'direct',
			status: 'attributed',
			speaker: speaker!,
			resolution: 'name',
			canonical: 'Ida Ros',
			cue: cue!,
		});
	});

	void it('does not hand a quote closing on a comma to a source inside a relative clause', () => {
		const { attribution } = analyse('The council spoke of "being ready, "which officials said was an overstatement.');
		assert.deepEqual(
			attribution.quotes.filter((q) => q.kind !== 'indirect'),
			[],
		);
	});

	void it('reads manner-of-speaking verbs as cues', () => {
		assert.deepEqual(sources('At one point he mumbled, "I am at peace," and said no more.').slice(0, 1), [['he', 'unresolved', undefined]]);
	});

	void it('takes the name before an appositive role as the speaker, not the name inside the role', () => {
		assert.deepEqual(sources('Jan Moller, a spokesman for Harbour Commissioner Ana Lind told the Post: "We are ready."'), [
			['a spokesman for Harbour Commissioner Ana Lind', 'name', 'Jan Moller'],
		]);
		// A place before the comma is not a name.
		assert.deepEqual(sources('In New Orvik, a spokesman for the mayor said the harbour would reopen.'), [
			['a spokesman for the mayor', 'vague', undefined],
		]);
	});

	void it('names the organisation a spokesperson speaks for', () => {
		assert.deepEqual(sources('A spokesperson from Orvik Ferries explained that the boats were old.'), [
			['A spokesperson from Orvik Ferries', 'name', 'Orvik Ferries'],
		]);
	});

	void it('finds unnamed people in the plural vague, but not groups the story identifies or plurals that are not people', () => {
		assert.deepEqual(sources('Agents said the tapes were genuine.'), [['Agents', 'vague', undefined]]);
		assert.deepEqual(sources('The tapes were genuine, agents said.'), [['agents', 'vague', undefined]]);
		assert.deepEqual(sources('Former harbour workers say the cranes were unsafe.'), [['Former harbour workers', 'vague', undefined]]);
		assert.deepEqual(sources('Prosecutors said the tapes were genuine.'), [['Prosecutors', 'unresolved', undefined]]);
		assert.deepEqual(sources('Court documents said the tapes were genuine.'), [['Court documents', 'unresolved', undefined]]);
		assert.deepEqual(sources('Members of the harbour board said the tapes were genuine.'), [
			['Members of the harbour board', 'unresolved', undefined],
		]);
	});
});

void describe('attribution: participles in reported clauses', () => {
	void it('"X told reporters that Y called, saying "…"" gives the quotation to Y', () => {
		const { text, attribution } = analyse(
			'Ola Berg told reporters that Anna Lund called the coastguard, saying "The boat is sinking fast" and asking for help.',
		);
		const quote = attribution.quotes.find((q) => q.kind === 'direct');
		assert.ok(quote);
		assert.equal(text.slice(quote.start, quote.end), 'The boat is sinking fast');
		assert.equal(quote.speaker?.canonical, 'Anna Lund');
	});

	void it('gives a participle after a pronoun subject, or after a dummy "it", to the pronoun', () => {
		for (const sentence of [
			'She finally broke her silence, admitting in 2019: "I was the one who opened the gates."',
			'It was ten years before she broke her silence, admitting in 2019:\n"I was the one who opened the gates."',
		]) {
			const { text, attribution } = analyse(`Ida Ros kept the secret for a decade.\n${sentence}`);
			const quote = attribution.quotes.find((q) => q.kind === 'direct');
			assert.ok(quote, sentence);
			assert.equal(text.slice(quote.start, quote.end), 'I was the one who opened the gates.');
			assert.equal(quote.speaker?.text.toLowerCase(), 'she', sentence);
			assert.equal(quote.status, 'attributed');
		}
	});
});
