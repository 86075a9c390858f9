import type { Span } from '../types';

/** A recognised date or time expression. */
export interface DateMention extends Span {
	/** `absolute` names a calendar date or year; `relative` needs the publication time to resolve. */
	readonly kind: 'absolute' | 'relative';
	/** The parts the expression states; absent parts are not stated. Months are 1-12. */
	readonly value: { readonly year?: number; readonly month?: number; readonly day?: number; readonly weekday?: number };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = {
	jan: 1,
	feb: 2,
	mar: 3,
	apr: 4,
	jun: 6,
	jul: 7,
	aug: 8,
	sep: 9,
	sept: 9,
	oct: 10,
	nov: 11,
	dec: 12,
};
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:1[89]\d\d|20\d\d)`;
const PART = String.raw`(?:\s+(?:morning|afternoon|evening|night))`;
const MODIFIER = String.raw`(?:(?:early|late|mid)[- ](?:on\s+)?)?`;

/*
 * Alternatives, tried left to right at each position; the first that matches wins, so longer forms come
 * first. Every alternative is anchored on a capitalised month or weekday, a digit or a short keyword,
 * and has no nested quantifiers, so the scan stays linear.
 */
const PATTERNS: readonly [name: string, source: string][] = [
	['iso', String.raw`(?<iy>${YEAR})-(?<im>0[1-9]|1[0-2])-(?<id>0[1-9]|[12]\d|3[01])`],
	[
		'weekdayDate',
		String.raw`${WEEKDAY},?\s+(?:(?<wd1>${DAY})\s+(?<wm1>${MONTH})|(?<wm2>${MONTH})\s+(?<wd2>${DAY}))(?:,?\s+(?<wy>${YEAR}))?`,
	],
	['monthDay', String.raw`${MODIFIER}(?<mm>${MONTH})\s+(?<md>${DAY})(?![\d,]\d)(?:,?\s+(?<my>${YEAR}))?`],
	['dayMonth', String.raw`(?<dd>${DAY})\s+(?:of\s+)?(?<dm>${MONTH})(?:,?\s+(?<dy>${YEAR}))?`],
	['monthYear', String.raw`${MODIFIER}(?<ym>${MONTH}),?\s+(?<yy>${YEAR})`],
	[
		'relativeMonth',
		String.raw`(?:last|next|this|early|late|mid|since|until|in|by|during)\s+(?:[- ])?(?<rm>January|February|March|April|June|July|August|September|October|November|December)\b(?!\s+\d{1,2}(?:st|nd|rd|th)?\b)(?:,?\s+(?<ry>${YEAR}))?`,
	],
	['weekday', String.raw`${MODIFIER}(?:(?:last|next|this)\s+)?(?<w>${WEEKDAY})${PART}?`],
	['yearContext', String.raw`(?:in|since|until|by|from|of|during|before|after|early|late|mid)\s+(?:the\s+)?(?<y>${YEAR})s?`],
	[
		'relative',
		String.raw`(?:(?:earlier|later)\s+)?(?:last|next|this|past)\s+(?:week|weekend|month|year|decade|century|spring|summer|autumn|fall|winter|night)|(?:today|yesterday|tomorrow|tonight)|(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:ago|earlier|later)`,
	],
];

const SCANNER = new RegExp(PATTERNS.map(([name, source]) => `(?<${name}>${source})`).join('|'), 'gu');
const BOUNDARY_BEFORE = /[\p{L}\p{N}]/u;

function month(text: string | undefined): number | undefined {
	if (!text) {
		return undefined;
	}
	const key = text.toLowerCase().replace(/\.$/, '');
	const full = MONTHS.indexOf(key);
	return full >= 0 ? full + 1 : MONTH_ABBREVIATIONS[key];
}

function number(text: string | undefined): number | undefined {
	return text ? Number.parseInt(text, 10) : undefined;
}

function weekday(text: string): number | undefined {
	const match = /Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday/.exec(text);
	return match ? WEEKDAYS.indexOf(match[0].toLowerCase()) + 1 : undefined;
}

/**
 * Finds date expressions in `text[start, end)`: calendar dates ("August 9, 2016", "15 July", "2025-03-04"),
 * months with a year ("June 2013"), weekdays ("Thursday", "on Tuesday night" keeps only "Tuesday night"),
 * months and years in context ("last November", "in 2013") and relative expressions ("yesterday",
 * "last week", "two days ago"). Linear in the length of the range.
 */
export function findDates(text: string, start = 0, end = text.length): DateMention[] {
	const found: DateMention[] = [];
	const slice = text.slice(start, end);
	SCANNER.lastIndex = 0;
	for (let m = SCANNER.exec(slice); m; m = SCANNER.exec(slice)) {
		const g = m.groups ?? {};
		const at = start + m.index;
		if (at > 0 && BOUNDARY_BEFORE.test(text[at - 1]!)) {
			continue;
		}
		const after = text[at + m[0].length];
		if (after !== undefined && /[\p{L}\p{N}]/u.test(after) && !m[0].endsWith('.')) {
			continue;
		}
		let kind: DateMention['kind'] = 'absolute';
		let value: DateMention['value'];
		if (g.iso) {
			value = { year: number(g.iy), month: number(g.im), day: number(g.id) };
		} else if (g.weekdayDate) {
			value = { year: number(g.wy), month: month(g.wm1 ?? g.wm2), day: number(g.wd1 ?? g.wd2), weekday: weekday(m[0]) };
			kind = g.wy ? 'absolute' : 'relative';
		} else if (g.monthDay) {
			value = { year: number(g.my), month: month(g.mm), day: number(g.md) };
			kind = g.my ? 'absolute' : 'relative';
		} else if (g.dayMonth) {
			value = { year: number(g.dy), month: month(g.dm), day: number(g.dd) };
			kind = g.dy ? 'absolute' : 'relative';
		} else if (g.monthYear) {
			value = { year: number(g.yy), month: month(g.ym) };
		} else if (g.relativeMonth) {
			value = { month: month(g.rm), year: number(g.ry) };
			kind = g.ry ? 'absolute' : 'relative';
		} else if (g.weekday) {
			value = { weekday: weekday(m[0]) };
			kind = 'relative';
		} else if (g.yearContext) {
			value = { year: number(g.y) };
		} else {
			value = {};
			kind = 'relative';
		}
		const clean = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as DateMention['value'];
		found.push({ start: at, end: at + m[0].length, kind, value: clean });
	}
	return trimLeadingKeyword(text, found);
}

/** "in 2013", "from the 1990s" and "since November" keep only the date; "last November" keeps its modifier. */
function trimLeadingKeyword(text: string, found: DateMention[]): DateMention[] {
	return found.map((d) => {
		const lead = LEADING_KEYWORD.exec(text.slice(d.start, d.end));
		return lead && lead[0].length < d.end - d.start ? { ...d, start: d.start + lead[0].length } : d;
	});
}

const LEADING_KEYWORD = /^(?:(?:since|until|in|by|during|from|of|before|after)\s+)?(?:the\s+)?(?=\d)|^(?:since|until|in|by|during)\s+/i;
