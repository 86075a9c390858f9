/**
 * Strings filed by key, compactly: a key is kept as a 32-bit hash and a bucket holds one string as a
 * plain string (most keys have one) or several in an array. A large corpus files millions of deletion
 * keys, so neither the key strings nor a set per key are kept. Hash collisions only add candidates, which
 * every reader checks (the name index's variants, the entity registry's misspellings).
 */
export class KeyIndex {
	private readonly buckets = new Map<number, string | string[]>();

	add(key: string, value: string): void {
		const h = hashKey(key);
		const bucket = this.buckets.get(h);
		if (bucket === undefined) {
			this.buckets.set(h, value);
		} else if (typeof bucket === 'string') {
			if (bucket !== value) {
				this.buckets.set(h, [bucket, value]);
			}
		} else if (!bucket.includes(value)) {
			bucket.push(value);
		}
	}

	delete(key: string, value: string): void {
		const h = hashKey(key);
		const bucket = this.buckets.get(h);
		if (bucket === value) {
			this.buckets.delete(h);
		} else if (Array.isArray(bucket)) {
			const rest = bucket.filter((f) => f !== value);
			this.buckets.set(h, rest.length === 1 ? rest[0]! : rest);
		}
	}

	get(key: string): readonly string[] {
		const bucket = this.buckets.get(hashKey(key));
		return bucket === undefined ? [] : typeof bucket === 'string' ? [bucket] : bucket;
	}
}

/** FNV-1a over UTF-16 code units. */
function hashKey(key: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) {
		h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
	}
	return h >>> 0;
}

/** The keys of a word in a symmetric-deletion index: the word and the word less any one letter. Two words one edit apart share one. */
export function deletions(word: string): string[] {
	const keys = [word];
	for (let i = 0; i < word.length; i++) {
		keys.push(word.slice(0, i) + word.slice(i + 1));
	}
	return keys;
}
