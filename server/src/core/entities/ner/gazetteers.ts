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

/** Levels of common English words, most common first (see {@link Gazetteers.commonLevel}). */
export const COMMON_WORD_LEVELS = 4;

/**
 * The gazetteers in the form the feature extractor reads: phrases as lower-case token sequences, with
 * the categories of each phrase as a bit mask, and the commonness level of lower-case English words.
 */
export interface Gazetteers {
	/** Phrase (lower-case tokens joined by a space) → bit mask over {@link GAZETTEER_CATEGORIES}. */
	readonly phrases: ReadonlyMap<string, number>;
	/** First token of a phrase (lower case) → the length in tokens of its longest phrase. */
	readonly longest: ReadonlyMap<string, number>;
	/** Lower-case English word → its commonness level, 1 (most common) to {@link COMMON_WORD_LEVELS}. */
	readonly commonLevel: ReadonlyMap<string, number>;
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
	const longest = new Map<string, number>();
	GAZETTEER_CATEGORIES.forEach((category, bit) => {
		for (const phrase of lists[category]) {
			const tokens = phraseTokens(phrase);
			if (tokens.length === 0 || tokens.length > MAX_PHRASE_TOKENS) {
				continue;
			}
			const key = tokens.join(' ');
			phrases.set(key, (phrases.get(key) ?? 0) | (1 << bit));
			const first = tokens[0]!;
			if ((longest.get(first) ?? 0) < tokens.length) {
				longest.set(first, tokens.length);
			}
		}
	});
	const commonLevel = new Map<string, number>();
	commonWords.forEach((words, index) => {
		for (const word of words) {
			if (!commonLevel.has(word)) {
				commonLevel.set(word, index + 1);
			}
		}
	});
	return { phrases, longest, commonLevel };
}

/** Gazetteer phrases longer than this many tokens are ignored. */
export const MAX_PHRASE_TOKENS = 6;

/**
 * Finds gazetteer matches in a sentence of lower-case tokens. For each category, the longest phrase
 * starting at each token wins and matches do not overlap; the result gives, per token and category, 0
 * (no match), 1 (the first token of a match), 2 (inside a match), plus 4 when the match is one token.
 * Linear in the sentence length times {@link MAX_PHRASE_TOKENS}.
 */
export function matchGazetteers(lower: readonly string[], gazetteers: Gazetteers): Uint8Array {
	const n = lower.length;
	const categories = GAZETTEER_CATEGORIES.length;
	const marks = new Uint8Array(n * categories);
	// For each category, the end of the match currently covering the scan position.
	const coveredUntil = new Int32Array(categories);
	const bestLength = new Int32Array(categories);
	for (let i = 0; i < n; i++) {
		const max = Math.min(gazetteers.longest.get(lower[i]!) ?? 0, n - i);
		if (max === 0) {
			continue;
		}
		let key = '';
		// Remember, per category, the longest match from i.
		bestLength.fill(0);
		for (let length = 1; length <= max; length++) {
			key = length === 1 ? lower[i]! : `${key} ${lower[i + length - 1]!}`;
			const mask = gazetteers.phrases.get(key);
			if (mask === undefined) {
				continue;
			}
			for (let c = 0; c < categories; c++) {
				if (mask & (1 << c)) {
					bestLength[c] = length;
				}
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
