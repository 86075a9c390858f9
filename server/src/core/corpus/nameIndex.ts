import type { Span } from '../types';
import { oneEditApart } from '../text/edits';
import { deletions, KeyIndex } from './keyIndex';

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

/** Letters and pairs of letters that transliterations and typos swap for one another, as one letter. */
const SOUNDS: readonly (readonly [RegExp, string])[] = [
	[/ph/g, 'f'],
	[/[cq]k|ck/g, 'k'],
	[/([bcdfgjklmnpqrstvwxz])h/g, '$1'],
	[/[cq]/g, 'k'],
	[/[vw]/g, 'b'],
	[/z/g, 's'],
	[/[yj]/g, 'i'],
	[/(.)\1+/g, '$1'],
];

/**
 * A folded word as it sounds, roughly: the letters transliterations and typos swap merged ("ph"/"f",
 * "c"/"k"/"q", "v"/"w"/"b", "z"/"s", "y"/"i", "kh"/"k", doubled letters), so that "Gavarzin" and
 * "Gabardin", two letters apart, are one letter apart here.
 */
export function soundKey(folded: string): string {
	let key = folded.replace(/[^a-z]/g, '');
	for (const [pattern, replacement] of SOUNDS) {
		key = key.replace(pattern, replacement);
	}
	return key;
}

/** The part of a name word after a particle written against it ("Calamita" in "LaCalamita", "Donald" in "McDonald"). */
function tailOf(word: string): string | undefined {
	const m = /^\p{Lu}\p{Ll}{1,2}(\p{Lu}\p{Ll}{3,})$/u.exec(word);
	return m ? foldWord(m[1]!) : undefined;
}

/** How close two spellings are: one letter apart, one letter apart as they sound, or one with a particle before the other. */
export type Closeness = 'letter' | 'sound' | 'particle';

/** A spelling close to another, and how. */
export interface Variant {
	readonly spelling: Spelling;
	readonly closeness: Closeness;
}

/** Sound keys shorter than this only count with a name word in common: short names sound alike too often. */
const MIN_SOUND_ALONE = 7;
/** Spellings shorter than this only count with a name word in common ("Gulf of Aden" / "Gulf of Eden"). */
const MIN_LETTER_ALONE = 5;

/**
 * The name words of the corpus by cluster and spelling, with symmetric-deletion indexes: two spellings
 * one edit apart (a letter added, dropped, changed or two swapped: "Fethullah"/"Fetullah",
 * "Gulen"/"Gulden") share a key, and so do two spellings one edit apart as they sound
 * ({@link soundKey}: "Gavarzin"/"Gabardin"); a word with a particle written against it is also filed
 * under the rest ("LaCalamita" under "Calamita"). Variants are found by lookup, never by comparing every
 * pair of names. Updated incrementally per document.
 */
export class NameIndex {
	/** @param wordsOf A document's name words, as last given to {@link update}: its owner finds them again on demand. */
	constructor(private readonly wordsOf: (docId: string) => readonly NameWord[]) {}

	/**
	 * The cluster of each document. Its words are not kept: the owner finds them again from the
	 * document's stored names ({@link wordsOf}), which saves most of the index's memory.
	 */
	private readonly clusterOf = new Map<string, string>();
	/** cluster → folded spelling → type → docId → count */
	private readonly spellings = new Map<
		string,
		Map<string, { text: string; place: boolean; docs: Map<string, number>; partners: Map<string, number> }>
	>();
	/** cluster → deletion key → folded spellings */
	private readonly keys = new Map<string, KeyIndex>();
	/** cluster → deletion key of the sound key → folded spellings */
	private readonly sounds = new Map<string, KeyIndex>();
	/** cluster → sound key of the part after a particle → folded spellings ("kalamita" → "lacalamita") */
	private readonly tails = new Map<string, KeyIndex>();

	/** Replaces a document's name words. Returns the documents sharing a spelling key with the old or new ones. */
	update(docId: string, cluster: string, words: readonly NameWord[], oldWords: readonly NameWord[] = []): Set<string> {
		const affected = this.remove(docId, oldWords);
		if (words.length === 0) {
			return affected;
		}
		this.clusterOf.set(docId, cluster);
		const spellings = getOrMake(this.spellings, cluster);
		for (const word of words) {
			const folded = foldWord(word.text);
			let entry = spellings.get(folded);
			if (!entry) {
				entry = { text: word.text, place: word.type === 'place', docs: new Map(), partners: new Map() };
				spellings.set(folded, entry);
				this.forEachKey(cluster, word.text, folded, (index, key) => index.add(key, folded));
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
				for (const doc of other.spelling.docs.keys()) {
					affected.add(doc);
				}
			}
		}
		affected.delete(docId);
		return affected;
	}

	/** Forgets a document. Returns the documents that shared a spelling key with it. */
	/** Forgets a document, given the words it was last updated with. Returns the documents that shared a spelling key with it. */
	remove(docId: string, oldWords: readonly NameWord[]): Set<string> {
		const affected = new Set<string>();
		const cluster = this.clusterOf.get(docId);
		if (cluster === undefined) {
			return affected;
		}
		this.clusterOf.delete(docId);
		const old = { cluster, words: oldWords };
		const spellings = this.spellings.get(old.cluster);
		for (const word of old.words) {
			const folded = foldWord(word.text);
			for (const other of this.variantsOf(old.cluster, folded)) {
				for (const doc of other.spelling.docs.keys()) {
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
			this.forEachKey(old.cluster, entry.text, folded, (index, key) => index.delete(key, folded));
		}
		affected.delete(docId);
		return affected;
	}

	/** A document's name words and cluster. */
	words(docId: string): { cluster: string; words: readonly NameWord[] } | undefined {
		const cluster = this.clusterOf.get(docId);
		return cluster === undefined ? undefined : { cluster, words: this.wordsOf(docId) };
	}

	/** The spelling of a folded word in a cluster. */
	spelling(cluster: string, folded: string): Spelling | undefined {
		return this.spellings.get(cluster)?.get(folded);
	}

	/** Calls `visit` with each index of the cluster and each key a spelling is filed under there. */
	private forEachKey(cluster: string, text: string, folded: string, visit: (index: KeyIndex, key: string) => void): void {
		const keys = indexOf(this.keys, cluster);
		for (const key of deletions(folded)) {
			visit(keys, key);
		}
		const sounds = indexOf(this.sounds, cluster);
		for (const key of deletions(soundKey(folded))) {
			visit(sounds, key);
		}
		const tail = tailOf(text);
		if (tail) {
			visit(indexOf(this.tails, cluster), soundKey(tail));
		}
	}

	/**
	 * Other spellings close to a folded word (see {@link Closeness}) that may name the same thing: never
	 * when both come with other name words and never the same ones ("Barack" with "Obama", "Barak" with
	 * "Ehud"); and only with a name word in common when the closeness is weaker evidence — a short word
	 * ("Aden"/"Eden" in "Gulf of …"), a short word as it sounds, or a particle ("Anthony Calamita" /
	 * "Anthony LaCalamita", not "McDonald" / "Donald").
	 */
	variantsOf(cluster: string, folded: string): Variant[] {
		const spellings = this.spellings.get(cluster);
		const own = spellings?.get(folded);
		if (!spellings || !own) {
			return [];
		}
		const found = new Map<string, Closeness>();
		// Keys are hashed, so a spelling found under a key is checked to be really filed under it.
		const collect = (
			index: KeyIndex | undefined,
			keys: readonly string[],
			closeness: Closeness,
			filed: (other: string) => readonly string[],
		): void => {
			for (const key of keys) {
				for (const other of index?.get(key) ?? []) {
					if (other !== folded && !found.has(other) && filed(other).includes(key)) {
						found.set(other, closeness);
					}
				}
			}
		};
		const sound = soundKey(folded);
		const tailKey = (other: string): string[] => {
			const t = tailOf(spellings.get(other)!.text);
			return t ? [soundKey(t)] : [];
		};
		collect(this.keys.get(cluster), deletions(folded), 'letter', deletions);
		collect(this.sounds.get(cluster), deletions(sound), 'sound', (other) => deletions(soundKey(other)));
		collect(this.tails.get(cluster), [sound], 'particle', tailKey);
		const tail = tailOf(own.text);
		if (tail) {
			collect(this.sounds.get(cluster), [soundKey(tail)], 'particle', (other) => deletions(soundKey(other)));
		}
		const variants: Variant[] = [];
		for (const [other, closeness] of found) {
			const s = spellings.get(other)!;
			// Two words written together in one name are two words ("Los Angeles Angels"), not two spellings.
			if (own.partners.has(other) || s.partners.has(folded)) {
				continue;
			}
			const shared = [...s.partners.keys()].some((p) => own.partners.has(p));
			// Places and other names are told apart (a recogniser confuses people, organisations and other
			// names more than places), unless the names share a word ("Bryant Dalton" / "Brian Dalton").
			if (s.place !== own.place && !shared) {
				continue;
			}
			// Two deletions, one from each key, may be two letters apart ("arabian" / "karaban"): as they
			// sound, only one letter apart counts.
			if (closeness === 'sound' && !oneEditApart(sound, soundKey(other))) {
				continue;
			}
			const compatible = shared || s.partners.size === 0 || own.partners.size === 0;
			const short = Math.min(folded.length, other.length) < MIN_LETTER_ALONE;
			const alone =
				closeness === 'letter'
					? !short
					: closeness === 'sound'
						? !short && Math.min(sound.length, soundKey(other).length) >= MIN_SOUND_ALONE
						: false;
			if (shared || (alone && compatible)) {
				variants.push({ spelling: s, closeness });
			}
		}
		return variants;
	}
}

function indexOf(map: Map<string, KeyIndex>, cluster: string): KeyIndex {
	let index = map.get(cluster);
	if (!index) {
		index = new KeyIndex();
		map.set(cluster, index);
	}
	return index;
}

function getOrMake<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
	let inner = map.get(key);
	if (!inner) {
		inner = new Map();
		map.set(key, inner);
	}
	return inner;
}
