import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { findingNode, findingTreeItem, type FindingNode } from './attributionView';
import { RefreshingView } from './refreshingView';
import { openCommand, STATE_LOOK, type ReviewableNode, type ReviewFilter } from './reviewFilter';
import {
	FactsRequest,
	FindingsRequest,
	type FactGroupItem,
	type FactMentionItem,
	type FactsResult,
	type FindingsResult,
} from '../../server/src/protocol';

/** The inconsistencies that are not fact groups, listed after them, one section per rule. */
const OTHER_RULES: readonly { ruleId: string; title: string }[] = [
	{ ruleId: 'name-variant', title: 'Name variants' },
	{ ruleId: 'date-conflict', title: 'Date conflicts' },
	{ ruleId: 'figure-arithmetic', title: 'Parts that do not add up' },
	{ ruleId: 'quote-variant', title: 'Quotes worded differently' },
];

type MentionNode = { kind: 'mention'; group: FactGroupItem; mention: FactMentionItem } & Partial<ReviewableNode>;
type Node = { kind: 'group'; group: FactGroupItem } | MentionNode | { kind: 'rule'; title: string; findings: FindingNode[] } | FindingNode;

const RELATION: Readonly<Record<FactGroupItem['relation'], { label: string; icon: string; color?: string }>> = {
	conflict: { label: 'cannot all be true', icon: 'warning', color: 'problemsWarningIcon.foreground' },
	divergent: { label: 'differ, can all be true', icon: 'info', color: 'problemsInfoIcon.foreground' },
	equal: { label: 'agree', icon: 'pass' },
};

/**
 * The Inconsistencies view: each quantity that several articles of a cluster report (the dead of the
 * flood, the arrested after the coup), conflicts first, with every article's figure, then name
 * variants, date conflicts and sums. The review filter applies to groups by their findings' state; a
 * click opens the passage, the context menu decides, the chart button opens the fact sheet.
 */
export class InconsistenciesView extends RefreshingView<Node> {
	constructor(
		private readonly client: LanguageClient,
		private readonly filter: ReviewFilter,
	) {
		super();
	}

	async getChildren(node?: Node): Promise<Node[]> {
		switch (node?.kind) {
			case 'mention':
			case 'finding':
				return [];
			case 'group':
				return node.group.mentions.map((mention): MentionNode => {
					const target = mention.finding ? { uri: mention.uri, ruleId: mention.finding.ruleId, range: mention.range } : undefined;
					return { kind: 'mention', group: node.group, mention, ...(target ? { target } : {}) };
				});
			case 'rule':
				return node.findings;
		}
		if (this.client.state !== 2 /* Running */) {
			return [];
		}
		const [facts, others] = await Promise.all([
			this.client.sendRequest<FactsResult>(FactsRequest.method),
			this.client.sendRequest<FindingsResult>(FindingsRequest.method, { rules: OTHER_RULES.map((r) => r.ruleId) }),
		]);
		const groups = facts.groups
			.filter((group) => this.filter.value === 'all' || (group.state !== 'none' && this.filter.accepts(group.state)))
			.map((group): Node => ({ kind: 'group', group }));
		const sections = OTHER_RULES.flatMap(({ ruleId, title }): Node[] => {
			const findings = others.articles.flatMap((a) =>
				a.findings.filter((f) => f.ruleId === ruleId && this.filter.accepts(f.state)).map((f) => findingNode(a.uri, a.article, f)),
			);
			return findings.length > 0 ? [{ kind: 'rule', title, findings }] : [];
		});
		return [...groups, ...sections];
	}

	getTreeItem(node: Node): vscode.TreeItem {
		switch (node.kind) {
			case 'group':
				return groupItem(node.group);
			case 'mention':
				return mentionItem(node);
			case 'rule': {
				const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Collapsed);
				item.description = `${node.findings.length}`;
				item.iconPath = new vscode.ThemeIcon('list-unordered');
				item.contextValue = 'ruleSection';
				return item;
			}
			case 'finding':
				return findingTreeItem(node, true);
		}
	}
}

function groupItem(group: FactGroupItem): vscode.TreeItem {
	const relation = RELATION[group.relation];
	const item = new vscode.TreeItem(
		group.label,
		group.relation === 'equal' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
	);
	const cluster = group.cluster === '' ? '' : ` · ${group.cluster}`;
	const state = group.state === 'none' || group.state === 'unreviewed' ? '' : ` · ${STATE_LOOK[group.state].label}`;
	item.description = `${relation.label} · ${group.articles} articles${cluster}${state}`;
	item.tooltip = `${group.label}: ${group.mentions.map((m) => `"${m.text}" (${m.article})`).join(', ')}`;
	item.iconPath =
		group.state === 'confirmed' || group.state === 'dismissed'
			? new vscode.ThemeIcon(STATE_LOOK[group.state].icon, new vscode.ThemeColor(STATE_LOOK[group.state].color!))
			: new vscode.ThemeIcon(relation.icon, relation.color ? new vscode.ThemeColor(relation.color) : undefined);
	item.contextValue = `factGroup.${group.relation}`;
	return item;
}

function mentionItem(node: MentionNode): vscode.TreeItem {
	const { mention } = node;
	const item = new vscode.TreeItem(`"${mention.text}"`, vscode.TreeItemCollapsibleState.None);
	const state = mention.finding && mention.finding.state !== 'unreviewed' ? ` · ${STATE_LOOK[mention.finding.state].label}` : '';
	item.description = `${mention.article}:${mention.range.start.line + 1} · ${mention.interval}${mention.published ? ` · ${mention.published}` : ''}${state}`;
	item.tooltip =
		`${mention.article}, line ${mention.range.start.line + 1}: "${mention.text}" = ${mention.interval}` +
		(mention.finding?.reason ? `\nDismissed: ${mention.finding.reason}` : '');
	item.iconPath = mention.finding
		? new vscode.ThemeIcon(
				STATE_LOOK[mention.finding.state].icon,
				STATE_LOOK[mention.finding.state].color ? new vscode.ThemeColor(STATE_LOOK[mention.finding.state].color!) : undefined,
			)
		: new vscode.ThemeIcon('symbol-number');
	item.contextValue = mention.finding ? `finding.${mention.finding.state}` : 'factMention';
	item.command = openCommand(mention.uri, mention.range);
	return item;
}
