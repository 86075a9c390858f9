import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RefreshingView } from './refreshingView';
import { openCommand } from './reviewFilter';
import { ReviewEntriesRequest, type ArticleAnnotations, type OrphanItem, type ReviewEntriesResult } from '../../server/src/protocol';

type AnnotationNode = { kind: 'annotation'; article: ArticleAnnotations; annotation: ArticleAnnotations['annotations'][number] };
export type AnnotationsNode =
	| { kind: 'article'; article: ArticleAnnotations }
	| AnnotationNode
	| { kind: 'orphans'; orphans: readonly OrphanItem[] }
	| { kind: 'orphan'; orphan: OrphanItem };

/**
 * The Annotations view: the reviewers' own annotations per article (label, text, note), and first, when
 * there are any, the decisions and annotations whose text is gone from their article — orphans, kept in
 * the review file until someone re-anchors or deletes them. A click opens the passage, or the entry in
 * its review file.
 */
export class AnnotationsView extends RefreshingView<AnnotationsNode> {
	/** The orphans last listed (the tests read them). */
	orphans: readonly OrphanItem[] = [];

	constructor(private readonly client: LanguageClient) {
		super();
	}

	async getChildren(node?: AnnotationsNode): Promise<AnnotationsNode[]> {
		switch (node?.kind) {
			case 'annotation':
			case 'orphan':
				return [];
			case 'article':
				return node.article.annotations.map((annotation) => ({ kind: 'annotation', article: node.article, annotation }));
			case 'orphans':
				return node.orphans.map((orphan) => ({ kind: 'orphan', orphan }));
		}
		if (this.client.state !== 2 /* Running */) {
			return [];
		}
		const result = await this.client.sendRequest<ReviewEntriesResult>(ReviewEntriesRequest.method);
		this.orphans = result.orphans;
		const orphans: AnnotationsNode[] = result.orphans.length > 0 ? [{ kind: 'orphans', orphans: result.orphans }] : [];
		return [...orphans, ...result.articles.map((article): AnnotationsNode => ({ kind: 'article', article }))];
	}

	getTreeItem(node: AnnotationsNode): vscode.TreeItem {
		switch (node.kind) {
			case 'article': {
				const item = new vscode.TreeItem(node.article.article, vscode.TreeItemCollapsibleState.Expanded);
				const n = node.article.annotations.length;
				item.description = `${n} annotation${n === 1 ? '' : 's'}`;
				item.resourceUri = vscode.Uri.parse(node.article.uri);
				item.iconPath = vscode.ThemeIcon.File;
				item.contextValue = 'article';
				return item;
			}
			case 'annotation': {
				const { annotation } = node;
				const text = annotation.text.length > 60 ? `${annotation.text.slice(0, 57)}…` : annotation.text;
				const item = new vscode.TreeItem(annotation.label, vscode.TreeItemCollapsibleState.None);
				item.description = `"${text.replace(/\s+/g, ' ')}" · line ${annotation.range.start.line + 1}${annotation.note ? ` · ${annotation.note}` : ''}`;
				item.tooltip = `${annotation.label}: "${annotation.text}"${annotation.note ? `\n${annotation.note}` : ''}${annotation.by ? `\n— ${annotation.by}` : ''}`;
				item.iconPath = new vscode.ThemeIcon('tag');
				item.contextValue = 'annotation';
				item.command = openCommand(node.article.uri, annotation.range);
				return item;
			}
			case 'orphans': {
				const item = new vscode.TreeItem('Orphaned entries', vscode.TreeItemCollapsibleState.Expanded);
				item.description = `${node.orphans.length}: text no longer in the article`;
				item.tooltip =
					'Decisions and annotations whose text was edited away. They stay in the review file until you re-anchor them (edit their text) or delete them.';
				item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
				item.contextValue = 'orphans';
				return item;
			}
			case 'orphan': {
				const { orphan } = node;
				const item = new vscode.TreeItem(`"${orphan.text.replace(/\s+/g, ' ')}"`, vscode.TreeItemCollapsibleState.None);
				item.description = `${orphan.kind === 'decision' ? 'decision on' : 'annotation'} ${orphan.label} · ${orphan.article}`;
				item.tooltip = `This ${orphan.kind} is anchored to text no longer in ${orphan.article}. Click to open its entry in the review file.`;
				item.iconPath = new vscode.ThemeIcon('debug-disconnect');
				item.contextValue = 'orphan';
				item.command = openCommand(orphan.uri, orphan.range);
				return item;
			}
		}
	}
}
