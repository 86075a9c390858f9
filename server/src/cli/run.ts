import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
	CONFIG_FILE_NAME,
	Corpus,
	LineIndex,
	REVIEW_STATUSES,
	STARTER_CONFIG,
	applyReview,
	reviewFilePath,
	SEVERITIES,
	compareFindings,
	factGroups,
	formatInterval,
	groupKey,
	intervalData,
	ruleCatalog,
	ruleSeverity,
	severityRank,
	type Fact,
	type Finding,
	type ReviewStatus,
	type Severity,
} from '../core';
import { loadAnalysisContext } from '../node/models';
import { writeFileAtomic } from '../node/atomicWrite';
import { toRelative } from '../node/files';
import { readArticleSync } from '../node/readArticle';
import { listReviewedArticles, readReviewSync, type LoadedReview } from '../node/reviewStore';
import { VERSION } from '../version';
import { EXIT, findCorpusFiles, isInside, type CliIo } from './corpusFiles';
import { formatSarif } from './formatSarif';
import { agreement, exportAnnotations, importAnnotations, writeOutput } from './interchange';
import { formatText } from './formatText';
import { rangeOf, toJsonFindings, type CheckedDocument } from './model';

export { EXIT, type CliIo } from './corpusFiles';

const USAGE = `Usage: crosscheck <command> [options]

Commands:
  check [PATH...]   Analyse articles (files or folders; default: the current folder) and report findings.
  entities [PATH...]
                    List every entity mention: people, organizations, places, dates, figures, other.
  quotes [PATH...]  List every quotation and attributed statement with its speaker, cue, kind and status.
  facts [PATH...]   List every figure the figure rules compare (what it counts, its interval, its event),
                    grouped by quantity across each cluster's articles: the fact table.
  review --status [PATH...]
                    Count the findings per rule by review decision (unreviewed, confirmed, dismissed),
                    from the review files in .crosscheck/annotations: a team's progress.
  export [PATH...] --format brat|jsonl|webanno|sarif|csv [--out DIR|FILE] [--offsets UNIT]
                    Export the manual annotations (brat standoff, doccano-style JSONL, W3C Web
                    Annotation), the findings with their review state (SARIF) or the fact table (CSV).
  import --format brat|jsonl [--by NAME] [--strict-labels] [--dry-run] [--offsets UNIT] FILE|DIR...
                    Bring annotations made in other tools into the review files of the matching articles.
  agreement A B [--corpus DIR] [--format text|json]
                    Agreement between two annotators' stores (corpus roots or annotations folders):
                    Cohen's kappa per token and span precision, recall and F1, per label and overall.
  init              Write a commented starter crosscheck.yaml in the current folder.
  rules             List every rule id with its default severity.

Options for check, entities, quotes, facts and review:
  --format text|json|sarif|csv
                             Output format (default: text; check: text, json or sarif; entities and
                             quotes: text or json; facts: text, json or csv).
  --config FILE              Use this crosscheck.yaml (default: the nearest one at or above the first PATH).
  --fail-on SEVERITY         Exit 1 when a finding is at least this severe:
                             error, warning (default), information, hint, or none.
  --min-severity SEVERITY    Report findings at least this severe (default: information; hint adds the
                             entity marks).
  --include-dismissed        check: also report findings dismissed in review, marked as such (SARIF
                             always includes them, as suppressed results).
  --explain                  Also report each article's layout (metadata, body, headlines, captions,
                             web-page debris) as a "documents" list in JSON, or after the findings in text.
  --out DIR|FILE             export: where to write (brat: a folder; the others: a file, default stdout).
  --offsets code-points|utf-16
                             export and import with --format jsonl: what the offsets count (default:
                             code-points).
  --by NAME                  import: the author of imported annotations that name none.
  --strict-labels            import: refuse an article's annotations when a label is not declared in
                             crosscheck.yaml labels (default: import them with a warning).
  --dry-run                  import: report what would be imported, write nothing.
  --corpus DIR               agreement: read the articles' text from this corpus (default: each store's own).
  -h, --help                 Show this help.
  -v, --version              Show the version.

Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage or configuration error.
`;

/** Runs the command line. Never throws; returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
	try {
		return await runUnsafe(argv, io);
	} catch (error) {
		io.stderr(`crosscheck: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		return EXIT.usage;
	}
}

async function runUnsafe(argv: readonly string[], io: CliIo): Promise<number> {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv],
			allowPositionals: true,
			strict: true,
			options: {
				format: { type: 'string', short: 'f' },
				config: { type: 'string', short: 'c' },
				'fail-on': { type: 'string' },
				'min-severity': { type: 'string' },
				explain: { type: 'boolean' },
				'include-dismissed': { type: 'boolean' },
				status: { type: 'boolean' },
				out: { type: 'string', short: 'o' },
				by: { type: 'string' },
				corpus: { type: 'string' },
				'strict-labels': { type: 'boolean' },
				'dry-run': { type: 'boolean' },
				offsets: { type: 'string' },
				help: { type: 'boolean', short: 'h' },
				version: { type: 'boolean', short: 'v' },
			},
		});
	} catch (error) {
		io.stderr(`crosscheck: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
		return EXIT.usage;
	}
	const { values, positionals } = parsed;
	if (values.version) {
		io.stdout(`${VERSION}\n`);
		return EXIT.ok;
	}
	const [command, ...paths] = positionals;
	if (values.help || command === undefined || command === 'help') {
		(command === undefined && !values.help ? io.stderr : io.stdout)(USAGE);
		return command === undefined && !values.help ? EXIT.usage : EXIT.ok;
	}
	switch (command) {
		case 'check':
			return check(paths, values, io);
		case 'entities':
			return entities(paths, values, io);
		case 'quotes':
			return quotes(paths, values, io);
		case 'facts':
			return facts(paths, values, io);
		case 'review':
			return review(paths, values, io);
		case 'export':
			return exportCommand(paths, values, io);
		case 'import':
			return importAnnotations(paths, values, io);
		case 'agreement':
			return agreement(paths, values, io);
		case 'init':
			return init(io);
		case 'rules':
			for (const rule of ruleCatalog.values()) {
				io.stdout(`${rule.id.padEnd(22)} ${rule.defaultSeverity.padEnd(12)} ${rule.summary}\n`);
			}
			return EXIT.ok;
		default:
			io.stderr(`crosscheck: unknown command "${command}".\n\n${USAGE}`);
			return EXIT.usage;
	}
}

/**
 * `crosscheck export`: manual annotations as brat, JSONL or Web Annotation; findings with their review
 * state as SARIF (what `check --format sarif` prints, which always includes dismissed findings as
 * suppressed results); the fact table as CSV (what `facts --format csv` prints).
 */
async function exportCommand(paths: readonly string[], flags: CheckFlags & { out?: string }, io: CliIo): Promise<number> {
	const format = flags.format;
	if (format === 'brat' || format === 'jsonl' || format === 'webanno') {
		return exportAnnotations(paths, flags, io);
	}
	if (format !== 'sarif' && format !== 'csv') {
		io.stderr(`crosscheck: export needs --format brat, jsonl, webanno, sarif or csv${format !== undefined ? `, not "${format}"` : ''}.\n`);
		return EXIT.usage;
	}
	let output = '';
	const captured: CliIo = { ...io, stdout: (text) => (output += text), stderr: (text) => io.stderr(text) };
	const code =
		format === 'sarif'
			? await check(paths, { ...flags, 'fail-on': 'none', 'include-dismissed': true }, captured)
			: await facts(paths, flags, captured);
	if (output === '') {
		return code;
	}
	await writeOutput(flags.out, output, io);
	if (flags.out !== undefined && flags.out !== '-') {
		io.stdout(`Exported ${format === 'sarif' ? 'the findings (SARIF)' : 'the fact table (CSV)'} to ${flags.out}.\n`);
	}
	return code;
}

async function init(io: CliIo): Promise<number> {
	const target = path.join(io.cwd, CONFIG_FILE_NAME);
	try {
		await writeFileAtomic(target, STARTER_CONFIG, { exclusive: true });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
			io.stderr(`crosscheck: ${CONFIG_FILE_NAME} already exists here; it was left unchanged.\n`);
			return EXIT.usage;
		}
		throw error;
	}
	io.stdout(`Wrote ${CONFIG_FILE_NAME}.\n`);
	return EXIT.ok;
}

interface CheckFlags {
	format?: string;
	config?: string;
	'fail-on'?: string;
	'min-severity'?: string;
	explain?: boolean;
	'include-dismissed'?: boolean;
	status?: boolean;
}

async function check(paths: readonly string[], flags: CheckFlags, io: CliIo): Promise<number> {
	const format = flags.format ?? 'text';
	if (!['text', 'json', 'sarif'].includes(format)) {
		io.stderr(`crosscheck: --format must be text, json or sarif, not "${format}".\n`);
		return EXIT.usage;
	}
	const failOn = flags['fail-on'] ?? 'warning';
	if (failOn !== 'none' && !SEVERITIES.includes(failOn as Severity)) {
		io.stderr(`crosscheck: --fail-on must be error, warning, information, hint or none, not "${failOn}".\n`);
		return EXIT.usage;
	}

	const minSeverity = flags['min-severity'] ?? 'information';
	if (!SEVERITIES.includes(minSeverity as Severity)) {
		io.stderr(`crosscheck: --min-severity must be error, warning, information or hint, not "${minSeverity}".\n`);
		return EXIT.usage;
	}

	const loaded = await loadCorpus(paths, flags.config, io);
	if (typeof loaded === 'number') {
		return loaded;
	}
	const { documents, configError } = loaded;

	const ordered = [...documents.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
	const all = ordered.flatMap((doc) => toJsonFindings(doc, (id) => documents.get(id)));
	// Dismissed findings are settled: not reported (SARIF keeps them as suppressed results) and never fail the run.
	const showDismissed = format === 'sarif' || flags['include-dismissed'] === true;
	const findings = all.filter(
		(f) => severityRank(f.severity) <= severityRank(minSeverity as Severity) && (showDismissed || f.review?.status !== 'dismissed'),
	);
	if (format === 'json') {
		const output: Record<string, unknown> = { version: 1, findings };
		if (flags.explain) {
			output.documents = ordered.map(explainDocument);
		}
		io.stdout(JSON.stringify(output, null, 2) + '\n');
	} else if (format === 'sarif') {
		io.stdout(formatSarif(findings, pathToFileURL(io.cwd).href, VERSION));
	} else {
		io.stdout(formatText(findings, ordered.length));
		if (flags.explain) {
			io.stdout(ordered.map((doc) => explainText(doc)).join(''));
		}
	}
	if (configError) {
		return EXIT.usage;
	}
	const threshold = failOn === 'none' ? -1 : severityRank(failOn as Severity);
	return all.some((f) => severityRank(f.severity) <= threshold && f.review?.status !== 'dismissed') ? EXIT.findings : EXIT.ok;
}

/** `crosscheck review --status`: findings per rule by review decision. */
async function review(paths: readonly string[], flags: CheckFlags, io: CliIo): Promise<number> {
	if (!flags.status) {
		io.stderr('crosscheck: review needs --status (the only review report so far).\n');
		return EXIT.usage;
	}
	const format = flags.format ?? 'text';
	if (!['text', 'json'].includes(format)) {
		io.stderr(`crosscheck: --format must be text or json for review, not "${format}".\n`);
		return EXIT.usage;
	}
	const loaded = await loadCorpus(paths, flags.config, io);
	if (typeof loaded === 'number') {
		return loaded;
	}
	const minSeverity = (flags['min-severity'] ?? 'information') as Severity;
	if (!SEVERITIES.includes(minSeverity)) {
		io.stderr(`crosscheck: --min-severity must be error, warning, information or hint, not "${minSeverity}".\n`);
		return EXIT.usage;
	}
	type Row = Record<'unreviewed' | ReviewStatus, number>;
	const rows = new Map<string, Row>();
	for (const doc of loaded.documents.values()) {
		for (const f of doc.findings) {
			if (severityRank(f.severity) > severityRank(minSeverity)) {
				continue;
			}
			let row = rows.get(f.ruleId);
			if (!row) {
				row = { unreviewed: 0, open: 0, confirmed: 0, dismissed: 0 };
				rows.set(f.ruleId, row);
			}
			row[f.review ? f.review.status : 'unreviewed']++;
		}
	}
	const rules = [...rows.keys()].sort();
	const total = (key: keyof Row): number => rules.reduce((n, r) => n + rows.get(r)![key], 0);
	if (format === 'json') {
		const output = {
			version: 1,
			rules: rules.map((rule) => ({ rule, ...rows.get(rule)! })),
			total: { unreviewed: total('unreviewed'), open: total('open'), confirmed: total('confirmed'), dismissed: total('dismissed') },
			orphaned: loaded.orphans,
		};
		io.stdout(JSON.stringify(output, null, 2) + '\n');
	} else {
		const columns = ['unreviewed', ...REVIEW_STATUSES] as const;
		const header = ['rule'.padEnd(22), ...columns.map((c) => c.padStart(11))].join(' ');
		const line = (label: string, row: Row): string => [label.padEnd(22), ...columns.map((c) => String(row[c]).padStart(11))].join(' ');
		const lines = [header, ...rules.map((r) => line(r, rows.get(r)!))];
		lines.push(
			line('total', { unreviewed: total('unreviewed'), open: total('open'), confirmed: total('confirmed'), dismissed: total('dismissed') }),
		);
		lines.push(
			`${loaded.documents.size} article${loaded.documents.size === 1 ? '' : 's'}; ${loaded.orphans} orphaned review entr${loaded.orphans === 1 ? 'y' : 'ies'}.`,
		);
		io.stdout(lines.join('\n') + '\n');
	}
	return loaded.configError ? EXIT.usage : EXIT.ok;
}

/** `crosscheck entities`: every entity mention, linked across the corpus. */
async function entities(paths: readonly string[], flags: CheckFlags, io: CliIo): Promise<number> {
	const format = flags.format ?? 'text';
	if (format !== 'text' && format !== 'json') {
		io.stderr(`crosscheck: --format must be text or json for entities, not "${format}".\n`);
		return EXIT.usage;
	}
	const loaded = await loadCorpus(paths, flags.config, io);
	if (typeof loaded === 'number') {
		return loaded;
	}
	const ordered = [...loaded.documents].sort(([, a], [, b]) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
	const mentions = ordered.flatMap(([id, doc]) =>
		loaded.corpus.mentions(id).map((m) => ({
			file: doc.file,
			range: rangeOf(doc.lines, m.start, m.end),
			text: m.text,
			type: m.type,
			canonical: m.type === 'date' || m.type === 'figure' ? m.text : (loaded.corpus.entities.entity(m.entity)?.name ?? m.name),
		})),
	);
	if (format === 'json') {
		io.stdout(JSON.stringify({ version: 1, entities: mentions }, null, 2) + '\n');
	} else {
		for (const m of mentions) {
			const canonical = m.canonical !== m.text ? `  → ${m.canonical}` : '';
			io.stdout(`${m.file}:${m.range.start.line + 1}:${m.range.start.character + 1}  ${m.type.padEnd(12)} ${m.text}${canonical}\n`);
		}
		io.stdout(
			`${mentions.length} mention${mentions.length === 1 ? '' : 's'} in ${ordered.length} file${ordered.length === 1 ? '' : 's'}.\n`,
		);
	}
	return loaded.configError ? EXIT.usage : EXIT.ok;
}

/** `crosscheck quotes`: every quotation and attributed statement, with speaker, cue, kind and status. */
async function quotes(paths: readonly string[], flags: CheckFlags, io: CliIo): Promise<number> {
	const format = flags.format ?? 'text';
	if (format !== 'text' && format !== 'json') {
		io.stderr(`crosscheck: --format must be text or json for quotes, not "${format}".\n`);
		return EXIT.usage;
	}
	const loaded = await loadCorpus(paths, flags.config, io);
	if (typeof loaded === 'number') {
		return loaded;
	}
	const ordered = [...loaded.documents].sort(([, a], [, b]) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
	const listed = ordered.flatMap(([id, doc]) => {
		const stored = loaded.corpus.get(id);
		if (!stored) {
			return [];
		}
		return stored.analysis.attribution.quotes.map((q) => {
			const speaker = q.speaker
				? {
						text: q.speaker.text,
						range: rangeOf(doc.lines, q.speaker.start, q.speaker.end),
						canonical: loaded.corpus.speakerName(id, q.speaker).name ?? null,
						resolution: q.speaker.resolution,
					}
				: null;
			return {
				file: doc.file,
				range: rangeOf(doc.lines, q.start, q.end),
				text: stored.text.slice(q.start, q.end),
				speaker,
				cue: q.cue ? { text: q.cue.text, range: rangeOf(doc.lines, q.cue.start, q.cue.end) } : null,
				kind: q.kind,
				status: q.status,
			};
		});
	});
	if (format === 'json') {
		io.stdout(JSON.stringify({ version: 1, quotes: listed }, null, 2) + '\n');
	} else {
		for (const q of listed) {
			const who = q.speaker
				? `${q.speaker.text}${q.speaker.canonical && q.speaker.canonical !== q.speaker.text ? ` → ${q.speaker.canonical}` : ''}`
				: '(no speaker)';
			const words = q.text.replace(/\s+/g, ' ');
			const shown = words.length > 80 ? `${words.slice(0, 77)}…` : words;
			io.stdout(
				`${q.file}:${q.range.start.line + 1}:${q.range.start.character + 1}  ${q.kind.padEnd(12)} ${q.status.padEnd(12)} ${who}: "${shown}"\n`,
			);
		}
		io.stdout(
			`${listed.length} quotation${listed.length === 1 ? '' : 's'} and statement${listed.length === 1 ? '' : 's'} in ${ordered.length} file${ordered.length === 1 ? '' : 's'}.\n`,
		);
	}
	return loaded.configError ? EXIT.usage : EXIT.ok;
}

/** `crosscheck facts`: the fact table — every compared figure with its interval, measure, event and cluster. */
async function facts(paths: readonly string[], flags: CheckFlags, io: CliIo): Promise<number> {
	const format = flags.format ?? 'text';
	if (format !== 'text' && format !== 'json' && format !== 'csv') {
		io.stderr(`crosscheck: --format must be text, json or csv for facts, not "${format}".\n`);
		return EXIT.usage;
	}
	const loaded = await loadCorpus(paths, flags.config, io);
	if (typeof loaded === 'number') {
		return loaded;
	}
	const { corpus, documents } = loaded;
	const clusterName = (cluster: string): string => (cluster === '' ? '.' : cluster);
	const row = (docId: string, cluster: string, fact: Fact) => {
		const doc = documents.get(docId)!;
		const { published } = corpus.articleName(docId);
		const outlet = corpus.get(docId)?.metadata.outlet;
		return {
			file: doc.file,
			range: rangeOf(doc.lines, fact.start, fact.end),
			text: fact.text,
			interval: intervalData(fact),
			measure: fact.measure,
			population: fact.population ?? null,
			part: fact.part ?? null,
			event: fact.event,
			group: groupKey(fact),
			cluster: clusterName(cluster),
			outlet: outlet ?? null,
			published: published ?? null,
			display: fact.display,
		};
	};
	if (format === 'text') {
		const groups = factGroups(corpus, 1);
		let count = 0;
		for (const group of groups) {
			const articles = `${group.articles} article${group.articles === 1 ? '' : 's'}`;
			const state = group.articles < 2 ? articles : `${group.relation === 'divergent' ? 'differ' : group.relation} · ${articles}`;
			io.stdout(`${clusterName(group.cluster)}: ${group.label}  [${state}]\n`);
			for (const { docId, cluster, fact } of group.facts) {
				const r = row(docId, cluster, fact);
				const when = r.published ? `  ${r.published}` : '';
				io.stdout(
					`  ${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}  "${r.text}"  ${formatInterval(fact.interval)}${when}\n`,
				);
				count++;
			}
		}
		const files = documents.size;
		io.stdout(
			`${count} figure${count === 1 ? '' : 's'} in ${groups.length} quantit${groups.length === 1 ? 'y' : 'ies'}, ${files} file${files === 1 ? '' : 's'}.\n`,
		);
		return loaded.configError ? EXIT.usage : EXIT.ok;
	}
	const ordered = [...documents.keys()].sort((a, b) => {
		const fa = documents.get(a)!.file;
		const fb = documents.get(b)!.file;
		return fa < fb ? -1 : fa > fb ? 1 : 0;
	});
	const rows = ordered.flatMap((id) => {
		const own = corpus.facts.facts(id);
		return own ? own.facts.map((fact) => row(id, own.cluster, fact)) : [];
	});
	if (format === 'json') {
		io.stdout(JSON.stringify({ version: 1, facts: rows }, null, 2) + '\n');
	} else {
		const header = [
			'file',
			'line',
			'column',
			'end_line',
			'end_column',
			'text',
			'min',
			'max',
			'min_inclusive',
			'max_inclusive',
			'measure',
			'population',
			'part',
			'event',
			'group',
			'cluster',
			'outlet',
			'published',
		];
		const lines = [header.join(',')];
		for (const r of rows) {
			lines.push(
				[
					r.file,
					r.range.start.line + 1,
					r.range.start.character + 1,
					r.range.end.line + 1,
					r.range.end.character + 1,
					r.text,
					r.interval.min,
					r.interval.max ?? '',
					r.interval.minInclusive,
					r.interval.maxInclusive,
					r.measure,
					r.population ?? '',
					r.part ?? '',
					r.event,
					r.group,
					r.cluster,
					r.outlet ?? '',
					r.published ?? '',
				]
					.map(csvField)
					.join(','),
			);
		}
		io.stdout(lines.join('\r\n') + '\r\n');
	}
	return loaded.configError ? EXIT.usage : EXIT.ok;
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; a leading formula sign is neutralised. */
function csvField(value: string | number | boolean): string {
	let text = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
		text = `'${text}`;
	}
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A corpus read from disk for one command, with each document's printed path and findings. */
interface LoadedCorpus {
	readonly corpus: Corpus;
	readonly documents: Map<string, CheckedDocument>;
	readonly configError: boolean;
	/** Review entries whose text is no longer in their article. */
	readonly orphans: number;
}

/**
 * Reads the configuration and every article named by `paths` (folders are walked with the globs;
 * files named explicitly are always read) into a corpus. Returns an exit code on a usage error.
 */
async function loadCorpus(paths: readonly string[], configFlag: string | undefined, io: CliIo): Promise<LoadedCorpus | number> {
	const found = await findCorpusFiles(paths, configFlag, io);
	if (typeof found === 'number') {
		return found;
	}
	const { root, config, options } = found;
	let { configError } = found;

	const context = loadAnalysisContext((problem) => io.stderr(`crosscheck: ${problem}\n`));
	const corpus = new Corpus(options, config?.documents, context);
	// Review files first (one walk of .crosscheck/annotations): their entity labels change recognition.
	const reviews = new Map<string, LoadedReview | Error | undefined>();
	for (const article of listReviewedArticles(root)) {
		try {
			const loadedReview = readReviewSync(root, article);
			reviews.set(article, loadedReview);
			corpus.setReview(article, loadedReview?.review);
		} catch (error) {
			reviews.set(article, error as Error);
		}
	}
	const documents = new Map<string, CheckedDocument>();
	const inputProblems = new Map<string, Finding[]>();
	const sorted = found.files;
	const progress = io.stderrIsTTY && sorted.length >= 200;
	let done = 0;
	for (const file of sorted) {
		const shown = toRelative(io.cwd, file);
		let result;
		try {
			result = readArticleSync(file, options.maxFileSize);
		} catch (error) {
			io.stderr(`crosscheck: cannot read ${shown}: ${(error as Error).message}\n`);
			continue;
		}
		const problems = result.problems
			.map((f) => ({ ...f, severity: ruleSeverity(f.ruleId, options) }))
			.filter((f): f is Finding => f.severity !== undefined);
		inputProblems.set(file, problems);
		const text = result.kind === 'text' ? result.text : '';
		if (result.kind === 'text') {
			corpus.update(file, text, 0, isInside(root, file) ? toRelative(root, file) : undefined);
		}
		documents.set(file, { file: shown, text, lines: new LineIndex(text), findings: [] });
		done++;
		if (progress && done % 100 === 0) {
			io.stderr(`\rcrosscheck: ${done}/${sorted.length} files…`);
		}
	}
	if (progress) {
		io.stderr('\r\u001b[K');
	}
	let orphans = 0;
	for (const [id, doc] of documents) {
		const stored = corpus.get(id);
		let findings = [...(inputProblems.get(id) ?? []), ...corpus.findings(id)].sort(compareFindings);
		const article = stored?.path;
		if (article !== undefined && reviews.has(article)) {
			const shown = toRelative(io.cwd, path.join(root, ...reviewFilePath(article).split('/')));
			const loadedReview = reviews.get(article);
			if (loadedReview instanceof Error) {
				io.stderr(`crosscheck: cannot read ${shown}: ${loadedReview.message}\n`);
			} else if (loadedReview) {
				const lines = new LineIndex(loadedReview.text);
				for (const problem of loadedReview.review.problems) {
					const p = lines.positionAt(problem.start);
					io.stderr(`${shown}:${p.line + 1}:${p.character + 1}  error  invalid-review-file  ${problem.message}\n`);
					configError = true;
				}
				const applied = applyReview(doc.text, findings, loadedReview.review);
				findings = [...applied.findings];
				for (const orphan of applied.orphans) {
					const spans = orphan.kind === 'decision' ? loadedReview.review.decisionSpans : loadedReview.review.annotationSpans;
					const p = lines.positionAt(spans[orphan.index]?.start ?? 0);
					io.stderr(
						`${shown}:${p.line + 1}:${p.character + 1}  warning  orphaned-annotation  "${orphan.entry.anchor.exact}" is no longer in ${doc.file}\n`,
					);
					orphans++;
				}
			}
		}
		documents.set(id, stored ? { ...doc, findings, analysis: stored.analysis, metadata: stored.metadata } : { ...doc, findings });
	}

	return { corpus, documents, configError, orphans };
}

/** The `--explain` view of one document: metadata and every line's kind, with ranges. */
function explainDocument(doc: CheckedDocument) {
	const structure = doc.analysis?.structure;
	return {
		file: doc.file,
		metadata: doc.metadata ?? {},
		frontMatter: structure?.frontMatter ? rangeOf(doc.lines, structure.frontMatter.start, structure.frontMatter.end) : null,
		lines: (structure?.lines ?? []).map((line) => ({
			range: rangeOf(doc.lines, line.start, line.end),
			kind: line.kind,
			...(line.reason ? { reason: line.reason } : {}),
		})),
		datelines: (structure?.datelines ?? []).map((d) => rangeOf(doc.lines, d.start, d.end)),
	};
}

function explainText(doc: CheckedDocument): string {
	const structure = doc.analysis?.structure;
	if (!structure) {
		return `\n${doc.file}: not analysed\n`;
	}
	const rows = structure.lines.map((line) => {
		const p = doc.lines.positionAt(line.start);
		const excerpt = doc.text.slice(line.start, Math.min(line.end, line.start + 60)).replace(/\s+/g, ' ');
		return `  ${String(p.line + 1).padStart(4)}  ${(line.kind + (line.reason ? ` (${line.reason})` : '')).padEnd(28)} ${excerpt}${line.end - line.start > 60 ? '…' : ''}`;
	});
	return `\n${doc.file}\n${rows.join('\n')}\n`;
}
