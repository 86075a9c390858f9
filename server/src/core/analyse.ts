import { analyseAttribution, NO_ATTRIBUTION, type DocumentAttribution } from './attribution/analyse';
import { findFacts, type Fact } from './figures/facts';
import { findEventDates, type EventDateMention } from './figures/eventDates';
import { AliasTable, BUILT_IN_ALIASES } from './entities/names';
import type { ManualLabels } from './entities/manual';
import { recogniseEntities, type DocumentEntities, type NameRecogniser } from './entities/recognise';
import type { Options } from './options';
import { documentRules, ruleCatalog } from './rules';
import type { ReportedFinding } from './rules/rule';
import type { DocumentMetadata } from './text/frontMatter';
import { analyseStructure, type DocumentStructure } from './text/structure';
import type { CancellationLike, Finding, Severity } from './types';

/** Everything the analysis knows about one document. */
export interface DocumentAnalysis {
	readonly structure: DocumentStructure;
	/** Metadata from front matter (later also from crosscheck.yaml's `documents`). */
	readonly metadata: DocumentMetadata;
	/** Findings of the document rules, sorted by offset (corpus rules add theirs in the {@link Corpus}). */
	readonly findings: readonly Finding[];
	/**
	 * Names linked within the document, and capitalised runs the corpus may recognise. Dates and figures
	 * are not stored: {@link Corpus.mentions} finds them again from the text when asked.
	 */
	readonly entities: DocumentEntities;
	/** Quotations, attributed statements and their speakers. */
	readonly attribution: DocumentAttribution;
	/** The figures that count something, with their intervals, measures and events: the article's fact table rows. */
	readonly facts: readonly Fact[];
	/** When the article says its event happened, unresolved (relative dates need the publication time). */
	readonly eventDates: readonly EventDateMention[];
}

/** What analysis needs besides text and options: the statistical models, loaded once by the caller. */
export interface AnalysisContext {
	/** The name recogniser; without it only declared names, acronyms, dates and figures are found. */
	readonly recogniseNames?: NameRecogniser;
	/** Reviewers' entity labels for this document (the {@link Corpus} provides them from the review files). */
	readonly manual?: ManualLabels;
}

let aliasCache: { aliases: Options['entityAliases']; known: Options['knownEntities']; table: AliasTable } | undefined;

/**
 * The alias table of the options: the built-in groups, then `entities.aliases`, then the declared
 * entities with their aliases (later groups win), cached per options.
 */
export function aliasTableFor(options: Options): AliasTable {
	if (aliasCache?.aliases !== options.entityAliases || aliasCache.known !== options.knownEntities) {
		const groups = [
			...BUILT_IN_ALIASES,
			...Object.entries(options.entityAliases).map(([name, aliases]) => [name, ...aliases]),
			// A declared entity without aliases adds no group, so it cannot hide a built-in one.
			...options.knownEntities.filter((entity) => (entity.aliases ?? []).length > 0).map((entity) => [entity.name, ...entity.aliases!]),
		];
		aliasCache = { aliases: options.entityAliases, known: options.knownEntities, table: new AliasTable(groups) };
	}
	return aliasCache.table;
}

/** The configured severity of a rule, or `undefined` when it is turned off. */
export function ruleSeverity(ruleId: string, options: Options): Severity | undefined {
	const info = ruleCatalog.get(ruleId);
	const configured = info?.configurable === false ? undefined : options.rules[ruleId];
	if (configured === 'off') {
		return undefined;
	}
	return configured ?? info?.defaultSeverity ?? 'warning';
}

/**
 * Analyses one document: its layout, its names, its quotations and speakers, then every enabled
 * document rule. Takes text, not a path, so
 * unsaved edits are analysed the same way as files on disk. Never throws on bad input; a rule that
 * fails is reported as a finding instead of losing the others. Returns early, with what it has, when
 * `token` is cancelled.
 */
export function analyseDocument(text: string, options: Options, token?: CancellationLike, context: AnalysisContext = {}): DocumentAnalysis {
	const structure = analyseStructure(text);
	const findings: Finding[] = [];
	const frontMatterSeverity = ruleSeverity('invalid-front-matter', options);
	if (structure.frontMatter && frontMatterSeverity) {
		for (const problem of structure.frontMatter.problems) {
			findings.push({ ruleId: 'invalid-front-matter', severity: frontMatterSeverity, ...problem });
		}
	}
	let entities: DocumentEntities = { mentions: [], candidates: [] };
	if (options.recogniseEntities && !token?.isCancellationRequested) {
		try {
			entities = recogniseEntities(
				text,
				structure,
				{
					...(context.recogniseNames ? { recogniseNames: context.recogniseNames } : {}),
					aliases: aliasTableFor(options),
					known: options.knownEntities,
					...(context.manual ? { manual: context.manual } : {}),
				},
				false,
			);
		} catch (error) {
			findings.push({
				ruleId: 'entity',
				severity: 'error',
				start: 0,
				end: 0,
				message: `Internal error in entity recognition: ${error instanceof Error ? error.message : String(error)}. Please report it.`,
			});
		}
	}
	let attribution: DocumentAttribution = NO_ATTRIBUTION;
	if (!token?.isCancellationRequested) {
		try {
			attribution = analyseAttribution(text, structure, entities.mentions, options);
		} catch (error) {
			findings.push({
				ruleId: 'unattributed-quote',
				severity: 'error',
				start: 0,
				end: 0,
				message: `Internal error in attribution: ${error instanceof Error ? error.message : String(error)}. Please report it.`,
			});
		}
	}
	let facts: readonly Fact[] = [];
	let eventDates: readonly EventDateMention[] = [];
	if (!token?.isCancellationRequested) {
		try {
			facts = findFacts(text, structure, options.figureMeasures, entities.mentions);
			eventDates = ruleSeverity('date-conflict', options) ? findEventDates(text, structure) : [];
		} catch (error) {
			findings.push({
				ruleId: 'figure-conflict',
				severity: 'error',
				start: 0,
				end: 0,
				message: `Internal error in reading figures: ${error instanceof Error ? error.message : String(error)}. Please report it.`,
			});
		}
	}
	for (const rule of documentRules) {
		if (token?.isCancellationRequested) {
			break;
		}
		const severity = ruleSeverity(rule.id, options);
		if (!severity) {
			continue;
		}
		const report = (finding: ReportedFinding): void => {
			findings.push({ ruleId: rule.id, severity, ...finding });
		};
		try {
			rule.check({ text, structure, options, entities, attribution, facts, report });
		} catch (error) {
			findings.push({
				ruleId: rule.id,
				severity: 'error',
				start: 0,
				end: 0,
				message: `Internal error in rule ${rule.id}: ${error instanceof Error ? error.message : String(error)}. Please report it.`,
			});
		}
	}
	findings.sort(compareFindings);
	return { structure, metadata: structure.frontMatter?.metadata ?? {}, findings, entities, attribution, facts, eventDates };
}

/** Orders findings by position, then rule id, so every front end lists them identically. */
export function compareFindings(a: Finding, b: Finding): number {
	return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
