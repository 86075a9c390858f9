/**
 * Sums of money in different currencies, made comparable. Outlets convert a sum at the day's rate (the
 * same theft is "€103 million", "$136M" and "£88m"), and the day is rarely known, so a sum is converted
 * to US dollars as an interval spanning every rate the currency has had since 2000: two sums then conflict
 * only when no rate of those years could make them agree, and a converted sum can only diverge from a
 * close one, never conflict with it by a rate's accident.
 */
import type { Interval } from './intervals';

/** US dollars per unit of each currency the figures layer converts: the lowest and highest rate since 2000. */
export const USD_RATES: Readonly<Record<string, readonly [number, number]>> = {
	USD: [1, 1],
	// The euro: 0.83 (October 2000) to 1.60 (July 2008).
	EUR: [0.82, 1.6],
	// The pound: 1.04 (September 2022) to 2.11 (November 2007).
	GBP: [1.03, 2.12],
	// The yen: 162 per dollar (July 2024) to 76 (October 2011).
	JPY: [0.0061, 0.0132],
};

/** A sum's interval in US dollars, or undefined when its currency is not one the table converts. */
export function toUsd(interval: Interval, currency: string): Interval | undefined {
	const rates = USD_RATES[currency];
	if (!rates) {
		return undefined;
	}
	if (currency === 'USD') {
		return interval;
	}
	return {
		min: interval.min * rates[0],
		max: interval.max * rates[1],
		minInclusive: interval.minInclusive,
		maxInclusive: interval.maxInclusive,
	};
}

/** What a sum of money is, from the words around it: stolen, a ransom, damage, aid, a fine, bail or a reward. */
const PURPOSES: readonly (readonly [RegExp, string])[] = [
	[
		/\b(?:st(?:ole|olen|eal|eals|ealing)|heists?|robbery|robberies|robbed|robbers?|loot(?:ed)?|haul|booty|made\s+off|making\s+off|make\s+off|lifted|snatched|grabbed|thefts?|thie(?:f|ves)|burglar(?:y|s)?|swiped)\b/i,
		'stolen',
	],
	[/\bransoms?\b/i, 'ransom'],
	[/\b(?:damages?|losses|destruction)\b/i, 'damage'],
	[/\b(?:aid|donat(?:e|ed|ion|ions)|pledg(?:e|ed|es)|relief|grants?)\b/i, 'aid'],
	[/\b(?:fined?|fines|penalty|penalties|settlement)\b/i, 'fine'],
	[/\bbail\b/i, 'bail'],
	[/\b(?:rewards?|bount(?:y|ies))\b/i, 'reward'],
];

/** What the sum in `phrase` (the comma-separated stretch around it) is, or '' when nothing says. */
export function moneyPurpose(phrase: string): string {
	for (const [pattern, purpose] of PURPOSES) {
		if (pattern.test(phrase)) {
			return purpose;
		}
	}
	return '';
}

/** Nouns for a haul rather than one item: sums of them are compared whatever the haul holds. */
const MASS = new Set([
	'jewelry',
	'jewellery',
	'loot',
	'booty',
	'cash',
	'money',
	'gold',
	'silver',
	'art',
	'artwork',
	'property',
	'merchandise',
	'goods',
	'equipment',
	'stock',
	'damage',
	'aid',
	'ransom',
	'worth',
	'value',
	'haul',
	'heist',
	'robbery',
	'theft',
	'raid',
]);

/** Words that end the noun phrase after a sum: prepositions, conjunctions, auxiliaries. */
const PHRASE_END = new Set([
	'and',
	'or',
	'from',
	'to',
	'in',
	'at',
	'on',
	'by',
	'with',
	'for',
	'of',
	'was',
	'were',
	'is',
	'are',
	'has',
	'had',
	'have',
	'that',
	'which',
	'who',
	'after',
	'before',
	'during',
	'when',
	'while',
]);

/**
 * The one item a sum is the value of, when the text names a single thing ("a $2.5 million necklace", "a
 * diamond necklace worth £1.2m"), or '' for a haul ("$2 million of jewelry", "£88m worth of precious
 * stones", "jewellery and watches worth £1.7m"): one necklace's value is not a haul's.
 */
export function valuedItem(before: string, after: string): string {
	const worth =
		/([a-z]+)\s+(?:worth|valued\s+at)\s+(?:an?\s+)?(?:estimated\s+|about\s+|around\s+|some\s+|almost\s+|nearly\s+|over\s+|more\s+than\s+)?$/i.exec(
			before,
		);
	if (worth) {
		return single(worth[1]!.toLowerCase());
	}
	const words = (/^[\s-]*(?:worth\s+of\s+|of\s+)?((?:[a-z]+\s+){0,2}[a-z]+)/i.exec(after)?.[1] ?? '').toLowerCase().split(/\s+/);
	let head = '';
	for (const w of words) {
		if (PHRASE_END.has(w) || w.endsWith('ed')) {
			break;
		}
		head = w;
	}
	return single(head);
}

function single(noun: string): string {
	return noun.length >= 3 && !noun.endsWith('s') && !MASS.has(noun) ? noun : '';
}
