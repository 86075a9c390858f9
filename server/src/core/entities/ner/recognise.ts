import { GAZETTEER_CATEGORIES, phraseCategories, phraseTokens, type GazetteerCategory, type Gazetteers } from './gazetteers';
import { documentContext, FeatureList, prepareSentence, rememberNames, type NameMemory } from './features';
import { NAME_TYPES, type EntityModel, type NameType } from './model';
import { modelScorer, tagGreedy, tagViterbi } from './tagger';
import { tokenizeForNames, type NerToken } from './tokenize';
import { oneEditApart } from '../../text/edits';

/** A name found in the text. */
export interface NameMention {
	/** UTF-16 offset of the first character of the name. */
	readonly start: number;
	/** UTF-16 offset just after the name. */
	readonly end: number;
	readonly type: NameType;
	/** How sure the tagger is, in [0, 1]: the mean probability of the name's tags. */
	readonly confidence: number;
}

/**
 * Turns BIO tags into spans of tokens: `[first token, end token, type index]` triples. A continuing
 * tag of another type than the name before it starts a new name (the tagger never produces one).
 */
export function tagsToSpans(tags: ArrayLike<number>): [number, number, number][] {
	const spans: [number, number, number][] = [];
	let open = -1;
	let openType = -1;
	for (let i = 0; i <= tags.length; i++) {
		const tag = i < tags.length ? tags[i]! : 0;
		const type = tag === 0 ? -1 : (tag - 1) >> 1;
		const begins = tag % 2 === 1 || (tag !== 0 && type !== openType);
		if (open >= 0 && (tag === 0 || begins)) {
			spans.push([open, i, openType]);
			open = -1;
			openType = -1;
		}
		if (tag !== 0 && open < 0) {
			open = i;
			openType = type;
		}
	}
	return spans;
}

/** Last words that make a multi-word name a place ("Tanner Street", "Velna River") whatever the tagger said. */
const PLACE_HEADS = new Set([
	'Street',
	'St',
	'Road',
	'Rd',
	'Avenue',
	'Ave',
	'Lane',
	'Boulevard',
	'Square',
	'Bridge',
	'River',
	'Lake',
	'Sea',
	'Ocean',
	'Mountain',
	'Mountains',
	'Valley',
	'Dam',
	'District',
	'Province',
	'County',
	'Island',
	'Islands',
	'Bay',
	'Airport',
	'Gulf',
	'Strait',
	'Peninsula',
	'Desert',
	'Canal',
	'Harbour',
	'Harbor',
	'Port',
]);
/** Last words that make a multi-word name an organization ("Velna Hydro Authority", "Civic Alliance"). */
const ORGANIZATION_HEADS = new Set([
	'Ministry',
	'Council',
	'Party',
	'Authority',
	'Agency',
	'Directorate',
	'Commission',
	'University',
	'Hospital',
	'Bank',
	'Corp',
	'Corporation',
	'Inc',
	'Ltd',
	'Group',
	'Association',
	'Union',
	'Court',
	'Police',
	'Army',
	'Navy',
	'Committee',
	'Institute',
	'Foundation',
	'Alliance',
	'Federation',
	'League',
	'Company',
	'Co',
	'Organization',
	'Organisation',
	'Department',
	'Office',
	'Service',
	'Network',
	'Movement',
	'Front',
	'Coalition',
	'Board',
	'Bureau',
	'Watch',
	'Unit',
	'News',
	'Press',
	'Media',
	'Images',
	'Radio',
	'Television',
	'Airlines',
	'Airways',
	'Holdings',
	'Industries',
	// Newspapers and news sites: "The New York Times", "Jerusalem Post", "Middle East Eye".
	'Times',
	'Post',
	'Herald',
	'Tribune',
	'Journal',
	'Gazette',
	'Observer',
	'Telegraph',
	'Chronicle',
	'Monitor',
	'Inquirer',
	'Examiner',
	'Courier',
	'Dispatch',
	'Ledger',
	'Bulletin',
	'Eye',
]);

/** The type a name's last word implies, for names of two words or more; the tagger's type otherwise. */
function headType(last: string, words: number, tagged: NameType): NameType {
	if (words < 2 || tagged === 'other') {
		return tagged;
	}
	if (PLACE_HEADS.has(last)) {
		return 'place';
	}
	if (ORGANIZATION_HEADS.has(last)) {
		return 'organization';
	}
	return tagged;
}

/** Gazetteer categories a team's nickname never has: it is no place word, organization word, nationality or title. */
const NOT_NICKNAME = categoryMask('placeWord', 'orgWord', 'demonym', 'title', 'country', 'capital', 'city', 'region', 'geoArea');

/** Plurals after a place's name that name events or landforms, not teams ("Beijing Olympics", "California Geysers"). */
const NOT_TEAMS = new Set([
	'Olympics',
	'Paralympics',
	'Games',
	'Championships',
	'Finals',
	'Awards',
	'Talks',
	'Elections',
	'Polls',
	'Riots',
	'Protests',
	'Attacks',
	'Bombings',
	'Accords',
	'Agreements',
	'Trials',
	'Geysers',
	'Dunes',
	'Rapids',
	'Keys',
	'Flats',
	'Narrows',
	'Gardens',
	'Woods',
	'Caves',
	'Lakes',
	'Plains',
	'Highlands',
	'Lowlands',
	'Wetlands',
	'Marshes',
	'Cliffs',
	'Rocks',
	'Springs',
	'Falls',
]);

/**
 * Whether a name is a place's name and a capitalised plural after it, the way sports teams are named
 * ("Atlanta Falcons", "New York Jets", "Seattle Seahawks"): an organization, though it starts with a
 * place. Not when the whole is a listed place ("Los Angeles", "Colorado Springs"), the last word says
 * what kind of place it is ("Golan Heights", "Cayman Islands", "California Geysers") or names an event
 * ("Beijing Olympics").
 */
function isTeamName(lower: readonly string[], last: string, gazetteers: Gazetteers): boolean {
	if (lower.length < 2 || !/^\p{Lu}\p{Ll}+[^su]s$/u.test(last) || PLACE_HEADS.has(last) || NOT_TEAMS.has(last)) {
		return false;
	}
	const place = lower.slice(0, -1);
	return (
		(phraseCategories(place, gazetteers) & PLACE_CATEGORIES) !== 0 &&
		(phraseCategories(lower, gazetteers) & PLACE_CATEGORIES) === 0 &&
		(phraseCategories([lower[lower.length - 1]!], gazetteers) & NOT_NICKNAME) === 0
	);
}

/**
 * Compass adjectives that describe part of a place ("southern China") rather than name it. Written in
 * lower case (or in an ALL-CAPS line, where case says nothing) they are left out of a place name;
 * capitalised, they are part of it ("Western Sahara", "Central African Republic").
 */
const COMPASS_ADJECTIVES = new Set([
	'northern',
	'southern',
	'eastern',
	'western',
	'central',
	'northeastern',
	'northwestern',
	'southeastern',
	'southwestern',
	'north-eastern',
	'north-western',
	'south-eastern',
	'south-western',
]);

function isCompassAdjective(word: string): boolean {
	return COMPASS_ADJECTIVES.has(word.toLowerCase()) && (word === word.toLowerCase() || word === word.toUpperCase());
}

/** Quotation marks, brackets and other lone punctuation, which never begin or end a name. */
const EDGE_PUNCTUATION = /^[\p{P}\p{S}]$/u;

/** Whether a token may not stand at either edge of a name: a single punctuation mark or symbol. */
function isEdgePunctuation(text: string): boolean {
	return text.length <= 2 && EDGE_PUNCTUATION.test(text);
}

/** The bit mask of gazetteer categories, as {@link phraseCategories} returns them. */
function categoryMask(...categories: GazetteerCategory[]): number {
	return categories.reduce((mask, category) => mask | (1 << GAZETTEER_CATEGORIES.indexOf(category)), 0);
}

const COUNTRY = categoryMask('country');
const FIRST_NAME = categoryMask('firstName');
const TITLE = categoryMask('title');
/** Gazetteer categories of places: a word in them may be a place as well as a surname ("Jordan", "Washington"). */
const PLACE_CATEGORIES = categoryMask('country', 'capital', 'city', 'region', 'geoArea');
/** Gazetteer categories of places and of the adjectives of nations. */
const PLACE_OR_DEMONYM = PLACE_CATEGORIES | categoryMask('demonym');
/** Gazetteer categories of names and words that are not people's. */
const NOT_PERSON_CATEGORIES = PLACE_CATEGORIES | categoryMask('organization', 'orgWord', 'placeWord');

/** Generational suffixes after a name, as the tokenizer keeps them (lower case). */
const GENERATIONAL_SUFFIXES = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv']);

/** The words of the titles gazetteer ("prime", "minister", "president", "mr."), per set of gazetteers. */
const titleWordSets = new WeakMap<Gazetteers, Set<string>>();

function titleWords(gazetteers: Gazetteers, titles: readonly string[]): Set<string> {
	let set = titleWordSets.get(gazetteers);
	if (!set) {
		set = new Set(titles.flatMap((title) => phraseTokens(title)));
		titleWordSets.set(gazetteers, set);
	}
	return set;
}

/** The mean probability of the tags of tokens `first` to `last` (exclusive), within [0, 1]. */
function meanProbability(probabilities: ArrayLike<number>, first: number, last: number): number {
	let sum = 0;
	for (let k = first; k < last; k++) {
		sum += probabilities[k]!;
	}
	return Math.min(1, Math.max(0, sum / (last - first)));
}

/**
 * Recognises the names of people, organizations, places and other names (nationalities, events,
 * works) in the given sentences of `text`, which are the spans to read (for example the sentences of
 * `analyseStructure`). The sentences together are one document: how a word is written elsewhere in
 * them helps with headlines, ALL-CAPS lines and sentence starts. Returns mentions in text order with
 * UTF-16 offsets into `text`. Linear in the length of the sentences; never throws on any text.
 */
export function recogniseNames(text: string, sentences: readonly { start: number; end: number }[], model: EntityModel): NameMention[] {
	const tokenLists: NerToken[][] = [];
	for (const sentence of sentences) {
		const start = Math.max(0, Math.min(text.length, sentence.start | 0));
		const end = Math.max(start, Math.min(text.length, sentence.end | 0));
		tokenLists.push(tokenizeForNames(text, start, end));
	}
	const words = tokenLists.map((tokens) => tokens.map((t) => t.text));
	const { modes, evidence, cache } = documentContext(words, model.gazetteers);
	const score = modelScorer(model.weights);
	const mentions: NameMention[] = [];
	// Sentence by sentence, reusing one feature buffer, so memory stays bounded by the longest sentence.
	const buffer = new FeatureList(1024);
	const memory: NameMemory = new Map();
	const titles = titleWords(model.gazetteers, model.lists.title);
	const cued = new Set<NameMention>();
	words.forEach((sentenceWords, s) => {
		const tokens = tokenLists[s]!;
		buffer.length = 0;
		const sentence = prepareSentence(sentenceWords, modes[s]!, evidence, model.gazetteers, cache, buffer, memory);
		const { tags, probabilities } =
			model.decoder === 'viterbi' ? tagViterbi(sentence, score, model.temperature) : tagGreedy(sentence, score, model.temperature);
		rememberNames(memory, sentenceWords, tags);
		for (let [first, last, type] of tagsToSpans(tags)) {
			// A name never includes the quotation marks or brackets around it.
			while (first < last && isEdgePunctuation(tokens[first]!.text)) {
				first++;
			}
			while (last > first && isEdgePunctuation(tokens[last - 1]!.text)) {
				last--;
			}
			if (NAME_TYPES[type] === 'place' && last - first > 1 && isCompassAdjective(tokens[first]!.text)) {
				first++;
			}
			if (first === last) {
				continue;
			}
			// "Turkey and Fethullah Gulen": a country joined by "and" to another name is a name of its own.
			// Not when the whole is a listed name ("Bosnia and Herzegovina", "Trinidad and Tobago").
			const whole = tokens.slice(first, last).map((t) => t.text.toLowerCase());
			const splittable = last - first > 2 && phraseCategories(whole, model.gazetteers) === 0;
			for (let k = first + 1; splittable && k + 1 < last; k++) {
				if (tokens[k]!.text === 'and') {
					const left = tokens.slice(first, k).map((t) => t.text.toLowerCase());
					if (NAME_TYPES[type] !== 'place' && (phraseCategories(left, model.gazetteers) & COUNTRY) !== 0) {
						mentions.push({
							start: tokens[first]!.start,
							end: tokens[k - 1]!.end,
							type: 'place',
							confidence: meanProbability(probabilities, first, k),
						});
						first = k + 1;
					}
					break;
				}
			}
			const lower = tokens.slice(first, last).map((t) => t.text.toLowerCase());
			let tagged = NAME_TYPES[type]!;
			// A title alone ("Prime" of "Prime Minister", "President" of "the President said", "CEO") names no one.
			// Typed other than a person, only a whole title is dropped ("State" of "Secretary of State" may be a name).
			if (lower.every((w) => titles.has(w)) && (tagged === 'person' || (phraseCategories(lower, model.gazetteers) & TITLE) !== 0)) {
				continue;
			}
			// "IT'S US OR HIM": a pronoun in capitals names no one ("US" is the country unless a pronoun's context says otherwise).
			if (last - first === 1 && isCapitalPronoun(tokens, first)) {
				continue;
			}
			// "W. Mark Felt, Sr.": a generational suffix set off by a comma names no one by itself.
			if (lower.every((w) => GENERATIONAL_SUFFIXES.has(w))) {
				continue;
			}
			// "CEO Steve Jobs": titles, then a given name and more, are a person's name.
			if (tagged !== 'person') {
				let k = 0;
				while (k < lower.length && titles.has(lower[k]!)) {
					k++;
				}
				if (k > 0 && k + 1 < lower.length && (phraseCategories([lower[k]!], model.gazetteers) & FIRST_NAME) !== 0) {
					tagged = 'person';
				}
			}
			// A country's name is a place, also where it acts ("Turkey said"), as most annotation schemes have it.
			if (tagged === 'organization' && (phraseCategories(lower, model.gazetteers) & COUNTRY) !== 0) {
				tagged = 'place';
			}
			// "her Muslim faith", "Sunni militants", "a Catholic priest": a religion, like a nationality, is another name.
			if (lower.length === 1 && RELIGIONS.has(lower[0]!)) {
				tagged = 'other';
			}
			const headed = headType(tokens[last - 1]!.text, last - first, tagged);
			const mention: NameMention = {
				start: tokens[first]!.start,
				end: tokens[last - 1]!.end,
				type: headed === 'place' && isTeamName(lower, tokens[last - 1]!.text, model.gazetteers) ? 'organization' : headed,
				confidence: meanProbability(probabilities, first, last),
			};
			// "Fethullah Gulen, who …": a name followed by ", who" or ", whose" is a person's, unless it has an
			// article ("the New York Mets, who"), an organization's last word ("Curtis Management Group, who")
			// or a word of a listed place or organization.
			if (
				mention.type !== 'person' &&
				tokens[last]?.text === ',' &&
				PERSON_RELATIVES.has(tokens[last + 1]?.text ?? '') &&
				tokens[first - 1]?.text.toLowerCase() !== 'the' &&
				mention.type === tagged &&
				lower.every((w) => (phraseCategories([w], model.gazetteers) & NOT_PERSON_CATEGORIES) === 0)
			) {
				const person: NameMention = { ...mention, type: 'person' };
				cued.add(person);
				mentions.push(person);
			} else if (
				mention.type !== 'organization' &&
				PUBLICATIONS.has(tokens[last]?.text ?? '') &&
				!/^an?$/i.test(tokens[first - 1]?.text ?? '') &&
				(phraseCategories(lower, model.gazetteers) & PLACE_OR_DEMONYM) === 0 &&
				lower.every((w) => (phraseCategories([w], model.gazetteers) & PLACE_OR_DEMONYM) === 0)
			) {
				// "Vanity Fair magazine", "the Hurriyet daily": a publication is an organization ("a Polish
				// newspaper", "a Maryland newspaper" say where one is from).
				const publication: NameMention = { ...mention, type: 'organization' };
				cued.add(publication);
				mentions.push(publication);
			} else {
				mentions.push(mention);
			}
		}
	});
	mentions.sort((a, b) => a.start - b.start || a.end - b.end);
	return surnamesOfPersons(text, oneTypePerName(text, mentions, cued), model.gazetteers);
}

/** Religions and their branches, as adjectives and for their followers ("Muslim", "Sunnis"). */
const RELIGIONS = new Set(
	(
		'muslim muslims islamic christian christians catholic catholics protestant protestants evangelical evangelicals ' +
		'orthodox jewish jew jews hindu hindus buddhist buddhists sikh sikhs mormon mormons baptist baptists methodist ' +
		'methodists lutheran lutherans anglican anglicans presbyterian presbyterians pentecostal amish quaker quakers ' +
		"sunni sunnis shiite shiites shi'ite shi'ites shia shias alawite alawites druze coptic copts salafi salafist salafists wahhabi"
	).split(' '),
);

/** Pronouns that an ALL-CAPS line writes like names. */
const CAPITAL_PRONOUNS = new Set([
	'HIM',
	'HER',
	'THEM',
	'ME',
	'YOU',
	'WE',
	'THEY',
	'SHE',
	'HE',
	'IT',
	'OUR',
	'HIS',
	'ITS',
	'THEIR',
	'MY',
	'YOUR',
]);
/** Words before "US" that make it the pronoun: "LET US", "JOIN US" (and "IT'S US", read apart). */
const BEFORE_US_PRONOUN = new Set(['LET', 'JOIN', 'FOLLOW', 'CONTACT', 'TELL', 'HELP', 'GIVE', 'SHOW']);

/** Whether the token at `i` is a pronoun in an ALL-CAPS stretch: "HIM", or "US" where the words around it make it "us". */
function isCapitalPronoun(tokens: readonly NerToken[], i: number): boolean {
	const word = tokens[i]!.text;
	// Only among words in capitals: "the IT department" keeps its "IT".
	const shouting = (t: NerToken | undefined) => t !== undefined && /^\p{Lu}{2,}$/u.test(t.text);
	if (!shouting(tokens[i - 1]) && !shouting(tokens[i + 1])) {
		return false;
	}
	if (CAPITAL_PRONOUNS.has(word)) {
		return true;
	}
	if (word !== 'US') {
		return false;
	}
	const before = tokens[i - 1]?.text ?? '';
	const after = tokens[i + 1]?.text ?? '';
	return (
		(/^['’]S$/.test(before) && tokens[i - 2]?.text === 'IT') ||
		BEFORE_US_PRONOUN.has(before) ||
		((after === 'OR' || after === 'AND') && CAPITAL_PRONOUNS.has(tokens[i + 2]?.text ?? ''))
	);
}

/** Lower-case nouns that, right after a name, say it names a publication. */
const PUBLICATIONS = new Set(['magazine', 'newspaper', 'daily', 'weekly', 'tabloid', 'broadsheet', 'newsweekly']);

/** Relative pronouns that refer to people only. */
const PERSON_RELATIVES = new Set(['who', 'whose']);

/** How much a mention whose context says what it is (see {@link oneTypePerName}) weighs in its name's vote. */
const CUE_WEIGHT = 2;

/** Below this confidence, a one-word name one letter from a person's surname is taken for a misspelling of it. */
const MISSPELT_BELOW = 0.8;
/** The shortest surname a misspelling is looked for (short names are one letter from too many others). */
const MISSPELT_MIN_LENGTH = 5;

/**
 * A one-word name that is the last word of a longer person's name in the same document ("Gulen" after
 * "Fethullah Gulen") is that person, whatever the tagger typed it, unless the word is also a listed
 * place ("Jordan" after "Michael Jordan" may still be the country). So is a one-word name the tagger is
 * unsure of that is one letter from such a surname and starts with the same letter ("Gulden"): a
 * misspelling, which the name-variant rule then reports. Linear in the number of mentions times the
 * number of surnames in the document (a handful).
 */
export function surnamesOfPersons(text: string, mentions: readonly NameMention[], gazetteers: Gazetteers): NameMention[] {
	const surnames = new Set<string>();
	for (const m of mentions) {
		const surface = text.slice(m.start, m.end);
		const space = surface.lastIndexOf(' ');
		if (m.type === 'person' && space > 0) {
			surnames.add(surface.slice(space + 1));
		}
	}
	if (surnames.size === 0) {
		return [...mentions];
	}
	const misspelt = (word: string): boolean => {
		if (word.length < MISSPELT_MIN_LENGTH || word.includes(' ')) {
			return false;
		}
		for (const surname of surnames) {
			if (surname.length >= MISSPELT_MIN_LENGTH && surname[0] === word[0] && oneEditApart(surname, word)) {
				return true;
			}
		}
		return false;
	};
	return mentions.map((m) => {
		const surface = text.slice(m.start, m.end);
		if (m.type === 'person' || !(surnames.has(surface) || (m.confidence < MISSPELT_BELOW && misspelt(surface)))) {
			return m;
		}
		return (phraseCategories([surface.toLowerCase()], gazetteers) & PLACE_CATEGORIES) !== 0 ? m : { ...m, type: 'person' };
	});
}

/**
 * One name, one type in a document: every mention written exactly the same way takes the type that its
 * mentions together are surest of (the sum of their confidences per type; a mention keeps its own type
 * on a tie), as a name seldom changes kind within one article. A mention in `cued` was typed by its
 * context (", who" or "magazine" after it) and weighs {@link CUE_WEIGHT} more. Linear in the number of mentions.
 */
export function oneTypePerName(text: string, mentions: readonly NameMention[], cued: ReadonlySet<NameMention> = new Set()): NameMention[] {
	const votes = new Map<string, Map<NameType, number>>();
	const keys = mentions.map((m) => text.slice(m.start, m.end));
	mentions.forEach((m, k) => {
		const key = keys[k]!;
		let byType = votes.get(key);
		if (!byType) {
			byType = new Map();
			votes.set(key, byType);
		}
		byType.set(m.type, (byType.get(m.type) ?? 0) + m.confidence + (cued.has(m) ? CUE_WEIGHT : 0));
	});
	return mentions.map((m, k) => {
		const byType = votes.get(keys[k]!)!;
		let best = m.type;
		let bestVote = byType.get(m.type)!;
		for (const [type, vote] of byType) {
			if (vote > bestVote) {
				best = type;
				bestVote = vote;
			}
		}
		return best === m.type ? m : { ...m, type: best };
	});
}
