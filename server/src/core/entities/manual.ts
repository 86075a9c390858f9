import { resolveAnchor } from '../review/anchor';
import type { Annotation } from '../review/reviewFile';
import type { Span } from '../types';
import { ENTITY_TYPES, type EntityType } from './recognise';

/** The label that marks a span as not an entity. */
export const NOT_ENTITY = 'not-entity';

/** A manual label that changes entity recognition: an entity type, or {@link NOT_ENTITY}. */
export type EntityLabel = EntityType | typeof NOT_ENTITY;

/**
 * Every entity label, in the order that breaks ties when annotations of one name disagree: the entity
 * types in display order, then `not-entity`.
 */
export const ENTITY_LABELS: readonly EntityLabel[] = [...ENTITY_TYPES, NOT_ENTITY];

/** The labels every folder offers for annotation, before `labels` from crosscheck.yaml. */
export const BUILT_IN_LABELS: readonly string[] = [...ENTITY_LABELS, 'claim', 'needs-source'];

/** Whether an annotation's label is about entity recognition. */
export function isEntityLabel(label: string): label is EntityLabel {
	return (ENTITY_LABELS as readonly string[]).includes(label);
}

/** A span of one article labelled by hand. */
export interface LabelledSpan extends Span {
	readonly label: EntityLabel;
}

/** The manual labels entity recognition honours in one document. */
export interface ManualLabels {
	/** The article's own entity annotations, found again in its text: they win over everything on their span. */
	readonly spans: readonly LabelledSpan[];
	/** The names labelled anywhere in the corpus, each with its corpus-wide label. */
	readonly names?: LabelledNames;
}

/** The name an entity annotation labels: its text without surrounding white space. */
export function labelledName(annotation: Annotation): string {
	return annotation.anchor.exact.trim();
}

/**
 * The entity annotations of an article placed in its text, trimmed of surrounding white space, in text
 * order; of two overlapping ones the first (then the longer) wins. Annotations whose text is gone are
 * left out (the review reports them as orphaned). Linear in the text's length per annotation.
 */
export function placeEntityLabels(text: string, annotations: readonly Annotation[]): LabelledSpan[] {
	const placed: LabelledSpan[] = [];
	for (const annotation of annotations) {
		if (!isEntityLabel(annotation.label)) {
			continue;
		}
		const span = resolveAnchor(text, annotation.anchor);
		if (!span) {
			continue;
		}
		let { start, end } = span;
		while (start < end && /\s/.test(text[start]!)) {
			start++;
		}
		while (end > start && /\s/.test(text[end - 1]!)) {
			end--;
		}
		if (end > start) {
			placed.push({ start, end, label: annotation.label });
		}
	}
	placed.sort((a, b) => a.start - b.start || b.end - a.end);
	const kept: LabelledSpan[] = [];
	for (const span of placed) {
		const last = kept[kept.length - 1];
		if (!last || last.end <= span.start) {
			kept.push(span);
		}
	}
	return kept;
}

/**
 * A set of labelled names, found in a text by exact, word-bounded match (like `entities.known`). Names
 * are filed under their first word, so finding them costs one pass over the words of the text and a
 * look-up per word, whatever the number of names.
 */
export class LabelledNames {
	/** First word → names starting with it, longest first. */
	private readonly byFirstWord = new Map<string, { name: string; label: EntityLabel }[]>();

	constructor(names: ReadonlyMap<string, EntityLabel>) {
		for (const [name, label] of names) {
			const first = FIRST_WORD.exec(name);
			if (!first || first.index !== 0) {
				// A name that does not start with a letter or digit is honoured where it was labelled only.
				continue;
			}
			const list = this.byFirstWord.get(first[0]) ?? this.byFirstWord.set(first[0], []).get(first[0])!;
			list.push({ name, label });
			list.sort((a, b) => b.name.length - a.name.length);
		}
	}

	/** The number of names that can be found in a text. */
	get size(): number {
		let n = 0;
		for (const list of this.byFirstWord.values()) {
			n += list.length;
		}
		return n;
	}

	/** Every word-bounded occurrence of a labelled name inside the given spans, in text order, without overlaps. */
	find(text: string, spans: readonly Span[]): LabelledSpan[] {
		const found: LabelledSpan[] = [];
		if (this.byFirstWord.size === 0) {
			return found;
		}
		const word = new RegExp(WORD.source, 'gu');
		for (const span of spans) {
			word.lastIndex = span.start;
			for (let m = word.exec(text); m && m.index < span.end; m = word.exec(text)) {
				const start = m.index;
				if (start > 0 && WORD_CHAR.test(text[start - 1]!)) {
					continue;
				}
				for (const { name, label } of this.byFirstWord.get(m[0]) ?? []) {
					const end = start + name.length;
					if (end <= span.end && text.startsWith(name, start) && !(end < text.length && WORD_CHAR.test(text[end]!))) {
						found.push({ start, end, label });
						word.lastIndex = end;
						break;
					}
				}
			}
		}
		return found;
	}
}

const WORD = /[\p{L}\p{N}\p{M}]+/u;
const FIRST_WORD = /[\p{L}\p{N}\p{M}]+/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Whether a text contains a name as a whole word (a quick test before re-analysing the text). */
export function containsName(text: string, name: string): boolean {
	if (name.length === 0) {
		return false;
	}
	for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
		const end = at + name.length;
		const boundedBefore = at === 0 || !WORD_CHAR.test(text[at - 1]!) || !WORD_CHAR.test(name[0]!);
		const boundedAfter = end >= text.length || !WORD_CHAR.test(text[end]!) || !WORD_CHAR.test(name[name.length - 1]!);
		if (boundedBefore && boundedAfter) {
			return true;
		}
	}
	return false;
}
