// Review decisions in a real VS Code: a finding dismissed with a reason leaves the Problems view, its
// decision is saved in the corpus, and it is still applied after the window is reloaded. The reload is
// a second launch of VS Code on the same workspace and user data (scripts/e2e/run.js runs the suites
// titled "[after reload]" then, and only then).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CrosscheckApi } from '../src/extension';
import type { FindingNode } from '../src/attributionView';
import type { CliRun } from '../src/interchange';
import type { FactGroupItem } from '../../server/src/protocol';
import { screenshot, waitFor } from './helpers';

const EXTENSION_ID = 'crosscheck.crosscheck';
const ARTICLE = 'kestrava-courier.txt';
const REVIEW_FILE = ['.crosscheck', 'annotations', 'kestrava-courier.txt.yaml'];
/** What the first launch dismissed, for the second launch to check. */
const STATE_FILE = '.e2e-review-state.json';

interface Dismissed {
	readonly text: string;
	readonly line: number;
	readonly remaining: number;
}

function folder(): vscode.Uri {
	const first = vscode.workspace.workspaceFolders?.[0];
	assert.ok(first, 'the demo corpus is open as a workspace folder');
	return first.uri;
}

function vagueFindings(uri: vscode.Uri): vscode.Diagnostic[] {
	return vscode.languages
		.getDiagnostics(uri)
		.filter((d) => d.source === 'crosscheck' && (typeof d.code === 'object' ? d.code.value : d.code) === 'vague-attribution');
}

async function activated(): Promise<CrosscheckApi> {
	const api = await vscode.extensions.getExtension<CrosscheckApi>(EXTENSION_ID)!.activate();
	await waitFor(() => api.status()?.state === 'idle' && api.status()!.documents >= 5, 'the scan of the corpus', 20_000, [
		api.onDidChangeStatus,
	]);
	return api;
}

suite('Review in VS Code', () => {
	suiteSetup(activated);

	test('dismisses a finding with a reason through its code action: it leaves the Problems view and is saved', async () => {
		const uri = vscode.Uri.joinPath(folder(), ARTICLE);
		const document = await vscode.workspace.openTextDocument(uri);
		await vscode.window.showTextDocument(document);
		const findings = await waitFor(() => {
			const found = vagueFindings(uri);
			return found.length > 0 ? found : undefined;
		}, `vague-attribution findings in ${ARTICLE}`);
		const finding = findings[0]!;
		const text = document.getText(finding.range);
		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, finding.range);
		const dismiss = actions.find((a) => a.title === 'Dismiss this vague-attribution finding…');
		assert.ok(dismiss?.command, `a Dismiss action among: ${actions.map((a) => a.title).join(' | ')}`);
		// The command asks for the reason in an input box; a reason passed along is used as typed.
		const [params] = dismiss.command.arguments as [Record<string, unknown>];
		const result = await vscode.commands.executeCommand<{ file: string } | undefined>(dismiss.command.command, {
			...params,
			reason: 'The council is named two paragraphs on.',
		});
		assert.deepEqual(result, { file: '.crosscheck/annotations/kestrava-courier.txt.yaml' });
		await waitFor(() => vagueFindings(uri).length === findings.length - 1, 'the dismissed finding to leave the Problems view');
		assert.ok(!vagueFindings(uri).some((d) => d.range.isEqual(finding.range)), 'the dismissed finding is no longer reported');
		const saved = fs.readFileSync(vscode.Uri.joinPath(folder(), ...REVIEW_FILE).fsPath, 'utf8');
		assert.match(saved, /status: dismissed\n\s+reason: The council is named two paragraphs on\./);
		const state: Dismissed = { text, line: finding.range.start.line, remaining: findings.length - 1 };
		fs.writeFileSync(vscode.Uri.joinPath(folder(), STATE_FILE).fsPath, JSON.stringify(state));
	});
	test('annotates a selection: decorated in the editor, explained on hover, saved with the review', async () => {
		const api = await activated();
		const uri = vscode.Uri.joinPath(folder(), 'northgate-wire.txt');
		const document = await vscode.workspace.openTextDocument(uri);
		const editor = await vscode.window.showTextDocument(document);
		const start = document.getText().indexOf('Kestrava');
		assert.ok(start >= 0, 'the article names Kestrava');
		editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + 'Kestrava'.length));
		const result = await vscode.commands.executeCommand<{ file: string } | undefined>(
			'crosscheck.annotateSelection',
			'needs-source',
			'Which gauge?',
		);
		assert.deepEqual(result, { file: '.crosscheck/annotations/northgate-wire.txt.yaml' });
		const drawn = await waitFor(() => {
			const found = api.annotations.drawn.get(uri.toString());
			return found && found.length > 0 ? found : undefined;
		}, 'the annotation to be drawn');
		assert.equal(drawn[0]!.label, 'needs-source');
		const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, document.positionAt(start + 2));
		const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
		assert.match(text, /\*\*Annotation\*\*: `needs-source` — Which gauge\?/);
	});
});

suite('The Crosscheck review views in VS Code', () => {
	test('list findings with their review state, filter them, decide them from the view, and badge the unreviewed', async () => {
		const api = await activated();
		const articleUri = vscode.Uri.joinPath(folder(), ARTICLE).toString();
		const findingsOf = async (): Promise<FindingNode[]> => {
			const roots = await api.views.attribution.getChildren();
			const article = roots.find((n) => n.kind === 'article' && n.article.uri === articleUri);
			return article ? ((await api.views.attribution.getChildren(article)) as FindingNode[]) : [];
		};
		// The first suite dismissed one vague source of this article: it is listed, dismissed, with its reason.
		const all = await waitFor(async () => {
			const found = await findingsOf();
			return found.some((n) => n.finding.state === 'dismissed') ? found : undefined;
		}, 'the dismissed finding in the Attribution view');
		const dismissed = all.filter((n) => n.finding.state === 'dismissed');
		assert.equal(dismissed.length, 1);
		assert.equal(dismissed[0]!.finding.reason, 'The council is named two paragraphs on.');
		assert.ok(all.length > 1, 'other attribution findings are listed too');

		await vscode.commands.executeCommand('crosscheck.filterFindings', 'dismissed');
		assert.deepEqual(
			(await findingsOf()).map((n) => n.finding.state),
			['dismissed'],
		);
		await vscode.commands.executeCommand('crosscheck.filterFindings', 'unreviewed');
		const unreviewed = await findingsOf();
		assert.equal(unreviewed.length, all.length - 1);
		assert.ok(unreviewed.every((n) => n.finding.state === 'unreviewed' || n.finding.state === 'open'));

		// The badge counts the unreviewed findings of the whole corpus.
		const before = api.status()!.unreviewed;
		assert.ok(before > 0);
		await waitFor(() => api.badged.badge?.value === before, `the badge to show ${before}`);

		// Confirm one from the view's context menu command: it leaves the unreviewed list and the count drops.
		const target = unreviewed[0]!;
		await vscode.commands.executeCommand('crosscheck.confirmFinding', target);
		await waitFor(() => api.status()!.unreviewed === before - 1, 'the unreviewed count to drop', 10_000, [api.onDidChangeStatus]);
		await waitFor(() => api.badged.badge?.value === before - 1, 'the badge to follow');
		await waitFor(
			async () => ((await findingsOf()).length === unreviewed.length - 1 ? true : undefined),
			'the confirmed finding to leave the list',
		);
		await vscode.commands.executeCommand('crosscheck.filterFindings', 'all');

		// The Annotations view lists the annotation the first suite made.
		const annotated = await api.views.annotations.getChildren();
		const northgate = annotated.find((n) => n.kind === 'article' && n.article.article === 'northgate-wire.txt');
		assert.ok(northgate && northgate.kind === 'article');
		assert.deepEqual(
			northgate.article.annotations.map((a) => [a.label, a.text, a.note]),
			[['needs-source', 'Kestrava', 'Which gauge?']],
		);

		await vscode.commands.executeCommand('workbench.view.extension.crosscheck');
		await new Promise((resolve) => setTimeout(resolve, 1500));
		await screenshot('review-view');
	});

	test('exports the annotations with the bundled command-line tool, and imports them back without duplicates', async () => {
		const out = path.join(os.tmpdir(), `crosscheck-e2e-${process.pid}.jsonl`);
		const exported = await vscode.commands.executeCommand<CliRun>('crosscheck.exportAnnotations', 'jsonl', out);
		assert.equal(exported?.code, 0, exported?.stderr);
		const lines = fs
			.readFileSync(out, 'utf8')
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l) as { file: string; text: string; label: [number, number, string][] });
		const northgate = lines.find((l) => l.file === 'northgate-wire.txt');
		assert.ok(northgate, `northgate-wire.txt among ${lines.map((l) => l.file).join(', ')}`);
		assert.deepEqual(
			northgate.label.map(([start, end, label]) => [[...northgate.text].slice(start, end).join(''), label]),
			[['Kestrava', 'needs-source']],
		);
		const reviewFile = vscode.Uri.joinPath(folder(), '.crosscheck', 'annotations', 'northgate-wire.txt.yaml').fsPath;
		const before = fs.readFileSync(reviewFile, 'utf8');
		const imported = await vscode.commands.executeCommand<CliRun>('crosscheck.importAnnotations', 'jsonl', out);
		assert.equal(imported?.code, 0, imported?.stderr);
		assert.equal(fs.readFileSync(reviewFile, 'utf8'), before, 'importing what is already there changes nothing');
		fs.rmSync(out, { force: true });
	});

	test("changes an entity's type from its light bulb: the label is saved and carried to the other article", async () => {
		const here = vscode.Uri.joinPath(folder(), 'harbour-ledger.txt');
		const there = vscode.Uri.joinPath(folder(), 'riverbend-dispatch.txt');
		const document = await vscode.workspace.openTextDocument(here);
		await vscode.window.showTextDocument(document);
		const at = document.positionAt(document.getText().indexOf('Oskar Lindqvist') + 2);
		const title = 'Change type of "Oskar Lindqvist" to organization (here and wherever the name occurs)';
		const action = await waitFor(async () => {
			const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
				'vscode.executeCodeActionProvider',
				here,
				new vscode.Range(at, at),
			);
			return actions.find((a) => a.title === title);
		}, `the action "${title}"`);
		assert.ok(action.command);
		await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
		const saved = fs.readFileSync(vscode.Uri.joinPath(folder(), '.crosscheck', 'annotations', 'harbour-ledger.txt.yaml').fsPath, 'utf8');
		assert.match(saved, /- label: organization\n\s+text: Oskar Lindqvist/);
		// The editor's underline follows the review file the server wrote.
		const api = await activated();
		await waitFor(
			() => api.annotations.drawn.get(here.toString())?.some((a) => a.label === 'organization'),
			'the new label to be drawn in the editor',
		);
		const other = await vscode.workspace.openTextDocument(there);
		const position = other.positionAt(other.getText().indexOf('Oskar Lindqvist') + 2);
		await waitFor(async () => {
			const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', there, position);
			const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
			return /Labelled organization by a reviewer/.test(text) ? text : undefined;
		}, 'the label to reach the other article');
	});

	test("opens the fact sheet of a figure conflict: every article's interval as a chart and a table, under a strict policy", async () => {
		const api = await activated();
		const uri = vscode.Uri.joinPath(folder(), ARTICLE);
		const document = await vscode.workspace.openTextDocument(uri);
		await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
		const conflict = await waitFor(
			() => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'figure-conflict' && document.getText(d.range) === '31'),
			'the figure conflict on "31"',
		);
		const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, conflict.range);
		const open = actions.find((a) => a.title.startsWith('Open the fact sheet'));
		assert.ok(open?.command, `an "Open the fact sheet" action among: ${actions.map((a) => a.title).join(' | ')}`);
		const group = await vscode.commands.executeCommand<FactGroupItem | undefined>(open.command.command, ...(open.command.arguments ?? []));
		assert.ok(group, 'the sheet found the group');
		assert.match(group.label, /^killed/);
		assert.equal(group.relation, 'conflict');
		const html = await waitFor(() => api.factSheet.html, 'the fact sheet');
		assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-[^']+'/);
		assert.doesNotMatch(html, /<script|https?:\/\//, 'no script and no remote resource');
		assert.equal(html.match(/<g class="bar/g)?.length, group.mentions.length, 'one bar per figure');
		for (const mention of group.mentions) {
			assert.ok(html.includes(`<td>${mention.text}</td>`), `the table lists "${mention.text}"`);
		}
		assert.ok(html.includes('The Kestrava Courier'), 'articles are named by outlet');
		// "at least 31" has no upper end: its bar runs on to the edge, with an arrow.
		assert.ok(group.mentions.some((m) => m.max === null) && html.includes('class="arrow"'), 'an open-ended figure is drawn open');
		await new Promise((resolve) => setTimeout(resolve, 1500));
		await screenshot('fact-sheet');
	});
});

suite('Review in VS Code [after reload]', () => {
	suiteSetup(activated);

	test('keeps the dismissal after the window is reloaded', async () => {
		const state = JSON.parse(fs.readFileSync(vscode.Uri.joinPath(folder(), STATE_FILE).fsPath, 'utf8')) as Dismissed;
		const uri = vscode.Uri.joinPath(folder(), ARTICLE);
		const document = await vscode.workspace.openTextDocument(uri);
		await waitFor(() => vagueFindings(uri).length === state.remaining, `${state.remaining} vague-attribution findings after the reload`);
		assert.ok(
			!vagueFindings(uri).some((d) => d.range.start.line === state.line && document.getText(d.range) === state.text),
			`"${state.text}" on line ${state.line + 1} stays dismissed`,
		);
	});
});
