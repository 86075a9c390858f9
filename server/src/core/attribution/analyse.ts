import type { EntityMention } from '../entities/recognise';
import { lineIndexAt, type DocumentStructure } from '../text/structure';
import type { Span } from '../types';
import { CUE_WORDS, NAME_ABBREVIATIONS } from './lexicon';
import { findQuotations, type Quotation } from './quotations';
import { findSources, type Source } from './sources';
import { resolveSpeaker, type NamedSpeaker, type ResolutionContext, type Speaker } from './speakers';

/** What kind of attributed text an attribution is. Part of the CLI's `quotes` output. */
export type AttributionKind = 'direct' | 'indirect' | 'pull' | 'continuation';

/** Whether a speaker was found, and whether it can be identified. Part of the CLI's `quotes` output. */
export type AttributionStatus = 'attributed' | 'vague' | 'unattributed';

/** The words that attribute: "said", "told", "according to". */
export interface Cue extends Span {
	readonly text: string;
}

/** A quotation or an attributed statement, with its speaker and cue when found. */
export interface Attribution extends Span {
	/** `start`/`end` cover the quoted content (direct) or the reported statement (indirect). */
	readonly kind: AttributionKind;
	readonly status: AttributionStatus;
	readonly speaker?: Speaker;
	readonly cue?: Cue;
	/** For quotations: the whole quotation, marks included. */
	readonly outer?: Span;
}

/** A word or short phrase in quotes that is not a quotation ("common enemy", "on the table"). */
export interface QuotedPhrase extends Span {
	/** Who used the phrase, when the sentence says so. */
	readonly speaker?: Speaker;
	readonly cue?: Cue;
}

/** Everything the attribution layer finds in one article. */
export interface DocumentAttribution {
	/** Quotations and attributed statements, in text order. */
	readonly quotes: readonly Attribution[];
	/** Scare quotes and other quoted phrases that need no speaker. */
	readonly phrases: readonly QuotedPhrase[];
	/** Every speaker + cue pair in the article's own words (outside quotations), in text order. */
	readonly sources: readonly (Source & { readonly resolved: Speaker })[];
}

export const NO_ATTRIBUTION: DocumentAttribution = { quotes: [], phrases: [], sources: [] };

/** Cues that characterise rather than report words: "called it a disgrace", "described the plan as reckless". */
const CHARACTERISING = /^(?:called|described)$/i;

/** Words right before a quoted phrase that make it a label or a name: "what's called", "known as". */
const LABELLING = /\b(?:called|dubbed|termed|named|nicknamed|known\s+as|so-called|labell?ed|branded)\s*$/i;

/** A plural noun right after a closing mark and before punctuation: the quotation describes it ("… comments."). */
const MODIFIED_NOUN =
	/^\s+(?!(?:says|adds|asks|writes|tells|notes|insists|explains|argues|claims|warns|urges)\b)\p{Ll}[\p{L}-]*[^s\W]s\s*[.,;:!?)]/u;

/** A quoted phrase with at most this many words, not attached to a cue, is a scare quote. */
const SCARE_WORDS = 4;
/** Words allowed between a cue phrase and the quotation it introduces ("said in a statement that"). */
const HEAD_GAP_WORDS = 12;

interface Options {
	readonly attributionCues: readonly string[];
}

/**
 * Finds the quotations and attributed statements of an article and their speakers. Reads the layout
 * (lines, paragraphs, sentences) and the names the entity layer found; never throws. Linear in the
 * length of the text, apart from speaker resolution, which looks back over the article's names.
 */
export function analyseAttribution(
	text: string,
	structure: DocumentStructure,
	mentions: readonly EntityMention[],
	options: Options,
): DocumentAttribution {
	const quotations = findQuotations(text, structure);
	const lines = structure.lines;
	const names = mentions.filter((m) => m.type !== 'date' && m.type !== 'figure');
	const canonicalByKey = new Map<string, string>();
	for (const m of names) {
		const current = canonicalByKey.get(m.key);
		if (current === undefined || m.name.length > current.length) {
			canonicalByKey.set(m.key, m.name);
		}
	}
	const paragraphOf = (offset: number): number => {
		const { index } = lineIndexAt(lines, offset);
		return lines[Math.max(0, Math.min(lines.length - 1, index))]?.paragraph ?? 0;
	};

	// Speaker + cue pairs, line by line, reading around the quotations.
	const raw: Source[] = [];
	let q = 0;
	for (let li = 0; li < lines.length; li++) {
		const line = lines[li]!;
		if (line.kind === 'boilerplate') {
			continue;
		}
		while (q < quotations.length && quotations[q]!.end <= line.start) {
			q++;
		}
		const onLine: Span[] = [];
		for (let k = q; k < quotations.length && quotations[k]!.start < line.end; k++) {
			onLine.push(quotations[k]!);
		}
		// A quotation that began on an earlier line covers the start of this one.
		if (q > 0 && quotations[q - 1]!.end > line.start) {
			onLine.unshift(quotations[q - 1]!);
		}
		raw.push(...findSources(text, line, li, onLine, CUE_WORDS, options.attributionCues));
	}

	const speakers: NamedSpeaker[] = [];
	const context: ResolutionContext = {
		text,
		mentions: names,
		canonicalByKey,
		speakers,
		paragraphOf,
		quoted: quotations,
		genders: new Map(),
	};
	const resolvedSources = raw.map((source) => ({ source, resolved: undefined as Speaker | undefined }));
	const resolveAt = (index: number): Speaker => {
		const entry = resolvedSources[index]!;
		if (!entry.resolved) {
			entry.resolved = resolveSpeaker(entry.source.speaker, context);
		}
		return entry.resolved;
	};
	const remember = (speaker: Speaker | undefined): void => {
		if (speaker?.canonical && speaker.resolution === 'name' && speaker.type !== 'group') {
			speakers.push({
				start: speaker.start,
				end: speaker.end,
				canonical: speaker.canonical,
				type: speaker.type ?? 'other',
				paragraph: paragraphOf(speaker.start),
			});
		} else if (speaker?.canonical && speaker.via && speaker.resolution === 'pronoun' && speaker.type === 'person') {
			// "Henry had expressed concern. "…," he wrote. … He also said": the person a pronoun spoke for
			// is the latest speaker, whoever was named in between.
			speakers.push({
				start: speaker.via.start,
				end: speaker.via.end,
				canonical: speaker.canonical,
				type: 'person',
				paragraph: paragraphOf(speaker.start),
			});
		} else if (speaker?.resolution === 'vague' && speaker.type === 'person' && !speaker.via) {
			// "a naval officer said … He said": the pronoun is as vague as its referent.
			speakers.push({
				start: speaker.start,
				end: speaker.end,
				canonical: speaker.text,
				type: 'person',
				paragraph: paragraphOf(speaker.start),
				vague: true,
			});
		}
	};

	// Walk quotations and sources in text order so roles and pronouns see the speakers before them.
	const quotes: Attribution[] = [];
	const phrases: QuotedPhrase[] = [];
	const usedSources = new Set<number>();
	const events: { at: number; quote?: Quotation; source?: number }[] = [
		...quotations.map((quote) => ({ at: quote.start, quote })),
		...raw.map((source, i) => ({ at: Math.min(source.speaker.start, source.cue.start), source: i })),
	].sort((a, b) => a.at - b.at);
	let previousQuote: { quote: Quotation; attribution: Attribution } | undefined;
	const laterPulls: { index: number; contentText: string }[] = [];
	for (const event of events) {
		if (event.source !== undefined) {
			// Resolve in order; a named speaker becomes a referent for later roles and pronouns.
			remember(resolveAt(event.source));
			continue;
		}
		const quote = event.quote!;
		const contentText = text.slice(quote.content.start, quote.content.end);
		const words = countWords(contentText);
		if (words === 0) {
			continue;
		}
		const firstLine = lines[quote.firstLine]!;
		const lineText = text.slice(firstLine.start, firstLine.end);
		const wholeLine = quote.start <= firstLine.start + 1 && quote.end >= lines[quote.lastLine]!.end - 2;
		const match = findSourceFor(quote, raw, text);
		const outer = { start: quote.start, end: quote.end };
		const content = quote.content;

		// A short quoted phrase is a quotation only when a source introduces it ("X said the country will
		// "think about exiting NATO""); otherwise it is a scare quote, a title or a label.
		// A characterising cue ("described the drought as a "common enemy"") quotes a label, not a statement.
		const characterises = match.index !== undefined && CHARACTERISING.test(cueOf(text, raw[match.index]!).text);
		// A source further back in the sentence introduces a short phrase only within the same clause:
		// not across a comma ("According to investigators, each of the 200 "made" soldiers …").
		const sameClause = (index: number): boolean => {
			const source = raw[index]!;
			return !text.slice(Math.max(source.speaker.end, source.cue.end), quote.start).includes(',');
		};
		// "what's called "active shooter" training": a label, whoever speaks in the sentence.
		const labelled = LABELLING.test(text.slice(Math.max(0, quote.start - 24), quote.start));
		const introduced =
			match.index !== undefined &&
			!characterises &&
			!labelled &&
			(match.strong || (match.head === true && !usedSources.has(match.index) && sameClause(match.index)));
		// Headlines put quotations in single quotes ('Several die' in quake): two words or more there are a quotation.
		// Not a nickname between a first name and a surname (Vincent 'The Chin' Gigante), nor a short phrase in
		// lower case, which a headline quotes as a term (Iraq faces 'new war'): quoted words begin with a capital.
		const nickname =
			/\p{Lu}[\p{L}.]*[ \t]+$/u.test(text.slice(Math.max(0, quote.start - 20), quote.start)) &&
			/^[ \t]+\p{Lu}/u.test(text.slice(quote.end, quote.end + 3));
		const term = !/^[\p{Lu}\p{N}]/u.test(contentText.trimStart());
		const headlineQuote =
			quote.single && words >= 2 && !nickname && !term && (firstLine.kind === 'headline' || firstLine.kind === 'heading');
		// A quotation modifying the noun after it (a flurry of "we have to sign him" comments) is a label.
		const modifier = !introduced && quote.closed && MODIFIED_NOUN.test(text.slice(quote.end, quote.end + 40));
		if ((!introduced && words <= SCARE_WORDS && !/[!?]$/.test(contentText) && !wholeLine && !headlineQuote) || modifier) {
			const source = match.index !== undefined ? resolveAt(match.index) : undefined;
			phrases.push({
				...content,
				...(source ? { speaker: source, cue: cueOf(text, raw[match.index!]!) } : {}),
			});
			continue;
		}
		let attribution: Attribution | undefined;
		if (match.index !== undefined) {
			usedSources.add(match.index);
			const speaker = resolveAt(match.index);
			const kind = firstLine.kind === 'body' ? 'direct' : 'pull';
			attribution = { ...content, kind, status: statusOf(speaker), speaker, cue: cueOf(text, raw[match.index]!), outer };
		} else if (firstLine.kind === 'headline' || firstLine.kind === 'heading' || firstLine.kind === 'caption' || wholeLine) {
			const body = matchingBodyQuote(text, contentText, quotes);
			if (body?.speaker) {
				attribution = {
					...content,
					kind: 'pull',
					status: body.status,
					speaker: { ...body.speaker, resolution: 'pull', via: { start: body.start, end: body.end } },
					outer,
				};
			}
			const label = /^\s*(\p{Lu}[\p{L}\p{M}'’.\- ]{1,60}?)\s*:\s*$/u.exec(lineText.slice(0, quote.start - firstLine.start));
			if (!attribution && label) {
				const start = firstLine.start + label.index + label[0].indexOf(label[1]!);
				const speaker = resolveSpeaker({ start, end: start + label[1]!.length }, context);
				attribution = { ...content, kind: 'pull', status: statusOf(speaker), speaker, outer };
			}
		}
		if (
			!attribution &&
			previousQuote?.attribution.speaker &&
			continues(text, previousQuote.quote, previousQuote.attribution, quote, raw, structure)
		) {
			const prior = previousQuote.attribution.speaker;
			attribution = {
				...content,
				kind: 'continuation',
				status: previousQuote.attribution.status,
				speaker: { ...prior, resolution: 'continuation', via: previousQuote.attribution.outer ?? prior },
				outer,
			};
		}
		if (!attribution) {
			const introducer = introducedBy(quote, raw, structure, text);
			if (typeof introducer === 'number') {
				usedSources.add(introducer);
				const speaker = resolveAt(introducer);
				attribution = { ...content, kind: 'direct', status: statusOf(speaker), speaker, cue: cueOf(text, raw[introducer]!), outer };
			} else if (introducer) {
				const speaker = resolveSpeaker(introducer, context);
				remember(speaker);
				attribution = { ...content, kind: 'direct', status: statusOf(speaker), speaker, outer };
			}
		}
		if (!attribution && firstLine.kind === 'body') {
			// The paragraph's source just before it: "…, the minister said, adding … . "We have no right…""
			const near = nearestSourceBefore(quote, raw, structure);
			if (near !== undefined) {
				const speaker = resolveAt(near);
				attribution = { ...content, kind: 'direct', status: statusOf(speaker), speaker, cue: cueOf(text, raw[near]!), outer };
			}
		}
		if (!attribution) {
			const kind =
				firstLine.kind === 'body' && !(wholeLine && quotes.length > 0 && matchingBodyQuote(text, contentText, quotes)) ? 'direct' : 'pull';
			attribution = { ...content, kind, status: 'unattributed', outer };
			if (firstLine.kind !== 'body' || wholeLine) {
				// A headline or a quote standing alone may repeat a body quote that comes later.
				laterPulls.push({ index: quotes.length, contentText });
			}
		}
		quotes.push(attribution);
		previousQuote = { quote, attribution };
	}

	// Pull quotes above the body quote they repeat.
	for (const { index, contentText } of laterPulls) {
		const pull = quotes[index]!;
		const body = matchingBodyQuote(
			text,
			contentText,
			quotes.filter((q) => q.start > pull.start && q.speaker && q.status !== 'unattributed'),
		);
		if (body?.speaker) {
			quotes[index] = {
				start: pull.start,
				end: pull.end,
				kind: 'pull',
				status: body.status,
				speaker: { ...body.speaker, resolution: 'pull', via: { start: body.start, end: body.end } },
				...(pull.outer ? { outer: pull.outer } : {}),
			};
		}
	}

	// Attributed statements without quotation marks: "X said (that) …", "According to X, …", "…, X said."
	for (let i = 0; i < raw.length; i++) {
		if (usedSources.has(i)) {
			continue;
		}
		const source = raw[i]!;
		// "called the closure a temporary measure" characterises; it reports no statement.
		if (lines[source.line]!.kind !== 'body' || CHARACTERISING.test(text.slice(source.cue.start, source.cue.end))) {
			continue;
		}
		const statement = statementOf(text, structure, source, quotations);
		if (statement) {
			const speaker = resolveAt(i);
			quotes.push({ ...statement, kind: 'indirect', status: statusOf(speaker), speaker, cue: cueOf(text, source) });
		}
	}
	quotes.sort((a, b) => a.start - b.start || a.end - b.end);
	return {
		quotes,
		phrases,
		sources: resolvedSources.map((entry, i) => ({ ...entry.source, resolved: entry.resolved ?? resolveAt(i) })),
	};
}

function statusOf(speaker: Speaker): AttributionStatus {
	return speaker.resolution === 'vague' ? 'vague' : 'attributed';
}

function cueOf(text: string, source: Source): Cue {
	return { start: source.cue.start, end: source.cue.end, text: text.slice(source.cue.start, source.cue.end) };
}

function countWords(text: string): number {
	return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Any double quote mark, the two-character marks of tokenised text included. */
const DOUBLE_MARK_IN = /["\u201C\u201D«»]|``|''/;

const ENDS_SENTENCE = /[.!?]["'\u201D\u2019)]*\s*$/;

/** Stops that belong to titles and initials ("Mr.", "B.", "Az."), the text otherwise unchanged in length. */
const NAME_STOP = new RegExp(
	`(?<![\\p{L}])(${[...NAME_ABBREVIATIONS].map((a) => a.replace(/\./g, '\\.').replace(/\p{Ll}/gu, (c) => `[${c}${c.toUpperCase()}]`)).join('|')}|\\p{Lu})\\.`,
	'gu',
);

/** `text` with the stops of titles and initials blanked, so that only real sentence ends remain. */
function withoutNameStops(text: string): string {
	return text.replace(NAME_STOP, '$1 ');
}

/**
 * The source of a quotation on its own lines: right after it (`"…," Cavusoglu said`), right before it
 * (`Cavusoglu said: "…"`), or elsewhere in the sentence around it. `strong` when the source is
 * adjacent, which is what turns a short quoted phrase into a quotation.
 */
function findSourceFor(quote: Quotation, sources: readonly Source[], text: string): { index?: number; strong: boolean; head?: boolean } {
	let weakHead: number | undefined;
	let weakTail: number | undefined;
	// After the closing mark, on the last line, within the sentence.
	for (let i = 0; i < sources.length; i++) {
		const source = sources[i]!;
		if (source.line !== quote.lastLine) {
			continue;
		}
		const from = Math.min(source.speaker.start, source.cue.start);
		if (from < quote.end) {
			continue;
		}
		const gap = withoutNameStops(text.slice(quote.end, from));
		if (DOUBLE_MARK_IN.test(gap)) {
			break;
		}
		if (/^[\s,—–:-]*$/.test(gap)) {
			return { index: i, strong: true };
		}
		// `"…," Jeffs' nephew, Brent Jeffs, told`: a quotation closing on a comma hands over to its speaker
		// tag even when a description of the speaker comes first.
		if (
			/,\s*$/.test(text.slice(quote.content.start, quote.content.end)) &&
			!/[.!?;]/.test(gap) &&
			!/\b(?:which|who|that|what|and|but|or|as)\b/i.test(gap) &&
			countWords(gap) <= 5
		) {
			return { index: i, strong: true };
		}
		if (!/[.!?]/.test(gap)) {
			weakTail ??= i;
		}
		break;
	}
	// Before the opening mark, on the first line, within the sentence.
	for (let i = sources.length - 1; i >= 0; i--) {
		const source = sources[i]!;
		if (source.line !== quote.firstLine) {
			continue;
		}
		const to = Math.max(source.speaker.end, source.cue.end);
		if (to > quote.start) {
			continue;
		}
		const gap = text.slice(to, quote.start);
		if (DOUBLE_MARK_IN.test(gap) || ENDS_SENTENCE.test(text.slice(to, quote.start)) || /[.!?]\s/.test(gap)) {
			break;
		}
		if (/[:,]\s*$|\bthat\s*$/.test(gap) && countWords(gap) <= HEAD_GAP_WORDS) {
			return { index: i, strong: true, head: true };
		}
		if (countWords(gap) <= HEAD_GAP_WORDS) {
			weakHead = i;
		}
		break;
	}
	if (weakHead !== undefined) {
		return { index: weakHead, strong: false, head: true };
	}
	if (weakTail !== undefined) {
		return { index: weakTail, strong: false };
	}
	return { strong: false };
}

/**
 * A quotation continues the previous one (same speaker) when it follows it in the same paragraph with no
 * other source between them, or opens the next paragraph right after it.
 */
function continues(
	text: string,
	previous: Quotation,
	attribution: Attribution,
	quote: Quotation,
	sources: readonly Source[],
	structure: DocumentStructure,
): boolean {
	const lines = structure.lines;
	const prevParagraph = lines[previous.lastLine]!.paragraph;
	const paragraph = lines[quote.firstLine]!.paragraph;
	if (paragraph - prevParagraph > 1) {
		return false;
	}
	if (paragraph !== prevParagraph) {
		const line = lines[quote.firstLine]!;
		if (quote.start > line.start + 1) {
			return false;
		}
		// A paragraph that goes on in the reporter's words after the quotation is not a continuation.
		const last = lines[quote.lastLine]!;
		if (quote.end < last.end && !/^\s*(?:["\u201C\u00AB]|``)/.test(text.slice(quote.end, last.end))) {
			return false;
		}
		// Nothing but debris between the two paragraphs.
		for (let li = previous.lastLine + 1; li < quote.firstLine; li++) {
			if (lines[li]!.kind !== 'boilerplate') {
				return false;
			}
		}
	}
	// Another source between them starts someone else's words; the previous quotation's own does not.
	return !sources.some((s) => s.cue.start >= previous.end && s.cue.end <= quote.start && s.cue.start !== attribution.cue?.start);
}

/** A paragraph ending "X said:" introduces the quotation that opens the next paragraph. */
function introducedBy(quote: Quotation, sources: readonly Source[], structure: DocumentStructure, text: string): number | Span | undefined {
	const lines = structure.lines;
	const line = lines[quote.firstLine]!;
	if (quote.start > line.start + 1 || quote.firstLine === 0) {
		return undefined;
	}
	let prev = quote.firstLine - 1;
	while (prev >= 0 && lines[prev]!.kind === 'boilerplate') {
		prev--;
	}
	if (prev < 0 || !/:\s*$/.test(text.slice(lines[prev]!.start, lines[prev]!.end))) {
		return undefined;
	}
	for (let i = sources.length - 1; i >= 0; i--) {
		if (sources[i]!.line === prev) {
			return i;
		}
	}
	// "His exact words:", "Her reply:" — a possessive owning the words that follow.
	const owner =
		/^\s*(His|Her|Its|Their)\s+(?:[\p{L}-]+\s+){0,2}?(?:words|statement|response|reply|answer|message|explanation|comment|comments|verdict|view)\s*:\s*$/u.exec(
			text.slice(lines[prev]!.start, lines[prev]!.end),
		);
	if (owner) {
		const start = lines[prev]!.start + owner[0].indexOf(owner[1]!);
		return { start, end: start + owner[1]!.length };
	}
	// "…, such as Dr Azm Al Homoud:" — the name right before the colon.
	const lineText = text.slice(lines[prev]!.start, lines[prev]!.end);
	const name = /(\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.\-]*){0,4})\s*:\s*$/u.exec(lineText);
	if (name) {
		const start = lines[prev]!.start + name.index;
		return { start, end: start + name[1]!.length };
	}
	return undefined;
}

/** The last source before a quotation on its own line or the line before, in the same paragraph. */
function nearestSourceBefore(quote: Quotation, sources: readonly Source[], structure: DocumentStructure): number | undefined {
	const lines = structure.lines;
	const paragraph = lines[quote.firstLine]!.paragraph;
	for (let i = sources.length - 1; i >= 0; i--) {
		const source = sources[i]!;
		if (source.cue.end > quote.start) {
			continue;
		}
		if (quote.firstLine - source.line > 1 || lines[source.line]!.paragraph !== paragraph) {
			return undefined;
		}
		return i;
	}
	return undefined;
}

function normalised(text: string): string {
	return text
		.toLowerCase()
		.replace(/[’']/g, "'")
		.replace(/[^\p{L}\p{N}' ]+/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * The body quotation a pull quote repeats: one contains the other, ignoring case and punctuation, or the
 * pull's words (two or more) appear in order in a stretch of the body quote at most two words longer, as
 * headlines trim a quote ('We panicked' for "We were panicked").
 */
function matchingBodyQuote(text: string, pull: string, quotes: readonly Attribution[]): Attribution | undefined {
	const needle = normalised(pull);
	if (needle.length < 8) {
		return undefined;
	}
	const needleWords = needle.split(' ');
	for (const quote of quotes) {
		if (quote.kind === 'indirect' || quote.kind === 'pull') {
			continue;
		}
		const hay = normalised(text.slice(quote.start, quote.end));
		if (hay.includes(needle) || (hay.length >= 8 && needle.includes(hay))) {
			return quote;
		}
		if (needleWords.length >= 2 && trimmedFrom(needleWords, hay.split(' '))) {
			return quote;
		}
	}
	return undefined;
}

/** Whether `words` appear in order in `hay`, within a stretch at most two words longer than they are. */
function trimmedFrom(words: readonly string[], hay: readonly string[]): boolean {
	const reach = words.length + 2;
	for (let i = 0; i < hay.length; i++) {
		if (hay[i] !== words[0]) {
			continue;
		}
		let w = 1;
		for (let k = i + 1; k < hay.length && k - i < reach && w < words.length; k++) {
			if (hay[k] === words[w]) {
				w++;
			}
		}
		if (w === words.length) {
			return true;
		}
	}
	return false;
}

/**
 * The statement an unquoted source attributes, within its sentence: what follows the cue
 * (`X said (that) …`, `According to X, …`) or what precedes the speaker (`…, X said.`). Undefined when
 * the sentence holds no statement of at least three words outside quotations.
 */
function statementOf(text: string, structure: DocumentStructure, source: Source, quotations: readonly Quotation[]): Span | undefined {
	const sentence = structure.sentences.find((s) => s.start <= source.cue.start && source.cue.start < s.end);
	if (!sentence) {
		return undefined;
	}
	const first = Math.min(source.speaker.start, source.cue.start);
	const last = Math.max(source.speaker.end, source.cue.end);
	let span: Span;
	const before = text.slice(sentence.start, first);
	const afterText = text.slice(last, sentence.end);
	if (source.inverted && /^according/i.test(text.slice(source.cue.start, source.cue.end)) && /^\s*,/.test(afterText)) {
		// "According to X, …"
		span = { start: last + afterText.indexOf(',') + 1, end: sentence.end };
	} else if (
		/^[\s.!?"'\u201D\u2019)]*$/.test(afterText) ||
		/^\s*(?:on|in|at|during|last|this|yesterday|today|\p{Lu}\p{Ll}+day)\b[^,]*[.!?]?\s*$/u.test(afterText)
	) {
		// "…, X said." — the statement precedes the source.
		const comma = before.search(/,\s*$/);
		if (comma < 0) {
			return undefined;
		}
		span = { start: sentence.start, end: sentence.start + comma };
	} else {
		span = { start: last, end: sentence.end };
	}
	let { start, end } = span;
	while (start < end && /[\s,:;—–-]|that/.test(text.slice(start, start + 1))) {
		start++;
	}
	if (/^that\s/i.test(text.slice(start, start + 5))) {
		start += 5;
	}
	while (end > start && /[\s.,;:!?]/.test(text[end - 1]!)) {
		end--;
	}
	if (quotations.some((q) => q.start < end && start < q.end && q.end - q.start >= (end - start) * 0.6)) {
		return undefined;
	}
	if (countWords(text.slice(start, end)) < 3) {
		return undefined;
	}
	return { start, end };
}
