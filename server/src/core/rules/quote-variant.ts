import type { Attribution } from '../attribution/analyse';
import type { QuoteIndex } from '../corpus/quoteIndex';
import type { Finding, RelatedLocation, Severity } from '../types';
import type { RuleInfo } from './rule';

/** Flags a speaker's quotation rendered with different words in another article. */
export const quoteVariantRule: RuleInfo = {
	id: 'quote-variant',
	defaultSeverity: 'information',
	configurable: true,
	summary: "The same speaker's quotation is worded differently in another article.",
	docs: [
		'Outlets quoting the same words should quote them the same way. When one article has Cavusoglu say',
		'"discuss all the details" and another "discuss all details", at least one of them misquotes him.',
		'Crosscheck compares quotations of the same speaker across the corpus (a shorter quotation is compared',
		'with the closest stretch of a longer one, so excerpts are not flagged) and reports those that differ by',
		'a few words; the related locations link to the other renderings.',
	].join('\n'),
};

function shorten(text: string): string {
	const flat = text.replace(/\s+/g, ' ');
	return flat.length > 70 ? `${flat.slice(0, 67)}…` : flat;
}

/**
 * The `quote-variant` findings of a document: each of its quotations that another article renders
 * with a few words changed. `textOf` gives another document's text (for the message).
 */
export function quoteVariantFindings(
	docId: string,
	quotes: readonly Attribution[],
	index: QuoteIndex,
	textOf: (docId: string) => string | undefined,
	severity: Severity,
): Finding[] {
	const findings: Finding[] = [];
	for (const quote of index.quotes(docId)) {
		const variants = index.matches(quote).filter((m) => m.distance > 0);
		if (variants.length === 0) {
			continue;
		}
		const attribution = quotes.find((q) => q.start === quote.start && q.end === quote.end);
		const speaker = attribution?.speaker?.canonical ?? attribution?.speaker?.text ?? 'The speaker';
		const related: RelatedLocation[] = variants.map((v) => {
			const other = textOf(v.quote.docId);
			const words = other ? shorten(other.slice(v.quote.start, v.quote.end)) : '';
			return {
				docId: v.quote.docId,
				start: v.quote.start,
				end: v.quote.end,
				message: `Worded "${words}" here (${v.distance} ${v.distance === 1 ? 'word differs' : 'words differ'})`,
			};
		});
		const first = variants[0]!;
		const otherText = textOf(first.quote.docId);
		const theirs = otherText ? shorten(otherText.slice(first.quote.start, first.quote.end)) : '';
		const more = variants.length > 1 ? ` (and ${variants.length - 1} more)` : '';
		findings.push({
			ruleId: quoteVariantRule.id,
			severity,
			start: quote.start,
			end: quote.end,
			message: `Quote variant: ${speaker}'s words here differ from another article's "${theirs}"${more}.`,
			related,
			data: { speaker, variants: variants.length },
		});
	}
	return findings;
}
