import { analyseDocument, compareFindings, ruleSeverity, type AnalysisContext, type DocumentAnalysis } from '../analyse';
import { entityFindings } from '../rules/entity';
import { quoteVariantFindings } from '../rules/quote-variant';
import { QuoteIndex } from './quoteIndex';
import { FactIndex } from './factIndex';
import { foldWord, NameIndex, type NameWord } from './nameIndex';
import { aliasWordPairs, nameVariantFindings } from '../rules/name-variant';
import { clusterOf } from './clusters';
import { figureFindings } from '../rules/figure-conflict';
import { dateFacts, dateFindings } from '../rules/date-conflict';
import { findRuleMentions, ruleSpans } from '../entities/recognise';
import type { Speaker } from '../attribution/speakers';
import { EntityRegistry, type LinkedMention } from './entityRegistry';
import type { Options } from '../options';
import type { DocumentMetadata } from '../text/frontMatter';
import type { CancellationLike, Finding, Span } from '../types';
import {
	containsName,
	isEntityLabel,
	labelledName,
	placeEntityLabels,
	type EntityLabel,
	type LabelledSpan,
	type ManualLabels,
} from '../entities/manual';
import type { Annotation, ReviewFile } from '../review/reviewFile';
import { manualLabelConflictFindings } from '../rules/manual-label-conflict';
import { ManualLabelTable } from './labelTable';

/** The cross-document rule families whose empty results the corpus remembers per document (see `Corpus.empty`): bits. */
const enum Family {
	Quotes = 1,
	Figures = 2,
	Dates = 4,
	Names = 8,
}

/** A document as the corpus holds it. */
export interface CorpusDocument {
	readonly id: string;
	/** The path relative to the corpus root, with forward slashes, when the document is a file there. */
	readonly path?: string;
	readonly version: number;
	/** The text analysed (dates and figures are found again from it on demand). */
	readonly text: string;
	readonly analysis: DocumentAnalysis;
	/** Metadata from front matter merged over crosscheck.yaml's `documents` entry. */
	readonly metadata: DocumentMetadata;
}

/**
 * The set of analysed documents of one corpus (one workspace folder, or one CLI run). Front ends feed
 * it text as files are read or edited; it keeps each document's analysis and answers which documents'
 * findings changed, so cross-document rules can be added without either front end changing.
 */
export class Corpus {
	private readonly documents = new Map<string, CorpusDocument>();
	/** The cross-document entity index. */
	readonly entities = new EntityRegistry();
	/** The cross-document quotation index (for `quote-variant` and quotation hovers). */
	readonly quotations = new QuoteIndex();
	/** The figures of every document by cluster and quantity (for the figure rules and the fact table). */
	readonly facts = new FactIndex();
	/** The words of recognised names by cluster and spelling (for `name-variant`). */
	readonly names = new NameIndex((id) => {
		const doc = this.documents.get(id);
		return doc ? nameWords(doc.analysis.entities.mentions) : [];
	});
	/** When each article says its event happened, resolved, by cluster (for `date-conflict`). */
	readonly dates = new FactIndex();
	/** The entity labels of the review files, by name (for recognition and `manual-label-conflict`). */
	readonly labels = new ManualLabelTable();
	/** The entity annotations of each article's review file, by article path. */
	private readonly reviewed = new Map<string, readonly Annotation[]>();
	/** The stored document of each article path. */
	private readonly idsByPath = new Map<string, string>();
	/** The entity annotations of each document, placed in its current text. */
	private readonly placed = new Map<string, readonly LabelledSpan[]>();
	/**
	 * Per document, the rule families known to give it no cross-document finding (a bit per family),
	 * until an index reports the document affected for that family: a figure edit recomputes its
	 * cluster-mates' figure findings, not their quotation and spelling comparisons, which for most
	 * articles find nothing. Only "nothing" is kept, so the cache costs a number per document.
	 */
	private readonly empty = new Map<string, number>();

	constructor(
		private options: Options,
		private documentMetadata: Readonly<Record<string, DocumentMetadata>> = {},
		private readonly context: AnalysisContext = {},
	) {}

	/** The options documents are analysed with. */
	get currentOptions(): Options {
		return this.options;
	}

	/** Replaces the options; every document must then be re-analysed by its owner with {@link update}. */
	setOptions(options: Options, documentMetadata: Readonly<Record<string, DocumentMetadata>> = {}): void {
		this.options = options;
		this.documentMetadata = documentMetadata;
		this.empty.clear();
	}

	/**
	 * Analyses a new version of a document and stores it. Returns the ids of the documents whose
	 * findings may have changed: this one first, then others whose linked entities changed. Returns `undefined`, storing nothing, when the
	 * analysis was cancelled or a newer version is already stored.
	 */
	update(id: string, text: string, version: number, path?: string, token?: CancellationLike): string[] | undefined {
		const existing = this.documents.get(id);
		if (existing && existing.version > version) {
			return undefined;
		}
		const own = path !== undefined ? placeEntityLabels(text, this.reviewed.get(path) ?? []) : [];
		const names = this.labels.names();
		const manual: ManualLabels | undefined = own.length > 0 || names.size > 0 ? { spans: own, names } : undefined;
		const full = analyseDocument(text, this.options, token, manual ? { ...this.context, manual } : this.context);
		// Sentences serve the rules during analysis only; dropping them keeps a large corpus small.
		// So do the speaker + cue pairs: the rules have read them; quotations and statements are kept.
		const analysis: DocumentAnalysis = {
			...full,
			structure: { ...full.structure, sentences: [] },
			attribution: { ...full.attribution, sources: [] },
		};
		if (token?.isCancellationRequested) {
			return undefined;
		}
		if (existing?.path !== undefined && existing.path !== path && this.idsByPath.get(existing.path) === id) {
			this.idsByPath.delete(existing.path);
		}
		if (path !== undefined) {
			this.idsByPath.set(path, id);
		}
		if (own.length > 0) {
			this.placed.set(id, own);
		} else {
			this.placed.delete(id);
		}
		const configured = path !== undefined ? this.documentMetadata[path] : undefined;
		const metadata = { ...configured, ...analysis.metadata };
		this.documents.set(
			id,
			path !== undefined ? { id, path, version, text, analysis, metadata } : { id, version, text, analysis, metadata },
		);
		this.empty.delete(id);
		const cluster = clusterOf(path, this.options.clusters);
		const others = this.entities.update(id, analysis.entities.mentions, analysis.entities.candidates, cluster);
		this.affect(others, Family.Quotes, this.quotations.update(id, text, analysis.attribution.quotes));
		this.affect(others, Family.Figures, this.facts.update(id, cluster, analysis.facts));
		const oldWords = existing ? nameWords(existing.analysis.entities.mentions) : [];
		this.affect(others, Family.Names, this.names.update(id, cluster, nameWords(analysis.entities.mentions), oldWords));
		const published = typeof metadata.published === 'string' ? metadata.published : undefined;
		this.affect(others, Family.Dates, this.dates.update(id, cluster, dateFacts(analysis.eventDates, published)));
		if (existing && (existing.metadata.outlet !== metadata.outlet || existing.metadata.published !== metadata.published)) {
			// Messages of the cluster's figure, date and spelling findings name this article by outlet and time.
			const mates = new Set<string>();
			for (const doc of this.documents.values()) {
				if (doc.id !== id && clusterOf(doc.path, this.options.clusters) === cluster) {
					mates.add(doc.id);
				}
			}
			for (const family of [Family.Figures, Family.Dates, Family.Names]) {
				this.affect(others, family, mates);
			}
		}
		others.delete(id);
		return [id, ...[...others].filter((other) => this.documents.has(other))];
	}

	/** Forgets a document. Returns the ids of documents whose findings may have changed. */
	remove(id: string): string[] {
		const existing = this.documents.get(id);
		if (!existing || !this.documents.delete(id)) {
			return [];
		}
		if (existing.path !== undefined && this.idsByPath.get(existing.path) === id) {
			this.idsByPath.delete(existing.path);
		}
		this.placed.delete(id);
		this.empty.delete(id);
		const others = this.entities.remove(id);
		this.affect(others, Family.Quotes, this.quotations.remove(id));
		this.affect(others, Family.Figures, this.facts.remove(id));
		this.affect(others, Family.Names, this.names.remove(id, nameWords(existing.analysis.entities.mentions)));
		this.affect(others, Family.Dates, this.dates.remove(id));
		return [id, ...[...others].filter((other) => this.documents.has(other))];
	}

	/**
	 * Gives the corpus an article's review file (`undefined` when it has none), whose entity annotations
	 * change recognition: each labels its span, and its name wherever it occurs in the corpus. Reviews
	 * may be given before their articles (then nothing is analysed again). Otherwise the article itself,
	 * and every stored document containing a name whose corpus-wide label changed, are analysed again.
	 * Returns the ids of the documents whose findings may have changed.
	 */
	setReview(path: string, review: ReviewFile | undefined): string[] {
		const annotations = (review?.annotations ?? []).filter((a) => isEntityLabel(a.label) && labelledName(a).length > 0);
		const before = this.reviewed.get(path) ?? [];
		if (sameAnnotations(before, annotations)) {
			return [];
		}
		if (annotations.length > 0) {
			this.reviewed.set(path, annotations);
		} else {
			this.reviewed.delete(path);
		}
		const { relabelled, touched } = this.labels.set(
			path,
			annotations.map((a) => ({ name: labelledName(a), label: a.label as EntityLabel })),
		);
		const redo = new Set<string>();
		const own = this.idsByPath.get(path);
		if (own !== undefined) {
			redo.add(own);
		}
		if (relabelled.size > 0) {
			// A native substring search per name: cheap next to analysing the articles that contain it.
			for (const doc of this.documents.values()) {
				if (!redo.has(doc.id) && [...relabelled].some((name) => containsName(doc.text, name))) {
					redo.add(doc.id);
				}
			}
		}
		const changed = new Set<string>();
		for (const id of redo) {
			const doc = this.documents.get(id)!;
			for (const other of this.update(id, doc.text, doc.version, doc.path) ?? [id]) {
				changed.add(other);
			}
		}
		// The conflict findings of every article annotating a name whose counts changed.
		for (const name of touched) {
			for (const article of this.labels.articlesOf(name)) {
				const id = this.idsByPath.get(article);
				if (id !== undefined) {
					changed.add(id);
				}
			}
		}
		return [...changed];
	}

	/**
	 * The entity mentions of a document: its names, linked across the corpus and including names
	 * propagated from other articles, and its dates and figures, in text order.
	 */
	mentions(id: string): LinkedMention[] {
		const doc = this.documents.get(id);
		if (!doc || !this.options.recogniseEntities) {
			return [];
		}
		const names = this.entities.mentions(id);
		const suppressed: readonly Span[] = doc.analysis.entities.suppressed ?? [];
		const rules = findRuleMentions(
			doc.text,
			ruleSpans(doc.analysis.structure),
			suppressed.length > 0 ? [...names, ...suppressed] : names,
		).map((m) => ({ ...m, entity: m.key }));
		return [...names, ...rules].sort((a, b) => a.start - b.start || a.end - b.end);
	}

	/**
	 * The corpus-wide name of a speaker: the linked entity's name when the speaker names, or was
	 * resolved to, a recognised mention ("Cavusoglu" → "Mevlut Cavusoglu"); else its own canonical name.
	 * A continued or repeated quotation keeps the span of the speaker it takes over (its `via` is the
	 * quotation it continues or repeats, whose names are not its speaker's).
	 */
	speakerName(id: string, speaker: Speaker): { name?: string; entity?: string } {
		const own = speaker.resolution === 'name' || speaker.resolution === 'continuation' || speaker.resolution === 'pull';
		const target = own ? speaker : speaker.via;
		if (target && this.options.recogniseEntities) {
			const mention = this.entities
				.mentions(id)
				.filter((m) => m.start < target.end && target.start < m.end && (m.type === 'person' || m.type === 'organization'))
				.pop();
			const summary = mention ? this.entities.entity(mention.entity) : undefined;
			if (mention && summary) {
				return { name: summary.name, entity: mention.entity };
			}
		}
		return speaker.canonical !== undefined ? { name: speaker.canonical } : {};
	}

	/** The stored document, if any. */
	get(id: string): CorpusDocument | undefined {
		return this.documents.get(id);
	}

	/** The findings of a document, document and corpus rules together, by offset (empty when unknown). */
	findings(id: string): readonly Finding[] {
		const doc = this.documents.get(id);
		if (!doc) {
			return [];
		}
		const extra: Finding[] = [];
		const variantSeverity = ruleSeverity('quote-variant', this.options);
		if (variantSeverity) {
			extra.push(
				...this.family(id, Family.Quotes, () =>
					quoteVariantFindings(
						id,
						doc.analysis.attribution.quotes,
						this.quotations,
						(other) => this.documents.get(other)?.text,
						variantSeverity,
					),
				),
			);
		}
		const conflict = ruleSeverity('figure-conflict', this.options);
		const divergence = ruleSeverity('figure-divergence', this.options);
		if (conflict || divergence) {
			extra.push(
				...this.family(id, Family.Figures, () =>
					figureFindings(id, this.facts, (other) => this.articleName(other), {
						...(conflict ? { conflict } : {}),
						...(divergence ? { divergence } : {}),
					}),
				),
			);
		}
		const dateSeverity = ruleSeverity('date-conflict', this.options);
		if (dateSeverity) {
			extra.push(...this.family(id, Family.Dates, () => dateFindings(id, this.dates, (other) => this.articleName(other), dateSeverity)));
		}
		const variant = ruleSeverity('name-variant', this.options);
		if (variant) {
			extra.push(
				...this.family(id, Family.Names, () =>
					nameVariantFindings(
						id,
						this.names,
						(other) => this.articleName(other).name,
						(other, folded) => this.names.words(other)?.words.find((w) => foldWord(w.text) === folded),
						variant,
						this.aliasPairs(),
					),
				),
			);
		}
		const labelConflict = ruleSeverity('manual-label-conflict', this.options);
		const placed = this.placed.get(id);
		if (labelConflict && placed) {
			extra.push(...manualLabelConflictFindings(doc.text, placed, this.labels, labelConflict));
		}
		const severity = ruleSeverity('entity', this.options);
		if (severity) {
			extra.push(...entityFindings(this.mentions(id), severity));
		}
		return extra.length === 0 ? doc.analysis.findings : [...doc.analysis.findings, ...extra].sort(compareFindings);
	}

	private aliasCache: { aliases: Options['entityAliases']; pairs: Set<string> } | undefined;

	/** The word pairs of the configured aliases, computed once per options. */
	/** A document's findings of one rule family, from the cache or computed and kept. */
	private family(id: string, family: Family, compute: () => readonly Finding[]): readonly Finding[] {
		const known = this.empty.get(id) ?? 0;
		if (known & family) {
			return [];
		}
		const found = compute();
		if (found.length === 0) {
			this.empty.set(id, known | family);
		}
		return found;
	}

	/** Adds an index's affected documents to `others` and forgets that the family found nothing for them. */
	private affect(others: Set<string>, family: Family, affected: Iterable<string>): void {
		for (const other of affected) {
			others.add(other);
			const known = this.empty.get(other);
			if (known !== undefined && known & family) {
				this.empty.set(other, known & ~family);
			}
		}
	}

	private aliasPairs(): Set<string> {
		if (this.aliasCache?.aliases !== this.options.entityAliases) {
			this.aliasCache = { aliases: this.options.entityAliases, pairs: aliasWordPairs(this.options.entityAliases) };
		}
		return this.aliasCache.pairs;
	}

	/** An article as messages name it: its outlet (from metadata) or file name, and its publication time. */
	articleName(id: string): { name: string; published?: string } {
		const doc = this.documents.get(id);
		const file = (doc?.path ?? id).split('/').pop() ?? id;
		const outlet = doc?.metadata.outlet;
		const published = doc?.metadata.published;
		return {
			name: outlet ? `${outlet} (${file})` : file,
			...(typeof published === 'string' ? { published } : {}),
		};
	}

	/** Every stored document. */
	all(): IterableIterator<CorpusDocument> {
		return this.documents.values();
	}

	/** The number of stored documents. */
	get size(): number {
		return this.documents.size;
	}
}

/** Whether two lists of annotations label the same texts the same way, anchored alike. */
function sameAnnotations(a: readonly Annotation[], b: readonly Annotation[]): boolean {
	return (
		a.length === b.length &&
		a.every((x, i) => {
			const y = b[i]!;
			return (
				x.label === y.label &&
				x.anchor.exact === y.anchor.exact &&
				x.anchor.prefix === y.anchor.prefix &&
				x.anchor.suffix === y.anchor.suffix &&
				x.anchor.offset === y.anchor.offset
			);
		})
	);
}

/** The capitalised words of a document's recognised names (people, organisations, places, other names; not offices). */
function nameWords(mentions: readonly { start: number; end: number; type: string; text: string; source: string }[]): NameWord[] {
	const words: NameWord[] = [];
	for (const m of mentions) {
		if (m.type === 'date' || m.type === 'figure' || m.source === 'description') {
			continue;
		}
		const pattern = /\p{Lu}[\p{L}\p{M}]+/gu;
		const found: RegExpExecArray[] = [];
		for (let w = pattern.exec(m.text); w; w = pattern.exec(m.text)) {
			found.push(w);
		}
		for (const w of found) {
			const partners = found.filter((o) => o !== w).map((o) => foldWord(o[0]));
			words.push({ start: m.start + w.index, end: m.start + w.index + w[0].length, text: w[0], type: m.type, partners });
		}
	}
	return words;
}
