import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RefreshingView } from './refreshingView';
import { ENTITY_TYPE_LABELS, EntitiesRequest, type EntitiesResult, type EntityItem } from '../../server/src/protocol';

type Node = { kind: 'type'; type: EntityItem['type']; items: EntityItem[] } | { kind: 'entity'; item: EntityItem };

const TYPE_ICON: Readonly<Record<EntityItem['type'], string>> = {
	person: 'person',
	organization: 'organization',
	place: 'location',
	other: 'symbol-misc',
	date: 'calendar',
	figure: 'symbol-number',
};

/** The Entities view: the corpus's named entities by type, most mentioned first; a click opens the first mention. */
export class EntitiesView extends RefreshingView<Node> {
	constructor(private readonly client: LanguageClient) {
		super();
	}

	async getChildren(node?: Node): Promise<Node[]> {
		if (node?.kind === 'entity') {
			return [];
		}
		if (node?.kind === 'type') {
			return node.items.map((item) => ({ kind: 'entity', item }));
		}
		if (this.client.state !== 2 /* Running */) {
			return [];
		}
		const result = await this.client.sendRequest<EntitiesResult>(EntitiesRequest.method);
		const byType = new Map<EntityItem['type'], EntityItem[]>();
		for (const item of result.entities) {
			(byType.get(item.type) ?? byType.set(item.type, []).get(item.type)!).push(item);
		}
		return (['person', 'organization', 'place', 'other'] as const)
			.filter((t) => byType.has(t))
			.map((type) => ({ kind: 'type', type, items: byType.get(type)! }));
	}

	getTreeItem(node: Node): vscode.TreeItem {
		if (node.kind === 'type') {
			const item = new vscode.TreeItem(ENTITY_TYPE_LABELS[node.type], vscode.TreeItemCollapsibleState.Expanded);
			item.description = String(node.items.length);
			item.iconPath = new vscode.ThemeIcon(TYPE_ICON[node.type]);
			return item;
		}
		const { item: entity } = node;
		const item = new vscode.TreeItem(entity.name, vscode.TreeItemCollapsibleState.None);
		item.description = `${entity.mentions} · ${entity.documents} article${entity.documents === 1 ? '' : 's'}`;
		item.tooltip = `${entity.name} (${entity.type}): ${entity.mentions} mention${entity.mentions === 1 ? '' : 's'} in ${entity.documents} article${entity.documents === 1 ? '' : 's'}`;
		item.iconPath = new vscode.ThemeIcon(TYPE_ICON[entity.type]);
		item.contextValue = 'entity';
		const uri = vscode.Uri.parse(entity.location.uri);
		const { start, end } = entity.location.range;
		item.command = {
			command: 'vscode.open',
			title: 'Open first mention',
			arguments: [uri, { selection: new vscode.Range(start.line, start.character, end.line, end.character) }],
		};
		return item;
	}

	/** Finds every mention of an entity of the view in the References panel. */
	static async findReferences(node: Node | undefined): Promise<void> {
		if (node?.kind !== 'entity') {
			return;
		}
		const { uri, range } = node.item.location;
		await vscode.commands.executeCommand(
			'editor.action.findReferences',
			vscode.Uri.parse(uri),
			new vscode.Position(range.start.line, range.start.character),
		);
	}
}
