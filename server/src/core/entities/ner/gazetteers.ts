import { tokenizeForNames } from './tokenize';

/**
 * The name lists the recogniser consults. Each list is a category; a phrase may be in several. The
 * lists travel inside the model file, so recognition needs nothing but the model.
 */
export const GAZETTEER_CATEGORIES = [
	/** Common given names. */
	'firstName',
	/** Family names and other personal names (a large, noisy list: evidence, not proof). */
	'surname',
	/** Countries, with their common short and alternative names. */
	'country',
	/** Capitals of countries. */
	'capital',
	/** Cities and towns above a population threshold. */
	'city',
	/** States, provinces and regions (including US states). */
	'region',
	/** Continents, seas and other large geographic names. */
	'geoArea',
	/** Nationalities and other demonyms, singular and plural ("German", "Germans"). */
	'demonym',
	/** Well-known organizations: international bodies, agencies, news agencies, parties, companies. */
	'organization',
	/** Words that end organization names ("Inc.", "Ministry", "Party", "University"). */
	'orgWord',
	/** Titles and honorifics before personal names ("Mr.", "President", "Coach"). */
	'title',
	/** Words that end place names ("River", "Province", "Island"). */
	'placeWord',
	/** Days, months and other time words that are capitalised but are not names. */
	'timeWord',
] as const;

/** A gazetteer category. */
export type GazetteerCategory = (typeof GAZETTEER_CATEGORIES)[number];

/** The raw lists: for each category, its phrases as written. */
export type GazetteerLists = Readonly<Record<GazetteerCategory, readonly string[]>>;

/** Levels of common English words, most common first (see {@link commonLevel}). */
export const COMMON_WORD_LEVELS = 4;

/**
 * The gazetteers in the form the feature extractor reads: phrases as lower-case token sequences, with
 * the categories of each phrase as a bit mask, and the commonness level of lower-case English words.
 */
export interface Gazetteers {
	/** Phrase of two or more tokens (lower case, joined by a space) → bit mask over {@link GAZETTEER_CATEGORIES}. */
	readonly phrases: ReadonlyMap<string, number>;
	/**
	 * Lower-case word → what one lookup tells about it: its commonness level as an English word, the
	 * lengths of the gazetteer phrases it starts, and the categories it is a one-word phrase of (read
	 * them with {@link commonLevel}, {@link phraseLengths} and {@link wordCategories}).
	 */
	readonly words: ReadonlyMap<string, number>;
}

const LEVEL_BITS = 3;

/** The commonness level, 1 (most common) to {@link COMMON_WORD_LEVELS}, from a {@link Gazetteers.words} entry; 0 for none. */
export function commonLevel(packed: number): number {
	return packed & ((1 << LEVEL_BITS) - 1);
}

/** Bit `k - 1` set for each length `k` of the gazetteer phrases a word starts, from a {@link Gazetteers.words} entry. */
export function phraseLengths(packed: number): number {
	return (packed >>> LEVEL_BITS) & ((1 << MAX_PHRASE_TOKENS) - 1);
}

/** The categories a word is a one-word phrase of (a bit mask), from a {@link Gazetteers.words} entry. */
export function wordCategories(packed: number): number {
	return packed >>> (LEVEL_BITS + MAX_PHRASE_TOKENS);
}

/** Splits a phrase into lower-case tokens with the recogniser's own tokeniser. */
export function phraseTokens(phrase: string): string[] {
	return tokenizeForNames(phrase, 0, phrase.length).map((t) => t.text.toLowerCase());
}

/**
 * Builds the lookup form of the gazetteers. `commonWords[k]` holds the words of level `k + 1`; a word
 * listed at several levels keeps the most common one.
 */
export function buildGazetteers(lists: GazetteerLists, commonWords: readonly (readonly string[])[]): Gazetteers {
	const phrases = new Map<string, number>();
	const words = new Map<string, number>();
	GAZETTEER_CATEGORIES.forEach((category, bit) => {
		for (const phrase of lists[category]) {
			const tokens = phraseTokens(phrase);
			if (tokens.length === 0 || tokens.length > MAX_PHRASE_TOKENS) {
				continue;
			}
			const first = tokens[0]!;
			let packed = (words.get(first) ?? 0) | (1 << (tokens.length - 1 + LEVEL_BITS));
			if (tokens.length === 1) {
				packed |= 1 << (bit + LEVEL_BITS + MAX_PHRASE_TOKENS);
			} else {
				const key = tokens.join(' ');
				phrases.set(key, (phrases.get(key) ?? 0) | (1 << bit));
			}
			words.set(first, packed);
		}
	});
	commonWords.forEach((level, index) => {
		for (const word of level) {
			const packed = words.get(word) ?? 0;
			if (commonLevel(packed) === 0) {
				words.set(word, packed | (index + 1));
			}
		}
	});
	return { phrases, words };
}

/** Gazetteer phrases longer than this many tokens are ignored. */
export const MAX_PHRASE_TOKENS = 6;

/**
 * Finds gazetteer matches in a sentence of lower-case tokens. `packedWords`, when given, holds each
 * token's entry in {@link Gazetteers.words} (0 for none), looked up beforehand. For each category, the longest phrase
 * starting at each token wins and matches do not overlap; the result gives, per token and category, 0
 * (no match), 1 (the first token of a match), 2 (inside a match), plus 4 when the match is one token.
 * Linear in the sentence length times {@link MAX_PHRASE_TOKENS}.
 */
export function matchGazetteers(lower: readonly string[], gazetteers: Gazetteers, packedWords?: ArrayLike<number>): Uint8Array {
	const n = lower.length;
	const categories = GAZETTEER_CATEGORIES.length;
	const marks = new Uint8Array(n * categories);
	// For each category, the end of the match currently covering the scan position.
	const coveredUntil = new Int32Array(categories);
	const bestLength = new Int32Array(categories);
	for (let i = 0; i < n; i++) {
		const packed = packedWords ? packedWords[i]! : (gazetteers.words.get(lower[i]!) ?? 0);
		const lengths = phraseLengths(packed);
		if (lengths === 0) {
			continue;
		}
		// Remember, per category, the longest match from i.
		bestLength.fill(0);
		let key = lower[i]!;
		for (let length = 1; length <= MAX_PHRASE_TOKENS && i + length <= n && lengths >> (length - 1) !== 0; length++) {
			if (length > 1) {
				key = `${key} ${lower[i + length - 1]!}`;
			}
			if ((lengths & (1 << (length - 1))) === 0) {
				continue;
			}
			let mask = length === 1 ? wordCategories(packed) : (gazetteers.phrases.get(key) ?? 0);
			while (mask !== 0) {
				const c = 31 - Math.clz32(mask);
				bestLength[c] = length;
				mask &= ~(1 << c);
			}
		}
		for (let c = 0; c < categories; c++) {
			const length = bestLength[c]!;
			if (length === 0 || coveredUntil[c]! > i) {
				continue;
			}
			coveredUntil[c] = i + length;
			const single = length === 1 ? 4 : 0;
			marks[i * categories + c] = 1 | single;
			for (let k = 1; k < length; k++) {
				marks[(i + k) * categories + c] = 2;
			}
		}
	}
	return marks;
}

/** The categories (a bit mask over {@link GAZETTEER_CATEGORIES}) the whole phrase of lower-case tokens is listed in. */
export function phraseCategories(lower: readonly string[], gazetteers: Gazetteers): number {
	if (lower.length === 1) {
		return wordCategories(gazetteers.words.get(lower[0]!) ?? 0);
	}
	return lower.length === 0 || lower.length > MAX_PHRASE_TOKENS ? 0 : (gazetteers.phrases.get(lower.join(' ')) ?? 0);
}
