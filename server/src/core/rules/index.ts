import { entityRule } from './entity';
import { dateConflictRule } from './date-conflict';
import { figureArithmetic } from './figure-arithmetic';
import { figureConflictRule, figureDivergenceRule } from './figure-conflict';
import { manualLabelConflictRule } from './manual-label-conflict';
import { nameVariantRule } from './name-variant';
import { quoteVariantRule } from './quote-variant';
import type { DocumentRule, RuleInfo } from './rule';
import { unattributedClaim } from './unattributed-claim';
import { unattributedQuote } from './unattributed-quote';
import { vagueAttribution } from './vague-attribution';

/** Every rule that runs on one document, in the order it runs. */
export const documentRules: readonly DocumentRule[] = [unattributedQuote, unattributedClaim, vagueAttribution, figureArithmetic];

/** Rules computed over the whole corpus rather than one document at a time. */
export const corpusRules: readonly RuleInfo[] = [
	quoteVariantRule,
	figureConflictRule,
	figureDivergenceRule,
	nameVariantRule,
	dateConflictRule,
	entityRule,
	manualLabelConflictRule,
];

/**
 * Ids the analysis reports about its input rather than about the reporting. They appear in the
 * Problems view and the CLI like any rule, so they are documented the same way.
 */
export const inputRules: readonly RuleInfo[] = [
	{
		id: 'invalid-front-matter',
		defaultSeverity: 'warning',
		configurable: true,
		summary: "The article's YAML front matter is malformed or has a value of the wrong type.",
		docs: 'Front matter is an optional YAML block between `---` lines at the top of an article, with the keys `title`, `outlet`, `published` (ISO 8601) and `url`. The block is never analysed as text; fix the value shown so the metadata can be used.',
	},
	{
		id: 'invalid-encoding',
		defaultSeverity: 'warning',
		configurable: true,
		summary: 'The file is not valid UTF-8; undecodable bytes were replaced with U+FFFD.',
		docs: 'Crosscheck reads articles as UTF-8. Bytes that are not valid UTF-8 (often a Windows-1252 or Latin-1 file) are shown as the replacement character `\uFFFD` and the rest of the file is analysed. Re-save the file as UTF-8 to fix it.',
	},
	{
		id: 'file-skipped',
		defaultSeverity: 'information',
		configurable: true,
		summary: 'The file was not analysed: it is too large or binary.',
		docs: 'Files above the maximum size (`maxFileSize` in crosscheck.yaml, `crosscheck.maxFileSize` in settings) and files that look binary (they contain NUL bytes) are skipped so that one bad file cannot stall the corpus.',
	},
	{
		id: 'invalid-config',
		defaultSeverity: 'error',
		configurable: false,
		summary: 'crosscheck.yaml is malformed or does not match its schema; the defaults are used for what is wrong.',
		docs: 'The problem is shown at the offending line of `crosscheck.yaml`. Everything else in the file still applies, and analysis continues with the defaults for the broken part.',
	},
	{
		id: 'invalid-review-file',
		defaultSeverity: 'error',
		configurable: false,
		summary: 'A review file in .crosscheck/annotations is malformed; it is left untouched until fixed.',
		docs: 'The problem is shown at the offending line of the review file. An entry that does not match the schema is ignored and the others apply; a file that is not valid YAML or UTF-8 applies nothing and is never rewritten, so no decision in it can be lost. Fix it by hand.',
	},
	{
		id: 'orphaned-annotation',
		defaultSeverity: 'warning',
		configurable: false,
		summary: 'A review decision or annotation whose text is no longer in its article; it is kept until you fix or remove it.',
		docs: "Each entry of a review file is anchored by its exact text (plus a little context and its old position). When that text is no longer anywhere in the article, the entry cannot be placed: it is reported on its entry in the review file, never dropped. Correct its `text` to the article's new wording, or delete the entry.",
	},
];

/** Every public rule id with its description, by id. */
export const ruleCatalog: ReadonlyMap<string, RuleInfo> = new Map(
	[...documentRules, ...corpusRules, ...inputRules].map((rule) => [rule.id, rule]),
);
