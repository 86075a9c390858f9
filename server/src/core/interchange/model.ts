import { BUILT_IN_LABELS } from '../entities/manual';
import { makeAnchor, resolveAnchor, type TextAnchor } from '../review/anchor';
import { applyReview } from '../review/applyReview';
import { parseReviewFile, upsertAnnotation, type Annotation, type ReviewFile } from '../review/reviewFile';
import type { Span } from '../types';

/**
 * The common ground of the interchange formats: an article's manual annotations placed in its text
 * (UTF-16 offsets, like everything in the core), and those whose text is gone (orphans), which every
 * format either carries with their recorded text or leaves to the caller to report.
 */

/** An annotation placed in an article's text. */
export interface SpanAnnotation extends Span {
	readonly label: string;
	readonly note?: string;
	readonly by?: string;
	readonly date?: string;
}

/** An article with its annotations, ready to be written in another tool's format. */
export interface ArticleAnnotations {
	/** The article's path relative to the corpus root, forward slashes. */
	readonly path: string;
	readonly text: string;
	/** In text order (start, then end, then label). */
	readonly annotations: readonly SpanAnnotation[];
	/** Annotations whose text is no longer in the article, as recorded. */
	readonly orphans: readonly Annotation[];
}

/** A problem in a file being imported: at a 1-based line (0 for the whole file). */
export interface InterchangeProblem {
	readonly line: number;
	readonly severity: 'error' | 'warning';
	readonly message: string;
}

/** An article's annotations as read from another tool's file, before they are merged into its review file. */
export interface ImportedArticle {
	/** The article's path relative to the corpus root, when the file says it (JSONL); brat's comes from its file name. */
	readonly path?: string;
	/** The article's text as the other tool had it; it must equal the corpus article's text. */
	readonly text?: string;
	readonly annotations: readonly SpanAnnotation[];
	/** Orphaned annotations carried with their recorded anchor (JSONL), kept as they are. */
	readonly orphans: readonly Annotation[];
	readonly problems: readonly InterchangeProblem[];
}

/** The labels a corpus declares: the built-in ones, then `labels` from crosscheck.yaml. */
export function declaredLabels(extra: readonly string[]): string[] {
	return [...new Set([...BUILT_IN_LABELS, ...extra])];
}

/** Places an article's annotations in its text (see {@link applyReview}). Linear in the text per annotation. */
export function articleAnnotations(path: string, text: string, review: ReviewFile | undefined): ArticleAnnotations {
	const applied = applyReview(text, [], review);
	const annotations = applied.annotations.map(({ start, end, annotation }) => ({
		start,
		end,
		label: annotation.label,
		...(annotation.note !== undefined ? { note: annotation.note } : {}),
		...(annotation.by !== undefined ? { by: annotation.by } : {}),
		...(annotation.date !== undefined ? { date: annotation.date } : {}),
	}));
	annotations.sort(compareSpanAnnotations);
	const orphans = applied.orphans.map((o) => o.entry as Annotation);
	return { path, text, annotations, orphans };
}

/** Text order: start, then end, then label. */
export function compareSpanAnnotations(a: SpanAnnotation, b: SpanAnnotation): number {
	return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/** What merging imported annotations into a review file did. */
export interface MergeResult {
	/** The new YAML text; `undefined` when the file cannot be parsed and must be left as it is. */
	readonly yaml: string | undefined;
	readonly added: number;
	/** Entries already there (same label on the same span) that gained a note, author or date they lacked. */
	readonly completed: number;
	readonly unchanged: number;
	/** Entries already there whose note differs from the imported one: the existing note is kept. */
	readonly conflicts: readonly string[];
}

/**
 * Merges imported annotations into the YAML text of an article's review file. The same label on the same
 * span is the same entry: it is never added twice; fields it lacks (note, author, date) are filled in and
 * the fields it has are kept. Imported orphans are the same entry as an existing one with the same label
 * and recorded text and context. `defaults` fill in the author and date of imported annotations that carry
 * none.
 */
export function mergeAnnotations(
	yamlText: string,
	articlePath: string,
	articleText: string,
	imported: ImportedArticle,
	defaults: { readonly by?: string; readonly date?: string },
): MergeResult {
	let yaml: string | undefined = yamlText;
	let added = 0;
	let completed = 0;
	let unchanged = 0;
	const conflicts: string[] = [];
	const existingEntries = (): readonly Annotation[] => parseReviewFile(yaml ?? '').annotations;
	const withDefaults = <T extends { by?: string; date?: string }>(a: T): T => ({
		...a,
		...(a.by === undefined && defaults.by !== undefined ? { by: defaults.by } : {}),
		...(a.date === undefined && defaults.date !== undefined ? { date: defaults.date } : {}),
	});
	const merge = (incoming: Annotation, same: (existing: Annotation) => boolean, where: string): void => {
		if (yaml === undefined) {
			return;
		}
		const existing = existingEntries().find(same);
		if (!existing) {
			yaml = upsertAnnotation(yaml, articlePath, incoming, same);
			added++;
			return;
		}
		if (incoming.note !== undefined && existing.note !== undefined && incoming.note !== existing.note) {
			conflicts.push(`${where}: the review file's note is kept ("${existing.note}"), not the imported one ("${incoming.note}")`);
		}
		const filled: Annotation = {
			...existing,
			...(existing.note === undefined && incoming.note !== undefined ? { note: incoming.note } : {}),
			...(existing.by === undefined && incoming.by !== undefined ? { by: incoming.by } : {}),
			...(existing.date === undefined && incoming.date !== undefined ? { date: incoming.date } : {}),
		};
		if (filled.note !== existing.note || filled.by !== existing.by || filled.date !== existing.date) {
			yaml = upsertAnnotation(yaml, articlePath, filled, same);
			completed++;
		} else {
			unchanged++;
		}
	};
	for (const a of imported.annotations) {
		const span = { start: a.start, end: a.end };
		const entry = withDefaults({
			label: a.label,
			...(a.note !== undefined ? { note: a.note } : {}),
			...(a.by !== undefined ? { by: a.by } : {}),
			...(a.date !== undefined ? { date: a.date } : {}),
			anchor: makeAnchor(articleText, span),
		});
		merge(entry, (e) => e.label === a.label && sameSpan(resolveAnchor(articleText, e.anchor), span), `${a.label} "${entry.anchor.exact}"`);
	}
	for (const o of imported.orphans) {
		merge(withDefaults(o), (e) => e.label === o.label && sameAnchor(e.anchor, o.anchor), `${o.label} "${o.anchor.exact}" (orphaned)`);
	}
	return { yaml, added, completed, unchanged, conflicts };
}

function sameSpan(a: Span | undefined, b: Span): boolean {
	return a !== undefined && a.start === b.start && a.end === b.end;
}

function sameAnchor(a: TextAnchor, b: TextAnchor): boolean {
	return a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix;
}

/**
 * Where two texts first differ, as a 1-based line and column (UTF-16), for messages; `undefined` when
 * they are equal.
 */
export function firstDifference(a: string, b: string): { line: number; column: number } | undefined {
	if (a === b) {
		return undefined;
	}
	let i = 0;
	while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) {
		i++;
	}
	let line = 1;
	let lineStart = 0;
	for (let k = 0; k < i; k++) {
		const c = a.charCodeAt(k);
		if (c === 10 || (c === 13 && a.charCodeAt(k + 1) !== 10)) {
			line++;
			lineStart = k + 1;
		}
	}
	return { line, column: i - lineStart + 1 };
}
