import type { Span } from '../types';
import { boilerplateReason, countWords, normaliseLine, type BoilerplateReason } from './boilerplate';
import { parseFrontMatter, type FrontMatter } from './frontMatter';
import { splitSentences } from './sentences';

/**
 * What a line of an article is. `body` lines carry the reporting; `headline` is the title block at the
 * top; `heading` is a short title-like line inside the article (cross-heads, teasers); `caption` is a
 * photo caption; `dateline` is a line holding only a dateline; `boilerplate` is web-page debris.
 */
export type LineKind = 'headline' | 'heading' | 'body' | 'caption' | 'dateline' | 'boilerplate';

/** A non-blank line of the article, trimmed of surrounding white space. */
export interface Line extends Span {
	readonly kind: LineKind;
	/** Why the line is boilerplate, when it is. */
	readonly reason?: BoilerplateReason;
	/** The index of the paragraph (block of consecutive non-blank lines) the line belongs to. */
	readonly paragraph: number;
}

/** A sentence; sentences never cross a line break. */
export interface Sentence extends Span {
	/** The index of its line in {@link DocumentStructure.lines}. */
	readonly line: number;
}

/** The layout of an article: what later layers read instead of raw text. */
export interface DocumentStructure {
	readonly frontMatter?: FrontMatter;
	readonly lines: readonly Line[];
	readonly paragraphs: readonly Span[];
	/** Sentences of every line that is not boilerplate. */
	readonly sentences: readonly Sentence[];
	/** Datelines ("ANKARA, Turkey (Reuters) —") at the start of body lines or on lines of their own. */
	readonly datelines: readonly Span[];
}

/**
 * Lines that end like a sentence, or like part of one (terminal punctuation, a comma or a dash, possibly
 * followed by closing quotes or brackets): such a line is text, never a title.
 */
const SENTENCE_END = /[.!?:;…,—–]["'\u201D\u2019)\]»]*$|["\u201D]$/;
const CAPTION_CUE =
	/\((l|r|c|left|right|centre|center|top|bottom|pictured|file( photo)?)\)$|^(pictured|above|below|left|right|top|file photo|in this photo)\b|\b(pictured|poses|posing|seen here|is seen|are seen|gestures|arrives)\b[^.]*$/i;
/** A dateline at the start of a line: a capitalised place, an optional agency, then a dash. */
const DATELINE =
	/^((?:\p{Lu}[\p{Lu}\p{M}'’.\-]+)(?:[ -](?:\p{Lu}[\p{Lu}\p{M}'’.\-]+)){0,3}(?:,\s*\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s\p{Lu}[\p{L}\p{M}'’.\-]*){0,2})?(?:\s*\([^()\n]{1,40}\))?|(?:\p{Lu}[\p{Ll}\p{M}'’.\-]+(?:\s\p{Lu}[\p{Ll}\p{M}'’.\-]+)?(?:,\s*\p{Lu}[\p{L}\p{M}'’.\-]*)?)\s*\([^()\n]{1,40}\))\s*(?:[—–]|--?|:)\s*/u;
/** A line holding only a place and an outlet ("Istanbul - Arab Today"). */
const DATELINE_LINE = /^\p{Lu}[\p{L}\p{M}'’.\-]+(?:\s\p{Lu}[\p{L}\p{M}'’.\-]+)?\s+[—–-]\s+\p{Lu}[\p{L}\p{M}'’.&\- ]{1,40}$/u;

/**
 * Reads the layout of an article: front matter, non-blank lines with their kind (headline, body,
 * caption, boilerplate…), paragraphs, sentences and datelines. Linear in the length of the text and
 * never throws.
 */
export function analyseStructure(text: string): DocumentStructure {
	const frontMatter = parseFrontMatter(text);
	const bodyStart = frontMatter?.end ?? (text.charCodeAt(0) === 0xfeff ? 1 : 0);
	const outlet = frontMatter?.metadata.outlet;

	// Pass 1: raw lines with their paragraph index and line-local classification.
	interface Raw {
		start: number;
		end: number;
		paragraph: number;
		words: number;
		normal: string;
		glued: boolean;
		reason?: BoilerplateReason;
	}
	const raw: Raw[] = [];
	const paragraphs: Span[] = [];
	let paragraphStart = -1;
	let paragraphEnd = -1;
	let pos = bodyStart;
	while (pos <= text.length) {
		let lineEnd = pos;
		while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) {
			lineEnd++;
		}
		let s = pos;
		let e = lineEnd;
		while (s < e && isSpace(text.charCodeAt(s))) {
			s++;
		}
		while (e > s && isSpace(text.charCodeAt(e - 1))) {
			e--;
		}
		if (e > s) {
			if (paragraphStart < 0) {
				paragraphStart = s;
			}
			paragraphEnd = e;
			// "…talks with TurkeyCredit: Getty Images": a crawled caption with its credit glued to its last
			// word is two lines, the caption and the credit.
			const glued = GLUED_CREDIT.exec(text.slice(s, e));
			const cut = glued ? s + glued.index : e;
			for (const [from, to] of cut > s && cut < e
				? [
						[s, cut],
						[cut, e],
					]
				: [[s, e]]) {
				const lineText = text.slice(from, to);
				const words = countWords(lineText);
				raw.push({
					start: from!,
					end: to!,
					paragraph: paragraphs.length,
					words,
					// Only short lines can be repeated site furniture; long ones are never compared.
					normal: words <= 12 ? normaliseLine(lineText) : '',
					// Nor are the parts of a line that had a credit glued to it: pages repeat a caption without it.
					glued: cut < e,
					reason: boilerplateReason(lineText, outlet),
				});
			}
		} else if (paragraphStart >= 0) {
			paragraphs.push({ start: paragraphStart, end: paragraphEnd });
			paragraphStart = -1;
		}
		if (lineEnd >= text.length) {
			break;
		}
		pos = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
	}
	if (paragraphStart >= 0) {
		paragraphs.push({ start: paragraphStart, end: paragraphEnd });
	}

	// Pass 2: short lines repeated within the article are site furniture (site names, section labels).
	const seen = new Map<string, number>();
	for (const line of raw) {
		if (!line.reason && line.words <= 12 && !line.glued && !SENTENCE_END.test(line.normal)) {
			seen.set(line.normal, (seen.get(line.normal) ?? 0) + 1);
		}
	}

	// Pass 3: kinds. The first content lines before any body line form the headline block.
	const lines: Line[] = [];
	const datelines: Span[] = [];
	let seenBody = false;
	let headlineTaken = false;
	let previousWasCounter = false;
	const firstOfRepeated = new Set<string>();
	for (const line of raw) {
		const lineText = text.slice(line.start, line.end);
		let kind: LineKind;
		let reason = line.reason;
		const words = line.words;
		const endsLikeSentence = SENTENCE_END.test(lineText);
		const repeated = !line.glued && (seen.get(line.normal) ?? 0) > 1;
		if (!reason && repeated) {
			// Keep the first occurrence of a repeated headline; later copies are furniture.
			if (!seenBody && !headlineTaken && !firstOfRepeated.has(line.normal) && words >= 3) {
				firstOfRepeated.add(line.normal);
			} else {
				reason = 'repeated';
			}
		}
		if (reason) {
			kind = 'boilerplate';
		} else if (DATELINE_LINE.test(lineText) && words <= 8) {
			kind = 'dateline';
			datelines.push({ start: line.start, end: line.end });
		} else if (previousWasCounter && !endsLikeSentence) {
			kind = 'caption';
		} else if (!endsLikeSentence && words <= 25 && CAPTION_CUE.test(lineText)) {
			kind = 'caption';
		} else if (!endsLikeSentence && words <= 30 && !seenBody) {
			kind = 'headline';
			headlineTaken = true;
		} else if (!endsLikeSentence && words <= 20 && !startsWithQuote(lineText)) {
			kind = 'heading';
		} else {
			kind = 'body';
			seenBody = true;
			const dateline = DATELINE.exec(lineText);
			if (dateline && dateline[0].length < lineText.length) {
				datelines.push({ start: line.start, end: line.start + dateline[0].trimEnd().length });
			}
		}
		previousWasCounter = reason === 'counter';
		lines.push(
			reason
				? { start: line.start, end: line.end, kind, reason, paragraph: line.paragraph }
				: { start: line.start, end: line.end, kind, paragraph: line.paragraph },
		);
	}

	// Headings with no body text after them are not headings of anything: on crawled pages they are
	// the "more stories" links under the article. A heading right before a gallery counter is a caption.
	let lastBody = -1;
	for (let i = 0; i < lines.length; i++) {
		if (lines[i]!.kind === 'body') {
			lastBody = i;
		}
	}
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (line.kind !== 'heading') {
			continue;
		}
		if (i > lastBody) {
			lines[i] = { ...line, kind: 'boilerplate', reason: 'teaser' };
		} else if (lines[i + 1]?.reason === 'counter') {
			lines[i] = { ...line, kind: 'caption' };
		}
	}

	const sentences: Sentence[] = [];
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (line.kind === 'boilerplate') {
			continue;
		}
		for (const span of splitSentences(text, line.start, line.end)) {
			sentences.push({ start: span.start, end: span.end, line: i });
		}
	}
	return frontMatter ? { frontMatter, lines, paragraphs, sentences, datelines } : { lines, paragraphs, sentences, datelines };
}

/**
 * The index of the line containing `offset` (binary search over the sorted lines), or, between lines,
 * of the first line after it (`lines.length` past the last). Lines include their end offset.
 */
export function lineIndexAt(lines: readonly Line[], offset: number): { index: number; exact: boolean } {
	let low = 0;
	let high = lines.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		const line = lines[mid]!;
		if (offset < line.start) {
			high = mid - 1;
		} else if (offset > line.end) {
			low = mid + 1;
		} else {
			return { index: mid, exact: true };
		}
	}
	return { index: low, exact: false };
}

/**
 * A photo credit glued to the last word of a line ("TurkeyCredit: Getty Images", "August 9Credit: AFP"):
 * a letter or digit, then the capitalised label and its colon, then a short credit to the end of the line.
 */
const GLUED_CREDIT = /(?<=[\p{L}\p{N}])(?:Credit|Credits|Photo|Picture|Image)s?:[ \t]*[^\s:][^:]{0,60}$/u;

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 0x200b || c === 12 || c === 11;
}

function startsWithQuote(line: string): boolean {
	return /^["'\u201C\u2018\u00AB]/.test(line);
}
