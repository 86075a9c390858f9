import { parseDocument, isMap, isScalar } from 'yaml';

/** Metadata an article may declare in YAML front matter (or in crosscheck.yaml's `documents`). */
export interface DocumentMetadata {
	readonly title?: string;
	readonly outlet?: string;
	/** Publication time as given (ISO 8601 recommended). */
	readonly published?: string;
	readonly url?: string;
}

/** A problem found while reading front matter, with the offsets of the offending text. */
export interface FrontMatterProblem {
	readonly start: number;
	readonly end: number;
	readonly message: string;
}

/** The result of reading an article's front matter. */
export interface FrontMatter {
	/** The whole block, delimiters included; analysis skips it. */
	readonly start: number;
	readonly end: number;
	readonly metadata: DocumentMetadata;
	readonly problems: readonly FrontMatterProblem[];
}

const KNOWN_KEYS = new Set(['title', 'outlet', 'published', 'url']);
const OPENING = /^\uFEFF?---[ \t]*(\r\n|\r|\n)/;
const CLOSING = /^(---|\.\.\.)[ \t]*$/gm;

/**
 * Reads YAML front matter: a `---` line at the very top of the text, YAML, and a closing `---` (or
 * `...`) line. Returns `undefined` when the text has none. Never throws: malformed YAML and values of
 * the wrong type are reported as problems, and the block is still excluded from analysis.
 */
export function parseFrontMatter(text: string): FrontMatter | undefined {
	const opening = OPENING.exec(text);
	if (!opening) {
		return undefined;
	}
	const contentStart = opening[0].length;
	CLOSING.lastIndex = contentStart;
	const closing = CLOSING.exec(text);
	if (!closing) {
		// Without a closing line this is not front matter but an article that starts with a rule line.
		return undefined;
	}
	const contentEnd = closing.index;
	let end = closing.index + closing[0].length;
	if (text.charCodeAt(end) === 13) {
		end++;
	}
	if (text.charCodeAt(end) === 10) {
		end++;
	}
	const problems: FrontMatterProblem[] = [];
	const metadata: { -readonly [K in keyof DocumentMetadata]: DocumentMetadata[K] } = {};
	const doc = parseDocument(text.slice(contentStart, contentEnd), { prettyErrors: false });
	for (const error of doc.errors) {
		problems.push({
			start: contentStart + error.pos[0],
			end: contentStart + Math.max(error.pos[1], error.pos[0] + 1),
			message: `Front matter is not valid YAML: ${firstLine(error.message)}`,
		});
	}
	if (doc.errors.length === 0 && doc.contents !== null) {
		if (!isMap(doc.contents)) {
			const range = doc.contents.range ?? [0, 0];
			problems.push({
				start: contentStart + range[0],
				end: contentStart + range[1],
				message: 'Front matter must be a mapping of keys (title, outlet, published, url) to values.',
			});
		} else {
			for (const pair of doc.contents.items) {
				const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
				const keyRange: readonly [number, number] = isScalar(pair.key) && pair.key.range ? [pair.key.range[0], pair.key.range[1]] : [0, 0];
				if (key === undefined || !KNOWN_KEYS.has(key)) {
					// Unknown keys are the user's own metadata; keep quiet about them.
					continue;
				}
				const value = pair.value;
				const valueRange: readonly [number, number] =
					value && typeof value === 'object' && 'range' in value && value.range ? [value.range[0], value.range[1]] : keyRange;
				const raw = isScalar(value) ? value.value : undefined;
				const asString =
					raw instanceof Date ? raw.toISOString() : typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
				if (asString === undefined || asString.trim() === '') {
					problems.push({
						start: contentStart + valueRange[0],
						end: contentStart + Math.max(valueRange[1], valueRange[0] + 1),
						message: `Front matter key "${key}" needs a text value.`,
					});
					continue;
				}
				if (key === 'published' && Number.isNaN(Date.parse(asString))) {
					problems.push({
						start: contentStart + valueRange[0],
						end: contentStart + valueRange[1],
						message: `"published" is not a date: "${asString}". Use ISO 8601, for example 2025-03-04 or 2025-03-04T08:30:00Z.`,
					});
					continue;
				}
				metadata[key as keyof DocumentMetadata] = asString;
			}
		}
	}
	return { start: 0, end, metadata, problems };
}

function firstLine(message: string): string {
	const line = message.split('\n')[0] ?? message;
	return line.replace(/ at line \d+, column \d+:?$/, '');
}
