import type { ManualLabelTable } from '../corpus/labelTable';
import { ENTITY_LABELS, type LabelledSpan } from '../entities/manual';
import type { Finding, Severity } from '../types';
import type { RuleInfo } from './rule';

/** Flags an entity annotation of a name that other annotations in the corpus label differently. */
export const manualLabelConflictRule: RuleInfo = {
	id: 'manual-label-conflict',
	defaultSeverity: 'information',
	configurable: true,
	summary: 'Reviewers gave the same name different entity labels in the corpus.',
	docs: [
		'A manual entity label (an entity type, or `not-entity`) applies to its span and to every mention of',
		'the same name in the corpus. When annotations of one name disagree, each labelled span keeps its own',
		'label, and everywhere else the name takes the label most annotations give it (a tie goes to the first of',
		`${ENTITY_LABELS.join(', ')}). Each annotation of such a name is reported, with the counts, so the`,
		'reviewers can settle on one label: change or remove the annotations that are wrong.',
	].join('\n'),
};

/**
 * The `manual-label-conflict` findings of a document: its labelled spans whose name the corpus's
 * annotations label in more than one way.
 */
export function manualLabelConflictFindings(
	text: string,
	placed: readonly LabelledSpan[],
	table: ManualLabelTable,
	severity: Severity,
): Finding[] {
	const findings: Finding[] = [];
	for (const span of placed) {
		const name = text.slice(span.start, span.end);
		const counts = table.labelCounts(name);
		if (counts.length < 2) {
			continue;
		}
		const chosen = table.label(name)!;
		findings.push({
			ruleId: manualLabelConflictRule.id,
			severity,
			start: span.start,
			end: span.end,
			message:
				`"${name}" is labelled ${span.label} here, but its annotations disagree (${counts.map((c) => `${c.label} ${c.count}`).join(', ')}); ` +
				`elsewhere it is taken as ${chosen}, the label most annotations give.`,
			data: { name, label: span.label, chosen, counts: Object.fromEntries(counts.map((c) => [c.label, c.count])) },
		});
	}
	return findings;
}
