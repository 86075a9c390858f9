/**
 * `npm run eval:inconsistencies`: scores `figure-conflict` + `figure-divergence` and `name-variant`
 * against the hand-made gold in server/src/train/data/inconsistency-gold.yaml (real clusters from
 * ../shared/corpora; figures referred to by file, line and text). Each cluster is analysed as one corpus.
 *
 *   - Figures. A gold group whose figures differ (relation `conflict` or `compatible`) is found when a
 *     finding on one of its mentions links (as a related location) another mention of the group. A
 *     finding is correct when its figure and at least one related figure belong to one such group.
 *     Also counted: `figure-conflict` findings inside groups annotated `compatible` (the bar is zero),
 *     and findings that link two mentions of an `equal` group or of a look-alike pair.
 *   - Name variants. A gold entity is found when a finding on one of its spellings names another of
 *     its spellings; a finding is correct when both spellings belong to one gold entity.
 *
 * Without ../shared it prints one line saying so and exits 0.
 *
 *   node server/out/src/train/evalInconsistencies.js [--errors] [--explain]
 *
 * `--explain` lists every mention of a missed group with the fact the analysis read there (its comparison
 * key, or "not read").
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { Corpus } from '../core/corpus/corpus';
import { factKey } from '../core/figures/facts';
import { resolveOptions } from '../core/options';
import { LineIndex } from '../core/text/lineIndex';
import type { Finding } from '../core/types';
import { loadAnalysisContext } from '../node/models';
import { repoRoot } from './entities/build';

interface GoldMention {
	readonly file: string;
	readonly line: number;
	readonly text: string;
}
interface GoldGroup {
	readonly quantity: string;
	readonly relation: 'equal' | 'compatible' | 'conflict';
	readonly mentions: readonly GoldMention[];
}
interface GoldName {
	readonly entity: string;
	readonly spellings: readonly { readonly text: string; readonly files: readonly string[] }[];
}
interface GoldCluster {
	readonly cluster: string;
	readonly groups?: readonly GoldGroup[];
	readonly lookalikes?: readonly { readonly a: GoldMention; readonly b: GoldMention; readonly why?: string }[];
	readonly names?: readonly GoldName[];
}

/** A figure the system reports: its file, 1-based line and text as written. */
interface Located {
	readonly file: string;
	readonly line: number;
	readonly text: string;
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

function ratio(a: number, b: number): number {
	return b === 0 ? 0 : a / b;
}

/** Whether a system figure is a gold mention: same file and line, and one text contains the other. */
function isMention(system: Located, gold: GoldMention): boolean {
	if (system.file !== gold.file || system.line !== gold.line) {
		return false;
	}
	const a = system.text.toLowerCase().replace(/\s+/g, ' ');
	const b = gold.text.toLowerCase().replace(/\s+/g, ' ');
	return a.includes(b) || b.includes(a);
}

async function main(): Promise<number> {
	const { values } = parseArgs({
		options: { errors: { type: 'boolean', default: false }, explain: { type: 'boolean', default: false } },
	});
	const root = repoRoot(__dirname);
	const shared = path.resolve(root, '../shared/corpora');
	if (!existsSync(shared)) {
		console.log('eval:inconsistencies skipped: ../shared/corpora is not there.');
		return 0;
	}
	const goldFile = path.join(root, 'server/src/train/data/inconsistency-gold.yaml');
	const gold = parse(readFileSync(goldFile, 'utf8')) as { clusters: GoldCluster[] };
	const context = loadAnalysisContext((problem) => process.stderr.write(`${problem}\n`));
	const options = resolveOptions({ clusters: 'workspace' });

	let differingGroups = 0;
	let foundGroups = 0;
	let figureFindings = 0;
	let correctFindings = 0;
	let conflictsOnCompatible = 0;
	let onEqual = 0;
	let onLookalike = 0;
	let goldNames = 0;
	let foundNames = 0;
	let nameFindings = 0;
	let correctNameFindings = 0;
	const errors: string[] = [];
	const perCluster: string[] = [];

	for (const cluster of gold.clusters) {
		const folder = path.join(shared, cluster.cluster);
		if (!existsSync(folder)) {
			continue;
		}
		const corpus = new Corpus(options, {}, context);
		const texts = new Map<string, string>();
		const files = cluster.cluster === 'seeds' ? listTxt(folder) : listTxt(folder).filter((f) => /^doc_\d+\.txt$/.test(f));
		for (const name of files) {
			const rel = `${cluster.cluster}/${name}`;
			const text = readFileSync(path.join(folder, name), 'utf8').replace(/^\uFEFF/, '');
			texts.set(rel, text);
			corpus.update(rel, text, 1, rel);
		}
		const lineIndexes = new Map<string, LineIndex>();
		const locate = (docId: string, start: number, end: number): Located => {
			const text = texts.get(docId)!;
			let index = lineIndexes.get(docId);
			if (!index) {
				index = new LineIndex(text);
				lineIndexes.set(docId, index);
			}
			return { file: docId, line: index.positionAt(start).line + 1, text: text.slice(start, end) };
		};

		const groups = cluster.groups ?? [];
		const differing = groups.filter((g) => g.relation !== 'equal');
		const groupOf = (m: Located, among: readonly GoldGroup[]): GoldGroup[] => among.filter((g) => g.mentions.some((x) => isMention(m, x)));
		const found = new Set<GoldGroup>();
		let clusterFindings = 0;
		let clusterCorrect = 0;
		const names: Finding[] = [];
		for (const docId of texts.keys()) {
			for (const finding of corpus.findings(docId)) {
				if (finding.ruleId === 'name-variant') {
					names.push({ ...finding, data: { ...finding.data, docId } });
					continue;
				}
				if (finding.ruleId !== 'figure-conflict' && finding.ruleId !== 'figure-divergence') {
					continue;
				}
				figureFindings++;
				clusterFindings++;
				const flagged = locate(docId, finding.start, finding.end);
				const related = (finding.related ?? []).filter((r) => r.docId !== undefined).map((r) => locate(r.docId!, r.start, r.end));
				const hits = groupOf(flagged, differing).filter((g) => related.some((r) => groupOf(r, [g]).length > 0));
				if (hits.length > 0) {
					correctFindings++;
					clusterCorrect++;
					hits.forEach((g) => found.add(g));
					if (finding.ruleId === 'figure-conflict' && hits.every((g) => g.relation === 'compatible')) {
						conflictsOnCompatible++;
						errors.push(`conflict on compatible  ${flagged.file}:${flagged.line} "${flagged.text}" (${hits[0]!.quantity})`);
					}
					continue;
				}
				const equal = groupOf(flagged, groups).some((g) => g.relation === 'equal' && related.some((r) => groupOf(r, [g]).length > 0));
				const lookalike = (cluster.lookalikes ?? []).some(
					(pair) =>
						(isMention(flagged, pair.a) && related.some((r) => isMention(r, pair.b))) ||
						(isMention(flagged, pair.b) && related.some((r) => isMention(r, pair.a))),
				);
				onEqual += equal ? 1 : 0;
				onLookalike += lookalike ? 1 : 0;
				errors.push(
					`spurious ${finding.ruleId.padEnd(17)} ${flagged.file}:${flagged.line} "${flagged.text}" ~ ${related
						.slice(0, 2)
						.map((r) => `${r.file.split('/').pop()}:${r.line} "${r.text}"`)
						.join(', ')}${equal ? ' (equal group)' : lookalike ? ' (look-alike)' : ''}`,
				);
			}
		}
		differingGroups += differing.length;
		foundGroups += found.size;
		// What the analysis read for a gold mention: the fact on its line whose text contains it.
		const factOf = (m: GoldMention): string => {
			const facts = corpus.facts.facts(m.file)?.facts ?? [];
			const fact = facts.find((f) => isMention(locate(m.file, f.start, f.end), m));
			return fact ? `${factKey(fact)}${fact.anchored ? ' (anchored)' : ''}` : 'not read';
		};
		for (const g of differing) {
			if (!found.has(g)) {
				errors.push(
					`missed ${g.relation.padEnd(10)} ${cluster.cluster}: ${g.quantity} — ${g.mentions
						.slice(0, values.explain ? g.mentions.length : 3)
						.map((m) => `${m.file.split('/').pop()}:${m.line} "${m.text}"${values.explain ? ` [${factOf(m)}]` : ''}`)
						.join(values.explain ? '\n    ' : ', ')}`,
				);
			}
		}

		// Name variants.
		const goldEntities = cluster.names ?? [];
		goldNames += goldEntities.length;
		const foundEntities = new Set<GoldName>();
		for (const finding of names) {
			nameFindings++;
			const here = String(finding.data?.spelling ?? '');
			const other = String(finding.data?.majority ?? '');
			const entity = goldEntities.find(
				(e) =>
					e.spellings.some((s) => s.text.toLowerCase() === here.toLowerCase()) &&
					e.spellings.some((s) => s.text.toLowerCase() === other.toLowerCase()),
			);
			if (entity) {
				correctNameFindings++;
				foundEntities.add(entity);
			} else {
				errors.push(`spurious name-variant     ${String(finding.data?.docId)} "${here}" ~ "${other}"`);
			}
		}
		foundNames += foundEntities.size;
		for (const e of goldEntities) {
			if (!foundEntities.has(e)) {
				errors.push(`missed name-variant       ${cluster.cluster}: ${e.spellings.map((s) => s.text).join(' / ')}`);
			}
		}
		perCluster.push(
			`| ${cluster.cluster} | ${found.size}/${differing.length} | ${clusterCorrect}/${clusterFindings} | ${foundEntities.size}/${goldEntities.length} |`,
		);
	}

	console.log(`Inconsistencies on ${gold.clusters.length} hand-annotated clusters (server/src/train/data/inconsistency-gold.yaml)\n`);
	console.log('| cluster | differing groups found | figure findings correct | name variants found |');
	console.log('|---|---:|---:|---:|');
	perCluster.forEach((row) => console.log(row));
	console.log('\n| rule | gold | system | precision | recall | F1 |');
	console.log('|---|---:|---:|---:|---:|---:|');
	const fp = ratio(correctFindings, figureFindings);
	const fr = ratio(foundGroups, differingGroups);
	console.log(
		`| \`figure-conflict\` + \`figure-divergence\` | ${differingGroups} | ${figureFindings} | ${pct(fp)} | ${pct(fr)} | ${pct(ratio(2 * fp * fr, fp + fr))} |`,
	);
	const np = ratio(correctNameFindings, nameFindings);
	const nr = ratio(foundNames, goldNames);
	console.log(`| \`name-variant\` | ${goldNames} | ${nameFindings} | ${pct(np)} | ${pct(nr)} | ${pct(ratio(2 * np * nr, np + nr))} |`);
	console.log(`\n\`figure-conflict\` on groups annotated compatible: ${conflictsOnCompatible} (bar: 0)`);
	console.log(`Figure findings linking an equal group: ${onEqual}; linking a look-alike pair: ${onLookalike}`);
	if (values.errors || values.explain) {
		console.log('');
		errors.forEach((e) => console.log(e));
	}
	return 0;
}

function listTxt(folder: string): string[] {
	return readdirSync(folder)
		.filter((f) => f.endsWith('.txt'))
		.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
		process.exit(1);
	},
);
