import { TAGS } from '../../core/entities/ner/model';
import type { TrainingSentence } from './perceptron';

/** How the Groningen Meaning Bank's entity classes map onto the recogniser's name types. */
const GMB_TYPES: Readonly<Record<string, string | undefined>> = {
	per: 'person',
	org: 'organization',
	geo: 'place',
	gpe: 'other',
	art: 'other',
	eve: 'other',
	nat: 'other',
	// Times are not names: dates are recognised by rules.
	tim: undefined,
};

/** Splits one CSV line into fields (RFC 4180 quoting; no line breaks inside fields in this file). */
export function parseCsvLine(line: string): string[] {
	const fields: string[] = [];
	let i = 0;
	for (;;) {
		if (line[i] === '"') {
			let value = '';
			i++;
			for (;;) {
				const q = line.indexOf('"', i);
				if (q < 0) {
					value += line.slice(i);
					i = line.length;
					break;
				}
				value += line.slice(i, q);
				if (line[q + 1] === '"') {
					value += '"';
					i = q + 2;
				} else {
					i = q + 1;
					break;
				}
			}
			fields.push(value);
		} else {
			const comma = line.indexOf(',', i);
			fields.push(comma < 0 ? line.slice(i) : line.slice(i, comma));
			i = comma < 0 ? line.length : comma;
		}
		if (i >= line.length || line[i] !== ',') {
			break;
		}
		i++;
		if (i === line.length) {
			fields.push('');
			break;
		}
	}
	return fields;
}

/**
 * Reads the GMB CSV (`Sentence #,Word,POS,Tag`, IOB2 tags) into sentences with the recogniser's tags.
 * A continuing tag whose name was not begun (or was begun with another type) begins a name.
 */
export function readGmbCsv(text: string): TrainingSentence[] {
	const sentences: { tokens: string[]; tags: number[] }[] = [];
	const lines = text.split(/\r?\n/);
	for (let n = 1; n < lines.length; n++) {
		const line = lines[n]!;
		if (line === '') {
			continue;
		}
		const [sentence, word, , tag] = parseCsvLine(line);
		if (word === undefined || tag === undefined) {
			throw new Error(`GMB CSV line ${n + 1}: expected 4 fields.`);
		}
		if (sentence !== '' || sentences.length === 0) {
			sentences.push({ tokens: [], tags: [] });
		}
		const current = sentences[sentences.length - 1]!;
		let tagIndex = 0;
		if (tag !== 'O') {
			const m = /^([BI])-(\w+)$/.exec(tag);
			if (!m || !(m[2]! in GMB_TYPES)) {
				throw new Error(`GMB CSV line ${n + 1}: unknown tag ${JSON.stringify(tag)}.`);
			}
			const type = GMB_TYPES[m[2]!];
			if (type !== undefined) {
				const begin = TAGS.indexOf(`B-${type}`);
				const previous = current.tags[current.tags.length - 1];
				tagIndex = m[1] === 'I' && (previous === begin || previous === begin + 1) ? begin + 1 : begin;
			}
		}
		current.tokens.push(word);
		current.tags.push(tagIndex);
	}
	return sentences;
}
