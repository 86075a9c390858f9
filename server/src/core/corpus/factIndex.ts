import type { Fact } from '../figures/facts';

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
			const name = FactIndex.bucket(cluster, fact.key);
			let bucket = this.byKey.get(name);
			if (!bucket) {
				bucket = new Map();
				this.byKey.set(name, bucket);
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
			const name = FactIndex.bucket(old.cluster, fact.key);
			const bucket = this.byKey.get(name);
			if (!bucket?.delete(docId)) {
				continue;
			}
			for (const other of bucket.keys()) {
				affected.add(other);
			}
			if (bucket.size === 0) {
				this.byKey.delete(name);
			}
		}
		return affected;
	}

	/** The facts of a document and its cluster. */
	facts(docId: string): { cluster: string; facts: readonly Fact[] } | undefined {
		return this.byDoc.get(docId);
	}

	/** Every fact with the same cluster and key as `fact`, in every document (this one included), by document. */
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

	/** Every cluster and key with facts from at least two documents: the rows of the Inconsistencies view. */
	*groups(): IterableIterator<{ cluster: string; key: string; facts: readonly IndexedFact[] }> {
		for (const [name, bucket] of this.byKey) {
			if (bucket.size < 2) {
				continue;
			}
			const [cluster, key] = name.split('\u0000') as [string, string];
			yield { cluster, key, facts: this.same(cluster, key) };
		}
	}
}
