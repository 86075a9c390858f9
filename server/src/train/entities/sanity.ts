import type { NameType } from '../../core/entities/ner/model';
import type { GoldSpan } from './corpus';

const TYPES: Readonly<Record<string, NameType>> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'other' };

/**
 * Reads the newswire sanity set: `#` lines are comments, every other non-blank line is one sentence
 * (or headline, or dateline), a blank line ends a story, and names are marked `{TYPE words}` with TYPE
 * one of PER, ORG, LOC, MISC (CoNLL-2003 conventions: titles outside person names, nationalities MISC).
 * Returns one document per story, with the marks removed and the names as character spans.
 */
export function parseSanitySet(source: string): { text: string; sentences: { start: number; end: number }[]; gold: GoldSpan[] }[] {
	const stories: { text: string; sentences: { start: number; end: number }[]; gold: GoldSpan[] }[] = [];
	let current: { text: string; sentences: { start: number; end: number }[]; gold: GoldSpan[] } | undefined;
	for (const raw of source.split(/\r?\n/)) {
		if (raw.startsWith('#')) continue;
		if (raw.trim() === '') {
			current = undefined;
			continue;
		}
		if (!current) {
			current = { text: '', sentences: [], gold: [] };
			stories.push(current);
		}
		if (current.text !== '') current.text += '\n';
		const lineStart = current.text.length;
		const mark = /\{(PER|ORG|LOC|MISC) ([^{}]+)\}/g;
		let last = 0;
		let line = '';
		for (let m = mark.exec(raw); m; m = mark.exec(raw)) {
			line += raw.slice(last, m.index);
			const start = lineStart + line.length;
			line += m[2]!;
			current.gold.push({ start, end: lineStart + line.length, type: TYPES[m[1]!]! });
			last = m.index + m[0].length;
		}
		line += raw.slice(last);
		if (/[{}]/.test(line)) {
			throw new Error(`newswire-sanity.txt: malformed mark in ${JSON.stringify(raw)}`);
		}
		current.text += line;
		current.sentences.push({ start: lineStart, end: current.text.length });
	}
	return stories;
}
