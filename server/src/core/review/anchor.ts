import type { Span } from '../types';

/**
 * Where an annotation or a review decision sits in an article, recorded so that it survives edits: the
 * exact text, a little of the text before and after it, and its offset when it was made. This is the
 * W3C Web Annotation idea of a TextQuoteSelector (exact, prefix, suffix) refined by a
 * TextPositionSelector (the offset), which is only a hint.
 */
export interface TextAnchor {
	/** The annotated text, exactly as written. */
	readonly exact: string;
	/** Up to {@link CONTEXT_LENGTH} characters before it, not crossing a line break. */
	readonly prefix: string;
	/** Up to {@link CONTEXT_LENGTH} characters after it, not crossing a line break. */
	readonly suffix: string;
	/** Its UTF-16 offset when the anchor was made. */
	readonly offset: number;
}

/** How much context an anchor keeps on each side: enough to tell repeated words apart, short enough to read. */
export const CONTEXT_LENGTH = 24;

/** Records the anchor of a span of a text. */
export function makeAnchor(text: string, span: Span): TextAnchor {
	const before = text.slice(Math.max(0, span.start - CONTEXT_LENGTH), span.start);
	const after = text.slice(span.end, span.end + CONTEXT_LENGTH);
	return {
		exact: text.slice(span.start, span.end),
		prefix: before.slice(lastBreak(before) + 1),
		suffix: after.slice(0, firstBreak(after)),
		offset: span.start,
	};
}

/**
 * Finds an anchor in a (possibly edited) text: among the occurrences of its exact text, the one whose
 * surroundings match its prefix and suffix best, and of those the nearest to its old offset. Returns
 * `undefined` when the exact text occurs nowhere: the anchor is orphaned. Linear in the text's length
 * for each anchor.
 */
export function resolveAnchor(text: string, anchor: TextAnchor): Span | undefined {
	const { exact } = anchor;
	if (exact.length === 0) {
		return undefined;
	}
	let best: Span | undefined;
	let bestScore = -1;
	let bestDistance = Infinity;
	for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
		const end = at + exact.length;
		const score = commonSuffix(anchor.prefix, text, at) + commonPrefix(anchor.suffix, text, end);
		const distance = Math.abs(at - anchor.offset);
		if (score > bestScore || (score === bestScore && distance < bestDistance)) {
			best = { start: at, end };
			bestScore = score;
			bestDistance = distance;
		}
	}
	return best;
}

/** How many characters at the end of `prefix` match the text just before `at`. */
function commonSuffix(prefix: string, text: string, at: number): number {
	let n = 0;
	while (n < prefix.length && at - n - 1 >= 0 && prefix.charCodeAt(prefix.length - n - 1) === text.charCodeAt(at - n - 1)) {
		n++;
	}
	return n;
}

/** How many characters at the start of `suffix` match the text from `at`. */
function commonPrefix(suffix: string, text: string, at: number): number {
	let n = 0;
	while (n < suffix.length && at + n < text.length && suffix.charCodeAt(n) === text.charCodeAt(at + n)) {
		n++;
	}
	return n;
}

function lastBreak(s: string): number {
	return Math.max(s.lastIndexOf('\n'), s.lastIndexOf('\r'));
}

function firstBreak(s: string): number {
	const found = [s.indexOf('\n'), s.indexOf('\r')].filter((i) => i >= 0);
	return found.length > 0 ? Math.min(...found) : s.length;
}
