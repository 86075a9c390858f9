import type { NameType } from '../../core/entities/ner/model';

/** A typed span, gold or predicted. */
export interface TypedSpan {
	readonly start: number;
	readonly end: number;
	readonly type: NameType;
}

/** The types that are scored; `other` (nationalities, events, works) is not. */
export const SCORED_TYPES: readonly NameType[] = ['person', 'organization', 'place'];

/** True positives, false positives and false negatives per type. */
export class SpanScore {
	readonly counts = new Map<NameType, { tp: number; fp: number; fn: number }>(SCORED_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));

	/** Adds one document: exact span and type matches count (CoNLL style); `other` spans are ignored. */
	add(gold: readonly TypedSpan[], predicted: readonly TypedSpan[]): void {
		const key = (s: TypedSpan) => `${s.start}:${s.end}:${s.type}`;
		const goldKeys = new Set(gold.filter((s) => s.type !== 'other').map(key));
		const predictedKeys = new Set(predicted.filter((s) => s.type !== 'other').map(key));
		for (const s of gold) {
			if (s.type === 'other') continue;
			const c = this.counts.get(s.type)!;
			if (predictedKeys.has(key(s))) c.tp++;
			else c.fn++;
		}
		for (const s of predicted) {
			if (s.type === 'other') continue;
			if (!goldKeys.has(key(s))) this.counts.get(s.type)!.fp++;
		}
	}

	/** Precision, recall and F1 (percentages) of one type, or micro-averaged over the scored types. */
	prf(type?: NameType): { p: number; r: number; f: number; gold: number; predicted: number } {
		let tp = 0;
		let fp = 0;
		let fn = 0;
		for (const [t, c] of this.counts) {
			if (type === undefined || t === type) {
				tp += c.tp;
				fp += c.fp;
				fn += c.fn;
			}
		}
		const p = tp + fp === 0 ? 0 : (100 * tp) / (tp + fp);
		const r = tp + fn === 0 ? 0 : (100 * tp) / (tp + fn);
		const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
		return { p, r, f, gold: tp + fn, predicted: tp + fp };
	}

	/** A CoNLL-style table: one row per scored type, then the micro average. */
	table(title: string): string {
		const rows = [
			`${title}`,
			`  ${'type'.padEnd(14)}${'P'.padStart(8)}${'R'.padStart(8)}${'F1'.padStart(8)}${'gold'.padStart(8)}${'found'.padStart(8)}`,
		];
		const row = (name: string, s: ReturnType<SpanScore['prf']>) =>
			`  ${name.padEnd(14)}${s.p.toFixed(2).padStart(8)}${s.r.toFixed(2).padStart(8)}${s.f.toFixed(2).padStart(8)}${String(s.gold).padStart(8)}${String(s.predicted).padStart(8)}`;
		for (const type of SCORED_TYPES) {
			rows.push(row(type, this.prf(type)));
		}
		rows.push(row('micro (P/O/L)', this.prf()));
		return rows.join('\n');
	}
}
