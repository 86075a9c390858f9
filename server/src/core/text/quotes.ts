import type { Span } from '../types';

/**
 * Finds the double-quoted stretches of one line: straight `"…"`, curly `“…”`, guillemets `«…»` and the
 * ``…'' of tokenised text.
 * An opening mark with no closing mark on its line runs to the end of the line, following the
 * newsroom convention for quotes that continue into the next paragraph. This is the layout-level view
 * that lets rules skip the quoted words of others; speakers and cues are the attribution layer's job.
 */
export function quotedSpans(text: string, start: number, end: number): Span[] {
	const spans: Span[] = [];
	let open = -1;
	let closer = '';
	for (let i = start; i < end; i++) {
		// Tokenised text writes ``…'' for “…”.
		const two = text.slice(i, i + 2);
		const ch = two === '``' ? '\u201C' : two === "''" ? '"' : text[i]!;
		const at = i;
		if (two === '``' || two === "''") {
			i++;
		}
		if (open < 0) {
			if (ch === '\u201C') {
				open = at;
				closer = '\u201D';
			} else if (ch === '\u00AB') {
				open = at;
				closer = '\u00BB';
			} else if (ch === '"') {
				open = at;
				closer = '"';
			}
		} else if (ch === closer || (closer === '\u201D' && ch === '"')) {
			spans.push({ start: open, end: i + 1 });
			open = -1;
		}
	}
	if (open >= 0) {
		spans.push({ start: open, end });
	}
	return spans;
}

/** Whether `[start, end)` lies inside one of `spans` (sorted, non-overlapping). */
export function isInside(spans: readonly Span[], start: number, end: number): boolean {
	for (const span of spans) {
		if (span.start <= start && end <= span.end) {
			return true;
		}
		if (span.start > start) {
			return false;
		}
	}
	return false;
}
