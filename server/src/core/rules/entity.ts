import type { LinkedMention } from '../corpus/entityRegistry';
import type { Finding, Severity } from '../types';
import type { RuleInfo } from './rule';

/** Marks every recognised entity with its type and canonical name (a hint: faint, out of the way). */
export const entityRule: RuleInfo = {
	id: 'entity',
	defaultSeverity: 'hint',
	configurable: true,
	summary: 'A recognised entity: a person, organization, place, date, figure or other name.',
	docs: [
		'Crosscheck recognises people, organizations, places, dates and figures in every article and links the',
		'mentions of one entity across the corpus ("Recep Tayyip Erdogan", "Erdogan", "President Erdogan"). Hover a',
		'mention to see the entity, its other names and the articles that mention it; use Go to Definition and',
		'Find All References to move between them.',
		'',
		'Turn these marks off with `entity: off` under `rules` in `crosscheck.yaml`. Declare names the recogniser',
		'misses under `entities.known`, and extra aliases under `entities.aliases`.',
	].join('\n'),
};

/** The `entity` findings of a document's linked mentions. */
export function entityFindings(mentions: readonly LinkedMention[], severity: Severity): Finding[] {
	return mentions.map((m) => ({
		ruleId: entityRule.id,
		severity,
		start: m.start,
		end: m.end,
		message: m.type === 'date' || m.type === 'figure' ? `${m.type}: ${m.text}` : `${m.type}: ${m.name}`,
		data: { type: m.type, entity: m.entity, name: m.name, ...(m.propagated ? { propagated: true } : {}) },
	}));
}
