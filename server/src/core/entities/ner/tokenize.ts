/**
 * The name recogniser's tokeniser. It follows the Penn Treebank habits of the newswire data the model is
 * trained on, which differ from `text/tokens.ts` where names are concerned: the possessive "'s" is a
 * token of its own ("Turkey 's"), so a name never swallows it, and the full stop of a title or an
 * initial belongs to the word ("Mr.", "J."), so a name keeps it.
 */

/** A token of the name recogniser: its text and UTF-16 offsets into the analysed text. */
export interface NerToken {
	readonly text: string;
	readonly start: number;
	readonly end: number;
}

/*
 * One sticky regular expression, tried at each non-space position:
 *   1. dotted abbreviations, with an optional hyphenated tail ("U.S.", "U.N.-backed", "a.m.");
 *   2. numbers with their separators, ordinal or plural endings and hyphenated tails ("1,500", "3.5",
 *      "21st", "1990s", "1996-08-30", "3-1", "25-year-old"), one token each as in the training data;
 *   3. the possessive "'s" (and a lone closing apostrophe after a plural, "ministers'"), split off;
 *   4. words with inner hyphens, apostrophes and ampersands ("al-Qaida", "O'Neill", "AT&T"), but not an
 *      apostrophe that starts a possessive;
 *   5. any other single character.
 */
const TOKEN =
	/(\p{L}\.(?:\p{L}\.)+(?:-[\p{L}\p{M}\p{N}]+)*)|(\p{N}+(?:[.,:/\-]\p{N}+)*(?:st|nd|rd|th|s)?(?:-[\p{L}\p{M}\p{N}]+)*(?![\p{L}\p{M}]))|(['\u2019][sS](?![\p{L}\p{M}\p{N}]))|([\p{L}\p{M}\p{N}]+(?:(?:[-&]|['\u2019](?![sS](?![\p{L}\p{M}\p{N}])))[\p{L}\p{M}\p{N}]+)*)|(\S)/uy;

/**
 * Words that keep a following full stop: titles, company and address abbreviations, months, US states.
 * Lower-case, without the stop. A single capital letter (an initial) keeps its stop too.
 */
const DOTTED = new Set(
	(
		'mr mrs ms dr prof st mt ft gen col lt sgt capt cpl maj adm cmdr rep reps sen gov pres rev hon jr sr messrs mme mlle ' +
		'inc ltd co corp plc bros dept univ assn no nos vol vs etc jan feb mar apr jun jul aug sep sept oct nov dec ' +
		'ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa ' +
		'tenn tex va vt wash wis wyo'
	).split(' '),
);

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0xfeff || c === 0x200b || c === 12 || c === 11;
}

/**
 * Splits `text[start, end)` into the recogniser's tokens and appends them to `out`. Linear in the length
 * of the range; never throws.
 */
export function tokenizeForNames(text: string, start: number, end: number, out: NerToken[] = []): NerToken[] {
	let i = start;
	while (i < end) {
		const c = text.charCodeAt(i);
		if (isSpace(c)) {
			i++;
			continue;
		}
		TOKEN.lastIndex = i;
		const m = TOKEN.exec(text);
		if (!m) {
			i++;
			continue;
		}
		let tokenEnd = Math.min(i + m[0].length, end);
		if (m[4] !== undefined && tokenEnd < end && text.charCodeAt(tokenEnd) === 46 /* . */) {
			const word = m[4];
			const initial = word.length === 1 && word !== word.toLowerCase();
			if (initial || DOTTED.has(word.toLowerCase())) {
				tokenEnd++;
			}
		}
		out.push({ text: text.slice(i, tokenEnd), start: i, end: tokenEnd });
		i = tokenEnd;
	}
	return out;
}
