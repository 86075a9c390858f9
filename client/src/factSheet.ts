import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderFactSheet } from './factSheetHtml';
import { FactsRequest, type FactGroupItem, type FactMentionItem, type FactsParams, type FactsResult } from '../../server/src/protocol';

/**
 * The fact sheet: a webview beside the editor with every article's figure for one quantity, as a chart
 * and a table. Opened from a figure finding's code action or from a group in the Inconsistencies view;
 * one panel, re-pointed at each new quantity, redrawn when the analysis changes. No script runs in it:
 * links to passages are command links limited to `crosscheck.openPassage`.
 */
export class FactSheet implements vscode.Disposable {
	private panel: vscode.WebviewPanel | undefined;
	/** The figure the sheet is about (a position in an article): it is looked up again on refresh. */
	private source: FactsParams | undefined;
	/** The group last drawn (the tests read it). */
	group: FactGroupItem | undefined;
	private readonly disposables: vscode.Disposable[] = [];

	constructor(private readonly client: LanguageClient) {
		this.disposables.push(
			vscode.commands.registerCommand('crosscheck.openFactSheet', (arg?: FactsParams | { group: FactGroupItem }) => this.open(arg)),
		);
	}

	/** Opens the sheet for a figure (a position), a group of the Inconsistencies view, or the figure under the cursor. */
	async open(arg?: FactsParams | { group: FactGroupItem }): Promise<FactGroupItem | undefined> {
		let source: FactsParams | undefined;
		if (arg && 'group' in arg) {
			const first = arg.group.mentions[0];
			source = first ? { uri: first.uri, position: first.range.start } : undefined;
		} else if (arg) {
			source = arg;
		} else {
			const editor = vscode.window.activeTextEditor;
			source = editor ? { uri: editor.document.uri.toString(), position: editor.selection.active } : undefined;
		}
		if (!source) {
			return undefined;
		}
		this.source = source;
		const group = await this.lookup(source);
		if (!group) {
			void vscode.window.showInformationMessage('Crosscheck: no other article reports the figure here.');
			return undefined;
		}
		if (!this.panel) {
			this.panel = vscode.window.createWebviewPanel(
				'crosscheck.factSheet',
				'Fact sheet',
				{ viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
				{ enableScripts: false, enableCommandUris: ['crosscheck.openPassage'], localResourceRoots: [] },
			);
			this.panel.onDidDispose(() => {
				this.panel = undefined;
				this.group = undefined;
			});
		}
		this.draw(group);
		this.panel.reveal(undefined, true);
		return group;
	}

	private timer: NodeJS.Timeout | undefined;

	/** Redraws an open sheet soon after the analysis changed, coalescing bursts of status updates. */
	refreshSoon(): void {
		if (this.panel) {
			clearTimeout(this.timer);
			this.timer = setTimeout(() => void this.refresh(), 300);
		}
	}

	/** Redraws an open sheet after the analysis changed. */
	async refresh(): Promise<void> {
		if (this.panel && this.source) {
			this.draw(await this.lookup(this.source));
		}
	}

	private async lookup(source: FactsParams): Promise<FactGroupItem | undefined> {
		if (this.client.state !== 2 /* Running */) {
			return undefined;
		}
		const result = await this.client.sendRequest<FactsResult>(FactsRequest.method, source);
		return result.groups[0];
	}

	private draw(group: FactGroupItem | undefined): void {
		if (!this.panel) {
			return;
		}
		this.group = group;
		this.panel.title = group ? `Fact sheet: ${group.label}` : 'Fact sheet';
		this.panel.webview.html = renderFactSheet(group, {
			nonce: randomBytes(16).toString('base64'),
			openLink: (m: FactMentionItem) => `command:crosscheck.openPassage?${encodeURIComponent(JSON.stringify([m.uri, m.range]))}`,
		});
	}

	/** The HTML shown now (the tests read it). */
	get html(): string | undefined {
		return this.panel?.webview.html;
	}

	dispose(): void {
		clearTimeout(this.timer);
		this.panel?.dispose();
		for (const d of this.disposables) {
			d.dispose();
		}
	}
}
