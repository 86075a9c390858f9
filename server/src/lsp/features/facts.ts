import type { Connection } from 'vscode-languageserver';
import { factGroups, formatInterval, type FactGroup, type ReviewedFinding } from '../../core';
import { FactsRequest, type FactGroupItem, type FactMentionItem, type FactsParams, type FactsResult } from '../../protocol';
import { toRange } from '../convert';
import { docIdOf, type Workspace } from '../workspace';
import { reviewState } from './reviewViews';

/** At most this many groups are sent: the view lists conflicts first, so the ones that matter come through. */
const GROUP_LIMIT = 2000;

/** The rules whose findings sit on the figures of a fact group. */
const FIGURE_RULES = new Set(['figure-conflict', 'figure-divergence']);

/**
 * `crosscheck/facts`, behind the Inconsistencies view and the fact sheet: each quantity several
 * articles report, with its figures, their intervals and the review state of their findings. With a
 * position, only the group of the figure there.
 */
export function registerFacts(connection: Connection, workspace: Workspace): void {
	connection.onRequest(FactsRequest.method, (given?: FactsParams | null): FactsResult => {
		// Without parameters, the JSON-RPC layer may still pass an empty value.
		const params = given && typeof given.uri === 'string' && given.position ? given : undefined;
		const at = params ? docIdOf(params.uri) : undefined;
		const findings = new FindingsByDocument(workspace);
		const groups: FactGroupItem[] = [];
		for (const corpus of workspace.corpora()) {
			let selected: readonly FactGroup[] = factGroups(corpus);
			if (params && at !== undefined) {
				const found = workspace.lookup(params.uri);
				if (!found || found.corpus !== corpus) {
					continue;
				}
				const offset = found.lines.offsetAt(params.position);
				selected = selected.filter((g) => g.facts.some((f) => f.docId === at && f.fact.start <= offset && offset <= f.fact.end));
			}
			for (const group of selected) {
				const mentions = group.facts.flatMap(({ docId, fact }): FactMentionItem[] => {
					const target = workspace.locate(docId);
					if (!target) {
						return [];
					}
					const { name, published } = corpus.articleName(docId);
					const finding = findings.at(docId, fact.start, fact.end);
					const { min, max, minInclusive, maxInclusive } = fact.interval;
					return [
						{
							uri: target.uri,
							article: name,
							range: toRange(target.lines, fact.start, fact.end),
							text: fact.text,
							interval: formatInterval(fact.interval),
							min: Number.isFinite(min) ? min : null,
							max: Number.isFinite(max) ? max : null,
							minInclusive,
							maxInclusive,
							...(published !== undefined ? { published } : {}),
							...(finding
								? {
										finding: {
											ruleId: finding.ruleId,
											state: reviewState(finding),
											...(finding.review?.reason !== undefined ? { reason: finding.review.reason } : {}),
										},
									}
								: {}),
						},
					];
				});
				groups.push({
					cluster: group.cluster,
					label: group.label,
					relation: group.relation,
					articles: group.articles,
					mentions,
					state: groupState(mentions),
				});
			}
		}
		const rank = { conflict: 0, divergent: 1, equal: 2 } as const;
		groups.sort((a, b) => rank[a.relation] - rank[b.relation] || b.articles - a.articles);
		return { groups: groups.slice(0, GROUP_LIMIT) };
	});
}

/** A group is unreviewed while any of its findings is, dismissed when all are, confirmed otherwise. */
function groupState(mentions: readonly FactMentionItem[]): FactGroupItem['state'] {
	const states = mentions.flatMap((m) => (m.finding ? [m.finding.state] : []));
	if (states.length === 0) {
		return 'none';
	}
	if (states.some((s) => s === 'unreviewed' || s === 'open')) {
		return 'unreviewed';
	}
	return states.every((s) => s === 'dismissed') ? 'dismissed' : 'confirmed';
}

/** The figure findings of each document, with their decisions, computed once per request and document. */
class FindingsByDocument {
	private readonly cache = new Map<string, Map<string, ReviewedFinding>>();

	constructor(private readonly workspace: Workspace) {}

	at(docId: string, start: number, end: number): ReviewedFinding | undefined {
		let byspan = this.cache.get(docId);
		if (!byspan) {
			byspan = new Map();
			for (const f of this.workspace.reviewed(docId)?.findings ?? []) {
				if (FIGURE_RULES.has(f.ruleId)) {
					byspan.set(`${f.start}:${f.end}`, f);
				}
			}
			this.cache.set(docId, byspan);
		}
		return byspan.get(`${start}:${end}`);
	}
}
