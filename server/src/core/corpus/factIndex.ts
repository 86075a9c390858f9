import { factKey, type Fact } from '../figures/facts';
import { PROJECTILES } from '../figures/lexicon';

/** A fact of one document, as the index holds it. */
export interface IndexedFact {
	readonly docId: string;
	readonly cluster: string;
	readonly fact: Fact;
}

/**
 * The corpus's facts by cluster and comparison key (event, measure, population, part): the figures that
 * may report the same quantity, found with one lookup instead of comparing every pair of figures.
 * Updated incrementally per document.
 */
export class FactIndex {
	private readonly byDoc = new Map<string, { cluster: string; facts: readonly Fact[] }>();
	private readonly byKey = new Map<string, Map<string, Fact[]>>();
	/** Facts of the article's own event (no anchor), by cluster and quantity whatever the kind of event. */
	private readonly byQuantity = new Map<string, Map<string, Fact[]>>();

	private static bucket(cluster: string, key: string): string {
		return `${cluster}\u0000${key}`;
	}

	/** Replaces a document's facts. Returns the other documents whose comparisons may have changed. */
	update(docId: string, cluster: string, facts: readonly Fact[]): Set<string> {
		const affected = this.remove(docId);
		if (facts.length === 0) {
			return affected;
		}
		this.byDoc.set(docId, { cluster, facts });
		for (const fact of facts) {
			add(this.byKey, FactIndex.bucket(cluster, factKey(fact)), docId, fact, affected);
			if (!fact.anchored) {
				add(this.byQuantity, FactIndex.bucket(cluster, fact.quantityKey), docId, fact, affected);
			}
		}
		return affected;
	}

	/** Forgets a document. Returns the other documents that shared a comparison key with it. */
	remove(docId: string): Set<string> {
		const affected = new Set<string>();
		const old = this.byDoc.get(docId);
		if (!old) {
			return affected;
		}
		this.byDoc.delete(docId);
		for (const fact of old.facts) {
			drop(this.byKey, FactIndex.bucket(old.cluster, factKey(fact)), docId, affected);
			if (!fact.anchored) {
				drop(this.byQuantity, FactIndex.bucket(old.cluster, fact.quantityKey), docId, affected);
			}
		}
		return affected;
	}

	/** Every document with facts, with its cluster and facts. */
	*documents(): IterableIterator<{ docId: string; cluster: string; facts: readonly Fact[] }> {
		for (const [docId, { cluster, facts }] of this.byDoc) {
			yield { docId, cluster, facts };
		}
	}

	/** The facts of a document and its cluster. */
	facts(docId: string): { cluster: string; facts: readonly Fact[] } | undefined {
		return this.byDoc.get(docId);
	}

	/**
	 * The facts that may report the same quantity as `fact`, in every document (this one included): those
	 * with its key; for a fact of the article's own event, also those of the other articles' own events
	 * when either article names no kind of event (one outlet's "dam failure" is another's "flood").
	 */
	comparable(cluster: string, fact: Fact): readonly IndexedFact[] {
		if (fact.anchored) {
			return this.same(cluster, factKey(fact));
		}
		const bucket = this.byQuantity.get(FactIndex.bucket(cluster, fact.quantityKey));
		const found: IndexedFact[] = [];
		for (const [docId, facts] of bucket ?? []) {
			for (const other of facts) {
				if (
					other.kind === fact.kind ||
					other.kind === 'event' ||
					fact.kind === 'event' ||
					((HUMAN_TOLLS.has(fact.measure) ||
						(fact.measure === 'distance' && fact.population !== undefined) ||
						(fact.measure === 'count' && PROJECTILES.has(fact.population ?? ''))) &&
						sameFamily(other.kind, fact.kind))
				) {
					found.push({ docId, cluster, fact: other });
				}
			}
		}
		return found;
	}

	/** Every fact with the same cluster and key, in every document (this one included), by document. */
	same(cluster: string, key: string): readonly IndexedFact[] {
		const bucket = this.byKey.get(FactIndex.bucket(cluster, key));
		if (!bucket) {
			return [];
		}
		const found: IndexedFact[] = [];
		for (const [docId, facts] of bucket) {
			for (const fact of facts) {
				found.push({ docId, cluster, fact });
			}
		}
		return found;
	}
}

/** Kinds of event outlets use for one another: one outlet's "attack" on a school is another's "strike", "shelling" or a day of the "war". */
const FAMILIES: Readonly<Record<string, string>> = { attack: 'violence', strike: 'violence', war: 'violence' };

/**
 * Measures whose figures outlets report for one violent event whatever they call it. Counts of things are
 * left out: "attack", "shooting" and "battle" are also the words of a match report, whose rebounds and
 * yards must not meet; a distance only counts from a named place ("17 miles from Tel Aviv"). Shells, rockets
 * and missiles are the exception: only a violent event fires them.
 */
const HUMAN_TOLLS = new Set(['killed', 'injured', 'missing', 'displaced', 'sheltered', 'detained', 'arrested', 'duration']);

function sameFamily(a: string, b: string): boolean {
	return a === b || (FAMILIES[a] !== undefined && FAMILIES[a] === FAMILIES[b]);
}

function add(index: Map<string, Map<string, Fact[]>>, name: string, docId: string, fact: Fact, affected: Set<string>): void {
	let bucket = index.get(name);
	if (!bucket) {
		bucket = new Map();
		index.set(name, bucket);
	}
	let own = bucket.get(docId);
	if (!own) {
		own = [];
		bucket.set(docId, own);
		for (const other of bucket.keys()) {
			if (other !== docId) {
				affected.add(other);
			}
		}
	}
	own.push(fact);
}

function drop(index: Map<string, Map<string, Fact[]>>, name: string, docId: string, affected: Set<string>): void {
	const bucket = index.get(name);
	if (!bucket?.delete(docId)) {
		return;
	}
	for (const other of bucket.keys()) {
		affected.add(other);
	}
	if (bucket.size === 0) {
		index.delete(name);
	}
}
