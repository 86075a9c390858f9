import type { EntityMention } from '../entities/recognise';
import { nameKey, stripTitles } from '../entities/names';
import type { Span } from '../types';
import { DETERMINERS, isUnnamedPeople, ORGANIZATION_ROLES, PERSON_ROLES, PRONOUNS, VAGUE_HEADS } from './lexicon';
import { genderAt, genderOfWord, type Gender } from './gender';
import { DOCUMENT_HEADS, headWord } from './sources';

/** How a speaker was identified. Shown in hovers. */
export type Resolution = 'name' | 'role' | 'pronoun' | 'continuation' | 'pull' | 'vague' | 'unresolved';

/** Who said something, as written and as resolved. */
export interface Speaker extends Span {
	/** The speaker phrase as written ("he", "the minister", "Turkish Foreign Minister Mevlut Cavusoglu"). */
	readonly text: string;
	/** The name it refers to ("Mevlut Cavusoglu"), when known. */
	readonly canonical?: string;
	/** The entity kind of the referent, when known. */
	readonly type?: 'person' | 'organization' | 'group' | 'other';
	readonly resolution: Resolution;
	/** The named mention a role or pronoun was resolved to. */
	readonly via?: Span;
}

/** A speaker named so far in the article, for resolving later roles and pronouns. */
export interface NamedSpeaker extends Span {
	readonly canonical: string;
	readonly type: 'person' | 'organization' | 'other';
	readonly paragraph: number;
	/** An unnamed speaker ("a naval officer"): a pronoun referring to it is vague too. */
	readonly vague?: boolean;
}

/** What resolution needs from the rest of the article. */
export interface ResolutionContext {
	readonly text: string;
	/** Names in the article (people, organisations, places…), in text order. */
	readonly mentions: readonly EntityMention[];
	/** The canonical (fullest) name of each mention key in the article. */
	readonly canonicalByKey: ReadonlyMap<string, string>;
	/** Named speakers before the current position, oldest first. */
	readonly speakers: readonly NamedSpeaker[];
	/** The paragraph index of an offset. */
	paragraphOf(offset: number): number;
	/** The article's quotations, in text order: names inside them are not referents of a pronoun outside. */
	readonly quoted?: readonly Span[];
	/**
	 * The gender known for each mention key: from the article's cues, or learned from a pronoun that
	 * could only refer to that person. `null` when none is known. Filled as resolution goes.
	 */
	readonly genders?: Map<string, Gender | null>;
}

/** How many paragraphs back a pronoun may reach for its speaker. */
const PRONOUN_REACH = 4;

/**
 * Classifies and resolves a speaker phrase: a name (joined to the article's fullest form of it), a role
 * or pronoun (resolved to the nearest compatible named speaker or mention before it when unambiguous),
 * or a vague source ("officials", "a source", "media reports").
 */
export function resolveSpeaker(span: Span, context: ResolutionContext): Speaker {
	const { text } = context;
	const written = text.slice(span.start, span.end);
	const words = written.split(/\s+/).filter((w) => w !== '');
	const lower = words.map((w) => w.toLowerCase().replace(/[’']s$/, ''));
	const base = { start: span.start, end: span.end, text: written };

	if (lower.length === 1 && PRONOUNS[lower[0]!] !== undefined) {
		return resolvePronoun(base, PRONOUNS[lower[0]!]!, context, lower[0] === 'she' ? 'female' : lower[0] === 'he' ? 'male' : undefined);
	}
	// "His exact words:" introducing a quotation: the possessive stands for its owner.
	if (lower.length === 1 && POSSESSIVES[lower[0]!] !== undefined) {
		const [kind, gender] = POSSESSIVES[lower[0]!]!;
		return resolvePronoun(base, kind, context, gender);
	}
	const head = headWord(lower);
	const indefinite = /^(?:a|an|some|several|one|another)$/.test(lower[0] ?? '');
	// A capital that only starts the sentence ("Police said", "Critics say") does not make a name.
	const sentenceInitial = /(?:^|[.!?:]["'\u201D\u2019]?\s+|\n\s*|["\u201C\u201D]\s*)$/.test(
		text.slice(Math.max(0, span.start - 4), span.start),
	);
	const capitalised = words.some(
		(w, i) =>
			/^\p{Lu}/u.test(w) &&
			!(
				i === 0 &&
				(DETERMINERS.has(w.toLowerCase()) ||
					(sentenceInitial && /^\p{Lu}\p{Ll}+$/u.test(w) && words.length > 0 && !context.mentions.some((m) => m.start === span.start)))
			),
	);
	const hasOwnName =
		capitalised && !words.every((w, i) => !/^\p{Lu}/u.test(w) || (i === 0 && DETERMINERS.has(w.toLowerCase())) || isRoleWord(w));

	// "an office worker in Dubai", "one woman in Qeshm": an unnamed person placed somewhere is vague,
	// whatever the place is called.
	// "a spokesperson from Waitrose", "a spokesman for the Texas Attorney General": the organisation's own
	// voice, so it names its source.
	const behalf = lower.findIndex((w, i) => i > 1 && /^(?:for|from|at|of)$/.test(w));
	if (indefinite && behalf > 0 && /^(?:spokes(?:man|woman|person)|representative)$/.test(lower[behalf - 1]!)) {
		const named = nameBeforeRole(span, context);
		if (named) {
			return { ...base, ...named, resolution: 'name' };
		}
		const organisation = nameFromWords(words.slice(behalf + 1));
		if (organisation) {
			return { ...base, canonical: organisation, type: 'organization', resolution: 'name' };
		}
	}
	// "a sign at his headquarters", "the 2005 entry": a writing with no author named is no one to
	// identify, but not an anonymous source either.
	if (!hasOwnName && lower.some((w) => DOCUMENT_HEADS.has(w))) {
		// "The 2005 entry says" after "a page from one of Lind's journals": the writer named just before.
		const author = /^(?:the|this|that|one|another)$/.test(lower[0] ?? '') ? documentAuthor(span, context) : undefined;
		return author ? { ...base, ...author, resolution: 'role' } : { ...base, type: 'other', resolution: 'unresolved' };
	}
	const placed = lower.findIndex((w, i) => i > 1 && /^(?:in|at|from|near)$/.test(w));
	if (indefinite && placed > 0 && words.slice(1, placed).every((w) => !/^\p{Lu}/u.test(w))) {
		const placedHead = lower[placed - 1]!;
		return { ...base, resolution: 'vague', ...(PERSON_ROLES.has(placedHead) ? { type: 'person' as const } : {}) };
	}
	// "Jerry Strickland, a spokesman for Texas Attorney General Greg Abbott, told": the name before the
	// role is the speaker, not the name inside it.
	if (head && PERSON_ROLES.has(head) && DETERMINERS.has(lower[0]!)) {
		const named = nameBeforeRole(span, context);
		if (named) {
			return { ...base, ...named, resolution: 'name' };
		}
	}
	// "agents said", "former FLDS members say": people in the plural, with no determiner and no name of their own.
	const lastWord = words[words.length - 1] ?? '';
	if (
		head &&
		lower.length <= 5 &&
		!DETERMINERS.has(lower[0]!) &&
		(!/^\p{Lu}/u.test(lastWord) || (words.length === 1 && sentenceInitial && /^\p{Lu}\p{Ll}+$/u.test(lastWord))) &&
		!lower.some((w) => SPEAKER_PREPOSITIONS_IN_NAMES.has(w)) &&
		isUnnamedPeople(head) &&
		!context.mentions.some((m) => m.start <= span.start && span.end <= m.end && (m.type === 'person' || m.type === 'organization'))
	) {
		return { ...base, resolution: 'vague' };
	}
	// A name: the last person or organisation mention inside the phrase, else its capitalised words.
	if (hasOwnName) {
		const inside = context.mentions.filter((m) => m.start >= span.start && m.end <= span.end && m.type !== 'date' && m.type !== 'figure');
		const best =
			[...inside].reverse().find((m) => m.type === 'person') ??
			[...inside].reverse().find((m) => m.type === 'organization') ??
			inside[inside.length - 1];
		const name = nameFromWords(words);
		if (best) {
			let canonical = context.canonicalByKey.get(best.key) ?? best.name;
			let type: Speaker['type'] = best.type === 'person' || best.type === 'organization' ? best.type : 'other';
			// A recogniser that caught only part of a proper name ("Observatory" of "The Syrian Observatory
			// for Human Rights", even tagged as a person) is overruled by the whole name as written.
			const organisation = !!head && ORGANIZATION_ROLES.has(head);
			if (
				name &&
				name.length > canonical.length &&
				name.includes(text.slice(best.start, best.end)) &&
				isProperName(name) &&
				(best.type !== 'person' || organisation)
			) {
				canonical = name;
				type = organisation ? 'organization' : type;
			}
			return { ...base, canonical, type, resolution: 'name' };
		}
		if (name && !(head && VAGUE_HEADS.has(head))) {
			const type = head && ORGANIZATION_ROLES.has(head) ? 'organization' : 'other';
			return { ...base, canonical: name, type, resolution: 'name' };
		}
	}
	const personLike = !!head && (PERSON_ROLES.has(head) || PERSON_ROLES.has(head.replace(/s$/, '')));
	if (head && VAGUE_HEADS.has(head)) {
		return { ...base, resolution: 'vague', ...(personLike && !head.endsWith('s') ? { type: 'person' as const } : {}) };
	}
	if (indefinite) {
		return { ...base, resolution: 'vague', ...(personLike ? { type: 'person' as const } : {}) };
	}
	if (head && (PERSON_ROLES.has(head) || ORGANIZATION_ROLES.has(head))) {
		return resolveRole(base, head, PERSON_ROLES.has(head) ? 'person' : 'organization', context);
	}
	return { ...base, resolution: 'unresolved' };
}

/**
 * Whether a name no recogniser typed reads as a person's: two to four capitalised words ("Piet
 * Madsen", "Mara K. Lindqvist"), none of them a kind of organisation or a role.
 */
function looksLikePersonName(name: string): boolean {
	const words = name.split(/\s+/);
	return (
		words.length >= 2 &&
		words.length <= 4 &&
		words.every((w) => /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(w) && !ORGANIZATION_ROLES.has(w.toLowerCase()) && !isRoleWord(w)) &&
		!DETERMINERS.has(words[0]!.toLowerCase())
	);
}

function isRoleWord(word: string): boolean {
	const w = word.toLowerCase().replace(/[.,]$/, '');
	return (
		PERSON_ROLES.has(w) ||
		ORGANIZATION_ROLES.has(w) ||
		VAGUE_HEADS.has(w) ||
		/^(?:foreign|interior|defence|defense|prime|state|deputy|senior|chief)$/.test(w)
	);
}

/** Whether every word of a phrase is capitalised or a connector ("Syrian Observatory for Human Rights"). */
function isProperName(name: string): boolean {
	return name.split(/\s+/).every((w) => /^\p{Lu}/u.test(w) || /^(?:of|for|the|and|on|de|al|du|la)$/.test(w));
}

/** The name in a capitalised phrase without a recognised mention: titles and determiners dropped. */
function nameFromWords(words: readonly string[]): string | undefined {
	let start = 0;
	while (start < words.length && (DETERMINERS.has(words[start]!.toLowerCase()) || !/^\p{Lu}/u.test(words[start]!))) {
		start++;
	}
	const name = stripTitles(
		words
			.slice(start)
			.join(' ')
			.replace(/[’']s$/, ''),
	);
	return name.trim() === '' ? undefined : name.trim();
}

function resolvePronoun(
	base: Span & { text: string },
	kind: 'person' | 'organization' | 'group',
	context: ResolutionContext,
	gender: Gender | undefined,
): Speaker {
	if (kind === 'group') {
		return { ...base, type: 'group', resolution: 'unresolved' };
	}
	const paragraph = context.paragraphOf(base.start);
	// A name the article gives the other gender is no referent ("she" is not "Dominic Mangoni").
	const fits = (m: EntityMention): boolean => {
		if (!gender) {
			return true;
		}
		const known = genderOfKey(m.key, context);
		return !known || known === gender;
	};
	const eligible = (m: EntityMention): boolean => m.type === kind && !isQuoted(m, context.quoted) && fits(m);
	// The people named just before: earlier in this line and on the line before.
	const lineStart = context.text.lastIndexOf('\n', base.start - 1) + 1;
	const previousLineStart = lineStart > 1 ? context.text.lastIndexOf('\n', lineStart - 2) + 1 : lineStart;
	const recent = new Map<string, EntityMention>();
	for (const m of context.mentions) {
		if (m.start >= base.start) {
			break;
		}
		if (m.start >= previousLineStart && eligible(m)) {
			recent.set(m.key, m);
		}
	}
	if (recent.size === 1) {
		const m = [...recent.values()][0]!;
		learnGender(m.key, gender, context);
		return fromMention(base, m, kind, 'pronoun', context);
	}
	for (let i = context.speakers.length - 1; i >= 0; i--) {
		const speaker = context.speakers[i]!;
		if (paragraph - speaker.paragraph > PRONOUN_REACH) {
			break;
		}
		if (gender && speakerGender(speaker, context) === (gender === 'female' ? 'male' : 'female')) {
			continue;
		}
		if (speaker.type === kind || (kind === 'person' && speaker.type === 'other' && looksLikePersonName(speaker.canonical))) {
			const via = { start: speaker.start, end: speaker.end };
			return speaker.vague
				? { ...base, type: kind, resolution: 'vague', via }
				: { ...base, canonical: speaker.canonical, type: kind, resolution: 'pronoun', via };
		}
	}
	// No speaker yet: the only compatible name in this paragraph or the one before.
	const candidates = new Map<string, EntityMention>();
	for (const m of context.mentions) {
		if (m.start >= base.start) {
			break;
		}
		if (paragraph - context.paragraphOf(m.start) <= 1 && eligible(m)) {
			candidates.set(m.key, m);
		}
	}
	if (candidates.size === 1) {
		const m = [...candidates.values()][0]!;
		return fromMention(base, m, kind, 'pronoun', context);
	}
	return { ...base, type: kind, resolution: 'unresolved' };
}

/** Whether a span lies inside one of the article's quotations (sorted by start). */
function isQuoted(span: Span, quoted: readonly Span[] | undefined): boolean {
	if (!quoted || quoted.length === 0) {
		return false;
	}
	let lo = 0;
	let hi = quoted.length - 1;
	// The last quotation starting at or before the span.
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (quoted[mid]!.start <= span.start) {
			lo = mid;
		} else {
			hi = mid - 1;
		}
	}
	const q = quoted[lo]!;
	return q.start <= span.start && span.end <= q.end;
}

/** The gender the article gives the person with this mention key, from any of its mentions; cached. */
function genderOfKey(key: string, context: ResolutionContext): Gender | undefined {
	const cache = context.genders;
	const cached = cache?.get(key);
	if (cached !== undefined) {
		return cached ?? undefined;
	}
	let found: Gender | undefined;
	for (const m of mentionsByKey(context.mentions).get(key) ?? []) {
		found = genderAt(context.text, m.start, m.end);
		if (found) {
			break;
		}
	}
	cache?.set(key, found ?? null);
	return found;
}

/** The article's mentions grouped by key, built once per mention list. */
const groupedMentions = new WeakMap<readonly EntityMention[], Map<string, EntityMention[]>>();
function mentionsByKey(mentions: readonly EntityMention[]): Map<string, EntityMention[]> {
	let grouped = groupedMentions.get(mentions);
	if (!grouped) {
		grouped = new Map();
		for (const m of mentions) {
			const list = grouped.get(m.key);
			if (list) {
				list.push(m);
			} else {
				grouped.set(m.key, [m]);
			}
		}
		groupedMentions.set(mentions, grouped);
	}
	return grouped;
}

/** A pronoun that could refer to one person only tells that person's gender, when no cue told it yet. */
function learnGender(key: string, gender: Gender | undefined, context: ResolutionContext): void {
	if (gender && context.genders && !genderOfKey(key, context)) {
		context.genders.set(key, gender);
	}
}

/** The gender of a speaker seen earlier: its name's, or a gendered word in an unnamed description ("a woman"). */
function speakerGender(speaker: NamedSpeaker, context: ResolutionContext): Gender | undefined {
	if (speaker.vague) {
		for (const w of context.text.slice(speaker.start, speaker.end).split(/\s+/)) {
			const g = genderOfWord(w);
			if (g) {
				return g;
			}
		}
		return undefined;
	}
	const mention = context.mentions.find((m) => m.start < speaker.end && speaker.start < m.end && m.type === 'person');
	return mention ? genderOfKey(mention.key, context) : genderAt(context.text, speaker.start, speaker.end);
}

/**
 * "the minister" → the nearest named person before it introduced with that role ("Foreign Minister
 * Mevlut Cavusoglu", "Cavusoglu, the foreign minister,"); "the ministry" → the nearest organisation
 * whose name contains the word ("the Interior Ministry").
 */
function resolveRole(base: Span & { text: string }, role: string, kind: 'person' | 'organization', context: ResolutionContext): Speaker {
	const { text } = context;
	// "the statement said": whoever the article says issued a statement ("Kraft Foods issued a statement"),
	// else the nearest named speaker.
	if (role === 'statement') {
		const issuer = statementIssuer(base, context);
		if (issuer) {
			return { ...base, ...issuer, resolution: 'role' };
		}
		const last = context.speakers.filter((s) => !s.vague).pop();
		return last
			? {
					...base,
					canonical: last.canonical,
					type: last.type === 'person' ? 'person' : 'organization',
					resolution: 'role',
					via: { start: last.start, end: last.end },
				}
			: { ...base, resolution: 'unresolved' };
	}
	const reach = kind === 'person' ? 40 : 25;
	const rolePattern = new RegExp(`(?<![\\p{L}])${role}(?![\\p{L}])`, 'u');
	const hasRole = (span: Span): boolean =>
		rolePattern.test(text.slice(Math.max(0, span.start - reach), Math.min(text.length, span.end + reach)).toLowerCase());
	for (let i = context.mentions.length - 1; i >= 0; i--) {
		const m = context.mentions[i]!;
		if (m.start >= base.start || m.type !== kind) {
			continue;
		}
		if (hasRole(m)) {
			return fromMention(base, m, kind, 'role', context);
		}
	}
	// A named speaker the recogniser did not tag ("Qeshm Governor Heydar Alishvandi said" … "The governor
	// stated"): the role written next to the name still tells who it is.
	// A person's title inside a name the recogniser took for an organisation ("Qeshm Governor Heydar
	// Alishvandi") also counts; the name is what follows the title.
	for (let i = context.speakers.length - 1; i >= 0; i--) {
		const s = context.speakers[i]!;
		if (s.start >= base.start || s.vague) {
			continue;
		}
		const titled =
			kind === 'person' ? new RegExp(`(?<![\\p{L}])${role}\\s+((?:\\p{Lu}[\\p{L}'’.-]*\\s*)+)$`, 'iu').exec(s.canonical) : null;
		if ((s.type === kind || s.type === 'other') && hasRole(s)) {
			return { ...base, canonical: s.canonical, type: kind, resolution: 'role', via: nameWithin(text, s, s.canonical) };
		}
		if (titled && /^\p{Lu}/u.test(titled[1]!)) {
			const name = titled[1]!.trim();
			return { ...base, canonical: name, type: kind, resolution: 'role', via: nameWithin(text, s, name) };
		}
	}
	// "the spokesperson said" with no spokesperson named: the organisation speaking last.
	if (/^spokes/.test(role)) {
		const org = context.speakers.filter((s) => !s.vague && s.type === 'organization').pop();
		if (org) {
			return { ...base, canonical: org.canonical, type: 'organization', resolution: 'role', via: { start: org.start, end: org.end } };
		}
	}
	// "the judge warned" before the article names "Judge Barbara Walther": the one person it names with
	// that title later.
	if (kind === 'person' && /^the\s/i.test(base.text)) {
		const later = new Map<string, EntityMention>();
		for (const m of context.mentions) {
			if (m.start > base.end && m.type === 'person' && hasRole(m)) {
				later.set(m.key, later.get(m.key) ?? m);
			}
		}
		if (later.size === 1) {
			const m = [...later.values()][0]!;
			return fromMention(base, m, kind, 'role', context);
		}
	}
	// "the officer said" with no officer named before: nobody a reader could identify.
	if (kind === 'person' && /^the\s/i.test(base.text)) {
		return { ...base, type: kind, resolution: 'vague' };
	}
	return { ...base, type: kind, resolution: 'unresolved' };
}

/** Possessives that can introduce a quotation ("His exact words:"), with the referent they need. */
const POSSESSIVES: Readonly<Record<string, readonly ['person' | 'organization' | 'group', Gender | undefined]>> = {
	his: ['person', 'male'],
	her: ['person', 'female'],
	its: ['organization', undefined],
	their: ['group', undefined],
};

/** How far back a writing with no author ("the entry", "the letter") looks for whose writing it is. */
const AUTHOR_REACH = 400;

/** "Lind's personal journals", "Jeffs' letters": a possessive name before a kind of writing, the name in group 1. */
const AUTHORED =
	/(\p{Lu}[\p{L}\p{M}.-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}.-]*){0,3})(?:['’]s|['’])[ \t]+(?:[\p{L}-]+[ \t]+){0,3}?(?:journals?|diary|diaries|letters?|notebooks?|memoirs?|notes|e-?mails|writings|papers)\b/gu;

/** The writer of a writing named without one, from a possessive name shortly before it. */
function documentAuthor(span: Span, context: ResolutionContext): { canonical: string; type: 'person'; via: Span } | undefined {
	const last = lastMatchBefore(context.text, span.start, AUTHOR_REACH, AUTHORED);
	if (!last) {
		return undefined;
	}
	const { start, end } = last;
	const mention = context.mentions.find((m) => m.start < end && start < m.end && m.type === 'person');
	if (mention) {
		return {
			canonical: context.canonicalByKey.get(mention.key) ?? mention.name,
			type: 'person',
			via: { start: mention.start, end: mention.end },
		};
	}
	const name = nameFromWords(last.name.split(/[ \t]+/));
	return name ? { canonical: name, type: 'person', via: { start, end } } : undefined;
}

/** How far back "the statement" looks for the one who issued it. */
const ISSUER_REACH = 1500;

/** "Orvik Ferries issued a statement", "The council released a short statement": the issuer in group 1. */
const ISSUED_STATEMENT =
	/((?:\p{Lu}[\p{L}\p{M}'’.&-]*[ \t]+){0,4}\p{Lu}[\p{L}\p{M}'’.&-]*)[ \t]+(?:\p{Ll}+[ \t]+){0,2}?(?:issued|released|put\s+out|published|sent\s+out|posted)\s+(?:a|an|its|his|her|their)\s+(?:[\p{L}-]+\s+){0,2}?statement\b/gu;

/**
 * Whoever the article says issued a statement, nearest first within reach: the recognised person or
 * organisation there, else the capitalised name as written. Undefined when the article says no one did.
 */
function statementIssuer(
	base: Span,
	context: ResolutionContext,
): { canonical: string; type: 'person' | 'organization'; via: Span } | undefined {
	const last = lastMatchBefore(context.text, base.start, ISSUER_REACH, ISSUED_STATEMENT);
	if (!last) {
		return undefined;
	}
	const { start, end } = last;
	const mention = [...context.mentions]
		.reverse()
		.find((m) => m.start < end && start < m.end && (m.type === 'person' || m.type === 'organization'));
	if (mention) {
		return {
			canonical: context.canonicalByKey.get(mention.key) ?? mention.name,
			type: mention.type === 'person' ? 'person' : 'organization',
			via: { start: mention.start, end: mention.end },
		};
	}
	const name = nameFromWords(last.name.split(/\s+/));
	return name ? { canonical: name, type: 'organization', via: { start, end } } : undefined;
}

/**
 * The last match of a global `pattern` within `reach` characters before `at`: where its group 1 (a name
 * at the start of the match) lies in the text, and that name. Linear in `reach`.
 */
function lastMatchBefore(text: string, at: number, reach: number, pattern: RegExp): (Span & { name: string }) | undefined {
	const from = Math.max(0, at - reach);
	const window = text.slice(from, at);
	let last: RegExpExecArray | undefined;
	pattern.lastIndex = 0;
	for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
		last = m;
	}
	if (!last) {
		return undefined;
	}
	const start = from + last.index;
	return { start, end: start + last[1]!.length, name: last[1]! };
}

/** A speaker resolved to a recognised mention: its corpus-wide name, pointing at it. */
function fromMention(
	base: Span & { text: string },
	m: EntityMention,
	kind: 'person' | 'organization',
	resolution: 'pronoun' | 'role',
	context: ResolutionContext,
): Speaker {
	return { ...base, canonical: context.canonicalByKey.get(m.key) ?? m.name, type: kind, resolution, via: { start: m.start, end: m.end } };
}

/** Where `name` is written inside a speaker phrase ("Ana Lind" in "Foreign Minister Ana Lind"); else the whole phrase. */
function nameWithin(text: string, phrase: Span, name: string): Span {
	const at = text.slice(phrase.start, phrase.end).lastIndexOf(name);
	return at >= 0 ? { start: phrase.start + at, end: phrase.start + at + name.length } : { start: phrase.start, end: phrase.end };
}

/**
 * The person named right before an appositive role ("Jerry Strickland, a spokesman for …"): two to four
 * capitalised words ending at a comma, not after a preposition ("In New York, a spokesman said") and not
 * recognised as a place or an organisation.
 */
function nameBeforeRole(span: Span, context: ResolutionContext): { canonical: string; type: 'person' } | undefined {
	const { text } = context;
	const from = Math.max(0, span.start - 80);
	const before = text.slice(from, span.start);
	const m = /(^|[^\p{L}\p{N}'’.-])(\p{Lu}[\p{L}'’.-]+(?:[ \t]+\p{Lu}[\p{L}'’.-]+){1,3}),\s*$/u.exec(before);
	if (!m) {
		return undefined;
	}
	const start = from + m.index + m[1]!.length;
	const end = start + m[2]!.length;
	const LOCATING = /^(?:in|at|from|near|to|on|of|for|by|with|after|before|outside|inside|the|a|an|speaking|meanwhile|however)$/i;
	if (
		LOCATING.test(m[2]!.split(/\s+/)[0]!) ||
		/\b(?:in|at|from|near|to|on|of|for|by|with|after|before|outside|inside)\s+$/i.test(text.slice(Math.max(0, start - 12), start))
	) {
		return undefined;
	}
	const overlapping = context.mentions.filter((x) => x.start < end && start < x.end);
	if (overlapping.some((x) => x.type === 'place' || x.type === 'organization')) {
		return undefined;
	}
	const person = overlapping.find((x) => x.type === 'person');
	return { canonical: person ? (context.canonicalByKey.get(person.key) ?? person.name) : stripTitles(m[2]!), type: 'person' };
}

/** Words that tie a plural to a named body ("members of the council"): not unnamed people then. */
const SPEAKER_PREPOSITIONS_IN_NAMES = new Set(['of', 'for', 'from', 'at']);

/** A key comparing speakers across articles: the last word of the canonical name, folded. */
export function speakerKey(speaker: Speaker | undefined): string | undefined {
	if (!speaker?.canonical) {
		return undefined;
	}
	const key = nameKey(speaker.canonical);
	const parts = key.split(' ');
	return parts[parts.length - 1] || undefined;
}
