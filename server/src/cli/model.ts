import type { DocumentAnalysis, DocumentMetadata, FindingReview, LineIndex, Position, ReviewedFinding, Severity } from '../core';

/** A range of LSP-style positions: zero-based lines, UTF-16 columns, end exclusive. */
export interface JsonRange {
	readonly start: Position;
	readonly end: Position;
}

/** A related location in the CLI's JSON output. */
export interface JsonRelated {
	readonly file: string;
	readonly range: JsonRange;
	readonly message: string;
}

/** One finding in the CLI's JSON output (the public `version: 1` contract). */
export interface JsonFinding {
	readonly file: string;
	readonly range: JsonRange;
	readonly severity: Severity;
	readonly rule: string;
	readonly message: string;
	readonly related: readonly JsonRelated[];
	readonly data: Readonly<Record<string, unknown>>;
	/** The reviewer's decision, from the article's review file; absent when none was made. */
	readonly review?: FindingReview;
}

/** A checked document as the run knows it. */
export interface CheckedDocument {
	/** The path printed for the file: relative to the working directory, forward slashes. */
	readonly file: string;
	readonly text: string;
	readonly lines: LineIndex;
	readonly findings: readonly ReviewedFinding[];
	readonly analysis?: DocumentAnalysis;
	readonly metadata?: DocumentMetadata;
}

/** Converts one document's findings to the JSON contract. `fileOf` maps related docIds to printed paths. */
export function toJsonFindings(doc: CheckedDocument, resolve: (docId: string) => CheckedDocument | undefined): JsonFinding[] {
	return doc.findings.map((f) => ({
		file: doc.file,
		range: rangeOf(doc.lines, f.start, f.end),
		severity: f.severity,
		rule: f.ruleId,
		message: f.message,
		related: (f.related ?? []).flatMap((r) => {
			const other = r.docId !== undefined ? resolve(r.docId) : doc;
			return other ? [{ file: other.file, range: rangeOf(other.lines, r.start, r.end), message: r.message }] : [];
		}),
		data: f.data ?? {},
		...(f.review ? { review: f.review } : {}),
	}));
}

/** Converts offsets to an LSP-style range. */
export function rangeOf(lines: LineIndex, start: number, end: number): JsonRange {
	return { start: lines.positionAt(start), end: lines.positionAt(end) };
}
