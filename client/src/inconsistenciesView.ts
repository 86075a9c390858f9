import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RefreshingView } from './refreshingView';
import { FactsRequest, type FactGroupItem, type FactMentionItem, type FactsResult } from '../../server/src/protocol';

type Node = { kind: 'group'; group: FactGroupItem } | { kind: 'mention'; group: FactGroupItem; mention: FactMentionItem };

const RELATION: Readonly<Record<FactGroupItem['relation'], { label: string; icon: string; color?: string }>> = {
	conflict: { label: 'cannot all be true', icon: 'warning', color: 'problemsWarningIcon.foreground' },
	divergent: { label: 'differ, can all be true', icon: 'info', color: 'problemsInfoIcon.foreground' },
	equal: { label: 'agree', icon: 'pass' },
};

/**
 * The Inconsistencies view: each quantity that several articles of a cluster report (the dead of the
 * flood, the arrested after the coup), conflicts first, with every article's figure; a click opens the passage.
 */
export class InconsistenciesView extends RefreshingView<Node> {
	constructor(private readonly client: LanguageClient) {
		super();
	}

	async getChildren(node?: Node): Promise<Node[]> {
		if (node?.kind === 'mention') {
			return [];
		}
		if (node?.kind === 'group') {
			return node.group.mentions.map((mention) => ({ kind: 'mention', group: node.group, mention }));
		}
		if (this.client.state !== 2 /* Running */) {
			return [];
		}
		const result = await this.client.sendRequest<FactsResult>(FactsRequest.method);
		return result.groups.map((group) => ({ kind: 'group', group }));
	}

	getTreeItem(node: Node): vscode.TreeItem {
		if (node.kind === 'group') {
			const { group } = node;
			const relation = RELATION[group.relation];
			const item = new vscode.TreeItem(
				group.label,
				group.relation === 'equal' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
			);
			const cluster = group.cluster === '' ? '' : ` · ${group.cluster}`;
			item.description = `${relation.label} · ${group.articles} articles${cluster}`;
			item.tooltip = `${group.label}: ${group.mentions.map((m) => `"${m.text}" (${m.article})`).join(', ')}`;
			item.iconPath = new vscode.ThemeIcon(relation.icon, relation.color ? new vscode.ThemeColor(relation.color) : undefined);
			item.contextValue = `factGroup.${group.relation}`;
			return item;
		}
		const { mention } = node;
		const item = new vscode.TreeItem(`"${mention.text}"`, vscode.TreeItemCollapsibleState.None);
		item.description = `${mention.article}:${mention.range.start.line + 1} · ${mention.interval}${mention.published ? ` · ${mention.published}` : ''}`;
		item.tooltip = `${mention.article}, line ${mention.range.start.line + 1}: "${mention.text}" = ${mention.interval}`;
		item.iconPath = new vscode.ThemeIcon('symbol-number');
		item.contextValue = 'factMention';
		const { start, end } = mention.range;
		item.command = {
			command: 'vscode.open',
			title: 'Open the passage',
			arguments: [vscode.Uri.parse(mention.uri), { selection: new vscode.Range(start.line, start.character, end.line, end.character) }],
		};
		return item;
	}
}
