/**
 * Normalising names for linking: titles and honorifics are dropped, diacritics folded, case and
 * punctuation ignored, so "President Recep Tayyip Erdoğan", "Erdogan's" and "ERDOGAN" share keys.
 */

/** Titles and roles that may precede a name and are not part of it. Lower case, multi-word allowed. */
const TITLES = [
	'president',
	'vice president',
	'prime minister',
	'deputy prime minister',
	'foreign minister',
	'interior minister',
	'defence minister',
	'defense minister',
	'finance minister',
	'health minister',
	'minister',
	'secretary of state',
	'secretary',
	'chancellor',
	'king',
	'queen',
	'prince',
	'princess',
	'pope',
	'sheikh',
	'emir',
	'sultan',
	'mayor',
	'governor',
	'gov',
	'senator',
	'sen',
	'representative',
	'rep',
	'congressman',
	'congresswoman',
	'mp',
	'judge',
	'district judge',
	'federal judge',
	'circuit judge',
	'district attorney',
	'county attorney',
	'attorney general',
	'justice',
	'chief justice',
	'general',
	'gen',
	'lieutenant',
	'lt',
	'colonel',
	'col',
	'major',
	'maj',
	'captain',
	'capt',
	'sergeant',
	'sgt',
	'admiral',
	'adm',
	'commander',
	'officer',
	'detective',
	'inspector',
	'chief',
	'director',
	'ceo',
	'chief executive',
	'chairman',
	'chairwoman',
	'founder',
	'co-founder',
	'coach',
	'spokesman',
	'spokeswoman',
	'spokesperson',
	'ambassador',
	'envoy',
	'archbishop',
	'bishop',
	'cardinal',
	'father',
	'rev',
	'reverend',
	'dr',
	'doctor',
	'prof',
	'professor',
	'mr',
	'mrs',
	'ms',
	'miss',
	'mx',
	'sir',
	'dame',
	'lord',
	'lady',
	'the',
	'former',
	'late',
	'acting',
	'then',
];
/** A nationality or country adjective before a title ("Turkish Foreign Minister", "U.S. Secretary of State"). */
const NATIONALITY = String.raw`(?:\p{L}+(?:an|ian|ish|ese|ic|i|ch)|U\.?\s?S\.?|U\.?\s?K\.?|EU|UN)`;
const TITLE_PATTERN = new RegExp(
	`^(?:(?:${NATIONALITY}\\s+)?(?:${TITLES.map((t) => t.replace(/\./g, '\\.').replace(/ /g, '\\s+')).join('|')})\\.?\\s+)+`,
	'iu',
);

/** The length of the titles a name begins with ("President Recep Tayyip Erdogan" → 10); 0 when none. */
export function titlePrefixLength(surface: string): number {
	return TITLE_PATTERN.exec(surface)?.[0].length ?? 0;
}

/** Honorifics and qualifiers among the titles: they say nothing of a person's office. */
const NOT_ROLES = new Set(
	'mr mrs ms miss mx sir dame lord lady the former late acting then dr doctor prof professor father rev reverend gov sen rep gen lt col maj capt sgt adm'.split(
		' ',
	),
);
/** The titles that name an office ("foreign minister", "president"), longest first. */
export const ROLE_TITLES: readonly string[] = TITLES.filter((t) => !NOT_ROLES.has(t)).sort((a, b) => b.length - a.length);
const ROLE = ROLE_TITLES.map((t) => t.replace(/ /g, '\\s+')).join('|');
/** A role just before a name, with the nationality before it: "Turkish Foreign Minister " of "… Mevlut Cavusoglu". */
export const ROLE_BEFORE_NAME = new RegExp(`(?:^|[^\\p{L}])(?:(${NATIONALITY})\\s+)?(${ROLE})\\s+$`, 'iu');
/** A role described, not named: "the Turkish Foreign Minister", "the president". */
export const ROLE_DESCRIPTION = new RegExp(`\\b[Tt]he\\s+(?:(${NATIONALITY})\\s+)?(${ROLE})\\b`, 'giu');

/** Folds diacritics and special letters: "Erdoğan" → "Erdogan", "Ibáñez" → "Ibanez", "Øresund" → "Oresund". */
export function foldDiacritics(text: string): string {
	// Plain ASCII, the common case, has nothing to fold.
	if (/^[\x00-\x7f]*$/.test(text)) {
		return text;
	}
	return text
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.replace(/[ıİ]/g, (c) => (c === 'ı' ? 'i' : 'I'))
		.replace(/ø/g, 'o')
		.replace(/Ø/g, 'O')
		.replace(/ß/g, 'ss')
		.replace(/æ/g, 'ae')
		.replace(/Æ/g, 'AE')
		.replace(/ł/g, 'l')
		.replace(/Ł/g, 'L');
}

/**
 * The linking key of a name: no leading titles, no possessive, folded, lower case, dots and hyphens
 * treated as spaces, "Saint" as "St." ("U.S." → "us", "Vasquez-Tollan" → "vasquez tollan", "Saint Petersburg" → "st petersburg"). Returns "" for a name made
 * only of titles.
 */
export function nameKey(surface: string, stripTitles = true): string {
	const cache = stripTitles ? keyCache : rawKeyCache;
	const cached = cache.get(surface);
	if (cached !== undefined) {
		return cached;
	}
	// Names recur across a corpus; a bounded cache saves recomputing their keys.
	if (cache.size > 100_000) {
		cache.clear();
	}
	const key = computeNameKey(surface, stripTitles);
	cache.set(surface, key);
	return key;
}

const keyCache = new Map<string, string>();
const rawKeyCache = new Map<string, string>();

function computeNameKey(surface: string, stripTitles: boolean): string {
	let name = surface
		.trim()
		.replace(/['’]s$/i, '')
		.replace(/['’]$/, '');
	if (stripTitles) {
		const stripped = name.replace(TITLE_PATTERN, '');
		// "The Hague", "President" alone: keep the surface rather than an empty key.
		if (stripped.length > 0 && /\p{L}/u.test(stripped)) {
			name = stripped;
		}
	}
	return foldDiacritics(name)
		.toLowerCase()
		.replace(/\.(?=\p{L})/gu, '')
		.replace(/[.\-‐–—'’`]/g, ' ')
		.replace(/[^\p{L}\p{N} ]/gu, '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/(^| )saint(?= |$)/g, '$1st');
}

/** The name without leading titles, as written ("President Erdogan" → "Erdogan"). */
export function stripTitles(surface: string): string {
	const stripped = surface
		.trim()
		.replace(TITLE_PATTERN, '')
		.replace(/['’]s$/i, '');
	return stripped.length > 0 && /\p{L}/u.test(stripped) ? stripped : surface.trim();
}

/** The initials of a multi-word name, skipping function words: "North Atlantic Treaty Organisation" → "nato". */
export function initials(key: string): string {
	return key
		.split(' ')
		.filter((w) => w.length > 0 && !['of', 'the', 'for', 'and', 'de', 'la', 'du', 'des', 'el', 'al'].includes(w))
		.map((w) => w[0])
		.join('');
}

/**
 * Built-in alias groups: every name in a group is the same entity, the first being the canonical form.
 * Users add their own under `entities.aliases` in crosscheck.yaml.
 */
export const BUILT_IN_ALIASES: readonly (readonly string[])[] = [
	['United States', 'US', 'U.S.', 'USA', 'U.S.A.', 'United States of America', 'the States'],
	['United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain'],
	['European Union', 'EU', 'E.U.'],
	['United Nations', 'UN', 'U.N.'],
	['Islamic State', 'IS', 'ISIS', 'ISIL', 'Daesh', 'Daish', 'Islamic State of Iraq and the Levant', 'Islamic State of Iraq and Syria'],
	['North Atlantic Treaty Organization', 'NATO', 'North Atlantic Treaty Organisation', 'Nato'],
	['Russia', 'Russian Federation'],
	['United Arab Emirates', 'UAE', 'U.A.E.'],
	['Democratic Republic of the Congo', 'DRC', 'DR Congo'],
	['World Health Organization', 'WHO', 'World Health Organisation'],
	['International Monetary Fund', 'IMF'],
	['Federal Bureau of Investigation', 'FBI'],
	['Central Intelligence Agency', 'CIA'],
	['Kurdistan Workers Party', 'PKK', "Kurdistan Workers' Party"],
	['New York', 'NY', 'N.Y.', 'New York City', 'NYC'],
	['Los Angeles', 'LA', 'L.A.'],
	['Washington, D.C.', 'Washington DC', 'D.C.'],
];

/** The type of each built-in alias group's entity, by canonical name: it overrides the recogniser's guess. */
export const BUILT_IN_ALIAS_TYPES: Readonly<Record<string, 'organization' | 'place'>> = {
	'United States': 'place',
	'United Kingdom': 'place',
	'European Union': 'organization',
	'United Nations': 'organization',
	'Islamic State': 'organization',
	'North Atlantic Treaty Organization': 'organization',
	Russia: 'place',
	'United Arab Emirates': 'place',
	'Democratic Republic of the Congo': 'place',
	'World Health Organization': 'organization',
	'International Monetary Fund': 'organization',
	'Federal Bureau of Investigation': 'organization',
	'Central Intelligence Agency': 'organization',
	'Kurdistan Workers Party': 'organization',
	'New York': 'place',
	'Los Angeles': 'place',
	'Washington, D.C.': 'place',
};

/** Maps name keys to canonical display names through alias groups; "St." and "Saint" are one word. */
export class AliasTable {
	private readonly canonical = new Map<string, string>();

	constructor(groups: readonly (readonly string[])[]) {
		for (const group of groups) {
			const [first] = group;
			if (first === undefined) {
				continue;
			}
			for (const name of group) {
				this.canonical.set(aliasKey(name), first);
			}
		}
	}

	/** The canonical name for a surface form, if it belongs to an alias group. */
	lookup(surface: string): string | undefined {
		return this.canonical.get(aliasKey(surface));
	}
}

/** Alias keys keep case for short all-capital forms ("IS" must not match the word "is"). */
function aliasKey(name: string): string {
	const key = nameKey(name, false);
	return /^[A-Z.]{2,6}$/.test(name.trim()) ? `#${key}` : key;
}

/** Whether a surface is a short all-capital form, whose alias lookups are case-sensitive. */
export function isAcronym(surface: string): boolean {
	return /^[A-Z.]{2,6}$/.test(surface.trim());
}
