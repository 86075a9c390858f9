import { isMap, isSeq, parseDocument, stringify as yamlScalar, YAMLSeq, type Document, type Node, type YAMLMap } from 'yaml';
import { validateNode, type SchemaNode } from '../config/validate';
import type { Span } from '../types';
import type { TextAnchor } from './anchor';

/**
 * The review file of one article: `.crosscheck/annotations/<article path>.yaml`, human-readable YAML a
 * team keeps in git. It holds the reviewer's decisions on findings and their own annotations, each
 * anchored to the text (see {@link TextAnchor}). This module reads and edits the YAML text; it never
 * touches a file.
 */

/** Where review files live, relative to the corpus root. */
export const REVIEW_FOLDER = '.crosscheck/annotations';

/** The review file of an article, both paths relative to the corpus root with forward slashes. */
export function reviewFilePath(articlePath: string): string {
	return `${REVIEW_FOLDER}/${articlePath}.yaml`;
}

/** The article a review file belongs to, or `undefined` when the path is not a review file. */
export function articleOfReviewFile(reviewPath: string): string | undefined {
	const prefix = REVIEW_FOLDER + '/';
	return reviewPath.startsWith(prefix) && reviewPath.endsWith('.yaml') && reviewPath.length > prefix.length + 5
		? reviewPath.slice(prefix.length, -'.yaml'.length)
		: undefined;
}

/** What a reviewer decided about a finding. `open` keeps a note without deciding. */
export type ReviewStatus = 'confirmed' | 'dismissed' | 'open';

/** The statuses, in the order the review view and `crosscheck review --status` list them. */
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['open', 'confirmed', 'dismissed'];

/** Who made an entry and when; both optional, both kept as written. */
interface Provenance {
	readonly by?: string;
	readonly date?: string;
}

/** A decision on a finding, identified by its rule and the text it is on. */
export interface Decision extends Provenance {
	readonly rule: string;
	readonly status: ReviewStatus;
	/** Why it was dismissed (asked for on every dismissal). */
	readonly reason?: string;
	readonly note?: string;
	readonly anchor: TextAnchor;
}

/** A reviewer's own annotation: a label on a span, with an optional note. */
export interface Annotation extends Provenance {
	readonly label: string;
	readonly note?: string;
	readonly anchor: TextAnchor;
}

/** A problem in a review file, at offsets of the YAML text. */
export interface ReviewFileProblem extends Span {
	readonly message: string;
}

/** A review file, read. Entries that are not valid are left out (and reported); the rest apply. */
export interface ReviewFile {
	readonly decisions: readonly Decision[];
	readonly annotations: readonly Annotation[];
	/** Where each decision and annotation is written in the YAML, for diagnostics on the file. */
	readonly decisionSpans: readonly Span[];
	readonly annotationSpans: readonly Span[];
	readonly problems: readonly ReviewFileProblem[];
	/** False when the YAML itself cannot be parsed: the file must then not be rewritten. */
	readonly writable: boolean;
}

const anchorProperties: Record<string, SchemaNode> = {
	text: { type: 'string', minLength: 1, description: 'The annotated text, exactly as written in the article.' },
	prefix: { type: 'string', description: 'A little of the text just before it.' },
	suffix: { type: 'string', description: 'A little of the text just after it.' },
	offset: { type: 'integer', minimum: 0, description: 'Its position when it was made (UTF-16 code units): a hint.' },
	by: { type: 'string' },
	date: { type: 'string' },
	note: { type: 'string' },
};

/** The schema review files are validated with. */
export const reviewFileSchema: SchemaNode = {
	type: 'object',
	additionalProperties: false,
	properties: {
		version: { type: 'integer', enum: [1] },
		article: { type: 'string' },
		findings: {
			type: 'array',
			items: {
				type: 'object',
				additionalProperties: false,
				required: ['rule', 'status', 'text'],
				properties: {
					rule: { type: 'string', minLength: 1 },
					status: { type: 'string', enum: REVIEW_STATUSES },
					reason: { type: 'string' },
					...anchorProperties,
				},
			},
		},
		annotations: {
			type: 'array',
			items: {
				type: 'object',
				additionalProperties: false,
				required: ['label', 'text'],
				properties: { label: { type: 'string', minLength: 1 }, ...anchorProperties },
			},
		},
	},
};

/** Reads the text of a review file. Never throws. */
export function parseReviewFile(text: string, fileName = 'The review file'): ReviewFile {
	const problems: ReviewFileProblem[] = [];
	const empty = { decisions: [], annotations: [], decisionSpans: [], annotationSpans: [] };
	const doc = parse(text);
	for (const error of doc.errors) {
		problems.push({
			start: error.pos[0],
			end: Math.max(error.pos[1], error.pos[0] + 1),
			message: `${fileName} is not valid YAML: ${error.message.split('\n')[0]}`,
		});
	}
	if (doc.errors.length > 0) {
		return { ...empty, problems, writable: false };
	}
	const contents = doc.contents as Node | null;
	if (contents === null) {
		return { ...empty, problems, writable: true };
	}
	const schemaProblems = validateNode(contents, reviewFileSchema);
	problems.push(...schemaProblems.map(({ start, end, message }) => ({ start, end, message })));
	if (!isMap(contents)) {
		return { ...empty, problems, writable: false };
	}
	const badEntry = (section: string, i: number): boolean =>
		schemaProblems.some((p) => p.path === section || p.path === `${section}[${i}]` || p.path.startsWith(`${section}[${i}].`));
	const decisions: Decision[] = [];
	const decisionSpans: Span[] = [];
	const annotations: Annotation[] = [];
	const annotationSpans: Span[] = [];
	forEachEntry(contents, 'findings', (entry, i, span) => {
		if (!badEntry('findings', i)) {
			decisions.push({
				rule: entry.rule as string,
				status: entry.status as ReviewStatus,
				...optional(entry, 'reason', 'note', 'by', 'date'),
				anchor: anchorOf(entry),
			});
			decisionSpans.push(span);
		}
	});
	forEachEntry(contents, 'annotations', (entry, i, span) => {
		if (!badEntry('annotations', i)) {
			annotations.push({ label: entry.label as string, ...optional(entry, 'note', 'by', 'date'), anchor: anchorOf(entry) });
			annotationSpans.push(span);
		}
	});
	return { decisions, annotations, decisionSpans, annotationSpans, problems, writable: true };
}

/** The first lines of a new review file. */
function header(articlePath: string): string {
	return (
		`# Crosscheck review of ${articlePath}: decisions on findings and your own annotations.\n` +
		`# Each entry is anchored by its text and a little context; edit freely, Crosscheck re-reads it.\n` +
		`version: 1\narticle: ${yamlScalar(articlePath).trimEnd()}\n`
	);
}

/**
 * Adds or replaces a decision in a review file's text. An existing decision for which `same` holds (the
 * caller resolves anchors against the article) is replaced in place, keeping its comments; a new one is
 * inserted in text order. Returns the new YAML text, or `undefined` when the file cannot be parsed and
 * must be left as it is.
 */
export function upsertDecision(
	yamlText: string,
	articlePath: string,
	decision: Decision,
	same: (existing: Decision) => boolean,
): string | undefined {
	return upsert(yamlText, articlePath, 'findings', decisionEntry(decision), (entry) => {
		const existing = entryDecision(entry);
		return existing !== undefined && same(existing);
	});
}

/** Adds or replaces an annotation (see {@link upsertDecision}). */
export function upsertAnnotation(
	yamlText: string,
	articlePath: string,
	annotation: Annotation,
	same: (existing: Annotation) => boolean,
): string | undefined {
	return upsert(yamlText, articlePath, 'annotations', annotationEntry(annotation), (entry) => {
		const existing = entryAnnotation(entry);
		return existing !== undefined && same(existing);
	});
}

/**
 * Removes the decisions (`section` "findings") or annotations for which `matches` holds. Returns the new
 * YAML text, or `undefined` when the file cannot be parsed.
 */
export function removeEntries(
	yamlText: string,
	section: 'findings' | 'annotations',
	matches: (entry: Decision | Annotation) => boolean,
): string | undefined {
	const doc = parse(yamlText);
	if (doc.errors.length > 0 || !isMap(doc.contents)) {
		return doc.errors.length > 0 ? undefined : yamlText;
	}
	const seq = doc.contents.get(section, true);
	if (!isSeq(seq)) {
		return yamlText;
	}
	const toEntry = section === 'findings' ? entryDecision : entryAnnotation;
	const before = seq.items.length;
	seq.items = seq.items.filter((item) => {
		const entry = isMap(item) ? toEntry(item.toJSON() as Record<string, unknown>) : undefined;
		return entry === undefined || !matches(entry);
	});
	return seq.items.length === before ? yamlText : stringify(doc);
}

function upsert(
	yamlText: string,
	articlePath: string,
	section: 'findings' | 'annotations',
	entry: Record<string, unknown>,
	same: (entry: Record<string, unknown>) => boolean,
): string | undefined {
	const doc = parse(yamlText.trim() === '' ? header(articlePath) : yamlText);
	if (doc.errors.length > 0) {
		return undefined;
	}
	if (doc.contents === null) {
		// Only comments: keep them, add the rest of the header.
		const fresh = parse(yamlText.trimEnd() + '\n' + header(articlePath).replace(/^#.*\n/gm, ''));
		return fresh.errors.length > 0 ? undefined : upsert(stringify(fresh), articlePath, section, entry, same);
	}
	if (!isMap(doc.contents)) {
		return undefined;
	}
	const existing = doc.contents.get(section, true);
	if (existing !== undefined && existing !== null && !isSeq(existing)) {
		return undefined;
	}
	let seq: YAMLSeq;
	if (isSeq(existing)) {
		seq = existing;
	} else {
		seq = new YAMLSeq();
		doc.contents.set(section, seq);
	}
	const node = doc.createNode(entry) as YAMLMap;
	const index = seq.items.findIndex((item) => isMap(item) && same(item.toJSON() as Record<string, unknown>));
	if (index >= 0) {
		const old = seq.items[index] as YAMLMap;
		node.commentBefore = old.commentBefore;
		node.comment = old.comment;
		seq.items[index] = node;
	} else {
		const offset = entry.offset as number;
		const at = seq.items.findIndex((item) => {
			const other = isMap(item) ? item.get('offset') : undefined;
			return typeof other === 'number' && other > offset;
		});
		seq.items.splice(at >= 0 ? at : seq.items.length, 0, node);
	}
	return stringify(doc);
}

function decisionEntry(d: Decision): Record<string, unknown> {
	return compact({
		rule: d.rule,
		status: d.status,
		reason: d.reason,
		note: d.note,
		text: d.anchor.exact,
		prefix: d.anchor.prefix,
		suffix: d.anchor.suffix,
		offset: d.anchor.offset,
		by: d.by,
		date: d.date,
	});
}

function annotationEntry(a: Annotation): Record<string, unknown> {
	return compact({
		label: a.label,
		note: a.note,
		text: a.anchor.exact,
		prefix: a.anchor.prefix,
		suffix: a.anchor.suffix,
		offset: a.anchor.offset,
		by: a.by,
		date: a.date,
	});
}

function entryDecision(entry: Record<string, unknown>): Decision | undefined {
	return typeof entry.rule === 'string' && typeof entry.text === 'string'
		? {
				rule: entry.rule,
				status: entry.status as ReviewStatus,
				...optional(entry, 'reason', 'note', 'by', 'date'),
				anchor: anchorOf(entry),
			}
		: undefined;
}

function entryAnnotation(entry: Record<string, unknown>): Annotation | undefined {
	return typeof entry.label === 'string' && typeof entry.text === 'string'
		? { label: entry.label, ...optional(entry, 'note', 'by', 'date'), anchor: anchorOf(entry) }
		: undefined;
}

function anchorOf(entry: Record<string, unknown>): TextAnchor {
	return {
		exact: entry.text as string,
		prefix: typeof entry.prefix === 'string' ? entry.prefix : '',
		suffix: typeof entry.suffix === 'string' ? entry.suffix : '',
		offset: typeof entry.offset === 'number' ? entry.offset : 0,
	};
}

function optional<K extends string>(entry: Record<string, unknown>, ...keys: K[]): Partial<Record<K, string>> {
	const result: Partial<Record<K, string>> = {};
	for (const key of keys) {
		if (typeof entry[key] === 'string') {
			result[key] = entry[key];
		}
	}
	return result;
}

function compact(entry: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined && v !== ''));
}

function forEachEntry(
	contents: YAMLMap,
	section: string,
	visit: (entry: Record<string, unknown>, index: number, span: Span) => void,
): void {
	const seq = contents.get(section, true);
	if (!isSeq(seq)) {
		return;
	}
	seq.items.forEach((item, i) => {
		if (isMap(item)) {
			const range = item.range ?? [0, 0, 0];
			visit(item.toJSON() as Record<string, unknown>, i, { start: range[0], end: Math.max(range[1], range[0] + 1) });
		}
	});
}

function parse(text: string): Document {
	return parseDocument(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text, { prettyErrors: false, uniqueKeys: true });
}

function stringify(doc: Document): string {
	return doc.toString({ lineWidth: 0 });
}
