// Benchmarks Crosscheck's command line and language server on replicated real news articles.
// Usage: node bench/run.mjs [--sizes 1000,10000] [--runs 3] [--skip-cli] [--skip-server]
// What it measures and how is described in bench/README.md.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The real articles, outside the repository; they are only ever read from there. */
const SOURCE = path.resolve(REPO, '../shared/corpora/ecbplus');
const SOURCE_SHOWN = '../shared/corpora/ecbplus';
const CORPUS_ROOT = path.join(REPO, 'bench', '.corpus');
const RESULTS_FILE = path.join(REPO, 'bench', 'results', 'latest.json');
const CLI_BUNDLE = 'server/dist/cli.js';
const SERVER_BUNDLE = 'server/dist/server.js';

/** MB means 10^6 bytes everywhere in the report, memory included. */
const MB = 1e6;
/** The figures the project aims for; a miss is reported, never turned into a failing exit code. */
const TARGETS = { cliMBps: 5, editP95Ms: 50, figureEditP95Ms: 200, serverRssMB: 400, serverRssArticles: 10_000 };
/** Every wait is bounded, so a stuck child turns into a clear error instead of a hung benchmark. */
const TIMEOUTS = { cliRunMs: 10 * 60_000, initializeMs: 60_000, indexMs: 10 * 60_000, editMs: 10_000, shutdownMs: 10_000, exitMs: 5_000 };
const EDITS = 200;
/** A vague attribution, so every other edit adds one finding and the diagnostics really change. */
const SENTENCE = ' Officials said the toll would rise.';
/** The server's debounce of edits to open documents; every measured latency includes it. */
const SERVER_DEBOUNCE_MS = 15;
/**
 * The share of all cores used by other processes (the machine's busy time minus the benchmark's and its
 * children's) above which the report warns that the figures are skewed. It is measured for a second
 * before, over the measurements, and for a second after. (The load average would not do: it still
 * counts the build that `npm run bench` runs just before.)
 */
const BUSY_SHARE = 0.15;
const BUSY_SAMPLE_MS = 1000;
/** How often the /proc fallback samples the peak RSS of a CLI run when GNU time is missing. */
const RSS_POLL_MS = 20;

const USAGE = `Usage: node bench/run.mjs [--sizes 1000,10000] [--runs 3] [--skip-cli] [--skip-server]
`;

/** Children still running, killed if the benchmark itself is interrupted or fails. */
const liveChildren = new Set();

async function main() {
	const flags = readFlags(process.argv.slice(2));
	if (flags === undefined) {
		return 2;
	}
	const source = listSourceArticles();
	if (source === undefined) {
		console.log(
			`Benchmark skipped: it needs the ECB+ articles of ../shared/corpora (${SOURCE_SHOWN}/cluster_*/doc_*.txt), which are not there.`,
		);
		return 0;
	}
	for (const bundle of [CLI_BUNDLE, SERVER_BUNDLE]) {
		if (!fs.existsSync(path.join(REPO, bundle))) {
			throw new Error(`${bundle} is missing: run "npm run build" first (npm run bench does).`);
		}
	}

	const started = performance.now();
	const results = {
		date: new Date().toISOString(),
		command: ['node', 'bench/run.mjs', ...process.argv.slice(2)].join(' '),
		machine: machineFacts(),
		git: gitFacts(),
		units: { MB: '1e6 bytes (input sizes and memory alike)', time: 'wall-clock' },
		source: { path: SOURCE_SHOWN, articles: source.length, bytes: sum(source.map((a) => a.bytes)) },
		corpora: [],
		cli: undefined,
		server: undefined,
		targets: undefined,
		otherCpuUse: undefined,
		durationS: undefined,
	};
	progress(`Source: ${source.length} articles, ${(results.source.bytes / MB).toFixed(2)} MB in ${SOURCE_SHOWN}.`);
	results.otherCpuUse = { before: await sampleOtherCpu(), during: undefined, after: undefined };
	if (results.otherCpuUse.before > BUSY_SHARE) {
		progress(
			`Note: other processes use ${percent(results.otherCpuUse.before)} of the CPU; the figures will be slower and noisier than on an idle machine.`,
		);
	}
	const configAbove = findConfigAbove(REPO);
	if (configAbove !== undefined) {
		progress(`Note: the CLI will use ${configAbove}, found above the repository root.`);
	}

	const corpora = flags.sizes.map((size) => ensureCorpus(size, source));
	results.corpora = corpora.map((c) => ({ articles: c.articles, bytes: c.bytes, replicas: c.replicas, dir: c.shown, reused: c.reused }));

	const measuring = cpuTicks();

	if (!flags.skipCli) {
		results.cli = await benchCli(corpora, flags.runs);
	}
	if (!flags.skipServer) {
		results.server = { command: `node ${SERVER_BUNDLE} --stdio`, debounceMs: SERVER_DEBOUNCE_MS, edits: EDITS, sizes: [] };
		for (const [mode, config] of SERVER_MODES) {
			for (const corpus of corpora) {
				// The server reads crosscheck.yaml at the corpus root; the text-layer mode puts one there for the run.
				const configFile = path.join(REPO, corpus.shown, 'crosscheck.yaml');
				if (config) {
					fs.writeFileSync(configFile, config);
				}
				try {
					results.server.sizes.push({ mode, ...(await benchServer(corpus)) });
				} finally {
					if (config) {
						fs.rmSync(configFile, { force: true });
					}
				}
			}
		}
	}
	results.otherCpuUse.during = otherCpuShare(measuring, cpuTicks());
	results.otherCpuUse.after = await sampleOtherCpu();
	results.targets = evaluateTargets(results);
	results.durationS = round((performance.now() - started) / 1000, 1);

	fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
	fs.writeFileSync(RESULTS_FILE, JSON.stringify(results, null, '\t') + '\n');
	console.log(report(results));
	console.log(`\nJSON: ${path.relative(REPO, RESULTS_FILE)}   Total time: ${formatDuration(results.durationS)}`);
	return 0;
}

// ---------------------------------------------------------------------------------------------------
// Flags

function readFlags(argv) {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			strict: true,
			options: {
				sizes: { type: 'string', default: '1000,10000' },
				runs: { type: 'string', default: '3' },
				'skip-cli': { type: 'boolean', default: false },
				'skip-server': { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false },
			},
		}));
	} catch (error) {
		process.stderr.write(`bench: ${error.message}\n${USAGE}`);
		return undefined;
	}
	if (values.help) {
		process.stdout.write(USAGE);
		process.exit(0);
	}
	const sizes = values.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
	const runs = Number(values.runs);
	if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
		process.stderr.write(`bench: --sizes must be a comma-separated list of positive integers, not "${values.sizes}".\n${USAGE}`);
		return undefined;
	}
	if (!Number.isInteger(runs) || runs <= 0) {
		process.stderr.write(`bench: --runs must be a positive integer, not "${values.runs}".\n${USAGE}`);
		return undefined;
	}
	return { sizes: [...new Set(sizes)], runs, skipCli: values['skip-cli'], skipServer: values['skip-server'] };
}

// ---------------------------------------------------------------------------------------------------
// Corpora

/** The real articles in a stable order (cluster, then document number), or undefined when absent. */
function listSourceArticles() {
	if (!fs.existsSync(SOURCE)) {
		return undefined;
	}
	const clusters = fs
		.readdirSync(SOURCE, { withFileTypes: true })
		.filter((e) => e.isDirectory() && /^cluster_\d+$/.test(e.name))
		.map((e) => e.name)
		.sort();
	const articles = [];
	for (const cluster of clusters) {
		const docs = fs
			.readdirSync(path.join(SOURCE, cluster))
			.filter((name) => /^doc_\d+\.txt$/.test(name))
			.sort((a, b) => docNumber(a) - docNumber(b));
		for (const doc of docs) {
			const file = path.join(SOURCE, cluster, doc);
			articles.push({ cluster, doc, file, bytes: fs.statSync(file).size });
		}
	}
	return articles.length > 0 ? articles : undefined;
}

function docNumber(name) {
	return Number(/\d+/.exec(name)[0]);
}

/**
 * Builds (or reuses) `bench/.corpus/n<size>/`: the real clusters copied again and again, each copy in
 * its own `rNNNN/` folder, until exactly `size` articles exist. The build goes to a `.partial` folder
 * first and is renamed at the end, so an interrupted build is never mistaken for a finished one.
 */
function ensureCorpus(size, source) {
	const dir = path.join(CORPUS_ROOT, `n${size}`);
	const manifestFile = path.join(CORPUS_ROOT, `n${size}.json`);
	const shown = path.relative(REPO, dir);
	const sourceBytes = sum(source.map((a) => a.bytes));
	const manifest = readJson(manifestFile);
	if (
		manifest?.articles === size &&
		manifest.sourceArticles === source.length &&
		manifest.sourceBytes === sourceBytes &&
		fs.existsSync(dir)
	) {
		const found = countArticles(dir);
		if (found.articles === size && found.bytes === manifest.bytes) {
			progress(`Corpus ${shown}: reusing ${size} articles (${(found.bytes / MB).toFixed(2)} MB).`);
			return { dir, shown, articles: size, bytes: found.bytes, replicas: manifest.replicas, reused: true };
		}
	}

	progress(`Corpus ${shown}: building ${size} articles…`);
	const partial = `${dir}.partial`;
	fs.rmSync(partial, { recursive: true, force: true });
	let articles = 0;
	let bytes = 0;
	let replicas = 0;
	while (articles < size) {
		const replica = path.join(partial, `r${String(replicas).padStart(4, '0')}`);
		let lastFolder = '';
		for (const article of source) {
			if (articles === size) {
				break;
			}
			const folder = path.join(replica, article.cluster);
			if (folder !== lastFolder) {
				fs.mkdirSync(folder, { recursive: true });
				lastFolder = folder;
			}
			fs.copyFileSync(article.file, path.join(folder, article.doc));
			articles++;
			bytes += article.bytes;
		}
		replicas++;
	}
	fs.rmSync(dir, { recursive: true, force: true });
	fs.renameSync(partial, dir);
	fs.writeFileSync(
		manifestFile,
		JSON.stringify({ articles, bytes, replicas, sourceArticles: source.length, sourceBytes }, null, '\t') + '\n',
	);
	return { dir, shown, articles, bytes, replicas, reused: false };
}

/** Counts the articles of a built corpus and their bytes (what the benchmark reports as input). */
function countArticles(dir) {
	let articles = 0;
	let bytes = 0;
	const pending = [dir];
	while (pending.length > 0) {
		const current = pending.pop();
		for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
			const full = path.join(current, entry.name);
			if (entry.isDirectory()) {
				pending.push(full);
			} else if (/^doc_\d+\.txt$/.test(entry.name)) {
				articles++;
				bytes += fs.statSync(full).size;
			}
		}
	}
	return { articles, bytes };
}

/** The crosscheck.yaml the CLI would pick up from the repository root, if any: it would change the figures. */
function findConfigAbove(dir) {
	for (let current = dir; ; current = path.dirname(current)) {
		const candidate = path.join(current, 'crosscheck.yaml');
		if (fs.existsSync(candidate)) {
			return candidate;
		}
		if (path.dirname(current) === current) {
			return undefined;
		}
	}
}

// ---------------------------------------------------------------------------------------------------
// Command line

/**
 * The two ways the CLI is timed: the whole analysis, and the text layer with the document rules alone
 * (entity recognition off through bench/text-layer-only.yaml), which is what the throughput target is for.
 */
const CLI_MODES = [
	['text layer + rules', ['--config', 'bench/text-layer-only.yaml']],
	['full (with entities)', []],
];

/** The two ways the server is timed, as for the CLI: with entity recognition off, and the whole analysis. */
const SERVER_MODES = [
	['text layer + rules', 'entities:\n  enabled: false\n'],
	['full (with entities)', undefined],
];

/**
 * Runs `check --format json` on each corpus `runs` times, pinned to one CPU so the figure is per core
 * whatever the machine, and keeps the median. The wall time includes Node's start-up, as a user sees it.
 */
async function benchCli(corpora, runs) {
	const tools = probeTools();
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-bench-'));
	const section = {
		pinning: tools.taskset ? 'taskset -c 0' : 'none (taskset unavailable: the CLI may use any core)',
		peakRssMethod: tools.gnuTime
			? '/usr/bin/time -f %M (maxrss of the process)'
			: `VmHWM from /proc/<pid>/status, sampled every ${RSS_POLL_MS} ms`,
		runs,
		sizes: [],
	};
	try {
		for (const [mode, extra] of CLI_MODES)
			for (const corpus of corpora) {
				const args = [CLI_BUNDLE, 'check', corpus.shown, '--format', 'json', '--fail-on', 'none', ...extra];
				const command = [...(tools.taskset ? ['taskset', '-c', '0'] : []), 'node', ...args].join(' ');
				const measured = [];
				for (let run = 1; run <= runs; run++) {
					const result = await runCliOnce(args, tools, scratch);
					measured.push(result);
					progress(
						`CLI ${corpus.articles} articles, run ${run}/${runs}: ${(result.wallMs / 1000).toFixed(2)} s, peak RSS ${result.peakRssMB.toFixed(0)} MB, ${result.findings} findings.`,
					);
				}
				const wallS = median(measured.map((r) => r.wallMs)) / 1000;
				const mbps = corpus.bytes / MB / wallS;
				section.sizes.push({
					mode,
					articles: corpus.articles,
					bytes: corpus.bytes,
					command,
					stdout: 'a temporary file, parsed to count the findings',
					runs: measured.map((r) => ({ wallS: round(r.wallMs / 1000, 3), peakRssMB: round(r.peakRssMB, 1), findings: r.findings })),
					median: {
						wallS: round(wallS, 3),
						MBps: round(mbps, 2),
						articlesPerS: Math.round(corpus.articles / wallS),
						peakRssMB: round(median(measured.map((r) => r.peakRssMB)), 1),
					},
					findings: measured[0].findings,
				});
			}
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
	return section;
}

/** Which helpers exist: taskset to pin the CLI, GNU time to read its peak RSS at exit. */
function probeTools() {
	const taskset = spawnSync('taskset', ['-c', '0', process.execPath, '-e', ''], { stdio: 'ignore' }).status === 0;
	let gnuTime = false;
	if (fs.existsSync('/usr/bin/time')) {
		const probe = path.join(os.tmpdir(), `crosscheck-bench-time-${process.pid}`);
		const status = spawnSync('/usr/bin/time', ['-f', '%M', '-o', probe, process.execPath, '-e', ''], { stdio: 'ignore' }).status;
		gnuTime = status === 0 && /^\d+\s*$/m.test(readText(probe) ?? '');
		fs.rmSync(probe, { force: true });
	}
	if (!taskset) {
		progress('Note: taskset is unavailable, so the CLI is not pinned to one CPU.');
	}
	return { taskset, gnuTime };
}

async function runCliOnce(args, tools, scratch) {
	const outFile = path.join(scratch, 'out.json');
	const rssFile = path.join(scratch, 'maxrss');
	fs.rmSync(rssFile, { force: true });
	let argv = [process.execPath, ...args];
	if (tools.taskset) {
		argv = ['taskset', '-c', '0', ...argv];
	}
	if (tools.gnuTime) {
		argv = ['/usr/bin/time', '-f', '%M', '-o', rssFile, ...argv];
	}
	const out = fs.openSync(outFile, 'w');
	let stderr = '';
	let polledHwmKiB = 0;
	const startedAt = performance.now();
	const child = spawn(argv[0], argv.slice(1), { cwd: REPO, stdio: ['ignore', out, 'pipe'] });
	fs.closeSync(out);
	liveChildren.add(child);
	child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
	// Without GNU time, sample the peak RSS (taskset execs node, so the pid is the CLI's own).
	const poll = tools.gnuTime
		? undefined
		: setInterval(() => {
				polledHwmKiB = Math.max(polledHwmKiB, procStatus(child.pid)?.VmHWM ?? 0);
			}, RSS_POLL_MS);
	let exit;
	try {
		exit = await withTimeout(onceExit(child), TIMEOUTS.cliRunMs, `the CLI (${args.join(' ')})`);
	} finally {
		clearInterval(poll);
		liveChildren.delete(child);
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGKILL');
		}
	}
	const wallMs = performance.now() - startedAt;
	if (exit.code !== 0) {
		throw new Error(`The CLI exited with ${exit.signal ?? `code ${exit.code}`}:\n${stderr}`);
	}
	let output;
	try {
		output = JSON.parse(fs.readFileSync(outFile, 'utf8'));
	} catch (error) {
		throw new Error(`The CLI did not print valid JSON: ${error.message}\n${stderr}`);
	}
	const peakKiB = tools.gnuTime ? Number(/(\d+)\s*$/.exec(readText(rssFile) ?? '')?.[1]) : polledHwmKiB;
	if (!Number.isFinite(peakKiB) || peakKiB <= 0) {
		throw new Error('Could not read the peak RSS of the CLI.');
	}
	return { wallMs, peakRssMB: (peakKiB * 1024) / MB, findings: output.findings.length };
}

// ---------------------------------------------------------------------------------------------------
// Language server

/**
 * Starts the server on one corpus as an editor would (stdio, no configuration or progress support),
 * times the initial indexing, then times edit-to-diagnostics on one open article, and reads the
 * server's memory after each phase.
 */
async function benchServer(corpus) {
	const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
	const child = spawn(
		process.execPath,
		[...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), SERVER_BUNDLE, '--stdio'],
		{ cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] },
	);
	liveChildren.add(child);
	let stderr = '';
	child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
	// A write after the server died must surface as the exit error below, not as an unhandled EPIPE.
	child.stdin.on('error', () => undefined);
	const inbox = new Inbox();
	const logs = [];
	const exited = onceExit(child);
	void exited.then(
		({ code, signal }) => {
			liveChildren.delete(child);
			const tail = [...logs.slice(-5), stderr.trim()].filter(Boolean).join('\n');
			inbox.fail(new Error(`The language server exited (${signal ?? `code ${code}`}).${tail ? `\n${tail}` : ''}`));
		},
		(error) => inbox.fail(new Error(`The language server could not be started: ${error.message}`)),
	);

	const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
	let statusCount = 0;
	let publishCount = 0;
	let diagnosticsCount = 0;
	connection.onNotification('crosscheck/status', (params) => {
		statusCount++;
		inbox.deliver('status', params);
	});
	connection.onNotification('textDocument/publishDiagnostics', (params) => {
		publishCount++;
		diagnosticsCount += params.diagnostics.length;
		inbox.deliver('diagnostics', params);
	});
	connection.onNotification('window/logMessage', (params) => {
		logs.push(`[server] ${params.message}`);
		logs.splice(0, logs.length - 20);
	});
	// The client announces no optional capability, so no request is expected; answer any with null anyway.
	connection.onRequest(() => null);
	connection.listen();

	const result = { articles: corpus.articles, bytes: corpus.bytes };
	try {
		const folderUri = pathToFileURL(corpus.dir).href;
		await withTimeout(
			connection.sendRequest('initialize', {
				processId: null,
				rootUri: folderUri,
				workspaceFolders: [{ uri: folderUri, name: path.basename(corpus.dir) }],
				capabilities: { workspace: { configuration: false }, window: { workDoneProgress: false } },
			}),
			TIMEOUTS.initializeMs,
			'the answer to initialize',
		);

		// Indexing: from `initialized` until the server says it is idle with every article analysed.
		progress(`Server ${corpus.articles} articles: indexing…`);
		const idle = inbox.wait(
			'status',
			(status) => {
				if (status.state !== 'idle') {
					return false;
				}
				if (status.documents !== corpus.articles) {
					throw new Error(`The server went idle with ${status.documents} documents instead of ${corpus.articles}.`);
				}
				return true;
			},
			TIMEOUTS.indexMs,
			`the server to index ${corpus.articles} articles`,
		);
		const indexStart = performance.now();
		void connection.sendNotification('initialized', {});
		const finalStatus = await idle;
		const indexS = (performance.now() - indexStart) / 1000;
		result.index = {
			seconds: round(indexS, 3),
			articlesPerS: Math.round(corpus.articles / indexS),
			MBps: round(corpus.bytes / MB / indexS, 2),
			findings: finalStatus.findings,
			statusNotifications: statusCount,
			// What the editor has to take in: one message per article, carrying every finding as a diagnostic.
			publishDiagnostics: { messages: publishCount, diagnostics: diagnosticsCount },
		};
		result.memoryAfterIndex = serverMemory(child.pid);
		progress(
			`Server ${corpus.articles} articles: indexed in ${indexS.toFixed(2)} s; RSS ${result.memoryAfterIndex.rssMB} MB, peak ${result.memoryAfterIndex.hwmMB} MB.`,
		);

		result.edits = await measureEdits(connection, inbox, corpus, () => publishCount);
		result.memoryAfterEdits = serverMemory(child.pid);
		progress(
			`Server ${corpus.articles} articles: ${EDITS} edits, p50 ${result.edits.p50Ms} ms, p95 ${result.edits.p95Ms} ms, max ${result.edits.maxMs} ms; RSS ${result.memoryAfterEdits.rssMB} MB, peak ${result.memoryAfterEdits.hwmMB} MB.`,
		);

		result.figureEdits = await measureFigureEdits(connection, inbox, corpus, () => publishCount);
		progress(
			`Server ${corpus.articles} articles: ${FIGURE_EDITS} figure edits, p50 ${result.figureEdits.p50Ms} ms, p95 ${result.figureEdits.p95Ms} ms, max ${result.figureEdits.maxMs} ms; ${result.figureEdits.otherArticlesRepublished} other articles republished.`,
		);

		// A clean shutdown is part of the contract: `shutdown`, then `exit`, then the process must be gone.
		await withTimeout(connection.sendRequest('shutdown'), TIMEOUTS.shutdownMs, 'the answer to shutdown');
		void connection.sendNotification('exit');
		const exit = await withTimeout(exited, TIMEOUTS.exitMs, 'the server to exit after the exit notification');
		result.shutdown = { clean: exit.code === 0, exitCode: exit.code };
		if (exit.code !== 0) {
			throw new Error(`The language server exited with ${exit.signal ?? `code ${exit.code}`} after shutdown and exit.`);
		}
	} finally {
		connection.dispose();
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGKILL');
			await withTimeout(exited, TIMEOUTS.exitMs, 'the killed server to exit').catch(() => undefined);
		}
		liveChildren.delete(child);
	}
	return result;
}

/** Waits for the diagnostics of one version of a document; `what` names it in the timeout message. */
function diagnosticsOf(inbox, uri, version, what) {
	return inbox.wait(
		'diagnostics',
		(p) => p.uri === uri && p.version === version,
		TIMEOUTS.editMs,
		`the diagnostics of ${what} (version ${version})`,
	);
}

/**
 * Opens one article and edits it EDITS times with full-text changes that alternately add and remove a
 * vague attribution, timing each change until the diagnostics of exactly that version arrive.
 */
async function measureEdits(connection, inbox, corpus, publishedSoFar) {
	const file = pickArticle(corpus.dir);
	const uri = pathToFileURL(file).href;
	const original = fs.readFileSync(file, 'utf8');
	const edited = withSentence(original);
	const diagnosticsFor = (version, what) => diagnosticsOf(inbox, uri, version, what);

	const opened = diagnosticsFor(1, 'the opened article');
	const openStart = performance.now();
	void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: original } });
	const first = await opened;
	const openMs = performance.now() - openStart;

	const latencies = [];
	const counts = { without: new Set([first.diagnostics.length]), with: new Set() };
	const publishedBefore = publishedSoFar();
	for (let i = 1; i <= EDITS; i++) {
		const version = i + 1;
		const adds = i % 2 === 1;
		const published = diagnosticsFor(version, `edit ${i}`);
		const start = performance.now();
		void connection.sendNotification('textDocument/didChange', {
			textDocument: { uri, version },
			contentChanges: [{ text: adds ? edited : original }],
		});
		const params = await published;
		latencies.push(performance.now() - start);
		(adds ? counts.with : counts.without).add(params.diagnostics.length);
	}
	// An edit can change what other articles link to, and the server then republishes them after the
	// edited one. A request answered in order after those notifications tells when all have arrived.
	await withTimeout(
		connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }).catch(() => undefined),
		TIMEOUTS.editMs,
		'the answer to a hover request',
	);
	const republished = publishedSoFar() - publishedBefore - EDITS;
	void connection.sendNotification('textDocument/didClose', { textDocument: { uri } });

	const sorted = [...latencies].sort((a, b) => a - b);
	const findingsWithout = [...counts.without];
	const findingsWith = [...counts.with];
	const alternates = findingsWithout.length === 1 && findingsWith.length === 1 && findingsWith[0] === findingsWithout[0] + 1;
	if (!alternates) {
		progress(
			`Warning: the finding count did not alternate as expected (without the sentence: ${findingsWithout}, with it: ${findingsWith}).`,
		);
	}
	return {
		article: path.relative(REPO, file),
		articleBytes: Buffer.byteLength(original),
		openMs: round(openMs, 1),
		p50Ms: round(percentile(sorted, 50), 1),
		p95Ms: round(percentile(sorted, 95), 1),
		maxMs: round(sorted[sorted.length - 1], 1),
		meanMs: round(sum(latencies) / latencies.length, 1),
		minMs: round(sorted[0], 1),
		findingsWithout,
		findingsWith,
		alternates,
		otherArticlesRepublished: republished,
		// Every latency in order, so outliers can be matched to what the server was doing.
		latenciesMs: latencies.map((ms) => round(ms, 1)),
	};
}

const FIGURE_EDITS = 100;

/**
 * Opens the first article of the first replica with a figure that another article of its cluster also
 * reports, and changes that figure FIGURE_EDITS times (alternately to a number that conflicts and back),
 * timing each change until the edited article's diagnostics and every other article the server
 * republishes for it have arrived: a request sent once the edited article's diagnostics are in is
 * answered only after the server has sent everything before it.
 */
async function measureFigureEdits(connection, inbox, corpus, publishedSoFar) {
	const target = pickFigure(corpus.dir);
	if (!target) {
		progress('Warning: no figure shared by two articles of one cluster; the figure edit is not measured.');
		return undefined;
	}
	const { file, original, edited, figure } = target;
	const uri = pathToFileURL(file).href;
	const diagnosticsFor = (version, what) => diagnosticsOf(inbox, uri, version, what);
	const settled = () =>
		withTimeout(
			connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }).catch(() => undefined),
			TIMEOUTS.editMs,
			'the answer to a hover request',
		);
	const opened = diagnosticsFor(1, 'the opened article');
	void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: original } });
	await opened;
	await settled();
	const latencies = [];
	const publishedBefore = publishedSoFar();
	const conflicts = { edited: new Set(), original: new Set() };
	for (let i = 1; i <= FIGURE_EDITS; i++) {
		const version = i + 1;
		const changes = i % 2 === 1;
		const published = diagnosticsFor(version, `figure edit ${i}`);
		const start = performance.now();
		void connection.sendNotification('textDocument/didChange', {
			textDocument: { uri, version },
			contentChanges: [{ text: changes ? edited : original }],
		});
		const params = await published;
		await settled();
		latencies.push(performance.now() - start);
		(changes ? conflicts.edited : conflicts.original).add(params.diagnostics.filter((d) => d.code === 'figure-conflict').length);
	}
	const republished = publishedSoFar() - publishedBefore - FIGURE_EDITS;
	void connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
	const sorted = [...latencies].sort((a, b) => a - b);
	return {
		article: path.relative(REPO, file),
		figure,
		p50Ms: round(percentile(sorted, 50), 1),
		p95Ms: round(percentile(sorted, 95), 1),
		maxMs: round(sorted[sorted.length - 1], 1),
		conflictsEdited: [...conflicts.edited],
		conflictsOriginal: [...conflicts.original],
		otherArticlesRepublished: republished,
		latenciesMs: latencies.map((ms) => round(ms, 1)),
	};
}

/**
 * The first article (in path order) of the first replica whose figure another article of the same
 * cluster also reports, found with the core itself, and the article with that figure changed to a
 * number its interval and the others' cannot hold.
 */
function pickFigure(dir) {
	const core = require('../server/out/src/core/index.js');
	const first = firstReplica(dir);
	for (const cluster of fs.readdirSync(first).sort()) {
		const corpus = new core.Corpus(core.resolveOptions({ recogniseEntities: false }));
		const files = fs.readdirSync(path.join(first, cluster)).sort();
		for (const doc of files) {
			const file = path.join(first, cluster, doc);
			corpus.update(file, fs.readFileSync(file, 'utf8'), 0, `${cluster}/${doc}`);
		}
		for (const doc of files) {
			const file = path.join(first, cluster, doc);
			const own = corpus.facts.facts(file);
			for (const fact of own?.facts ?? []) {
				const shared = core.factRows(corpus, file, fact).some((row) => row.docId !== file);
				const digits = /^\d+$/.test(fact.text) ? Number(fact.text) : undefined;
				if (shared && digits !== undefined && digits > 0) {
					const original = fs.readFileSync(file, 'utf8');
					const replacement = String(digits * 10 + 7);
					const edited = original.slice(0, fact.start) + replacement + original.slice(fact.end);
					return { file, original, edited, figure: `${fact.text} → ${replacement} (${fact.measure})` };
				}
			}
		}
	}
	return undefined;
}

/** The first replica folder of a built corpus (`rNNNN/`, in name order). */
function firstReplica(dir) {
	const replicas = fs
		.readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort();
	return path.join(dir, replicas[0]);
}

/** A typical article: the one of median size in the first replica, so the choice is stable across runs. */
function pickArticle(dir) {
	const first = firstReplica(dir);
	const files = [];
	for (const cluster of fs.readdirSync(first).sort()) {
		for (const doc of fs.readdirSync(path.join(first, cluster)).sort()) {
			const file = path.join(first, cluster, doc);
			files.push({ file, bytes: fs.statSync(file).size });
		}
	}
	files.sort((a, b) => a.bytes - b.bytes || (a.file < b.file ? -1 : 1));
	return files[Math.floor((files.length - 1) / 2)].file;
}

/** Appends the sentence to the longest line, which is body prose in every news article. */
function withSentence(text) {
	const lines = text.split('\n');
	let longest = 0;
	for (let i = 1; i < lines.length; i++) {
		if (lines[i].trimEnd().length > lines[longest].trimEnd().length) {
			longest = i;
		}
	}
	lines[longest] = lines[longest].trimEnd() + SENTENCE;
	return lines.join('\n');
}

function serverMemory(pid) {
	const status = procStatus(pid);
	if (!status) {
		return { rssMB: null, hwmMB: null };
	}
	return { rssMB: round((status.VmRSS * 1024) / MB, 1), hwmMB: round((status.VmHWM * 1024) / MB, 1) };
}

/**
 * Routes the server's notifications to whoever waits for them. A wait ends when its predicate accepts
 * a message, rejects when the predicate throws, when it times out, or when the server dies.
 */
class Inbox {
	waiters = new Set();
	failure = undefined;

	wait(kind, accept, timeoutMs, what) {
		if (this.failure) {
			return Promise.reject(this.failure);
		}
		return new Promise((resolve, reject) => {
			const waiter = { kind, accept, resolve, reject };
			waiter.timer = setTimeout(() => {
				this.waiters.delete(waiter);
				reject(new Error(`Timed out after ${formatDuration(timeoutMs / 1000)} waiting for ${what}.`));
			}, timeoutMs);
			this.waiters.add(waiter);
		});
	}

	deliver(kind, message) {
		for (const waiter of [...this.waiters]) {
			if (waiter.kind !== kind) {
				continue;
			}
			let accepted;
			try {
				accepted = waiter.accept(message);
			} catch (error) {
				this.settle(waiter);
				waiter.reject(error);
				continue;
			}
			if (accepted) {
				this.settle(waiter);
				waiter.resolve(message);
			}
		}
	}

	fail(error) {
		this.failure ??= error;
		for (const waiter of [...this.waiters]) {
			this.settle(waiter);
			waiter.reject(error);
		}
	}

	settle(waiter) {
		clearTimeout(waiter.timer);
		this.waiters.delete(waiter);
	}
}

// ---------------------------------------------------------------------------------------------------
// Report

function evaluateTargets(results) {
	const targets = [];
	for (const size of (results.cli?.sizes ?? []).filter((s) => s.mode === CLI_MODES[0][0])) {
		targets.push({
			name: `CLI throughput (${size.mode}), ${size.articles} articles`,
			target: `>= ${TARGETS.cliMBps} MB/s`,
			value: size.median.MBps,
			pass: size.median.MBps >= TARGETS.cliMBps,
		});
	}
	for (const size of results.server?.sizes ?? []) {
		targets.push({
			name: `Edit-to-diagnostics p95, ${size.articles} articles`,
			target: `<= ${TARGETS.editP95Ms} ms`,
			value: size.edits.p95Ms,
			pass: size.edits.p95Ms <= TARGETS.editP95Ms,
		});
		if (size.articles === TARGETS.serverRssArticles && size.figureEdits) {
			targets.push({
				name: `Figure edit to affected articles' diagnostics p95 (${size.mode}), ${size.articles} articles`,
				target: `<= ${TARGETS.figureEditP95Ms} ms`,
				value: size.figureEdits.p95Ms,
				pass: size.figureEdits.p95Ms <= TARGETS.figureEditP95Ms,
			});
		}
		if (size.articles === TARGETS.serverRssArticles) {
			const peak = size.memoryAfterEdits.hwmMB;
			targets.push({
				name: `Server peak RSS (${size.mode}), ${size.articles} articles`,
				target: `<= ${TARGETS.serverRssMB} MB`,
				value: peak,
				pass: peak !== null && peak <= TARGETS.serverRssMB,
			});
		}
	}
	return targets;
}

function report(results) {
	const out = [];
	const m = results.machine;
	out.push(`Crosscheck benchmark, ${results.date}`);
	out.push(
		`Node ${m.node}, ${m.cpu}, ${m.cores} cores, ${m.os}${results.git ? `, commit ${results.git.commit}${results.git.dirty ? ' (modified)' : ''}` : ''}`,
	);
	out.push(`Input: ${results.source.articles} ECB+ articles from ${results.source.path}, replicated; MB = 10^6 bytes.`);
	const other = results.otherCpuUse;
	if (other.during !== undefined) {
		out.push(
			`Other processes used ${percent(other.during)} of the CPU during the measurements (${percent(other.before ?? 0)} before, ${percent(other.after ?? 0)} after).`,
		);
	}
	if (Math.max(other.before ?? 0, other.during ?? 0, other.after ?? 0) > BUSY_SHARE) {
		out.push(`Warning: other work shared the cores, so the figures are pessimistic and noisier than on an idle machine.`);
	}

	if (results.cli) {
		const cli = results.cli;
		out.push('');
		out.push(`CLI: check --format json --fail-on none, median of ${cli.runs} run${cli.runs === 1 ? '' : 's'}; pinned: ${cli.pinning}`);
		out.push(`     peak RSS via ${cli.peakRssMethod}`);
		out.push(
			table(
				[
					'Analysis',
					'Articles',
					'Input MB',
					'Wall s',
					'MB/s',
					'Articles/s',
					'Peak RSS MB',
					'Findings',
					`Target >= ${TARGETS.cliMBps} MB/s`,
				],
				cli.sizes.map((s) => [
					s.mode,
					count(s.articles),
					(s.bytes / MB).toFixed(2),
					s.median.wallS.toFixed(2),
					s.median.MBps.toFixed(2),
					count(s.median.articlesPerS),
					s.median.peakRssMB.toFixed(0),
					count(s.findings),
					s.mode === CLI_MODES[0][0] ? verdict(s.median.MBps >= TARGETS.cliMBps) : '',
				]),
			),
		);
	}

	if (results.server) {
		const sizes = results.server.sizes;
		const has10k = sizes.some((s) => s.articles === TARGETS.serverRssArticles);
		out.push('');
		out.push(`Language server: node ${SERVER_BUNDLE} --stdio, not pinned; ${EDITS} full-text edits of one open article`);
		out.push(
			`     edit latency = didChange sent -> publishDiagnostics of that version received; it includes the ${SERVER_DEBOUNCE_MS} ms debounce`,
		);
		const column = (s) => `${s.mode === SERVER_MODES[0][0] ? 'text+rules' : 'full'} ${count(s.articles)}`;
		const rows = [
			['Time to index (s)', ...sizes.map((s) => s.index.seconds.toFixed(2)), ''],
			['Indexing rate (articles/s)', ...sizes.map((s) => count(s.index.articlesPerS)), ''],
			['Indexing rate (MB/s)', ...sizes.map((s) => s.index.MBps.toFixed(2)), ''],
			['Diagnostics published while indexing', ...sizes.map((s) => count(s.index.publishDiagnostics.diagnostics)), ''],
			['Open to first diagnostics (ms)', ...sizes.map((s) => s.edits.openMs.toFixed(1)), ''],
			['Edit to diagnostics p50 (ms)', ...sizes.map((s) => s.edits.p50Ms.toFixed(1)), ''],
			[
				'Edit to diagnostics p95 (ms)',
				...sizes.map((s) => s.edits.p95Ms.toFixed(1)),
				`<= ${TARGETS.editP95Ms} ms: ${sizes.map((s) => verdict(s.edits.p95Ms <= TARGETS.editP95Ms)).join(' / ')}`,
			],
			['Edit to diagnostics max (ms)', ...sizes.map((s) => s.edits.maxMs.toFixed(1)), ''],
			['Other articles republished by the edits', ...sizes.map((s) => count(s.edits.otherArticlesRepublished)), ''],
			[
				'Figure edit to all affected diagnostics p95 (ms)',
				...sizes.map((s) => (s.figureEdits ? s.figureEdits.p95Ms.toFixed(1) : '–')),
				`<= ${TARGETS.figureEditP95Ms} ms at ${count(TARGETS.serverRssArticles)}`,
			],
			['Figure edit max (ms)', ...sizes.map((s) => (s.figureEdits ? s.figureEdits.maxMs.toFixed(1) : '–')), ''],
			[
				'Other articles republished by the figure edits',
				...sizes.map((s) => (s.figureEdits ? count(s.figureEdits.otherArticlesRepublished) : '–')),
				'',
			],
			['RSS after indexing (MB)', ...sizes.map((s) => mem(s.memoryAfterIndex.rssMB)), ''],
			['Peak RSS after indexing (MB)', ...sizes.map((s) => mem(s.memoryAfterIndex.hwmMB)), ''],
			['RSS after edits (MB)', ...sizes.map((s) => mem(s.memoryAfterEdits.rssMB)), ''],
			[
				'Peak RSS, whole run (MB)',
				...sizes.map((s) => mem(s.memoryAfterEdits.hwmMB)),
				has10k
					? `<= ${TARGETS.serverRssMB} MB at ${count(TARGETS.serverRssArticles)}: ${verdict(sizes.find((s) => s.articles === TARGETS.serverRssArticles).memoryAfterEdits.hwmMB <= TARGETS.serverRssMB)}`
					: `(target applies to ${count(TARGETS.serverRssArticles)} articles)`,
			],
		];
		out.push(table(['Articles', ...sizes.map(column), 'Target'], rows));
		const edits = sizes[0]?.edits;
		if (edits) {
			out.push(
				`     edited article: ${edits.article} (${count(edits.articleBytes)} bytes); findings ${edits.findingsWithout.join('/')} without the sentence, ${edits.findingsWith.join('/')} with it`,
			);
		}
	}

	if (results.targets.length > 0) {
		const missed = results.targets.filter((t) => !t.pass);
		out.push('');
		out.push(
			missed.length === 0
				? 'Targets: all met.'
				: `Targets: ${missed.length} of ${results.targets.length} missed (${missed.map((t) => t.name).join('; ')}).`,
		);
	}
	return out.join('\n');
}

/** A plain-text table: the first column left-aligned, the others right-aligned, the last left-aligned. */
function table(header, rows) {
	const all = [header, ...rows];
	const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
	const line = (row) =>
		'  ' +
		row
			.map((cell, i) => (i === 0 || i === row.length - 1 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i])))
			.join('   ')
			.trimEnd();
	return [line(header), '  ' + widths.map((w) => '-'.repeat(w)).join('   '), ...rows.map(line)].join('\n');
}

function verdict(pass) {
	return pass ? 'PASS' : 'MISS';
}

function percent(share) {
	return `${Math.round(share * 100)}%`;
}

function count(n) {
	return n.toLocaleString('en-US');
}

function mem(mb) {
	return mb === null ? 'n/a' : mb.toFixed(0);
}

// ---------------------------------------------------------------------------------------------------
// Helpers

function machineFacts() {
	const cpus = os.cpus();
	return {
		node: process.version,
		cpu: cpus[0]?.model ?? 'unknown',
		cores: cpus.length,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		memoryMB: Math.round(os.totalmem() / MB),
	};
}

/**
 * CPU time so far, in clock ticks: the machine's (all cores, and how much of it idle) and the time of
 * this process plus its finished children. Undefined where /proc is not available.
 */
function cpuTicks() {
	const machine = /^cpu\s+(.*)$/m
		.exec(readText('/proc/stat') ?? '')?.[1]
		.trim()
		.split(/\s+/)
		.map(Number);
	const self = readText('/proc/self/stat');
	if (!machine || self === undefined) {
		return undefined;
	}
	// Fields after the command name, from `state`: utime, stime, cutime and cstime are the 12th to 15th.
	const own = self
		.slice(self.lastIndexOf(')') + 2)
		.split(' ')
		.map(Number);
	// user nice system idle iowait irq softirq steal: idle and iowait are the idle time.
	return { total: sum(machine.slice(0, 8)), idle: machine[3] + machine[4], own: own[11] + own[12] + own[13] + own[14] };
}

/** The share of all cores that other processes used between two readings: busy time that was not ours. */
function otherCpuShare(first, second) {
	if (!first || !second || second.total === first.total) {
		return undefined;
	}
	const busy = second.total - second.idle - (first.total - first.idle);
	return round(Math.max(0, busy - (second.own - first.own)) / (second.total - first.total), 3);
}

/** Other processes' share of the CPU over a short sample. */
async function sampleOtherCpu() {
	const first = cpuTicks();
	await new Promise((resolve) => setTimeout(resolve, BUSY_SAMPLE_MS));
	return otherCpuShare(first, cpuTicks());
}

/** The commit measured, so results can be compared over time; absent outside a git checkout. */
function gitFacts() {
	const git = (...args) => spawnSync('git', args, { cwd: REPO, encoding: 'utf8' });
	const head = git('rev-parse', '--short', 'HEAD');
	if (head.status !== 0) {
		return undefined;
	}
	const dirty = git('status', '--porcelain', '--untracked-files=no').stdout.trim().length > 0;
	return { commit: head.stdout.trim(), dirty };
}

/** The fields of /proc/<pid>/status that are sizes, in KiB; undefined once the process is gone. */
function procStatus(pid) {
	const text = readText(`/proc/${pid}/status`);
	if (text === undefined) {
		return undefined;
	}
	const fields = {};
	for (const match of text.matchAll(/^(\w+):\s+(\d+) kB$/gm)) {
		fields[match[1]] = Number(match[2]);
	}
	return fields;
}

function onceExit(child) {
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code, signal) => resolve({ code, signal }));
	});
}

function withTimeout(promise, ms, what) {
	let timer;
	const timeout = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`Timed out after ${formatDuration(ms / 1000)} waiting for ${what}.`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function killChildren() {
	for (const child of liveChildren) {
		child.kill('SIGKILL');
	}
	liveChildren.clear();
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted, p) {
	return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function sum(values) {
	return values.reduce((a, b) => a + b, 0);
}

function round(value, digits) {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

function formatDuration(seconds) {
	return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s` : `${round(seconds, 1)} s`;
}

function readText(file) {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

function readJson(file) {
	const text = readText(file);
	try {
		return text === undefined ? undefined : JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** Progress goes to stderr, so stdout carries only the report. */
function progress(message) {
	process.stderr.write(`${message}\n`);
}

// ---------------------------------------------------------------------------------------------------
// Entry point, last so that every declaration above is initialised before main() runs.

process.on('SIGINT', () => {
	killChildren();
	process.stderr.write('\nbench: interrupted.\n');
	process.exit(130);
});

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error) => {
		killChildren();
		process.stderr.write(`\nbench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = 1;
	},
);
