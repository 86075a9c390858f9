import { wordScanner, type WordScanner } from '../text/wordScan';
import type { Span } from '../types';
import {
	BETWEEN_SPEAKER_AND_CUE,
	CUE_WORDS,
	CLAUSE_BOUNDARIES,
	DETERMINERS,
	INVERTIBLE_CUES,
	isUnnamedPeople,
	NAME_ABBREVIATIONS,
	ORGANIZATION_ROLES,
	PARTICIPLE_CUES,
	PASSIVE_AUXILIARIES,
	PERSON_ROLES,
	PRONOUNS,
	SPEAKER_PREPOSITIONS,
	VAGUE_HEADS,
} from './lexicon';

/** A speaker phrase with the cue that attributes words to it: "Cavusoglu" + "told". */
export interface Source {
	readonly speaker: Span;
	readonly cue: Span;
	/** The cue comes first: `"…," said Cavusoglu`, `according to the ministry`. */
	readonly inverted: boolean;
	/** The index of the line it is on. */
	readonly line: number;
	/**
	 * The cue sits in a phrase modifying a noun ("the man described by the magazine as …"), so it
	 * attributes that phrase only, not the sentence around it.
	 */
	readonly embedded?: boolean;
}

/** A token of a line: a word, a punctuation mark, or a quotation standing in for its whole span. */
interface Token extends Span {
	readonly kind: 'word' | 'punct' | 'quote';
	readonly lower: string;
}

/** A word (group 1) or a punctuation mark. */
const TOKEN = /([\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|['’\-.&](?=[\p{L}\p{N}]))*)|[^\s\p{L}\p{N}]/gu;

/** Tokenises `text[start, end)`, replacing each quotation in `quotes` (sorted) by one `quote` token. */
function tokenizeLine(text: string, start: number, end: number, quotes: readonly Span[]): Token[] {
	const tokens: Token[] = [];
	let q = 0;
	let pos = start;
	while (pos < end) {
		while (q < quotes.length && quotes[q]!.end <= pos) {
			q++;
		}
		const nextQuote = q < quotes.length ? quotes[q]! : undefined;
		if (nextQuote && nextQuote.start <= pos) {
			tokens.push({ start: nextQuote.start, end: Math.min(nextQuote.end, end), kind: 'quote', lower: '' });
			pos = nextQuote.end;
			continue;
		}
		const stop = nextQuote ? Math.min(nextQuote.start, end) : end;
		TOKEN.lastIndex = 0;
		const slice = text.slice(pos, stop);
		for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
			const s = pos + m.index;
			const word = m[1] !== undefined;
			tokens.push({ start: s, end: s + m[0].length, kind: word ? 'word' : 'punct', lower: word ? m[0].toLowerCase() : m[0] });
		}
		pos = stop;
	}
	return tokens;
}

/**
 * The cue words, as a set, with the user's extra cues, and a pattern finding any of them inside a word
 * (a quick test that a line may hold a cue at all). Cached per list.
 */
let cueCache: { base: readonly string[]; extra: readonly string[]; set: Set<string>; any: WordScanner } | undefined;
function cueSet(base: readonly string[], extra: readonly string[]): { set: Set<string>; any: WordScanner } {
	if (cueCache?.extra !== extra || cueCache.base !== base) {
		const set = new Set([...base, ...extra.map((c) => c.trim().toLowerCase()).filter((c) => c !== '' && !/\s/.test(c))]);
		cueCache = { base, extra, set, any: wordScanner(set) };
	}
	return cueCache;
}

function isCapitalised(text: string, token: Token): boolean {
	return token.kind === 'word' && /^\p{Lu}/u.test(text.slice(token.start, token.end));
}

/** Whether a full stop after this word belongs to it ("Mr.", initials) rather than ending a sentence. */
function keepsStop(text: string, token: Token | undefined): boolean {
	return !!token && token.kind === 'word' && (NAME_ABBREVIATIONS.has(token.lower) || /^\p{Lu}$/u.test(text.slice(token.start, token.end)));
}

/**
 * Finds every speaker + cue pair on a line, reading around the quotations (which stand in as single
 * tokens): `Cavusoglu said`, `he also told NTV`, `"…," said the minister`, `according to the AFP`.
 * A phrase that cannot be a speaker ("the figures", a passive "it is said") gives no pair.
 */
export function findSources(
	text: string,
	line: Span,
	lineIndex: number,
	quotes: readonly Span[],
	cues: readonly string[],
	extraCues: readonly string[],
): Source[] {
	const { set, any } = cueSet(cues, extraCues);
	// Most lines have no cue: skip them before tokenising.
	if (!any(text, line.start, line.end)) {
		return [];
	}
	const tokens = tokenizeLine(text, line.start, line.end, quotes);
	const sources: Source[] = [];
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		if (token.kind !== 'word' || !set.has(token.lower)) {
			continue;
		}
		if (token.lower === 'according') {
			if (tokens[i + 1]?.lower !== 'to') {
				continue;
			}
			const speaker = speakerAfter(text, tokens, i + 2);
			if (speaker) {
				sources.push({ speaker, cue: { start: token.start, end: tokens[i + 1]!.end }, inverted: true, line: lineIndex });
			}
			continue;
		}
		// "said to be", "says so" and "say" as a noun are not cues.
		const next = tokens[i + 1];
		// "troops responded to a mortar attack": an act, unless words follow in quotes or after a colon.
		if (/^respond/.test(token.lower) && next?.lower === 'to' && !tokens.slice(i + 2).some((t) => t.kind === 'quote' || t.lower === ':')) {
			continue;
		}
		if (next?.lower === 'to' && infinitive(text, tokens[i + 2])) {
			continue;
		}
		// "…, adding that", "…, noting": these participles speak only for the subject of their sentence.
		// "The Post is reporting that": a progressive reads like any cue.
		const progressive = /^(?:is|are|was|were)$/.test(tokens[i - 1]?.lower ?? '');
		if (PARTICIPLE_CUES.has(token.lower) && token.lower !== 'saying' && !progressive) {
			const subject = tokens[i - 1]?.lower === ',' ? sentenceSubject(text, tokens, i - 1, sources, set) : undefined;
			if (subject) {
				sources.push({ speaker: subject, cue: token, inverted: false, line: lineIndex });
			}
			continue;
		}
		// "Erdogan has issued an ultimatum to the US, saying …": the sentence's subject says it, not the
		// name just before the comma.
		if (token.lower === 'saying' && !progressive && tokens[i - 1]?.lower === ',') {
			const subject = sentenceSubject(text, tokens, i - 1, sources, set);
			if (subject) {
				sources.push({ speaker: subject, cue: token, inverted: false, line: lineIndex });
				continue;
			}
		}
		// "the man described as armed", "a town called Orvik": a participle naming, not a speaker's words.
		if (NAMING_CUES.has(token.lower) && !namesWithPredicate(tokens, i)) {
			continue;
		}
		// "quoted the minister as saying": the one quoted is the speaker, not the one quoting.
		if (token.lower === 'saying' && tokens[i - 1]?.lower === 'as') {
			const quoted = quotedAsSaying(text, tokens, i - 1);
			if (quoted) {
				sources.push({ speaker: quoted, cue: token, inverted: false, line: lineIndex });
				continue;
			}
		}
		// "described by the magazine as", "was confirmed by the ministry": the agent of a passive cue.
		if (next?.lower === 'by') {
			const agent = speakerAfter(text, tokens, i + 2);
			if (agent) {
				let aux = i - 1;
				while (aux >= 0 && BETWEEN_SPEAKER_AND_CUE.has(tokens[aux]!.lower)) {
					aux--;
				}
				const embedded = !PASSIVE_AUXILIARIES.has(tokens[aux]?.lower ?? '');
				sources.push({ speaker: agent, cue: token, inverted: true, line: lineIndex, ...(embedded ? { embedded } : {}) });
				continue;
			}
		}
		const before = speakerBefore(text, tokens, i);
		if (before === 'passive') {
			continue;
		}
		// "Erdogan's claims": a possessive before a cue that is also a noun owns the noun.
		if (before && NOUN_CUES.has(token.lower) && /['’]s$/.test(text.slice(before.start, before.end))) {
			continue;
		}
		if (before) {
			sources.push({ speaker: before, cue: token, inverted: false, line: lineIndex });
			continue;
		}
		// "The alliance issued a statement on Friday, saying: …": a participle after a comma speaks for the
		// subject of its sentence, unless a speaker earlier in the sentence already owns it.
		if (PARTICIPLE_CUES.has(token.lower) && tokens[i - 1]?.lower === ',') {
			const subject = sentenceSubject(text, tokens, i - 1, sources, set);
			if (subject) {
				sources.push({ speaker: subject, cue: token, inverted: false, line: lineIndex });
				continue;
			}
		}
		const previous = tokens[i - 1];
		if (INVERTIBLE_CUES.has(token.lower) && (!previous || previous.kind === 'quote' || /^[,—–:-]$/.test(previous.lower))) {
			const speaker = speakerAfter(text, tokens, i + 1);
			if (speaker) {
				sources.push({ speaker, cue: token, inverted: true, line: lineIndex });
			}
		}
	}
	return sources;
}

/** Whether the word after "to" is a verb ("asked to remain", "said to be"), not a listener ("to reporters"). */
function infinitive(text: string, token: Token | undefined): boolean {
	return (
		!!token &&
		token.kind === 'word' &&
		!isCapitalised(text, token) &&
		!DETERMINERS.has(token.lower) &&
		PRONOUNS[token.lower] === undefined &&
		!/^(?:reporters|journalists|media|press|parliament|lawmakers|supporters|me|him|us|them)$/.test(token.lower)
	);
}

/** The speaker phrase right before the cue at `cueIndex`, `'passive'` for "it is said", or undefined. */
function speakerBefore(text: string, tokens: readonly Token[], cueIndex: number): Span | 'passive' | undefined {
	let j = cueIndex - 1;
	while (j >= 0 && tokens[j]!.kind === 'word' && BETWEEN_SPEAKER_AND_CUE.has(tokens[j]!.lower)) {
		// "on" only in "on Thursday"; "this"/"last" only before a time word.
		j--;
	}
	if (j < 0) {
		return undefined;
	}
	if (tokens[j]!.kind === 'word' && PASSIVE_AUXILIARIES.has(tokens[j]!.lower)) {
		// "The Post is reporting that": a progressive, not a passive; its subject speaks.
		if (!/ing$/.test(tokens[cueIndex]!.lower) || !/^(?:is|are|was|were)$/.test(tokens[j]!.lower)) {
			return 'passive';
		}
		j--;
		while (j >= 0 && tokens[j]!.kind === 'word' && BETWEEN_SPEAKER_AND_CUE.has(tokens[j]!.lower)) {
			j--;
		}
		if (j < 0) {
			return undefined;
		}
	}
	// "the county attorney in Mohave County, Az. said": a short capitalised abbreviation closing a place
	// after a comma belongs to the appositive; a lower-case cue shows the stop ends no sentence.
	if (
		tokens[j]!.lower === '.' &&
		tokens[j - 2]?.lower === ',' &&
		isCapitalised(text, tokens[j - 1]!) &&
		tokens[j - 1]!.end - tokens[j - 1]!.start <= 5 &&
		/^\p{Ll}/u.test(text.slice(tokens[cueIndex]!.start, tokens[cueIndex]!.end))
	) {
		j -= 2;
	}
	if (tokens[j]!.lower === ',') {
		return appositiveSpeaker(text, tokens, j);
	}
	// "At one point he mumbled": a pronoun right before the cue is the whole speaker.
	if (tokens[j]!.kind === 'word' && PRONOUNS[tokens[j]!.lower] !== undefined) {
		return { start: tokens[j]!.start, end: tokens[j]!.end };
	}
	// Up to nine words back; the stops of initials and titles ("U. S. District Judge Jack B. Weinstein")
	// do not count.
	let k = j;
	let wordsSeen = 0;
	while (k >= 0 && wordsSeen < 9) {
		const t = tokens[k]!;
		if (t.kind === 'quote') {
			break;
		}
		if (t.kind === 'punct') {
			// "Mr. Lind"; "SI. com", a web address as tokenised text spaces it.
			if (t.lower === '.' && (keepsStop(text, tokens[k - 1]) || (k + 1 <= j && /^(?:com|org|net)$/.test(tokens[k + 1]!.lower)))) {
				k--;
				continue;
			}
			break;
		}
		if (CLAUSE_BOUNDARIES.has(t.lower) && !SPEAKER_PREPOSITIONS.has(t.lower)) {
			break;
		}
		wordsSeen++;
		k--;
	}
	let first = k + 1;
	if (first > j) {
		return undefined;
	}
	// A leading determiner run after a preposition was cut above; a leading "of"/"for" means the phrase
	// started earlier than we can see ("head of the agency" is fine, "for the agency" alone is not).
	if (SPEAKER_PREPOSITIONS.has(tokens[first]!.lower)) {
		return undefined;
	}
	while (first <= j && tokens[first]!.kind === 'punct') {
		first++;
	}
	if (first > j) {
		return undefined;
	}
	// "An office worker in Dubai said", "one woman in Qeshm told AFP": the place belongs to an unnamed
	// person before it, who is the speaker.
	const unnamed = unnamedBeforePlace(text, tokens, k, first, j);
	if (unnamed !== undefined) {
		return { start: tokens[unnamed]!.start, end: tokens[j]!.end };
	}
	const written = writtenSource(text, tokens, k, first, j);
	if (written) {
		return written;
	}
	return plausibleSpeaker(text, tokens, first, j) ? { start: tokens[first]!.start, end: tokens[j]!.end } : undefined;
}

/**
 * A written source before a cue: its author when the article names one ("Jeffs' personal journals
 * said", "the mayor's letter says" → "Jeffs", "the mayor"), else the writing itself, with the place it
 * hangs in ("A sign at his headquarters warned"). `[first, last]` is the phrase read back from the cue
 * and `boundary` the token that stopped the reading.
 */
function writtenSource(text: string, tokens: readonly Token[], boundary: number, first: number, last: number): Span | undefined {
	const documentAt = (from: number, to: number): number => {
		for (let t = from; t <= to; t++) {
			if (DOCUMENT_HEADS.has(tokens[t]!.lower)) {
				return t;
			}
		}
		return -1;
	};
	let start = first;
	let doc = documentAt(first, last);
	// "A sign at his headquarters": read on past the place to the writing.
	if (doc < 0 && boundary >= 1 && LOCATIVES.has(tokens[boundary]!.lower) && DOCUMENT_HEADS.has(tokens[boundary - 1]!.lower)) {
		doc = boundary - 1;
		start = doc;
		while (start > 0 && tokens[start - 1]!.kind === 'word' && !CLAUSE_BOUNDARIES.has(tokens[start - 1]!.lower) && doc - start < 4) {
			start--;
		}
	}
	if (doc < 0) {
		return undefined;
	}
	// The author: a possessive inside the phrase ("the mayor's letter"), or a name with a bare apostrophe
	// before it ("Jeffs' journals").
	for (let t = doc - 1; t >= start; t--) {
		if (tokens[t]!.kind === 'word' && /['’]s$/.test(tokens[t]!.lower)) {
			let from = t;
			while (from > start && tokens[from - 1]!.kind === 'word' && !OBJECTS.has(tokens[from - 1]!.lower)) {
				from--;
			}
			return { start: tokens[from]!.start, end: tokens[t]!.end };
		}
	}
	const mark = tokens[start - 1];
	if (mark && (mark.lower === "'" || mark.lower === '’') && start >= 2 && isCapitalised(text, tokens[start - 2]!)) {
		let from = start - 2;
		while (from > 0 && isCapitalised(text, tokens[from - 1]!)) {
			from--;
		}
		return { start: tokens[from]!.start, end: tokens[start - 2]!.end };
	}
	return { start: tokens[start]!.start, end: tokens[last]!.end };
}

/** The built-in cue words, as a set. */
const CUES: ReadonlySet<string> = new Set(CUE_WORDS);

/** Writings that can be quoted as saying something: "the letter said", "a sign warned". */
export const DOCUMENT_HEADS = new Set([
	'journal',
	'journals',
	'diary',
	'diaries',
	'letter',
	'letters',
	'memo',
	'memos',
	'note',
	'notes',
	'notebook',
	'email',
	'emails',
	'e-mail',
	'message',
	'messages',
	'entry',
	'entries',
	'excerpt',
	'excerpts',
	'sign',
	'signs',
	'banner',
	'placard',
	'poster',
	'notice',
	'memoir',
	'memoirs',
	'manifesto',
	'transcript',
]);

/** Cues that are also nouns ("the claims"). */
const NOUN_CUES = new Set(['claim', 'claims']);

/** Cues that also name or characterise: "called him a liar", "described the plan as reckless". */
const NAMING_CUES = new Set(['called', 'described']);

/** Object words after "called"/"described" that a characterisation can follow. */
const OBJECTS = new Set(['him', 'her', 'it', 'them', 'this', 'that', 'the', 'his', 'its', 'their', 'these', 'those', 'a', 'an']);

/**
 * Whether a naming cue at `i` characterises an object ("called him a traditional boss", "called it
 * "a disgrace"", "described the plan as reckless") rather than naming ("a town called Orvik", "the
 * man described as dangerous") or doing something else ("called the police", "called for calm").
 */
function namesWithPredicate(tokens: readonly Token[], i: number): boolean {
	const next = tokens[i + 1];
	if (next?.lower === 'by') {
		return true;
	}
	if (!next || next.kind !== 'word' || !OBJECTS.has(next.lower)) {
		return false;
	}
	for (let k = i + 2; k < tokens.length && k <= i + 6; k++) {
		const t = tokens[k]!;
		if (t.kind === 'quote') {
			return true;
		}
		if (t.kind === 'punct') {
			return false;
		}
		if (tokens[i]!.lower === 'described' ? t.lower === 'as' : t.lower === 'a' || t.lower === 'an') {
			return true;
		}
	}
	return false;
}

/** In "X quoted Y as saying", Y: the words between "quoted" (or "cited") and "as" at `as`. */
function quotedAsSaying(text: string, tokens: readonly Token[], as: number): Span | undefined {
	for (let k = as - 1; k >= 0 && as - k <= 10; k--) {
		const t = tokens[k]!;
		if (t.kind === 'quote' || (t.kind === 'punct' && !(t.lower === '.' && keepsStop(text, tokens[k - 1])))) {
			return undefined;
		}
		if (t.lower === 'quoted' || t.lower === 'cited') {
			return k + 1 < as && plausibleSpeaker(text, tokens, k + 1, as - 1)
				? { start: tokens[k + 1]!.start, end: tokens[as - 1]!.end }
				: undefined;
		}
	}
	return undefined;
}

/** Words that end a sentence's subject: auxiliaries and common verbs of issuing and saying. */
const AFTER_SUBJECT = new Set([
	'has',
	'have',
	'had',
	'is',
	'was',
	'were',
	'are',
	'will',
	'would',
	'could',
	'should',
	'can',
	'may',
	'might',
	'must',
	'did',
	'does',
	'do',
	'gave',
	'made',
	'put',
	'sent',
	'took',
	'held',
	'wrote',
	'spoke',
	'went',
	'came',
	'met',
	'told',
	'said',
	'says',
	'hit',
	'struck',
	'also',
]);

/**
 * The subject of the sentence around token `comma`: its opening noun phrase (after an opening
 * adverbial like "On Friday,"), up to the first auxiliary or past-tense verb; undefined when a source
 * already found in the sentence speaks, or when the phrase cannot be a speaker.
 */
function sentenceSubject(
	text: string,
	tokens: readonly Token[],
	comma: number,
	found: readonly Source[],
	cues: ReadonlySet<string>,
): Span | undefined {
	let s = comma;
	while (s > 0) {
		const t = tokens[s - 1]!;
		if (t.kind === 'quote' || (t.kind === 'punct' && /^[.!?;:]$/.test(t.lower) && !(t.lower === '.' && keepsStop(text, tokens[s - 2])))) {
			break;
		}
		s--;
	}
	const sentenceStart = tokens[s]?.start ?? 0;
	const earlier = found.some((f) => f.cue.start >= sentenceStart && f.cue.start < tokens[comma]!.start);
	// "Leader told reporters that Hiller called 911, saying …": the participle speaks for the subject of
	// the reported clause, not for the reporter of it.
	let that = comma - 1;
	while (that > s && tokens[that]!.lower !== 'that') {
		that--;
	}
	const reported = that > s && tokens[that]!.lower === 'that' && tokens.slice(s, that).some((t) => t.kind === 'word' && cues.has(t.lower));
	if (reported) {
		s = that + 1;
	} else if (earlier) {
		return undefined;
	}
	// "It was years before he broke cover, admitting …": a dummy "it" says nothing; the participle speaks for
	// the subject of the clause the subordinator opens.
	if (/^(?:it|there)$/.test(tokens[s]?.lower ?? '') && /^(?:is|was|has|had|'s|’s)$/.test(tokens[s + 1]?.lower ?? '')) {
		for (let k = comma - 2; k > s + 1; k--) {
			const subject = tokens[k + 1]!;
			if (
				SUBORDINATORS.has(tokens[k]!.lower) &&
				subject.kind === 'word' &&
				(PRONOUNS[subject.lower] !== undefined || isCapitalised(text, subject))
			) {
				s = k + 1;
				break;
			}
		}
	}
	// "On Friday, the alliance said": skip an opening adverbial up to its comma.
	if (tokens[s] && PREPOSITIONS.has(tokens[s]!.lower)) {
		let c = s;
		while (c < comma && tokens[c]!.lower !== ',') {
			c++;
		}
		s = c + 1;
	}
	// "He finally broke cover, admitting …": a subject pronoun is the whole subject, whatever verb follows.
	if (tokens[s] && tokens[s]!.kind === 'word' && SUBJECT_PRONOUNS.has(tokens[s]!.lower) && s + 1 < comma) {
		return { start: tokens[s]!.start, end: tokens[s]!.end };
	}
	let last = s - 1;
	for (let k = s; k < comma && k - s < 8; k++) {
		const t = tokens[k]!;
		if (t.kind === 'punct') {
			if (t.lower === '.' && keepsStop(text, tokens[k - 1])) {
				continue;
			}
			break;
		}
		if (t.kind !== 'word' || AFTER_SUBJECT.has(t.lower) || (CLAUSE_BOUNDARIES.has(t.lower) && !SPEAKER_PREPOSITIONS.has(t.lower))) {
			break;
		}
		if (!isCapitalised(text, t) && /ed$/.test(t.lower) && k > s) {
			break;
		}
		last = k;
		// "The statement expresses condolences": a head noun followed by a lower-case word that is no
		// complement ends the subject; the word after it is the verb.
		const next = tokens[k + 1];
		if (
			(ORGANIZATION_ROLES.has(t.lower) || PERSON_ROLES.has(t.lower) || DOCUMENT_HEADS.has(t.lower)) &&
			next?.kind === 'word' &&
			!isCapitalised(text, next) &&
			!SPEAKER_PREPOSITIONS.has(next.lower)
		) {
			break;
		}
	}
	while (last >= s && (SPEAKER_PREPOSITIONS.has(tokens[last]!.lower) || tokens[last]!.kind === 'punct')) {
		last--;
	}
	if (last < s) {
		return undefined;
	}
	// "The de facto Hamas prime minister in Gaza, Ismail Haniyeh, issued …": a name in apposition to the
	// subject names the speaker.
	let p = last + 1;
	// "… minister in Gaza, …": a short place or body phrase may close the subject before the apposition.
	while (
		p < comma &&
		p - last <= 4 &&
		tokens[p]!.kind === 'word' &&
		(isCapitalised(text, tokens[p]!) || /^(?:in|of|for|at|from)$/.test(tokens[p]!.lower))
	) {
		p++;
	}
	if (tokens[p]?.lower === ',') {
		let q = p + 1;
		while (q < comma && q - p - 1 < 5 && tokens[q]!.kind === 'word' && isCapitalised(text, tokens[q]!)) {
			q++;
		}
		if (q > p + 1 && q < comma && tokens[q]!.lower === ',' && plausibleSpeaker(text, tokens, p + 1, q - 1)) {
			return { start: tokens[p + 1]!.start, end: tokens[q - 1]!.end };
		}
	}
	const words = tokens.slice(s, last + 1).filter((t) => t.kind === 'word');
	const head = headWord(words.map((w) => w.lower));
	// "The statement expresses condolences, saying": the statement speaks for whoever issued it.
	if (!head || /['’]s?$/.test(head)) {
		return undefined;
	}
	const lastWord = tokens[last]!;
	const headOk =
		isCapitalised(text, lastWord) ||
		PERSON_ROLES.has(head) ||
		ORGANIZATION_ROLES.has(head) ||
		VAGUE_HEADS.has(head) ||
		isUnnamedPeople(head) ||
		(words.length === 1 && PRONOUNS[head] !== undefined);
	return headOk && plausibleSpeaker(text, tokens, s, last) ? { start: tokens[s]!.start, end: lastWord.end } : undefined;
}

/** Pronouns that can only be the subject of their clause. */
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);

/** Words that open a subordinate clause whose subject follows them: "before he broke cover". */
const SUBORDINATORS = new Set(['before', 'after', 'when', 'until', 'since', 'because', 'while', 'once']);

/** Words that open an unnamed person's description: "a", "one", "another", "two". */
const INDEFINITES = new Set(['a', 'an', 'one', 'another', 'some', 'two', 'three', 'several']);
/** Prepositions that place a person: "a worker in Dubai", "a resident from Qeshm". */
const LOCATIVES = new Set(['in', 'at', 'from', 'near']);

/**
 * When the capitalised phrase `[first, last]` follows a locative preposition at `prep` that follows an
 * indefinite noun phrase of lower-case words ("an office worker in Dubai"), the index of that phrase's
 * first token; else undefined.
 */
function unnamedBeforePlace(text: string, tokens: readonly Token[], prep: number, first: number, last: number): number | undefined {
	if (prep < 1 || prep !== first - 1 || !LOCATIVES.has(tokens[prep]!.lower)) {
		return undefined;
	}
	for (let t = first; t <= last; t++) {
		if (tokens[t]!.kind === 'word' && !isCapitalised(text, tokens[t]!)) {
			return undefined;
		}
	}
	for (let k = prep - 1; k >= 0 && prep - k <= 4; k--) {
		const t = tokens[k]!;
		if (t.kind !== 'word' || (isCapitalised(text, t) && !INDEFINITES.has(t.lower))) {
			return undefined;
		}
		if (INDEFINITES.has(t.lower)) {
			return k < prep - 1 ? k : undefined;
		}
		if (CLAUSE_BOUNDARIES.has(t.lower) || DETERMINERS.has(t.lower)) {
			return undefined;
		}
	}
	return undefined;
}

const PREPOSITIONS = new Set(['in', 'on', 'at', 'from', 'by', 'with', 'after', 'before', 'during', 'for', 'of', 'to', 'since', 'as']);

/**
 * `Matt Goodman, from the fire service, said` / `Captain Manohar Nambiar, Chief Public Relations
 * Officer, Defence, said`: the name before the appositive, the farthest capitalised run ending at a
 * comma within reach that does not follow a preposition ("In Ankara, …").
 */
function appositiveSpeaker(text: string, tokens: readonly Token[], comma: number): Span | undefined {
	let best: Span | undefined;
	let commas = 0;
	for (let c = comma; c >= 0 && comma - c <= 16; c--) {
		const t = tokens[c]!;
		if (t.kind === 'quote') {
			break;
		}
		// "X, a dispatcher, told reporters that Y called, saying": a reported clause between the name and
		// the cue means the name is not in apposition to the cue's subject.
		if (t.kind === 'word' && (t.lower === 'that' || CUES.has(t.lower))) {
			break;
		}
		if (t.kind !== 'punct' || t.lower === '(' || t.lower === ')' || (t.lower === '.' && keepsStop(text, tokens[c - 1]))) {
			continue;
		}
		if (t.lower !== ',') {
			break;
		}
		if (++commas > 3) {
			break;
		}
		// The run of capitalised words (and "Mr." stops) ending right before this comma.
		let r = c - 1;
		while (r >= 0 && (isCapitalised(text, tokens[r]!) || (tokens[r]!.lower === '.' && keepsStop(text, tokens[r - 1])))) {
			r--;
		}
		if (r === c - 1) {
			continue;
		}
		const previous = tokens[r];
		const first = tokens[r + 1]!;
		if ((previous && previous.kind === 'word' && PREPOSITIONS.has(previous.lower)) || PREPOSITIONS.has(first.lower)) {
			continue;
		}
		if (DETERMINERS.has(first.lower) && r + 1 === c - 1) {
			continue;
		}
		best = { start: first.start, end: tokens[c - 1]!.end };
	}
	return best;
}

/**
 * Whether the words from `from` are one or two lower-case modifiers and then a plural head naming
 * people ("state investigators", "local officials"), so that an "and" before them joins modifiers.
 */
function sharedPluralHead(text: string, tokens: readonly Token[], from: number): boolean {
	for (let k = from; k < tokens.length && k - from < 3; k++) {
		const t = tokens[k]!;
		if (t.kind !== 'word' || isCapitalised(text, t) || CLAUSE_BOUNDARIES.has(t.lower) || DETERMINERS.has(t.lower)) {
			return false;
		}
		if (k > from && (isUnnamedPeople(t.lower) || VAGUE_HEADS.has(t.lower))) {
			return true;
		}
	}
	return false;
}

/** The speaker phrase after an inverted cue starting at token `from`, or undefined. */
function speakerAfter(text: string, tokens: readonly Token[], from: number): Span | undefined {
	let last = from - 1;
	for (let k = from; k < tokens.length && k - from < 10; k++) {
		const t = tokens[k]!;
		if (t.kind === 'quote') {
			break;
		}
		if (t.kind === 'punct') {
			if (t.lower === '.' && keepsStop(text, tokens[k - 1]) && k + 1 < tokens.length && isCapitalised(text, tokens[k + 1]!)) {
				continue;
			}
			if (t.lower === "'" || t.lower === '’') {
				continue;
			}
			break;
		}
		// "according to federal and state investigators": adjectives joined before one plural head.
		if ((t.lower === 'and' || t.lower === 'or') && k > from && sharedPluralHead(text, tokens, k + 1)) {
			last = k;
			continue;
		}
		if (CLAUSE_BOUNDARIES.has(t.lower) && !SPEAKER_PREPOSITIONS.has(t.lower)) {
			break;
		}
		if (BETWEEN_SPEAKER_AND_CUE.has(t.lower) && k > from && !isCapitalised(text, t)) {
			break;
		}
		last = k;
	}
	// Trailing "of"/"for" belongs to a phrase we cut: drop it.
	while (last >= from && SPEAKER_PREPOSITIONS.has(tokens[last]!.lower)) {
		last--;
	}
	if (last < from) {
		return undefined;
	}
	return plausibleSpeaker(text, tokens, from, last) ? { start: tokens[from]!.start, end: tokens[last]!.end } : undefined;
}

/**
 * Whether tokens `[first, last]` can name a speaker: a pronoun, a phrase with a capitalised word, or a
 * noun phrase whose head is a role, an organisation or a vague source ("the minister", "officials").
 */
function plausibleSpeaker(text: string, tokens: readonly Token[], first: number, last: number): boolean {
	const words = tokens.slice(first, last + 1).filter((t) => t.kind === 'word');
	if (words.length === 0) {
		return false;
	}
	// "One said:" after "neighbours …": one of a group the sentence before names.
	if (words.length === 1 && (PRONOUNS[words[0]!.lower] !== undefined || words[0]!.lower === 'one')) {
		return true;
	}
	const head = headWord(words.map((w) => w.lower));
	if (
		head &&
		(PERSON_ROLES.has(head) ||
			ORGANIZATION_ROLES.has(head) ||
			VAGUE_HEADS.has(head) ||
			PERSON_ROLES.has(head.replace(/s$/, '')) ||
			isUnnamedPeople(head))
	) {
		return true;
	}
	return words.some((w, i) => isCapitalised(text, w) && !(i === 0 && DETERMINERS.has(w.lower)) && !/^\p{N}/u.test(w.lower));
}

/** Words that take a part of the group named after "of": "one of his lawyers", "some of the residents". */
const PARTITIVES = new Set([
	'one',
	'some',
	'many',
	'several',
	'most',
	'each',
	'any',
	'none',
	'all',
	'few',
	'both',
	'either',
	'neither',
	'two',
	'three',
]);

/**
 * The head noun of a phrase: its last word before an "of"/"for" complement; in a partitive ("one of his
 * key lawyers"), the head of the group.
 */
export function headWord(words: readonly string[]): string | undefined {
	if (words.length > 2 && PARTITIVES.has(words[0]!) && words[1] === 'of') {
		return headWord(words.slice(2));
	}
	const cut = words.findIndex((w) => SPEAKER_PREPOSITIONS.has(w));
	const core = cut > 0 ? words.slice(0, cut) : words;
	return core[core.length - 1];
}
