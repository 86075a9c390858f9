import { CodePointIndex } from './codePoints';
import {
	compareSpanAnnotations,
	type ArticleAnnotations,
	type ImportedArticle,
	type InterchangeProblem,
	type SpanAnnotation,
} from './model';

/**
 * brat standoff (https://brat.nlplab.org/standoff.html): an article is a `.txt` file holding its text and
 * a `.ann` file with one annotation per line. Text-bound annotations are `T1<TAB>label start end<TAB>text`,
 * with offsets in Unicode code points of the `.txt` (brat reads it with Python, whose strings count code
 * points, and keeps CR characters and a byte-order mark as characters: Crosscheck writes the `.txt` as
 * UTF-8 without a byte-order mark, so the offsets are those of the article's text). A note is
 * `#1<TAB>AnnotatorNotes T1<TAB>note`; Crosscheck writes who made an annotation and when as notes of the
 * types `CrosscheckBy` and `CrosscheckDate`, which brat shows and keeps.
 */

/** Characters brat accepts in a type name as they are; any other is escaped (see {@link toBratLabel}). */
const PLAIN = /^[A-Za-z0-9-]$/;

/**
 * A label as a brat type name. brat type names cannot hold white space and its configuration gives
 * meaning to punctuation, so anything but ASCII letters, digits and `-` is escaped reversibly: `_` is
 * written `__`, any other character `_` + its code point in hexadecimal + `_` ("check later" →
 * `check_20_later`). The built-in labels are written unchanged.
 */
export function toBratLabel(label: string): string {
	let out = '';
	for (const ch of label) {
		out += ch === '_' ? '__' : PLAIN.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16).toUpperCase()}_`;
	}
	return out;
}

/**
 * A brat type name as a label: the inverse of {@link toBratLabel}. An underscore that starts no valid
 * escape (a type made in brat itself, such as `Positive_regulation`) is kept as written.
 */
export function fromBratLabel(type: string): string {
	return type.replace(/__|_([0-9A-Fa-f]{1,6})_/g, (match, hex: string | undefined) => {
		if (hex === undefined) {
			return '_';
		}
		const code = parseInt(hex, 16);
		return code <= 0x10ffff && !PLAIN.test(String.fromCodePoint(code)) ? String.fromCodePoint(code) : match;
	});
}

/**
 * The path of an article's brat document without its extension: `a/b.txt` is written as `a/b.txt` and
 * `a/b.ann`; an article with another extension keeps it (`a/b.news` → `a/b.news.txt`, `a/b.news.ann`).
 */
export function bratBaseName(articlePath: string): string {
	return articlePath.endsWith('.txt') ? articlePath.slice(0, -'.txt'.length) : articlePath;
}

/** The article paths a brat document's base name may stand for, the likelier first (see {@link bratBaseName}). */
export function articlesOfBratBase(base: string): string[] {
	return /\.[A-Za-z0-9]+$/.test(base) && !base.endsWith('.txt') ? [base + '.txt', base] : [base + '.txt'];
}

/** Writes the `.ann` file of an article (its `.txt` is the article's text itself). */
export function formatBrat(article: ArticleAnnotations): string {
	const index = new CodePointIndex(article.text);
	const lines: string[] = [];
	let note = 0;
	article.annotations.forEach((a, i) => {
		const id = `T${i + 1}`;
		const start = index.toCodePoint(a.start);
		const end = index.toCodePoint(a.end);
		lines.push(`${id}\t${toBratLabel(a.label)} ${start} ${end}\t${spanText(article.text.slice(a.start, a.end))}`);
		for (const [type, value] of [
			['AnnotatorNotes', a.note],
			['CrosscheckBy', a.by],
			['CrosscheckDate', a.date],
		] as const) {
			if (value !== undefined) {
				lines.push(`#${++note}\t${type} ${id}\t${escapeNote(value)}`);
			}
		}
	});
	return lines.map((l) => l + '\n').join('');
}

/**
 * Reads a `.ann` file against the text of its `.txt`. Text-bound annotations (`T`) become annotations,
 * with their `AnnotatorNotes`, `CrosscheckBy` and `CrosscheckDate` notes. A line that is not brat
 * standoff, offsets outside the text, or a span whose text differs from the `.txt` is an error at its
 * line; relations, events, attributes and normalisations are not annotations of spans and are counted in
 * one warning, and so are discontinuous spans, which a review file cannot hold. Never throws.
 */
export function parseBrat(ann: string, text: string): ImportedArticle {
	const index = new CodePointIndex(text);
	const problems: InterchangeProblem[] = [];
	const spans = new Map<string, { line: number; annotation: SpanAnnotation }>();
	const notes: { line: number; type: string; target: string; value: string }[] = [];
	const ignored = new Map<string, number>();
	const discontinuous: number[] = [];
	const skipped = new Set<string>();
	const lines = ann.split('\n');
	lines.forEach((raw, i) => {
		const line = i + 1;
		const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
		if (content.trim() === '') {
			return;
		}
		const error = (message: string): void => void problems.push({ line, severity: 'error', message });
		const fields = content.split('\t');
		const id = fields[0]!;
		const kind = id.charAt(0);
		if (kind === 'T') {
			const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(fields[1] ?? '');
			if (!/^T\S+$/.test(id) || fields.length < 3 || !m) {
				error(`not a text-bound annotation ("T1<TAB>label start end<TAB>text"): ${shorten(content)}`);
				return;
			}
			if (spans.has(id)) {
				error(`${id} is defined twice`);
				return;
			}
			const fragments = m[2]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
			if (fragments.length > 1) {
				discontinuous.push(line);
				skipped.add(id);
				return;
			}
			const [start, end] = fragments[0]!;
			if (start >= end || end > index.length) {
				error(
					`${id}: the span ${start}–${end} is ${start >= end ? 'empty or reversed' : `past the end of the text (${index.length} code points)`}`,
				);
				return;
			}
			const from = index.toUtf16(start);
			const to = index.toUtf16(end);
			const expected = spanText(text.slice(from, to));
			const written = fields.slice(2).join('\t');
			if (written !== expected && written !== text.slice(from, to)) {
				error(`${id}: its text "${shorten(written)}" is not the text at ${start}–${end} in the .txt ("${shorten(expected)}")`);
				return;
			}
			spans.set(id, { line, annotation: { start: from, end: to, label: fromBratLabel(m[1]!) } });
		} else if (kind === '#') {
			const m = /^(\S+) (\S+)$/.exec(fields[1] ?? '');
			if (fields.length < 2 || !m) {
				error(`not a note ("#1<TAB>AnnotatorNotes T1<TAB>note"): ${shorten(content)}`);
				return;
			}
			notes.push({ line, type: m[1]!, target: m[2]!, value: unescapeNote(fields.slice(2).join('\t')) });
		} else if ('REAMN*'.includes(kind) && kind !== '') {
			ignored.set(kind, (ignored.get(kind) ?? 0) + 1);
		} else {
			error(`not a brat standoff line (it should start with an id such as T1, #1, R1, E1, A1, M1, N1 or *): ${shorten(content)}`);
		}
	});
	const extra = new Map<string, { note?: string[]; by?: string; date?: string }>();
	for (const n of notes) {
		const target = spans.get(n.target);
		if (!target) {
			if (!/^T/.test(n.target) || skipped.has(n.target)) {
				continue; // A note on a relation, an event or a skipped span.
			}
			problems.push({ line: n.line, severity: 'error', message: `the note refers to ${n.target}, which is not defined` });
			continue;
		}
		const fields = extra.get(n.target) ?? {};
		if (n.type === 'AnnotatorNotes') {
			(fields.note ??= []).push(n.value);
		} else if (n.type === 'CrosscheckBy') {
			fields.by = n.value;
		} else if (n.type === 'CrosscheckDate') {
			fields.date = n.value;
		} else {
			ignored.set(`#${n.type}`, (ignored.get(`#${n.type}`) ?? 0) + 1);
		}
		extra.set(n.target, fields);
	}
	if (discontinuous.length > 0) {
		problems.push({
			line: discontinuous[0]!,
			severity: 'warning',
			message: `${discontinuous.length} discontinuous span${discontinuous.length === 1 ? '' : 's'} not imported (a review file holds one span per annotation): line${discontinuous.length === 1 ? '' : 's'} ${discontinuous.join(', ')}`,
		});
	}
	if (ignored.size > 0) {
		const what = [...ignored].map(([kind, n]) => `${n} ${IGNORED_KINDS[kind] ?? `${kind.slice(1)} note`}${n === 1 ? '' : 's'}`).join(', ');
		problems.push({ line: 0, severity: 'warning', message: `not imported (review files hold labelled spans only): ${what}` });
	}
	const annotations = [...spans].map(([id, { annotation }]) => {
		const fields = extra.get(id);
		return {
			...annotation,
			...(fields?.note ? { note: fields.note.join('\n') } : {}),
			...(fields?.by !== undefined ? { by: fields.by } : {}),
			...(fields?.date !== undefined ? { date: fields.date } : {}),
		};
	});
	annotations.sort(compareSpanAnnotations);
	return { annotations, orphans: [], problems };
}

const IGNORED_KINDS: Record<string, string> = {
	R: 'relation',
	E: 'event',
	A: 'attribute',
	M: 'attribute',
	N: 'normalisation',
	'*': 'equivalence',
};

/** A span's text as the `.ann` line holds it: brat's lines cannot hold line breaks, which become spaces. */
function spanText(text: string): string {
	return text.replace(/\r\n|[\r\n]/g, (m) => ' '.repeat(m.length));
}

/** Notes are one line: backslash, line breaks and tabs are escaped as `\\`, `\n`, `\r` and `\t`. */
function escapeNote(note: string): string {
	return note.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}

function unescapeNote(note: string): string {
	return note.replace(/\\([\\nrt])/g, (_m, c: string) => (c === '\\' ? '\\' : c === 'n' ? '\n' : c === 'r' ? '\r' : '\t'));
}

function shorten(s: string): string {
	return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
