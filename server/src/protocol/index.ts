/**
 * Crosscheck's own LSP messages, shared by the server and the VS Code client. Plain method names and
 * parameter types, with no library import, so both sides (and any other editor's client) can use them.
 */

/** The analysis state of the workspace, as the status bar shows it. */
export interface StatusParams {
	/** `indexing` while the initial scan or a re-analysis runs, `idle` otherwise. */
	readonly state: 'indexing' | 'idle';
	/** Articles analysed so far. */
	readonly documents: number;
	/** Articles found by the scan (equal to `documents` when idle). */
	readonly total: number;
	/** Findings per severity, across every analysed article. */
	readonly findings: { readonly error: number; readonly warning: number; readonly information: number; readonly hint: number };
	/** Findings (hints aside) no reviewer has confirmed or dismissed yet: the review view's badge. */
	readonly unreviewed: number;
}

/** Sent from the server to the client whenever the analysis state or the finding counts change. */
export const StatusNotification = { method: 'crosscheck/status' } as const;

/** The result of a re-analysis. */
export interface ReanalyseResult {
	readonly documents: number;
	readonly durationMs: number;
}

/** Sent from the client to the server: re-read crosscheck.yaml and every article, then answer. */
export const ReanalyseRequest = { method: 'crosscheck/reanalyse' } as const;

/** How entity types are named in lists (the outline's groups, the Entities view), by type. */
export const ENTITY_TYPE_LABELS = {
	person: 'People',
	organization: 'Organizations',
	place: 'Places',
	other: 'Other names',
	date: 'Dates',
	figure: 'Figures',
} as const;

/** One entity of the corpus, for the Entities view. */
export interface EntityItem {
	readonly id: string;
	readonly type: 'person' | 'organization' | 'place' | 'other' | 'date' | 'figure';
	readonly name: string;
	readonly mentions: number;
	readonly documents: number;
	/** The first mention in the corpus. */
	readonly location: {
		readonly uri: string;
		readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
	};
}

/** The named entities of every corpus in the workspace, most mentioned first. */
export interface EntitiesResult {
	readonly entities: readonly EntityItem[];
}

/** Sent from the client to the server: list the corpus's named entities. */
export const EntitiesRequest = { method: 'crosscheck/entities' } as const;

/** One figure of a fact group, for the Inconsistencies view. */
export interface FactMentionItem {
	readonly uri: string;
	/** The article as messages name it: its outlet, else its file name. */
	readonly article: string;
	readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
	/** The figure as written ("more than 16,000"). */
	readonly text: string;
	/** Its interval, formatted ("(16,000, ∞)"). */
	readonly interval: string;
	/** The interval's ends; `null` for an open end (∞). */
	readonly min: number | null;
	readonly max: number | null;
	readonly minInclusive: boolean;
	readonly maxInclusive: boolean;
	readonly published?: string;
	/** The inconsistency finding on this figure, if there is one, and what the reviewer decided about it. */
	readonly finding?: { readonly ruleId: string; readonly state: ReviewState; readonly reason?: string };
}

/** The figures of one quantity of one event across a cluster's articles. */
export interface FactGroupItem {
	readonly cluster: string;
	/** What is counted and for which event ("killed — the cluster's event"). */
	readonly label: string;
	/** `conflict` when the figures cannot all be true, `divergent` when they differ but can, `equal` otherwise. */
	readonly relation: 'conflict' | 'divergent' | 'equal';
	readonly articles: number;
	readonly mentions: readonly FactMentionItem[];
	/** `unreviewed` while any of its findings is; `dismissed` when all are; `confirmed` otherwise; `none` without findings. */
	readonly state: ReviewState | 'none';
}

/** Every quantity reported by at least two articles of a cluster: conflicts first, then divergences, then agreements. */
export interface FactsResult {
	readonly groups: readonly FactGroupItem[];
}

/** Optional parameters of `crosscheck/facts`: only the group of the figure at a position (the fact sheet of a finding). */
export interface FactsParams {
	readonly uri: string;
	readonly position: { readonly line: number; readonly character: number };
}

/** Sent from the client to the server: list the corpus's fact groups. */
export const FactsRequest = { method: 'crosscheck/facts' } as const;

/**
 * Where a finding stands in the review: `unreviewed` (no decision), `open` (a note, no decision),
 * `confirmed` or `dismissed`.
 */
export type ReviewState = 'unreviewed' | 'open' | 'confirmed' | 'dismissed';

/** One finding with its review state, for the review views. */
export interface FindingItem {
	readonly ruleId: string;
	readonly severity: 'error' | 'warning' | 'information' | 'hint';
	readonly message: string;
	readonly range: ProtocolRange;
	/** The text the finding is on. */
	readonly text: string;
	readonly state: ReviewState;
	readonly reason?: string;
	readonly note?: string;
}

/** The findings of one article. */
export interface ArticleFindings {
	readonly uri: string;
	/** The article's path relative to its workspace folder. */
	readonly article: string;
	readonly findings: readonly FindingItem[];
}

/** Sent from the client to the server: the findings of some rules across the workspace (hints aside), dismissed ones included. */
export interface FindingsParams {
	readonly rules: readonly string[];
}

export interface FindingsResult {
	readonly articles: readonly ArticleFindings[];
}

export const FindingsRequest = { method: 'crosscheck/findings' } as const;

/** A decision or annotation whose text is no longer in its article. */
export interface OrphanItem {
	/** The review file, and where the entry is written in it. */
	readonly uri: string;
	readonly range: ProtocolRange;
	readonly article: string;
	readonly kind: 'decision' | 'annotation';
	/** The rule (decision) or label (annotation). */
	readonly label: string;
	/** The text it was anchored to. */
	readonly text: string;
}

/** The manual annotations of one article, placed in its current text. */
export interface ArticleAnnotations {
	readonly uri: string;
	readonly article: string;
	readonly annotations: readonly (AnnotationItem & { readonly text: string })[];
}

/** Every manual annotation of the workspace, and every orphaned review entry. */
export interface ReviewEntriesResult {
	readonly articles: readonly ArticleAnnotations[];
	readonly orphans: readonly OrphanItem[];
}

/** Sent from the client to the server: list every annotation and orphan, for the Annotations view. */
export const ReviewEntriesRequest = { method: 'crosscheck/reviewEntries' } as const;

/** What a reviewer does to a finding: decide it, annotate it, or take a decision back. */
export type ReviewAction = 'confirm' | 'dismiss' | 'note' | 'reopen';

/** Sent from the client to the server: record a decision on a finding in the article's review file. */
export interface ReviewParams {
	readonly uri: string;
	/** The finding's rule id and range, as its diagnostic gives them. */
	readonly ruleId: string;
	readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
	readonly action: ReviewAction;
	/** Why a finding is dismissed: required for `dismiss`. */
	readonly reason?: string;
	/** A note to keep with the finding (`note`, or along with a decision). */
	readonly note?: string;
}

/** The review file written, relative to the workspace folder. */
export interface ReviewResult {
	readonly file: string;
}

export const ReviewRequest = { method: 'crosscheck/review' } as const;

/** Sent from the client to the server: declare `alias` as another name of `name` in the folder's crosscheck.yaml. */
export interface AddAliasParams {
	/** An article of the workspace folder whose crosscheck.yaml gets the alias. */
	readonly uri: string;
	readonly name: string;
	readonly alias: string;
}

export const AddAliasRequest = { method: 'crosscheck/addAlias' } as const;

/** A range as LSP positions. */
type ProtocolRange = { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };

/** Sent from the client to the server: put a label (and a note) on a span; saved in the article's review file. */
export interface AnnotateParams {
	readonly uri: string;
	readonly range: ProtocolRange;
	readonly label: string;
	readonly note?: string;
}

export const AnnotateRequest = { method: 'crosscheck/annotate' } as const;

/** Sent from the client to the server: remove the annotations that overlap a range. */
export interface RemoveAnnotationParams {
	readonly uri: string;
	readonly range: ProtocolRange;
}

export const RemoveAnnotationRequest = { method: 'crosscheck/removeAnnotation' } as const;

/** One manual annotation placed in the current text. */
export interface AnnotationItem {
	readonly range: ProtocolRange;
	readonly label: string;
	readonly note?: string;
	readonly by?: string;
}

/** The annotations of a document and the labels its folder offers. */
export interface AnnotationsResult {
	readonly annotations: readonly AnnotationItem[];
	readonly labels: readonly string[];
}

/** Sent from the client to the server with `{ uri }`: the document's annotations, for decorations. */
export const AnnotationsRequest = { method: 'crosscheck/annotations' } as const;
