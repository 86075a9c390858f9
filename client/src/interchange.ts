import { execFile } from 'node:child_process';
import * as vscode from 'vscode';

/** The formats `crosscheck export` writes, and whether each is a folder (brat) or one file. */
const EXPORT_FORMATS: readonly { format: string; label: string; detail: string; folder: boolean; extension: string }[] = [
	{ format: 'brat', label: 'brat standoff', detail: 'A .txt and .ann per article, in a folder', folder: true, extension: '' },
	{ format: 'jsonl', label: 'JSONL (doccano)', detail: 'One line per article: text and labelled spans', folder: false, extension: 'jsonl' },
	{
		format: 'webanno',
		label: 'W3C Web Annotation',
		detail: 'JSON-LD with text quote and position selectors',
		folder: false,
		extension: 'jsonld',
	},
	{ format: 'sarif', label: 'SARIF', detail: 'Findings, with review decisions as suppressions', folder: false, extension: 'sarif' },
	{ format: 'csv', label: 'CSV fact table', detail: 'Every figure with its interval, measure and event', folder: false, extension: 'csv' },
];

/** What a run of the command-line tool gave. */
export interface CliRun {
	readonly code: number;
	readonly stdout: string;
	readonly stderr: string;
}

/**
 * `Crosscheck: Export annotations…` and `Crosscheck: Import annotations…`: they run the bundled
 * `crosscheck` command (the same code as the CLI, so the files are the same) in the workspace folder,
 * with the editor's own runtime. Its messages go to the Crosscheck output channel.
 */
export function registerInterchange(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
	const cli = context.asAbsolutePath('server/dist/cli.js');
	const run = (folder: vscode.Uri, args: readonly string[]): Promise<CliRun> =>
		new Promise((resolve) => {
			output.info(`crosscheck ${args.join(' ')}`);
			execFile(
				process.execPath,
				[cli, ...args],
				{ cwd: folder.fsPath, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 256 * 1024 * 1024 },
				(error, stdout, stderr) => {
					const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
					if (stderr.trim()) {
						output.warn(stderr.trimEnd());
					}
					resolve({ code, stdout, stderr });
				},
			);
		});

	context.subscriptions.push(
		vscode.commands.registerCommand('crosscheck.exportAnnotations', async (format?: string, out?: string): Promise<CliRun | undefined> => {
			const folder = await pickFolder();
			if (!folder) {
				return undefined;
			}
			const chosen = format
				? EXPORT_FORMATS.find((f) => f.format === format)
				: await vscode.window.showQuickPick(EXPORT_FORMATS, { title: 'Crosscheck: export annotations as…' });
			if (!chosen) {
				return undefined;
			}
			let target = out;
			if (target === undefined) {
				const picked = chosen.folder
					? (
							await vscode.window.showOpenDialog({
								canSelectFolders: true,
								canSelectFiles: false,
								openLabel: 'Export here',
								title: 'An empty folder for the brat files',
							})
						)?.[0]
					: await vscode.window.showSaveDialog({
							defaultUri: vscode.Uri.joinPath(folder, `annotations.${chosen.extension}`),
							filters: { [chosen.label]: [chosen.extension] },
						});
				if (!picked) {
					return undefined;
				}
				target = picked.fsPath;
			}
			const result = await run(folder, ['export', '--format', chosen.format, '--out', target]);
			report(result, `Exported as ${chosen.label} to ${target}`, output);
			return result;
		}),
		vscode.commands.registerCommand('crosscheck.importAnnotations', async (format?: string, from?: string): Promise<CliRun | undefined> => {
			const folder = await pickFolder();
			if (!folder) {
				return undefined;
			}
			const chosen =
				format ??
				(
					await vscode.window.showQuickPick(
						[
							{ label: 'brat standoff', detail: 'A folder of .txt and .ann files', format: 'brat' },
							{ label: 'JSONL (doccano)', detail: 'One line per article', format: 'jsonl' },
						],
						{ title: 'Crosscheck: import annotations from…' },
					)
				)?.format;
			if (!chosen) {
				return undefined;
			}
			let source = from;
			if (source === undefined) {
				const picked = await vscode.window.showOpenDialog({
					canSelectFolders: chosen === 'brat',
					canSelectFiles: chosen !== 'brat',
					openLabel: 'Import',
					title: chosen === 'brat' ? 'The folder of .txt and .ann files' : 'The JSONL file',
				});
				if (!picked?.[0]) {
					return undefined;
				}
				source = picked[0].fsPath;
			}
			const result = await run(folder, ['import', '--format', chosen, source]);
			report(result, 'Annotations imported into the review files', output);
			return result;
		}),
	);
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
	const folders = vscode.workspace.workspaceFolders ?? [];
	if (folders.length <= 1) {
		if (folders.length === 0) {
			void vscode.window.showWarningMessage('Crosscheck: open the folder of your corpus first.');
		}
		return folders[0]?.uri;
	}
	return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which corpus?' }))?.uri;
}

/** Tells the user how it went: the tool's own summary, and its messages in the output channel. */
function report(result: CliRun, success: string, output: vscode.LogOutputChannel): void {
	const summary = (result.stderr.trim().split('\n').pop() ?? '').replace(/^crosscheck: /, '');
	if (result.code === 0) {
		void vscode.window.showInformationMessage(`Crosscheck: ${success}.${summary ? ` ${summary}` : ''}`);
	} else {
		void vscode.window
			.showErrorMessage(`Crosscheck: ${summary || `the command failed (exit ${result.code})`}`, 'Show output')
			.then((choice) => {
				if (choice) {
					output.show(true);
				}
			});
	}
}
