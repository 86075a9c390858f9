/**
 * `npm run eval:attribution`: scores the attribution layer against the hand-made gold in
 * server/src/train/data/attribution-gold.yaml (real articles from ../shared/corpora, referred to by
 * file, line and a few words):
 *   - quotations found (precision/recall against the gold quotations);
 *   - speaker accuracy on the gold's direct quotations (a missed quotation counts as wrong);
 *   - precision/recall/F1 of the rules unattributed-quote, unattributed-claim and vague-attribution.
 * Without ../shared it prints one line saying so and exits 0.
 *
 *   node server/out/src/train/evalAttribution.js [--errors] [--only PATH-PART]…
 *
 * `--only` (repeatable) scores only the gold articles whose file contains one of the given parts
 * (e.g. `--only cluster_013/ --only cluster_023/`).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { analyseDocument } from '../core/analyse';
import type { Attribution } from '../core/attribution/analyse';
import { AliasTable, BUILT_IN_ALIASES, nameKey } from '../core/entities/names';
import { resolveOptions } from '../core/options';
import { LineIndex } from '../core/text/lineIndex';
import type { Finding, Span } from '../core/types';
import { loadAnalysisContext } from '../node/models';
import { repoRoot } from './entities/build';

interface GoldItem {
	readonly line: number;
	readonly words: string;
	readonly speaker?: string | null;
	readonly kind?: string;
}
interface GoldArticle {
	readonly file: string;
	readonly quotes?: GoldItem[];
	readonly claims?: GoldItem[];
	readonly vague?: GoldItem[];
}

class Score {
	gold = 0;
	predicted = 0;
	truePositives = 0;
	matchedGold = 0;
	get precision(): number {
		return this.predicted === 0 ? 0 : this.truePositives / this.predicted;
	}
	get recall(): number {
		return this.gold === 0 ? 0 : this.matchedGold / this.gold;
	}
	get f1(): number {
		const p = this.precision;
		const r = this.recall;
		return p + r === 0 ? 0 : (2 * p * r) / (p + r);
	}
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

function overlaps(a: Span, b: Span): boolean {
	return a.start < b.end && b.start < a.end;
}

/** The span of a gold item: its words on its line (whitespace-tolerant). */
function goldSpan(text: string, lines: LineIndex, item: GoldItem): Span | undefined {
	const start = lines.offsetAt({ line: item.line - 1, character: 0 });
	const end = lines.offsetAt({ line: item.line, character: 0 });
	const lineText = text.slice(start, end);
	const at = lineText.indexOf(item.words);
	if (at >= 0) {
		return { start: start + at, end: start + at + item.words.length };
	}
	return undefined;
}

function speakerWords(name: string): string[] {
	return nameKey(name)
		.split(' ')
		.filter((w) => w !== '' && !['the', 'a', 'an', 'mr', 'mrs', 'ms'].includes(w));
}

/** The core's built-in aliases: "NATO" and "North Atlantic Treaty Organization" are one speaker. */
const ALIASES = new AliasTable(BUILT_IN_ALIASES);

/**
 * Whether a system speaker names the gold speaker: same last word, or one's words contain the other's,
 * after mapping both through the built-in aliases. A pronoun or role resolved to an unnamed speaker
 * ("she" for "a relative") is compared through the phrase it refers to.
 */
function sameSpeaker(gold: string, quote: Attribution, text: string): boolean {
	const g = speakerWords(ALIASES.lookup(gold) ?? gold);
	const via = quote.speaker?.via ? text.slice(quote.speaker.via.start, quote.speaker.via.end) : undefined;
	for (const candidate of [quote.speaker?.canonical, quote.speaker?.text, via]) {
		if (!candidate) {
			continue;
		}
		const s = speakerWords(ALIASES.lookup(candidate) ?? candidate);
		if (g.length === 0 || s.length === 0) {
			continue;
		}
		if (g[g.length - 1] === s[s.length - 1] || g.every((w) => s.includes(w)) || s.every((w) => g.includes(w))) {
			return true;
		}
	}
	return false;
}

function main(): number {
	const { values } = parseArgs({
		options: { errors: { type: 'boolean', default: false }, only: { type: 'string', multiple: true } },
	});
	const only = values.only ?? [];
	const root = repoRoot(__dirname);
	const corpora = path.join(root, '..', 'shared', 'corpora');
	if (!existsSync(corpora)) {
		process.stdout.write('eval:attribution: ../shared/corpora is absent; nothing to evaluate here.\n');
		return 0;
	}
	const gold = parse(readFileSync(path.join(root, 'server', 'src', 'train', 'data', 'attribution-gold.yaml'), 'utf8')) as {
		articles: GoldArticle[];
	};
	const context = loadAnalysisContext((problem) => process.stderr.write(`${problem}\n`));
	const options = resolveOptions();
	const quotes = new Score();
	const rules: Record<string, Score> = {
		'unattributed-quote': new Score(),
		'unattributed-claim': new Score(),
		'vague-attribution': new Score(),
	};
	let speakerTotal = 0;
	let speakerRight = 0;
	let speakerFound = 0;
	const errors: string[] = [];
	let articles = 0;
	for (const article of gold.articles) {
		if (only.length > 0 && !only.some((part) => article.file.includes(part))) {
			continue;
		}
		const file = path.join(corpora, article.file);
		if (!existsSync(file)) {
			errors.push(`missing file ${article.file}`);
			continue;
		}
		articles++;
		const text = readFileSync(file, 'utf8');
		const lines = new LineIndex(text);
		const analysis = analyseDocument(text, options, undefined, context);
		const where = (span: Span): string => `${article.file}:${lines.positionAt(span.start).line + 1}`;
		const show = (span: Span): string => text.slice(span.start, Math.min(span.end, span.start + 60)).replace(/\s+/g, ' ');
		const spansOf = (items: GoldItem[] | undefined): { item: GoldItem; span: Span }[] =>
			(items ?? []).flatMap((item) => {
				const span = goldSpan(text, lines, item);
				if (!span) {
					errors.push(`gold words not found: ${article.file}:${item.line} "${item.words}"`);
					return [];
				}
				return [{ item, span }];
			});

		// Quotations.
		const goldQuotes = spansOf(article.quotes);
		const systemQuotes = analysis.attribution.quotes.filter((q) => q.kind !== 'indirect');
		const quoteLine = (q: Attribution): number => lines.positionAt((q.outer ?? q).start).line + 1;
		const matchQuote = (g: { item: GoldItem; span: Span }): Attribution | undefined =>
			systemQuotes.find((q) => overlaps(q, g.span) || (quoteLine(q) === g.item.line && overlaps(q.outer ?? q, g.span)));
		quotes.gold += goldQuotes.length;
		quotes.predicted += systemQuotes.length;
		for (const g of goldQuotes) {
			const q = matchQuote(g);
			if (q) {
				quotes.matchedGold++;
			} else {
				errors.push(`quote missed      ${article.file}:${g.item.line} "${g.item.words}"`);
			}
			if (g.item.kind === 'direct' && g.item.speaker) {
				speakerTotal++;
				if (q) {
					speakerFound++;
					if (sameSpeaker(g.item.speaker, q, text)) {
						speakerRight++;
					} else {
						errors.push(
							`speaker wrong     ${article.file}:${g.item.line} "${g.item.words}": gold ${g.item.speaker}, got ${q.speaker ? `${q.speaker.text} → ${q.speaker.canonical ?? '?'} (${q.speaker.resolution})` : 'none'}`,
						);
					}
				}
			}
		}
		for (const q of systemQuotes) {
			if (goldQuotes.some((g) => overlaps(q, g.span) || (quoteLine(q) === g.item.line && overlaps(q.outer ?? q, g.span)))) {
				quotes.truePositives++;
			} else {
				errors.push(`quote spurious    ${where(q)} "${show(q)}"`);
			}
		}

		// Rules.
		const byRule = (id: string): Finding[] => analysis.findings.filter((f) => f.ruleId === id);
		const judge = (id: string, goldItems: { item: GoldItem; span: Span }[], findingSpan: (f: Finding) => Span): void => {
			const score = rules[id]!;
			const found = byRule(id);
			score.gold += goldItems.length;
			score.predicted += found.length;
			for (const g of goldItems) {
				if (found.some((f) => overlaps(findingSpan(f), g.span))) {
					score.matchedGold++;
				} else {
					errors.push(`${id} missed ${article.file}:${g.item.line} "${g.item.words}"`);
				}
			}
			for (const f of found) {
				if (goldItems.some((g) => overlaps(findingSpan(f), g.span))) {
					score.truePositives++;
				} else {
					errors.push(`${id} spurious ${where(f)} "${show(findingSpan(f))}"`);
				}
			}
		};
		judge(
			'unattributed-quote',
			goldQuotes.filter((g) => g.item.speaker === null),
			(f) => f,
		);
		judge('unattributed-claim', spansOf(article.claims), (f) => (f.data?.sentence as Span | undefined) ?? f);
		judge('vague-attribution', spansOf(article.vague), (f) => f);
	}

	const out = (s: string): boolean => process.stdout.write(`${s}\n`);
	out(`Attribution on ${articles} hand-annotated articles (server/src/train/data/attribution-gold.yaml)`);
	out('');
	out('| measure | gold | system | precision | recall | F1 |');
	out('|---|---:|---:|---:|---:|---:|');
	const row = (name: string, s: Score): boolean =>
		out(`| ${name} | ${s.gold} | ${s.predicted} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`);
	row('quotations found', quotes);
	for (const [id, score] of Object.entries(rules)) {
		row(`\`${id}\``, score);
	}
	out('');
	out(
		`Speaker accuracy on direct quotations: ${pct(speakerTotal === 0 ? 0 : speakerRight / speakerTotal)}% (${speakerRight}/${speakerTotal}; ${speakerFound} of them found; a missed quotation counts as wrong)`,
	);
	if (values.errors) {
		out('');
		for (const e of errors) {
			out(e);
		}
	}
	return 0;
}

process.exitCode = main();
