import type { Span } from '../types';

/**
 * Agreement between two annotators' labels on the same articles. Two measures:
 *
 * - **Cohen's kappa over tokens.** The unit is the token: a run of letters, digits and combining marks, or
 *   any other single character that is not white space. A token's category for an annotator is the set of
 *   labels of that annotator's annotations overlapping it (`none` when there is none; several labels make
 *   one category such as `person+claim`). Overall kappa compares these categories over every token of the
 *   articles both annotated; the kappa of a label compares, token by token, whether each annotator gave
 *   the label (two categories: the label or not). κ = (pₒ − pₑ) / (1 − pₑ), pₒ the share of tokens with
 *   the same category, pₑ = Σₖ pA(k)·pB(k); undefined (`null`) when pₑ = 1 (both gave every token the
 *   same single category).
 * - **Span precision, recall and F1.** An annotation matches when the other side has the same label on
 *   exactly the same span; B is scored against A (precision = matched / B's, recall = matched / A's), and
 *   F1 = 2·matched / (A's + B's) is symmetric. The same label twice on one span counts once.
 */

/** A label on a span of an article's text (UTF-16 offsets). */
export interface AgreementSpan extends Span {
	readonly label: string;
}

/** One article both annotators annotated. */
export interface AgreementArticle {
	readonly text: string;
	readonly a: readonly AgreementSpan[];
	readonly b: readonly AgreementSpan[];
}

/** Counts and scores for one label, or overall (micro). */
export interface AgreementRow {
	/** Annotations (distinct spans with this label) on each side, and how many match exactly. */
	readonly a: number;
	readonly b: number;
	readonly matched: number;
	/** `null` when undefined (no annotation on the side divided by). */
	readonly precision: number | null;
	readonly recall: number | null;
	readonly f1: number | null;
	/** Tokens each side gave the label (for the overall row: tokens with any label). */
	readonly tokensA: number;
	readonly tokensB: number;
	readonly kappa: number | null;
}

/** The agreement over a set of articles. */
export interface AgreementReport {
	readonly tokens: number;
	/** By label, in alphabetical order. */
	readonly labels: ReadonlyMap<string, AgreementRow>;
	readonly overall: AgreementRow;
}

/** Computes the agreement over the articles. Linear in the text plus the tokens the annotations cover. */
export function computeAgreement(articles: readonly AgreementArticle[]): AgreementReport {
	const labels = new Set<string>();
	for (const article of articles) {
		for (const s of [...article.a, ...article.b]) {
			labels.add(s.label);
		}
	}
	const sorted = [...labels].sort();
	// Per label: the binary table over tokens [both, only A, only B]; overall: category pairs.
	const binary = new Map(sorted.map((l) => [l, { both: 0, onlyA: 0, onlyB: 0 }]));
	const categories = new Map<string, { a: number; b: number }>();
	let agree = 0;
	let tokens = 0;
	let anyA = 0;
	let anyB = 0;
	for (const article of articles) {
		const words = tokenSpans(article.text);
		tokens += words.length;
		const labelsA = labelTokens(words, article.a);
		const labelsB = labelTokens(words, article.b);
		for (let i = 0; i < words.length; i++) {
			const la = labelsA[i];
			const lb = labelsB[i];
			const ca = la ? [...la].sort().join('+') : 'none';
			const cb = lb ? [...lb].sort().join('+') : 'none';
			if (ca === cb) {
				agree++;
			}
			bump(categories, ca).a++;
			bump(categories, cb).b++;
			anyA += la ? 1 : 0;
			anyB += lb ? 1 : 0;
			for (const l of new Set([...(la ?? []), ...(lb ?? [])])) {
				const row = binary.get(l)!;
				const inA = la?.has(l) === true;
				const inB = lb?.has(l) === true;
				if (inA && inB) {
					row.both++;
				} else if (inA) {
					row.onlyA++;
				} else {
					row.onlyB++;
				}
			}
		}
	}
	const spans = sorted.map((l) => [l, spanCounts(articles, l)] as const);
	const rows = new Map<string, AgreementRow>();
	for (const [label, counts] of spans) {
		const t = binary.get(label)!;
		const tokensA = t.both + t.onlyA;
		const tokensB = t.both + t.onlyB;
		const none = tokens - t.both - t.onlyA - t.onlyB;
		rows.set(label, {
			...scores(counts.a, counts.b, counts.matched),
			tokensA,
			tokensB,
			kappa: kappa(tokens, t.both + none, [
				[tokensA, tokensB],
				[tokens - tokensA, tokens - tokensB],
			]),
		});
	}
	const total = spans.reduce((sum, [, c]) => ({ a: sum.a + c.a, b: sum.b + c.b, matched: sum.matched + c.matched }), {
		a: 0,
		b: 0,
		matched: 0,
	});
	const overall: AgreementRow = {
		...scores(total.a, total.b, total.matched),
		tokensA: anyA,
		tokensB: anyB,
		kappa: kappa(
			tokens,
			agree,
			[...categories.values()].map((c) => [c.a, c.b]),
		),
	};
	return { tokens, labels: rows, overall };
}

/** The tokens of a text, as spans: runs of letters, digits and marks, or single other non-space characters. */
export function tokenSpans(text: string): Span[] {
	const found: Span[] = [];
	for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu)) {
		found.push({ start: m.index, end: m.index + m[0].length });
	}
	return found;
}

/** For each token, the labels of the spans overlapping it (undefined for none). */
function labelTokens(words: readonly Span[], spans: readonly AgreementSpan[]): (Set<string> | undefined)[] {
	const result: (Set<string> | undefined)[] = new Array(words.length);
	for (const s of spans) {
		// The first token ending after the span's start, by binary search; then every token starting before its end.
		let lo = 0;
		let hi = words.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (words[mid]!.end <= s.start) {
				lo = mid + 1;
			} else {
				hi = mid;
			}
		}
		for (let i = lo; i < words.length && words[i]!.start < s.end; i++) {
			(result[i] ??= new Set()).add(s.label);
		}
	}
	return result;
}

function spanCounts(articles: readonly AgreementArticle[], label: string): { a: number; b: number; matched: number } {
	let a = 0;
	let b = 0;
	let matched = 0;
	for (const article of articles) {
		const keys = (spans: readonly AgreementSpan[]): Set<string> =>
			new Set(spans.filter((s) => s.label === label).map((s) => `${s.start}:${s.end}`));
		const inA = keys(article.a);
		const inB = keys(article.b);
		a += inA.size;
		b += inB.size;
		for (const k of inB) {
			matched += inA.has(k) ? 1 : 0;
		}
	}
	return { a, b, matched };
}

function scores(a: number, b: number, matched: number): Pick<AgreementRow, 'a' | 'b' | 'matched' | 'precision' | 'recall' | 'f1'> {
	return {
		a,
		b,
		matched,
		precision: b > 0 ? matched / b : null,
		recall: a > 0 ? matched / a : null,
		f1: a + b > 0 ? (2 * matched) / (a + b) : null,
	};
}

/** Cohen's kappa from the number of units, the number agreed on, and each category's count on each side. */
export function kappa(units: number, agreed: number, marginals: readonly (readonly [number, number])[]): number | null {
	if (units === 0) {
		return null;
	}
	const po = agreed / units;
	const pe = marginals.reduce((sum, [a, b]) => sum + (a / units) * (b / units), 0);
	return pe >= 1 ? null : (po - pe) / (1 - pe);
}

function bump(map: Map<string, { a: number; b: number }>, key: string): { a: number; b: number } {
	let entry = map.get(key);
	if (!entry) {
		entry = { a: 0, b: 0 };
		map.set(key, entry);
	}
	return entry;
}
