import { isInside, quotedSpans } from '../text/quotes';
import { wordScanner, type WordScanner } from '../text/wordScan';
import type { Span } from '../types';
import type { DocumentRule, DocumentRuleContext } from './rule';

/**
 * Phrases that attribute a statement to nobody in particular. Each entry is a regular-expression
 * fragment (matched case-insensitively on word boundaries) and the kind of vagueness it shows.
 */
const LEXICON: readonly { pattern: string; kind: VagueKind; local?: true }[] = [
	{
		pattern: String.raw`(?:(?:local|state|national|foreign|international|western|unconfirmed|news|press|media)\s+)*(?:media|press|news)\s+reports?(?:\s+(?:said|say|says|suggested|suggest|claimed|claim|indicated|indicate))?`,
		kind: 'reports',
	},
	{ pattern: String.raw`(?:unconfirmed|some|several|other)\s+reports(?:\s+(?:said|say|suggest|suggested|claimed))?`, kind: 'reports' },
	{
		pattern: String.raw`(?:(?:local|state|state-run|state-owned|national|foreign|western|international|social|official)\s+)(?:media|tv|television|radio|news)\s+(?:said|say|says|reported|report|reports|claimed)`,
		kind: 'reports',
	},
	{
		pattern: String.raw`according\s+to\s+(?:media|press|news|local|unconfirmed)?\s*(?:reports|sources|officials|witnesses|residents|observers|experts|analysts)`,
		kind: 'anonymous-source',
	},
	{
		pattern: String.raw`(?:(?:senior|top|government|military|security|local|state|federal|western|foreign|police|intelligence|regional|unnamed|anonymous)\s+)*officials\s+(?:said|say|says|told|tell|tells|believe|believed|claimed|confirmed|warned|estimated|estimate|reported|(?:were\s+)?quoted)`,
		kind: 'anonymous-source',
	},
	{
		pattern: String.raw`an?\s+(?:(?:senior|top|government|military|security|local|state|federal|western|foreign|police|intelligence|regional|unnamed|anonymous|ministry|hospital)\s+)*(?:official|source|spokes(?:man|woman|person)|diplomat|insider)\s+(?:said|says|told|confirmed|claimed|warned|added)`,
		kind: 'anonymous-source',
	},
	{
		pattern: String.raw`(?:(?:diplomatic|security|military|government|intelligence|informed|reliable|unnamed|anonymous|local|senior|official|management|industry|police|party|palace)\s+)*sources\s+(?:(?:close\s+to|familiar\s+with|within)(?:\s+(?:the|a|an|his|her|their))?(?:\s+[\p{L}\p{M}'’-]+)?|said|say|says|told|claimed|suggested|indicated)`,
		kind: 'anonymous-source',
	},
	{
		pattern: String.raw`a\s+(?:monitoring|rights|human\s+rights|watchdog|activist|opposition|local|campaign)\s+group\s+(?:said|says|reported|claimed|estimated)`,
		kind: 'unnamed-group',
	},
	{
		pattern: String.raw`(?:activists|witnesses|residents|observers|experts|analysts|critics|insiders|locals|eyewitnesses)\s+(?:said|say|says|told|claimed|believe|reported)`,
		kind: 'anonymous-source',
	},
	{
		pattern: String.raw`(?:some|many|most)\s+(?:people|observers|experts|analysts|critics)\s+(?:say|said|believe|think|claim|argue)`,
		kind: 'anonymous-source',
	},
	{
		pattern: String.raw`it\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+)?(?:believed|understood|thought|reported|said|alleged|claimed|rumou?red|feared|estimated|suggested)`,
		kind: 'impersonal',
	},
	{
		pattern: String.raw`(?:is|are|was|were|it)\s+(?:(?:now|also|still|widely|generally|often)\s+)?said\s+to\s+(?:be|have)`,
		kind: 'impersonal',
	},
	{ pattern: String.raw`word\s+has\s+it`, kind: 'impersonal' },
	{
		pattern: String.raw`(?:(?:is|are|was|were|it)\s+(?:widely\s+)?)?(?:believed|thought|reported|alleged|rumou?red|understood)\s+to\s+(?:be|have)`,
		kind: 'impersonal',
	},
	{ pattern: String.raw`reportedly|allegedly|purportedly|supposedly|rumou?redly|reputedly`, kind: 'hedge' },
	// "the alleged victim", "his reputed successor": the adjective hedges like the adverb. After a
	// determiner or preposition and before a noun, so that "prosecutors alleged that" is not caught.
	{
		pattern: String.raw`(?<=(?:^|[^\p{L}\p{N}])(?:the|a|an|his|her|its|their|this|these|those|our|of|for|on|in|with|and|over|about|into|two|three|several|other)\s+)(?:alleged|reputed|purported)(?=\s+\p{Ll})(?!\s+(?:that|to|by|as|in|on|at|of)\b)`,
		kind: 'hedge',
		local: true,
	},
	// "no reported injuries", "the reported death toll": reported by whom?
	{
		pattern: String.raw`(?<=(?:^|[^\p{L}\p{N}])(?:no|any|the)\s+)reported(?=\s+\p{Ll})(?!\s+(?:that|to|by|as|in|on|at|of)\b)`,
		kind: 'hedge',
		local: true,
	},
	// "An estimated 10,000 followers": estimated by whom?
	{ pattern: String.raw`an\s+estimated(?=\s+[\p{N}\p{L}])`, kind: 'impersonal' },
	// "The victims were identified as …": by whom?
	{
		pattern: String.raw`(?:is|are|was|were|been)\s+(?:(?:also|later|since|officially|now|initially)\s+)?identified\s+as`,
		kind: 'impersonal',
	},
	{ pattern: String.raw`there\s+(?:are|were)\s+(?:unconfirmed\s+)?reports`, kind: 'reports' },
	{
		pattern: String.raw`(?:reports|rumou?rs)\s+(?:(?:soon|later|quickly|also|have|had)\s+)?(?:surfaced|emerged|circulated)`,
		kind: 'reports',
	},
	{
		pattern: String.raw`(?:reported|indicated|confirmed|suggested)\s+by\s+(?:(?:local|state|the)\s+)?(?:news|media|reports|sources|officials)`,
		kind: 'reports',
	},
];

/** How a source is vague. Part of the finding's `data`. */
export type VagueKind = 'reports' | 'anonymous-source' | 'unnamed-group' | 'impersonal' | 'hedge';

const EXPLANATION: Readonly<Record<VagueKind, string>> = {
	reports: 'cites reports without saying whose',
	'anonymous-source': 'cites a source without naming it',
	'unnamed-group': 'cites a group without naming it',
	impersonal: 'says something is believed or said without saying by whom',
	hedge: 'hedges the claim without naming a source',
};

/**
 * Words one of which every phrase of {@link LEXICON} contains: a sentence without any of them holds no
 * vague phrase, which is quick to tell. Keep it in step with the lexicon (a test checks each entry's
 * examples).
 */
const ANCHORS = [
	'report',
	'reports',
	'media',
	'tv',
	'television',
	'radio',
	'news',
	'rumours',
	'rumors',
	'word',
	'according',
	'officials',
	'official',
	'source',
	'sources',
	'spokesman',
	'spokeswoman',
	'spokesperson',
	'diplomat',
	'insider',
	'insiders',
	'group',
	'activists',
	'witnesses',
	'residents',
	'observers',
	'experts',
	'analysts',
	'critics',
	'locals',
	'eyewitnesses',
	'people',
	'believed',
	'understood',
	'thought',
	'reported',
	'said',
	'alleged',
	'claimed',
	'rumoured',
	'rumored',
	'feared',
	'estimated',
	'suggested',
	'reportedly',
	'reputedly',
	'reputed',
	'purported',
	'identified',
	'allegedly',
	'purportedly',
	'supposedly',
	'rumouredly',
	'rumoredly',
];

let cachedExtra: readonly string[] | undefined;
let cachedPattern: RegExp | undefined;
let cachedAnchors: WordScanner | undefined;

function escapePhrase(phrase: string): string {
	return phrase
		.trim()
		.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
		.replace(/\s+/g, '\\s+');
}

function patternFor(extra: readonly string[]): RegExp {
	if (cachedPattern && cachedExtra === extra) {
		return cachedPattern;
	}
	cachedAnchors = wordScanner([...ANCHORS, ...extra.flatMap((phrase) => phrase.split(/\s+/).filter((w) => w !== ''))]);
	const fragments = LEXICON.map((entry, i) => `(?<k${i}>${entry.pattern})`);
	extra.forEach((phrase, i) => {
		const escaped = escapePhrase(phrase);
		if (escaped.length > 0) {
			fragments.push(`(?<x${i}>${escaped})`);
		}
	});
	cachedExtra = extra;
	cachedPattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${fragments.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
	return cachedPattern;
}

function entryOf(groups: Record<string, string | undefined>): { kind: VagueKind; local?: true } {
	for (const [name, value] of Object.entries(groups)) {
		if (value !== undefined && name.startsWith('k')) {
			return LEXICON[Number(name.slice(1))]!;
		}
	}
	return { kind: 'anonymous-source' };
}

/** A vague phrase found in a sentence. */
export interface VagueSpan extends Span {
	readonly kind: VagueKind;
	readonly phrase: string;
	/** The phrase hedges one noun ("the alleged victim"), not the sentence's statement. */
	readonly local?: true;
}

/** The vague-source phrases of `text[span]`, with their kind. */
export function vagueSpans(text: string, span: Span, extra: readonly string[]): VagueSpan[] {
	const pattern = patternFor(extra);
	const slice = text.slice(span.start, span.end);
	const found: VagueSpan[] = [];
	if (!cachedAnchors!(text, span.start, span.end)) {
		return found;
	}
	pattern.lastIndex = 0;
	for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
		const start = span.start + m.index;
		const entry = m.groups ? entryOf(m.groups) : { kind: 'anonymous-source' as const };
		found.push({
			start,
			end: start + m[0].length,
			kind: entry.kind,
			phrase: m[0].replace(/\s+/g, ' '),
			...(entry.local ? { local: true as const } : {}),
		});
	}
	return found;
}

/** Words in an organisation's name that make it a plausible "group" (monitors, rights groups, NGOs). */
const GROUP_NAME =
	/\b(?:observatory|group|watch|monitor|monitors|committee|network|council|organi[sz]ation|centre|center|coalition|amnesty|rights|union|federation|association|foundation|institute|society)\b/i;
/** Words in an organisation's name that make it a plausible source of reports (news media). */
const MEDIA_NAME =
	/\b(?:news|agency|times|post|press|tv|television|radio|reuters|afp|ap|bbc|cnn|anadolu|journal|herald|guardian|telegraph|tribune|daily|media|broadcaster|channel|gazette|ntv|irna|xinhua|tass|sana)\b/i;
/** Words of a vague phrase too generic to match a name on. */
const GENERIC = new Set([
	'officials',
	'official',
	'sources',
	'source',
	'said',
	'say',
	'says',
	'told',
	'a',
	'an',
	'the',
	'senior',
	'top',
	'local',
	'according',
	'to',
	'unnamed',
	'anonymous',
	'reports',
	'report',
	'claimed',
	'confirmed',
]);

/**
 * The named source the article cites later that a vague phrase most likely stands for: a named group
 * after "a monitoring group said", a news outlet after "media reports said", an organisation sharing a
 * word with "ministry officials said". Undefined when the article names none.
 */
function likelySource(
	at: number,
	kind: VagueKind,
	phrase: string,
	sources: DocumentRuleContext['attribution']['sources'],
): { name: string; start: number; end: number } | undefined {
	const words = phrase
		.toLowerCase()
		.split(/\s+/)
		.filter((w) => !GENERIC.has(w));
	for (const source of sources) {
		const speaker = source.resolved;
		if (source.speaker.start <= at || speaker.resolution !== 'name' || !speaker.canonical) {
			continue;
		}
		const name = speaker.canonical;
		const fits =
			kind === 'unnamed-group'
				? GROUP_NAME.test(name)
				: kind === 'reports'
					? MEDIA_NAME.test(name)
					: kind === 'anonymous-source'
						? words.some((w) => w.length > 3 && name.toLowerCase().includes(w.replace(/s$/, '')))
						: false;
		if (fits) {
			return { name, start: source.speaker.start, end: source.speaker.end };
		}
	}
	return undefined;
}

/** Flags sources that cannot be identified: "media reports said", "officials said", "it is believed", "reportedly". */
export const vagueAttribution: DocumentRule = {
	id: 'vague-attribution',
	defaultSeverity: 'information',
	configurable: true,
	summary: 'A statement is attributed to a source that cannot be identified.',
	docs: [
		'Phrases such as *media reports said*, *officials said*, *sources close to…*, *it is believed*, *reportedly* or',
		'*allegedly* attribute a statement to nobody a reader could check; so do hedged nouns (*the alleged victim*,',
		'*no reported injuries*), *an estimated* before a figure, and *were identified as*. A fact-checker should find who actually',
		'said it, or treat the statement as unsourced. When the article names a fitting source later ("a monitoring',
		'group said" … "The Syrian Observatory for Human Rights said"), the message says so.',
		'',
		"Only the reporter's own words are checked: phrases inside quotations, headlines, captions and web-page",
		'debris are skipped. Add phrases of your own under `attribution.vaguePhrases` in `crosscheck.yaml`.',
	].join('\n'),
	check({ text, structure, options, attribution, report }) {
		let lineIndex = -1;
		let quotes: ReturnType<typeof quotedSpans> = [];
		for (const sentence of structure.sentences) {
			const line = structure.lines[sentence.line]!;
			if (line.kind !== 'body') {
				continue;
			}
			if (sentence.line !== lineIndex) {
				lineIndex = sentence.line;
				quotes = quotedSpans(text, line.start, line.end);
			}
			const matches = vagueSpans(text, sentence, options.vaguePhrases).filter((found) => !isInside(quotes, found.start, found.end));
			// Speakers the attribution layer found vague that no phrase of the lexicon covers: "a naval
			// officer said", "the officer said", and "he said" referring back to either.
			for (const source of attribution.sources) {
				const start = Math.min(source.speaker.start, source.cue.start);
				const end = Math.max(source.speaker.end, source.cue.end);
				if (source.resolved.resolution !== 'vague' || start < sentence.start || start >= sentence.end) {
					continue;
				}
				if (!matches.some((m) => m.start < end && start < m.end)) {
					matches.push({ start, end, kind: 'anonymous-source', phrase: text.slice(start, end).replace(/\s+/g, ' ') });
				}
			}
			matches.sort((a, b) => a.start - b.start);
			for (const found of matches) {
				const likely = likelySource(found.end, found.kind, found.phrase, attribution.sources);
				const later = likely ? ` The article later cites ${likely.name}, which may be this source.` : '';
				report({
					start: found.start,
					end: found.end,
					message: `Vague source: "${found.phrase}" ${EXPLANATION[found.kind]}.${later}`,
					...(likely ? { related: [{ start: likely.start, end: likely.end, message: `Possibly the source: ${likely.name}` }] } : {}),
					data: likely ? { phrase: found.phrase, kind: found.kind, likelySource: likely.name } : { phrase: found.phrase, kind: found.kind },
				});
			}
		}
	},
};
