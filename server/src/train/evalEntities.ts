/**
 * `npm run eval:entities`: scores the shipped name recogniser (CoNLL style: exact span and type, micro
 * P/R/F1 over person, organization and place) on
 *   - the 1,000 held-out GMB sentences in ../shared (never trained on), read as documents of ten
 *     consecutive sentences and, for comparison, one sentence at a time;
 *   - the hand-written newswire sanity set in server/src/train/data/newswire-sanity.txt;
 * and measures recognition throughput on the ECB+ articles in ../shared, repeated to at least 5 MB.
 * Without ../shared it prints one line saying so and exits 0.
 *
 *   node server/out/src/train/evalEntities.js [--model FILE] [--errors N] [--dev [--dev-fold K]] [--no-speed]
 *
 * `--dev` scores the development split (the 1,000 sentences before the held-out ones) instead of the
 * held-out sentences, for a model trained with `train:entities -- --dev`, and sorts its errors by kind
 * (`--dev-fold K`: the split K blocks of 1,000 sentences earlier, for a model trained with the same).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEntityModel, type EntityModel } from '../core/entities/ner/model';
import { recogniseNames } from '../core/entities/ner/recognise';
import { analyseStructure } from '../core/text/structure';
import { gmbPath, modelPath, readGmb, repoRoot } from './entities/build';
import { layOut, splitDev, splitHeldOut, type GoldSpan } from './entities/corpus';
import { parseSanitySet } from './entities/sanity';
import { SeenScore, trainingTypes } from './entities/consistency';
import { SpanScore, type TypedSpan } from './entities/scoring';
import type { TrainingSentence } from './entities/perceptron';

const DOCUMENT_SENTENCES = 10;
const THROUGHPUT_BYTES = 5e6;

function scoreDocuments(
	documents: readonly { text: string; sentences: { start: number; end: number }[]; gold: readonly GoldSpan[] }[],
	model: EntityModel,
	errors: string[],
	kinds?: Map<string, number>,
	seen?: SeenScore,
): SpanScore {
	const score = new SpanScore();
	for (const document of documents) {
		const predicted = recogniseNames(document.text, document.sentences, model);
		score.add(document.gold, predicted);
		seen?.add(document.text, document.gold, predicted);
		if (kinds) classifyErrors(document.gold, predicted, kinds);
		const key = (s: TypedSpan) => `${s.start}:${s.end}:${s.type}`;
		const goldKeys = new Set(document.gold.map(key));
		const predictedKeys = new Set(predicted.map(key));
		for (const s of document.gold) {
			if (s.type !== 'other' && !predictedKeys.has(key(s))) errors.push(`missed  ${s.type.padEnd(12)} ${context(document.text, s)}`);
		}
		for (const s of predicted) {
			if (s.type !== 'other' && !goldKeys.has(key(s))) errors.push(`spurious ${s.type.padEnd(12)} ${context(document.text, s)}`);
		}
	}
	return score;
}

/**
 * Sorts a document's errors by kind: a missed and a spurious name over the same text are a type error,
 * overlapping ones a boundary error, the rest plain misses and false alarms. Counts go into `kinds`.
 */
function classifyErrors(gold: readonly TypedSpan[], predicted: readonly TypedSpan[], kinds: Map<string, number>): void {
	const key = (s: TypedSpan) => `${s.start}:${s.end}:${s.type}`;
	const scored = (s: TypedSpan) => s.type !== 'other';
	const goldKeys = new Set(gold.map(key));
	const predictedKeys = new Set(predicted.map(key));
	const add = (k: string) => kinds.set(k, (kinds.get(k) ?? 0) + 1);
	const overlaps = (a: TypedSpan, b: TypedSpan) => a.start < b.end && b.start < a.end;
	for (const g of gold.filter(scored)) {
		if (predictedKeys.has(key(g))) continue;
		const same = predicted.find((p) => p.start === g.start && p.end === g.end);
		const near = predicted.find((p) => overlaps(p, g));
		add(same ? `missed   ${g.type}: typed ${same.type}` : near ? `missed   ${g.type}: boundary` : `missed   ${g.type}: not found`);
	}
	for (const p of predicted.filter(scored)) {
		if (goldKeys.has(key(p))) continue;
		const same = gold.find((g) => p.start === g.start && p.end === g.end);
		const near = gold.find((g) => overlaps(p, g));
		add(same ? `spurious ${p.type}: gold ${same.type}` : near ? `spurious ${p.type}: boundary` : `spurious ${p.type}: no name there`);
	}
}

function context(text: string, s: TypedSpan): string {
	const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
	let lineEnd = text.indexOf('\n', s.end);
	if (lineEnd < 0) lineEnd = text.length;
	const before = text.slice(Math.max(lineStart, s.start - 40), s.start);
	const after = text.slice(s.end, Math.min(lineEnd, s.end + 40));
	return `${before}[[${text.slice(s.start, s.end)}]]${after}`;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

function ecbArticles(root: string): string[] {
	const dir = path.join(root, '..', 'shared', 'corpora', 'ecbplus');
	if (!existsSync(dir)) return [];
	const articles: string[] = [];
	for (const cluster of readdirSync(dir).sort()) {
		const clusterDir = path.join(dir, cluster);
		if (!cluster.startsWith('cluster_')) continue;
		for (const file of readdirSync(clusterDir).sort()) {
			if (file.endsWith('.txt')) articles.push(readFileSync(path.join(clusterDir, file), 'utf8'));
		}
	}
	return articles;
}

function main(): number {
	const { values } = parseArgs({
		options: {
			model: { type: 'string' },
			errors: { type: 'string' },
			dev: { type: 'boolean', default: false },
			'dev-fold': { type: 'string' },
			'no-speed': { type: 'boolean', default: false },
		},
	});
	const root = repoRoot(__dirname);
	const sentences = readGmb(root);
	if (!sentences) {
		process.stdout.write(
			`eval:entities: skipped, ${path.relative(root, gmbPath(root))} is absent (it lives in ../shared, outside the repository).\n`,
		);
		return 0;
	}
	const file = values.model ? path.resolve(values.model) : modelPath(root);
	const loadStarted = performance.now();
	const model = loadEntityModel(JSON.parse(readFileSync(file, 'utf8')));
	const loadMs = performance.now() - loadStarted;
	const showErrors = values.errors ? Number(values.errors) : 0;
	const out: string[] = [];
	out.push(
		`Model: ${path.relative(root, file)}, ${(readFileSync(file).length / 1e6).toFixed(2)} MB, ${model.weights.size} features, loaded in ${loadMs.toFixed(0)} ms.`,
	);

	const { train, dev: heldOut } = values.dev
		? splitDev(sentences, Number(values['dev-fold'] ?? 0))
		: (({ train, heldOut }) => ({ train, dev: heldOut }))(splitHeldOut(sentences));
	const seen = new SeenScore(trainingTypes(train));
	const label = values.dev ? 'GMB development split' : 'GMB held-out';
	const errors: string[] = [];
	const kinds = new Map<string, number>();
	const asDocuments = scoreDocuments(
		chunk(heldOut, DOCUMENT_SENTENCES).map((d) => layOut(d)),
		model,
		errors,
		values.dev ? kinds : undefined,
		seen,
	);
	out.push(
		'',
		asDocuments.table(`${label}: ${heldOut.length} sentences, read as documents of ${DOCUMENT_SENTENCES} consecutive sentences`),
		'',
		seen.report(`${label} against the training sentences (the same documents):`),
	);
	const alone = scoreDocuments(
		heldOut.map((s: TrainingSentence) => layOut([s])),
		model,
		[],
	);
	out.push('', alone.table(`${label}: the same sentences, one at a time`));

	const sanityFile = path.join(root, 'server', 'src', 'train', 'data', 'newswire-sanity.txt');
	const sanityErrors: string[] = [];
	if (existsSync(sanityFile)) {
		const sanity = parseSanitySet(readFileSync(sanityFile, 'utf8'));
		const score = scoreDocuments(sanity, model, sanityErrors);
		out.push('', score.table(`Newswire sanity set (hand-written, Reuters/AP style; CoNLL conventions): ${sanity.length} stories`));
	}

	const articles = ecbArticles(root);
	if (articles.length > 0 && !values['no-speed']) {
		const prepared = articles.map((text) => ({ text, sentences: analyseStructure(text).sentences }));
		const bytesPerPass = articles.reduce((sum, a) => sum + Buffer.byteLength(a), 0);
		const passes = Math.ceil(THROUGHPUT_BYTES / bytesPerPass);
		// One warm-up pass so the timing measures compiled code.
		for (const a of prepared) recogniseNames(a.text, a.sentences, model);
		let names = 0;
		const started = performance.now();
		const cpuStarted = process.cpuUsage();
		for (let pass = 0; pass < passes; pass++) {
			for (const a of prepared) names += recogniseNames(a.text, a.sentences, model).length;
		}
		const seconds = (performance.now() - started) / 1000;
		const cpu = process.cpuUsage(cpuStarted);
		const cpuSeconds = (cpu.user + cpu.system) / 1e6;
		const mb = (bytesPerPass * passes) / 1e6;
		out.push(
			'',
			`Throughput: ${articles.length} ECB+ articles (${(bytesPerPass / 1e6).toFixed(2)} MB) x ${passes} = ${mb.toFixed(2)} MB, sentences split beforehand, ${Math.round(names / passes)} names per pass:`,
			`  ${(mb / cpuSeconds).toFixed(2)} MB/s per core (${cpuSeconds.toFixed(2)} s of CPU time); ${(mb / seconds).toFixed(2)} MB/s by the wall clock (${seconds.toFixed(2)} s; lower when other work shares the core).`,
		);
	}
	process.stdout.write(`${out.join('\n')}\n`);
	if (values.dev) {
		const rows = [...kinds.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
		process.stdout.write(`\nDevelopment-split errors by kind:\n${rows.map(([k, n]) => `  ${String(n).padStart(5)}  ${k}`).join('\n')}\n`);
	}
	if (showErrors > 0) {
		process.stdout.write(`\nGMB errors (first ${showErrors}):\n${errors.slice(0, showErrors).join('\n')}\n`);
		process.stdout.write(`\nSanity-set errors:\n${sanityErrors.join('\n')}\n`);
	}
	return 0;
}

process.exitCode = main();
