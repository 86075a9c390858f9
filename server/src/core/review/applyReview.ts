import type { Finding, Span } from '../types';
import { resolveAnchor } from './anchor';
import type { Annotation, Decision, ReviewFile, ReviewStatus } from './reviewFile';

/** A review decision as it applies to a finding. */
export interface FindingReview {
	readonly status: ReviewStatus;
	readonly reason?: string;
	readonly note?: string;
}

/** A finding with the decision made on it, if any. */
export interface ReviewedFinding extends Finding {
	readonly review?: FindingReview;
}

/** An annotation found again in the text. */
export interface PlacedAnnotation extends Span {
	readonly annotation: Annotation;
	/** Its index in the review file's `annotations`. */
	readonly index: number;
}

/** A decision or annotation whose text is no longer in the article. */
export interface Orphan {
	readonly kind: 'decision' | 'annotation';
	/** Its index in the review file's `findings` or `annotations`. */
	readonly index: number;
	readonly entry: Decision | Annotation;
}

/** What the review file of an article says about its current text and findings. */
export interface AppliedReview {
	/** Every finding, with its decision. Dismissed ones are kept: the front ends decide how to show them. */
	readonly findings: readonly ReviewedFinding[];
	readonly annotations: readonly PlacedAnnotation[];
	/** Decisions whose text is still there but whose finding is no longer reported. */
	readonly settled: readonly Decision[];
	readonly orphans: readonly Orphan[];
}

/**
 * Matches a review file against an article's text and findings: each decision is re-anchored and given
 * to the finding of its rule at that span; each annotation is re-anchored; what cannot be found again is
 * orphaned, never dropped. Linear in the text's length per entry.
 */
export function applyReview(text: string, findings: readonly Finding[], review: ReviewFile | undefined): AppliedReview {
	if (!review || (review.decisions.length === 0 && review.annotations.length === 0)) {
		return { findings, annotations: [], settled: [], orphans: [] };
	}
	const orphans: Orphan[] = [];
	const byPlace = new Map<string, Decision>();
	review.decisions.forEach((decision, index) => {
		const span = resolveAnchor(text, decision.anchor);
		if (span) {
			byPlace.set(placeKey(decision.rule, span), decision);
		} else {
			orphans.push({ kind: 'decision', index, entry: decision });
		}
	});
	const used = new Set<Decision>();
	const reviewed = findings.map((finding): ReviewedFinding => {
		const decision = byPlace.get(placeKey(finding.ruleId, finding));
		if (!decision) {
			return finding;
		}
		used.add(decision);
		const review: FindingReview = {
			status: decision.status,
			...(decision.reason !== undefined ? { reason: decision.reason } : {}),
			...(decision.note !== undefined ? { note: decision.note } : {}),
		};
		return { ...finding, review };
	});
	const settled = [...byPlace.values()].filter((d) => !used.has(d));
	const annotations: PlacedAnnotation[] = [];
	review.annotations.forEach((annotation, index) => {
		const span = resolveAnchor(text, annotation.anchor);
		if (span) {
			annotations.push({ ...span, annotation, index });
		} else {
			orphans.push({ kind: 'annotation', index, entry: annotation });
		}
	});
	annotations.sort((a, b) => a.start - b.start || a.end - b.end);
	return { findings: reviewed, annotations, settled, orphans };
}

/**
 * Whether a decision written earlier is the one for a finding now: same rule, and its anchor resolves to
 * the finding's span in the current text.
 */
export function decisionIsFor(text: string, decision: Decision, rule: string, span: Span): boolean {
	if (decision.rule !== rule) {
		return false;
	}
	const at = resolveAnchor(text, decision.anchor);
	return at !== undefined && at.start === span.start && at.end === span.end;
}

/** Whether an annotation written earlier covers exactly this span (with this label, when given). */
export function annotationIsAt(text: string, annotation: Annotation, span: Span, label?: string): boolean {
	if (label !== undefined && annotation.label !== label) {
		return false;
	}
	const at = resolveAnchor(text, annotation.anchor);
	return at !== undefined && at.start === span.start && at.end === span.end;
}

function placeKey(rule: string, span: Span): string {
	return `${rule}\u0000${span.start}\u0000${span.end}`;
}
