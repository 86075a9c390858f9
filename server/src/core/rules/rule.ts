import type { DocumentAttribution } from '../attribution/analyse';
import type { DocumentEntities } from '../entities/recognise';
import type { Fact } from '../figures/facts';
import type { Options } from '../options';
import type { DocumentStructure } from '../text/structure';
import type { Severity, Span, RelatedLocation } from '../types';

/** What a document rule sees: the text, its layout and the resolved options. */
export interface DocumentRuleContext {
	readonly text: string;
	readonly structure: DocumentStructure;
	readonly options: Options;
	/** The names recognised in the document (empty when entity recognition is off). */
	readonly entities: DocumentEntities;
	/** Quotations, attributed statements and speakers. */
	readonly attribution: DocumentAttribution;
	/** The figures that count something (see figures/facts.ts). */
	readonly facts: readonly Fact[];
	/** Reports a finding; the severity comes from the rule's configured level. */
	report(finding: ReportedFinding): void;
}

/** A finding as a rule reports it, before its severity is applied. */
export interface ReportedFinding extends Span {
	readonly message: string;
	readonly related?: readonly RelatedLocation[];
	readonly data?: Readonly<Record<string, unknown>>;
}

/** The public description of a rule id. Every id a user can see has one. */
export interface RuleInfo {
	/** The public, stable id; also the rule's file name. */
	readonly id: string;
	readonly defaultSeverity: Severity;
	/** One sentence: what the rule reports. */
	readonly summary: string;
	/** A longer Markdown explanation, shown in hovers: why it matters and what to do. */
	readonly docs: string;
	/** Whether crosscheck.yaml and settings may change its level or turn it off. */
	readonly configurable: boolean;
}

/** A rule that looks at one document at a time. */
export interface DocumentRule extends RuleInfo {
	check(context: DocumentRuleContext): void;
}
