// `npm test`: builds, then runs every suite in turn and reports each one's summary.
//   1. node:test over the core, the language server (in memory and over stdio) and the CLI;
//   2. the TextMate grammar tests (headless);
//   3. the suite inside a real VS Code (code-server + headless Chromium; scripts/e2e/run.js installs
//      what it needs on first use).
// Every suite runs even when an earlier one fails, so one run shows everything that is broken.
// Set CROSSCHECK_SKIP_E2E=1 to leave out the real-VS-Code suite (for example on a machine without root).
import { spawnSync } from 'node:child_process';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command with inherited output; returns whether it succeeded. */
function step(title, command, args) {
	process.stdout.write(`\n=== ${title}\n`);
	const started = Date.now();
	const result = spawnSync(command, args, { stdio: 'inherit' });
	const ok = result.status === 0;
	process.stdout.write(
		`=== ${title}: ${ok ? 'ok' : `FAILED (exit ${result.status ?? result.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
	);
	return ok;
}

if (!step('build', npm, ['run', '--silent', 'build'])) {
	process.exit(1);
}
const results = [
	['format', step('format', npx, ['prettier', '--check', '--log-level', 'warn', '.'])],
	['unit, server and CLI tests', step('unit, server and CLI tests', process.execPath, ['--test', 'server/out/tests'])],
	[
		'grammar tests',
		step('grammar tests', npx, ['vscode-tmgrammar-test', '-g', 'syntaxes/news.tmLanguage.json', 'syntaxes/tests/*.test.news']),
	],
];
if (process.env.CROSSCHECK_SKIP_E2E === '1') {
	process.stdout.write('\n=== real VS Code suite: skipped (CROSSCHECK_SKIP_E2E=1)\n');
} else {
	results.push(['real VS Code suite', step('real VS Code suite', process.execPath, ['scripts/e2e/run.js'])]);
}
const failed = results.filter(([, ok]) => !ok).map(([name]) => name);
process.stdout.write(`\n${failed.length === 0 ? 'All suites passed.' : `FAILED: ${failed.join(', ')}`}\n`);
process.exit(failed.length === 0 ? 0 : 1);
