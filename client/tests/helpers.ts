// Helpers for end-to-end tests running in the VS Code extension host.
//
// Waiting is driven by editor events rather than fixed sleeps: the probe is re-checked whenever
// diagnostics, documents, editors or selections change, with a slow poll as a fallback for state that
// raises no event (hovers, command results, files written by other processes).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const POLL_MS = 200;

/**
 * Resolves with the first value of `probe()` that is neither undefined, null nor false; throws once `ms`
 * milliseconds pass without one. `what` describes the awaited state for the error message, e.g.
 * "a diagnostic on article-1.md". Errors thrown by the probe count as "not yet" and the last one is
 * reported on timeout. `events` adds further triggers to the default editor events.
 */
export async function waitFor<T>(
	probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
	what: string,
	ms = 10_000,
	events: readonly vscode.Event<unknown>[] = [],
): Promise<T> {
	const triggers: vscode.Event<unknown>[] = [
		vscode.languages.onDidChangeDiagnostics,
		vscode.workspace.onDidOpenTextDocument,
		vscode.workspace.onDidChangeTextDocument,
		vscode.window.onDidChangeActiveTextEditor,
		vscode.window.onDidChangeVisibleTextEditors,
		vscode.window.onDidChangeTextEditorSelection,
		...events,
	];
	return new Promise<T>((resolve, reject) => {
		const disposables: vscode.Disposable[] = [];
		let settled = false;
		let running = false;
		let again = false;
		let lastError: unknown;
		let lastValue: unknown;

		const settle = (outcome: () => void): void => {
			if (settled) return;
			settled = true;
			clearTimeout(deadline);
			clearInterval(poll);
			for (const d of disposables) d.dispose();
			outcome();
		};
		// Probes never overlap: an event arriving during a slow probe schedules exactly one more run.
		const check = async (): Promise<void> => {
			if (settled) return;
			if (running) {
				again = true;
				return;
			}
			running = true;
			try {
				const value = await probe();
				lastError = undefined;
				lastValue = value;
				if (value !== undefined && value !== null && value !== false) {
					settle(() => resolve(value as T));
				}
			} catch (error) {
				lastError = error;
			} finally {
				running = false;
			}
			if (again) {
				again = false;
				void check();
			}
		};

		const deadline = setTimeout(() => {
			const detail =
				lastError !== undefined
					? `; the last check threw: ${lastError instanceof Error ? lastError.message : String(lastError)}`
					: `; the last check returned ${String(lastValue)}`;
			settle(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}${detail}`)));
		}, ms);
		const poll = setInterval(() => void check(), POLL_MS);
		for (const event of triggers) disposables.push(event(() => void check()));
		void check();
	});
}

/**
 * The folder the test driver writes screenshots to. The driver passes it in the environment; the
 * fallback is the repository's .e2e/screenshots, seen from the compiled client/out/tests folder.
 */
export function screenshotDir(): string {
	return process.env.CROSSCHECK_E2E_SCREENSHOTS ?? path.resolve(__dirname, '..', '..', '..', '.e2e', 'screenshots');
}

/**
 * Asks the test driver for a screenshot of the whole workbench, saved as `<screenshotDir()>/<name>.png`,
 * and resolves with its path once the file exists. The driver writes under a temporary name and renames,
 * so an existing file is complete. Names may use letters, digits, '.', '_' and '-'. With `afterSelector`
 * the driver first waits (up to 5 s) for that element of the workbench to be visible, e.g. a hover.
 */
export async function screenshot(name: string, ms = 15_000, afterSelector?: string): Promise<string> {
	if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`invalid screenshot name: ${JSON.stringify(name)}`);
	const file = path.join(screenshotDir(), `${name}.png`);
	// A file left over from an earlier run would otherwise satisfy the wait immediately.
	fs.rmSync(file, { force: true });
	console.log(afterSelector ? `[screenshot] ${name} after=${afterSelector}` : `[screenshot] ${name}`);
	return waitFor(() => (fs.existsSync(file) ? file : undefined), `screenshot ${file}`, ms);
}
