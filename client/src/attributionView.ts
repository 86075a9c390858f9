import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RefreshingView } from './refreshingView';
import { openCommand, STATE_LOOK, type ReviewableNode, type ReviewFilter } from './reviewFilter';
import { FindingsRequest, type ArticleFindings, type FindingItem, type FindingsResult } from '../../server/src/protocol';

/** The rules the Attribution view lists. */
export const ATTRIBUTION_RULES = ['unattributed-quote', 'unattributed-claim', 'vague-attribution'] as const;

const RULE_NAMES: Readonly<Record<string, string>> = {
	'unattributed-quote': 'quote without a speaker',
	'unattributed-claim': 'claim without a source',
	'vague-attribution': 'vague source',
	'name-variant': 'name variant',
	'date-conflict': 'date conflict',
	'figure-arithmetic': 'parts do not add up',
	'quote-variant': 'quote worded differently',
};

export type FindingNode = { kind: 'finding'; uri: string; article: string; finding: FindingItem } & ReviewableNode;
export type AttributionNode = { kind: 'article'; article: ArticleFindings; findings: FindingItem[] } | FindingNode;

/** A finding as a tree node: what it is on, its review state, and the context menu that decides it. */
export function findingNode(uri: string, article: string, finding: FindingItem): FindingNode {
	return { kind: 'finding', uri, article, finding, target: { uri, ruleId: finding.ruleId, range: finding.range } };
}

/** How a finding shows in a review view; `withArticle` adds the article for lists that are not grouped by it. */
export function findingTreeItem(node: FindingNode, withArticle: boolean): vscode.TreeItem {
	const { finding } = node;
	const look = STATE_LOOK[finding.state];
	const text = finding.text.length > 80 ? `${finding.text.slice(0, 77)}…` : finding.text;
	const item = new vscode.TreeItem(text.replace(/\s+/g, ' '), vscode.TreeItemCollapsibleState.None);
	const where = withArticle ? `${node.article}:${finding.range.start.line + 1}` : `line ${finding.range.start.line + 1}`;
	item.description = `${RULE_NAMES[finding.ruleId] ?? finding.ruleId} · ${where}${finding.state === 'unreviewed' ? '' : ` · ${look.label}`}`;
	const tooltip = new vscode.MarkdownString();
	tooltip.appendText(finding.message);
	tooltip.appendMarkdown(`\n\n\`${finding.ruleId}\` · ${look.label}`);
	if (finding.reason) {
		tooltip.appendText(`\nReason: ${finding.reason}`);
	}
	if (finding.note) {
		tooltip.appendText(`\nNote: ${finding.note}`);
	}
	item.tooltip = tooltip;
	item.iconPath = new vscode.ThemeIcon(look.icon, look.color ? new vscode.ThemeColor(look.color) : undefined);
	item.contextValue = `finding.${finding.state}`;
	item.command = openCommand(node.uri, finding.range);
	return item;
}

/**
 * The Attribution view: per article, the quotes and claims without a source and the vague sources, with
 * their review state; the shared filter applies; a click opens the passage, the context menu decides.
 */
export class AttributionView extends RefreshingView<AttributionNode> {
	constructor(
		private readonly client: LanguageClient,
		private readonly filter: ReviewFilter,
	) {
		super();
	}

	async getChildren(node?: AttributionNode): Promise<AttributionNode[]> {
		if (node?.kind === 'finding') {
			return [];
		}
		if (node?.kind === 'article') {
			return node.findings.map((f) => findingNode(node.article.uri, node.article.article, f));
		}
		if (this.client.state !== 2 /* Running */) {
			return [];
		}
		const result = await this.client.sendRequest<FindingsResult>(FindingsRequest.method, { rules: ATTRIBUTION_RULES });
		return result.articles.flatMap((article): AttributionNode[] => {
			const findings = article.findings.filter((f) => this.filter.accepts(f.state));
			return findings.length > 0 ? [{ kind: 'article', article, findings }] : [];
		});
	}

	getTreeItem(node: AttributionNode): vscode.TreeItem {
		if (node.kind === 'finding') {
			return findingTreeItem(node, false);
		}
		const item = new vscode.TreeItem(node.article.article, vscode.TreeItemCollapsibleState.Expanded);
		const unreviewed = node.findings.filter((f) => f.state === 'unreviewed' || f.state === 'open').length;
		item.description = `${node.findings.length} finding${node.findings.length === 1 ? '' : 's'}${unreviewed > 0 ? `, ${unreviewed} unreviewed` : ''}`;
		item.resourceUri = vscode.Uri.parse(node.article.uri);
		item.iconPath = vscode.ThemeIcon.File;
		item.contextValue = 'article';
		return item;
	}
}
