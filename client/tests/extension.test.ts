// The extension in a real VS Code, on a copy of the demo corpus (samples/). Every wait is driven by
// editor or server events with a deadline; nothing sleeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CrosscheckApi } from '../src/extension';
import { screenshot, waitFor } from './helpers';

const EXTENSION_ID = 'crosscheck.crosscheck';

function folder(): vscode.Uri {
	const first = vscode.workspace.workspaceFolders?.[0];
	assert.ok(first, 'the demo corpus is open as a workspace folder');
	return first.uri;
}

function crosscheckDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
	return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'crosscheck');
}

function codeOf(d: vscode.Diagnostic): string {
	return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

suite('Crosscheck in VS Code', () => {
	let api: CrosscheckApi;

	suiteSetup(async () => {
		const extension = vscode.extensions.getExtension<CrosscheckApi>(EXTENSION_ID);
		assert.ok(extension, `${EXTENSION_ID} is installed`);
		api = await extension.activate();
		await waitFor(() => api.status()?.state === 'idle' && api.status()!.documents >= 5, 'the first scan of the corpus', 20_000, [
			api.onDidChangeStatus,
		]);
	});

	test('analyses every article of the workspace, opened or not', async () => {
		const courier = vscode.Uri.joinPath(folder(), 'kestrava-courier.txt');
		const diagnostics = await waitFor(() => {
			const d = crosscheckDiagnostics(courier);
			return d.length > 0 ? d : undefined;
		}, 'diagnostics on the unopened kestrava-courier.txt');
		assert.ok(diagnostics.some((d) => codeOf(d) === 'vague-attribution'));
		assert.ok(diagnostics.some((d) => codeOf(d) === 'unattributed-quote'));
		assert.ok(
			diagnostics.every((d) =>
				[
					'vague-attribution',
					'unattributed-quote',
					'unattributed-claim',
					'quote-variant',
					'figure-conflict',
					'figure-divergence',
					'name-variant',
					'entity',
				].includes(codeOf(d)),
			),
		);
		// The courier's "31 dead" cannot match the wire's "29 dead": the finding links the other article.
		const conflict = diagnostics.find((d) => codeOf(d) === 'figure-conflict' && d.message.includes('"31"'));
		assert.ok(conflict, 'a figure-conflict on "31"');
		assert.ok(conflict.relatedInformation?.some((r) => r.location.uri.path.endsWith('/northgate-wire.txt')));
		const status = api.status()!;
		assert.equal(status.documents, 5);
		assert.ok(status.findings.information >= 5);
	});

	test('shows a finding inline and explains it on hover', async () => {
		const uri = vscode.Uri.joinPath(folder(), 'northgate-wire.txt');
		const document = await vscode.workspace.openTextDocument(uri);
		const editor = await vscode.window.showTextDocument(document);
		const finding = await waitFor(
			() => crosscheckDiagnostics(uri).find((d) => document.getText(d.range) === 'officials said'),
			'the "officials said" finding in northgate-wire.txt',
		);
		assert.equal(codeOf(finding), 'vague-attribution');
		assert.equal(finding.severity, vscode.DiagnosticSeverity.Information);

		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
			'vscode.executeHoverProvider',
			uri,
			finding.range.start.translate(0, 2),
		);
		const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
		assert.match(text, /Vague source/);
		assert.match(text, /`vague-attribution`/);

		editor.selection = new vscode.Selection(finding.range.start.translate(0, 2), finding.range.start.translate(0, 2));
		editor.revealRange(finding.range, vscode.TextEditorRevealType.InCenter);
		await vscode.commands.executeCommand('editor.action.showHover');
		await screenshot('diagnostics-and-hover', 15_000, '.monaco-hover .markdown-hover');
	});

	test('names the speaker of a quotation on hover and links a misquote in another article', async () => {
		const uri = vscode.Uri.joinPath(folder(), 'riverbend-dispatch.txt');
		const document = await vscode.workspace.openTextDocument(uri);
		const editor = await vscode.window.showTextDocument(document);
		const variant = await waitFor(
			() => crosscheckDiagnostics(uri).find((d) => codeOf(d) === 'quote-variant'),
			'the quote-variant finding in riverbend-dispatch.txt',
		);
		assert.match(document.getText(variant.range), /^There are people we have not been able to reach/);
		assert.ok(variant.relatedInformation?.some((r) => r.location.uri.path.endsWith('/northgate-wire.txt')));
		const at = variant.range.start.translate(0, 3);
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
		const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
		assert.match(text, /Speaker: \*\*José Ibáñez\*\*/);
		assert.match(text, /Cue: \*told\*/);
		assert.match(text, /northgate-wire\.txt:\d+\]\(.*\) \(1 word differs\)/);

		editor.selection = new vscode.Selection(at, at);
		editor.revealRange(variant.range, vscode.TextEditorRevealType.InCenter);
		await vscode.commands.executeCommand('editor.action.showHover');
		await screenshot('quote-hover', 15_000, '.monaco-hover .markdown-hover');
	});

	test("hovers a figure with the cluster's fact table and lists the conflict in the Inconsistencies view", async () => {
		const uri = vscode.Uri.joinPath(folder(), 'kestrava-courier.txt');
		const document = await vscode.workspace.openTextDocument(uri);
		const editor = await vscode.window.showTextDocument(document);
		const conflict = await waitFor(
			() => crosscheckDiagnostics(uri).find((d) => codeOf(d) === 'figure-conflict' && document.getText(d.range) === '31'),
			'the figure-conflict on "31" in kestrava-courier.txt',
		);
		const at = conflict.range.start.translate(0, 1);
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
		const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
		assert.match(text, /\*\*Figure\*\* "31" · killed/);
		assert.match(
			text,
			/\| \[Northgate Wire \(northgate-wire\.txt\):\d+\]\(file:[^)]*northgate-wire\.txt#L\d+,\d+\) \| 29 \| 29 \| [^|]+ \| \*\*cannot both be true\*\* \|/,
		);

		const view = api.views.inconsistencies;
		const groups = await view.getChildren();
		const killed = groups.find((g) => g.kind === 'group' && g.group.label.startsWith('killed —'));
		assert.ok(killed && killed.kind === 'group', `a "killed" group among ${groups.length}`);
		assert.equal(killed.group.relation, 'conflict');
		assert.equal(groups[0]?.kind === 'group' && groups[0].group.relation, 'conflict', 'conflicts come first');
		const mentions = await view.getChildren(killed);
		const courier = mentions.find((m) => m.kind === 'mention' && m.mention.uri === uri.toString() && m.mention.text === '31');
		assert.ok(courier, 'the courier\'s "31" is listed under the group');
		const item = view.getTreeItem(courier);
		assert.equal(item.command?.command, 'crosscheck.openPassage');
		await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
		await waitFor(
			() =>
				vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() &&
				document.getText(vscode.window.activeTextEditor.selection) === '31',
			'the passage to open with the figure selected',
		);

		editor.selection = new vscode.Selection(at, at);
		await vscode.commands.executeCommand('workbench.view.extension.crosscheck');
		await vscode.window.showTextDocument(document);
		await vscode.commands.executeCommand('editor.action.showHover');
		await screenshot('fact-table-hover', 15_000, '.monaco-hover .markdown-hover');
	});

	test('re-analyses on each edit', async () => {
		const uri = vscode.Uri.joinPath(folder(), 'harbour-ledger.txt');
		const document = await vscode.workspace.openTextDocument(uri);
		const editor = await vscode.window.showTextDocument(document);
		const before = await waitFor(() => {
			const d = crosscheckDiagnostics(uri);
			return d.length > 0 ? d.length : undefined;
		}, 'the first diagnostics of harbour-ledger.txt');
		const end = document.lineAt(document.lineCount - 1).range.end;
		assert.ok(await editor.edit((e) => e.insert(end, '\n\nIt is believed the gates were jammed.\n')));
		await waitFor(() => crosscheckDiagnostics(uri).length === before + 1, 'one more finding after the edit');
		assert.ok(crosscheckDiagnostics(uri).some((d) => document.getText(d.range) === 'It is believed'));
		await vscode.commands.executeCommand('undo');
		await waitFor(() => crosscheckDiagnostics(uri).length === before, 'the finding to go away after undo');
	});

	test('Re-analyse workspace runs and reports the corpus', async () => {
		const result = await vscode.commands.executeCommand<{ documents: number }>('crosscheck.reanalyse');
		assert.equal(result.documents, 5);
		await waitFor(() => api.status()?.state === 'idle', 'the server to be idle again', 10_000, [api.onDidChangeStatus]);
	});

	test('Create crosscheck.yaml opens the existing file and never overwrites it', async () => {
		const uri = vscode.Uri.joinPath(folder(), 'crosscheck.yaml');
		const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
		await vscode.commands.executeCommand('crosscheck.createConfig');
		await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString(), 'crosscheck.yaml to open');
		const after = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
		assert.equal(after, before);
	});

	test('reports a broken crosscheck.yaml in the file itself', async () => {
		const uri = vscode.Uri.joinPath(folder(), 'crosscheck.yaml');
		const document = await vscode.workspace.openTextDocument(uri);
		const editor = await vscode.window.showTextDocument(document);
		const line = [...Array(document.lineCount).keys()].find((i) => document.lineAt(i).text.includes('vague-attribution: information'));
		assert.ok(line !== undefined);
		const range = document.lineAt(line).range;
		assert.ok(await editor.edit((e) => e.replace(range, '  vague-attribution: loud')));
		const problem = await waitFor(
			() => crosscheckDiagnostics(uri).find((d) => codeOf(d) === 'invalid-config'),
			'an invalid-config diagnostic in crosscheck.yaml',
		);
		assert.equal(problem.range.start.line, line);
		assert.match(problem.message, /"rules\.vague-attribution" is "loud"/);
		await screenshot('config-error');
		await vscode.commands.executeCommand('undo');
		await waitFor(() => crosscheckDiagnostics(uri).length === 0, 'the config diagnostic to clear after undo');
	});
});

suite('Entities in VS Code', () => {
	suiteSetup(async () => {
		const api = await vscode.extensions.getExtension<CrosscheckApi>(EXTENSION_ID)!.activate();
		await waitFor(() => api.status()?.state === 'idle', 'the scan of the corpus', 20_000, [api.onDidChangeStatus]);
	});

	test('hovers an entity and finds its mentions across articles', async () => {
		const uri = vscode.Uri.joinPath(folder(), 'kestrava-courier.txt');
		const document = await vscode.workspace.openTextDocument(uri);
		const editor = await vscode.window.showTextDocument(document);
		const mention = await waitFor(
			() =>
				vscode.languages
					.getDiagnostics(uri)
					.find((d) => d.source === 'crosscheck' && codeOf(d) === 'entity' && /^person: Mattias Grell$/.test(d.message)),
			'the entity mark on Mattias Grell',
		);
		const position = mention.range.start.translate(0, 2);
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
		const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
		assert.match(text, /\*\*Mattias Grell\*\* · person/);
		assert.match(text, /mentions? in [2-9] articles/);

		const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, position);
		const files = new Set(references.map((r) => r.uri.path.split('/').pop()));
		assert.ok(files.has('kestrava-courier.txt') && files.size >= 2, `mentions in ${[...files].join(', ')}`);

		editor.selection = new vscode.Selection(position, position);
		editor.revealRange(mention.range, vscode.TextEditorRevealType.InCenter);
		await vscode.commands.executeCommand('workbench.view.extension.crosscheck');
		await vscode.window.showTextDocument(document);
		await vscode.commands.executeCommand('editor.action.showHover');
		await screenshot('entity-hover-and-view', 15_000, '.monaco-hover .markdown-hover');
	});
});
