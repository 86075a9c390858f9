import type { DocumentStructure } from '../text/structure';
import type { Span } from '../types';
import {
	exactly,
	QUALIFIER_PHRASES,
	qualify,
	range,
	sameInterval,
	scale,
	timeSpan,
	unqualified,
	VAGUE_QUANTITIES,
	widen,
	type Interval,
	type Qualifier,
} from './intervals';
import { EVENTS, FILLERS, GENERIC_POPULATIONS, MEASURES, PROJECTILES, type MeasureWords } from './lexicon';
import { findNumbers, type NumberMention } from './numbers';
import { moneyPurpose, toUsd, valuedItem } from './money';
import { wordScanner } from '../text/wordScan';

/** What a figure needs somewhere in the sentence: a digit or a number word; a sentence without any is skipped at once. */
const MAY_HOLD_FIGURE = wordScanner(
	[
		...'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
			' ',
		),
		...'twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion hundreds thousands millions dozen dozens scores several'.split(
			' ',
		),
	],
	'0123456789',
);

/**
 * A figure that counts something checkable — the dead, the arrested, a quake's magnitude — with what
 * it counts, who, and which event: one row of the fact table. The span is the figure as written,
 * qualifier included ("more than 16,000").
 */
export interface Fact extends Span {
	/** The figure as written, qualifier included. */
	readonly text: string;
	/** Where the number itself starts ("16,000" in "more than 16,000"). */
	readonly numberStart: number;
	readonly qualifier?: Qualifier;
	readonly interval: Interval;
	/** What is counted: a measure of the lexicon ("killed", "arrested", "magnitude") or of `figures.measures`. */
	readonly measure: string;
	/** Who is counted, when the text narrows it ("civilians", "soldiers"); not for plain "people". */
	readonly population?: string;
	/** A part of a total counted elsewhere ("including 24 civilians", "the remaining six"). */
	readonly part?: 'including' | 'remaining';
	/** The kind of event it belongs to ("quake", "coup"), and the year when the sentence dates it elsewhere. */
	readonly event: string;
	/** The kind of event alone ("quake"; "event" when the article names none). */
	readonly kind: string;
	/** Whether a year, a place, a running total or a separate incident sets the figure apart from the article's event. */
	readonly anchored: boolean;
	/** The unit of a length ("km"), speed ("km/h"), area ("m²") or sum ("USD", or a currency the layer does not convert): its interval is in that unit whatever the text's. */
	readonly unit?: string;
	/** What is counted, without the event: measure, population and part. */
	readonly quantityKey: string;
	/** The index of its line in the document structure. */
	readonly line: number;
	/** Whether it is in a headline, heading or caption, where outlets round. */
	readonly display: boolean;
}

/** The comparison key of a fact: event, measure, population and part. Figures are compared only within one key. */
export function factKey(fact: Pick<Fact, 'event' | 'quantityKey'>): string {
	return `${fact.event}|${fact.quantityKey}`;
}

/** A recognised name the figures layer reads: numbers inside names are skipped, places anchor events. */
export interface FactName extends Span {
	readonly type: string;
	/** The entity's key (the same for "Qeshm" and "Qeshm island"). */
	readonly key: string;
}

/** Where the lead of an article ends: after its headline and first two body paragraphs, or four body lines. */
function leadEnd(structure: DocumentStructure): number {
	let paragraphs = 0;
	let lines = 0;
	let last = -1;
	for (const line of structure.lines) {
		if (line.kind !== 'body') {
			continue;
		}
		if (line.paragraph !== last) {
			last = line.paragraph;
			paragraphs++;
		}
		if (paragraphs > 2 || ++lines > 4) {
			return line.start;
		}
	}
	return Infinity;
}

/** Extra measures from crosscheck.yaml: name → words that say it after a figure. */
export type ExtraMeasures = Readonly<Record<string, readonly string[]>>;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const DETERMINERS = new Set(['the', 'its', 'his', 'her', 'their', 'our', 'those', 'these', 'them', 'whom', 'a', 'an', 'all']);

function wordsOf(text: string): string[] {
	return (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/[’']s$/, ''));
}

/** Compiled lookups for one set of measures. */
interface MeasureTable {
	readonly after: ReadonlyMap<string, string>;
	readonly afterPhrases: readonly (readonly [string[], string])[];
	readonly before: readonly (readonly [string[], string])[];
	/** The `before` phrases by their last word, longest first. */
	readonly beforeByLast: ReadonlyMap<string, readonly (readonly [string[], string])[]>;
}

let tableCache: { extra: ExtraMeasures; table: MeasureTable } | undefined;

function measureTable(extra: ExtraMeasures): MeasureTable {
	if (tableCache?.extra === extra) {
		return tableCache.table;
	}
	const all: Record<string, MeasureWords> = { ...MEASURES };
	for (const [name, words] of Object.entries(extra)) {
		all[name] = { after: [...(all[name]?.after ?? []), ...words.map((w) => w.toLowerCase())], before: all[name]?.before ?? [] };
	}
	const after = new Map<string, string>();
	const afterPhrases: [string[], string][] = [];
	const before: [string[], string][] = [];
	for (const [name, words] of Object.entries(all)) {
		for (const w of words.after) {
			const parts = w.split(/\s+/);
			if (parts.length === 1) {
				after.set(w, name);
			} else {
				afterPhrases.push([parts, name]);
			}
		}
		for (const w of words.before) {
			before.push([w.split(/\s+/), name]);
		}
	}
	before.sort((a, b) => b[0].length - a[0].length);
	const beforeByLast = new Map<string, [string[], string][]>();
	for (const entry of before) {
		const last = entry[0][entry[0].length - 1]!;
		beforeByLast.set(last, [...(beforeByLast.get(last) ?? []), entry]);
	}
	const table = { after, afterPhrases, before, beforeByLast };
	tableCache = { extra, table };
	return table;
}

/** Each qualifier phrase as a pattern ending right before a number. */
const QUALIFIER_PATTERNS: readonly (readonly [RegExp, Qualifier])[] = QUALIFIER_PHRASES.map(([phrase, qualifier]) => [
	new RegExp(`(^|[^\\p{L}])(${phrase.replace(/ /g, '\\s+')})\\s+$`, 'u'),
	qualifier,
]);

/** The qualifier written right before `at` ("more than ", "at least "), with where it starts. */
function qualifierBefore(text: string, at: number): { qualifier: Qualifier; start: number } | undefined {
	const before = text.slice(Math.max(0, at - 24), at).toLowerCase();
	if (!/[a-z]\s+$/.test(before)) {
		return undefined;
	}
	for (const [pattern, qualifier] of QUALIFIER_PATTERNS) {
		const m = pattern.exec(before);
		if (m) {
			return { qualifier, start: at - before.length + m.index + m[1]!.length };
		}
	}
	return undefined;
}

/** A qualifier written after the number: "30 or more", "30 or fewer". */
function qualifierAfter(text: string, end: number): { qualifier: Qualifier; end: number } | undefined {
	const m = /^\s+or\s+(more|fewer|less)\b/i.exec(text.slice(end, end + 16));
	return m ? { qualifier: m[1]!.toLowerCase() === 'more' ? 'or more' : 'or fewer', end: end + m[0].length } : undefined;
}

interface Quantity extends Span {
	readonly numberStart: number;
	readonly qualifier?: Qualifier;
	readonly interval: Interval;
	/** The currency of a sum of money ("EUR"). */
	readonly currency?: string;
	/** A percentage or a proportion ("40 percent", "two-thirds of"), its interval in percent. */
	readonly percent?: boolean;
}

/**
 * The quantities of `text[start, end)` with their intervals: numbers with their qualifiers, ranges ("20
 * to 30", "20-30", "between 20 and 30"), thousands written with spaces ("16 000"), "a dozen", vague
 * quantities ("hundreds", "tens of thousands") and proportions ("half of") — those without a value are
 * left out, since they cannot be compared.
 */
export function findQuantities(text: string, start: number, end: number): Quantity[] {
	const numbers = mergeSpacedThousands(text, findNumbers(text, start, end));
	const found: Quantity[] = [];
	for (let i = 0; i < numbers.length; i++) {
		let n = numbers[i]!;
		const written = text.slice(n.start, n.end).toLowerCase().replace(/\s+/g, ' ');
		// A range: "20 to 30", "20-30", "between 20 and 30", "20 and 30" after "between".
		const next = numbers[i + 1];
		// "between 40 and 80 percent": the unit written once, after the second number.
		const percentRange = n.unit === undefined && next?.unit === 'percent' && n.value !== undefined && n.value <= 100;
		if (n.value !== undefined && next?.value !== undefined && (next.unit === n.unit || percentRange)) {
			const gap = text.slice(n.end, next.start);
			const between = /\bbetween\s+$/i.test(text.slice(Math.max(0, n.start - 10), n.start));
			if (/^\s*(?:to|-|–|—)\s*$/.test(gap) || (between && /^\s+and\s+$/.test(gap))) {
				const q = qualifierBefore(text, between ? n.start - /between\s+$/i.exec(text.slice(0, n.start))![0].length : n.start);
				const from = between ? n.start - /between\s+$/i.exec(text.slice(0, n.start))![0].length : n.start;
				const currency = next.currency ?? n.currency;
				found.push({
					start: q?.start ?? from,
					end: next.end,
					numberStart: n.start,
					...(q ? { qualifier: q.qualifier } : {}),
					interval: range(n.value, next.value, q?.qualifier),
					...(currency ? { currency } : {}),
					...(next.unit === 'percent' ? { percent: true } : {}),
				});
				i++;
				continue;
			}
		}
		let interval: Interval | undefined;
		// "half a million": the proportion scales the number.
		const half = n.value !== undefined && /^a\s/i.test(written) && /\bhalf\s+$/i.test(text.slice(Math.max(0, n.start - 6), n.start));
		if (half) {
			n = { ...n, start: n.start - /half\s+$/i.exec(text.slice(0, n.start))![0].length, value: n.value! / 2 };
		}
		if (n.value !== undefined) {
			interval = unqualified(n.value);
		} else if (VAGUE_QUANTITIES[written]) {
			interval = VAGUE_QUANTITIES[written];
		}
		if (!interval) {
			continue;
		}
		const q = n.value !== undefined ? qualifierBefore(text, n.start) : undefined;
		const after = n.value !== undefined && !q ? qualifierAfter(text, n.end) : undefined;
		const qualifier = q?.qualifier ?? after?.qualifier;
		found.push({
			start: q?.start ?? n.start,
			end: after?.end ?? n.end,
			numberStart: n.start,
			...(qualifier ? { qualifier } : {}),
			interval: n.value !== undefined && qualifier ? qualify(n.value, qualifier) : interval,
			...(n.currency ? { currency: n.currency } : {}),
			...(n.unit === 'percent' ? { percent: true } : {}),
		});
	}
	return found;
}

/**
 * Numbers the crawl split: "16 000" (thousands separated by spaces), "500, 000" (a space after the
 * thousands comma) and "4. 6" (a space after the decimal point), all common in crawled text.
 */
function mergeSpacedThousands(text: string, numbers: NumberMention[]): NumberMention[] {
	const merged: NumberMention[] = [];
	for (let i = 0; i < numbers.length; i++) {
		let n = numbers[i]!;
		for (;;) {
			const m = numbers[i + 1];
			if (!m || n.unit || m.unit) {
				break;
			}
			const head = text.slice(n.start, n.end);
			const gap = text.slice(n.end, m.start);
			const tail = text.slice(m.start, m.end);
			const after = text.slice(m.end, m.end + 2);
			if ((gap === ' ' || gap === ', ') && /^\d{1,3}(?:[ ,]\s?\d{3})*$/.test(head) && /^\d{3}$/.test(tail) && !/^\s?\d/.test(after)) {
				n = { start: n.start, end: m.end, value: Number((head + tail).replace(/[ ,]/g, '')) };
			} else if (gap === '. ' && /^\d{1,2}$/.test(head) && /^\d{1,2}$/.test(tail) && !/^\s?\d/.test(after)) {
				n = { start: n.start, end: m.end, value: Number(`${head}.${tail}`) };
			} else {
				break;
			}
			i++;
		}
		merged.push(n);
	}
	return merged;
}

/** What a quantity measures: a measure, who or what, a part of a total, and for units a factor to one unit. */
interface Measured {
	readonly measure: string;
	readonly population?: string;
	readonly part?: Fact['part'];
	readonly factor?: number;
	readonly unit?: string;
	/** Whether the value is exact as written in its unit (a count of days), not a measurement read as ±10%. */
	readonly exact?: boolean;
	/** The kind of event the words around the figure name, over the sentence's ("13 days of bombardment"). */
	readonly kind?: string;
}

/** What a quantity counts, read from the words after it and before it. */
function measureOf(text: string, quantity: Quantity, sentence: Span, table: MeasureTable): Measured | undefined {
	const beforeText = text.slice(Math.max(sentence.start, quantity.start - 60), quantity.start);
	const beforeWords = wordsOf(beforeText);
	// A sum of money, by its currency (converted where it can be by the caller, which reads what it is).
	if (quantity.currency) {
		return { measure: 'money', population: quantity.currency };
	}
	// A share of a whole: "40 percent to 70 percent of the buildings were destroyed", "half of the homes".
	if (quantity.percent) {
		return shareOf(text.slice(quantity.end, Math.min(sentence.end, quantity.end + 80)));
	}
	// "two of the three victims died": the second figure is the set the first is taken from; what the
	// sentence says of them (died) is said of the first.
	if (SET_AFTER_FIGURE.test(beforeText)) {
		return undefined;
	}
	let afterText = text.slice(quantity.end, Math.min(sentence.end, quantity.end + 80));
	const set = OF_A_SET.exec(afterText);
	if (set) {
		afterText = afterText.slice(set[0].length);
		// "30 of the 80 wounded remained in hospital": a part of the wounded.
		const setMeasure = table.after.get(wordsOf(afterText)[0] ?? '');
		if (setMeasure) {
			return { measure: setMeasure, part: 'including' };
		}
	}
	// The clause the figure is in; "17,740 people, have been formally arrested" keeps its verb.
	const clause = afterText.split(/[;:()]|,\s(?!(?:have|has|had|were|was|are|is)\b)|\s[—–]\s/)[0]!;
	const afterWords = wordsOf(clause);

	let part: Fact['part'];
	const tail2 = beforeWords.slice(-2).join(' ');
	const tail1 = beforeWords[beforeWords.length - 1] ?? '';
	if (tail1 === 'including' || tail1 === 'incl' || tail2 === 'among them' || tail2 === 'of whom' || tail2 === 'of them') {
		part = 'including';
	} else if (tail2 === 'the remaining' || tail1 === 'remaining' || tail2 === 'the other') {
		part = 'remaining';
	}
	if (/^\s+of\s+(?:them|whom|those)\b/i.test(afterText)) {
		part = 'including';
	}

	// Magnitude: "magnitude 4.6", "a 4.6-magnitude quake", "a 6.7-strength quake", "6.4 on the Richter scale".
	if (
		/(?:magnitudes?|measuring|measured)(?:\s+(?:of|ranging\s+from|from))?\s*$/i.test(beforeText) ||
		/^[\s-]*(?:magnitude|strength|degree|on\s+the\s+richter)\b/i.test(afterText) ||
		// "a 4.4 quake": a value written with a decimal right before a shock is its magnitude.
		(/^[\s-]*(?:quake|earthquake|tremor|temblor|aftershock|shock)\b/i.test(afterText) &&
			/^\d\.\s?\d$/.test(text.slice(quantity.numberStart, quantity.end))) ||
		// "aftershocks of around 4.0": a shock "of" a value written with a decimal is its magnitude.
		(/\b(?:quake|earthquake|tremor|temblor|(?:after|fore)?shocks?)\s+of\s*$/i.test(beforeText) &&
			/^\d\.\s?\d$/.test(text.slice(quantity.numberStart, quantity.end)))
	) {
		return { measure: 'magnitude' };
	}

	// How many live in a place: "home to 120,000 people", "a population of 90,000", "which has 80,000 residents".
	if (
		/\b(?:home\s+to|population\s+of|populated\s+by)\s*$/i.test(beforeText) ||
		(/\b(?:has|have|had)\s*$/i.test(beforeText) && /^(?:inhabitants|residents)$/.test(afterWords[0] ?? ''))
	) {
		return { measure: 'inhabitants' };
	}
	// How long the event lasted, or has lasted so far: "the tremor lasted 30 seconds", "after 13 days of
	// bombardment", "since the assault began 12 days ago".
	const duration = durationOf(beforeText, afterText) ?? timeSpanOf(beforeText, afterText, text.slice(sentence.start, sentence.end));
	if (duration) {
		return duration;
	}
	// A length, speed or area is never a head count.
	const unit = unitMeasureOf(beforeText, afterText);
	if (unit) {
		return unit === 'skip' ? undefined : unit;
	}

	// "…, 15 critically", "10 of whom remain critical", "five of them in critical condition": those among
	// the injured in a serious condition, a part of the total (read before the verb: "55 wounded, 15
	// critically" counts the critical, not the wounded).
	if (CRITICAL.test(afterText)) {
		return { measure: 'injured', population: 'critical', part: 'including' };
	}
	// Before: "killing at least 31", "the death toll rose to 13", "arrested 6,000 soldiers".
	const verbsBefore = beforeWords.slice(-6);
	for (let e = verbsBefore.length - 1; e >= 0 && verbsBefore.length - 1 - e <= 3; e--) {
		for (const [words, name] of table.beforeByLast.get(verbsBefore[e]!) ?? []) {
			const s = e - words.length + 1;
			if (s < 0 || !words.every((p, k) => verbsBefore[s + k] === p)) {
				continue;
			}
			// Only verbs or nouns whose object or value the figure is: few words between them.
			if (verbsBefore.slice(e + 1).every((w) => BETWEEN_VERB_AND_FIGURE.test(w))) {
				const population = populationAfter(afterWords);
				return { measure: name, ...(population ? { population } : {}), ...(part ? { part } : {}) };
			}
		}
	}
	// After: "16,000 people have been formally arrested", "31 dead", "80 people were also wounded".
	let population: string | undefined;
	for (let i = 0; i < afterWords.length && i < 7; i++) {
		const w = afterWords[i]!;
		const measure = table.after.get(w);
		// "five rockets fired from Gaza", "40 were fired into Israel": shots, not dismissals.
		if (
			w === 'fired' &&
			(PROJECTILES.has(population ?? '') || /^(?:into|at|from|toward|towards|across|over)$/.test(afterWords[i + 1] ?? ''))
		) {
			break;
		}
		if (measure) {
			return { measure, ...(population ? { population } : {}), ...(part ? { part } : {}) };
		}
		for (const [words, name] of table.afterPhrases) {
			if (words.every((p, k) => afterWords[i + k] === p)) {
				return { measure: name, ...(population ? { population } : {}), ...(part ? { part } : {}) };
			}
		}
		if (FILLERS.has(w)) {
			continue;
		}
		// "50 people with serious injuries", "12 with gunshot wounds".
		if (w === 'with' && afterWords.slice(i + 1, i + 4).some((x) => x === 'injuries' || x === 'wounds')) {
			return { measure: 'injured', ...(population ? { population } : {}), ...(part ? { part } : {}) };
		}
		// "a 6.7-strength quake killed": the figure describes the event, it does not count the dead.
		if (EVENTS[w] !== undefined) {
			break;
		}
		// "2,500 of its employees", "thousands of soldiers": the counted noun comes after "of".
		if (w === 'of' || DETERMINERS.has(w)) {
			continue;
		}
		if (i <= 2 && population === undefined && isCountedNoun(w)) {
			// The counted noun: "soldiers", "civilians", "police officers" (the last noun of a short run).
			population = GENERIC_POPULATIONS.has(w) ? '' : w;
			continue;
		}
		if (i <= 1 && population === undefined && /^[a-z][a-z-]+$/.test(w)) {
			// An adjective before the noun: "Turkish soldiers", "more civilians".
			continue;
		}
		break;
	}
	// "…, including 24 civilians.": a part counts what its total counts, which the caller knows.
	if (part) {
		const population = populationAfter(afterWords);
		return { measure: '', ...(population ? { population } : {}), part };
	}
	// Anything else counted by a plural noun right after the figure, with the words that narrow it: "four
	// strong aftershocks", "six AK-47 rifles", "five suspicious boats" (not the same boats as "three boats").
	const counted = countedAfter(afterWords);
	// "The three boats had 26 crew": a set the article has counted before, named again.
	if (
		counted &&
		!GAME_STATISTICS.has(counted.noun) &&
		!UNITS.has(counted.noun) &&
		!part &&
		tail1 !== 'the' &&
		!TIME_UNITS.has(counted.noun) &&
		!new RegExp(`\\b${counted.noun}\\s+(?:ago|later|earlier|old)\\b`, 'i').test(clause)
	) {
		// "saw four of her co-workers" and "shooting three co-workers" count different sets of the same
		// people: who was merely met or seen is counted apart.
		const met = encounterBefore(beforeWords) ?? encounterAfter(afterWords, counted.noun);
		return { measure: 'count', population: met ? `${counted.phrase} ${met}` : counted.phrase };
	}
	return undefined;
}

/**
 * Verbs of meeting or seeing, by form, as their past participle: a figure they govern counts who was
 * there, not who something was done to ("saw four of her co-workers", "met three ministers").
 */
const ENCOUNTERS: ReadonlyMap<string, string> = new Map(
	(
		[
			['seen', 'see sees saw seeing seen'],
			['met', 'meet meets met meeting'],
			['encountered', 'encounter encounters encountered encountering'],
			['visited', 'visit visits visited visiting'],
			['joined', 'join joins joined joining'],
			['greeted', 'greet greets greeted greeting'],
			['approached', 'approach approaches approached approaching'],
			['noticed', 'notice notices noticed noticing'],
			['spotted', 'spot spots spotted spotting'],
			['contacted', 'contact contacts contacted contacting'],
			['interviewed', 'interview interviews interviewed interviewing'],
			['told', 'tell tells told telling'],
			['confronted', 'confront confronts confronted confronting'],
		] as const
	).flatMap(([participle, forms]) => forms.split(' ').map((form) => [form, participle] as const)),
);

/** Words between a verb and the figure it governs: "saw at least four", "met with more than three". */
const BETWEEN_ENCOUNTER_AND_FIGURE =
	/^(?:with|at|least|more|than|about|around|some|nearly|almost|over|up|to|only|just|roughly|approximately|all)$/;

/** The verb of meeting or seeing whose object the figure is: "saw [four of her co-workers]", "met at least [three]". */
function encounterBefore(beforeWords: readonly string[]): string | undefined {
	let i = beforeWords.length - 1;
	while (i >= 0 && beforeWords.length - 1 - i < 3 && BETWEEN_ENCOUNTER_AND_FIGURE.test(beforeWords[i]!)) {
		i--;
	}
	return i >= 0 ? ENCOUNTERS.get(beforeWords[i]!) : undefined;
}

/** A passive verb of meeting or seeing after what a figure counts: "four co-workers were seen". */
function encounterAfter(afterWords: readonly string[], noun: string): string | undefined {
	const at = afterWords.indexOf(noun);
	if (at < 0 || !/^(?:were|was|are|is|been)$/.test(afterWords[at + 1] ?? '')) {
		return undefined;
	}
	let i = at + 1;
	while (/^(?:were|was|are|is|been|had|have|also|all|later|then)$/.test(afterWords[i] ?? '')) {
		i++;
	}
	const participle = ENCOUNTERS.get(afterWords[i] ?? '');
	// Only the participle itself: "were seen", not "were seeing" or "were saw".
	return participle === afterWords[i] ? participle : undefined;
}

/**
 * Right after a figure, the injured in a serious condition: "15 critically", "10 of whom remain critical",
 * "five of them in critical condition", "three seriously".
 */
const CRITICAL = new RegExp(
	String.raw`^\s+(?:(?:of|among)\s+(?:whom|them|those)\s+)?` +
		String.raw`(?:(?:(?:still|now)\s+)?(?:remain|remained|remains|are|were|is|was|listed)\s+(?:as\s+)?(?:in\s+(?:a\s+)?)?(?:critical|serious|grave)\b` +
		String.raw`|in\s+(?:a\s+)?(?:critical|serious|grave)\s+condition\b` +
		String.raw`|(?:critically|seriously|gravely|badly|severely)(?:\s+(?:injured|wounded|hurt|burned|burnt))?\s*(?:[,.;)]|$|and\b|with\b|in\b))`,
	'i',
);

/** Words saying what befell a share of buildings or homes. */
const DAMAGED = /^[^.;:]*?\b(?:damaged|destroyed|damage|flattened|collapsed|razed|levelled|leveled)\b/i;

/**
 * What a percentage or a proportion is a share of: what was damaged ("40 percent of the buildings were
 * destroyed", "between 40 and 80 percent damage"), else the noun after "of" ("half of the voters", "80
 * percent of the haul"). A share of nothing named is not read.
 */
function shareOf(afterText: string): Measured | undefined {
	if (DAMAGED.test(afterText.slice(0, 60))) {
		return { measure: 'share', population: 'damaged' };
	}
	const of = /^\s+of\s+(?:(?:the|its|their|his|her|all|those|these)\s+)?([a-z][a-z-]+)/i.exec(afterText);
	return of && !DETERMINERS.has(of[1]!.toLowerCase()) ? { measure: 'share', population: of[1]!.toLowerCase() } : undefined;
}

/** A number word or digits, as {@link wordsOf} gives them. */
const NUMBER_WORD =
	'(?:\\d[\\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|thirty|forty|fifty|hundred|hundreds|dozens)';
/** A figure right before this one with "of the" between: "two of the [three]". */
const SET_AFTER_FIGURE = new RegExp(`(?:^|[^\\p{L}\\p{N}])${NUMBER_WORD}\\s+(?:of|among)\\s+(?:the|its|their|those|these|all)\\s+$`, 'iu');
/** "of the three" right after a figure: the set it is taken from. */
const OF_A_SET = new RegExp(`^\\s+(?:of|among)\\s+(?:the|its|their|those|these|all)\\s+${NUMBER_WORD}(?![\\p{L}\\p{N}])`, 'iu');

/** Plural nouns that can be what a figure counts ("soldiers", "rifles"), not function words ending in s ("as", "its"). */
function isCountedNoun(word: string): boolean {
	return word.length >= 4 && /^[a-z][a-z-]*s$/.test(word) && !/(?:ss|us|is)$/.test(word) && !NOT_NOUNS.has(word);
}
const NOT_NOUNS = new Set([
	'thanks',
	'this',
	'thus',
	'does',
	'goes',
	'was',
	'has',
	'its',
	'his',
	'hers',
	'ours',
	'yours',
	'theirs',
	'whereas',
	'perhaps',
	'besides',
	'towards',
	'always',
	'sometimes',
	'afterwards',
	'nevertheless',
	'less',
	'unless',
]);

/** A distance right after a figure and what it is measured from. */
const DISTANCE = new RegExp(
	String.raw`^[\s-]*(?<unit>miles?|mi|kilomet(?:re|er)s?|km|met(?:re|er)s?|m|feet|foot|ft|yards?)\b\)?(?:\s*\([^)]{0,30}\))?` +
		String.raw`(?:\s*(?<direction>(?:north|south|east|west)(?:[- ]?(?:north|south|east|west)){0,2}(?:\s+of)?|from|off|away\s+from|outside(?:\s+of)?)` +
		String.raw`(?:\s+(?:the\s+)?(?<from>[\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*)?))?)?`,
	'iu',
);
/** A speed: "120 mph", "193km / h", "100 miles an hour", "60 kilometres per hour". */
const SPEED = /^[\s-]*(?:(mph)|(km\s*\/\s*h|kph|kmh)|(miles?|kilomet(?:re|er)s?)\s+(?:an|per)\s+hour)\b/i;
/** An area: "170,000-square-foot", "1,500 sq km", "40 acres", "12 hectares". */
const AREA = /^[\s-]*(?:(?:square|sq\.?)[\s-]*(feet|foot|ft|met(?:re|er)s?|m|kilomet(?:re|er)s?|km|miles?|mi)|(acres?|hectares?|ha))\b/i;
/** Kilometres per unit of length. */
const KM: Readonly<Record<string, number>> = { mi: 1.609344, km: 1, m: 0.001, ft: 0.0003048, yd: 0.0009144 };
/** Square metres per unit of area. */
const SQUARE_M: Readonly<Record<string, number>> = { mi: 2.589988e6, km: 1e6, m: 1, ft: 0.09290304, acre: 4046.8564, ha: 1e4 };

/** A unit of length as written, by its short name. */
function lengthUnit(written: string): string {
	const w = written.toLowerCase();
	return /^(?:mile|mi)/.test(w) ? 'mi' : /^k/.test(w) ? 'km' : /^(?:met|m$)/.test(w) ? 'm' : /^yard/.test(w) ? 'yd' : 'ft';
}

/**
 * What a figure with a unit of length, speed or area measures, in one unit per measure so that "30 miles"
 * and "48 km" compare: a distance from a named place ("58 km south-west of Bandar Abbas"), a length
 * travelled ("chased him for 30 miles"), a depth, a speed or an area ("a 170,000-square-foot building").
 * A distance from an unnamed point ("50 miles north of here") and a size ("a 181-km long fault") are not
 * read: nothing says what they would be compared with.
 */
function unitMeasureOf(beforeText: string, afterText: string): Measured | 'skip' | undefined {
	const speed = SPEED.exec(afterText);
	if (speed) {
		const wind = /\b(winds?|gusts?)\b[^.]{0,30}$/i.exec(beforeText)?.[1]?.toLowerCase().replace(/s$/, '');
		return {
			measure: 'speed',
			...(wind ? { population: wind } : {}),
			factor: speed[1] || speed[3]?.startsWith('m') ? KM.mi! : 1,
			unit: 'km/h',
		};
	}
	const area = AREA.exec(afterText);
	if (area) {
		const unit = area[1] ? lengthUnit(area[1]) : /^a/i.test(area[2]!) ? 'acre' : 'ha';
		const noun = wordsOf(afterText.slice(area[0].length, area[0].length + 30)).find((w) => !DETERMINERS.has(w) && w !== 'of');
		return { measure: 'area', ...(noun ? { population: noun } : {}), factor: SQUARE_M[unit]!, unit: 'm²' };
	}
	const distance = DISTANCE.exec(afterText);
	if (!distance) {
		return undefined;
	}
	const { unit, direction, from } = distance.groups!;
	const factor = KM[lengthUnit(unit!)]!;
	const rest = afterText.slice(distance[0].length);
	// A size, or a height written "6-foot-9" or "6 feet 9 inches": nothing travelled or away.
	if (/^[\s-]*(?:long|wide|high|tall|across|in\s+(?:length|diameter|width))\b/i.test(rest) || /^(?:-|\s+)\d+(?:\s*inch|\b)/.test(rest)) {
		return 'skip';
	}
	if (/^[\s-]*deep\b/i.test(rest) || /\bdepth\s+of\s*$/i.test(beforeText)) {
		return { measure: 'depth', factor, unit: 'km' };
	}
	if (from && /^\p{Lu}/u.test(from)) {
		return { measure: 'distance', population: wordsOf(from).slice(0, 3).join(' '), factor, unit: 'km' };
	}
	// Yards from no named place are a game's statistics ("rushed for 86 yards", "a 7-yard pass"), many per story.
	return direction || lengthUnit(unit!) === 'yd' ? 'skip' : { measure: 'distance', factor, unit: 'km' };
}
/** Seconds per unit of time. */
const SECONDS: Readonly<Record<string, number>> = {
	second: 1,
	minute: 60,
	hour: 3600,
	day: 86400,
	week: 604800,
	month: 2629800,
	year: 31557600,
};
const TIME_UNIT = String.raw`(second|minute|hour|day|week|month|year)s?`;
/** "30 seconds", "one minute", right after the figure. */
const DURATION_UNIT = new RegExp(String.raw`^[\s-]+${TIME_UNIT}\b`, 'i');
/** "… days of bombardment", "… days of a punishing offensive": the event it is the duration of, up to three words on. */
const DAYS_OF = new RegExp(String.raw`^[\s-]+${TIME_UNIT}\s+of\s+((?:[\p{L}-]+\s+){0,3}[\p{L}-]+)`, 'iu');
/** "… days ago" after an event "began": how long it has lasted so far. */
const AGO = new RegExp(String.raw`^[\s-]+${TIME_UNIT}\s+ago\b`, 'i');
/** A verb saying an event started, then up to eight words, at the end of the text before "12 days ago". */
const BEGAN = /\b(?:began|begun|started|launched|broke\s+out|erupted)\b(?:\s+[\p{L}\p{N}'’-]+){0,8}\s*$/iu;

/**
 * How long an event lasted or has lasted so far, with its kind: "the tremor lasted 30 seconds", "a tremor for
 * one minute", "13 days of bombardment", "since the assault began 12 days ago". Only when the event is named
 * right there: "the meeting lasted two hours" and "12 weeks ago" say nothing of the event.
 */
function durationOf(beforeText: string, afterText: string): Measured | undefined {
	const unit = DURATION_UNIT.exec(afterText);
	if (!unit) {
		return undefined;
	}
	const factor = SECONDS[unit[1]!.toLowerCase()]!;
	const measured = (kind: string | undefined): Measured | undefined =>
		kind ? { measure: 'duration', factor, unit: 's', exact: true, ...(kind === 'it' ? {} : { kind }) } : undefined;
	const of = DAYS_OF.exec(afterText);
	if (of) {
		return measured(eventsIn(of[2]!)[0]);
	}
	if (AGO.test(afterText)) {
		const began = BEGAN.exec(beforeText);
		return began ? measured(lastEventIn(beforeText)) : undefined;
	}
	// "the tremor lasted 30 seconds", "lasting about a minute", "felt the tremor for one minute".
	const lasted = /\b(?:lasted|lasting|lasts)\s+(?:for\s+)?$/i.exec(beforeText) ?? /\bfor\s+$/i.exec(beforeText);
	if (!lasted) {
		return undefined;
	}
	const words = wordsOf(beforeText.slice(0, lasted.index)).slice(-3);
	const kinds = eventsIn(words.join(' '));
	// "It lasted around 30 seconds": the event the sentence or the article is about.
	return measured(
		kinds[kinds.length - 1] ?? (lasted[0].startsWith('l') && /\bit\s*$/i.test(beforeText.slice(0, lasted.index)) ? 'it' : undefined),
	);
}

/** "12 weeks ago", "10 minutes later", "ten minutes after", "four years earlier", right after the figure. */
const SINCE = new RegExp(String.raw`^[\s-]+${TIME_UNIT}\s+(ago|later|earlier|after|afterwards|before)\b`, 'i');
/** "a four-year spell living in …", "a two-week stay at …". */
const SPELL = new RegExp(String.raw`^[\s-]+${TIME_UNIT}[\s-]+(?:spell|stint|stay)\s+(?:of\s+)?([a-z]+ing)\b`, 'i');
/** "living in Wales with his mum for the past three years": a verb in -ing, a few words, then "for (the past)". */
const FOR_SPAN = /\b([a-z]+ing)\b(?:\s+[\p{L}'’,-]+){0,6}\s+for\s+(?:(?:the|a)\s+)?(?:(?:past|last|first|next)\s+)?$/iu;
/** "After being escorted from …", "after she was taken off …": the reference point of a later "10 minutes later". */
const AFTER_BEING = /\bafter\s+(?:being|having\s+been|(?:she|he|they|it|we|i)\s+(?:was|were|had\s+been))\s+([a-z]+ed)\b/i;

/** One name for a verb however it is inflected ("escorted", "escorting" → "escort"), with "moved back", "came back" → "return". */
function verbClass(verb: string, next: string | undefined): string {
	const w = verb.toLowerCase();
	if (next === 'back' || w === 'returned' || w === 'returning' || w === 'returns') {
		return 'return';
	}
	return w.replace(/(?:ing|ed)$/, '').replace(/([^aeiou])\1$/, '$1');
}

/** Words in -ed that are no verbs of an action. */
const NOT_VERBS = new Set([
	'need',
	'speed',
	'seed',
	'bed',
	'red',
	'hundred',
	'shed',
	'feed',
	'reported',
	'added',
	'stated',
	'claimed',
	'alleged',
]);

/** The last verb in -ed before a figure, within eight words: "returned to her home town with John [12 weeks ago]". */
function lastPastVerb(beforeText: string): string | undefined {
	const words = wordsOf(beforeText).slice(-8);
	for (let i = words.length - 1; i >= 0; i--) {
		const w = words[i]!;
		if (/^[a-z]{3,}ed$/.test(w) && !NOT_VERBS.has(w)) {
			return verbClass(w, words[i + 1]);
		}
	}
	return undefined;
}

/** Words in -ing that do not say what someone was doing for a while. */
const NOT_DOING = new Set([
	'during',
	'nothing',
	'something',
	'anything',
	'everything',
	'morning',
	'evening',
	'according',
	'including',
	'following',
	'building',
]);

/**
 * A stretch of time in the story, tied to what someone did rather than to the event: how long ago or how
 * long after something happened ("returned to her home town 12 weeks ago", "10 minutes after she was
 * escorted out", "re-entered 10 minutes later" after "After being escorted …"), measure `elapsed` (`ago` when
 * counted back from publication, "12 weeks ago"; `until` for "two hours before …"), and how
 * long someone did something ("a four-year spell living in Cardiff", "living in Wales for the past three
 * years"), measure `span`; the population is the verb ("return", "escort", "liv"). Figures of one story,
 * compared whatever event the sentence names. Without a verb to tie it to, a stretch of time is not read.
 */
function timeSpanOf(beforeText: string, afterText: string, sentenceText: string): Measured | undefined {
	const span = (measure: string, unit: string, verb: string | undefined): Measured | undefined =>
		verb ? { measure, population: verb, factor: SECONDS[unit.toLowerCase()]!, unit: 's', exact: true, kind: 'story' } : undefined;
	const spell = SPELL.exec(afterText);
	if (spell) {
		return span('span', spell[1]!, verbClass(spell[2]!, undefined));
	}
	const since = SINCE.exec(afterText);
	if (since) {
		const unit = since[1]!;
		const how = since[2]!.toLowerCase();
		if (how === 'after' || how === 'before') {
			// "ten minutes after being taken off the job", "10 minutes after the guard was escorted out".
			const rest = afterText.slice(since[0].length, since[0].length + 60);
			const verb = /^\s+(?:(?:being|having\s+been)\s+|(?:[\p{L}.'’-]+\s+){0,3}(?:was|were|had\s+been|had)\s+)([a-z]+ed)\b/iu.exec(rest);
			if (!verb) {
				return undefined;
			}
			const next = /^\s*([a-z]+)/i.exec(rest.slice(verb.index + verb[0].length))?.[1]?.toLowerCase();
			return span(how === 'after' ? 'elapsed' : 'until', unit, verbClass(verb[1]!, next));
		}
		if (how === 'later' || how === 'afterwards') {
			const after = AFTER_BEING.exec(sentenceText);
			return span('elapsed', unit, after ? verbClass(after[1]!, undefined) : undefined);
		}
		// "12 weeks ago" (counted back from publication, so kept apart from "nine days earlier", counted back
		// from the story's time), "10 minutes earlier": since what the clause says was done.
		return span(how === 'ago' ? 'ago' : 'elapsed', unit, lastPastVerb(beforeText));
	}
	const unit = DURATION_UNIT.exec(afterText);
	const doing = unit ? FOR_SPAN.exec(beforeText) : null;
	if (unit && doing && !NOT_DOING.has(doing[1]!.toLowerCase())) {
		return span('span', unit[1]!, verbClass(doing[1]!, undefined));
	}
	return undefined;
}

/** Plural nouns of time: durations and dates, not counts of things. */
const TIME_UNITS = new Set(['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'decades', 'centuries', 'times']);

/** Words that may stand between a counting verb and its figure: "the death toll rose to more than". */
const BETWEEN_VERB_AND_FIGURE =
	/^(?:to|at|of|by|from|rose|risen|climbed|reached|stood|stands|jumped|now|has|had|have|is|was|the|least|an|estimated|some|about|around|more|than|nearly|almost|over|up|as|many)$/;

/** The counted noun right after a figure that a verb before it counts: "arrested 6,000 soldiers", "detained thousands of soldiers". */
function populationAfter(afterWords: readonly string[]): string | undefined {
	for (let i = 0; i < afterWords.length && i < 4; i++) {
		const w = afterWords[i]!;
		if (w === 'of' || DETERMINERS.has(w)) {
			continue;
		}
		if (isCountedNoun(w)) {
			return GENERIC_POPULATIONS.has(w) ? undefined : w;
		}
		if (i <= 1 && /^[a-z][a-z-]+$/.test(w) && !FILLERS.has(w) && EVENTS[w] === undefined) {
			continue;
		}
		return undefined;
	}
	return undefined;
}

/** Who or what fired a shell or a rocket: a gun ("tank", "artillery") or an army ("Israeli", "Russian"). */
const FIRED_BY = /^(?:tanks?|artillery|mortars?|naval|howitzers?|army|[a-z]+(?:i|an|ese))$/;

/**
 * What players score or make in a game ("20 points", "13 passes", "nine rebounds"): a story has many of
 * them, each a different player's or team's, which the sentence's subject tells apart and a count's key
 * does not.
 */
const GAME_STATISTICS = new Set(
	(
		'points rebounds boards assists steals blocks turnovers fouls passes carries catches receptions touchdowns ' +
		'interceptions sacks tackles goals yards runs innings strikeouts wickets saves laps birdies bogeys ' +
		'aces pointers throws possessions completions fumbles punts downs seasons games wins losses'
	).split(' '),
);

/** Units of size or heat, no counts: "6 feet 9 inches", "40 degrees". */
const UNITS = new Set(['inches', 'degrees', 'calories']);

/** Words that never narrow a counted noun: "13 passes for 162 yards" counts no "for 162 yards". */
const NOT_MODIFIERS = new Set(['for', 'in', 'on', 'at', 'to', 'by', 'with', 'from', 'into', 'over', 'than', 'and', 'or', 'but', 'as']);

/** Adjectives of size that outlets swap for one another ("strong", "major" aftershocks): they do not narrow a count. */
const INTENSIFIERS = new Set(['strong', 'major', 'powerful', 'big', 'large', 'significant', 'huge', 'heavy', 'serious']);

/**
 * The plural noun a figure counts and the words before it that narrow it ("suspicious boats", "ak 47
 * rifles"); a generic noun ("people") counts nothing in particular.
 */
function countedAfter(afterWords: readonly string[]): { noun: string; phrase: string } | undefined {
	const modifiers: string[] = [];
	for (let i = 0; i < afterWords.length && i < 5; i++) {
		const w = afterWords[i]!;
		if ((w === 'of' || DETERMINERS.has(w)) && modifiers.length === 0) {
			continue;
		}
		// "Three tank shells", "two Israeli artillery shells", "three tanks shells": what is fired is counted by
		// its kind alone, whatever fired it; outlets name the gun or the army differently.
		const at = afterWords.slice(i, i + 3).findIndex((x) => PROJECTILES.has(x));
		if (at >= 0 && modifiers.length === 0 && afterWords.slice(i, i + at).every((x) => FIRED_BY.test(x))) {
			return { noun: afterWords[i + at]!, phrase: afterWords[i + at]! };
		}
		if (isCountedNoun(w)) {
			if (GENERIC_POPULATIONS.has(w)) {
				return undefined;
			}
			const phrase = [...modifiers.filter((m) => !INTENSIFIERS.has(m)), w].join(' ').replace(/-/g, ' ');
			return { noun: w, phrase };
		}
		if (modifiers.length < 2 && /^[a-z0-9][a-z0-9-]*$/.test(w) && !NOT_MODIFIERS.has(w) && !FILLERS.has(w) && EVENTS[w] === undefined) {
			modifiers.push(w);
			continue;
		}
		return undefined;
	}
	return undefined;
}

/** A year written as a number: "in 2003", "since 1999", "July 2016" — not a count. */
function isYear(text: string, quantity: { start: number; end: number; numberStart: number }): boolean {
	const written = text.slice(quantity.numberStart, quantity.end);
	return (
		/^(?:1[89]|20)\d\d$/.test(written) &&
		/(?:\b(?:in|since|of|during|by|until|from|to|and|early|late|mid|year|spring|summer|autumn|fall|winter|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)|[,(])\s*$/i.test(
			text.slice(Math.max(0, quantity.start - 12), quantity.start),
		)
	);
}

/** A sentence going on about the event before: "It killed 612 people", "The quake also destroyed…". */
const START_REFERS_BACK = /^\s*(?:it|its|they|this|that|the (?:quake|earthquake|attack|blast|fire|storm|flood|crash))\b/i;

/** A running total: "so far", "since the assault began", "the rising toll", "in total". */
const TOTAL =
	/\b(?:so far|thus far|to date|cumulative|a total of|in total|since (?:the|it|they|its)\b|(?:the|a) (?:overall|total|rising|cumulative) (?:death |casualty )?toll|(?:in|during|over|across) (?:the|its|their|his|her|all) (?:[\p{L}\p{N}-]+ ){0,2}?(?:operations|missions|raids|sorties|patrols|incidents|attacks))/iu;
/** The start of an item of a list of figures: ", 31 magazines", ", and 923 rounds". */
const LIST_ITEM =
	/^\s+(?:and\s+)?(?:about\s+|some\s+|around\s+)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|dozens|hundreds|thousands)\b)/i;

/** Words ending in "est" that are no superlatives. */
const NOT_SUPERLATIVES = new Set([
	'west',
	'rest',
	'arrest',
	'protest',
	'interest',
	'request',
	'forest',
	'suggest',
	'test',
	'contest',
	'harvest',
	'guest',
	'chest',
	'quest',
]);

/**
 * Where a running total starts in a sentence: the start of the comma-separated stretch holding its marker
 * ("…, pushing the toll above 680 since the conflict began"), so the figures before it (the day's "43
 * killed and 55 wounded") stay counts of the incident; or -1. "So far" after a superlative ("the deadliest
 * strike of the offensive so far") ranks the incident and marks no total.
 */
function totalStart(sentenceText: string): number {
	const pattern = new RegExp(TOTAL.source, 'giu');
	for (let m = pattern.exec(sentenceText); m; m = pattern.exec(sentenceText)) {
		let comma = Math.max(sentenceText.lastIndexOf(',', m.index), sentenceText.lastIndexOf(';', m.index));
		// A list of figures runs on over its commas: "seized 14 rifles, 31 magazines and 923 rounds during
		// the five operations" totals all three.
		while (comma > 0 && LIST_ITEM.test(sentenceText.slice(comma + 1, comma + 40))) {
			comma = sentenceText.lastIndexOf(',', comma - 1);
		}
		const stretch = sentenceText.slice(comma + 1, m.index);
		if (/^(?:so|thus) far|^to date|^yet/i.test(m[0])) {
			const superlative = (stretch.toLowerCase().match(/[a-z]+/g) ?? []).some(
				(w) => w === 'most' || (w.length > 4 && w.endsWith('est') && !NOT_SUPERLATIVES.has(w)),
			);
			if (superlative) {
				continue;
			}
		}
		return comma + 1;
	}
	return -1;
}

/** Another incident than the one the article is about. */
const SEPARATE =
	/\b(?:in|during) (?:a|another) separate (?:incident|attack|strike)|\bin another (?:incident|attack|strike)|^\s*elsewhere\b/i;
/** A general statement: "can cause", "are common", "typically". */
const GENERAL = /\b(?:can|could|may|might|would|usually|typically|generally|common|commonly|often)\b/i;

/** Where the comma before `at` within a clause is (or the clause start): "While X are common, Thursday's jolt…". */
function lastComma(text: string, from: number, at: number): number {
	const comma = text.lastIndexOf(',', at);
	return comma >= from ? comma : from;
}

/** Where the comma after `at` within a clause is (or the clause end). */
function nextComma(text: string, at: number, to: number): number {
	const comma = text.indexOf(',', at);
	return comma >= 0 && comma < to ? comma : to;
}

/** A year the text dates itself to: "in 2003", "in December 2003", "since early 2015". */
const YEAR =
	/\b(?:in|since|of|during)\s+(?:(?:early|late|mid)[- ])?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+)?((?:19|20)\d\d)\b/i;

/**
 * A clause dated to another time than the article's event: a month ("in July", "at the end of July"), a
 * year, a time before or after it ("a month after", "days later", "last month", "earlier this year").
 */
const ANOTHER_TIME =
	/\b(?:(?:in|since|during|last|early|late|mid|(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|(?:in|since|during)\s+(?:19|20)\d\d\b|(?:days|weeks|months|years)\s+(?:later|earlier|before|ago)\b|(?:a|one|two|three|four|five|six|several|a\s+few)\s+(?:days?|weeks?|months?|years?)\s+(?:after|before|earlier|later|ago)\b|(?:earlier|later)\s+this\s+(?:year|month)\b|last\s+(?:year|month)\b)/i;

/** A month the text dates itself to without a year: "In February, …", "last March". */
const MONTH =
	/\b(?:in|since|during|last|early|late|mid)[- ](?:early\s+|late\s+)?(january|february|march|april|june|july|august|september|october|november|december)\b(?!\s+\d)/i;

/** The clauses of a sentence, split at ", and", ", but", "; " and the like, as spans. */
function clausesOf(sentenceText: string, offset: number): Span[] {
	const clauses: Span[] = [];
	const split = /(?:,\s+(?:and|but|while|whereas)\s+|;\s+|\s+[—–]\s+)/gi;
	let start = 0;
	for (let m = split.exec(sentenceText); m; m = split.exec(sentenceText)) {
		clauses.push({ start: offset + start, end: offset + m.index });
		start = m.index + m[0].length;
	}
	clauses.push({ start: offset + start, end: offset + sentenceText.length });
	return clauses;
}

/** What an attack or a disaster hits: "a shell hit a UN school in Khan Younis" is another incident than the article's. */
const TARGETS = [
	'school',
	'camp',
	'house',
	'home',
	'building',
	'hospital',
	'mosque',
	'church',
	'market',
	'village',
	'town',
	'vehicle',
	'car',
	'boat',
	'ship',
	'office',
	'plant',
	'factory',
	'store',
	'shop',
	'hotel',
];

/** An event introduced as another one than the article's: "a quake", "another blast", "the last major quake". */
const ANOTHER_EVENT = new RegExp(
	`\\b(?:a|an|another|the\\s+last|the\\s+previous|the\\s+worst|last\\s+year's)\\s+(?:[\\p{L}\\p{N}.,'’-]+\\s+){0,3}?(?:${[
		...Object.keys(EVENTS),
		...TARGETS,
	]
		.map((k) => k.replace(/ /g, '\\s+'))
		.join(
			'|',
		)})\\b(?!\\s+(?:workers?|employees?|staff|officials?|owners?|managers?|directors?|teachers?|guards?|residents?|blocks?|complex)\\b)`,
	'iu',
);

/** {@link EVENTS} as a map, and the first words of its two-word entries ("air strike"). */
const EVENT_KINDS: ReadonlyMap<string, string> = new Map(Object.entries(EVENTS));
const EVENT_FIRST_WORDS = new Set(
	Object.keys(EVENTS)
		.filter((k) => k.includes(' '))
		.map((k) => k.split(' ')[0]!),
);

/** Verbs before "fire" that make it shooting, not a blaze: "opened fire", "returned fire". */
const SHOOTING_FIRE = new Set(['open', 'opened', 'opening', 'opens', 'return', 'returned', 'returning', 'cease', 'exchanged']);

/** The kind of event a word names in its place ("fire" after "opened" is a shooting), if any. */
function kindOf(words: readonly string[], i: number): string | undefined {
	const word = words[i]!;
	if (word === 'fire' && SHOOTING_FIRE.has(words[i - 1] ?? '')) {
		return 'attack';
	}
	return EVENT_KINDS.get(word);
}

/** The kinds of event named in a piece of text, in order. */
export function eventsIn(text: string): string[] {
	const words = wordsOf(text);
	const kinds: string[] = [];
	for (let i = 0; i < words.length; i++) {
		const word = words[i]!;
		const kind =
			(EVENT_FIRST_WORDS.has(word) && i + 1 < words.length ? EVENT_KINDS.get(`${word} ${words[i + 1]}`) : undefined) ?? kindOf(words, i);
		if (kind && !kinds.includes(kind)) {
			kinds.push(kind);
		}
	}
	return kinds;
}

/** A common noun after a place's name ("Qeshm island", "Marrow county"), left out of the key of its inhabitants. */
const PLACE_NOUN = /\s+(?:island|city|town|village|county|province|district|state|region)$/;

/** The kind of the last event named in a piece of text. */
function lastEventIn(text: string): string | undefined {
	const words = wordsOf(text);
	for (let i = words.length - 1; i >= 0; i--) {
		const kind = kindOf(words, i);
		if (kind) {
			return kind;
		}
	}
	return undefined;
}

/** The event an article is about: the kind most often named in its headline and first paragraphs. */
export function articleEvent(text: string, structure: DocumentStructure): string {
	const counts = new Map<string, number>();
	let paragraphs = 0;
	let lastParagraph = -1;
	let seen = 0;
	for (const line of structure.lines) {
		if (line.kind === 'boilerplate') {
			continue;
		}
		if (line.paragraph !== lastParagraph) {
			lastParagraph = line.paragraph;
			paragraphs++;
		}
		if (paragraphs > 4 || ++seen > 8) {
			break;
		}
		const words = wordsOf(text.slice(line.start, line.end));
		for (let i = 0; i < words.length; i++) {
			const kind = kindOf(words, i);
			if (kind) {
				// The headline weighs most.
				counts.set(kind, (counts.get(kind) ?? 0) + (line.kind === 'headline' ? 2 : 1));
			}
		}
	}
	let best = 'event';
	let bestCount = 0;
	for (const [kind, count] of counts) {
		if (count > bestCount) {
			best = kind;
			bestCount = count;
		}
	}
	return best;
}

/**
 * The interval of a quantity in its measure's unit. A length, speed or area is measured, then rounded:
 * unqualified, it is read as ±10% (and the unit's conversion is exact enough within that).
 */
function measuredInterval(quantity: Quantity, measured: Measured): Interval {
	if (measured.factor === undefined) {
		return quantity.interval;
	}
	if (measured.unit === 's' && !quantity.qualifier) {
		return scale(quantity.interval.min === quantity.interval.max ? timeSpan(quantity.interval.min) : quantity.interval, measured.factor);
	}
	if (quantity.qualifier || measured.exact) {
		return scale(quantity.interval, measured.factor);
	}
	// A round figure is already read as ±5%; as a measurement it is ±10%, not both.
	const middle = (quantity.interval.min + quantity.interval.max) / 2;
	const base = sameInterval(quantity.interval, unqualified(middle)) ? exactly(middle) : quantity.interval;
	return widen(scale(base, measured.factor), 0.1);
}

/**
 * The facts of an article: every figure whose measure it can tell, with its interval, population, part
 * relation and event. Reads headlines, captions and body sentences; skips web-page debris, datelines'
 * dates and numbers inside names. Linear in the length of the text.
 */
export function findFacts(text: string, structure: DocumentStructure, extra: ExtraMeasures = {}, names: readonly FactName[] = []): Fact[] {
	const table = measureTable(extra);
	const dominant = articleEvent(text, structure);
	const facts: Fact[] = [];
	// The places the article is about: those named in its headline and first paragraphs.
	const lead = leadEnd(structure);
	const places = names.filter((m) => m.type === 'place');
	const leadPlaces = new Set(places.filter((m) => m.start < lead).map((m) => m.key));
	// The event anchor of each clause of a sentence ("…in 2003, and 600 were killed in the city of Zarand in
	// February in an earthquake"): a year it dates itself to, or a place other than the article's where it
	// introduces another event ("a quake hit the town of Zarand"); a clause without one takes the one
	// before it in the sentence. Computed only for sentences with figures, and the sentences before them
	// that they refer back to ("It killed 612 people").
	const anchorMemo = new Map<number, { clauses: Span[]; anchors: string[] }>();
	const anchorsOf = (index: number): { clauses: Span[]; anchors: string[] } => {
		let memo = anchorMemo.get(index);
		if (memo) {
			return memo;
		}
		const sentence = structure.sentences[index]!;
		const sentenceText = text.slice(sentence.start, sentence.end);
		const clauses = clausesOf(sentenceText, sentence.start);
		const anchors: string[] = [];
		let carried = '';
		for (const clause of clauses) {
			const clauseText = text.slice(clause.start, clause.end);
			const year = YEAR.exec(clauseText)?.[1] ?? MONTH.exec(clauseText)?.[1]?.toLowerCase();
			const elsewhere =
				leadPlaces.size > 0 &&
				places.some((m) => m.start >= clause.start && m.end <= clause.end && !leadPlaces.has(m.key)) &&
				ANOTHER_EVENT.test(clauseText)
					? places.find((m) => m.start >= clause.start && m.end <= clause.end && !leadPlaces.has(m.key))
					: undefined;
			carried = year ? `@${year}` : elsewhere ? `@${elsewhere.key}` : carried;
			anchors.push(carried);
		}
		if (anchors.every((x) => x.length === 0) && index > 0 && START_REFERS_BACK.test(sentenceText)) {
			const previous = anchorsOf(index - 1).anchors;
			anchors.fill(previous[previous.length - 1] ?? '');
		}
		memo = { clauses, anchors };
		anchorMemo.set(index, memo);
		return memo;
	};
	// The measure of the last figure of the sentence before, for a part that refers back to it in the next
	// sentence ("31 died, including 12 children. Of the remaining 19 adults, …").
	let previous = { index: -2, measure: '' };
	for (let index = 0; index < structure.sentences.length; index++) {
		const sentence = structure.sentences[index]!;
		const line = structure.lines[sentence.line]!;
		if (line.kind === 'boilerplate' || line.kind === 'dateline' || !MAY_HOLD_FIGURE(text, sentence.start, sentence.end)) {
			continue;
		}
		const quantities = findQuantities(text, sentence.start, sentence.end);
		if (quantities.length === 0) {
			continue;
		}
		const sentenceText = text.slice(sentence.start, sentence.end);
		// A sentence about another kind of event than the article's (the air strikes in a coup story)
		// speaks of that event.
		const kinds = eventsIn(sentenceText);
		const { clauses, anchors } = anchorsOf(index);
		const kind = kinds.length > 0 && !kinds.includes(dominant) ? kinds[0]! : dominant;
		// A running total ("more than 600 killed so far", "the rising toll") is not one incident's count;
		// a "separate incident" is never compared.
		const totalFrom = totalStart(sentenceText);
		const separate = SEPARATE.test(sentenceText) ? `@separate${sentence.line}` : '';
		let lastMeasure = '';
		const carried = previous.index === index - 1 ? previous.measure : '';
		for (const quantity of quantities) {
			if (names.some((name) => name.start <= quantity.numberStart && quantity.end <= name.end) || isYear(text, quantity)) {
				continue;
			}
			// "A magnitude 6 quake can cause severe damage", "shakers of magnitude 2 are common": general
			// statements, not reports.
			const clause = clauses.find((c) => c.start <= quantity.start && quantity.start < c.end) ?? sentence;
			// The comma-separated stretch holding the figure: "…, which usually serves as a school" further on
			// says nothing general about "30 people were killed".
			const phrase = text.slice(
				Math.max(clause.start, lastComma(text, clause.start, quantity.start)),
				nextComma(text, quantity.end, clause.end),
			);
			if (GENERAL.test(phrase)) {
				continue;
			}
			let measured = measureOf(text, quantity, sentence, table);
			if (measured && measured.measure === '') {
				const whole = lastMeasure || carried;
				measured = whole ? { ...measured, measure: whole } : undefined;
			}
			lastMeasure = measured?.measure ?? lastMeasure;
			if (!measured) {
				continue;
			}
			let money: { interval: Interval; unit: string; event?: string } | undefined;
			if (measured.measure === 'money') {
				// What the sum is (stolen, a ransom, damage…), from its stretch of the sentence or else the sentence.
				const purpose = moneyPurpose(phrase) || moneyPurpose(sentenceText);
				const item = valuedItem(
					text.slice(Math.max(sentence.start, quantity.start - 40), quantity.start),
					text.slice(quantity.end, sentence.end),
				);
				const currency = measured.population ?? '';
				const usd = toUsd(quantity.interval, currency);
				measured = { ...measured, population: [purpose, item, usd ? '' : currency].filter((w) => w !== '').join(' ') };
				// A sum outside the lead, or dated to another time ("In July, a thief stole jewels worth…", "a month
				// after a bandit made off with…"), is most often another case's, recalled for background: it is
				// compared only with the other articles' background sums of the same year, never with the article's
				// own event (how far apart the sums are tells the cases apart).
				const clauseText = text.slice(clause.start, clause.end);
				const year = YEAR.exec(clauseText)?.[1];
				const background = quantity.start >= lead || ANOTHER_TIME.test(clauseText);
				// A background sum that nothing says is stolen, paid or lost (a price, a salary, a budget) is too
				// common to tell one case's from another's: not compared.
				if (background && purpose === '') {
					continue;
				}
				money = {
					interval: usd ?? quantity.interval,
					unit: usd ? 'USD' : currency,
					...(background ? { event: `money@background${year ? `@${year}` : ''}` } : {}),
				};
			}
			previous = { index, measure: measured.measure };
			// The inhabitants of a place: the place named first in the sentence ("Qeshm, a 1,500-square-kilometre
			// island, has a population of 100,000"); without one, nothing says which place.
			if (measured.measure === 'inhabitants') {
				const place = places.find((m) => m.start >= sentence.start && m.end <= quantity.start);
				// "Residents of the island, off the coast from Bandar Abbas, …": "the island" is another place.
				if (
					!place ||
					/\bthe\s+(?:island|city|town|village|country|region|province|county|state)\b/i.test(text.slice(sentence.start, place.start))
				) {
					continue;
				}
				measured = { ...measured, population: place.key.replace(PLACE_NOUN, '') || place.key };
			}
			const population = measured.population || undefined;
			// How long the event has lasted is a running figure in itself ("since the assault began 12 days ago").
			const total = totalFrom >= 0 && quantity.start - sentence.start >= totalFrom && measured.measure !== 'duration' ? '@total' : '';
			const anchor = `${anchors[Math.max(0, clauses.indexOf(clause))] ?? ''}${total}${separate}`;
			// A magnitude belongs to the shock named right before it ("the quake was followed by aftershocks of 4.0").
			const shock = measured.measure === 'magnitude' ? lastEventIn(text.slice(clause.start, quantity.start)) : undefined;
			// How many live in a place does not depend on the event: one key whatever the sentence is about.
			// A sum of money is the article's case's whatever the sentence calls it (a "raid", a "heist").
			const factKind =
				measured.measure === 'inhabitants' ? 'place' : measured.measure === 'money' ? 'money' : (shock ?? measured.kind ?? kind);
			const event = measured.measure === 'inhabitants' ? '@place' : (money?.event ?? `${factKind}${anchor}`);
			const quantityKey = `${measured.measure}|${population ?? ''}|${measured.part ?? ''}`;
			facts.push({
				start: quantity.start,
				end: quantity.end,
				text: text.slice(quantity.start, quantity.end),
				numberStart: quantity.numberStart,
				...(quantity.qualifier ? { qualifier: quantity.qualifier } : {}),
				interval: money?.interval ?? measuredInterval(quantity, measured),
				...((money?.unit ?? measured.unit) ? { unit: money?.unit ?? measured.unit } : {}),
				measure: measured.measure,
				...(population ? { population } : {}),
				...(measured.part ? { part: measured.part } : {}),
				event,
				kind: factKind,
				anchored: anchor !== '' || measured.measure === 'inhabitants' || money?.event !== undefined,
				quantityKey,
				line: sentence.line,
				display: line.kind !== 'body',
			});
		}
	}
	return facts;
}
