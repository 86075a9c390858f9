import { findDates } from '../entities/dates';
import { findNumbers, type NumberMention } from '../figures/numbers';
import { wordScanner } from '../text/wordScan';
import type { Span } from '../types';
import type { DocumentRule } from './rule';
import { vagueSpans } from './vague-attribution';

/** A number that is a year, a time of day, an age or a reference, not a quantity someone could check. */
function isQuantity(text: string, figure: NumberMention): boolean {
	const surface = text.slice(figure.start, figure.end);
	const before = text.slice(Math.max(0, figure.start - 24), figure.start);
	const after = text.slice(figure.end, figure.end + 24);
	if (figure.unit) {
		return true;
	}
	if (
		/^(?:1[5-9]|20)\d\d$/.test(surface) &&
		!/^\s*(?:people|persons|soldiers|troops|residents|homes|houses|cases|deaths|dead|killed|arrests|jobs)\b/i.test(after)
	) {
		return false;
	}
	if (/^(?:one|zero)$/i.test(surface)) {
		return false;
	}
	// "the two leaders", "both three": a small number referring back to people already counted.
	if (
		/^(?:two|three|four|five|six|seven|eight|nine|ten)$/i.test(surface) &&
		/\b(?:the|these|those|its|their|his|her|all)\s+$/i.test(before)
	) {
		return false;
	}
	// "at 10:30", "6.30am", and "6. 30am" as some crawled text spaces it.
	if (
		/^\s*(?:GMT|UTC|BST|EST|EDT|PST|CET|a\.?m\b|p\.?m\b|hrs\b|local time|o'clock)/i.test(after) ||
		/^[:.](?:\d\d\b|\s?\d\d\s?[ap]\.?m\b)/i.test(after)
	) {
		return false;
	}
	// Ages: "45-year-old", "aged 45", "Ana Lind, 45, said", "Ana Lind, 23 and from Orvik", "will be 29 in April".
	if (
		/^-?\s*years?[- ]old\b/i.test(after) ||
		/\baged?\s*$/i.test(before) ||
		(/[\p{L}.'’-]+,\s*$/u.test(before) && /^\s*(?:[,;.)]|and\b)/.test(after) && /^\d{1,2}$/.test(surface)) ||
		(/\b(?:will\s+be|turns|turned|turning|turn)\s+$/i.test(before) &&
			/^\d{1,3}$/.test(surface) &&
			/^\s*(?:[.,;]|in|on|next|this|later)\b/i.test(after))
	) {
		return false;
	}
	// Times that locate an event rather than measure it: "two years ago", "10 minutes later".
	if (/^\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+(?:ago|later|earlier)\b/i.test(after)) {
		return false;
	}
	// Names and labels with numbers: "9/11", emergency numbers ("a 911 supervisor", "a 999 call"), calibres
	// ("a .357 Magnum"), street addresses ("4 Orvik Way", "the 1200 block of").
	if (
		(/^(?:9|11)$/.test(surface) && (/^[-/]\s?11\b/.test(after) || /\b9\s?[-/]$/.test(before))) ||
		(/^(?:911|999|112)$/.test(surface) && !/^\s*(?:people|persons|calls|times)\b/i.test(after)) ||
		/^\s*-?(?:Magnum|calibre|caliber)\b/i.test(after) ||
		/^\s+block\s+of\b/i.test(after) ||
		/^\s+(?:\p{Lu}[\p{L}'’-]*\s+){1,3}(?:Way|Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Drive|Place|Square)\b/u.test(after)
	) {
		return false;
	}
	if (
		/\b(?:No|Nos|number|Route|Highway|Flight|Article|Section|Chapter|Room|Gate|Channel|Apollo|Windows|iPhone|Galaxy|version)\.?\s*$/i.test(
			before,
		)
	) {
		return false;
	}
	// "struck at 1353": a 24-hour time.
	if (/^[0-2]\d[0-5]\d$/.test(surface) && /\bat\s+$/i.test(before)) {
		return false;
	}
	// Times of day ("10:30") and phone numbers ("+44 20 …"): not quantities.
	if (/\d[:.]$/.test(before) || /\+$/.test(before)) {
		return false;
	}
	// Phone numbers and codes: digit groups separated by spaces.
	if (/^\s\d{3}/.test(after) || /\d\s$/.test(before)) {
		return false;
	}
	if (/^(?:st|nd|rd|th)\b/.test(after)) {
		return false;
	}
	return true;
}

/**
 * What a figure or a ranking needs somewhere in the sentence: a digit, a currency sign or one of the
 * words of {@link findNumbers} and {@link RANKING}; a sentence without any is skipped at once.
 */
const MAY_COUNT = wordScanner(
	[
		...'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
			' ',
		),
		...'twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion'.split(' '),
		...'hundreds thousands millions billions tens dozen dozens half quarter quarters thirds fifths'.split(' '),
		...'second third fourth fifth sixth seventh eighth ninth tenth'.split(' '),
		...'largest biggest highest lowest deadliest worst tallest longest oldest busiest strongest'.split(' '),
	],
	'0123456789$€£¥',
);

const RANKING =
	/\b(?:(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[- ](?:largest|biggest|highest|lowest|deadliest|most|least|worst|best|richest|poorest|tallest|longest|oldest|busiest|strongest|largest)|(?:the|its|their|his|her)\s+(?:largest|biggest|highest|deadliest|worst|tallest|longest|oldest|busiest|strongest)\b|(?:the|its|their|his|her)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:successful|consecutive|straight)\b)/gi;

/**
 * Flags sentences of the reporting that state a checkable figure — a count, a sum of money, a
 * percentage, a measurement, a ranking — with no source: no cue in the sentence, not inside a
 * quotation, not in a paragraph opened by "According to …", and no vague source either (that is
 * `vague-attribution`'s finding).
 */
export const unattributedClaim: DocumentRule = {
	id: 'unattributed-claim',
	defaultSeverity: 'information',
	configurable: true,
	summary: 'A sentence states a checkable figure with no source.',
	docs: [
		'Counts of casualties or arrests, sums of money, percentages, measurements and rankings are what readers',
		'quote and what outlets disagree on. A figure the reporter states without saying who gave it cannot be',
		'checked against its source. Headlines, captions, web-page debris and quotations are not flagged; a',
		'sentence whose source is vague ("officials said") is reported by `vague-attribution` instead.',
	].join('\n'),
	check({ text, structure, options, attribution, entities, report }) {
		const quotes = attribution.quotes.filter((q) => q.kind !== 'indirect').map((q) => q.outer ?? q);
		// A cue inside a phrase modifying a noun ("the man described by the magazine as …") leaves the
		// sentence's own statement unsourced.
		const cues = attribution.sources
			.filter((s) => !s.embedded)
			.map((s) => s.cue.start)
			.sort((a, b) => a - b);
		let cue = 0;
		const names = entities.mentions;
		const lines = structure.lines;
		let coveredParagraph = -1;
		for (const sentence of structure.sentences) {
			const line = lines[sentence.line]!;
			if (line.kind !== 'body') {
				continue;
			}
			const sentenceText = text.slice(sentence.start, sentence.end);
			if (sentence.start === line.start && /^\s*According\s+to\b/i.test(sentenceText) && isFirstOfParagraph(structure, sentence.line)) {
				coveredParagraph = line.paragraph;
			}
			if (line.paragraph === coveredParagraph) {
				continue;
			}
			while (cue < cues.length && cues[cue]! < sentence.start) {
				cue++;
			}
			if (cue < cues.length && cues[cue]! < sentence.end) {
				continue;
			}
			if (!MAY_COUNT(text, sentence.start, sentence.end)) {
				continue;
			}
			// Questions and conditions assert nothing: "Should the club go higher than $25 million?",
			// "If the offer is eight years, …".
			if (/\?["'\u201D\u2019)]*\s*$/.test(sentenceText) || /^\s*(?:(?:But|And|So)\s+)?(?:If|Should|Unless|Were)\b/.test(sentenceText)) {
				continue;
			}
			if (quotes.some((q) => q.start <= sentence.start && sentence.end <= q.end + 1)) {
				continue;
			}
			const inside = (span: Span): boolean => quotes.some((q) => q.start <= span.start && span.end <= q.end);
			const numbers = findNumbers(text, sentence.start, sentence.end).filter(
				(f) => isQuantity(text, f) && !inside(f) && !names.some((n) => n.start <= f.start && f.end <= n.end),
			);
			const dates = numbers.length > 0 ? findDates(text, sentence.start, sentence.end) : [];
			const figures: Span[] = numbers.filter((f) => !dates.some((d) => d.start < f.end && f.start < d.end));
			RANKING.lastIndex = 0;
			for (let m = RANKING.exec(sentenceText); m; m = RANKING.exec(sentenceText)) {
				const span = { start: sentence.start + m.index, end: sentence.start + m.index + m[0].length };
				if (!inside(span)) {
					figures.push(span);
				}
			}
			// A vague source takes the sentence over ("officials said"); a hedged noun ("the alleged
			// victim") leaves the rest of it the reporter's own.
			if (figures.length === 0 || vagueSpans(text, sentence, options.vaguePhrases).some((v) => !v.local)) {
				continue;
			}
			figures.sort((a, b) => a.start - b.start);
			const first = figures[0]!;
			const shown = text.slice(first.start, first.end);
			report({
				start: first.start,
				end: first.end,
				message: `Unattributed claim: "${shown}" is stated with no source in the sentence.`,
				data: { sentence: { start: sentence.start, end: sentence.end }, figures: figures.map((f) => text.slice(f.start, f.end)) },
			});
		}
	},
};

function isFirstOfParagraph(structure: { lines: readonly { paragraph: number }[] }, line: number): boolean {
	return line === 0 || structure.lines[line - 1]!.paragraph !== structure.lines[line]!.paragraph;
}
