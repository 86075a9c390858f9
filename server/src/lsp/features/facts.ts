import type { Connection } from 'vscode-languageserver';
import { factGroups, formatInterval } from '../../core';
import { FactsRequest, type FactGroupItem, type FactsResult } from '../../protocol';
import { toRange } from '../convert';
import type { Workspace } from '../workspace';

/** At most this many groups are sent: the view lists conflicts first, so the ones that matter come through. */
const GROUP_LIMIT = 2000;

/** The `crosscheck/facts` list behind the Inconsistencies view: each quantity several articles report, with its figures. */
export function registerFacts(connection: Connection, workspace: Workspace): void {
	connection.onRequest(FactsRequest.method, (): FactsResult => {
		const groups: FactGroupItem[] = [];
		for (const corpus of workspace.corpora()) {
			for (const group of factGroups(corpus)) {
				const mentions = group.facts.flatMap(({ docId, fact }) => {
					const target = workspace.locate(docId);
					if (!target) {
						return [];
					}
					const { name, published } = corpus.articleName(docId);
					return [
						{
							uri: target.uri,
							article: name,
							range: toRange(target.lines, fact.start, fact.end),
							text: fact.text,
							interval: formatInterval(fact.interval),
							...(published !== undefined ? { published } : {}),
						},
					];
				});
				groups.push({ cluster: group.cluster, label: group.label, relation: group.relation, articles: group.articles, mentions });
			}
		}
		const rank = { conflict: 0, divergent: 1, equal: 2 } as const;
		groups.sort((a, b) => rank[a.relation] - rank[b.relation] || b.articles - a.articles);
		return { groups: groups.slice(0, GROUP_LIMIT) };
	});
}
