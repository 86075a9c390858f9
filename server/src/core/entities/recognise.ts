import type { DocumentStructure } from '../text/structure';
import type { Span } from '../types';
import { findNumbers } from '../figures/numbers';
import { findDates, type DateMention } from './dates';
import { findDescriptions } from './descriptions';
import { AliasTable, BUILT_IN_ALIAS_TYPES, nameKey, stripTitles } from './names';
import type { LabelledSpan, ManualLabels } from './manual';

/** The kinds of entity Crosscheck recognises. */
export type EntityType = 'person' | 'organization' | 'place' | 'date' | 'figure' | 'other';

/** All entity types, in display order. */
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organization', 'place', 'other', 'date', 'figure'];

/** The types a name can have (dates and figures are found by rules, not by the name recogniser). */
export type NameType = 'person' | 'organization' | 'place' | 'other';

/** A name found by a recogniser, with its confidence in [0, 1]. */
export interface NameMention extends Span {
	readonly type: NameType;
	readonly confidence: number;
}

/** Finds names in the given sentences of a text (the statistical model, bound by the caller). */
export type NameRecogniser = (text: string, sentences: readonly Span[]) => readonly NameMention[];

/** An entity the user declares in crosscheck.yaml (`entities.known`). */
export interface KnownEntity {
	readonly name: string;
	readonly type: EntityType;
	readonly aliases?: readonly string[];
}

/**
 * How a mention was found: `manual` is a label a reviewer put on this span or on the same name elsewhere;
 * `description` names a person by the office the article gave them ("the Turkish Foreign Minister").
 */
export type MentionSource = 'model' | 'known' | 'acronym' | 'rule' | 'manual' | 'description';

/** A mention of an entity in one document. */
export interface EntityMention extends Span {
	/** For a `manual` mention, the reviewer's label. */
	readonly type: EntityType;
	/** The text as written. */
	readonly text: string;
	/**
	 * The linking key within the document: aliases resolved, titles dropped, a bare surname joined to
	 * the full name used earlier in the same article. Corpus-wide linking starts from this key.
	 */
	readonly key: string;
	/** The name as it should be shown (titles dropped; the alias group's canonical form). */
	readonly name: string;
	readonly source: MentionSource;
	readonly confidence: number;
	/** For dates, the parts the expression states. */
	readonly date?: DateMention['value'];
	/** For figures, the exact value when it can be read. */
	readonly value?: number;
}

/** A name as recognition assembles it, before linking: manual labels may also be dates and figures. */
interface Named extends Span {
	readonly type: EntityType;
	readonly confidence: number;
	readonly source: MentionSource;
}

/** A capitalised word sequence no recogniser tagged; it becomes a mention if the corpus knows the name. */
export interface NameCandidate extends Span {
	readonly key: string;
	readonly text: string;
}

/** What entity recognition needs besides the text. */
export interface EntityContext {
	readonly recogniseNames?: NameRecogniser;
	readonly aliases: AliasTable;
	readonly known: readonly KnownEntity[];
	/** Labels reviewers put on spans of this article and on names anywhere in the corpus. */
	readonly manual?: ManualLabels;
}

/** The result of recognising the entities of one document. */
export interface DocumentEntities {
	readonly mentions: readonly EntityMention[];
	readonly candidates: readonly NameCandidate[];
	/** Spans labelled `not-entity` (here or, by name, elsewhere): no mention, date or figure is found there. */
	readonly suppressed?: readonly Span[];
}

const CAPITALISED_RUN = /\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+(?:(?:of|the|de|al|bin|van|von|der|du|la|le)\s+)?\p{Lu}[\p{L}\p{M}'’.\-]*){0,4}/gu;

/**
 * Recognises the entities of one document: names from the statistical recogniser and from the user's
 * `entities.known`, acronyms the article defines ("National Emergency Directorate (NED)"), dates and
 * figures. Mentions in web-page debris are not reported. Names are linked within the document: a bare
 * surname joins the full name used in the same article, and aliases join their group. With `withRules`
 * false, dates and figures are left out of `mentions` ({@link findRuleMentions} finds them again).
 */
export function recogniseEntities(text: string, structure: DocumentStructure, context: EntityContext, withRules = true): DocumentEntities {
	const spans = structure.sentences.filter((s) => structure.lines[s.line]?.kind !== 'boilerplate');
	const found: Named[] = [];
	for (const known of findKnown(text, spans, context.known)) {
		found.push(known);
	}
	for (const recognised of context.recogniseNames?.(text, spans) ?? []) {
		const name = trimSpan(text, recognised);
		if (name.end > name.start && !isNeverName(text.slice(name.start, name.end)) && !found.some((k) => overlaps(k, name))) {
			found.push({ ...name, source: 'model' });
		}
	}
	const { manual, suppressed } = manualLabels(text, spans, context.manual, found);
	const names: Named[] = [
		...manual,
		...found.filter((n) => !manual.some((m) => overlaps(m, n)) && !suppressed.some((s) => overlaps(s, n))),
	];
	names.sort((a, b) => a.start - b.start);

	// Acronyms defined in the text: "Velna Hydro Authority (VHA)" makes every "VHA" that organisation.
	const acronyms = new Map<string, Named>();
	for (const name of names) {
		const m = /^\s*\(([A-Z][A-Z.&]{1,9})\)/.exec(text.slice(name.end, name.end + 14));
		if (m && (name.type === 'organization' || name.type === 'other' || name.type === 'place')) {
			acronyms.set(m[1]!, name);
		}
	}
	if (acronyms.size > 0) {
		for (const span of spans) {
			const line = text.slice(span.start, span.end);
			for (const m of line.matchAll(/\b[A-Z][A-Z.&]{1,9}\b/g)) {
				const start = span.start + m.index!;
				const end = start + m[0].length;
				const definition = acronyms.get(m[0]);
				if (definition && !names.some((n) => overlaps(n, { start, end })) && !suppressed.some((s) => overlaps(s, { start, end }))) {
					names.push({ start, end, type: definition.type, confidence: definition.confidence, source: 'acronym' });
				}
			}
		}
		names.sort((a, b) => a.start - b.start);
	}

	const named: EntityMention[] = linkWithinDocument(text, names, context.aliases, acronyms);
	const described = findDescriptions(text, spans, named, [...named, ...suppressed]);
	const linked = described.length === 0 ? named : [...named, ...described].sort((x, y) => x.start - y.start || x.end - y.end);
	const rules = findRuleMentions(text, ruleSpans(structure), [...linked, ...suppressed]);
	const all = [...linked, ...rules].sort((x, y) => x.start - y.start || x.end - y.end);
	const taken = suppressed.length === 0 ? all : [...all, ...suppressed].sort((x, y) => x.start - y.start || x.end - y.end);
	// Dates and figures are cheap to find again from the text; a corpus stores only the names.
	return {
		mentions: withRules ? all : linked,
		candidates: findCandidates(text, spans, taken),
		...(suppressed.length > 0 ? { suppressed } : {}),
	};
}

/**
 * The manual labels that apply in a text, as names (`manual` mentions) and suppressed spans
 * (`not-entity`). The article's own labelled spans win over everything they overlap. A name labelled
 * anywhere in the corpus then applies at each of its word-bounded occurrences outside those spans,
 * unless a longer recognised name contains it ("Kestrava" labelled a place leaves "Kestrava Dam Authority"
 * alone); it wins over the recognised names it overlaps.
 */
function manualLabels(
	text: string,
	spans: readonly Span[],
	labels: ManualLabels | undefined,
	recognised: readonly Span[],
): { manual: Named[]; suppressed: Span[] } {
	const manual: Named[] = [];
	const suppressed: Span[] = [];
	if (!labels || (labels.spans.length === 0 && (labels.names?.size ?? 0) === 0)) {
		return { manual, suppressed };
	}
	const take = (l: LabelledSpan): void => {
		if (l.label === 'not-entity') {
			suppressed.push({ start: l.start, end: l.end });
		} else {
			manual.push({ start: l.start, end: l.end, type: l.label, confidence: 1, source: 'manual' });
		}
	};
	labels.spans.forEach(take);
	for (const occurrence of labels.names?.find(text, spans) ?? []) {
		const insideLonger = recognised.some(
			(r) => r.start <= occurrence.start && occurrence.end <= r.end && r.end - r.start > occurrence.end - occurrence.start,
		);
		if (!insideLonger && !labels.spans.some((s) => overlaps(s, occurrence))) {
			take(occurrence);
		}
	}
	manual.sort((a, b) => a.start - b.start);
	suppressed.sort((a, b) => a.start - b.start);
	return { manual, suppressed };
}

/** The spans dates and figures are looked for in: every line that is not web-page debris. */
export function ruleSpans(structure: DocumentStructure): Span[] {
	return structure.lines.filter((line) => line.kind !== 'boilerplate');
}

/**
 * Finds the dates and figures of a text, outside the given names (a figure inside a name, as in
 * "Apollo 11", is part of the name). Linear in the length of the spans.
 */
export function findRuleMentions(text: string, spans: readonly Span[], names: readonly Span[]): EntityMention[] {
	const found: EntityMention[] = [];
	const clashes = (span: Span): boolean => names.some((n) => overlaps(n, span)) || found.some((m) => overlaps(m, span));
	for (const span of spans) {
		for (const date of findDates(text, span.start, span.end)) {
			if (!clashes(date)) {
				const surface = text.slice(date.start, date.end);
				// Dates and figures are not linked across the corpus: their text is their key (no new string).
				found.push({
					start: date.start,
					end: date.end,
					type: 'date',
					text: surface,
					key: surface,
					name: surface,
					source: 'rule',
					confidence: 1,
					date: date.value,
				});
			}
		}
		for (const number of findNumbers(text, span.start, span.end)) {
			if (!clashes(number)) {
				const surface = text.slice(number.start, number.end);
				found.push({
					start: number.start,
					end: number.end,
					type: 'figure',
					text: surface,
					key: surface,
					name: surface,
					source: 'rule',
					confidence: 1,
					...(number.value !== undefined ? { value: number.value } : {}),
				});
			}
		}
	}
	return found.sort((x, y) => x.start - y.start || x.end - y.end);
}

/** Words that are never a name on their own, whatever their capitalisation (a quote opening with "We…"). */
const NEVER_NAMES = new Set([
	'i',
	'we',
	'you',
	'he',
	'she',
	'it',
	'they',
	'me',
	'us',
	'him',
	'her',
	'them',
	'our',
	'my',
	'your',
	'his',
	'its',
	'their',
	'the',
	'a',
	'an',
	'this',
	'that',
	'these',
	'those',
	'there',
	'here',
	'and',
	'but',
	'or',
	'if',
	'when',
	'while',
	'as',
	'what',
	'who',
	'why',
	'how',
	'where',
	'nobody',
	'everyone',
	'someone',
	'no',
	'yes',
	'not',
]);

/** Whether a surface is a pronoun or function word; all-capital forms ("US", "IT") may be names. */
function isNeverName(surface: string): boolean {
	return NEVER_NAMES.has(surface.toLowerCase()) && (surface === 'I' || surface !== surface.toUpperCase());
}

/** Drops quotation marks, brackets and stray punctuation around a recognised name. */
function trimSpan<T extends Span>(text: string, span: T): T {
	let { start, end } = span;
	while (start < end && /[\s"'“”‘’«»()[\]{},;:!?]/.test(text[start]!)) {
		start++;
	}
	while (end > start && /[\s"'“”‘’«»()[\]{},;:!?]/.test(text[end - 1]!)) {
		end--;
	}
	return start === span.start && end === span.end ? span : { ...span, start, end };
}

function overlaps(a: Span, b: Span): boolean {
	return a.start < b.end && b.start < a.end;
}

/** Whole-word, case-sensitive matches of the user's declared entities and their aliases. */
function findKnown(text: string, spans: readonly Span[], known: readonly KnownEntity[]): Named[] {
	if (known.length === 0) {
		return [];
	}
	const forms = new Map<string, KnownEntity>();
	for (const entity of known) {
		for (const form of [entity.name, ...(entity.aliases ?? [])]) {
			if (form.trim().length > 0) {
				forms.set(form.trim(), entity);
			}
		}
	}
	const sorted = [...forms.keys()].sort((a, b) => b.length - a.length);
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
	const found: Named[] = [];
	for (const span of spans) {
		const slice = text.slice(span.start, span.end);
		for (const m of slice.matchAll(pattern)) {
			const entity = forms.get(m[0])!;
			if (entity.type !== 'date' && entity.type !== 'figure') {
				found.push({
					start: span.start + m.index!,
					end: span.start + m.index! + m[0].length,
					type: entity.type,
					confidence: 1,
					source: 'known',
				});
			}
		}
	}
	return found;
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

/**
 * Gives every name its key and display name. Alias groups and the user's declared aliases map to
 * their canonical name; a one-word person name that is the last word of exactly one longer person
 * name in the article ("Erdogan" after "Recep Tayyip Erdogan") takes that name's key.
 */
function linkWithinDocument(
	text: string,
	names: readonly Named[],
	aliases: AliasTable,
	acronyms: ReadonlyMap<string, Named>,
): EntityMention[] {
	const resolved = names.map((n) => {
		const surface = text.slice(n.start, n.end);
		if (n.source === 'manual') {
			// A reviewer's label is final: its type stands; dates and figures keep their text as their key.
			const canonical =
				n.type === 'date' || n.type === 'figure' ? undefined : (aliases.lookup(surface) ?? aliases.lookup(stripTitles(surface)));
			const name = n.type === 'date' || n.type === 'figure' ? surface : (canonical ?? stripTitles(surface));
			return { n, surface, name, key: n.type === 'date' || n.type === 'figure' ? surface : nameKey(name) };
		}
		// An acronym the article defines is that entity, whatever the recogniser took it for.
		const definition = acronyms.get(surface);
		const base = definition && definition !== n ? text.slice(definition.start, definition.end) : surface;
		const canonical = aliases.lookup(base) ?? aliases.lookup(stripTitles(base));
		const name = canonical ?? stripTitles(base);
		const groupType = canonical !== undefined ? BUILT_IN_ALIAS_TYPES[canonical] : undefined;
		// A built-in alias group's type wins, also over the type of the acronym's definition ("Islamic State (IS)").
		const typed =
			groupType && n.type !== 'other' ? { ...n, type: groupType } : definition && definition !== n ? { ...n, type: definition.type } : n;
		return { n: typed, surface, name, key: nameKey(name) };
	});
	// Full person names of the article by their last word.
	const bySurname = new Map<string, Set<string>>();
	const displayOf = new Map<string, string>();
	for (const r of resolved) {
		const words = r.key.split(' ');
		if (r.n.type === 'person' && words.length >= 2) {
			const last = words[words.length - 1]!;
			(bySurname.get(last) ?? bySurname.set(last, new Set()).get(last)!).add(r.key);
			displayOf.set(r.key, r.name);
		}
	}
	return resolved
		.filter((r) => r.key.length > 0)
		.map(({ n, surface, name, key }) => {
			let finalKey = key;
			let finalName = name;
			if (!key.includes(' ')) {
				const full = bySurname.get(key);
				const linkable =
					n.source === 'manual' ? n.type === 'person' : n.type === 'person' || n.type === 'other' || n.type === 'organization';
				if (full?.size === 1 && linkable) {
					finalKey = [...full][0]!;
					finalName = displayOf.get(finalKey) ?? name;
				}
			}
			const type: EntityType = finalKey !== key ? 'person' : n.type;
			return {
				start: n.start,
				end: n.end,
				type,
				text: surface,
				key: finalKey,
				name: finalName,
				source: n.source,
				confidence: n.confidence,
			};
		});
}

/**
 * Capitalised word runs that no mention covers, keys of two letters or more. A run of several words
 * also yields the run without its first word (a sentence-initial word or a title: "Meanwhile Gulen")
 * and its last word (a surname: "Ansel Brook" → "Brook"), so the corpus can match any of them.
 */
function findCandidates(text: string, spans: readonly Span[], mentions: readonly Span[]): NameCandidate[] {
	const candidates: NameCandidate[] = [];
	let next = 0;
	const push = (start: number, end: number): void => {
		const surface = text.slice(start, end);
		const key = nameKey(surface);
		if (key.length >= 2) {
			candidates.push({ start, end, key, text: surface });
		}
	};
	for (const span of spans) {
		const slice = text.slice(span.start, span.end);
		for (const m of slice.matchAll(CAPITALISED_RUN)) {
			const start = span.start + m.index!;
			const end = start + m[0].replace(/[.'’\-]+$/, '').length;
			while (next < mentions.length && mentions[next]!.end <= start) {
				next++;
			}
			if (next < mentions.length && mentions[next]!.start < end) {
				continue;
			}
			push(start, end);
			const firstSpace = text.slice(start, end).search(/\s/);
			if (firstSpace > 0) {
				const rest = text.slice(start + firstSpace, end);
				push(start + firstSpace + (rest.length - rest.trimStart().length), end);
				const lastSpace = text.slice(start, end).search(/\s\S+$/);
				if (lastSpace > firstSpace) {
					push(start + lastSpace + 1, end);
				}
			}
		}
	}
	return candidates;
}
