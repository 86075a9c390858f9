import { findQuantities, type Fact } from '../figures/facts';
import { formatInterval, overlaps, type Interval } from '../figures/intervals';
import { intervalData } from './figure-conflict';
import type { DocumentRule } from './rule';

/** How far before a part its total may be: the same or the next sentence, in practice. */
const TOTAL_WINDOW = 400;

/** Measures whose figures are not tied to one total: a noun counted, a distance, a magnitude. */
const GENERIC = new Set(['count', 'distance', 'magnitude']);

/** The sum of two intervals: every value a + b with a in the first and b in the second. */
export function addIntervals(a: Interval, b: Interval): Interval {
	return {
		min: a.min + b.min,
		max: a.max + b.max,
		minInclusive: a.minInclusive && b.minInclusive,
		maxInclusive: a.maxInclusive && b.maxInclusive,
	};
}

/** Whether every value of `part` exceeds every value of `total`: a part cannot be larger than its whole. */
function exceeds(part: Interval, total: Interval): boolean {
	return part.min > total.max || (part.min === total.max && !(part.minInclusive && total.maxInclusive));
}

/**
 * The total a part of an article refers to: the nearest figure before it that counts the same thing for
 * the same event and is not itself a part, in the same or the previous sentence; none when another
 * figure of that measure stands between them in a way that makes the reference unclear.
 */
function totalOf(facts: readonly Fact[], index: number): number | undefined {
	const part = facts[index]!;
	for (let i = index - 1; i >= 0; i--) {
		const fact = facts[i]!;
		if (part.start - fact.end > TOTAL_WINDOW) {
			return undefined;
		}
		if (fact.measure !== part.measure || fact.event !== part.event) {
			continue;
		}
		if (fact.part === undefined) {
			return fact.display ? undefined : i;
		}
	}
	return undefined;
}

export const figureArithmetic: DocumentRule = {
	id: 'figure-arithmetic',
	defaultSeverity: 'warning',
	configurable: true,
	summary:
		"Parts of a total that do not add up within an article: a part larger than its total, or a part and the rest that don't make the total.",
	docs: [
		'"30 killed, including 24 civilians … the remaining eight" cannot be right: 24 and eight make 32. Crosscheck reads',
		'each figure that is part of a total ("including 24 civilians", "among them", "of whom", "15 critically", "the',
		'remaining eight") with the total before it that counts the same thing, and checks that a part is not larger than',
		'its total and that one part and the rest add up to it, allowing for qualifiers ("at least", "about") and rounding.',
		'Fix the figure that is wrong, or say why the parts overlap.',
	].join('\n'),
	check({ text, facts, report }) {
		for (let i = 0; i < facts.length; i++) {
			const part = facts[i]!;
			// Generic counts ("two of the skiffs … the remaining three skiffs") are too loosely tied to a total.
			if (part.part === undefined || part.display || GENERIC.has(part.measure)) {
				continue;
			}
			const t = totalOf(facts, i);
			if (t === undefined) {
				continue;
			}
			const total = facts[t]!;
			const what = part.measure;
			if (exceeds(part.interval, total.interval)) {
				report({
					start: part.start,
					end: part.end,
					message: `Figures do not add up (${what}): the part "${part.text}" is more than the total "${total.text}".`,
					related: [{ start: total.start, end: total.end, message: `The total: "${total.text}" (${formatInterval(total.interval)})` }],
					data: { measure: what, total: intervalData(total), parts: [intervalData(part)] },
				});
				continue;
			}
			if (part.part !== 'remaining') {
				continue;
			}
			// "the remaining N" is the total less the part named before it: exactly one, or the sum is unclear.
			const included = facts.slice(t + 1, i).filter((f) => f.part === 'including' && f.measure === what && f.event === part.event);
			if (included.length !== 1) {
				continue;
			}
			const [named] = included as [Fact];
			// "including 12 children and 10 women … the remaining 20": another figure between them may be a part too.
			if (findQuantities(text, named.end, part.start).length > 0) {
				continue;
			}
			const sum = addIntervals(named.interval, part.interval);
			if (overlaps(sum, total.interval)) {
				continue;
			}
			report({
				start: part.start,
				end: part.end,
				message: `Figures do not add up (${what}): "${named.text}" and the remaining "${part.text}" make ${formatInterval(sum)}, not the total "${total.text}".`,
				related: [
					{ start: total.start, end: total.end, message: `The total: "${total.text}" (${formatInterval(total.interval)})` },
					{ start: named.start, end: named.end, message: `The part named first: "${named.text}" (${formatInterval(named.interval)})` },
				],
				data: { measure: what, total: intervalData(total), parts: [intervalData(named), intervalData(part)] },
			});
		}
	},
};
