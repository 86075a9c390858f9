import type { FactIndex, IndexedFact } from '../corpus/factIndex';
import type { Fact } from '../figures/facts';
import { formatInterval, overlaps, sameInterval } from '../figures/intervals';
import type { DocumentMetadata } from '../text/frontMatter';
import type { Finding, RelatedLocation, Severity } from '../types';
import type { RuleInfo } from './rule';

export const figureConflictRule: RuleInfo = {
	id: 'figure-conflict',
	defaultSeverity: 'warning',
	configurable: true,
	summary: 'Another article of the cluster reports the same quantity with a figure that cannot also be true.',
	docs: [
		'Outlets covering one event disagree: "three killed" here, "four killed" there. Crosscheck reads every figure',
		'with its qualifier as an interval ("more than 250" is above 250, "about 5,000" is 4,500 to 5,500), works out',
		'what it counts (killed, injured, arrested, magnitude…) and which event it is about, and compares it with the',
		'figures of the same quantity in the other articles of the cluster (by default, the same folder). When the',
		'intervals cannot both hold, one article is wrong or out of date; the related locations link to the others.',
		'A later article with a higher toll may simply be an update: the message says when publication times show it.',
	].join('\n'),
};

export const figureDivergenceRule: RuleInfo = {
	id: 'figure-divergence',
	defaultSeverity: 'information',
	configurable: true,
	summary: 'Another article of the cluster reports the same quantity with a different figure that can also be true.',
	docs: [
		'"More than 16,000 arrested" and "17,740 arrested" can both be true, and so can "hundreds dead" and "more than',
		'250 dead": not a contradiction, but different precision worth a look. Figures with the same number and only a',
		'different qualifier ("10" and "at least 10") are not reported.',
	].join('\n'),
};

/** The base number of a figure as written, for telling "10" and "at least 10" apart from "10" and "12". */
function baseNumber(fact: Fact): number | undefined {
	const { interval, qualifier } = fact;
	if (!qualifier) {
		return interval.min === interval.max ? interval.min : undefined;
	}
	switch (qualifier) {
		case 'at least':
		case 'more than':
		case 'or more':
		case 'just over':
			return interval.min;
		case 'at most':
		case 'fewer than':
		case 'or fewer':
		case 'nearly':
		case 'just under':
			return interval.max;
		case 'about':
			return Math.round(((interval.min + interval.max) / 2) * 1000) / 1000;
	}
}

/** How two figures of one quantity relate. */
export function relation(a: Fact, b: Fact): 'equal' | 'divergent' | 'conflict' {
	if (!overlaps(a.interval, b.interval)) {
		return 'conflict';
	}
	if (sameInterval(a.interval, b.interval)) {
		return 'equal';
	}
	const x = baseNumber(a);
	const y = baseNumber(b);
	return x !== undefined && x === y ? 'equal' : 'divergent';
}

/**
 * How far apart two reports of one quantity can plausibly be: outlets round, update and disagree, but a
 * toll of 4 against one of 40 (or magnitude 3.8 against 6.1) is a second quantity sharing the words — an
 * aftershock, another incident, a part — far more often than one quantity misreported.
 */
const MAX_RATIO = 4;
const MAX_MAGNITUDE_GAP = 1;

/** The middle of an interval, or its lower end when it has no upper one. */
function middle(interval: Fact['interval']): number {
	return Number.isFinite(interval.max) ? (interval.min + interval.max) / 2 : interval.min;
}

/** Whether two facts with one key can be reports of one quantity, judged by how far apart they are. */
export function plausiblySame(a: Fact, b: Fact): boolean {
	const [low, high] = a.interval.max < b.interval.min ? [a, b] : [b, a];
	const gap = high.interval.min - low.interval.max;
	if (gap <= 0) {
		// Open-ended figures always overlap: "more than 300" and "more than 15,000" share every value above
		// 15,000, yet fifty times apart they are two quantities, not one told at two precisions.
		if (Number.isFinite(a.interval.max) && Number.isFinite(b.interval.max)) {
			return true;
		}
		const [x, y] = [middle(a.interval), middle(b.interval)].sort((p, q) => p - q);
		return a.measure === 'magnitude' || x! <= 0 || y! / x! <= MAX_RATIO;
	}
	// "1.2 miles deep" against "12 miles deep": the same digits with the decimal point moved are one figure
	// misprinted, however far apart.
	if (decimalSlip(a, b)) {
		return true;
	}
	if (a.measure === 'magnitude') {
		return Math.abs(middle(a.interval) - middle(b.interval)) <= MAX_MAGNITUDE_GAP;
	}
	return low.interval.max > 0 && high.interval.min / low.interval.max <= MAX_RATIO;
}

/** The digits of a figure as written, without separators or decimal point ("1. 2" → "12"), if it is written in digits. */
function digitsOf(fact: Fact): string {
	const written = fact.text.slice(fact.numberStart - fact.start);
	return /^\d[\d,. ]*\d$/.test(written) ? written.replace(/\D/g, '') : '';
}

/** Whether two figures written in digits differ only by where the decimal point is ("1.2" and "12"). */
function decimalSlip(a: Fact, b: Fact): boolean {
	const x = digitsOf(a);
	return x.length >= 2 && x === digitsOf(b) && (a.text.includes('.') || b.text.includes('.'));
}

const MAX_RELATED = 12;

function describe(fact: Fact): string {
	const who = fact.population ? ` ${fact.population}` : '';
	const what =
		fact.measure === 'magnitude'
			? 'magnitude'
			: fact.measure === 'money'
				? `sum of money${fact.population ? ` (${fact.population})` : ''}`
				: fact.measure === 'distance' && fact.population
					? `distance from${who}`
					: `${fact.measure}${who}`;
	return fact.unit ? `${what}, in ${fact.unit}` : what;
}

/** A fact's interval as the messages show it, with its unit when it has one ("[43.2, 52.8] km"). */
function intervalText(fact: Fact): string {
	return `${formatInterval(fact.interval)}${fact.unit ? ` ${fact.unit}` : ''}`;
}

/** An article as the messages name it: its outlet when known, else its file name. */
export type ArticleName = (docId: string) => { name: string; published?: string };

/**
 * The `figure-conflict` and `figure-divergence` findings of a document: each of its facts that another
 * article of the cluster reports differently, linked to those reports.
 */
export function figureFindings(
	docId: string,
	index: FactIndex,
	articleName: ArticleName,
	severities: { conflict?: Severity; divergence?: Severity },
): Finding[] {
	const own = index.facts(docId);
	if (!own) {
		return [];
	}
	const findings: Finding[] = [];
	const me = articleName(docId);
	for (const fact of own.facts) {
		const conflicts: IndexedFact[] = [];
		const divergent: IndexedFact[] = [];
		for (const other of index.comparable(own.cluster, fact)) {
			// Another article only: within one article, two figures of one measure are far more often two
			// quantities the reader tells apart ("16,000 arrested" nationwide, "17,740" in the capital) than
			// one quantity written twice.
			if (other.docId === docId) {
				continue;
			}
			if (!plausiblySame(fact, other.fact)) {
				continue;
			}
			const r = relation(fact, other.fact);
			if (r === 'conflict') {
				conflicts.push(other);
			} else if (r === 'divergent') {
				divergent.push(other);
			}
		}
		const [ruleId, severity, others] =
			conflicts.length > 0 && severities.conflict
				? (['figure-conflict', severities.conflict, conflicts] as const)
				: divergent.length > 0 && severities.divergence
					? (['figure-divergence', severities.divergence, divergent] as const)
					: [undefined, undefined, []];
		if (!ruleId || !severity) {
			continue;
		}
		const related: RelatedLocation[] = others.slice(0, MAX_RELATED).map((o) => {
			const who = o.docId === docId ? { name: 'This article', published: undefined } : articleName(o.docId);
			return {
				docId: o.docId,
				start: o.fact.start,
				end: o.fact.end,
				message: `${who.name}${who.published ? ` (${who.published})` : ''}: "${o.fact.text}" (${intervalText(o.fact)})`,
			};
		});
		// The same figure written the same way twice in one article is named once.
		const distinct = [
			...new Set(others.map((o) => `"${o.fact.text}" (${o.docId === docId ? 'this article' : articleName(o.docId).name})`)),
		];
		const shown = distinct.slice(0, 3).join(', ');
		const more = distinct.length > 3 ? ` and ${distinct.length - 3} more` : '';
		// A later report of a higher figure may be an update rather than a contradiction.
		const later = others.filter((o) => {
			const when = articleName(o.docId).published;
			return me.published !== undefined && when !== undefined && when > me.published && o.fact.interval.min > fact.interval.max;
		});
		const update = later.length > 0 ? ' Later reports give higher figures: possibly an update rather than a contradiction.' : '';
		const what = describe(fact);
		const message =
			ruleId === 'figure-conflict'
				? `Figure conflict (${what}): "${fact.text}" here cannot match ${shown}${more} elsewhere.${update}`
				: `Figure divergence (${what}): "${fact.text}" here, ${shown}${more} elsewhere; they can all be true.`;
		findings.push({
			ruleId,
			severity,
			start: fact.start,
			end: fact.end,
			message,
			related,
			data: {
				measure: fact.measure,
				...(fact.population ? { population: fact.population } : {}),
				event: fact.event,
				interval: intervalData(fact),
				others: others.length,
			},
		});
	}
	return findings;
}

/** An interval for JSON output: infinity as null. */
export function intervalData(fact: Fact): { min: number; max: number | null; minInclusive: boolean; maxInclusive: boolean } {
	const { min, max, minInclusive, maxInclusive } = fact.interval;
	return { min, max: Number.isFinite(max) ? max : null, minInclusive, maxInclusive };
}

/** Metadata the messages use, by document. */
export type MetadataOf = (docId: string) => DocumentMetadata | undefined;
