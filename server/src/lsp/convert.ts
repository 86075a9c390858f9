import {
	DiagnosticSeverity,
	MarkupKind,
	type Diagnostic,
	type DiagnosticRelatedInformation,
	type Hover,
	type Range,
} from 'vscode-languageserver';
import type { Finding, FindingReview, Severity, Span } from '../core';

/** Offsets to positions: a document's LineIndex, or an open TextDocument (same interface). */
export interface PositionSource {
	positionAt(offset: number): { line: number; character: number };
	offsetAt(position: { line: number; character: number }): number;
}

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	information: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
};

/** Converts an offset range. */
export function toRange(lines: PositionSource, start: number, end: number): Range {
	return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

/**
 * Converts a core finding to an LSP diagnostic: `code` is the rule id, `source` is "crosscheck" and
 * `data` carries the rule id and the rule's details, so code actions need no server-side state.
 * `locate` finds the URI and positions of related locations in other documents.
 */
export function toDiagnostic(
	finding: Finding & { readonly review?: FindingReview },
	lines: PositionSource,
	locate: (docId: string | undefined) => { uri: string; lines: PositionSource } | undefined,
): Diagnostic {
	const related: DiagnosticRelatedInformation[] = [];
	for (const r of finding.related ?? []) {
		const target = locate(r.docId);
		if (target) {
			related.push({ location: { uri: target.uri, range: toRange(target.lines, r.start, r.end) }, message: r.message });
		}
	}
	const diagnostic: Diagnostic = {
		range: toRange(lines, finding.start, finding.end),
		severity: SEVERITY[finding.severity],
		code: finding.ruleId,
		source: 'crosscheck',
		message: finding.review ? reviewedMessage(finding.message, finding.review) : finding.message,
		data: { ruleId: finding.ruleId, ...finding.data, ...(finding.review ? { review: finding.review } : {}) },
	};
	if (related.length > 0) {
		diagnostic.relatedInformation = related;
	}
	return diagnostic;
}

/** A finding's message with the reviewer's decision and note, as the Problems view shows it. */
export function reviewedMessage(message: string, review: FindingReview): string {
	const status =
		review.status === 'confirmed'
			? 'Confirmed: '
			: review.status === 'dismissed'
				? `Dismissed${review.reason ? ` (${review.reason})` : ''}: `
				: '';
	return `${status}${message}${review.note ? `\nNote: ${review.note}` : ''}`;
}

/** Builds an LSP hover from Markdown and the span it applies to. */
export function toHover(markdown: string, span: Span, lines: PositionSource): Hover {
	return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: toRange(lines, span.start, span.end) };
}
