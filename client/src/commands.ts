import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STARTER_CONFIG } from '../../server/src/core/config/starter';
import { ReanalyseRequest, type ReanalyseResult } from '../../server/src/protocol';

/** Registers the palette commands. */
export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel): void {
	context.subscriptions.push(
		vscode.commands.registerCommand('crosscheck.reanalyse', async () => {
			const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Crosscheck: re-analysing' }, () =>
				client.sendRequest<ReanalyseResult>(ReanalyseRequest.method),
			);
			vscode.window.setStatusBarMessage(
				`Crosscheck: ${result.documents} articles analysed in ${(result.durationMs / 1000).toFixed(1)} s`,
				5000,
			);
			return result;
		}),
		vscode.commands.registerCommand('crosscheck.createConfig', () => createConfig()),
		vscode.commands.registerCommand('crosscheck.showOutput', () => output.show(true)),
	);
}

/**
 * Writes a commented starter crosscheck.yaml at the root of a workspace folder and opens it. An
 * existing file is never overwritten: it is opened instead.
 */
async function createConfig(): Promise<vscode.Uri | undefined> {
	const folders = vscode.workspace.workspaceFolders ?? [];
	const folder =
		folders.length <= 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Where should crosscheck.yaml go?' });
	if (!folder) {
		if (folders.length === 0) {
			void vscode.window.showErrorMessage('Crosscheck: open a folder first; crosscheck.yaml goes at its root.');
		}
		return undefined;
	}
	const target = vscode.Uri.joinPath(folder.uri, 'crosscheck.yaml');
	const exists = await vscode.workspace.fs.stat(target).then(
		() => true,
		() => false,
	);
	if (exists) {
		void vscode.window.showInformationMessage('Crosscheck: crosscheck.yaml already exists; it was left unchanged.');
	} else {
		const edit = new vscode.WorkspaceEdit();
		// createFile with ignoreIfExists never replaces a file that appeared in the meantime.
		edit.createFile(target, { ignoreIfExists: true, contents: new TextEncoder().encode(STARTER_CONFIG) });
		await vscode.workspace.applyEdit(edit);
		await vscode.workspace.save(target).then(undefined, () => undefined);
	}
	const document = await vscode.workspace.openTextDocument(target);
	await vscode.window.showTextDocument(document);
	return target;
}
