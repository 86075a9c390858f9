/**
 * Crosscheck's analysis core: text and options in, plain data out. Nothing here touches the editor,
 * the LSP libraries or Node; offsets are UTF-16 indices into the text that was passed in.
 */
export { analyseDocument, compareFindings, ruleSeverity, type AnalysisContext, type DocumentAnalysis } from './analyse';
export { EntityRegistry, type EntitySummary, type LinkedMention, type MentionLocation } from './corpus/entityRegistry';
export {
	ENTITY_TYPES,
	type EntityMention,
	type EntityType,
	type KnownEntity,
	type NameMention,
	type NameRecogniser,
} from './entities/recognise';
export { Corpus, type CorpusDocument } from './corpus/corpus';
export type { Attribution, AttributionKind, AttributionStatus, Cue, DocumentAttribution, QuotedPhrase } from './attribution/analyse';
export type { Speaker } from './attribution/speakers';
export { attributionAt, describeQuote } from './attribution/describeQuote';
export { describeAt, type Description } from './describe';
export {
	describeEvent,
	describeFact,
	describeQuantity,
	factAt,
	factGroups,
	factRows,
	groupKey,
	type FactGroup,
	type FactRow,
} from './corpus/factTable';
export { factKey, type Fact } from './figures/facts';
export { formatInterval, type Interval } from './figures/intervals';
export { intervalData } from './rules/figure-conflict';
export { describeEntity, type DocumentLinker } from './entities/describeEntity';
export { defaultOptions, resolveOptions, type Options, type PartialOptions, type RuleLevel } from './options';
export {
	CONFIG_FILE_NAME,
	configSchema,
	normaliseRelativePath,
	parseConfig,
	parseSize,
	type ConfigProblem,
	type ParsedConfig,
} from './config/parseConfig';
export { STARTER_CONFIG } from './config/starter';
export { corpusRules, documentRules, inputRules, ruleCatalog } from './rules';
export type { RuleInfo } from './rules/rule';
export { LineIndex, type Position } from './text/lineIndex';
export type { DocumentMetadata } from './text/frontMatter';
export type { DocumentStructure, Line, LineKind, Sentence } from './text/structure';
export type { BoilerplateReason } from './text/boilerplate';
export { tokenize, type Token } from './text/tokens';
export { SEVERITIES, severityRank, type CancellationLike, type Finding, type RelatedLocation, type Severity, type Span } from './types';
export { CONTEXT_LENGTH, makeAnchor, resolveAnchor, type TextAnchor } from './review/anchor';
export {
	articleOfReviewFile,
	parseReviewFile,
	removeEntries,
	REVIEW_FOLDER,
	REVIEW_STATUSES,
	reviewFilePath,
	reviewFileSchema,
	upsertAnnotation,
	upsertDecision,
	type Annotation,
	type Decision,
	type ReviewFile,
	type ReviewFileProblem,
	type ReviewStatus,
} from './review/reviewFile';
export {
	annotationIsAt,
	applyReview,
	decisionIsFor,
	type AppliedReview,
	type FindingReview,
	type Orphan,
	type PlacedAnnotation,
	type ReviewedFinding,
} from './review/applyReview';
export { addAliasToConfig } from './config/editConfig';
export {
	BUILT_IN_LABELS,
	ENTITY_LABELS,
	isEntityLabel,
	NOT_ENTITY,
	type EntityLabel,
	type LabelledSpan,
	type ManualLabels,
} from './entities/manual';
export { ManualLabelTable, type NameLabel } from './corpus/labelTable';
export * from './interchange';
