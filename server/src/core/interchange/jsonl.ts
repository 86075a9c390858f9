import type { TextAnchor } from '../review/anchor';
import type { Annotation } from '../review/reviewFile';
import { CodePointIndex } from './codePoints';
import {
	compareSpanAnnotations,
	type ArticleAnnotations,
	type ImportedArticle,
	type InterchangeProblem,
	type SpanAnnotation,
} from './model';

/**
 * doccano-style JSONL: one JSON object per line and per article, `{"text", "label": [[start, end,
 * label], …]}` as doccano imports and exports sequence labelling. Offsets count Unicode code points by
 * default, as Python readers of these files (and the brief's doccano convention) do; doccano's own
 * annotation screen is reported to count UTF-16 code units for text outside the Basic Multilingual Plane
 * (doccano issue #2484), so `utf-16` is offered too. Crosscheck adds fields doccano keeps
 * as metadata: `file` (the article's path relative to the corpus root), `notes` (`{start, end, label,
 * note?, by?, date?}` for each annotation with a note, an author or a date) and `orphans` (annotations
 * whose text is gone, with their recorded anchor: `{label, text, prefix, suffix, offset, note?, by?,
 * date?}`, `offset` in UTF-16 code units as in the review file).
 */

/** What JSONL offsets count. */
export type OffsetUnit = 'code-points' | 'utf-16';

/** One article as a JSONL line (without the line break). */
export function formatJsonlLine(article: ArticleAnnotations, unit: OffsetUnit = 'code-points'): string {
	const index = unitIndex(article.text, unit);
	const at = (a: SpanAnnotation): [number, number] => [index.toCodePoint(a.start), index.toCodePoint(a.end)];
	const notes = article.annotations
		.filter((a) => a.note !== undefined || a.by !== undefined || a.date !== undefined)
		.map((a) => {
			const [start, end] = at(a);
			return { start, end, label: a.label, ...provenance(a) };
		});
	const orphans = article.orphans.map((o) => ({
		label: o.label,
		text: o.anchor.exact,
		prefix: o.anchor.prefix,
		suffix: o.anchor.suffix,
		offset: o.anchor.offset,
		...provenance(o),
	}));
	return JSON.stringify({
		text: article.text,
		label: article.annotations.map((a) => [...at(a), a.label]),
		file: article.path,
		...(notes.length > 0 ? { notes } : {}),
		...(orphans.length > 0 ? { orphans } : {}),
	});
}

/**
 * Reads one JSONL line. Accepts doccano's `label` (or the older `labels`) as `[start, end, label]`
 * triples; the article is named by `file` (or `meta.file`). Never throws: a line that is not valid JSON,
 * has no text or file, or has a span outside the text is returned with an error at `line`.
 */
export function parseJsonlLine(source: string, line: number, unit: OffsetUnit = 'code-points'): ImportedArticle {
	const problems: InterchangeProblem[] = [];
	const fail = (message: string): ImportedArticle => ({ annotations: [], orphans: [], problems: [{ line, severity: 'error', message }] });
	let value: unknown;
	try {
		value = JSON.parse(source);
	} catch (error) {
		return fail(`not valid JSON: ${(error as Error).message}`);
	}
	if (!isObject(value)) {
		return fail('not a JSON object');
	}
	const { text } = value;
	if (typeof text !== 'string') {
		return fail('no "text" string');
	}
	const meta = isObject(value.meta) ? value.meta : {};
	const path = typeof value.file === 'string' ? value.file : typeof meta.file === 'string' ? meta.file : undefined;
	if (path === undefined || path === '') {
		return fail('no "file" naming the article (the path relative to the corpus root)');
	}
	const spans = value.label ?? value.labels ?? [];
	if (!Array.isArray(spans)) {
		return fail('"label" is not a list of [start, end, label]');
	}
	const index = unitIndex(text, unit);
	const annotations = new Map<string, SpanAnnotation>();
	for (const [i, item] of spans.entries()) {
		if (
			!Array.isArray(item) ||
			item.length < 3 ||
			!isOffset(item[0]) ||
			!isOffset(item[1]) ||
			typeof item[2] !== 'string' ||
			item[2] === ''
		) {
			problems.push({ line, severity: 'error', message: `label ${i + 1} is not [start, end, label]: ${JSON.stringify(item)}` });
			continue;
		}
		const [start, end, label] = item as [number, number, string];
		if (start >= end || end > index.length) {
			problems.push({
				line,
				severity: 'error',
				message: `label ${i + 1} (${label}): the span ${start}–${end} is ${start >= end ? 'empty or reversed' : `past the end of the text (${index.length} ${unit === 'utf-16' ? 'UTF-16 code units' : 'code points'})`}`,
			});
			continue;
		}
		annotations.set(key(start, end, label), { start: index.toUtf16(start), end: index.toUtf16(end), label });
	}
	for (const [i, n] of (Array.isArray(value.notes) ? value.notes : []).entries()) {
		const found = isObject(n) && isOffset(n.start) && isOffset(n.end) ? annotations.get(key(n.start, n.end, n.label)) : undefined;
		if (!found || !isObject(n)) {
			problems.push({ line, severity: 'warning', message: `note ${i + 1} is on no label of the line; it was not imported` });
			continue;
		}
		annotations.set(key(n.start as number, n.end as number, n.label), { ...found, ...provenance(n) });
	}
	const orphans: Annotation[] = [];
	for (const [i, o] of (Array.isArray(value.orphans) ? value.orphans : []).entries()) {
		if (!isObject(o) || typeof o.label !== 'string' || o.label === '' || typeof o.text !== 'string' || o.text === '') {
			problems.push({ line, severity: 'error', message: `orphan ${i + 1} has no label or no text` });
			continue;
		}
		const anchor: TextAnchor = {
			exact: o.text,
			prefix: typeof o.prefix === 'string' ? o.prefix : '',
			suffix: typeof o.suffix === 'string' ? o.suffix : '',
			offset: isOffset(o.offset) ? o.offset : 0,
		};
		orphans.push({ label: o.label, ...provenance(o), anchor });
	}
	const list = [...annotations.values()].sort(compareSpanAnnotations);
	return { path, text, annotations: list, orphans, problems };
}

/** Converts between UTF-16 offsets and the unit of the file: code points, or UTF-16 itself. */
function unitIndex(text: string, unit: OffsetUnit): Pick<CodePointIndex, 'length' | 'toCodePoint' | 'toUtf16'> {
	return unit === 'utf-16'
		? { length: text.length, toCodePoint: (offset) => offset, toUtf16: (offset) => Math.min(offset, text.length) }
		: new CodePointIndex(text);
}

function provenance(source: { note?: unknown; by?: unknown; date?: unknown }): { note?: string; by?: string; date?: string } {
	return {
		...(typeof source.note === 'string' ? { note: source.note } : {}),
		...(typeof source.by === 'string' ? { by: source.by } : {}),
		...(typeof source.date === 'string' ? { date: source.date } : {}),
	};
}

function key(start: unknown, end: unknown, label: unknown): string {
	return `${String(start)}\u0000${String(end)}\u0000${String(label)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOffset(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
