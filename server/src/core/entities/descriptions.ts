import type { Span } from '../types';
import { ROLE_BEFORE_NAME, ROLE_DESCRIPTION, titlePrefixLength } from './names';
import type { EntityMention } from './recognise';

/** How far before a name its role is looked for ("Turkish Foreign Minister " of "… Mevlut Cavusoglu"). */
const ROLE_WINDOW = 80;

/** The office a person holds in the article, as its title says, and the nationality before it. */
interface Role {
	readonly role: string;
	/** Lower case; "" when the title names none. */
	readonly nationality: string;
	readonly mention: EntityMention;
}

function normalise(words: string): string {
	return words.toLowerCase().replace(/\s+/g, ' ');
}

/** The nationality a match gives, lower case: only a capitalised word counts ("Turkish", not "urban"). */
function nationalityOf(match: string | undefined): string {
	return match !== undefined && /^\p{Lu}/u.test(match) ? normalise(match) : '';
}

/**
 * The roles the article gives its people by name: the title just before a person's name, inside the
 * name's span or before it ("Turkish Foreign Minister Mevlut Cavusoglu", "President Erdogan"). Linear in
 * the number of person mentions.
 */
function rolesOf(text: string, mentions: readonly EntityMention[]): Role[] {
	const roles: Role[] = [];
	for (const m of mentions) {
		if (m.type !== 'person') {
			continue;
		}
		const nameStart = m.start + titlePrefixLength(m.text);
		let from = Math.max(0, nameStart - ROLE_WINDOW);
		const lineBreak = text.lastIndexOf('\n', nameStart - 1);
		if (lineBreak >= from) {
			from = lineBreak + 1;
		}
		const found = ROLE_BEFORE_NAME.exec(text.slice(from, nameStart));
		if (found) {
			roles.push({ role: normalise(found[2]!), nationality: nationalityOf(found[1]), mention: m });
		}
	}
	return roles;
}

/**
 * Mentions of people by their office where the article makes it unambiguous: "the Turkish Foreign
 * Minister" after "Turkish Foreign Minister Mevlut Cavusoglu" is Cavusoglu when no other person of the
 * article holds that office (of that nationality or of none said, when the description gives one). The mention covers
 * the office ("Foreign Minister"); a description followed by a name ("the Foreign Minister Mevlut
 * Cavusoglu") or by "of" ("the President of Russia") is left alone, as are descriptions overlapping a
 * span in `taken`. Linear in the length of `spans` and the number of mentions.
 */
export function findDescriptions(
	text: string,
	spans: readonly Span[],
	mentions: readonly EntityMention[],
	taken: readonly Span[],
): EntityMention[] {
	const roles = rolesOf(text, mentions);
	if (roles.length === 0) {
		return [];
	}
	const byRole = new Map<string, Role[]>();
	for (const r of roles) {
		(byRole.get(r.role) ?? byRole.set(r.role, []).get(r.role)!).push(r);
	}
	const sortedTaken = [...taken].sort((a, b) => a.start - b.start);
	const found: EntityMention[] = [];
	for (const span of spans) {
		const slice = text.slice(span.start, span.end);
		for (const match of slice.matchAll(ROLE_DESCRIPTION)) {
			const role = normalise(match[2]!);
			const holders = byRole.get(role);
			if (!holders) {
				continue;
			}
			const after = /^(?:['’]s)?\s+(\S+)/u.exec(slice.slice(match.index! + match[0].length));
			if (after && (/^\p{Lu}/u.test(after[1]!) || after[1] === 'of')) {
				continue;
			}
			const nationality = nationalityOf(match[1]);
			const keys = new Set(
				holders.filter((h) => nationality === '' || h.nationality === nationality || h.nationality === '').map((h) => h.mention.key),
			);
			if (keys.size !== 1) {
				continue;
			}
			const holder = holders.find((h) => h.mention.key === [...keys][0])!.mention;
			const end = span.start + match.index! + match[0].length;
			const start = end - match[2]!.length;
			if (sortedTaken.some((t) => t.start < end && start < t.end)) {
				continue;
			}
			found.push({
				start,
				end,
				type: 'person',
				text: text.slice(start, end),
				key: holder.key,
				name: holder.name,
				source: 'description',
				confidence: holder.confidence,
			});
		}
	}
	return found;
}
