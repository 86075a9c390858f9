import type { Span } from '../types';

/** A number or quantity as written: digits, words, a percentage or a sum of money. */
export interface NumberMention extends Span {
	/** The value when it can be read exactly ("16,000" → 16000, "forty-two" → 42, "2.5 million" → 2500000). */
	readonly value?: number;
	readonly unit?: 'percent' | 'money';
	/** The currency of a sum of money, as an ISO code when known ("USD", "EUR", "GBP"), else the word ("rupees"). */
	readonly currency?: string;
}

const UNITS: Readonly<Record<string, number>> = {
	zero: 0,
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	thirteen: 13,
	fourteen: 14,
	fifteen: 15,
	sixteen: 16,
	seventeen: 17,
	eighteen: 18,
	nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
	twenty: 20,
	thirty: 30,
	forty: 40,
	fifty: 50,
	sixty: 60,
	seventy: 70,
	eighty: 80,
	ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = {
	hundred: 100,
	thousand: 1000,
	million: 1e6,
	billion: 1e9,
	trillion: 1e12,
	m: 1e6,
	mn: 1e6,
	bn: 1e9,
	k: 1000,
};

const WORD = String.raw`(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?![a-z])`;
const WORD_NUMBER = String.raw`${WORD}(?:-${WORD})?(?:[\s-]+(?:dozen|hundred|thousand|million|billion)(?:\s+(?:and\s+)?${WORD}(?:-${WORD})?)?)*`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const CURRENCY = String.raw`[$€£¥]|US\$|USD\s|EUR\s|GBP\s`;
const SCALE = String.raw`(?:\s*(?:million|billion|trillion|thousand|mn|bn|m|k)\b)?`;
/** Digits of a sum of money, with the spaces crawled text puts after a comma or a decimal point ("£910, 000", "$2. 6"). */
const MONEY_DIGITS = String.raw`\d{1,3}(?:,\s?\d{3})+(?:\.\s?\d+)?|\d+(?:\.\s?\d+)?`;
const MONEY_SCALE = String.raw`(?:[\s-]*(?:million|billion|trillion|thousand|mn|bn|m|k)\b)?`;
const CURRENCY_WORD = String.raw`(?:[\s-]+(?:dollars?|euros?|pounds?|yen|crowns?|francs?|rupees?|yuan|lira|rubles?|roubles?)\b)`;
const PROPORTION_WORDS = String.raw`(?:half|(?:a|one)\s+(?:third|quarter|fifth)|(?:two|three|four)[- ](?:thirds|quarters|fifths))`;
/** Proportions of a whole: "half of", "a third of", "two-thirds of", "three quarters of" (the "of" not included), also the first of two ("between half and two-thirds of"). */
const PROPORTION = String.raw`${PROPORTION_WORDS}(?=\s+(?:of|and\s+${PROPORTION_WORDS}\s+of)\b)`;
const PERCENT = String.raw`(?:\s?%|\s+per\s?cent|\s+percent)`;

/** Units written against digits ("2GB", "1.5GHz", "330ppi", "50kg"); the unit must end there. */
const GLUED_UNIT =
	/^(?:[kmgt]b|[kmg]?hz|ppi|dpi|mp|megapixels?|mm|cm|km|kg|mg|lbs?|ft|mph|km\/h|kph|[kmg]w|kwh|mah|°[cf])(?![\p{L}\p{N}])/iu;
/** Words a number word counts when joined to it by a hyphen ("three-person", "two-year", "six-storey"). */
const COUNTED =
	/^(?:person|people|member|man|men|woman|women|year|month|week|day|hour|minute|second|mile|metre|meter|kilometre|kilometer|storey|story|floor|seat|point|vehicle|car|bedroom|page|strong)(?![\p{L}\p{N}])/iu;

const SCANNER = new RegExp(
	[
		String.raw`(?<money>(?:${CURRENCY})\s?(?:${MONEY_DIGITS})${MONEY_SCALE})`,
		String.raw`(?<digits>${DIGITS})(?<scale>${SCALE})(?<after>${PERCENT}|${CURRENCY_WORD})?`,
		String.raw`(?<words>${PROPORTION}|${WORD_NUMBER}|(?:a|one)\s+(?:hundred|thousand|million|billion)|several(?:\s+(?:dozen|hundred|thousand))?|dozens|(?:a\s+)?dozen|hundreds|thousands|millions|billions|tens\s+of\s+thousands)(?<wafter>${PERCENT}|${CURRENCY_WORD})?`,
	].join('|'),
	'giu',
);

/** Reads an English number in words ("forty-two", "two hundred and five", "three million"). */
export function wordsToNumber(text: string): number | undefined {
	let total = 0;
	let current = 0;
	let seen = false;
	for (const word of text.toLowerCase().split(/[\s-]+/)) {
		if (word === 'and' || word === 'a') {
			if (word === 'a') {
				current = 1;
				seen = true;
			}
			continue;
		}
		if (word in UNITS) {
			current += UNITS[word]!;
		} else if (word in TENS) {
			current += TENS[word]!;
		} else if (word === 'hundred') {
			current = (current || 1) * 100;
		} else if (word === 'dozen') {
			current = (current || 1) * 12;
		} else if (word in SCALES) {
			total += (current || 1) * SCALES[word]!;
			current = 0;
		} else {
			return undefined;
		}
		seen = true;
	}
	return seen ? total + current : undefined;
}

/**
 * Finds numbers and simple quantities in `text[start, end)`. Vague quantities ("dozens", "hundreds")
 * have no exact `value`; the figures layer gives them intervals. Linear in the length of the range.
 */
export function findNumbers(text: string, start = 0, end = text.length): NumberMention[] {
	const found: NumberMention[] = [];
	const slice = text.slice(start, end);
	SCANNER.lastIndex = 0;
	for (let m = SCANNER.exec(slice); m; m = SCANNER.exec(slice)) {
		const at = start + m.index;
		const before = at > 0 ? text[at - 1]! : ' ';
		const next = text[at + m[0].length] ?? ' ';
		// A number glued to letters ("MH17", "A380") is a name; a number word joined to a word by a hyphen
		// ("one-off") is part of that word.
		const afterText = text.slice(at + m[0].length, at + m[0].length + 16);
		// "three-person delegation", "two-year sentence": a number word counting the word it is joined to.
		const counted = next === '-' && m.groups?.words !== undefined && COUNTED.test(afterText.slice(1));
		const glued = next === '-' && m.groups?.words !== undefined && !counted && /\p{L}/u.test(text[at + m[0].length + 1] ?? '');
		// "2GB", "1.5GHz", "330ppi": digits with a unit written against them are a measurement.
		const measured = m.groups?.digits !== undefined && /\p{L}/u.test(next) && GLUED_UNIT.test(afterText);
		// "AK-47", "AK 47", "F-16": digits after a short capitalised code are a model's name, not a count.
		const model = m.groups?.digits !== undefined && isModelCode(text.slice(Math.max(0, at - 16), at));
		if (/[\p{L}\p{N}_]/u.test(before) || (/[\p{L}_]/u.test(next) && !measured) || (/\d/.test(next) && !m.groups?.money) || glued || model) {
			continue;
		}
		const g = m.groups ?? {};
		let value: number | undefined;
		let unit: NumberMention['unit'];
		let currency: string | undefined;
		if (g.money !== undefined) {
			const sign = /^(?:US\$|USD|EUR|GBP|[$€£¥])/.exec(g.money)![0];
			value = readDigits(
				g.money
					.slice(sign.length)
					.replace(/^[\s]+/, '')
					.replace(/([,.])\s/g, '$1')
					.replace(/-/g, ' '),
			);
			unit = 'money';
			currency = currencyOf(sign);
		} else if (g.digits !== undefined) {
			value = readDigits(g.digits + (g.scale ?? ''));
			unit = g.after ? (/%|cent/i.test(g.after) ? 'percent' : 'money') : undefined;
			// "weighs 6.6 pounds": "pounds" after a number without "million" or "thousand" is a weight.
			if (unit === 'money' && /pound/i.test(g.after!) && !g.scale?.trim()) {
				unit = undefined;
			}
			currency = unit === 'money' ? currencyOf(g.after!) : undefined;
		} else if (g.words !== undefined) {
			const share = proportionPercent(g.words);
			value =
				share ??
				(/several|dozens|hundreds|thousands|millions|billions|tens|half|third|quarter|fifth/i.test(g.words)
					? undefined
					: wordsToNumber(g.words));
			unit = share !== undefined ? 'percent' : g.wafter ? (/%|cent/i.test(g.wafter) ? 'percent' : 'money') : undefined;
			// "two pounds of flour" is a weight; "two million pounds" a sum.
			if (unit === 'money' && /pound/i.test(g.wafter!) && !/hundred|thousand|million|billion/i.test(g.words)) {
				unit = undefined;
			}
			currency = unit === 'money' ? currencyOf(g.wafter!) : undefined;
		}
		const mention: NumberMention = { start: at, end: at + m[0].length };
		found.push(
			value !== undefined || unit !== undefined
				? { ...mention, ...(value !== undefined ? { value } : {}), ...(unit ? { unit } : {}), ...(currency ? { currency } : {}) }
				: mention,
		);
	}
	return found;
}

/** A proportion in words as a percentage ("half" → 50, "two-thirds" → 66.67), or undefined for other words. */
function proportionPercent(words: string): number | undefined {
	const m = /^(half|(?:a|one)\s+(third|quarter|fifth)|(two|three|four)[- ](thirds|quarters|fifths))$/i.exec(words.trim());
	if (!m) {
		return undefined;
	}
	if (m[1]!.toLowerCase() === 'half') {
		return 50;
	}
	const parts: Readonly<Record<string, number>> = { third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5 };
	const count = m[3] ? UNITS[m[3].toLowerCase()]! : 1;
	const of = parts[(m[2] ?? m[4])!.toLowerCase()]!;
	return Math.round((10000 * count) / of) / 100;
}

/** The currency a sign or word names: "$" and "dollars" are taken as US dollars, the commonest in newswire. */
function currencyOf(written: string): string {
	const w = written.trim().replace(/^-/, '').toLowerCase();
	if (w === '$' || w === 'us$' || w === 'usd' || w.startsWith('dollar')) {
		return 'USD';
	}
	if (w === '€' || w === 'eur' || w.startsWith('euro')) {
		return 'EUR';
	}
	if (w === '£' || w === 'gbp' || w.startsWith('pound')) {
		return 'GBP';
	}
	if (w === '¥' || w === 'yen') {
		return 'JPY';
	}
	return w.replace(/s$/, '');
}

/** Capitalised words that may stand before a number in a headline without naming a model ("AT 30", "TO 12"). */
const CAPITAL_WORDS = new Set([
	'A',
	'I',
	'AT',
	'TO',
	'OF',
	'IN',
	'ON',
	'BY',
	'UP',
	'AS',
	'IS',
	'OR',
	'AN',
	'FOR',
	'THE',
	'AND',
	'ALL',
	'TOP',
	'NOW',
	'HAS',
	'WAS',
]);

/**
 * Whether the text right before a number ends with a model code: capitals and a hyphen ("AK-", "F-"), a
 * short capitalised code and a hyphen ("Su-", "Tu-", "Mi-": Su-24M, Tu-154), or two to four capitals and a
 * space ("AK ").
 */
function isModelCode(before: string): boolean {
	if (/(?:^|[^\p{L}\p{N}])\p{Lu}\p{Ll}{1,2}-$/u.test(before)) {
		return true;
	}
	const m = /(?:^|[^\p{L}\p{N}])(\p{Lu}{1,4})(-| )$/u.exec(before);
	if (m === null || CAPITAL_WORDS.has(m[1]!)) {
		return false;
	}
	// A capitalised word after another one is a headline in capitals ("QUAKE HITS 5"), not a code.
	return m[2] === '-' || (m[1]!.length >= 2 && !/\p{Lu}{2,}[\s-]+\p{Lu}{1,4} $/u.test(before));
}

function readDigits(text: string): number | undefined {
	const m = /^([\d,]+(?:\.\d+)?)\s*(million|billion|trillion|thousand|mn|bn|m|k)?$/i.exec(text.trim());
	if (!m) {
		return undefined;
	}
	const base = Number(m[1]!.replace(/,/g, ''));
	const scale = m[2] ? SCALES[m[2].toLowerCase()]! : 1;
	return Number.isFinite(base) ? base * scale : undefined;
}
