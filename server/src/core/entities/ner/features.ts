import { commonLevel, GAZETTEER_CATEGORIES, matchGazetteers, type Gazetteers } from './gazetteers';

/*
 * Feature extraction, shared by training and tagging so the two cannot drift: the training script runs
 * these functions over the training corpus's tokens, `recogniseNames` over the tokeniser's. A feature
 * is a 32-bit hash of a template number and its values (strings, or the hashes of words and shapes);
 * nothing is concatenated, so extraction allocates little.
 *
 * Per token: the word (as cased, lower-cased), its shapes, prefixes and suffixes, hyphen parts; the
 * two words and shapes on each side and word/shape pairs; sentence start; the sentence's casing mode
 * (ordinary, ALL CAPS, Title Case) and, where case says little (sentence starts, headlines), how the
 * word is cased elsewhere in the document; its commonness as an English word; gazetteer matches of the
 * token and its neighbours; the run of capitalised words it belongs to. The tagger adds the previous
 * tags, alone and with the word and shape.
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
	RunBefore,
	RunAfter,
	Memory,
	MemoryTypes,
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

/** Mixes a 32-bit value (for example a word's own hash) into a hash. */
function mix32(h: number, x: number): number {
	h = Math.imul(h ^ (x & 0xffff), FNV_PRIME);
	return Math.imul(h ^ (x >>> 16), FNV_PRIME);
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
	hashes: Int32Array;
	length = 0;

	constructor(capacity = 64) {
		this.hashes = new Int32Array(Math.max(16, capacity));
	}

	private grow(needed: number): void {
		let size = this.hashes.length * 2;
		while (size < needed) {
			size *= 2;
		}
		const bigger = new Int32Array(size);
		bigger.set(this.hashes.subarray(0, this.length));
		this.hashes = bigger;
	}

	/** Adds a feature: finishes the hash `h`. */
	push(h: number): void {
		if (this.length === this.hashes.length) {
			this.grow(this.length + 1);
		}
		this.hashes[this.length++] = finish(h);
	}

	/** Adds features whose hashes are already finished. */
	append(finished: Int32Array): void {
		if (this.length + finished.length > this.hashes.length) {
			this.grow(this.length + finished.length);
		}
		this.hashes.set(finished, this.length);
		this.length += finished.length;
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
	/** Per token, the unfinished hashes that the history features over its word and shape continue. */
	readonly tagWordSeeds: Int32Array;
	readonly tagShapeSeeds: Int32Array;
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
const CONNECTORS = new Set([
	'of',
	'de',
	'del',
	'della',
	'da',
	'di',
	'do',
	'dos',
	'du',
	'la',
	'le',
	'van',
	'von',
	'der',
	'den',
	'al',
	'el',
	'bin',
	'ibn',
	'and',
	'&',
	'for',
	'the',
	'y',
]);

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
/** Stand-ins for the words and shapes before the first and after the last token. */
const START = mix(FNV_OFFSET, '<s>');
const END = mix(FNV_OFFSET, '</s>');

/** The context-free facts of a word form, computed once per document. */
interface WordInfo {
	/** Hashes of the lower-case word (digits as 0) and of the short shape, mixed into context features. */
	readonly wordId: number;
	readonly shapeId: number;
	/** The word's commonness level (0 when not a common word) and its entry in {@link Gazetteers.words}. */
	readonly common: number;
	readonly packed: number;
	readonly capitalised: boolean;
	/** Finished hashes of the word-level features (word, lower case, shapes, affixes, hyphen parts). */
	readonly hashes: Int32Array;
	/** Unfinished hashes that the history features continue (see {@link historyFeatures}). */
	readonly tagWordSeed: number;
	readonly tagShapeSeed: number;
}

/** Memory of word forms, so repeated words cost one lookup. */
export type WordCache = Map<string, WordInfo>;

/**
 * One word cache per set of gazetteers (that is, per model), kept across documents: the facts of a
 * word form depend only on the form and the gazetteers, so caching changes no result. It is emptied
 * when it grows past {@link WORD_CACHE_LIMIT} forms, which bounds its memory.
 */
const wordCaches = new WeakMap<Gazetteers, WordCache>();
const WORD_CACHE_LIMIT = 20000;

function wordCacheFor(gazetteers: Gazetteers): WordCache {
	let cache = wordCaches.get(gazetteers);
	if (!cache || cache.size > WORD_CACHE_LIMIT) {
		cache = new Map();
		wordCaches.set(gazetteers, cache);
	}
	return cache;
}

const wordScratch = new FeatureList();

function wordInfo(form: string, cache: WordCache, gazetteers: Gazetteers): WordInfo {
	const cached = cache.get(form);
	if (cached) {
		return cached;
	}
	const low = form.toLowerCase();
	const packed = gazetteers.words.get(low) ?? 0;
	const w = /\d/.test(low) ? low.replace(/\d/g, '0') : low;
	const shape = wordShape(form, false);
	const shortShape = wordShape(form, true);
	const out = wordScratch;
	out.length = 0;
	out.push(mix(start(T.Word), form));
	out.push(mix(start(T.Lower), w));
	out.push(mix(start(T.Shape), shape));
	out.push(mix(start(T.ShortShape), shortShape));
	for (let k = 1; k <= 4 && k < w.length; k++) {
		out.push(mixInt(mixRange(start(T.Prefix), w, 0, k), k));
		out.push(mixInt(mixRange(start(T.Suffix), w, w.length - k, w.length), k));
	}
	// Hyphenated words: their first and last parts ("al-Qaida", "U.S.-led").
	const hyphen = w.indexOf('-');
	if (hyphen > 0 && hyphen < w.length - 1) {
		out.push(mixRange(start(T.HyphenFirst), w, 0, hyphen));
		out.push(mixRange(start(T.HyphenLast), w, w.lastIndexOf('-') + 1, w.length));
	}
	const info: WordInfo = {
		wordId: mix(FNV_OFFSET, w),
		common: commonLevel(packed),
		packed,
		shapeId: mix(FNV_OFFSET, shortShape),
		capitalised: isCapitalised(form),
		hashes: out.hashes.slice(0, out.length),
		tagWordSeed: mix(start(T.PrevTagWord), w),
		tagShapeSeed: mix(start(T.PrevTagShape), shortShape),
	};
	cache.set(form, info);
	return info;
}

/**
 * Computes the static (history-free) features of one sentence. `tokens` are the sentence's tokens as
 * written; `mode` and `evidence` come from {@link sentenceMode} and {@link collectCaseEvidence} over the
 * whole document; `cache` and `buffer` (where the hashes are written) are shared by the document's
 * sentences. Linear in the sentence length.
 */
export function prepareSentence(
	tokens: readonly string[],
	mode: SentenceMode,
	evidence: CaseEvidence,
	gazetteers: Gazetteers,
	cache: WordCache = new Map(),
	buffer?: FeatureList,
	memory?: NameMemory,
): PreparedSentence {
	const n = tokens.length;
	const lowerRaw: string[] = new Array<string>(n);
	const info: WordInfo[] = new Array<WordInfo>(n);
	const unreliable = new Uint8Array(n);
	const seen = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const token = tokens[i]!;
		const low = token.toLowerCase();
		lowerRaw[i] = low;
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
				const level = commonLevel(gazetteers.words.get(low) ?? 0);
				form = level > 0 && level <= 2 ? low : titleCase(low);
			}
		}
		info[i] = wordInfo(form, cache, gazetteers);
	}
	const marks = matchGazetteers(
		lowerRaw,
		gazetteers,
		info.map((x) => x.packed),
	);

	// Runs of capitalised words, allowing connectors between two capitalised words.
	const runStart = new Int32Array(n).fill(-1);
	const runEnd = new Int32Array(n).fill(-1);
	{
		let i = 0;
		while (i < n) {
			if (!info[i]!.capitalised) {
				i++;
				continue;
			}
			let j = i + 1;
			for (;;) {
				if (j < n && info[j]!.capitalised) {
					j++;
				} else if (j + 1 < n && !info[j]!.capitalised && CONNECTORS.has(lowerRaw[j]!) && info[j + 1]!.capitalised) {
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

	const out = buffer ?? new FeatureList(n * 48);
	const base = out.length;
	const offsets = new Int32Array(n + 1);
	for (let i = 0; i < n; i++) {
		offsets[i] = out.length - base;
		const word = info[i]!;
		out.append(word.hashes);
		const w = word.wordId;
		const ss = word.shapeId;
		const prev = i > 0 ? info[i - 1]!.wordId : START;
		const next = i + 1 < n ? info[i + 1]!.wordId : END;
		const prev2 = i > 1 ? info[i - 2]!.wordId : START;
		const next2 = i + 2 < n ? info[i + 2]!.wordId : END;
		const prevShape = i > 0 ? info[i - 1]!.shapeId : START;
		const nextShape = i + 1 < n ? info[i + 1]!.shapeId : END;
		const capitalised = word.capitalised ? 1 : 0;

		out.push(start(T.Bias));
		out.push(mix32(start(T.LowerPrev), prev));
		out.push(mix32(start(T.LowerNext), next));
		out.push(mix32(start(T.LowerPrev2), prev2));
		out.push(mix32(start(T.LowerNext2), next2));
		out.push(mix32(start(T.ShapePrev), prevShape));
		out.push(mix32(start(T.ShapeNext), nextShape));
		out.push(mix32(mix32(mix32(start(T.ShapeWindow), prevShape), ss), nextShape));
		out.push(mix32(mix32(start(T.BigramPrev), prev), w));
		out.push(mix32(mix32(start(T.BigramNext), w), next));
		out.push(mix32(mix32(start(T.LowerPrevShape), prev), ss));
		out.push(mix32(mix32(start(T.ShapeNextLower), ss), next));
		if (i === 0) {
			out.push(mix32(start(T.Initial), ss));
		}
		out.push(mix32(mixInt(start(T.Mode), mode), ss));
		if (unreliable[i]) {
			out.push(mixInt(mixInt(mixInt(start(T.Evidence), mode), capitalised), seen[i]!));
		}
		out.push(mixInt(mixInt(mixInt(start(T.Common), capitalised), unreliable[i]!), word.common));

		// Gazetteers: this token's matches, alone and with its case, and the neighbours' matches.
		for (let c = 0; c < CATEGORY_COUNT; c++) {
			const mark = marks[i * CATEGORY_COUNT + c]!;
			if (mark !== 0) {
				out.push(mixInt(mixInt(start(T.Gazetteer), c), mark));
				out.push(mixInt(mixInt(mixInt(start(T.GazetteerCased), c), capitalised), mark));
			}
			if (i > 0 && marks[(i - 1) * CATEGORY_COUNT + c]! !== 0) {
				out.push(mixInt(start(T.GazetteerPrev), c));
			}
			if (i + 1 < n && marks[(i + 1) * CATEGORY_COUNT + c]! !== 0) {
				out.push(mixInt(start(T.GazetteerNext), c));
			}
		}

		// The capitalised run the token belongs to: its first and last words and the token's place.
		const rs = runStart[i]!;
		if (rs >= 0) {
			const re = runEnd[i]!;
			const length = re - rs;
			const position = length === 1 ? 0 : i === rs ? 1 : i === re - 1 ? 2 : 3;
			out.push(mixInt(mixInt(start(T.RunPosition), position), Math.min(length, 5)));
			if (length > 1) {
				out.push(mix32(mixInt(start(T.RunFirst), position), info[rs]!.wordId));
				out.push(mix32(mixInt(start(T.RunLast), position), info[re - 1]!.wordId));
			}
			// The words around the run ("in … said"), which the window of inner tokens does not reach.
			out.push(mix32(start(T.RunBefore), rs > 0 ? info[rs - 1]!.wordId : START));
			out.push(mix32(start(T.RunAfter), re < n ? info[re]!.wordId : END));
		}

		// How the word was tagged in the document's earlier sentences.
		if (memory && memory.size > 0 && isCapitalised(tokens[i]!)) {
			const remembered = memory.get(lowerRaw[i]!) ?? 0;
			if (remembered !== 0) {
				let types = 0;
				for (let bits = remembered; bits !== 0; bits &= bits - 1) {
					const bit = 31 - Math.clz32(bits & -bits);
					out.push(mixInt(start(T.Memory), bit));
					types |= 1 << (bit >> 2);
				}
				out.push(mixInt(mixInt(start(T.MemoryTypes), types), unreliable[i]!));
			}
		}
	}
	offsets[n] = out.length - base;
	const tagWordSeeds = new Int32Array(n);
	const tagShapeSeeds = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		tagWordSeeds[i] = info[i]!.tagWordSeed;
		tagShapeSeeds[i] = info[i]!.tagShapeSeed;
	}
	return {
		count: n,
		hashes: out.hashes.subarray(base, out.length),
		offsets,
		tagWordSeeds,
		tagShapeSeeds,
	};
}

/**
 * The history features of token `i` given the tags chosen before it (-1 before the sentence start),
 * appended to `out`, which is cleared first. The Viterbi decoder passes no `previous2`: its features
 * look one tag back only.
 */
export function historyFeatures(
	sentence: PreparedSentence,
	i: number,
	previous: number,
	previous2: number | undefined,
	out: FeatureList,
): void {
	out.length = 0;
	const p = previous + 1;
	out.push(mixInt(start(T.PrevTag), p));
	if (previous2 !== undefined) {
		out.push(mixInt(mixInt(start(T.PrevTags), previous2 + 1), p));
	}
	out.push(mixInt(sentence.tagWordSeeds[i]!, p));
	out.push(mixInt(sentence.tagShapeSeeds[i]!, p));
}

/**
 * The history features of token `i` that depend on its word (the previous tag with the word, and with
 * its shape), appended to `out`, which is cleared first. With {@link transitionFeature} they make up
 * what {@link historyFeatures} gives without `previous2`.
 */
export function wordHistoryFeatures(sentence: PreparedSentence, i: number, previous: number, out: FeatureList): void {
	out.length = 0;
	const p = previous + 1;
	out.push(mixInt(sentence.tagWordSeeds[i]!, p));
	out.push(mixInt(sentence.tagShapeSeeds[i]!, p));
}

/** The feature of the previous tag alone (-1 before the sentence start), the same for every token. */
export function transitionFeature(previous: number): number {
	return finish(mixInt(start(T.PrevTag), previous + 1));
}

/**
 * The names found so far in a document: lower-case word → bit mask of (type, place in the name) pairs,
 * bit `4 * type + place` with place 0 for a one-word name, 1 for the first, 2 for the last and 3 for an
 * inner word of a longer one. Only capitalised words are remembered.
 */
export type NameMemory = Map<string, number>;

/** Adds the names of a tagged sentence (BIO tag numbers, see `TAGS`) to the document's memory. */
export function rememberNames(memory: NameMemory, tokens: readonly string[], tags: ArrayLike<number>): void {
	const n = tokens.length;
	let i = 0;
	while (i < n) {
		const tag = tags[i]!;
		if (tag === 0) {
			i++;
			continue;
		}
		let j = i + 1;
		while (j < n && tags[j] === tag + (tag % 2)) {
			j++;
		}
		const type = (tag - 1) >> 1;
		for (let k = i; k < j; k++) {
			const token = tokens[k]!;
			if (!isCapitalised(token)) {
				continue;
			}
			const place = j - i === 1 ? 0 : k === i ? 1 : k === j - 1 ? 2 : 3;
			const lower = token.toLowerCase();
			memory.set(lower, (memory.get(lower) ?? 0) | (1 << (4 * type + place)));
		}
		i = j;
	}
}

/** What the features of one sentence need to know about its whole document. */
export interface DocumentContext {
	readonly modes: readonly SentenceMode[];
	readonly evidence: CaseEvidence;
	readonly cache: WordCache;
}

/** Reads a document's sentence modes and case evidence, the parts of the features that span sentences. */
export function documentContext(sentences: readonly (readonly string[])[], gazetteers: Gazetteers): DocumentContext {
	const modes = sentences.map(sentenceMode);
	return { modes, evidence: collectCaseEvidence(sentences, modes), cache: wordCacheFor(gazetteers) };
}

/**
 * Prepares every sentence of a document at once (what training needs): the sentence modes, then the
 * document's case evidence, then each sentence's features.
 */
export function prepareDocument(
	sentences: readonly (readonly string[])[],
	gazetteers: Gazetteers,
	memoryTags?: readonly ArrayLike<number>[],
): PreparedSentence[] {
	const { modes, evidence, cache } = documentContext(sentences, gazetteers);
	let tokenCount = 0;
	for (const tokens of sentences) {
		tokenCount += tokens.length;
	}
	// One buffer for the whole document: a sentence's hashes are a view of it (growing it leaves the views
	// of earlier sentences on the old buffer, which nothing writes any more).
	const buffer = new FeatureList(tokenCount * 48);
	const memory: NameMemory | undefined = memoryTags ? new Map() : undefined;
	return sentences.map((tokens, s) => {
		const prepared = prepareSentence(tokens, modes[s]!, evidence, gazetteers, cache, buffer, memory);
		if (memory) {
			rememberNames(memory, tokens, memoryTags![s]!);
		}
		return prepared;
	});
}
