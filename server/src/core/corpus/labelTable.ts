import { ENTITY_LABELS, LabelledNames, type EntityLabel } from '../entities/manual';

/** One entity annotation as the table counts it: the name it labels and its label. */
export interface NameLabel {
	readonly name: string;
	readonly label: EntityLabel;
}

/**
 * The corpus-wide labels of names: every entity annotation of every review file given to the corpus,
 * counted by name (its exact text). A name's label is the one most of its annotations give; a tie goes
 * to the label listed first in {@link ENTITY_LABELS} (person, organization, place, other, date, figure,
 * not-entity), so the outcome never depends on the order files are read in. Maintained per article.
 */
export class ManualLabelTable {
	private readonly byArticle = new Map<string, readonly NameLabel[]>();
	/** name → label → number of annotations. */
	private readonly counts = new Map<string, Map<EntityLabel, number>>();
	/** name → article → number of annotations. */
	private readonly articles = new Map<string, Map<string, number>>();
	private cache: LabelledNames | undefined;

	/**
	 * Replaces an article's entity annotations. Returns the names whose label changed (the articles
	 * containing them must be analysed again) and every name whose counts changed (its annotations'
	 * conflict findings may have changed).
	 */
	set(article: string, entries: readonly NameLabel[]): { relabelled: Set<string>; touched: Set<string> } {
		const old = this.byArticle.get(article) ?? [];
		const touched = new Set([...old, ...entries].map((e) => e.name));
		const before = new Map([...touched].map((name) => [name, this.label(name)]));
		for (const e of old) {
			this.bump(article, e, -1);
		}
		for (const e of entries) {
			this.bump(article, e, 1);
		}
		if (entries.length > 0) {
			this.byArticle.set(article, entries);
		} else {
			this.byArticle.delete(article);
		}
		const relabelled = new Set([...touched].filter((name) => before.get(name) !== this.label(name)));
		if (relabelled.size > 0) {
			this.cache = undefined;
		}
		return { relabelled, touched };
	}

	/** The label of a name across the corpus, or `undefined` when no annotation labels it. */
	label(name: string): EntityLabel | undefined {
		let best: EntityLabel | undefined;
		let bestCount = 0;
		for (const label of ENTITY_LABELS) {
			const n = this.counts.get(name)?.get(label) ?? 0;
			if (n > bestCount) {
				best = label;
				bestCount = n;
			}
		}
		return best;
	}

	/** How many annotations give each label to a name, most first (ties in label order). */
	labelCounts(name: string): { label: EntityLabel; count: number }[] {
		return ENTITY_LABELS.map((label) => ({ label, count: this.counts.get(name)?.get(label) ?? 0 }))
			.filter((c) => c.count > 0)
			.sort((a, b) => b.count - a.count);
	}

	/** The articles whose annotations label a name. */
	articlesOf(name: string): string[] {
		return [...(this.articles.get(name)?.keys() ?? [])];
	}

	/** Every labelled name with its label, ready to be found in a text (built once per change). */
	names(): LabelledNames {
		if (!this.cache) {
			const resolved = new Map<string, EntityLabel>();
			for (const name of this.counts.keys()) {
				resolved.set(name, this.label(name)!);
			}
			this.cache = new LabelledNames(resolved);
		}
		return this.cache;
	}

	private bump(article: string, entry: NameLabel, delta: number): void {
		const labels = this.counts.get(entry.name) ?? this.counts.set(entry.name, new Map()).get(entry.name)!;
		const n = (labels.get(entry.label) ?? 0) + delta;
		if (n > 0) {
			labels.set(entry.label, n);
		} else {
			labels.delete(entry.label);
		}
		if (labels.size === 0) {
			this.counts.delete(entry.name);
		}
		const inArticle = this.articles.get(entry.name) ?? this.articles.set(entry.name, new Map()).get(entry.name)!;
		const m = (inArticle.get(article) ?? 0) + delta;
		if (m > 0) {
			inArticle.set(article, m);
		} else {
			inArticle.delete(article);
		}
		if (inArticle.size === 0) {
			this.articles.delete(entry.name);
		}
	}
}
