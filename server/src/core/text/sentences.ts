import type { Span } from '../types';

/**
 * Words that end with a full stop without ending a sentence. Lower-case, without the final stop.
 * Multi-dot forms such as "U.S." and "a.m." are recognised by shape, not listed.
 */
const ABBREVIATIONS = new Set([
	'mr',
	'mrs',
	'ms',
	'dr',
	'prof',
	'st',
	'mt',
	'ft',
	'gen',
	'col',
	'lt',
	'sgt',
	'capt',
	'cpl',
	'maj',
	'adm',
	'cmdr',
	'rep',
	'sen',
	'gov',
	'pres',
	'rev',
	'hon',
	'jr',
	'sr',
	'messrs',
	'mme',
	'mlle',
	'inc',
	'ltd',
	'co',
	'corp',
	'plc',
	'bros',
	'dept',
	'univ',
	'assn',
	'est',
	'no',
	'nos',
	'vol',
	'vs',
	'etc',
	'approx',
	'fig',
	'ref',
	'cf',
	'al',
	'op',
	'ed',
	'eds',
	'jan',
	'feb',
	'mar',
	'apr',
	'jun',
	'jul',
	'aug',
	'sep',
	'sept',
	'oct',
	'nov',
	'dec',
	'mon',
	'tue',
	'tues',
	'wed',
	'thu',
	'thur',
	'thurs',
	'fri',
	'sat',
	'sun',
	'ala',
	'ariz',
	'ark',
	'calif',
	'colo',
	'conn',
	'del',
	'fla',
	'ga',
	'ill',
	'ind',
	'kan',
	'kans',
	'ky',
	'la',
	'md',
	'mass',
	'mich',
	'minn',
	'miss',
	'mo',
	'mont',
	'neb',
	'nev',
	'okla',
	'ore',
	'pa',
	'tenn',
	'tex',
	'va',
	'vt',
	'wash',
	'wis',
	'wyo',
]);

/** Words after which a capitalised word starts a new sentence even if they look like abbreviations. */
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'plc', 'jr', 'sr']);

const CLOSERS = new Set(['"', "'", '\u201D', '\u2019', ')', ']', '\u00BB']);
const OPENERS = /["'`\u201C\u2018(\[\u00AB\u2014\u2013-]/;

function isUpperOrDigit(ch: string): boolean {
	return /[\p{Lu}\p{Lt}\p{N}]/u.test(ch);
}

/**
 * Splits one line of text (no line breaks inside `[start, end)`) into sentences. A sentence ends at
 * `.`, `!`, `?` or `…` (with any closing quotes or brackets after it) followed by white space and a
 * capital, a digit or an opening quote; abbreviations ("U.S.", "St.", "Mr."), initials ("J. Smith"),
 * decimals and ellipses inside a sentence do not end it. Spans are trimmed of white space.
 */
export function splitSentences(text: string, start: number, end: number): Span[] {
	const spans: Span[] = [];
	let sentenceStart = start;
	let i = start;
	while (i < end) {
		const ch = text[i]!;
		if (ch === '.' || ch === '!' || ch === '?' || ch === '\u2026') {
			let j = i + 1;
			while (j < end && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '\u2026')) {
				j++;
			}
			while (j < end && CLOSERS.has(text[j]!)) {
				j++;
			}
			if (j >= end) {
				break;
			}
			if (!/\s/.test(text[j]!)) {
				i = j;
				continue;
			}
			let k = j;
			while (k < end && /\s/.test(text[k]!)) {
				k++;
			}
			if (k >= end) {
				break;
			}
			const next = text[k]!;
			// "magnitude 4. 2", "6. 30pm": a decimal or a time broken by a stray space, not a sentence end.
			const brokenNumber =
				ch === '.' && j === i + 1 && k === j + 1 && /\d/.test(next) && /(?:^|[^\d])\d{1,2}$/.test(text.slice(Math.max(start, i - 3), i));
			const startsNew = (isUpperOrDigit(next) && !brokenNumber) || OPENERS.test(next);
			if (startsNew && !(ch === '.' && j === i + 1 && isAbbreviationBefore(text, sentenceStart, i, text, k))) {
				pushTrimmed(spans, text, sentenceStart, j);
				sentenceStart = k;
			}
			i = k;
			continue;
		}
		i++;
	}
	pushTrimmed(spans, text, sentenceStart, end);
	return spans;
}

/** Whether the full stop at `dot` belongs to an abbreviation or an initial, so no sentence ends there. */
function isAbbreviationBefore(text: string, floor: number, dot: number, _next: string, nextIndex: number): boolean {
	let w = dot;
	while (w > floor && /[\p{L}\p{N}.]/u.test(text[w - 1]!)) {
		w--;
	}
	const word = text.slice(w, dot);
	if (word.length === 0) {
		return false;
	}
	// An initial ("J. Smith") or a dotted abbreviation ("U.S.", "a.m.").
	if (/^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) {
		// "in the U.S. The" ends a sentence; keep "U.S. officials" together. A capital after a dotted
		// abbreviation is ambiguous; treat common sentence starters as a new sentence.
		if (/^(\p{L}\.)+\p{L}$/u.test(word)) {
			const following = /^\p{L}+/u.exec(text.slice(nextIndex, nextIndex + 20))?.[0] ?? '';
			return !SENTENCE_STARTERS.has(following);
		}
		return true;
	}
	const lower = word.toLowerCase();
	if (ABBREVIATIONS.has(lower)) {
		if (SENTENCE_FINAL_ABBREVIATIONS.has(lower)) {
			const following = /^\p{L}+/u.exec(text.slice(nextIndex, nextIndex + 20))?.[0] ?? '';
			return !SENTENCE_STARTERS.has(following);
		}
		return true;
	}
	return false;
}

/** Frequent sentence-initial words, used to tell "U.S. officials" from "in the U.S. The …". */
const SENTENCE_STARTERS = new Set([
	'The',
	'A',
	'An',
	'He',
	'She',
	'It',
	'They',
	'We',
	'I',
	'This',
	'That',
	'These',
	'Those',
	'But',
	'And',
	'In',
	'On',
	'At',
	'As',
	'His',
	'Her',
	'Its',
	'Their',
	'There',
	'When',
	'While',
	'After',
	'Before',
	'If',
	'Some',
	'Many',
	'More',
	'Most',
	'Officials',
	'According',
	'Meanwhile',
	'However',
	'Earlier',
	'Later',
	'Since',
	'Last',
	'Police',
]);

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
	let s = start;
	let e = end;
	while (s < e && /\s/.test(text[s]!)) {
		s++;
	}
	while (e > s && /\s/.test(text[e - 1]!)) {
		e--;
	}
	if (e > s) {
		spans.push({ start: s, end: e });
	}
}
