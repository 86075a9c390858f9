import type { DocumentStructure } from '../text/structure';
import type { Span } from '../types';

/** A quotation as the layout shows it, before its speaker is looked for. */
export interface Quotation extends Span {
	/** `start` is the opening mark and `end` follows the closing mark (or the end of the last line). */
	readonly content: Span;
	/** Whether it is in single quotes (pull quotes, British style). */
	readonly single: boolean;
	/** Whether a closing mark was found. */
	readonly closed: boolean;
	/** The indices of its first and last line in {@link DocumentStructure.lines}. */
	readonly firstLine: number;
	readonly lastLine: number;
}

const DOUBLE_OPENERS: Readonly<Record<string, string>> = { '\u201C': '\u201D', '\u00AB': '\u00BB', '\u201E': '\u201D', '"': '"' };
/**
 * Every double quote mark, opening or closing, including the two-character marks of tokenised text:
 * two backticks open (``like this''), two apostrophes close or stand for a straight mark. In `'''` the
 * last two close the quotation and the first closes a single quote nested in it.
 */
const DOUBLE_MARK = /["\u201C\u201D\u00AB\u00BB\u201E]|``|''(?!')/g;

/** The double quote mark at `i` as the one-character mark it stands for, with its length; else undefined. */
export function doubleMarkAt(text: string, i: number): { readonly mark: string; readonly length: number } | undefined {
	const ch = text[i];
	if (ch === '`' && text[i + 1] === '`') {
		return { mark: '\u201C', length: 2 };
	}
	if (ch === "'" && text[i + 1] === "'") {
		return { mark: '"', length: 2 };
	}
	return ch !== undefined && /["\u201C\u201D\u00AB\u00BB\u201E]/.test(ch) ? { mark: ch, length: 1 } : undefined;
}
/** Every single quote mark or apostrophe. */
const SINGLE_MARK = /['\u2018\u2019]/g;

/** A quotation longer than this many characters without a closing mark is a stray mark, not a quote. */
const MAX_UNCLOSED = 1200;

/**
 * Finds the quotations of an article: double quotes (straight, curly, guillemets) on every line that is
 * not web-page debris, then single-quoted stretches outside them. A quotation left open at the end of a
 * paragraph continues when the next paragraph opens with a quote mark (the newsroom convention for
 * quotes running over several paragraphs); otherwise it ends with its line. Quotes nested inside a
 * quotation are part of it. Linear in the length of the text.
 */
export function findQuotations(text: string, structure: DocumentStructure): Quotation[] {
	const found: Quotation[] = [];
	const lines = structure.lines;
	let pending: { start: number; closer: string; firstLine: number } | undefined;
	const doubleMarks = positions(text, DOUBLE_MARK);
	const singleMarks = positions(text, SINGLE_MARK);
	let dm = 0;
	let sm = 0;
	for (let li = 0; li < lines.length; li++) {
		const line = lines[li]!;
		if (line.kind === 'boilerplate') {
			continue;
		}
		let i = line.start;
		let open = -1;
		let closer = '';
		let firstLine = li;
		if (pending) {
			const first = doubleMarkAt(text, line.start);
			if (first && first.mark in DOUBLE_OPENERS) {
				// The next paragraph opens with a quote mark: the quotation runs on.
				open = pending.start;
				closer = pending.closer;
				firstLine = pending.firstLine;
				i = line.start + first.length;
			} else if (closesAhead(text, lines, li)) {
				// A quotation split over several lines (one sentence per line, or hard-wrapped text).
				open = pending.start;
				closer = pending.closer;
				firstLine = pending.firstLine;
			} else {
				pushUnclosed(found, text, pending.start, lines[previousContent(lines, li)]!.end, pending.firstLine, previousContent(lines, li));
			}
			pending = undefined;
		}
		const doubles: Span[] = [];
		// Jump from one double quote mark to the next.
		while (dm < doubleMarks.length && doubleMarks[dm]! < i) {
			dm++;
		}
		for (; dm < doubleMarks.length && doubleMarks[dm]! < line.end; dm++) {
			const at = doubleMarks[dm]!;
			const { mark: ch, length } = doubleMarkAt(text, at)!;
			if (open < 0) {
				const close = DOUBLE_OPENERS[ch];
				// A straight mark right after a digit is an inch mark ("a 3.1" screen"), not an opening quote.
				if (close !== undefined && !(ch === '"' && length === 1 && at > 0 && /\d/.test(text[at - 1]!))) {
					open = at;
					closer = close;
					firstLine = li;
				}
			} else if (ch === closer || (closer === '\u201D' && ch === '"') || (closer === '"' && ch === '\u201D')) {
				found.push(quotation(text, open, at + length, true, false, firstLine, li));
				doubles.push({ start: open, end: at + length });
				open = -1;
			}
		}
		if (open >= 0 && firstLine === li) {
			// "the "very spiritual' employee": a double mark closed by a single one, a typing slip.
			const slip = mismatchedCloser(text, open, line.end);
			if (slip !== undefined) {
				found.push(quotation(text, open, slip + 1, true, false, firstLine, li));
				doubles.push({ start: open, end: slip + 1 });
				open = -1;
			}
		}
		if (open >= 0) {
			pending = { start: open, closer, firstLine };
			doubles.push({ start: Math.max(open, line.start), end: line.end });
		}
		while (sm < singleMarks.length && singleMarks[sm]! < line.start) {
			sm++;
		}
		if (sm < singleMarks.length && singleMarks[sm]! < line.end) {
			findSingles(text, line.start, line.end, doubles, li, found, singleMarks, sm);
		}
	}
	if (pending) {
		let last = lines.length - 1;
		while (last > 0 && lines[last]!.kind === 'boilerplate') {
			last--;
		}
		pushUnclosed(found, text, pending.start, lines[last]!.end, pending.firstLine, last);
	}
	return found.sort((a, b) => a.start - b.start);
}

/** A double-quoted stretch closed by a single mark is taken for a slip only when it is this short. */
const MAX_SLIP_WORDS = 12;

/**
 * The single mark that closes a double quotation opened at `open` and left open on its line, when it
 * was typed by mistake: a ' or ’ after a letter (not a plural possessive's "s'") and before no letter,
 * with no single quote opened before it, within {@link MAX_SLIP_WORDS} words of the opening mark.
 */
function mismatchedCloser(text: string, open: number, end: number): number | undefined {
	let words = 0;
	let singleOpen = false;
	for (let i = open + (doubleMarkAt(text, open)?.length ?? 1); i < end; i++) {
		const ch = text[i]!;
		if (/\s/.test(ch)) {
			if (++words > MAX_SLIP_WORDS) {
				return undefined;
			}
			continue;
		}
		if (ch !== "'" && ch !== '\u2018' && ch !== '\u2019') {
			continue;
		}
		const before = text[i - 1] ?? ' ';
		const after = text[i + 1] ?? ' ';
		if (ch !== '\u2019' && /[\s(\[]/.test(before) && LETTER.test(after)) {
			singleOpen = true;
		} else if (ch !== '\u2018' && /[\p{L}\p{N}.!?,]/u.test(before) && !LETTER.test(after)) {
			if (singleOpen) {
				singleOpen = false;
			} else if (!/s/i.test(before)) {
				return i;
			}
		}
	}
	return undefined;
}

/** The offsets of every match of a pattern, in one pass over the text. */
function positions(text: string, pattern: RegExp): number[] {
	const found: number[] = [];
	pattern.lastIndex = 0;
	for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
		found.push(m.index);
	}
	return found;
}

function previousContent(lines: DocumentStructure['lines'], li: number): number {
	let prev = li - 1;
	while (prev > 0 && lines[prev]!.kind === 'boilerplate') {
		prev--;
	}
	return Math.max(prev, 0);
}

/** How many lines ahead a quotation left open may find its closing mark. */
const LOOKAHEAD_LINES = 4;

/**
 * Whether the quotation left open before line `li` closes on a following line of the same paragraph:
 * the first line ahead with a double quote mark has a closing one first.
 */
function closesAhead(text: string, lines: DocumentStructure['lines'], li: number): boolean {
	const paragraph = lines[previousContent(lines, li)]!.paragraph;
	for (let k = li; k < lines.length && k - li < LOOKAHEAD_LINES; k++) {
		const line = lines[k]!;
		if (line.paragraph !== paragraph) {
			return false;
		}
		if (line.kind === 'boilerplate') {
			continue;
		}
		if (/["\u201C\u201D\u00AB\u00BB]|``|''/.test(text.slice(line.start, line.end))) {
			return closesFirst(text, line.start, line.end);
		}
	}
	return false;
}

/** Whether a line's first double quote mark closes a quotation: a curly closer, or an odd number of straight marks. */
function closesFirst(text: string, start: number, end: number): boolean {
	let straight = 0;
	for (let i = start; i < end; i++) {
		const found = doubleMarkAt(text, i);
		if (!found) {
			continue;
		}
		const ch = found.mark;
		i += found.length - 1;
		if (ch === '\u201D' || ch === '\u00BB') {
			return straight === 0;
		}
		if (ch === '\u201C' || ch === '\u00AB') {
			return false;
		}
		if (ch === '"') {
			straight++;
		}
	}
	return straight % 2 === 1;
}

function pushUnclosed(found: Quotation[], text: string, start: number, end: number, firstLine: number, lastLine: number): void {
	if (end - start <= MAX_UNCLOSED && end - start > 2) {
		found.push(quotation(text, start, end, false, false, firstLine, lastLine));
	}
}

function quotation(
	text: string,
	start: number,
	end: number,
	closed: boolean,
	single: boolean,
	firstLine: number,
	lastLine: number,
): Quotation {
	let cs = start + (doubleMarkAt(text, start)?.length ?? 1);
	const closer = !closed ? 0 : !single && text.startsWith("''", end - 2) ? 2 : 1;
	let ce = end - closer;
	while (cs < ce && /\s/.test(text[cs]!)) {
		cs++;
	}
	while (ce > cs && /\s/.test(text[ce - 1]!)) {
		ce--;
	}
	return { start, end, content: { start: cs, end: ce }, single, closed, firstLine, lastLine };
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * Single-quoted stretches of one line outside its double quotes: ‘…’ or '…'. An opening mark follows
 * the line start, a space or an opening bracket and precedes a letter; a closing mark follows a letter
 * or punctuation (or a space after punctuation, as in tokenised text) and is not followed by a letter, so
 * apostrophes ("Gulen’s", "don't") never count.
 */
function findSingles(
	text: string,
	start: number,
	end: number,
	doubles: readonly Span[],
	li: number,
	found: Quotation[],
	marks: readonly number[],
	first: number,
): void {
	let open = -1;
	let d = 0;
	for (let k = first; k < marks.length && marks[k]! < end; k++) {
		const i = marks[k]!;
		while (d < doubles.length && doubles[d]!.end <= i) {
			d++;
		}
		if (d < doubles.length && doubles[d]!.start <= i) {
			open = -1;
			continue;
		}
		const ch = text[i]!;
		const before = i > start ? text[i - 1]! : ' ';
		const after = i + 1 < end ? text[i + 1]! : ' ';
		if (open < 0) {
			if (ch !== '\u2019' && /[\s(\[:—–-]/.test(before) && LETTER.test(after)) {
				open = i;
			}
		} else if (
			ch !== '\u2018' &&
			(/[\p{L}\p{N}.!?,]/u.test(before) || (before === ' ' && i - 2 > open && /[.!?,]/.test(text[i - 2]!))) &&
			!LETTER.test(after) &&
			i - open > 3
		) {
			// A closing mark may stand after a space that follows the last punctuation ("there, ' he said").
			const candidate = quotation(text, open, i + 1, true, true, li, li);
			const words = text.slice(candidate.content.start, candidate.content.end).split(/\s+/).length;
			if (words >= 1 && words <= 60) {
				found.push(candidate);
			}
			open = -1;
		}
	}
}
