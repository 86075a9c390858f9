/**
 * Offsets in Unicode code points, as brat, doccano and the W3C Web Annotation selectors count them, and
 * their conversion to the UTF-16 code units the rest of Crosscheck uses. The two differ only after a
 * character outside the Basic Multilingual Plane (an emoji, a rare CJK ideograph), which takes two
 * UTF-16 code units and one code point.
 */
export class CodePointIndex {
	/** The UTF-16 offsets of the first half of each surrogate pair, in order. */
	private readonly pairs: number[] = [];
	/** The text's length in code points. */
	readonly length: number;

	/** Indexes a text in one pass. */
	constructor(private readonly text: string) {
		for (let i = 0; i < text.length; i++) {
			if (isPairAt(text, i)) {
				this.pairs.push(i);
				i++;
			}
		}
		this.length = text.length - this.pairs.length;
	}

	/** The code-point offset of a UTF-16 offset (one inside a surrogate pair counts as the pair's start). */
	toCodePoint(utf16: number): number {
		// Every pair that starts before the offset and ends at or before it took one unit too many.
		let lo = 0;
		let hi = this.pairs.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.pairs[mid]! + 2 <= utf16) {
				lo = mid + 1;
			} else {
				hi = mid;
			}
		}
		const inside = lo < this.pairs.length && this.pairs[lo]! < utf16;
		return utf16 - lo - (inside ? 1 : 0);
	}

	/** The UTF-16 offset of a code-point offset (clamped to the text). */
	toUtf16(codePoint: number): number {
		// Pair k sits at code point pairs[k] - k; every pair before the offset adds one unit.
		let lo = 0;
		let hi = this.pairs.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.pairs[mid]! - mid < codePoint) {
				lo = mid + 1;
			} else {
				hi = mid;
			}
		}
		return Math.min(codePoint + lo, this.text.length);
	}
}

function isPairAt(text: string, i: number): boolean {
	const high = text.charCodeAt(i);
	if (high < 0xd800 || high > 0xdbff) {
		return false;
	}
	const low = text.charCodeAt(i + 1);
	return low >= 0xdc00 && low <= 0xdfff;
}
