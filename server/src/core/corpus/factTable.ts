import type { DocumentLinker } from '../entities/describeEntity';
import { factKey, type Fact } from '../figures/facts';
import { formatInterval, type Interval } from '../figures/intervals';
import { relation } from '../rules/figure-conflict';
import type { Corpus } from './corpus';
import type { IndexedFact } from './factIndex';

/** One row of a fact table: a figure of an article, with the article's name and publication time. */
export interface FactRow extends IndexedFact {
	/** The outlet (or file name) of the article. */
	readonly name: string;
	readonly published?: string;
	/** How the figure relates to the one the table is for (`self` for that figure). */
	readonly relation: 'self' | 'equal' | 'divergent' | 'conflict';
}

/** The figures of the corpus that report one quantity of one event, in at least one article. */
export interface FactGroup {
	readonly cluster: string;
	/** The group's key: the event (or `*` for each article's own event) and the quantity. */
	readonly key: string;
	/** A readable name for the quantity: "killed — flood", "injured civilians — quake (2003)". */
	readonly label: string;
	/** Its figures, ordered by publication time (when known), article and position. */
	readonly facts: readonly IndexedFact[];
	/** The number of articles it has figures in. */
	readonly articles: number;
	/** Whether the figures all agree, differ compatibly, or cannot all be true. */
	readonly relation: 'equal' | 'divergent' | 'conflict';
}

/** The fact at an offset of a document (the figure's span, qualifier included). */
export function factAt(corpus: Corpus, id: string, offset: number): Fact | undefined {
	return corpus.facts.facts(id)?.facts.find((f) => f.start <= offset && offset <= f.end);
}

/** What a fact counts, in words: "killed", "injured civilians", "count of homes", "distance in km", with its part. */
export function describeQuantity(fact: Pick<Fact, 'measure' | 'population' | 'part'>): string {
	const what =
		fact.measure === 'count'
			? `count of ${fact.population ?? 'things'}`
			: fact.measure === 'distance'
				? `distance${fact.population ? ` in ${fact.population}` : ''}`
				: fact.population
					? `${fact.measure} ${fact.population}`
					: fact.measure;
	const part = fact.part === 'including' ? ' (a part of a total)' : fact.part === 'remaining' ? ' (the rest of a total)' : '';
	return `${what}${part}`;
}

/** Which event a fact is about, in words: "the flood", "the flood (1968)", "the article's event". */
export function describeEvent(fact: Pick<Fact, 'event' | 'kind' | 'anchored'>): string {
	const [kind, anchor] = fact.event.split('@') as [string, string | undefined];
	const what = kind === 'event' ? "the article's event" : `the ${kind}`;
	return anchor ? `${what} (${anchor})` : what;
}

/**
 * The fact table of one figure: every figure of the cluster that reports the same quantity of the same
 * event (this one included), with how each relates to it, ordered by publication time, article and position.
 */
export function factRows(corpus: Corpus, id: string, fact: Fact): FactRow[] {
	const own = corpus.facts.facts(id);
	if (!own) {
		return [];
	}
	const rows = corpus.facts.comparable(own.cluster, fact).map((other): FactRow => {
		const { name, published } = corpus.articleName(other.docId);
		return {
			...other,
			name,
			...(published !== undefined ? { published } : {}),
			relation: other.fact === fact ? 'self' : relation(fact, other.fact),
		};
	});
	return rows.sort(byPublication);
}

/** Orders rows by publication time (undated last), then article name, then position. */
function byPublication(a: { name: string; published?: string; fact: Fact }, b: { name: string; published?: string; fact: Fact }): number {
	const pa = a.published ?? '\uffff';
	const pb = b.published ?? '\uffff';
	if (pa !== pb) {
		return pa < pb ? -1 : 1;
	}
	if (a.name !== b.name) {
		return a.name < b.name ? -1 : 1;
	}
	return a.fact.start - b.fact.start;
}

const ROW_LIMIT = 20;

const RELATION_LABEL: Readonly<Record<FactRow['relation'], string>> = {
	self: '**this figure**',
	equal: 'same',
	divergent: 'differs, can be true',
	conflict: '**cannot both be true**',
};

/**
 * Markdown for a hover on a figure (or on a finding about one): what it counts and for which event, its
 * interval, and the fact table of that quantity across the cluster, each row linked to the passage.
 */
export function describeFact(corpus: Corpus, id: string, fact: Fact, linker: DocumentLinker): string {
	const rows = factRows(corpus, id, fact);
	const lines = [
		`**Figure** "${escape(fact.text)}" · ${escape(describeQuantity(fact))} · ${escape(describeEvent(fact))}`,
		'',
		`Interval: ${formatInterval(fact.interval)}${fact.display ? ' · in a headline or caption, where outlets round' : ''}`,
	];
	const articles = new Set(rows.map((r) => r.docId)).size;
	if (rows.length <= 1) {
		lines.push('', 'No other figure of the cluster reports this quantity.');
		return lines.join('\n');
	}
	lines.push(
		'',
		`The same quantity in ${articles} article${articles === 1 ? '' : 's'}:`,
		'',
		'| article | as written | interval | published | |',
		'|---|---|---|---|---|',
	);
	for (const row of rows.slice(0, ROW_LIMIT)) {
		const target = linker(row.docId);
		const where = target ? `[${cell(row.name)}:${target.line(row.fact.start) + 1}](${target.link(row.fact.start)})` : cell(row.name);
		lines.push(
			`| ${where} | ${cell(row.fact.text)} | ${cell(formatInterval(row.fact.interval))} | ${cell(row.published ?? '')} | ${RELATION_LABEL[row.relation]} |`,
		);
	}
	if (rows.length > ROW_LIMIT) {
		lines.push('', `… and ${rows.length - ROW_LIMIT} more (\`crosscheck facts\` lists them all).`);
	}
	return lines.join('\n');
}

/** The comparison group a fact is listed under: its own key when anchored, else the article's event's. */
export function groupKey(fact: Fact): string {
	return fact.anchored ? factKey(fact) : `*|${fact.quantityKey}`;
}

/**
 * Every quantity of the corpus reported in at least `minArticles` articles of one cluster, with its
 * figures: the rows of the Inconsistencies view. Conflicts first, then divergences, then agreements;
 * within each, the most reported first. Linear in the number of figures.
 */
export function factGroups(corpus: Corpus, minArticles = 2): FactGroup[] {
	const buckets = new Map<string, { cluster: string; key: string; facts: IndexedFact[]; docs: Set<string> }>();
	for (const { docId, cluster, facts } of corpus.facts.documents()) {
		for (const fact of facts) {
			const key = groupKey(fact);
			const name = `${cluster}\u0000${key}`;
			let bucket = buckets.get(name);
			if (!bucket) {
				bucket = { cluster, key, facts: [], docs: new Set() };
				buckets.set(name, bucket);
			}
			bucket.facts.push({ docId, cluster, fact });
			bucket.docs.add(docId);
		}
	}
	const groups: FactGroup[] = [];
	for (const bucket of buckets.values()) {
		if (bucket.docs.size < minArticles) {
			continue;
		}
		const ordered = bucket.facts
			.map((f) => ({ ...f, ...corpus.articleName(f.docId) }))
			.sort(byPublication)
			.map(({ docId, cluster, fact }) => ({ docId, cluster, fact }));
		const first = ordered[0]!.fact;
		const label = `${describeQuantity(first)} — ${bucket.key.startsWith('*|') ? "the cluster's event" : describeEvent(first)}`;
		groups.push({
			cluster: bucket.cluster,
			key: bucket.key,
			label,
			facts: ordered,
			articles: bucket.docs.size,
			relation: groupRelation(ordered.map((f) => f.fact)),
		});
	}
	const rank = { conflict: 0, divergent: 1, equal: 2 } as const;
	return groups.sort(
		(a, b) =>
			rank[a.relation] - rank[b.relation] ||
			b.articles - a.articles ||
			(a.cluster < b.cluster ? -1 : a.cluster > b.cluster ? 1 : 0) ||
			(a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
	);
}

/**
 * How the figures of a group relate as a whole: `conflict` when no value fits every interval (intervals on
 * a line that pairwise overlap share a point, so the tightest bounds decide), `divergent` when some
 * figure differs from the first, else `equal`. Linear in the number of figures.
 */
export function groupRelation(facts: readonly Fact[]): FactGroup['relation'] {
	if (facts.length === 0) {
		return 'equal';
	}
	let low: Interval = facts[0]!.interval;
	let high: Interval = facts[0]!.interval;
	for (const { interval } of facts) {
		if (interval.min > low.min || (interval.min === low.min && !interval.minInclusive)) {
			low = interval;
		}
		if (interval.max < high.max || (interval.max === high.max && !interval.maxInclusive)) {
			high = interval;
		}
	}
	if (low.min > high.max || (low.min === high.max && !(low.minInclusive && high.maxInclusive))) {
		return 'conflict';
	}
	const first = facts[0]!;
	return facts.every((f) => relation(first, f) === 'equal') ? 'equal' : 'divergent';
}

function cell(text: string): string {
	return escape(text.replace(/\s+/g, ' ')).replace(/\|/g, '\\|');
}

function escape(text: string): string {
	return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}
