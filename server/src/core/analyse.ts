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
	/** Findings sorted by offset. */
	readonly findings: readonly Finding[];
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
 * Analyses one document: its layout, then every enabled document rule. Takes text, not a path, so
 * unsaved edits are analysed the same way as files on disk. Never throws on bad input; a rule that
 * fails is reported as a finding instead of losing the others. Returns early, with what it has, when
 * `token` is cancelled.
 */
export function analyseDocument(text: string, options: Options, token?: CancellationLike): DocumentAnalysis {
	const structure = analyseStructure(text);
	const findings: Finding[] = [];
	const frontMatterSeverity = ruleSeverity('invalid-front-matter', options);
	if (structure.frontMatter && frontMatterSeverity) {
		for (const problem of structure.frontMatter.problems) {
			findings.push({ ruleId: 'invalid-front-matter', severity: frontMatterSeverity, ...problem });
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
			rule.check({ text, structure, options, report });
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
	return { structure, metadata: structure.frontMatter?.metadata ?? {}, findings };
}

/** Orders findings by position, then rule id, so every front end lists them identically. */
export function compareFindings(a: Finding, b: Finding): number {
	return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
