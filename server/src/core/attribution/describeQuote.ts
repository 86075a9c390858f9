import type { Corpus } from '../corpus/corpus';
import { quoteWords } from '../corpus/quoteIndex';
import type { DocumentLinker } from '../entities/describeEntity';
import type { Span } from '../types';
import type { Attribution, QuotedPhrase } from './analyse';
import type { Speaker } from './speakers';

const HOW: Readonly<Record<Speaker['resolution'], string>> = {
	name: 'named in the attribution',
	role: 'a role, resolved to the nearest person or organisation named with it before',
	pronoun: 'a pronoun, resolved to the nearest compatible speaker or name before it',
	continuation: 'continues the quotation before it, which has this speaker',
	pull: 'repeats a quotation in the body, which has this speaker',
	vague: 'the source is not identifiable',
	unresolved: 'not resolved to a name',
};

const KIND: Readonly<Record<Attribution['kind'], string>> = {
	direct: 'Quotation',
	indirect: 'Attributed statement',
	pull: 'Pull quote',
	continuation: 'Quotation (continued)',
};

function escape(text: string): string {
	return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

function shorten(text: string, max = 80): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The quotation, statement or quoted phrase at `offset` in a corpus document, if any. */
export function attributionAt(corpus: Corpus, id: string, offset: number): { quote?: Attribution; phrase?: QuotedPhrase } | undefined {
	const doc = corpus.get(id);
	if (!doc) {
		return undefined;
	}
	const inside = (s: Span): boolean => s.start <= offset && offset <= s.end;
	const { quotes, phrases } = doc.analysis.attribution;
	const direct = quotes.find((q) => q.kind !== 'indirect' && inside(q.outer ?? q));
	if (direct) {
		return { quote: direct };
	}
	const phrase = phrases.find(inside);
	if (phrase) {
		return { phrase };
	}
	const statement = quotes.find((q) => q.kind === 'indirect' && (inside(q) || (q.cue !== undefined && inside(q.cue))));
	return statement ? { quote: statement } : undefined;
}

/**
 * Markdown for a hover on a quotation or attributed statement: its speaker as written and as resolved,
 * how the resolution was made, the cue, and the same speaker's words in other articles (verbatim or
 * worded differently), linked.
 */
export function describeQuote(
	corpus: Corpus,
	id: string,
	found: { quote?: Attribution; phrase?: QuotedPhrase },
	linker: DocumentLinker,
): string {
	const doc = corpus.get(id);
	if (!doc) {
		return '';
	}
	const here = linker(id);
	const text = doc.text;
	if (found.phrase) {
		const by = found.phrase.speaker
			? ` Used by **${escape(corpus.speakerName(id, found.phrase.speaker).name ?? found.phrase.speaker.text)}**.`
			: '';
		return `**Quoted phrase** (scare quotes or a title): not a quotation needing a speaker.${by}`;
	}
	const quote = found.quote!;
	const lines = [`**${KIND[quote.kind]}** · ${quote.status}`];
	if (quote.speaker) {
		const name = corpus.speakerName(id, quote.speaker).name;
		const written = escape(quote.speaker.text);
		lines.push(
			'',
			`Speaker: **${escape(name ?? quote.speaker.text)}**${name && name !== quote.speaker.text ? ` (written "${written}")` : ''}`,
		);
		const via = quote.speaker.via;
		const where =
			via && here
				? ` — [line ${here.line(via.start) + 1}](${here.link(via.start)}): "${escape(shorten(text.slice(via.start, via.end), 40))}"`
				: '';
		lines.push('', `How: ${HOW[quote.speaker.resolution]}${where}`);
	} else {
		lines.push('', 'Speaker: none found in the sentence, the quotation before it, or a body quotation it repeats.');
	}
	if (quote.cue) {
		lines.push('', `Cue: *${escape(quote.cue.text)}*`);
	}
	const indexed = corpus.quotations.quotes(id).find((q) => q.start === quote.start && q.end === quote.end);
	if (indexed) {
		const matches = corpus.quotations.matches(indexed);
		if (matches.length > 0) {
			lines.push('', 'The same quotation in other articles:', '');
			for (const m of matches.slice(0, 10)) {
				const target = linker(m.quote.docId);
				const other = corpus.get(m.quote.docId)?.text ?? '';
				const label = target ? `[${escape(target.label)}:${target.line(m.quote.start) + 1}](${target.link(m.quote.start)})` : m.quote.docId;
				const how = m.distance === 0 ? 'same words' : `${m.distance} ${m.distance === 1 ? 'word differs' : 'words differ'}`;
				lines.push(`- ${label} (${how}): "${escape(shorten(other.slice(m.quote.start, m.quote.end)))}"`);
			}
		}
	} else if (quote.kind !== 'indirect' && quoteWords(text.slice(quote.start, quote.end)).length < 4) {
		lines.push('', '_Too short to compare with other articles._');
	}
	return lines.join('\n');
}
