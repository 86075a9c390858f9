/**
 * What a figure as written can mean, as an interval of values. Every qualifier's meaning lives here and
 * only here; README.md ("Figures and intervals") documents the same table.
 *
 * | written                                   | interval            |
 * | ----------------------------------------- | ------------------- |
 * | "30"                                      | [30, 30]            |
 * | "at least 30", "30 or more"               | [30, ∞)             |
 * | "more than 30", "over 30", "above 30"     | (30, ∞)             |
 * | "at most 30", "up to 30", "as many as 30" | [0, 30]             |
 * | "fewer than 30", "less than 30", "under"  | [0, 30)             |
 * | "about/around/some/roughly/an estimated"  | [0.9 × 30, 1.1 × 30]|
 * | "nearly/almost 30"                        | [0.9 × 30, 30)      |
 * | "just over 30"                            | (30, 1.1 × 30]      |
 * | "just under 30"                           | [0.9 × 30, 30)      |
 * | "20 to 30", "20-30", "between 20 and 30"  | [20, 30]            |
 * | "several"                                 | [3, 9]              |
 * | "dozens", "several dozen"                 | [24, 99]            |
 * | "hundreds", "several hundred"             | [200, 999]          |
 * | "thousands", "several thousand"           | [2000, 9999]        |
 * | "tens of thousands"                       | [20000, 99999]      |
 * | "millions"                                | [2e6, 9.99e8]       |
 * | "a dozen"                                 | [12, 12]            |
 * | "€103 million" (a sum in another currency)| in US dollars over every rate since 2000 (money.ts `toUsd`) |
 *
 * A figure without a qualifier is exact ("13", "17,740"), with three exceptions, because that is how
 * reporters write them: a round hundred or thousand ("600", "16,000") is read as ±5%, a distance
 * (measured, then rounded) as ±10%, and a stretch of time that is a multiple of five of its unit ("10
 * minutes", "30 seconds") as ±10% ({@link timeSpan}). So "600 killed" and "612 killed" can both be true, "three killed" and
 * "four killed" cannot.
 */

/** A set of values: `min` to `max`, each end included or not. `max` may be Infinity. */
export interface Interval {
	readonly min: number;
	readonly max: number;
	readonly minInclusive: boolean;
	readonly maxInclusive: boolean;
}

/** The qualifiers the figures layer reads before a number, lower case, spaces normalised. */
export type Qualifier =
	'at least' | 'more than' | 'at most' | 'fewer than' | 'about' | 'nearly' | 'just over' | 'just under' | 'or more' | 'or fewer';

/** Qualifier phrases as written, longest first, and what each means. */
export const QUALIFIER_PHRASES: readonly (readonly [string, Qualifier])[] = [
	['at least', 'at least'],
	['no fewer than', 'at least'],
	['no less than', 'at least'],
	['a minimum of', 'at least'],
	['more than', 'more than'],
	['over', 'more than'],
	['above', 'more than'],
	['in excess of', 'more than'],
	['upwards of', 'more than'],
	['at most', 'at most'],
	['up to', 'at most'],
	['as many as', 'at most'],
	['a maximum of', 'at most'],
	['fewer than', 'fewer than'],
	['less than', 'fewer than'],
	['under', 'fewer than'],
	['below', 'fewer than'],
	['about', 'about'],
	['around', 'about'],
	['some', 'about'],
	['roughly', 'about'],
	['approximately', 'about'],
	['an estimated', 'about'],
	['estimated', 'about'],
	['an approximate', 'about'],
	['nearly', 'nearly'],
	['almost', 'nearly'],
	['close to', 'nearly'],
	['just over', 'just over'],
	['just above', 'just over'],
	['slightly more than', 'just over'],
	['just under', 'just under'],
	['just below', 'just under'],
	['slightly less than', 'just under'],
];

/** An exact value. */
export function exactly(value: number): Interval {
	return { min: value, max: value, minInclusive: true, maxInclusive: true };
}

/** A number as written without a qualifier: exact, or ±5% for a round hundred or thousand. */
export function unqualified(value: number): Interval {
	return value >= 100 && value % 100 === 0 ? widen(exactly(value), 0.05) : exactly(value);
}

/**
 * A stretch of time as written without a qualifier, in its unit: a multiple of five ("10 minutes", "30
 * seconds", "15 years") is ±10%, since people round times that way; others ("12 weeks", "four years") are
 * exact.
 */
export function timeSpan(value: number): Interval {
	return value > 0 && value % 5 === 0 ? widen(exactly(value), 0.1) : exactly(value);
}

/** An interval widened by a share of its ends (a measurement's rounding). */
export function widen(interval: Interval, share: number): Interval {
	return {
		min: interval.min * (1 - share),
		max: Number.isFinite(interval.max) ? interval.max * (1 + share) : interval.max,
		minInclusive: true,
		maxInclusive: interval.maxInclusive || Number.isFinite(interval.max),
	};
}

/** An interval in another unit: both ends multiplied by `factor` (> 0). */
export function scale(interval: Interval, factor: number): Interval {
	return { ...interval, min: interval.min * factor, max: interval.max * factor };
}

/** The interval of `value` under a qualifier (none: {@link unqualified}). */
export function qualify(value: number, qualifier: Qualifier | undefined): Interval {
	switch (qualifier) {
		case undefined:
			return unqualified(value);
		case 'at least':
		case 'or more':
			return { min: value, max: Infinity, minInclusive: true, maxInclusive: false };
		case 'more than':
			return { min: value, max: Infinity, minInclusive: false, maxInclusive: false };
		case 'at most':
		case 'or fewer':
			return { min: 0, max: value, minInclusive: true, maxInclusive: true };
		case 'fewer than':
			return { min: 0, max: value, minInclusive: true, maxInclusive: false };
		case 'about':
			return { min: value * 0.9, max: value * 1.1, minInclusive: true, maxInclusive: true };
		case 'nearly':
		case 'just under':
			return { min: value * 0.9, max: value, minInclusive: true, maxInclusive: false };
		case 'just over':
			return { min: value, max: value * 1.1, minInclusive: false, maxInclusive: true };
	}
}

/** A range as written ("20 to 30"), under a qualifier ("about 20 to 30" widens both ends). */
export function range(low: number, high: number, qualifier?: Qualifier): Interval {
	const [a, b] = low <= high ? [low, high] : [high, low];
	if (qualifier === 'about') {
		return { min: a * 0.9, max: b * 1.1, minInclusive: true, maxInclusive: true };
	}
	return { min: a, max: b, minInclusive: true, maxInclusive: true };
}

/** Vague quantities in words, by their lower-case form. */
export const VAGUE_QUANTITIES: Readonly<Record<string, Interval>> = {
	several: { min: 3, max: 9, minInclusive: true, maxInclusive: true },
	'several dozen': { min: 24, max: 99, minInclusive: true, maxInclusive: true },
	'several hundred': { min: 200, max: 999, minInclusive: true, maxInclusive: true },
	'several thousand': { min: 2000, max: 9999, minInclusive: true, maxInclusive: true },
	dozens: { min: 24, max: 99, minInclusive: true, maxInclusive: true },
	scores: { min: 40, max: 99, minInclusive: true, maxInclusive: true },
	hundreds: { min: 200, max: 999, minInclusive: true, maxInclusive: true },
	thousands: { min: 2000, max: 9999, minInclusive: true, maxInclusive: true },
	'tens of thousands': { min: 20000, max: 99999, minInclusive: true, maxInclusive: true },
	'hundreds of thousands': { min: 200000, max: 999999, minInclusive: true, maxInclusive: true },
	millions: { min: 2e6, max: 999e6, minInclusive: true, maxInclusive: true },
};

/** Whether a value lies in an interval. */
export function contains(interval: Interval, value: number): boolean {
	const aboveMin = interval.minInclusive ? value >= interval.min : value > interval.min;
	const belowMax = interval.maxInclusive ? value <= interval.max : value < interval.max;
	return aboveMin && belowMax;
}

/** Whether two intervals share at least one value. */
export function overlaps(a: Interval, b: Interval): boolean {
	if (a.max < b.min || b.max < a.min) {
		return false;
	}
	if (a.max === b.min) {
		return a.maxInclusive && b.minInclusive;
	}
	if (b.max === a.min) {
		return b.maxInclusive && a.minInclusive;
	}
	return true;
}

/** Whether two intervals are the same set. */
export function sameInterval(a: Interval, b: Interval): boolean {
	return a.min === b.min && a.max === b.max && a.minInclusive === b.minInclusive && a.maxInclusive === b.maxInclusive;
}

function formatNumber(value: number): string {
	if (!Number.isFinite(value)) {
		return '∞';
	}
	const rounded = Math.round(value * 100) / 100;
	return rounded.toLocaleString('en-US');
}

/** An interval for people: "17,740", "[30, ∞)", "(16,000, ∞)", "[4,500, 5,500]". */
export function formatInterval(interval: Interval): string {
	if (interval.min === interval.max && interval.minInclusive && interval.maxInclusive) {
		return formatNumber(interval.min);
	}
	return `${interval.minInclusive ? '[' : '('}${formatNumber(interval.min)}, ${formatNumber(interval.max)}${interval.maxInclusive ? ']' : ')'}`;
}
