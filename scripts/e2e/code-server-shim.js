#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests() spawns.
//
// Desktop VS Code cannot be downloaded on the machines that run these tests, so this script accepts the
// Electron-style command line runTests() builds and runs the same extension tests in code-server (the
// real VS Code workbench and Node extension host) shown in Debian's headless Chromium, driven through
// playwright-core. The test output is printed to stdout and the process exits with the suite's exit
// code, which is all runTests() needs from an executable.
//
// Environment:
//   CROSSCHECK_E2E_TIMEOUT_MS   overall deadline for one run (default 240000).
//   CROSSCHECK_E2E_SCREENSHOTS  folder for screenshots (default <repo>/.e2e/screenshots); it is also
//                               handed to the extension host so the test helpers poll the same folder.
//   CROSSCHECK_E2E_CACHE        where setup.sh installed code-server (default ~/.cache/crosscheck-e2e).
//   CROSSCHECK_E2E_CHROMIUM     browser executable (default /usr/bin/chromium).
//   CROSSCHECK_E2E_VERBOSE=1    also print the workbench's own log, the page console and code-server output.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const CODE_SERVER_VERSION = '4.100.3';
const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CACHE_DIR = process.env.CROSSCHECK_E2E_CACHE || path.join(os.homedir(), '.cache', 'crosscheck-e2e');
const CODE_SERVER_ENTRY = path.join(
	CACHE_DIR,
	`code-server-${CODE_SERVER_VERSION}`,
	'node_modules',
	'code-server',
	'out',
	'node',
	'entry.js',
);
const CHROMIUM = process.env.CROSSCHECK_E2E_CHROMIUM || '/usr/bin/chromium';
const SCREENSHOT_DIR = path.resolve(process.env.CROSSCHECK_E2E_SCREENSHOTS || path.join(REPO_ROOT, '.e2e', 'screenshots'));
const TIMEOUT_MS = Number(process.env.CROSSCHECK_E2E_TIMEOUT_MS) || 240_000;
const VERBOSE = /^(1|true|yes)$/i.test(process.env.CROSSCHECK_E2E_VERBOSE || '');
const STARTUP_TIMEOUT_MS = 30_000;

// The flags recommended for headless Chromium in containers; background networking and component
// updates would only produce failed requests on machines without general internet access.
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

// The workbench passes its own log and the extension host's console output through the same
// codeAutomationLog channel, without marking which is which. The test runner module
// (client/tests/index.ts) therefore prefixes all extension-host console output with this tag; tagged
// messages are the test output and are printed, the rest only when verbose.
const OUTPUT_TAG = '[e2e-out] ';
// A test output line of this form asks for a screenshot; the name becomes the file name.
// An optional `after=<CSS selector>` makes the shot wait (up to 5 s) until that element is visible, for
// UI that the extension API cannot observe, such as a hover widget.
const SCREENSHOT_REQUEST = /\[screenshot\] ([A-Za-z0-9._-]+)(?: after=(.+))?$/;

function info(message) {
	process.stderr.write(`e2e shim: ${message}\n`);
}

/**
 * Reads the command line runTests() passes: `--name=value` or `--name value` for the options that matter
 * here, the first bare argument as the folder (or .code-workspace file) to open, and every other flag
 * (--no-sandbox, --disable-extensions, --skip-welcome, ...) ignored because it has no code-server
 * equivalent or is already the default here.
 */
function parseArgs(argv) {
	const valued = new Set(['extensionTestsPath', 'extensionDevelopmentPath', 'user-data-dir', 'extensions-dir']);
	const options = { extensionDevelopmentPath: [], positional: [] };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const match = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
		if (!match) {
			options.positional.push(arg);
			continue;
		}
		const name = match[1];
		if (!valued.has(name)) continue;
		let value = match[2];
		if (value === undefined) value = argv[++i];
		if (value === undefined || value === '') throw new Error(`--${name} needs a value`);
		if (name === 'extensionDevelopmentPath') options.extensionDevelopmentPath.push(path.resolve(value));
		else options[name] = path.resolve(value);
	}
	return options;
}

/** Asks the kernel for a free port on the loopback interface. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function httpStatus(url) {
	return new Promise((resolve) => {
		const request = http.get(url, (response) => {
			response.resume();
			resolve(response.statusCode);
		});
		request.on('error', () => resolve(0));
		request.setTimeout(2000, () => request.destroy());
	});
}

/** Keeps the last lines of a stream, to show with a failure without flooding a passing run. */
class Tail {
	constructor(limit) {
		this.limit = limit;
		this.lines = [];
	}
	push(text) {
		for (const line of text.split('\n')) {
			if (!line) continue;
			this.lines.push(line);
			if (this.lines.length > this.limit) this.lines.shift();
		}
	}
	toString() {
		return this.lines.join('\n');
	}
}

/** Turns an absolute path into a vscode-remote URI the workbench resolves against this code-server. */
function remoteUri(authority, absolutePath) {
	const encoded = absolutePath.split(path.sep).map(encodeURIComponent).join('/');
	return `vscode-remote://${authority}${encoded}`;
}

class Session {
	constructor(options) {
		this.scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-e2e-shim-'));
		this.options = {
			...options,
			userDataDir: options.userDataDir || path.join(this.scratch, 'user-data'),
			extensionsDir: options.extensionsDir || path.join(this.scratch, 'extensions'),
		};
		// code-server does not create missing parents of these folders and then silently finds no extensions.
		fs.mkdirSync(this.options.userDataDir, { recursive: true });
		fs.mkdirSync(this.options.extensionsDir, { recursive: true });
		writeDefaultSettings(this.options.userDataDir);
		this.serverLog = new Tail(60);
		this.server = undefined;
		this.browser = undefined;
		this.page = undefined;
		this.screenshots = Promise.resolve();
		this.closed = false;
		// Settles with the suite's exit code, or rejects when something outside the tests fails.
		this.finished = new Promise((resolve, reject) => {
			this.finish = resolve;
			this.abort = reject;
		});
		// Marks the rejection as handled even before anyone awaits it; awaiting still sees it.
		this.finished.catch(() => {});
	}

	/** Starts code-server on a free port, retrying in case another process takes the port first. */
	async startServer() {
		for (let attempt = 1; ; attempt++) {
			const port = await freePort();
			const started = await this.tryStartServer(port);
			if (started) return port;
			if (attempt === 3) {
				throw new Error(`code-server did not start; its last output:\n${this.serverLog}`);
			}
		}
	}

	async tryStartServer(port) {
		const { options } = this;
		const env = { ...process.env };
		// Inherited from a VS Code terminal, this would turn code-server into a client of that editor.
		delete env.VSCODE_IPC_HOOK_CLI;
		delete env.CODE_SERVER_PARENT_PID;
		// code-server lets $PORT override --bind-addr.
		delete env.PORT;
		// The extension gallery is unreachable here; a closed local port makes the lookups fail at once.
		env.EXTENSIONS_GALLERY = JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/' });
		Object.assign(env, this.privateXdg());
		// The extension host inherits this, so the test helpers wait for files in the same folder.
		env.CROSSCHECK_E2E_SCREENSHOTS = SCREENSHOT_DIR;

		const args = [
			CODE_SERVER_ENTRY,
			'--bind-addr',
			`127.0.0.1:${port}`,
			'--auth',
			'none',
			'--disable-telemetry',
			'--disable-update-check',
			'--disable-workspace-trust',
			'--disable-getting-started-override',
			'--ignore-last-opened',
			'--user-data-dir',
			options.userDataDir,
			'--extensions-dir',
			options.extensionsDir,
		];
		// Detached, so the whole process group (server, extension host, pty host) can be stopped together.
		const server = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		this.server = server;
		const collect = (chunk) => {
			const text = chunk.toString();
			this.serverLog.push(text);
			if (VERBOSE) process.stderr.write(text.replace(/^/gm, '[code-server] '));
		};
		server.stdout.on('data', collect);
		server.stderr.on('data', collect);
		let exited = false;
		server.on('exit', () => (exited = true));

		const deadline = Date.now() + STARTUP_TIMEOUT_MS;
		while (Date.now() < deadline && !exited) {
			if ((await httpStatus(`http://127.0.0.1:${port}/healthz`)) === 200) {
				// From now on the tests depend on this server, so its death ends the run.
				server.on('exit', (code, signal) => {
					if (!this.closed) {
						this.abort(new Error(`code-server exited early (${signal || code}); its last output:\n${this.serverLog}`));
					}
				});
				return true;
			}
			await sleep(100);
		}
		await this.stopServer();
		return false;
	}

	/**
	 * code-server (config file, logs, device id) and Chromium (crash database, dconf) write under the
	 * XDG folders, by default in $HOME; pointing them into the session's scratch folder leaves the
	 * home folder untouched and keeps runs independent.
	 */
	privateXdg() {
		return {
			XDG_CONFIG_HOME: path.join(this.scratch, 'config'),
			XDG_DATA_HOME: path.join(this.scratch, 'data'),
			XDG_CACHE_HOME: path.join(this.scratch, 'cache'),
		};
	}

	/**
	 * Stops code-server and everything it started. Waiting for the whole process group, not just the
	 * first process, matters: code-server runs the actual server in a child process, which could
	 * otherwise still be writing into the scratch folder while it is being removed.
	 */
	async stopServer() {
		const server = this.server;
		if (!server) return;
		killGroup(server.pid, 'SIGTERM');
		// Everything it wrote is thrown away, so a short grace period is enough before forcing it.
		if (await groupGone(server.pid, 1000)) return;
		killGroup(server.pid, 'SIGKILL');
		await groupGone(server.pid, 2000);
	}

	async openWorkbench(port) {
		const { options } = this;
		// Required lazily so that a missing dev dependency is reported as an error instead of a stack trace.
		const { chromium } = require('playwright-core');
		this.browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: CHROMIUM_ARGS,
			headless: true,
			env: { ...process.env, ...this.privateXdg() },
			// Signals are handled below, where code-server is stopped as well.
			handleSIGINT: false,
			handleSIGTERM: false,
			handleSIGHUP: false,
		});
		this.browser.on('disconnected', () => {
			if (!this.closed) this.abort(new Error('the browser closed unexpectedly'));
		});
		const page = await this.browser.newPage({ viewport: { width: 1280, height: 800 } });
		this.page = page;
		page.on('crash', () => {
			if (!this.closed) this.abort(new Error('the workbench page crashed'));
		});
		if (VERBOSE) {
			// Informational console messages repeat what codeAutomationLog receives; problems may not.
			page.on('console', (message) => {
				if (message.type() === 'error' || message.type() === 'warning') {
					process.stderr.write(`[page ${message.type()}] ${message.text()}\n`);
				}
			});
			page.on('pageerror', (error) => process.stderr.write(`[page error] ${error.message}\n`));
		}

		// The workbench reports through these two globals when it runs extension tests from the command
		// line; they must exist before its scripts load, hence before navigating.
		await page.exposeFunction('codeAutomationLog', (type, args) => this.onLog(type, args));
		await page.exposeFunction('codeAutomationExit', (code) => {
			// A requested screenshot must be written before the browser goes away.
			this.screenshots.then(() => this.finish(typeof code === 'number' ? code : 1));
		});

		const authority = `127.0.0.1:${port}`;
		const payload = [
			...options.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', remoteUri(authority, p)]),
			['extensionTestsPath', remoteUri(authority, options.extensionTestsPath)],
			['skipWelcome', 'true'],
		];
		const query = new URLSearchParams();
		if (options.workspace) {
			query.set(options.workspace.endsWith('.code-workspace') ? 'workspace' : 'folder', options.workspace);
		}
		query.set('payload', JSON.stringify(payload));
		await page.goto(`http://${authority}/?${query}`, { waitUntil: 'domcontentloaded' });
	}

	onLog(type, args) {
		const text = Array.isArray(args) ? args.map(String).join(' ') : String(args);
		if (text.startsWith(OUTPUT_TAG)) {
			process.stdout.write(`${text.slice(OUTPUT_TAG.length)}\n`);
		} else if (VERBOSE) {
			process.stdout.write(`[workbench ${type}] ${text}\n`);
		}
		// Requests are honoured tagged or not, so a runner that does not tag its output can still ask.
		const request = SCREENSHOT_REQUEST.exec(text);
		if (request) this.takeScreenshot(request[1], request[2]);
	}

	/** Queues a screenshot; the file appears under its final name only once it is complete. */
	takeScreenshot(name, afterSelector) {
		this.screenshots = this.screenshots.then(async () => {
			if (afterSelector) {
				await this.page
					.waitForSelector(afterSelector, { state: 'visible', timeout: 5000 })
					.catch(() => info(`screenshot ${name}: ${afterSelector} did not appear within 5 s; taking it anyway`));
			}
			const file = path.join(SCREENSHOT_DIR, `${name}.png`);
			const partial = path.join(SCREENSHOT_DIR, `.${name}.${process.pid}.partial.png`);
			try {
				fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
				await this.page.screenshot({ path: partial });
				fs.renameSync(partial, file);
				// On stdout, so the notice appears in order with the test output that asked for it.
				const shown = file.startsWith(REPO_ROOT + path.sep) ? path.relative(REPO_ROOT, file) : file;
				process.stdout.write(`screenshot saved: ${shown}\n`);
			} catch (error) {
				fs.rmSync(partial, { force: true });
				info(`screenshot ${name} failed: ${error.message}`);
			}
		});
	}

	async close() {
		if (this.closed) return;
		this.closed = true;
		const started = Date.now();
		if (this.browser) await Promise.race([this.browser.close().catch(() => {}), sleep(5000)]);
		const browserClosed = Date.now();
		await this.stopServer();
		fs.rmSync(this.scratch, { recursive: true, force: true });
		if (VERBOSE) info(`shut down: browser ${browserClosed - started} ms, code-server ${Date.now() - browserClosed} ms`);
	}
}

/**
 * Gives a fresh profile the settings where the browser workbench's defaults differ from desktop VS Code,
 * so the tests see the editor users run. Chiefly, the web build saves edited files automatically after a
 * second; desktop does not, and tests that edit documents expect them to stay dirty. An existing
 * settings file is left alone.
 */
function writeDefaultSettings(userDataDir) {
	const file = path.join(userDataDir, 'User', 'settings.json');
	if (fs.existsSync(file)) return;
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify({ 'files.autoSave': 'off' }, null, '\t')}\n`);
}

/** Resolves true once no process of the group is left, false if some remain after `ms`. */
async function groupGone(pid, ms) {
	const deadline = Date.now() + ms;
	for (;;) {
		try {
			process.kill(-pid, 0);
		} catch (error) {
			if (error.code === 'ESRCH') return true;
		}
		if (Date.now() >= deadline) return false;
		await sleep(50);
	}
}

function killGroup(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		// The group is already gone.
	}
}

async function main() {
	const parsed = parseArgs(process.argv.slice(2));
	if (!parsed.extensionTestsPath) throw new Error('--extensionTestsPath is required');
	if (parsed.extensionDevelopmentPath.length === 0) {
		// Without a development path the workbench ignores extensionTestsPath and would just sit there.
		throw new Error('--extensionDevelopmentPath is required');
	}
	if (!fs.existsSync(CODE_SERVER_ENTRY)) {
		throw new Error(`code-server is not installed at ${CODE_SERVER_ENTRY}; run scripts/e2e/setup.sh`);
	}
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found; run scripts/e2e/setup.sh`);

	const session = new Session({
		extensionDevelopmentPath: parsed.extensionDevelopmentPath,
		extensionTestsPath: parsed.extensionTestsPath,
		workspace: parsed.positional[0] && path.resolve(parsed.positional[0]),
		// Without these (runTests() always passes them) the session uses fresh folders of its own.
		userDataDir: parsed['user-data-dir'],
		extensionsDir: parsed['extensions-dir'],
	});

	// Any way out of the process stops code-server and the browser first.
	let timer;
	let exiting = false;
	const exit = async (code, message) => {
		if (exiting) return;
		exiting = true;
		if (message) info(message);
		clearTimeout(timer);
		await session.close().catch((error) => info(`cleanup failed: ${error.message}`));
		process.exit(code);
	};
	for (const [signal, code] of [
		['SIGINT', 130],
		['SIGTERM', 143],
		['SIGHUP', 129],
	]) {
		process.on(signal, () => exit(code, `${signal} received, stopping`));
	}
	// Last resort if the process leaves without going through exit(), e.g. on an unexpected exception.
	process.on('exit', () => session.server && killGroup(session.server.pid, 'SIGKILL'));

	timer = setTimeout(async () => {
		if (session.page) {
			// A picture of the stuck workbench is usually the fastest way to see why it got stuck.
			session.takeScreenshot('e2e-timeout');
			await Promise.race([session.screenshots, sleep(5000)]);
		}
		const seconds = Math.round(TIMEOUT_MS / 1000);
		const tail = session.serverLog.toString();
		exit(
			1,
			`timed out: the tests did not finish within ${seconds}s (CROSSCHECK_E2E_TIMEOUT_MS)` +
				(tail ? `; code-server's last output:\n${tail}` : ''),
		);
	}, TIMEOUT_MS);

	try {
		const started = Date.now();
		const port = await session.startServer();
		if (VERBOSE) info(`code-server ready on port ${port} after ${Date.now() - started} ms`);
		await Promise.race([session.openWorkbench(port), session.finished]);
		const code = await session.finished;
		await exit(code);
	} catch (error) {
		await exit(1, `failed: ${error.message}`);
	}
}

main().catch((error) => {
	info(`failed: ${error.message}`);
	process.exit(1);
});
