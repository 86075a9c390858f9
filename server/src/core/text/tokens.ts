import type { Span } from '../types';

/** What a token is. */
export type TokenKind = 'word' | 'number' | 'punct';

/** A token with its offsets in the analysed text. */
export interface Token extends Span {
	readonly kind: TokenKind;
	readonly text: string;
}

/*
 * One pass of a sticky regular expression per token. Words keep inner apostrophes, hyphens and dots of
 * abbreviations ("Turkey's", "pro-democracy", "U.S."); numbers keep their separators ("16,000", "3.5",
 * "16 000" is two tokens on purpose: a space is too ambiguous to join on here).
 */
const TOKEN = /(\p{L}\.(?:\p{L}\.)+)|(\p{N}+(?:[.,]\p{N}+)*(?:st|nd|rd|th)?)|([\p{L}\p{M}\p{N}]+(?:['\u2019\-][\p{L}\p{M}\p{N}]+)*)|(\S)/uy;

/** Splits `text[start, end)` into tokens. Linear in the length of the range. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
	const tokens: Token[] = [];
	let i = start;
	while (i < end) {
		const c = text.charCodeAt(i);
		if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) {
			i++;
			continue;
		}
		TOKEN.lastIndex = i;
		const m = TOKEN.exec(text);
		if (!m) {
			i++;
			continue;
		}
		const tokenEnd = Math.min(i + m[0].length, end);
		const kind: TokenKind = m[2] !== undefined ? 'number' : m[4] !== undefined ? 'punct' : 'word';
		tokens.push({ start: i, end: tokenEnd, kind, text: text.slice(i, tokenEnd) });
		i = tokenEnd;
	}
	return tokens;
}
