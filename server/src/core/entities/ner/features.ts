import { GAZETTEER_CATEGORIES, matchGazetteers, type Gazetteers } from './gazetteers';

/*
 * Feature extraction, shared by training and tagging so the two cannot drift. A feature is a 32-bit
 * hash of a template number and one or more strings; nothing is concatenated, so extraction allocates
 * little. The same functions run in the training script (over the training corpus's tokens) and in
 * `recogniseNames` (over the tokeniser's tokens).
 */

/** Feature templates. The numbers are part of the model format: append, never renumber. */
const enum T {
	Bias = 1,
	Word,
	Lower,
	LowerPrev,
	LowerNext,
	LowerPrev2,
	LowerNext2,
	Shape,
	ShortShape,
	ShapePrev,
	ShapeNext,
	ShapeWindow,
	BigramPrev,
	BigramNext,
	Prefix,
	Suffix,
	Initial,
	Mode,
	Evidence,
	Common,
	Gazetteer,
	GazetteerPrev,
	GazetteerNext,
	RunFirst,
	RunLast,
	RunPosition,
	HyphenFirst,
	HyphenLast,
	PrevTag,
	PrevTags,
	PrevTagWord,
	PrevTagShape,
	GazetteerCased,
	LowerPrevShape,
	ShapeNextLower,
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function start(template: number): number {
	return Math.imul(FNV_OFFSET ^ template, FNV_PRIME);
}

function mix(h: number, s: string): number {
	for (let i = 0; i < s.length; i++) {
		h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
	}
	// A separator, so ("ab", "c") and ("a", "bc") differ.
	return Math.imul(h ^ 0x1f, FNV_PRIME);
}

function mixRange(h: number, s: string, from: number, to: number): number {
	for (let i = from; i < to; i++) {
		h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
	}
	return Math.imul(h ^ 0x1f, FNV_PRIME);
}

function mixInt(h: number, n: number): number {
	return Math.imul(h ^ (n + 0x100), FNV_PRIME);
}

/** Finishes a hash (murmur3's finaliser), so nearby inputs spread over all 32 bits. */
function finish(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	// 0 marks an empty slot in the model's table, so no feature hashes to it.
	return h === 0 ? 1 : h | 0;
}

/** A growable list of feature hashes. */
export class FeatureList {
	hashes = new Int32Array(64);
	length = 0;

	push(h: number): void {
		if (this.length === this.hashes.length) {
			const bigger = new Int32Array(this.hashes.length * 2);
			bigger.set(this.hashes);
			this.hashes = bigger;
		}
		this.hashes[this.length++] = finish(h);
	}
}

/** How a sentence is cased: ordinary text, ALL CAPS, or Title Case (a headline). */
export type SentenceMode = 0 | 1 | 2;
const MIXED: SentenceMode = 0;
const CAPS: SentenceMode = 1;
const TITLE: SentenceMode = 2;

/** The tokens of a sentence with the per-token facts the features read. */
export interface PreparedSentence {
	readonly count: number;
	/** Feature hashes of all tokens, token `i`'s in `[offsets[i], offsets[i + 1])`. */
	readonly hashes: Int32Array;
	readonly offsets: Int32Array;
	/** Lower-case word of each token (digits as 0), for the history features. */
	readonly lower: readonly string[];
	/** Short shape of each token's cased form, for the history features. */
	readonly shortShape: readonly string[];
}

const UPPER = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;

function isUpperCode(c: number): boolean {
	if (c < 128) {
		return c >= 65 && c <= 90;
	}
	const ch = String.fromCharCode(c);
	return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLowerCode(c: number): boolean {
	if (c < 128) {
		return c >= 97 && c <= 122;
	}
	const ch = String.fromCharCode(c);
	return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isDigitCode(c: number): boolean {
	return c >= 48 && c <= 57;
}

/** The shape of a word: X for capitals, x for small letters, d for digits, runs capped at four. */
export function wordShape(word: string, short: boolean): string {
	let out = '';
	let last = '';
	let run = 0;
	for (let i = 0; i < word.length; i++) {
		const c = word.charCodeAt(i);
		const k = isUpperCode(c) ? 'X' : isLowerCode(c) ? 'x' : isDigitCode(c) ? 'd' : word[i]!;
		if (k === last) {
			run++;
			if (short || run > 4) {
				continue;
			}
		} else {
			last = k;
			run = 1;
		}
		out += k;
	}
	return out;
}

/** Whether a word is written with an initial capital (or as a capitalised abbreviation). */
function isCapitalised(word: string): boolean {
	return UPPER.test(word);
}

function titleCase(lower: string): string {
	return lower.charAt(0).toUpperCase() + lower.slice(1);
}


/** Lower-case words that join the capitalised words of one name ("Bank of England", "Osama bin Laden"). */
const CONNECTORS = new Set(['of', 'de', 'del', 'della', 'da', 'di', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'and', '&', 'for', 'the', 'y']);

/** The casing mode of a sentence from its tokens. */
export function sentenceMode(tokens: readonly string[]): SentenceMode {
	let upperLetters = 0;
	let lowerLetters = 0;
	let contentWords = 0;
	let capitalisedContent = 0;
	for (const token of tokens) {
		for (let i = 0; i < token.length; i++) {
			const c = token.charCodeAt(i);
			if (isUpperCode(c)) {
				upperLetters++;
			} else if (isLowerCode(c)) {
				lowerLetters++;
			}
		}
		if (token.length >= 4 && HAS_LETTER.test(token)) {
			contentWords++;
			if (isCapitalised(token)) {
				capitalisedContent++;
			}
		}
	}
	if (upperLetters >= 2 && lowerLetters * 10 < upperLetters) {
		return CAPS;
	}
	if (contentWords >= 3 && capitalisedContent * 10 >= contentWords * 9) {
		return TITLE;
	}
	return MIXED;
}

/** Bits of document evidence about how a word is written where its case is informative. */
const SEEN_CAPITALISED = 1;
const SEEN_LOWER = 2;

/** How words are cased across a document, read from positions where case is informative. */
export type CaseEvidence = ReadonlyMap<string, number>;

/** Characters after which a capital is not informative (a quotation or a list may start there). */
function opensSentence(token: string | undefined): boolean {
	return (
		token === undefined ||
		token === '"' ||
		token === '\u201C' ||
		token === '\u2018' ||
		token === "'" ||
		token === ':' ||
		token === '(' ||
		token === '-' ||
		token === '\u2014' ||
		token === '\u2013' ||
		token === '*' ||
		token === '\u2022'
	);
}

/**
 * Collects the case evidence of a document: for each lower-case word, whether it was seen capitalised
 * and whether it was seen in lower case, in ordinary sentences away from sentence starts and quotes.
 */
export function collectCaseEvidence(sentences: readonly (readonly string[])[], modes: readonly SentenceMode[]): CaseEvidence {
	const evidence = new Map<string, number>();
	sentences.forEach((tokens, s) => {
		if (modes[s] !== MIXED) {
			return;
		}
		for (let i = 1; i < tokens.length; i++) {
			const token = tokens[i]!;
			if (opensSentence(tokens[i - 1]) || !HAS_LETTER.test(token)) {
				continue;
			}
			const lower = token.toLowerCase();
			const bit = isCapitalised(token) ? SEEN_CAPITALISED : HAS_LOWER.test(token.charAt(0)) ? SEEN_LOWER : 0;
			if (bit !== 0) {
				evidence.set(lower, (evidence.get(lower) ?? 0) | bit);
			}
		}
	});
	return evidence;
}

const CATEGORY_COUNT = GAZETTEER_CATEGORIES.length;
const CATEGORY_NAMES: readonly string[] = GAZETTEER_CATEGORIES;

/**
 * Computes the static (history-free) features of one sentence. `tokens` are the sentence's tokens as
 * written; `mode` and `evidence` come from {@link sentenceMode} and {@link collectCaseEvidence} over the
 * whole document. Linear in the sentence length.
 */
export function prepareSentence(tokens: readonly string[], mode: SentenceMode, evidence: CaseEvidence, gazetteers: Gazetteers): PreparedSentence {
	const n = tokens.length;
	const lower: string[] = new Array<string>(n);
	const cased: string[] = new Array<string>(n);
	const shape: string[] = new Array<string>(n);
	const shortShape: string[] = new Array<string>(n);
	const unreliable = new Uint8Array(n);
	const seen = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const token = tokens[i]!;
		const low = token.toLowerCase();
		lower[i] = /\d/.test(low) ? low.replace(/\d/g, '0') : low;
		const informative = mode === MIXED && i > 0 && !opensSentence(tokens[i - 1]);
		let form = token;
		if (!informative && HAS_LETTER.test(token)) {
			unreliable[i] = 1;
			const ev = evidence.get(low) ?? 0;
			seen[i] = ev;
			if (ev === SEEN_LOWER) {
				form = low;
			} else if (ev === SEEN_CAPITALISED) {
				form = mode === CAPS ? titleCase(low) : token;
			} else if (mode === CAPS) {
				const level = gazetteers.commonLevel.get(low) ?? 0;
				form = level > 0 && level <= 2 ? low : titleCase(low);
			}
		}
		cased[i] = form;
		shape[i] = wordShape(form, false);
		shortShape[i] = wordShape(form, true);
	}
	const marks = matchGazetteers(
		tokens.map((t) => t.toLowerCase()),
		gazetteers,
	);

	// Runs of capitalised words, allowing connectors between two capitalised words.
	const runStart = new Int32Array(n).fill(-1);
	const runEnd = new Int32Array(n).fill(-1);
	{
		let i = 0;
		while (i < n) {
			if (!isCapitalised(cased[i]!)) {
				i++;
				continue;
			}
			let j = i + 1;
			for (;;) {
				if (j < n && isCapitalised(cased[j]!)) {
					j++;
				} else if (j + 1 < n && CONNECTORS.has(cased[j]!) && isCapitalised(cased[j + 1]!)) {
					j += 2;
				} else {
					break;
				}
			}
			for (let k = i; k < j; k++) {
				runStart[k] = i;
				runEnd[k] = j;
			}
			i = j;
		}
	}

	const out = new FeatureList();
	const offsets = new Int32Array(n + 1);
	const modeName = mode === MIXED ? 'm' : mode === CAPS ? 'C' : 'T';
	for (let i = 0; i < n; i++) {
		offsets[i] = out.length;
		const w = lower[i]!;
		const form = cased[i]!;
		const s = shape[i]!;
		const ss = shortShape[i]!;
		const prev = i > 0 ? lower[i - 1]! : '<s>';
		const next = i + 1 < n ? lower[i + 1]! : '</s>';
		const prev2 = i > 1 ? lower[i - 2]! : '<s>';
		const next2 = i + 2 < n ? lower[i + 2]! : '</s>';
		const prevShape = i > 0 ? shortShape[i - 1]! : '<s>';
		const nextShape = i + 1 < n ? shortShape[i + 1]! : '</s>';
		const capitalised = isCapitalised(form) ? 'C' : 'c';

		out.push(start(T.Bias));
		out.push(mix(start(T.Word), form));
		out.push(mix(start(T.Lower), w));
		out.push(mix(start(T.LowerPrev), prev));
		out.push(mix(start(T.LowerNext), next));
		out.push(mix(start(T.LowerPrev2), prev2));
		out.push(mix(start(T.LowerNext2), next2));
		out.push(mix(start(T.Shape), s));
		out.push(mix(start(T.ShortShape), ss));
		out.push(mix(start(T.ShapePrev), prevShape));
		out.push(mix(start(T.ShapeNext), nextShape));
		out.push(mix(mix(mix(start(T.ShapeWindow), prevShape), ss), nextShape));
		out.push(mix(mix(start(T.BigramPrev), prev), w));
		out.push(mix(mix(start(T.BigramNext), w), next));
		out.push(mix(mix(start(T.LowerPrevShape), prev), ss));
		out.push(mix(mix(start(T.ShapeNextLower), ss), next));
		for (let k = 1; k <= 4 && k < w.length; k++) {
			out.push(mixInt(mixRange(start(T.Prefix), w, 0, k), k));
			out.push(mixInt(mixRange(start(T.Suffix), w, w.length - k, w.length), k));
		}
		if (i === 0) {
			out.push(mix(start(T.Initial), ss));
		}
		out.push(mix(mix(start(T.Mode), modeName), ss));
		if (unreliable[i]) {
			out.push(mixInt(mix(mix(start(T.Evidence), modeName), capitalised), seen[i]!));
		}
		out.push(mixInt(mix(mix(start(T.Common), capitalised), unreliable[i] ? 'u' : 'r'), gazetteers.commonLevel.get(w) ?? 0));

		// Gazetteers: this token's matches, alone and with its case, and the neighbours' matches.
		for (let c = 0; c < CATEGORY_COUNT; c++) {
			const mark = marks[i * CATEGORY_COUNT + c]!;
			if (mark !== 0) {
				const category = CATEGORY_NAMES[c]!;
				out.push(mixInt(mix(start(T.Gazetteer), category), mark));
				out.push(mixInt(mix(mix(start(T.GazetteerCased), category), capitalised), mark));
			}
			if (i > 0 && marks[(i - 1) * CATEGORY_COUNT + c]! !== 0) {
				out.push(mix(start(T.GazetteerPrev), CATEGORY_NAMES[c]!));
			}
			if (i + 1 < n && marks[(i + 1) * CATEGORY_COUNT + c]! !== 0) {
				out.push(mix(start(T.GazetteerNext), CATEGORY_NAMES[c]!));
			}
		}

		// The capitalised run the token belongs to: its first and last words and the token's place.
		const rs = runStart[i]!;
		if (rs >= 0) {
			const re = runEnd[i]!;
			const length = re - rs;
			const position = length === 1 ? 'S' : i === rs ? 'B' : i === re - 1 ? 'E' : 'I';
			out.push(mixInt(mix(start(T.RunPosition), position), Math.min(length, 5)));
			if (length > 1) {
				out.push(mix(mix(start(T.RunFirst), position), lower[rs]!));
				out.push(mix(mix(start(T.RunLast), position), lower[re - 1]!));
			}
		}

		// Hyphenated words: their first and last parts ("al-Qaida", "U.S.-led").
		const hyphen = w.indexOf('-');
		if (hyphen > 0 && hyphen < w.length - 1) {
			out.push(mixRange(start(T.HyphenFirst), w, 0, hyphen));
			out.push(mixRange(start(T.HyphenLast), w, w.lastIndexOf('-') + 1, w.length));
		}
	}
	offsets[n] = out.length;
	return { count: n, hashes: out.hashes.slice(0, out.length), offsets, lower, shortShape };
}

/**
 * The history features of token `i` given the tags already chosen for the tokens before it. They are
 * appended to `out`, which is cleared first; `tagNames` names the tags.
 */
export function historyFeatures(sentence: PreparedSentence, i: number, previous: number, previous2: number, out: FeatureList): void {
	out.length = 0;
	const p = previous + 1;
	const pp = previous2 + 1;
	out.push(mixInt(start(T.PrevTag), p));
	out.push(mixInt(mixInt(start(T.PrevTags), pp), p));
	out.push(mix(mixInt(start(T.PrevTagWord), p), sentence.lower[i]!));
	out.push(mix(mixInt(start(T.PrevTagShape), p), sentence.shortShape[i]!));
}

/**
 * Prepares every sentence of a document: the sentence modes, then the document's case evidence, then
 * each sentence's features.
 */
export function prepareDocument(sentences: readonly (readonly string[])[], gazetteers: Gazetteers): PreparedSentence[] {
	const modes = sentences.map(sentenceMode);
	const evidence = collectCaseEvidence(sentences, modes);
	return sentences.map((tokens, s) => prepareSentence(tokens, modes[s]!, evidence, gazetteers));
}
