import { foldWord, type NameIndex, type Spelling } from '../corpus/nameIndex';
import type { Finding, RelatedLocation, Severity } from '../types';
import { ORGANIZATION_ROLES, PERSON_ROLES } from '../attribution/lexicon';
import type { RuleInfo } from './rule';

/** Titles and kinds of organisation ("Minister", "Ministry", "Council") are words of the language, not names. */
function isTitleWord(folded: string): boolean {
	const singular = folded.replace(/s$/, '');
	return PERSON_ROLES.has(folded) || ORGANIZATION_ROLES.has(folded) || PERSON_ROLES.has(singular) || ORGANIZATION_ROLES.has(singular);
}

export const nameVariantRule: RuleInfo = {
	id: 'name-variant',
	defaultSeverity: 'warning',
	configurable: true,
	summary: 'A name is spelt differently in other articles of the cluster ("Fetullah" here, "Fethullah" there).',
	docs: [
		'Transliterations and typos split one person, place or organisation into several spellings: "Fethullah" and',
		'"Fetullah", "Gulen" and "Gulden", "Raqqa" and "Raqaa". Crosscheck compares the words of the names it recognises',
		'across the articles of a cluster and reports a spelling one letter away from a spelling that more articles use (or one',
		'letter away as they sound: "Gavarzin"/"Gabardin"; or with a particle written against it, "LaCalamita"/"Calamita", when',
		'both come with the same other name word), saying how often and in how many articles each is used. Short forms and aliases ("Erdogan" for "Recep Tayyip Erdogan",',
		'"U.S."/"United States") are different words, not variants, and accents alone do not count.',
	].join('\n'),
};

/** A name word shorter than this is never reported; up to five letters, only with a name word in common (see `variantsOf`). */
const MIN_LENGTH = 4;

/**
 * How much a spelling is used: articles first, then uses. A spelling is reported only against one used at
 * least as much, so of "Raqqa" (three times) and "Raqaa" (once) in one article only "Raqaa" is.
 */
function weight(spelling: Spelling): number {
	let uses = 0;
	for (const n of spelling.docs.values()) {
		uses += n;
	}
	return spelling.docs.size * 1e6 + uses;
}

/** Whether two folded spellings are inflections of one word ("Gulen"/"Gulens", "Advisor"/"Advisors"). */
function inflection(a: string, b: string): boolean {
	const [short, long] = a.length <= b.length ? [a, b] : [b, a];
	// Also a nationality and its country ("Russia"/"Russian", "Iraq"/"Iraqi").
	return [`${short}s`, `${short}es`, `${short}'s`, `${short}n`, `${short}an`, `${short}i`].includes(long);
}

/** British and American spellings of the words names are made of ("Defence"/"Defense", "Recognised"/"Recognized", "Labour"/"Labor"). */
const ORTHOGRAPHY: readonly (readonly [RegExp, string])[] = [
	[/([^aeiou])en[cs]e(s?)$/, '$1ense$2'],
	[/([iy])[sz](e|ed|es|ing|ation|ations|er|ers)$/, '$1z$2'],
	[/([^aeiou])(?:our|or)(s?)$/, '$1or$2'],
	[/([^aeiou])(?:re|er)(s?)$/, '$1er$2'],
];

/** Whether two folded spellings are one word in British and American spelling. */
function orthographic(a: string, b: string): boolean {
	const canonical = (word: string): string => ORTHOGRAPHY.reduce((w, [pattern, replacement]) => w.replace(pattern, replacement), word);
	return canonical(a) === canonical(b);
}

/** The key of an unordered pair of folded words. */
function aliasPair(a: string, b: string): string {
	return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * The pairs of words that declared aliases spell differently (`entities.aliases` in crosscheck.yaml):
 * "Fetullah Gulen" declared an alias of "Fethullah Gulen" makes "fetullah"/"fethullah" a legitimate pair,
 * never a name variant. Words are paired by position when two names have as many words, else every word
 * of one with every word of the other.
 */
export function aliasWordPairs(aliases: Readonly<Record<string, readonly string[]>>): Set<string> {
	const pairs = new Set<string>();
	const words = (name: string): string[] =>
		name
			.split(/[^\p{L}\p{M}]+/u)
			.filter(Boolean)
			.map(foldWord);
	for (const [name, others] of Object.entries(aliases)) {
		const group = [name, ...others].map(words);
		for (const a of group) {
			for (const b of group) {
				if (a === b) {
					continue;
				}
				const together = a.length === b.length ? a.map((w, i) => [w, b[i]!] as const) : a.flatMap((w) => b.map((v) => [w, v] as const));
				for (const [w, v] of together) {
					if (w !== v) {
						pairs.add(aliasPair(w, v));
					}
				}
			}
		}
	}
	return pairs;
}

/**
 * The `name-variant` findings of a document: each name word it spells differently from a close spelling
 * (see `NameIndex.variantsOf`) that the cluster uses at least as much (see {@link weight}), linked to uses of the other spellings.
 */
export function nameVariantFindings(
	docId: string,
	index: NameIndex,
	articleName: (docId: string) => string,
	firstUse: (docId: string, folded: string) => { start: number; end: number } | undefined,
	severity: Severity,
	aliases: ReadonlySet<string> = new Set(),
): Finding[] {
	const own = index.words(docId);
	if (!own) {
		return [];
	}
	const findings: Finding[] = [];
	for (const word of own.words) {
		const folded = foldWord(word.text);
		if (folded.length < MIN_LENGTH || isTitleWord(folded)) {
			continue;
		}
		const mine = index.spelling(own.cluster, folded);
		if (!mine) {
			continue;
		}
		const others = index
			.variantsOf(own.cluster, folded)
			.map((v) => v.spelling)
			.filter(
				(o) =>
					foldWord(o.text).length >= MIN_LENGTH &&
					!isTitleWord(foldWord(o.text)) &&
					!inflection(folded, foldWord(o.text)) &&
					!orthographic(folded, foldWord(o.text)) &&
					!aliases.has(aliasPair(folded, foldWord(o.text))) &&
					weight(o) >= weight(mine),
			);
		if (others.length === 0) {
			continue;
		}
		const majority = [...others].sort((a, b) => weight(b) - weight(a))[0]!;
		const describe = (docs: ReadonlyMap<string, number>): string => {
			const names = [...docs.keys()].slice(0, 3).map(articleName);
			const uses = [...docs.values()].reduce((a, b) => a + b, 0);
			return `${uses} time${uses === 1 ? '' : 's'} in ${docs.size} article${docs.size === 1 ? '' : 's'} (${names.join(', ')}${docs.size > 3 ? ', …' : ''})`;
		};
		const related: RelatedLocation[] = [];
		for (const other of others) {
			for (const doc of [...other.docs.keys()].slice(0, 3)) {
				const at = firstUse(doc, foldWord(other.text));
				if (at) {
					related.push({ docId: doc, start: at.start, end: at.end, message: `Spelt "${other.text}" in ${articleName(doc)}` });
				}
			}
		}
		findings.push({
			ruleId: nameVariantRule.id,
			severity,
			start: word.start,
			end: word.end,
			message: `Name variant: "${word.text}" is written ${describe(mine.docs)}; ${others
				.map((o) => `"${o.text}" ${describe(o.docs)}`)
				.join('; ')}. One of them is probably misspelt.`,
			related,
			data: { spelling: word.text, majority: majority.text, alternatives: others.map((o) => o.text) },
		});
	}
	return findings;
}
