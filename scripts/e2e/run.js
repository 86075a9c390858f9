#!/usr/bin/env node
// Runs the end-to-end suite in a real VS Code workbench (code-server in headless Chromium, see
// code-server-shim.js) through @vscode/test-electron's standard runTests() API, then prints
// `e2e: N passed, N failed` and exits non-zero when anything failed.
//
// Each run gets a fresh copy of the workspace fixture, so tests may edit, create and delete files, and
// fresh user-data and extensions folders, so no state leaks between runs.
//
// Environment:
//   CROSSCHECK_E2E_WORKSPACE   folder copied and opened as the workspace (default <repo>/samples).
//   CROSSCHECK_E2E_EXTENSION   extension folder under test (default the repository root).
//   CROSSCHECK_E2E_TESTS       compiled Mocha entry module (default <repo>/client/out/tests/index.js).
//   CROSSCHECK_E2E_GREP        run only tests whose full title matches this regular expression.
//   CROSSCHECK_E2E_KEEP=1      keep the temporary workspace and profile folders for inspection.
//   CROSSCHECK_E2E_TIMEOUT_MS, CROSSCHECK_E2E_SCREENSHOTS, CROSSCHECK_E2E_CACHE, CROSSCHECK_E2E_VERBOSE:
//                              see code-server-shim.js.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SHIM = path.join(__dirname, 'code-server-shim.js');
const RESULT_LINE = /^\[e2e-result\] (\{.*\})\s*$/m;

const workspaceSource = path.resolve(process.env.CROSSCHECK_E2E_WORKSPACE || path.join(REPO_ROOT, 'samples'));
const extensionPath = path.resolve(process.env.CROSSCHECK_E2E_EXTENSION || REPO_ROOT);
const testsPath = path.resolve(process.env.CROSSCHECK_E2E_TESTS || path.join(REPO_ROOT, 'client', 'out', 'tests', 'index.js'));
const screenshotDir = path.resolve(process.env.CROSSCHECK_E2E_SCREENSHOTS || path.join(REPO_ROOT, '.e2e', 'screenshots'));

function fail(message) {
	console.error(`e2e: ${message}`);
	console.log('e2e: 0 passed, 0 failed (not run)');
	process.exit(1);
}

/**
 * Mirrors stdout while looking for the result line the suite prints; runTests() forwards the child's
 * output in arbitrary chunks, so lines are reassembled first.
 */
function watchStdout(onLine) {
	const write = process.stdout.write.bind(process.stdout);
	let pending = '';
	process.stdout.write = (chunk, ...rest) => {
		pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
		const lines = pending.split('\n');
		pending = lines.pop();
		for (const line of lines) onLine(line);
		return write(chunk, ...rest);
	};
	return () => {
		if (pending) onLine(pending);
		process.stdout.write = write;
	};
}

async function main() {
	const setup = spawnSync('bash', [path.join(__dirname, 'setup.sh')], { stdio: 'inherit' });
	if (setup.status !== 0) fail('setup failed (see above)');

	if (!fs.existsSync(path.join(extensionPath, 'package.json'))) fail(`no extension manifest in ${extensionPath}`);
	if (!fs.existsSync(testsPath)) fail(`${testsPath} does not exist; compile the tests first (npx tsc -p client/tests)`);
	if (!fs.statSync(workspaceSource, { throwIfNoEntry: false })?.isDirectory()) {
		fail(`workspace fixture ${workspaceSource} is not a folder`);
	}

	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-e2e-'));
	// Keeping the fixture's folder name makes the explorer and screenshots show the familiar name.
	const workspace = path.join(scratch, path.basename(workspaceSource));
	const userDataDir = path.join(scratch, 'user-data');
	const extensionsDir = path.join(scratch, 'extensions');
	fs.cpSync(workspaceSource, workspace, { recursive: true });
	fs.mkdirSync(userDataDir);
	fs.mkdirSync(extensionsDir);
	const keep = /^(1|true|yes)$/i.test(process.env.CROSSCHECK_E2E_KEEP || '');
	process.on('exit', () => {
		if (keep) console.error(`e2e: kept ${scratch}`);
		else fs.rmSync(scratch, { recursive: true, force: true });
	});

	// Each run's screenshots describe that run only. Only PNG files are removed, in case the folder
	// was pointed somewhere that holds other files.
	for (const name of fs.existsSync(screenshotDir) ? fs.readdirSync(screenshotDir) : []) {
		if (name.endsWith('.png')) fs.rmSync(path.join(screenshotDir, name), { force: true });
	}

	const launches = [{ phase: 'first' }];
	// The second launch reopens the same workspace with the same user data: a reload of the window.
	// With CROSSCHECK_E2E_GREP only the chosen tests run, in one launch.
	if (!process.env.CROSSCHECK_E2E_GREP) launches.push({ phase: 'reload' });
	const totals = { passed: 0, failed: 0, pending: 0 };
	const started = Date.now();
	let exitCode = 0;
	for (const { phase } of launches) {
		const { result, code } = await launch(phase, { workspace, userDataDir, extensionsDir });
		if (!result) {
			console.log(`e2e: the ${phase} launch reported no result (exit code ${code})`);
			exitCode = code || 1;
			break;
		}
		totals.passed += Number(result.passed) || 0;
		totals.failed += Number(result.failed) || 0;
		totals.pending += Number(result.pending) || 0;
		if (code !== 0 || result.failed > 0) {
			exitCode = code || 1;
			break;
		}
	}
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const { passed, failed, pending } = totals;
	console.log(
		`e2e: ${passed} passed, ${failed} failed${pending ? `, ${pending} pending` : ''} (${launches.length} launches, ${seconds} s)`,
	);
	process.exit(exitCode !== 0 ? exitCode : failed > 0 ? 1 : 0);
}

/** Runs the suite in one launch of VS Code and returns the counts it printed and the exit code. */
async function launch(phase, { workspace, userDataDir, extensionsDir }) {
	let result;
	const stopWatching = watchStdout((line) => {
		const match = RESULT_LINE.exec(line);
		if (match) {
			try {
				result = JSON.parse(match[1]);
			} catch {
				// A garbled line is treated as no result.
			}
		}
	});
	let code;
	try {
		code = await runTests({
			vscodeExecutablePath: SHIM,
			extensionDevelopmentPath: extensionPath,
			extensionTestsPath: testsPath,
			launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`],
			extensionTestsEnv: { CROSSCHECK_E2E_SCREENSHOTS: screenshotDir, CROSSCHECK_E2E_PHASE: phase },
		});
	} catch (error) {
		code = typeof error.code === 'number' ? error.code : 1;
		if (typeof error.code !== 'number') console.error(`e2e: ${error.message}`);
	} finally {
		stopWatching();
	}
	return { result, code };
}

main().catch((error) => fail(error.stack || String(error)));
