/**
 * Plain data shared by every part of the core. Offsets are UTF-16 code-unit indices into the
 * analysed text (JavaScript string indices); `end` is exclusive.
 */

/** How loudly a finding is reported. The names are those of the LSP and the CLI's JSON output. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** All severities, most severe first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** Ranks a severity: 0 for `error` up to 3 for `hint`. */
export function severityRank(severity: Severity): number {
	return SEVERITIES.indexOf(severity);
}

/** A half-open range `[start, end)` of UTF-16 offsets. */
export interface Span {
	readonly start: number;
	readonly end: number;
}

/** A place in another (or the same) document that a finding refers to. */
export interface RelatedLocation extends Span {
	/** The corpus id of the document; the document of the finding itself when absent. */
	readonly docId?: string;
	readonly message: string;
}

/** A problem or observation the analysis reports about a span of text. */
export interface Finding extends Span {
	/** The public, stable rule id (for example `vague-attribution`). */
	readonly ruleId: string;
	readonly severity: Severity;
	readonly message: string;
	readonly related?: readonly RelatedLocation[];
	/** Rule-specific details that code actions and the CLI's JSON output carry along. */
	readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * A cooperative cancellation flag. The LSP `CancellationToken` satisfies it structurally, so the core
 * needs no LSP import.
 */
export interface CancellationLike {
	readonly isCancellationRequested: boolean;
}
