import type { FactIndex, IndexedFact } from '../corpus/factIndex';
import { formatEventDate, publicationDay, resolveEventDate, type EventDateMention } from '../figures/eventDates';
import type { Fact } from '../figures/facts';
import { overlaps } from '../figures/intervals';
import type { Finding, RelatedLocation, Severity } from '../types';
import type { ArticleName } from './figure-conflict';
import type { RuleInfo } from './rule';

export const dateConflictRule: RuleInfo = {
	id: 'date-conflict',
	defaultSeverity: 'warning',
	configurable: true,
	summary: 'Another article of the cluster dates the same event differently, in a way that cannot also be true.',
	docs: [
		'"The dam collapsed shortly before midnight on Tuesday" here, "the dam burst at about 2 a.m. on Wednesday" there:',
		'one of them is wrong. Crosscheck reads the date each article gives for its event (a date next to a word saying',
		'it happened: collapsed, struck, broke out, the failure of…), with the time of day when given ("Tuesday night",',
		'"late on Tuesday", "at about 11:40 p.m."), resolves weekdays against the publication time (from front matter or',
		'`documents:` in crosscheck.yaml: "on Tuesday" in a Wednesday paper is the day before), and compares the spans',
		'across the cluster. Dates of when something was said ("officials said on Wednesday") are not compared.',
	].join('\n'),
};

/** The event dates of an article as index rows: resolved to spans of minutes, with the article's event kind. */
export function dateFacts(mentions: readonly EventDateMention[], published: string | undefined): Fact[] {
	const day = publicationDay(published);
	const facts: Fact[] = [];
	for (const mention of mentions) {
		const interval = resolveEventDate(mention, day);
		if (!interval) {
			continue;
		}
		facts.push({
			start: mention.start,
			end: mention.end,
			text: mention.text,
			numberStart: mention.start,
			interval,
			measure: 'date',
			event: mention.kind,
			kind: mention.kind,
			anchored: false,
			quantityKey: 'date||',
			line: mention.line,
			display: mention.display,
		});
	}
	return facts;
}

const MAX_RELATED = 12;

/** The `date-conflict` findings of a document: each event date another article of the cluster contradicts. */
export function dateFindings(docId: string, index: FactIndex, articleName: ArticleName, severity: Severity): Finding[] {
	const own = index.facts(docId);
	if (!own) {
		return [];
	}
	const findings: Finding[] = [];
	for (const fact of own.facts) {
		const conflicts: IndexedFact[] = index
			.comparable(own.cluster, fact)
			.filter((o) => o.fact !== fact && !(o.docId === docId && o.fact.line === fact.line) && !overlaps(fact.interval, o.fact.interval));
		if (conflicts.length === 0) {
			continue;
		}
		const related: RelatedLocation[] = conflicts.slice(0, MAX_RELATED).map((o) => {
			const who = o.docId === docId ? 'This article' : articleName(o.docId).name;
			return {
				docId: o.docId,
				start: o.fact.start,
				end: o.fact.end,
				message: `${who}: "${o.fact.text}" (${formatEventDate(o.fact.interval)})`,
			};
		});
		const distinct = [
			...new Set(conflicts.map((o) => `"${o.fact.text}" (${o.docId === docId ? 'this article' : articleName(o.docId).name})`)),
		];
		const more = distinct.length > 3 ? ` and ${distinct.length - 3} more` : '';
		findings.push({
			ruleId: 'date-conflict',
			severity,
			start: fact.start,
			end: fact.end,
			message: `Date conflict (${fact.kind === 'event' ? 'the event' : `the ${fact.kind}`}): "${fact.text}" (${formatEventDate(fact.interval)}) here cannot match ${distinct.slice(0, 3).join(', ')}${more} elsewhere.`,
			related,
			data: {
				event: fact.kind,
				from: new Date(fact.interval.min * 60_000).toISOString().slice(0, 16),
				to: new Date(fact.interval.max * 60_000).toISOString().slice(0, 16),
				others: conflicts.length,
			},
		});
	}
	return findings;
}
