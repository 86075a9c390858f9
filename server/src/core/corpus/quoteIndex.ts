import type { Attribution } from '../attribution/analyse';
import { speakerKey } from '../attribution/speakers';
import type { Span } from '../types';

/** A quotation as the index holds it. */
export interface IndexedQuote extends Span {
	readonly docId: string;
	/** The speaker key (last word of the canonical name, folded). */
	readonly speaker: string;
	/** The quoted words, lower case, without punctuation. */
	readonly words: readonly string[];
	/** The words joined: equal renderings have equal signatures. */
	readonly signature: string;
	/** The index keys ({@link keysOf}), computed once. */
	readonly keys: readonly string[];
}

/** A quotation of the same speaker in another article, and how far its words are from this one's. */
export interface QuoteMatch {
	readonly quote: IndexedQuote;
	/** Word edits between the shorter quotation and the closest stretch of the longer (0: same words). */
	readonly distance: number;
}

/** Quotations shorter than this many words are not compared: too little to tell a misquote. */
const MIN_WORDS = 4;
/** How many word pairs of a quotation are indexed (the lowest by hash: a bottom-k sketch). */
const SKETCH = 6;
/** Words that never anchor a pair on their own. */
const STOP = new Set([
	'the',
	'a',
	'an',
	'of',
	'to',
	'in',
	'and',
	'is',
	'it',
	'that',
	'we',
	'i',
	'be',
	'for',
	'on',
	'are',
	'this',
	'was',
	'have',
	'has',
	'not',
	'with',
	'will',
	'our',
	'as',
	'at',
	'by',
]);

function hash(text: string): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 16777619);
	}
	return h >>> 0;
}

/** Stands for an ellipsis in a quotation: any number of the other rendering's words may be left out there. */
export const GAP = '…';

/**
 * The words of a quotation for comparison: lower case, letters and digits only. Editorial insertions in
 * brackets ("anti-Daesh (IS) operations", "[the minister]") are dropped, and an ellipsis becomes
 * {@link GAP}, so an elided or annotated excerpt compares by the speaker's own words.
 */
export function quoteWords(text: string): string[] {
	return text
		.replace(/\([^()]*\)|\[[^\[\]]*\]/g, ' ')
		.replace(/\.\.\.|…/g, ` ${GAP} `)
		.toLowerCase()
		.replace(/[’']/g, "'")
		.split(/[^\p{L}\p{N}'…]+/u)
		.map((w) => w.replace(/^'+|'+$/g, ''))
		.filter((w) => w !== '');
}

/** The index keys of a quotation: its speaker with each of its lowest-hashing word pairs. */
function keysOf(speaker: string, words: readonly string[]): string[] {
	const pairs = new Set<string>();
	for (let i = 0; i + 1 < words.length; i++) {
		const a = words[i]!;
		const b = words[i + 1]!;
		if (a !== GAP && b !== GAP && !(STOP.has(a) && STOP.has(b))) {
			pairs.add(`${a} ${b}`);
		}
	}
	return [...pairs]
		.map((pair) => ({ pair, h: hash(pair) }))
		.sort((x, y) => x.h - y.h || (x.pair < y.pair ? -1 : 1))
		.slice(0, SKETCH)
		.map(({ pair }) => `${speaker}\u0000${pair}`);
}

/**
 * Word edit distance between `short` and the closest stretch of `long` (approximate substring
 * matching), so an excerpt of a longer quotation compares by its own words; a {@link GAP} in `short`
 * skips any number of `long`'s words for free. Stops early above `limit`.
 */
export function excerptDistance(short: readonly string[], long: readonly string[], limit: number): number {
	let previous = new Array<number>(long.length + 1).fill(0);
	let current = new Array<number>(long.length + 1).fill(0);
	for (let i = 1; i <= short.length; i++) {
		const word = short[i - 1]!;
		current[0] = word === GAP ? previous[0]! : i;
		let rowMin = current[0];
		let prefixMin = previous[0]!;
		for (let j = 1; j <= long.length; j++) {
			if (word === GAP) {
				prefixMin = Math.min(prefixMin, previous[j]!);
				current[j] = prefixMin;
			} else {
				const cost = word === long[j - 1] ? 0 : 1;
				current[j] = Math.min(previous[j - 1]! + cost, previous[j]! + 1, current[j - 1]! + 1);
			}
			rowMin = Math.min(rowMin, current[j]!);
		}
		if (rowMin > limit) {
			return rowMin;
		}
		[previous, current] = [current, previous];
	}
	return Math.min(...previous);
}

/** How many word edits make two renderings of one quotation a variant rather than different words. */
export function variantLimit(shorter: number): number {
	return Math.max(1, Math.floor(shorter * 0.25));
}

/**
 * Word edits between two renderings of a quotation: the elided one (or else the shorter) against the
 * closest stretch of the other. -1 when they differ by more than the variant limit.
 */
function renderingDistance(a: readonly string[], b: readonly string[]): number {
	const elided = (words: readonly string[]): boolean => words.includes(GAP);
	if (elided(a) !== elided(b)) {
		return elided(a) ? excerptWithin(a, b) : excerptWithin(b, a);
	}
	if (a.length === b.length) {
		// Neither is the shorter: the relation must not depend on which article asks.
		const ab = excerptWithin(a, b);
		const ba = excerptWithin(b, a);
		return ab < 0 ? ba : ba < 0 ? ab : Math.min(ab, ba);
	}
	return a.length < b.length ? excerptWithin(a, b) : excerptWithin(b, a);
}

/** {@link excerptDistance} of `short` within `long`, or -1 above the variant limit. */
function excerptWithin(short: readonly string[], long: readonly string[]): number {
	const limit = variantLimit(short.filter((w) => w !== GAP).length);
	const distance = excerptDistance(
		short,
		long.filter((w) => w !== GAP),
		limit,
	);
	return distance <= limit ? distance : -1;
}

/**
 * The corpus's quotations by speaker and word pairs: finds the same speaker's quotation in other
 * articles, verbatim or with a few words changed, without comparing all pairs. Updated incrementally
 * per document.
 */
export class QuoteIndex {
	private readonly byDoc = new Map<string, IndexedQuote[]>();
	private readonly byKey = new Map<string, IndexedQuote[]>();

	/**
	 * Replaces a document's quotations. Returns the other documents whose `quote-variant` findings may have
	 * changed: those holding a variant (a rendering a few words apart, not the same words) of one of this
	 * document's quotations, before or after the update. Verbatim copies elsewhere are not returned: their
	 * findings never point at this document, so an edit here cannot change them.
	 */
	update(docId: string, text: string, quotes: readonly Attribution[]): Set<string> {
		const affected = this.remove(docId);
		const indexed: IndexedQuote[] = [];
		for (const quote of quotes) {
			const speaker = quote.kind === 'indirect' ? undefined : speakerKey(quote.speaker);
			if (!speaker) {
				continue;
			}
			const words = quoteWords(text.slice(quote.start, quote.end));
			if (words.filter((w) => w !== GAP).length < MIN_WORDS) {
				continue;
			}
			indexed.push({ docId, start: quote.start, end: quote.end, speaker, words, signature: words.join(' '), keys: keysOf(speaker, words) });
		}
		if (indexed.length === 0) {
			return affected;
		}
		this.byDoc.set(docId, indexed);
		for (const quote of indexed) {
			for (const key of quote.keys) {
				let bucket = this.byKey.get(key);
				if (!bucket) {
					bucket = [];
					this.byKey.set(key, bucket);
				}
				bucket.push(quote);
			}
		}
		this.addVariantDocs(indexed, affected);
		return affected;
	}

	/** Forgets a document. Returns the other documents that held variants of its quotations. */
	remove(docId: string): Set<string> {
		const affected = new Set<string>();
		const old = this.byDoc.get(docId);
		if (!old) {
			return affected;
		}
		this.addVariantDocs(old, affected);
		this.byDoc.delete(docId);
		for (const quote of old) {
			for (const key of quote.keys) {
				const bucket = this.byKey.get(key);
				if (!bucket) {
					continue;
				}
				const kept = bucket.filter((q) => q.docId !== docId);
				if (kept.length === 0) {
					this.byKey.delete(key);
				} else {
					this.byKey.set(key, kept);
				}
			}
		}
		return affected;
	}

	/** Adds the documents holding a variant of one of `quotes` (the relation is symmetric: see {@link renderingDistance}). */
	private addVariantDocs(quotes: readonly IndexedQuote[], into: Set<string>): void {
		for (const quote of quotes) {
			for (const match of this.matches(quote)) {
				if (match.distance > 0) {
					into.add(match.quote.docId);
				}
			}
		}
	}

	/** The indexed quotations of a document. */
	quotes(docId: string): readonly IndexedQuote[] {
		return this.byDoc.get(docId) ?? [];
	}

	/**
	 * The same speaker's quotations in other documents whose words match this one's, verbatim
	 * (distance 0) or within the variant limit, closest first.
	 */
	matches(quote: IndexedQuote): QuoteMatch[] {
		const seen = new Set<IndexedQuote>();
		const found: QuoteMatch[] = [];
		// Republished wire copies render a quotation identically many times: compare each rendering once.
		const distances = new Map<string, number>();
		for (const key of quote.keys) {
			for (const other of this.byKey.get(key) ?? []) {
				if (other.docId === quote.docId || seen.has(other)) {
					continue;
				}
				seen.add(other);
				let distance = distances.get(other.signature);
				if (distance === undefined) {
					distance = other.signature === quote.signature ? 0 : renderingDistance(quote.words, other.words);
					distances.set(other.signature, distance);
				}
				if (distance >= 0) {
					found.push({ quote: other, distance });
				}
			}
		}
		return found.sort((a, b) => a.distance - b.distance || (a.quote.docId < b.quote.docId ? -1 : 1) || a.quote.start - b.quote.start);
	}
}
