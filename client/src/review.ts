import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AddAliasRequest, ReviewRequest, type AddAliasParams, type ReviewParams, type ReviewResult } from '../../server/src/protocol';

/**
 * `crosscheck.reviewFinding`, run by the review code actions: asks for a reason (dismiss) or a note
 * where one is needed and not given, then has the server record the decision. Returns the review file
 * written, or `undefined` when the user cancelled or the server refused (its message is shown).
 */
export function registerReview(context: vscode.ExtensionContext, client: LanguageClient): void {
	context.subscriptions.push(
		vscode.commands.registerCommand('crosscheck.reviewFinding', async (params: ReviewParams): Promise<ReviewResult | undefined> => {
			let { reason, note } = params;
			if (params.action === 'dismiss' && !reason?.trim()) {
				reason = await vscode.window.showInputBox({
					title: `Dismiss this ${params.ruleId} finding`,
					prompt: 'Why is it not a problem? The reason is saved with the decision.',
					ignoreFocusOut: true,
					validateInput: (value) => (value.trim() ? undefined : 'A dismissal needs a reason.'),
				});
				if (reason === undefined) {
					return undefined;
				}
			}
			if (params.action === 'note' && !note?.trim()) {
				note = await vscode.window.showInputBox({
					title: 'Review note',
					prompt: 'A note to keep with this finding.',
					ignoreFocusOut: true,
				});
				if (!note?.trim()) {
					return undefined;
				}
			}
			try {
				return await client.sendRequest<ReviewResult>(ReviewRequest.method, { ...params, reason, note });
			} catch (error) {
				void vscode.window.showErrorMessage(`Crosscheck: ${(error as Error).message}`);
				return undefined;
			}
		}),
		// Run by the quick fix on a name variant: the spelling is declared legitimate in crosscheck.yaml.
		vscode.commands.registerCommand('crosscheck.addAlias', async (params: AddAliasParams): Promise<{ file: string } | undefined> => {
			try {
				const result = await client.sendRequest<{ file: string }>(AddAliasRequest.method, params);
				vscode.window.setStatusBarMessage(`Crosscheck: "${params.alias}" declared an alias of "${params.name}" in ${result.file}`, 5000);
				return result;
			} catch (error) {
				void vscode.window.showErrorMessage(`Crosscheck: ${(error as Error).message}`);
				return undefined;
			}
		}),
	);
}
