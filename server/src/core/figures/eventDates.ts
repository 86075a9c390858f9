import { findDates, type DateMention } from '../entities/dates';
import type { DocumentStructure } from '../text/structure';
import type { Span } from '../types';
import { articleEvent, eventsIn } from './facts';
import type { Interval } from './intervals';

/**
 * When the article says its event happened, as written: a date ("on Tuesday", "March 5", "15 July 2016")
 * with the time of day the text gives ("shortly before midnight", "at about 2 a.m.", "Tuesday night").
 * Relative dates are resolved later, against the article's publication time ({@link resolveEventDate}).
 */
export interface EventDateMention extends Span {
	/** The expression as written, time of day included ("shortly before midnight on Tuesday"). */
	readonly text: string;
	/** The kind of event it dates ("flood", "quake"; "event" when the article names none). */
	readonly kind: string;
	/** The date's parts as stated. */
	readonly date: DateMention['value'];
	/** `last`/`next` before a weekday, or the relative word ("yesterday", "today", "tonight", "last night"). */
	readonly relative?: 'last' | 'yesterday' | 'today' | 'tonight' | 'last night';
	/** Minutes after the day's midnight the expression allows: [from, to], `to` may pass 1440 (the night). */
	readonly minutes: readonly [number, number];
	/** The index of its line in the document structure. */
	readonly line: number;
	/** Whether it is in a headline or caption. */
	readonly display: boolean;
}

/** Words that say the event happened (verbs and nouns): the date next to them is the event's. */
const HAPPENED = new Set([
	'collapsed',
	'collapse',
	'burst',
	'breached',
	'breach',
	'failed',
	'failure',
	'struck',
	'hit',
	'jolted',
	'rocked',
	'shook',
	'erupted',
	'eruption',
	'exploded',
	'explosion',
	'detonated',
	'blast',
	'occurred',
	'happened',
	'attacked',
	'stormed',
	'crashed',
	'derailed',
	'sank',
	'capsized',
	'robbed',
	'hijacked',
]);
/** Two-word forms of the same. */
const HAPPENED_PHRASES = /\b(?:gave way|give way|broke out|took place|opened fire|caught fire|went off|came down)\b/i;
/** Verbs of saying and reporting: a date right next to them is when something was said, not when it happened. */
const REPORTED =
	/\b(?:said|says|told|confirmed|announced|reported|stated|added|warned|briefing|statement|visited|visit|expected|will|would|since|until|by)\s*$/i;
const REPORTED_AFTER = /^\s*(?:,\s*)?(?:said|says|told|confirmed|announced|reported|stated|added|warned)\b/i;

const WORD = /[\p{L}][\p{L}'’-]*/gu;
/** What is yet to happen. */
const FUTURE = /\b(?:will|shall|would|is due|are due|is expected|are expected|is set to|are set to|plans? to|planned for|scheduled)\b/i;

/** A time of day given next to a date, as minutes after midnight [from, to]. */
function timeOfDay(before: string, after: string, dateText: string): { minutes: [number, number]; start: number; end: number } {
	// "shortly before midnight on Tuesday", "at about 11:40 p.m. on Tuesday", "on the night of March 4".
	const clock = String.raw`(?:at\s+)?(?<q>about|around|approximately|roughly|some|shortly\s+(?:before|after)|just\s+(?:before|after))?\s*(?:(?<h>\d{1,2})(?:[:.](?<m>\d{2}))?\s*(?<ampm>a\.?\s?m\.?|p\.?\s?m\.?)|(?<h24>[01]?\d|2[0-3]):(?<m24>\d{2})|(?<word>midnight|noon|midday|dawn|daybreak))`;
	const beforeMatch = new RegExp(`${clock}(?:\\s+(?:local\\s+time|GMT|UTC))?\\s*(?:,\\s*)?(?:on\\s+(?:the\\s+)?)?$`, 'i').exec(before);
	const partBefore = /\b(?<part>night|evening|morning|afternoon)\s+of\s+(?:the\s+)?$/i.exec(before);
	const afterMatch = new RegExp(`^\\s*,?\\s*${clock}`, 'i').exec(after);
	const found = beforeMatch ?? afterMatch;
	if (found?.groups && (found.groups.h || found.groups.h24 || found.groups.word)) {
		const g = found.groups;
		let minutes: number;
		if (g.word) {
			minutes = /midnight/i.test(g.word) ? 1440 : /noon|midday/i.test(g.word) ? 720 : 360;
		} else if (g.h24) {
			minutes = Number(g.h24) * 60 + Number(g.m24);
		} else {
			const hour = Number(g.h) % 12;
			minutes = (hour + (/p/i.test(g.ampm!) ? 12 : 0)) * 60 + Number(g.m ?? 0);
		}
		const q = (g.q ?? '').toLowerCase().replace(/\s+/g, ' ');
		const range: [number, number] = q.endsWith('before')
			? [minutes - 90, minutes]
			: q.endsWith('after')
				? [minutes, minutes + 90]
				: q
					? [minutes - 30, minutes + 30]
					: g.word && !/midnight|noon|midday/i.test(g.word)
						? [minutes - 90, minutes + 90]
						: [minutes - 10, minutes + 10];
		// "shortly before midnight on Tuesday" is late on Tuesday; "midnight on Tuesday" alone is read the same way.
		return beforeMatch
			? { minutes: range, start: -(before.length - beforeMatch.index), end: 0 }
			: { minutes: range, start: 0, end: afterMatch![0].length };
	}
	const part = (partBefore?.groups?.part ?? /\b(night|evening|morning|afternoon)$/i.exec(dateText)?.[1] ?? '').toLowerCase();
	const modifier = /^(early|late)\b/i.exec(dateText)?.[1]?.toLowerCase();
	const start = partBefore ? -(before.length - partBefore.index) : 0;
	switch (part) {
		case 'night':
			return { minutes: [18 * 60, 30 * 60], start, end: 0 };
		case 'evening':
			return { minutes: [17 * 60, 24 * 60], start, end: 0 };
		case 'morning':
			return { minutes: [4 * 60, 12 * 60], start, end: 0 };
		case 'afternoon':
			return { minutes: [12 * 60, 18 * 60], start, end: 0 };
	}
	if (modifier === 'late') {
		return { minutes: [16 * 60, 24 * 60], start, end: 0 };
	}
	if (modifier === 'early') {
		return { minutes: [0, 12 * 60], start, end: 0 };
	}
	return { minutes: [0, 24 * 60], start, end: 0 };
}

/** Whether a happening word stands within a few words before the date, with no verb of saying between. */
function happenedBefore(text: string, clauseStart: number, at: number): boolean {
	const window = text.slice(Math.max(clauseStart, at - 90), at);
	// "said on Wednesday", "a briefing on Wednesday morning": when it was said.
	if (REPORTED.test(window.replace(/(?:\s+(?:on|at|in|early|late|the|of|night|morning|evening|afternoon))*\s*$/i, ''))) {
		return false;
	}
	const words = window.match(WORD) ?? [];
	const last = words.slice(-9).map((w) => w.toLowerCase());
	for (let i = last.length - 1; i >= 0; i--) {
		const w = last[i]!;
		if (/^(?:said|says|told|confirmed|announced|reported|added|warned|stated)$/.test(w)) {
			return false;
		}
		if (HAPPENED.has(w)) {
			return true;
		}
	}
	return HAPPENED_PHRASES.test(last.join(' '));
}

/** Clause boundaries: a date dates the clause it is in. */
function clauseStartBefore(text: string, from: number, at: number): number {
	const slice = text.slice(from, at);
	const boundary = /;|:(?=\s)|,\s+(?:and|but|while|whereas|as|officials|police)\b|\s[—–]\s/gi;
	let start = from;
	for (let m = boundary.exec(slice); m; m = boundary.exec(slice)) {
		start = from + m.index + m[0].length;
	}
	return start;
}

/**
 * The dates an article gives for its own event: in headlines, captions and body sentences, a date in
 * the same clause as a word saying the event happened ("collapsed shortly before midnight on Tuesday",
 * "the failure of the dam on the night of March 4"), unless it is when something was said ("officials
 * said on Wednesday"), a span ("since Wednesday"), or the sentence is about another kind of event. Linear
 * in the length of the text.
 */
export function findEventDates(text: string, structure: DocumentStructure): EventDateMention[] {
	const kind = articleEvent(text, structure);
	const found: EventDateMention[] = [];
	for (const sentence of structure.sentences) {
		const line = structure.lines[sentence.line]!;
		if (line.kind === 'boilerplate' || line.kind === 'dateline') {
			continue;
		}
		const dates = findDates(text, sentence.start, sentence.end);
		if (dates.length === 0) {
			continue;
		}
		const kinds = eventsIn(text.slice(sentence.start, sentence.end));
		if (kinds.length > 0 && !kinds.includes(kind)) {
			continue;
		}
		for (const date of dates) {
			const value = date.value;
			const hasDay = value.day !== undefined || value.weekday !== undefined;
			const dateText = text.slice(date.start, date.end);
			const lead = text.slice(Math.max(sentence.start, date.start - 12), date.start);
			const relative = /\blast\s+$/i.test(lead) || /^last\b/i.test(dateText) ? 'last' : undefined;
			if (
				!hasDay ||
				/\b(?:next|this)\s+$/i.test(lead) ||
				/^(?:next|this)\b/i.test(dateText) ||
				/\b(?:since|until|by|from)\s+$/i.test(lead)
			) {
				continue;
			}
			if (REPORTED_AFTER.test(text.slice(date.end, Math.min(sentence.end, date.end + 20)))) {
				continue;
			}
			const clauseStart = clauseStartBefore(text, sentence.start, date.start);
			// "A memorial will be held on Sunday": what is yet to happen is not when the event happened.
			if (FUTURE.test(text.slice(clauseStart, date.end))) {
				continue;
			}
			const before = text.slice(clauseStart, date.start);
			const after = text.slice(date.end, Math.min(sentence.end, date.end + 40));
			const time = timeOfDay(before, after, dateText);
			const start = date.start + time.start;
			if (!happenedBefore(text, clauseStart, start)) {
				continue;
			}
			const end = date.end + time.end;
			found.push({
				start,
				end,
				text: text.slice(start, end).trim(),
				kind,
				date: value,
				...(relative ? { relative } : {}),
				minutes: time.minutes,
				line: sentence.line,
				display: line.kind !== 'body',
			});
		}
	}
	return found;
}

const DAY_MS = 86_400_000;

/** The calendar day (UTC midnight, as milliseconds) a publication time names, as written (its local date). */
export function publicationDay(published: string | undefined): number | undefined {
	if (!published) {
		return undefined;
	}
	const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(published.trim());
	if (iso) {
		return Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
	}
	const parsed = Date.parse(published);
	if (Number.isNaN(parsed)) {
		return undefined;
	}
	const d = new Date(parsed);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/**
 * The time span an event date allows, in minutes since 1970 (local times of the article, compared as
 * written): its day — stated, or a weekday resolved to the latest such day on or before publication
 * ("on Tuesday" in a Wednesday paper is the day before) — and the time of day. `undefined` when the day
 * cannot be known (a weekday or a date without a year, and no publication time).
 */
export function resolveEventDate(mention: EventDateMention, published: number | undefined): Interval | undefined {
	const { date } = mention;
	let day: number | undefined;
	if (date.month !== undefined && date.day !== undefined) {
		let year = date.year;
		if (year === undefined) {
			if (published === undefined) {
				return undefined;
			}
			const pub = new Date(published);
			year = pub.getUTCFullYear();
			// "December 28" in a January paper is last year's.
			if (Date.UTC(year, date.month - 1, date.day) > published + 60 * DAY_MS) {
				year--;
			}
		}
		day = Date.UTC(year, date.month - 1, date.day);
	} else if (date.weekday !== undefined) {
		if (published === undefined) {
			return undefined;
		}
		// Monday = 1 … Sunday = 7; getUTCDay: Sunday = 0.
		const pubWeekday = ((new Date(published).getUTCDay() + 6) % 7) + 1;
		let back = (pubWeekday - date.weekday + 7) % 7;
		if (mention.relative === 'last' && back === 0) {
			back = 7;
		}
		day = published - back * DAY_MS;
	}
	if (day === undefined) {
		return undefined;
	}
	const base = day / 60_000;
	return { min: base + mention.minutes[0], max: base + mention.minutes[1], minInclusive: true, maxInclusive: true };
}

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A resolved event date for messages: "Tue 4 Mar 2025, 22:30–24:00", or the day alone when it is the whole day. */
export function formatEventDate(interval: Interval): string {
	const start = new Date(interval.min * 60_000);
	const day = (d: Date): string =>
		`${WEEKDAY_NAMES[d.getUTCDay()]} ${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
	const startOfDay = Math.floor(interval.min / 1440) * 1440;
	if (interval.min === startOfDay && interval.max === startOfDay + 1440) {
		return day(start);
	}
	const clock = (minutes: number): string => {
		const m = (minutes - startOfDay) % 1440;
		const h = Math.floor(m / 60);
		return `${String(h).padStart(2, '0')}:${String(Math.round(m - h * 60)).padStart(2, '0')}`;
	};
	const endOfDay = interval.max > startOfDay + 1440 ? ' the next day' : '';
	return `${day(start)}, ${clock(interval.min)}–${interval.max === startOfDay + 1440 ? '24:00' : clock(interval.max)}${endOfDay}`;
}
