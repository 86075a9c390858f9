import type { DocumentRule } from './rule';

/** Flags quotations whose speaker cannot be found. */
export const unattributedQuote: DocumentRule = {
	id: 'unattributed-quote',
	defaultSeverity: 'warning',
	configurable: true,
	summary: 'A quotation has no speaker the article identifies.',
	docs: [
		"Words in quotation marks are someone's words. Crosscheck looks for the speaker around the quotation",
		'(`"…," Cavusoglu said`, `said the minister`, `X told NTV: "…"`), in the quotation it continues, and for',
		'pull quotes in the body quotation they repeat. When none is found, a reader cannot tell who said it.',
		'',
		'Scare quotes (a word or short phrase such as "common enemy") are not quotations and are not flagged.',
		'Add cue words of your own under `attribution.cues` in `crosscheck.yaml`.',
	].join('\n'),
	check({ text, attribution, report }) {
		for (const quote of attribution.quotes) {
			if (quote.kind === 'indirect' || quote.status !== 'unattributed') {
				continue;
			}
			const words = text.slice(quote.start, quote.end).replace(/\s+/g, ' ');
			const shown = words.length > 60 ? `${words.slice(0, 57)}…` : words;
			report({
				start: quote.start,
				end: quote.end,
				message: `Quotation with no speaker: "${shown}" is not attributed to anyone.`,
				data: { kind: quote.kind },
			});
		}
	},
};
