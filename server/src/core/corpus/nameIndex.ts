import type { Span } from '../types';

/** One written form of a name word in a document. */
export interface NameWord extends Span {
	/** As written ("Fetullah"). */
	readonly text: string;
	/** The entity type of the mention it is in. */
	readonly type: string;
	/** The other words of the name it is in, folded ("gulen" for "Fethullah" in "Fethullah Gulen"). */
	readonly partners: readonly string[];
}

/** How often a spelling is used, by document. */
export interface Spelling {
	readonly text: string;
	/** Whether it has been seen in a place name. */
	readonly place: boolean;
	readonly docs: ReadonlyMap<string, number>;
	/** The other words of the names it appears in, with how often. */
	readonly partners: ReadonlyMap<string, number>;
}

/** Folds a word for comparison: lower case, accents dropped ("Vendôme" and "Vendome" are one spelling). */
export function foldWord(word: string): string {
	return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The keys of a word in the symmetric-deletion index: the word and the word less any one letter. */
function deletions(folded: string): string[] {
	const keys = [folded];
	for (let i = 0; i < folded.length; i++) {
		keys.push(folded.slice(0, i) + folded.slice(i + 1));
	}
	return keys;
}

/**
 * The name words of the corpus by cluster and spelling, with a symmetric-deletion index: two spellings
 * one edit apart (a letter added, dropped, changed or two swapped: "Fethullah"/"Fetullah",
 * "Gulen"/"Gulden", "USGS"/"UGSG") share a key, so variants are found by lookup, never by comparing every
 * pair of names. Updated incrementally per document.
 */
export class NameIndex {
	private readonly byDoc = new Map<string, { cluster: string; words: readonly NameWord[] }>();
	/** cluster → folded spelling → type → docId → count */
	private readonly spellings = new Map<
		string,
		Map<string, { text: string; place: boolean; docs: Map<string, number>; partners: Map<string, number> }>
	>();
	/** cluster → deletion key → folded spellings */
	private readonly keys = new Map<string, Map<string, Set<string>>>();

	/** Replaces a document's name words. Returns the documents sharing a spelling key with the old or new ones. */
	update(docId: string, cluster: string, words: readonly NameWord[]): Set<string> {
		const affected = this.remove(docId);
		if (words.length === 0) {
			return affected;
		}
		this.byDoc.set(docId, { cluster, words });
		const spellings = getOrMake(this.spellings, cluster);
		const keys = getOrMake(this.keys, cluster);
		for (const word of words) {
			const folded = foldWord(word.text);
			let entry = spellings.get(folded);
			if (!entry) {
				entry = { text: word.text, place: word.type === 'place', docs: new Map(), partners: new Map() };
				spellings.set(folded, entry);
				for (const key of deletions(folded)) {
					let set = keys.get(key);
					if (!set) {
						set = new Set();
						keys.set(key, set);
					}
					set.add(folded);
				}
			}
			// A place name in one article and part of an organisation's name in another ("Kestrava City
			// Council") is still a place name.
			entry.place ||= word.type === 'place';
			entry.docs.set(docId, (entry.docs.get(docId) ?? 0) + 1);
			for (const partner of word.partners) {
				entry.partners.set(partner, (entry.partners.get(partner) ?? 0) + 1);
			}
		}
		for (const word of words) {
			for (const other of this.variantsOf(cluster, foldWord(word.text))) {
				for (const doc of other.docs.keys()) {
					affected.add(doc);
				}
			}
		}
		affected.delete(docId);
		return affected;
	}

	/** Forgets a document. Returns the documents that shared a spelling key with it. */
	remove(docId: string): Set<string> {
		const affected = new Set<string>();
		const old = this.byDoc.get(docId);
		if (!old) {
			return affected;
		}
		this.byDoc.delete(docId);
		const spellings = this.spellings.get(old.cluster);
		const keys = this.keys.get(old.cluster);
		for (const word of old.words) {
			const folded = foldWord(word.text);
			for (const other of this.variantsOf(old.cluster, folded)) {
				for (const doc of other.docs.keys()) {
					affected.add(doc);
				}
			}
			const entry = spellings?.get(folded);
			if (!entry) {
				continue;
			}
			for (const partner of word.partners) {
				const n = (entry.partners.get(partner) ?? 0) - 1;
				if (n > 0) {
					entry.partners.set(partner, n);
				} else {
					entry.partners.delete(partner);
				}
			}
			if (!entry.docs.delete(docId) || entry.docs.size > 0) {
				continue;
			}
			spellings!.delete(folded);
			for (const key of deletions(folded)) {
				const set = keys?.get(key);
				set?.delete(folded);
				if (set?.size === 0) {
					keys!.delete(key);
				}
			}
		}
		affected.delete(docId);
		return affected;
	}

	/** A document's name words and cluster. */
	words(docId: string): { cluster: string; words: readonly NameWord[] } | undefined {
		return this.byDoc.get(docId);
	}

	/** The spelling of a folded word in a cluster. */
	spelling(cluster: string, folded: string): Spelling | undefined {
		return this.spellings.get(cluster)?.get(folded);
	}

	/**
	 * Other spellings one edit away from a folded word that may name the same thing: not when both come
	 * with other name words and never the same ones ("Barack" with "Obama", "Barak" with "Ehud").
	 */
	variantsOf(cluster: string, folded: string): Spelling[] {
		const spellings = this.spellings.get(cluster);
		const keys = this.keys.get(cluster);
		const own = spellings?.get(folded);
		if (!spellings || !keys || !own) {
			return [];
		}
		const found = new Set<string>();
		for (const key of deletions(folded)) {
			for (const other of keys.get(key) ?? []) {
				if (other !== folded) {
					found.add(other);
				}
			}
		}
		return [...found]
			.map((f) => spellings.get(f)!)
			.filter(
				(s) =>
					// Places and other names (a recogniser confuses people, organisations and other names, not places).
					s.place === own.place &&
					(s.partners.size === 0 || own.partners.size === 0 || [...s.partners.keys()].some((p) => own.partners.has(p))),
			);
	}
}

function getOrMake<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
	let inner = map.get(key);
	if (!inner) {
		inner = new Map();
		map.set(key, inner);
	}
	return inner;
}
