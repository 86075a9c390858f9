export { CodePointIndex } from './codePoints';
export {
	articleAnnotations,
	compareSpanAnnotations,
	declaredLabels,
	firstDifference,
	mergeAnnotations,
	type ArticleAnnotations,
	type ImportedArticle,
	type InterchangeProblem,
	type MergeResult,
	type SpanAnnotation,
} from './model';
export { articlesOfBratBase, bratBaseName, formatBrat, fromBratLabel, parseBrat, toBratLabel } from './brat';
export { formatJsonlLine, parseJsonlLine, type OffsetUnit } from './jsonl';
export { formatWebAnnotations } from './webAnnotation';
export {
	computeAgreement,
	kappa,
	tokenSpans,
	type AgreementArticle,
	type AgreementReport,
	type AgreementRow,
	type AgreementSpan,
} from './agreement';
