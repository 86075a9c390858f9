/**
 * A quick test of whether a stretch of text may contain one of a set of words, for skipping the lines
 * and sentences where a costly pattern cannot match. It reads runs of ASCII letters, lower-cases them on
 * the fly and looks their hash up, allocating nothing; it may say yes wrongly (a hash collision, "said"
 * in "well-said"), never no wrongly for a word of ASCII letters. Words with other characters cannot be
 * told this way, so a set holding any makes the test always say yes.
 */
export interface WordScanner {
	(text: string, start: number, end: number): boolean;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashWord(word: string): number {
	let h = FNV_OFFSET;
	for (let i = 0; i < word.length; i++) {
		h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
	}
	return h >>> 0;
}

/**
 * A scanner for `words` (compared case-insensitively, as whole runs of letters). With `digits`, any
 * character in `digitChars` (digits, currency signs) also says yes.
 */
export function wordScanner(words: Iterable<string>, digitChars?: string): WordScanner {
	const hashes = new Set<number>();
	let minLength = Infinity;
	let maxLength = 0;
	for (const raw of words) {
		const word = raw.toLowerCase();
		if (!/^[a-z]+$/.test(word)) {
			return () => true;
		}
		hashes.add(hashWord(word));
		minLength = Math.min(minLength, word.length);
		maxLength = Math.max(maxLength, word.length);
	}
	const special = new Set<number>();
	for (const ch of digitChars ?? '') {
		special.add(ch.charCodeAt(0));
	}
	return (text: string, start: number, end: number): boolean => {
		let h = FNV_OFFSET;
		let length = 0;
		for (let i = start; i <= end; i++) {
			let c = i < end ? text.charCodeAt(i) : 32;
			if (c >= 65 && c <= 90) {
				c += 32;
			}
			if (c >= 97 && c <= 122) {
				h = Math.imul(h ^ c, FNV_PRIME);
				length++;
				continue;
			}
			if (length >= minLength && length <= maxLength && hashes.has(h >>> 0)) {
				return true;
			}
			if (special.has(c)) {
				return true;
			}
			h = FNV_OFFSET;
			length = 0;
		}
		return false;
	};
}
