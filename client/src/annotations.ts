import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AnnotateRequest, AnnotationsRequest, RemoveAnnotationRequest, type AnnotationsResult } from '../../server/src/protocol';

/**
 * Manual annotations in the editor: `Crosscheck: Annotate selection…` (pick a label, add an optional
 * note), `Crosscheck: Remove annotation`, and a decoration on every annotated span of the visible
 * articles (the hover, from the server, shows the label and note).
 */
export class Annotations implements vscode.Disposable {
	private readonly decoration = vscode.window.createTextEditorDecorationType({
		borderWidth: '0 0 2px 0',
		borderStyle: 'dotted',
		borderColor: new vscode.ThemeColor('editorInfo.foreground'),
		overviewRulerColor: new vscode.ThemeColor('editorInfo.foreground'),
		overviewRulerLane: vscode.OverviewRulerLane.Center,
	});
	private readonly disposables: vscode.Disposable[] = [];
	private timer: NodeJS.Timeout | undefined;
	/** The annotations last drawn, by document URI (the tests read them). */
	readonly drawn = new Map<string, AnnotationsResult['annotations']>();

	constructor(private readonly client: LanguageClient) {
		this.disposables.push(
			this.decoration,
			vscode.commands.registerCommand('crosscheck.annotateSelection', (label?: string, note?: string) => this.annotate(label, note)),
			vscode.commands.registerCommand('crosscheck.removeAnnotation', () => this.remove()),
			vscode.window.onDidChangeVisibleTextEditors(() => this.refreshSoon()),
			vscode.workspace.onDidChangeTextDocument(() => this.refreshSoon()),
		);
	}

	/** Redraws the decorations of every visible editor shortly, coalescing bursts. */
	refreshSoon(): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.refresh(), 150);
	}

	async refresh(): Promise<void> {
		for (const editor of vscode.window.visibleTextEditors) {
			const uri = editor.document.uri.toString();
			const result = await this.client
				.sendRequest<AnnotationsResult>(AnnotationsRequest.method, { uri })
				.catch(() => ({ annotations: [], labels: [] }));
			this.drawn.set(uri, result.annotations);
			editor.setDecorations(
				this.decoration,
				result.annotations.map((a) => ({
					range: new vscode.Range(a.range.start.line, a.range.start.character, a.range.end.line, a.range.end.character),
				})),
			);
		}
	}

	/** Annotates the active selection: with `label` (and `note`) when given, else asks for them. */
	private async annotate(label?: string, note?: string): Promise<{ file: string } | undefined> {
		const editor = vscode.window.activeTextEditor;
		if (!editor || editor.selection.isEmpty) {
			void vscode.window.showInformationMessage('Crosscheck: select the text to annotate first.');
			return undefined;
		}
		const uri = editor.document.uri.toString();
		if (label === undefined) {
			const { labels } = await this.client.sendRequest<AnnotationsResult>(AnnotationsRequest.method, { uri });
			label = await vscode.window.showQuickPick(labels, { title: 'Annotate selection', placeHolder: 'Label' });
			if (label === undefined) {
				return undefined;
			}
			note = await vscode.window.showInputBox({ title: `Annotate as ${label}`, prompt: 'An optional note', ignoreFocusOut: true });
			if (note === undefined) {
				return undefined;
			}
		}
		try {
			const result = await this.client.sendRequest<{ file: string }>(AnnotateRequest.method, {
				uri,
				range: editor.selection,
				label,
				...(note ? { note } : {}),
			});
			await this.refresh();
			return result;
		} catch (error) {
			void vscode.window.showErrorMessage(`Crosscheck: ${(error as Error).message}`);
			return undefined;
		}
	}

	/** Removes the annotations under the selection (or the cursor). */
	private async remove(): Promise<number> {
		const editor = vscode.window.activeTextEditor;
		if (!editor) {
			return 0;
		}
		try {
			const { removed } = await this.client.sendRequest<{ removed: number }>(RemoveAnnotationRequest.method, {
				uri: editor.document.uri.toString(),
				range: editor.selection,
			});
			if (removed === 0) {
				void vscode.window.showInformationMessage('Crosscheck: no annotation here.');
			}
			await this.refresh();
			return removed;
		} catch (error) {
			void vscode.window.showErrorMessage(`Crosscheck: ${(error as Error).message}`);
			return 0;
		}
	}

	dispose(): void {
		clearTimeout(this.timer);
		for (const d of this.disposables) {
			d.dispose();
		}
	}
}
