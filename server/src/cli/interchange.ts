import { promises as fs, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import {
	LineIndex,
	applyReview,
	articleAnnotations,
	articlesOfBratBase,
	bratBaseName,
	computeAgreement,
	declaredLabels,
	firstDifference,
	formatBrat,
	formatJsonlLine,
	formatWebAnnotations,
	mergeAnnotations,
	parseBrat,
	parseJsonlLine,
	reviewFilePath,
	type AgreementArticle,
	type AgreementRow,
	type ArticleAnnotations,
	type ImportedArticle,
	type AgreementSpan,
	type MergeResult,
	type OffsetUnit,
} from '../core';

/** Checks `--offsets`: only JSONL has a choice (brat and Web Annotation count code points by definition). */
function offsetsProblem(format: string | undefined, offsets: string | undefined): string | undefined {
	if (offsets === undefined) {
		return undefined;
	}
	if (format !== 'jsonl') {
		return '--offsets applies to --format jsonl only (brat and Web Annotation count code points).';
	}
	return offsets === 'code-points' || offsets === 'utf-16' ? undefined : `--offsets must be code-points or utf-16, not "${offsets}".`;
}
import { writeFileAtomic } from '../node/atomicWrite';
import { toRelative } from '../node/files';
import { decodeArticle, readArticleSync } from '../node/readArticle';
import { editReview, listReviewFolder, readReviewInFolderSync, readReviewSync, type LoadedReview } from '../node/reviewStore';
import { SafeEditError } from '../node/safeEdit';
import { EXIT, findCorpusFiles, isInside, loadRunConfig, type CliIo } from './corpusFiles';

/**
 * `crosscheck export`, `import` and `agreement` for manual annotations: the file system and the command
 * line around the pure conversions of `core/interchange`. Nothing is written until every input has been
 * read and checked, and each file is written atomically.
 */

/** Writes a single-file export to `--out FILE`, or to stdout without it (or with `-`). */
export async function writeOutput(out: string | undefined, content: string, io: CliIo): Promise<void> {
	if (out === undefined || out === '-') {
		io.stdout(content);
		return;
	}
	const target = path.resolve(io.cwd, out);
	await fs.mkdir(path.dirname(target), { recursive: true });
	await writeFileAtomic(target, content);
}

interface ExportFlags {
	format?: string;
	offsets?: string;
	out?: string;
	config?: string;
}

/** `crosscheck export --format brat|jsonl|webanno`: the articles' manual annotations in another tool's format. */
export async function exportAnnotations(paths: readonly string[], flags: ExportFlags, io: CliIo): Promise<number> {
	const format = flags.format;
	const badOffsets = offsetsProblem(format, flags.offsets);
	if (badOffsets) {
		io.stderr(`crosscheck: ${badOffsets}\n`);
		return EXIT.usage;
	}
	const found = await findCorpusFiles(paths, flags.config, io);
	if (typeof found === 'number') {
		return found;
	}
	const { root } = found;
	let failed = found.configError;
	const articles: ArticleAnnotations[] = [];
	let orphans = 0;
	for (const file of found.files) {
		const shown = toRelative(io.cwd, file);
		if (!isInside(root, file)) {
			io.stderr(`crosscheck: ${shown} is outside the corpus root ${root} (it can have no review file); not exported.\n`);
			continue;
		}
		const article = toRelative(root, file);
		let result;
		try {
			result = readArticleSync(file, found.options.maxFileSize);
		} catch (error) {
			io.stderr(`crosscheck: cannot read ${shown}: ${(error as Error).message}\n`);
			failed = true;
			continue;
		}
		if (result.kind === 'skipped') {
			io.stderr(`crosscheck: ${shown}: ${result.problems[0]?.message ?? 'not read'} Not exported.\n`);
			continue;
		}
		const reviewShown = toRelative(io.cwd, path.join(root, ...reviewFilePath(article).split('/')));
		let loaded: LoadedReview | undefined;
		try {
			loaded = readReviewSync(root, article);
		} catch (error) {
			io.stderr(`crosscheck: cannot read ${reviewShown}: ${(error as Error).message}\n`);
			failed = true;
			continue;
		}
		if (loaded && reportReviewProblems(loaded, reviewShown, io)) {
			failed = true;
			continue;
		}
		const exported = articleAnnotations(article, result.text, loaded?.review);
		if (loaded && exported.orphans.length > 0) {
			const lines = new LineIndex(loaded.text);
			const placed = applyReview(result.text, [], loaded.review).orphans;
			for (const orphan of placed) {
				const p = lines.positionAt(loaded.review.annotationSpans[orphan.index]?.start ?? 0);
				const kept = format === 'brat' ? 'brat cannot hold it, so it is not in the export' : 'exported with its recorded text';
				io.stderr(
					`${reviewShown}:${p.line + 1}:${p.character + 1}  warning  orphaned-annotation  "${orphan.entry.anchor.exact}" is no longer in ${shown}; ${kept}\n`,
				);
				orphans++;
			}
		}
		articles.push(exported);
	}
	if (failed) {
		io.stderr('crosscheck: nothing was exported; fix the problems above first.\n');
		return EXIT.usage;
	}
	const count = articles.reduce((n, a) => n + a.annotations.length, 0);
	const summary = `${count} annotation${count === 1 ? '' : 's'}${orphans > 0 ? ` (and ${orphans} orphaned)` : ''} from ${articles.length} article${articles.length === 1 ? '' : 's'}`;
	if (format === 'brat') {
		if (flags.out === undefined || flags.out === '-') {
			io.stderr('crosscheck: export --format brat needs --out DIR (a .txt and an .ann file per article).\n');
			return EXIT.usage;
		}
		const dir = path.resolve(io.cwd, flags.out);
		const outputs = new Map<string, string>();
		for (const article of articles) {
			const base = bratBaseName(article.path);
			for (const [name, content] of [
				[`${base}.txt`, article.text],
				[`${base}.ann`, formatBrat(article)],
			] as const) {
				if (outputs.has(name)) {
					io.stderr(`crosscheck: two articles would both be written as ${name}; export them separately.\n`);
					return EXIT.usage;
				}
				outputs.set(name, content);
			}
		}
		for (const name of outputs.keys()) {
			const target = path.join(dir, ...name.split('/'));
			if (name.endsWith('.txt') && isInside(root, target) && found.filter.isArticle(toRelative(root, target))) {
				io.stderr(
					`crosscheck: ${toRelative(io.cwd, target)} would be read as an article of the corpus; write the export outside it, or exclude ${flags.out} in crosscheck.yaml.\n`,
				);
				return EXIT.usage;
			}
		}
		for (const [name, content] of outputs) {
			const target = path.join(dir, ...name.split('/'));
			await fs.mkdir(path.dirname(target), { recursive: true });
			await writeFileAtomic(target, content);
		}
		io.stdout(`Exported ${summary} to ${flags.out} (brat standoff).\n`);
		return EXIT.ok;
	}
	const content =
		format === 'jsonl'
			? articles.map((a) => formatJsonlLine(a, flags.offsets as OffsetUnit | undefined) + '\n').join('')
			: JSON.stringify(formatWebAnnotations(articles), null, 2) + '\n';
	await writeOutput(flags.out, content, io);
	if (flags.out !== undefined && flags.out !== '-') {
		io.stdout(`Exported ${summary} to ${flags.out} (${format === 'jsonl' ? 'JSONL' : 'Web Annotation'}).\n`);
	}
	return EXIT.ok;
}

/** Reports a review file's problems as `file:line:col  error  invalid-review-file`; true when there were any. */
function reportReviewProblems(loaded: LoadedReview, shown: string, io: CliIo): boolean {
	const lines = new LineIndex(loaded.text);
	for (const problem of loaded.review.problems) {
		const p = lines.positionAt(problem.start);
		io.stderr(`${shown}:${p.line + 1}:${p.character + 1}  error  invalid-review-file  ${problem.message}\n`);
	}
	return loaded.review.problems.length > 0;
}

interface ImportFlags {
	format?: string;
	offsets?: string;
	by?: string;
	config?: string;
	'strict-labels'?: boolean;
	'dry-run'?: boolean;
}

/** One article's worth of annotations from an imported file, before it is matched to the corpus. */
interface ImportSource {
	/** The file as shown in messages (the `.ann` file, or the JSONL file). */
	readonly shown: string;
	/** The article paths it may belong to, the likelier first. */
	readonly candidates: readonly string[];
	/** The other tool's copy of the text, or why it could not be read. */
	readonly text: string | { readonly error: string };
	/** A JSONL line, read; a brat document is read once its text is known (its offsets need it). */
	readonly parsed?: ImportedArticle;
	readonly ann?: string;
	/** A file given on its own: matched to the article whose path its own path ends with. */
	readonly bySuffix?: boolean;
	/** The 1-based line of a JSONL source, where its article-level problems are reported. */
	readonly line?: number;
}

/** `crosscheck import --format brat|jsonl FILE|DIR…`: annotations made in other tools into the review files. */
export async function importAnnotations(inputs: readonly string[], flags: ImportFlags, io: CliIo): Promise<number> {
	const format = flags.format;
	if (format !== 'brat' && format !== 'jsonl') {
		io.stderr(`crosscheck: import needs --format brat or --format jsonl${format !== undefined ? `, not "${format}"` : ''}.\n`);
		return EXIT.usage;
	}
	const badOffsets = offsetsProblem(format, flags.offsets);
	if (badOffsets) {
		io.stderr(`crosscheck: ${badOffsets}\n`);
		return EXIT.usage;
	}
	if (inputs.length === 0) {
		io.stderr(`crosscheck: import needs the ${format === 'brat' ? '.ann files or their folder' : 'JSONL files'} to read.\n`);
		return EXIT.usage;
	}
	const config = await loadRunConfig(undefined, flags.config, io);
	if (typeof config === 'number') {
		return config;
	}
	const { root, options } = config;
	const sources: ImportSource[] = [];
	for (const input of inputs) {
		const abs = path.resolve(io.cwd, input);
		const stat = await fs.stat(abs).catch(() => undefined);
		if (!stat) {
			io.stderr(`crosscheck: ${input}: no such file or folder.\n`);
			return EXIT.usage;
		}
		const files = stat.isDirectory() ? await walk(abs, format === 'brat' ? '.ann' : '.jsonl') : [abs];
		for (const file of files) {
			const shown = toRelative(io.cwd, file);
			if (format === 'brat') {
				const ann = file.endsWith('.txt') ? file.slice(0, -'.txt'.length) + '.ann' : file;
				if (!ann.endsWith('.ann')) {
					io.stderr(`crosscheck: ${shown} is not a brat .ann file.\n`);
					return EXIT.usage;
				}
				const base = stat.isDirectory() ? toRelative(abs, ann).slice(0, -'.ann'.length) : toRelative(io.cwd, ann).slice(0, -'.ann'.length);
				sources.push(bratSource(ann, toRelative(io.cwd, ann), base, !stat.isDirectory()));
			} else {
				let content: string;
				try {
					content = await fs.readFile(file, 'utf8');
				} catch (error) {
					io.stderr(`crosscheck: cannot read ${shown}: ${(error as Error).message}\n`);
					return EXIT.usage;
				}
				const lines = content.split('\n');
				lines.forEach((raw, i) => {
					const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
					if (line.trim() === '') {
						return;
					}
					const parsed = parseJsonlLine(
						i === 0 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line,
						i + 1,
						flags.offsets as OffsetUnit | undefined,
					);
					sources.push({ shown, candidates: parsed.path !== undefined ? [parsed.path] : [], text: parsed.text ?? '', parsed, line: i + 1 });
				});
			}
		}
	}

	const declared = new Set(declaredLabels(options.labels));
	const undeclaredWarned = new Set<string>();
	const today = new Date().toISOString().slice(0, 10);
	let failed = config.configError;
	let skipped = 0;
	let files = 0;
	const totals = { added: 0, completed: 0, unchanged: 0 };
	for (const source of sources) {
		const problem = (line: number, severity: string, message: string): void =>
			io.stderr(`${source.shown}${line > 0 ? `:${line}` : ''}  ${severity}  ${message}\n`);
		const skip = (line: number, message: string): void => {
			problem(line, 'error', `${message}; not imported.`);
			failed = true;
			skipped++;
		};
		if (source.parsed && source.parsed.problems.some((p) => p.severity === 'error')) {
			for (const p of source.parsed.problems) {
				problem(p.line, p.severity, p.message);
			}
			failed = true;
			skipped++;
			continue;
		}
		if (typeof source.text !== 'string') {
			skip(0, source.text.error);
			continue;
		}
		const article = source.bySuffix ? findBySuffix(root, source.candidates) : source.candidates.find((c) => isFile(path.join(root, c)));
		if (article === undefined) {
			skip(source.line ?? 0, `no article ${source.candidates.map((c) => `"${c}"`).join(' or ')} in the corpus at ${root}`);
			continue;
		}
		let result;
		try {
			result = readArticleSync(path.join(root, ...article.split('/')), options.maxFileSize);
		} catch (error) {
			skip(source.line ?? 0, `cannot read the article ${article}: ${(error as Error).message}`);
			continue;
		}
		if (result.kind !== 'text') {
			skip(source.line ?? 0, `the article ${article} was not read (${result.reason})`);
			continue;
		}
		const difference = firstDifference(source.text, result.text);
		if (difference) {
			skip(
				source.line ?? 0,
				`the text differs from the corpus article ${article} (first at line ${difference.line}, column ${difference.column}); annotations are imported only onto the same text`,
			);
			continue;
		}
		const read = source.parsed ?? parseBrat(source.ann ?? '', result.text);
		const errors = read.problems.filter((p) => p.severity === 'error');
		for (const p of read.problems) {
			problem(p.line, p.severity, p.message);
		}
		if (errors.length > 0) {
			problem(source.line ?? 0, 'error', `${article}: not imported because of the error${errors.length === 1 ? '' : 's'} above.`);
			failed = true;
			skipped++;
			continue;
		}
		const labels = new Set([...read.annotations, ...read.orphans].map((a) => a.label));
		const undeclared = [...labels].filter((l) => !declared.has(l)).sort();
		if (undeclared.length > 0 && flags['strict-labels']) {
			skip(
				0,
				`${article}: label${undeclared.length === 1 ? '' : 's'} ${undeclared.map((l) => `"${l}"`).join(', ')} not declared in crosscheck.yaml labels (--strict-labels)`,
			);
			continue;
		}
		for (const label of undeclared) {
			if (!undeclaredWarned.has(label)) {
				undeclaredWarned.add(label);
				io.stderr(
					`crosscheck: warning: the label "${label}" is not declared in crosscheck.yaml labels; imported anyway (--strict-labels refuses it).\n`,
				);
			}
		}
		let merged: MergeResult | undefined;
		const edit = (yaml: string): string | undefined => {
			merged = mergeAnnotations(yaml, article, result.text, read, { ...(flags.by !== undefined ? { by: flags.by } : {}), date: today });
			return merged.yaml;
		};
		try {
			if (flags['dry-run']) {
				const existing = readReviewSync(root, article);
				if (existing && !existing.review.writable) {
					throw new SafeEditError(`${reviewFilePath(article)} cannot be read; fix it first, it was left unchanged.`);
				}
				edit(existing?.text ?? '');
			} else {
				await editReview(root, article, edit);
			}
		} catch (error) {
			if (!(error instanceof SafeEditError)) {
				throw error;
			}
			skip(source.line ?? 0, error.message);
			continue;
		}
		const m = merged!;
		for (const conflict of m.conflicts) {
			io.stderr(`${reviewFilePath(article)}  warning  ${conflict}\n`);
		}
		totals.added += m.added;
		totals.completed += m.completed;
		totals.unchanged += m.unchanged;
		files += m.added + m.completed > 0 ? 1 : 0;
	}
	const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
	io.stdout(
		`${flags['dry-run'] ? 'Would import' : 'Imported'} ${plural(totals.added, 'annotation')} into ${plural(files, 'review file')}` +
			` (${totals.unchanged} already there${totals.completed > 0 ? `, ${totals.completed} completed with a note, author or date` : ''})` +
			`${skipped > 0 ? `; ${plural(skipped, 'article')} skipped` : ''}.\n`,
	);
	return failed ? EXIT.usage : EXIT.ok;
}

/** A brat document: its `.txt` is read now, its `.ann` parsed against the corpus text once matched. */
function bratSource(ann: string, shown: string, base: string, bySuffix: boolean): ImportSource {
	const txt = ann.slice(0, -'.ann'.length) + '.txt';
	let text: string | { error: string };
	let annText = '';
	try {
		annText = new TextDecoder('utf-8').decode(readFileSync(ann));
		const decoded = decodeArticle(readFileSync(txt));
		text = decoded.kind === 'text' ? decoded.text : { error: `${path.basename(txt)} is not a text file` };
	} catch (error) {
		text = {
			error: `cannot read ${path.basename((error as NodeJS.ErrnoException).path ?? txt)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
		};
	}
	if (annText.charCodeAt(0) === 0xfeff) {
		annText = annText.slice(1);
	}
	return { shown, candidates: articlesOfBratBase(base), text, ann: annText, bySuffix };
}

/**
 * The article a file given on its own stands for: the longest ending of its path (`out/wires/a` →
 * `wires/a`, then `a`) that names an article of the corpus.
 */
function findBySuffix(root: string, candidates: readonly string[]): string | undefined {
	for (const candidate of candidates) {
		const parts = candidate.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
		for (let k = 0; k < parts.length; k++) {
			const tail = parts.slice(k).join('/');
			if (isFile(path.join(root, ...tail.split('/')))) {
				return tail;
			}
		}
	}
	return undefined;
}

function isFile(file: string): boolean {
	try {
		return statSync(file).isFile();
	} catch {
		return false;
	}
}

/** Every file under `dir` ending with `extension`, sorted; dot folders are skipped. */
async function walk(dir: string, extension: string): Promise<string[]> {
	const found: string[] = [];
	const pending = [dir];
	while (pending.length > 0) {
		const current = pending.pop()!;
		for (const entry of await fs.readdir(current, { withFileTypes: true })) {
			const full = path.join(current, entry.name);
			if (entry.isDirectory() && !entry.name.startsWith('.')) {
				pending.push(full);
			} else if (entry.isFile() && entry.name.endsWith(extension)) {
				found.push(full);
			}
		}
	}
	return found.sort();
}

interface AgreementFlags {
	format?: string;
	corpus?: string;
}

/** One annotator's store: the annotations folder, and the corpus its articles' text is read from. */
interface Store {
	readonly shown: string;
	readonly folder: string;
	readonly corpus: string | undefined;
}

/** `crosscheck agreement A B`: how far two annotators' labels agree on the articles both annotated. */
export async function agreement(positionals: readonly string[], flags: AgreementFlags, io: CliIo): Promise<number> {
	const format = flags.format ?? 'text';
	if (format !== 'text' && format !== 'json') {
		io.stderr(`crosscheck: --format must be text or json for agreement, not "${format}".\n`);
		return EXIT.usage;
	}
	if (positionals.length !== 2) {
		io.stderr('crosscheck: agreement needs two stores, A and B (corpus roots or annotations folders).\n');
		return EXIT.usage;
	}
	const stores: Store[] = [];
	for (const p of positionals) {
		const abs = path.resolve(io.cwd, p);
		if (!isDirectory(abs)) {
			io.stderr(`crosscheck: ${p}: no such folder.\n`);
			return EXIT.usage;
		}
		const inside = path.join(abs, '.crosscheck', 'annotations');
		if (isDirectory(inside)) {
			stores.push({ shown: p, folder: inside, corpus: abs });
		} else {
			const isAnnotations = path.basename(abs) === 'annotations' && path.basename(path.dirname(abs)) === '.crosscheck';
			stores.push({ shown: p, folder: abs, corpus: isAnnotations ? path.dirname(path.dirname(abs)) : undefined });
		}
	}
	const [a, b] = stores as [Store, Store];
	const override = flags.corpus !== undefined ? path.resolve(io.cwd, flags.corpus) : undefined;
	if (override !== undefined && !isDirectory(override)) {
		io.stderr(`crosscheck: --corpus ${flags.corpus}: no such folder.\n`);
		return EXIT.usage;
	}
	const corpusA = override ?? a.corpus ?? b.corpus;
	const corpusB = override ?? b.corpus ?? a.corpus;
	if (corpusA === undefined || corpusB === undefined) {
		io.stderr('crosscheck: neither store is inside a corpus; give the corpus the articles are in with --corpus DIR.\n');
		return EXIT.usage;
	}
	const config = await loadRunConfig(corpusA, undefined, io);
	if (typeof config === 'number') {
		return config;
	}
	const inA = new Set(listReviewFolder(a.folder));
	const inB = new Set(listReviewFolder(b.folder));
	const both = [...inA].filter((x) => inB.has(x)).sort();
	const onlyA = [...inA].filter((x) => !inB.has(x)).sort();
	const onlyB = [...inB].filter((x) => !inA.has(x)).sort();
	let failed = config.configError;
	const compared: string[] = [];
	const skippedArticles: string[] = [];
	const orphans = { a: 0, b: 0 };
	const articles: AgreementArticle[] = [];
	const readText = (corpus: string, article: string): string | undefined => {
		try {
			const result = readArticleSync(path.join(corpus, ...article.split('/')), config.options.maxFileSize);
			return result.kind === 'text' ? result.text : undefined;
		} catch {
			return undefined;
		}
	};
	for (const article of both) {
		const skip = (message: string): void => {
			io.stderr(`crosscheck: ${article}: ${message}; left out.\n`);
			skippedArticles.push(article);
			failed = true;
		};
		const textA = readText(corpusA, article);
		const textB = corpusB === corpusA ? textA : readText(corpusB, article);
		if (textA === undefined || textB === undefined) {
			skip(`cannot read the article in ${toRelative(io.cwd, textA === undefined ? corpusA : corpusB) || '.'}`);
			continue;
		}
		const difference = firstDifference(textA, textB);
		if (difference) {
			skip(`the two corpora's texts differ (first at line ${difference.line}, column ${difference.column})`);
			continue;
		}
		const spans: AgreementSpan[][] = [];
		let bad = false;
		for (const [side, store] of [
			['a', a],
			['b', b],
		] as const) {
			const shown = toRelative(io.cwd, path.join(store.folder, ...`${article}.yaml`.split('/')));
			let loaded: LoadedReview | undefined;
			try {
				loaded = readReviewInFolderSync(store.folder, article, shown);
			} catch (error) {
				io.stderr(`crosscheck: cannot read ${shown}: ${(error as Error).message}\n`);
			}
			if (!loaded || reportReviewProblems(loaded, shown, io)) {
				bad = true;
				continue;
			}
			const placed = articleAnnotations(article, textA, loaded.review);
			for (const o of placed.orphans) {
				io.stderr(`${shown}  warning  orphaned-annotation  "${o.anchor.exact}" (${o.label}) is no longer in ${article}; left out\n`);
			}
			orphans[side] += placed.orphans.length;
			spans.push(placed.annotations.map(({ start, end, label }) => ({ start, end, label })));
		}
		if (bad) {
			skip('a review file cannot be read');
			continue;
		}
		compared.push(article);
		articles.push({ text: textA, a: spans[0]!, b: spans[1]! });
	}
	const report = computeAgreement(articles);
	const row = (r: AgreementRow) => ({
		a: r.a,
		b: r.b,
		matched: r.matched,
		precision: r.precision,
		recall: r.recall,
		f1: r.f1,
		tokensA: r.tokensA,
		tokensB: r.tokensB,
		kappa: r.kappa,
	});
	if (format === 'json') {
		const output = {
			version: 1,
			a: a.shown,
			b: b.shown,
			articles: { compared, onlyA, onlyB, skipped: skippedArticles },
			tokens: report.tokens,
			labels: [...report.labels].map(([label, r]) => ({ label, ...row(r) })),
			overall: row(report.overall),
			orphaned: orphans,
		};
		io.stdout(JSON.stringify(output, null, 2) + '\n');
	} else {
		const pct = (x: number | null): string => (x === null ? '–' : (100 * x).toFixed(1));
		const k = (x: number | null): string => (x === null ? '–' : x.toFixed(3));
		const cells = (label: string, r: AgreementRow): string =>
			[
				label.padEnd(16),
				String(r.a).padStart(6),
				String(r.b).padStart(6),
				String(r.matched).padStart(8),
				pct(r.precision).padStart(7),
				pct(r.recall).padStart(7),
				pct(r.f1).padStart(7),
				k(r.kappa).padStart(8),
			].join(' ');
		const lines = [
			`B (${b.shown}) against A (${a.shown}): ${compared.length} article${compared.length === 1 ? '' : 's'} both annotated, ${report.tokens} token${report.tokens === 1 ? '' : 's'}.`,
			[
				'label'.padEnd(16),
				'A'.padStart(6),
				'B'.padStart(6),
				'matched'.padStart(8),
				'P'.padStart(7),
				'R'.padStart(7),
				'F1'.padStart(7),
				'kappa'.padStart(8),
			].join(' '),
			...[...report.labels].map(([label, r]) => cells(label, r)),
			cells('overall', report.overall),
			'Spans: exact span and label; P = matched/B, R = matched/A. Kappa: per token (see the README).',
		];
		const list = (what: string, items: readonly string[]): string =>
			`${what} (${items.length})${items.length > 0 ? `: ${items.join(', ')}` : ''}`;
		lines.push(list('Only A annotated', onlyA), list('Only B annotated', onlyB));
		if (skippedArticles.length > 0) {
			lines.push(list('Left out', skippedArticles));
		}
		if (orphans.a + orphans.b > 0) {
			lines.push(`Orphaned annotations left out: ${orphans.a} in A, ${orphans.b} in B.`);
		}
		io.stdout(lines.join('\n') + '\n');
	}
	return failed ? EXIT.usage : EXIT.ok;
}

function isDirectory(p: string): boolean {
	try {
		return statSync(p).isDirectory();
	} catch {
		return false;
	}
}
