import { CodeActionKind, TextEdit, type CodeAction, type Connection } from 'vscode-languageserver';

/** A spelling written the way another is: all capitals stays all capitals ("KESTRAWA" → "KESTRAVA"). */
export function matchCase(written: string, replacement: string): string {
	const letters = written.replace(/[^\p{L}]/gu, '');
	return letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
		? replacement.toUpperCase()
		: replacement;
}

/**
 * Quick fixes: on a `name-variant` finding, replace the spelling with the one most articles of the cluster
 * use. Built from the diagnostic's own data, so it needs no state and always matches what was reported.
 */
export function registerCodeActions(connection: Connection): void {
	connection.onCodeAction((params): CodeAction[] => {
		const actions: CodeAction[] = [];
		for (const diagnostic of params.context.diagnostics) {
			if (diagnostic.source !== 'crosscheck' || diagnostic.code !== 'name-variant') {
				continue;
			}
			const data = diagnostic.data as { spelling?: unknown; majority?: unknown } | undefined;
			if (typeof data?.spelling !== 'string' || typeof data.majority !== 'string') {
				continue;
			}
			const replacement = matchCase(data.spelling, data.majority);
			actions.push({
				title: `Replace "${data.spelling}" with "${replacement}" (the spelling most articles use)`,
				kind: CodeActionKind.QuickFix,
				diagnostics: [diagnostic],
				isPreferred: true,
				edit: { changes: { [params.textDocument.uri]: [TextEdit.replace(diagnostic.range, replacement)] } },
			});
		}
		return actions;
	});
}
