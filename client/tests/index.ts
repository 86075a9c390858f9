// Entry point of the end-to-end suite inside the VS Code extension host (the module passed as
// extensionTestsPath). VS Code calls run() once the window is up and ends the session when the promise
// settles: resolved means success, rejected means failure.
//
// Test files use Mocha's TDD interface (suite/test/suiteSetup/setup), like VS Code's own extension
// tests. Every *.test.js file in this folder and below is loaded, in name order.
//
// Environment:
//   CROSSCHECK_E2E_GREP   run only the tests whose full title matches this regular expression.
//   CROSSCHECK_E2E_PHASE  `reload`: run only the suites titled "[after reload]" (the driver's second launch
//                         of VS Code on the same workspace); otherwise every other suite.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/** The runner prints this prefix followed by JSON counts; scripts/e2e/run.js reads it for its summary. */
export const RESULT_PREFIX = '[e2e-result]';

/**
 * Marks console output from the extension host. The workbench forwards the extension host's console
 * into the same log as its own messages, so the driver (scripts/e2e/code-server-shim.js) prints only
 * the lines that start with this tag, without it.
 */
export const OUTPUT_TAG = '[e2e-out] ';

/** Suites that check what survives a reload of the window; they run in the driver's second launch only. */
const AFTER_RELOAD = /\[after reload\]/;

export interface E2eResult {
	passed: number;
	failed: number;
	pending: number;
}

export async function run(): Promise<void> {
	tagConsole();
	const mocha = new Mocha({
		ui: 'tdd',
		// Real editor work (activation, a language server starting, diagnostics arriving) is slow on
		// small machines; waits inside tests have their own shorter deadlines with clearer messages.
		timeout: 30_000,
		// The output ends up in a log, not a terminal.
		color: false,
		reporter: 'spec',
	});
	const grep = process.env.CROSSCHECK_E2E_GREP;
	if (process.env.CROSSCHECK_E2E_PHASE === 'reload') {
		mocha.grep(AFTER_RELOAD);
	} else if (grep) {
		mocha.grep(new RegExp(grep));
	} else {
		mocha.grep(AFTER_RELOAD).invert();
	}

	const files = findTestFiles(__dirname);
	if (files.length === 0) {
		// A suite that silently runs nothing would look like a pass.
		printResult({ passed: 0, failed: 1, pending: 0 });
		throw new Error(`no *.test.js files found under ${__dirname}`);
	}
	for (const file of files) mocha.addFile(file);

	let result: E2eResult;
	try {
		result = await new Promise<E2eResult>((resolve) => {
			const runner = mocha.run(() => {
				const stats = runner.stats;
				resolve({ passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, pending: stats?.pending ?? 0 });
			});
		});
	} catch (error) {
		// Loading a test file can throw (a syntax or import error); that is a failure, not a crash.
		printResult({ passed: 0, failed: 1, pending: 0 });
		throw error;
	}
	printResult(result);
	if (result.failed > 0) throw new Error(`${result.failed} end-to-end test(s) failed`);
}

function findTestFiles(dir: string): string[] {
	return fs
		.readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.test.js'))
		.sort()
		.map((name) => path.join(dir, name));
}

function printResult(result: E2eResult): void {
	console.log(`${RESULT_PREFIX} ${JSON.stringify(result)}`);
}

/**
 * Replaces the extension host's global console with one that formats each call into a single tagged
 * string. The workbench does not apply printf-style placeholders (Mocha's reporters rely on them) and
 * drops messages whose first argument is not a string, so both are resolved before the message leaves
 * the extension host. The console object itself cannot be patched: the extension host locks its methods
 * with no-op setters, so the global binding is swapped instead. Every `console` call made in the
 * extension host from now on (tests and the extension alike) reaches the driver's output.
 */
function tagConsole(): void {
	const original = globalThis.console;
	if ((original as { e2eTagged?: boolean }).e2eTagged) return;
	const tagged: Console & { e2eTagged?: boolean } = Object.create(original);
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		// Defined, not assigned: assignment would hit the inherited no-op setter.
		Object.defineProperty(tagged, method, {
			value: (...args: unknown[]) => original[method](OUTPUT_TAG + format(...args)),
			writable: true,
			configurable: true,
		});
	}
	Object.defineProperty(tagged, 'e2eTagged', { value: true });
	Object.defineProperty(globalThis, 'console', { value: tagged, writable: true, configurable: true });
	// Mocha's reporters keep their own reference to the console.log they found when first loaded.
	Mocha.reporters.Base.consoleLog = tagged.log;
}
