import { layOut, type GoldSpan } from './corpus';
import type { TrainingSentence } from './perceptron';
import type { TypedSpan } from './scoring';

/** The gold names of some sentences, as their text and type. */
function goldNames(sentences: readonly TrainingSentence[]): { text: string; type: GoldSpan['type'] }[] {
	const names: { text: string; type: GoldSpan['type'] }[] = [];
	for (const sentence of sentences) {
		const { text, gold } = layOut([sentence]);
		for (const g of gold) names.push({ text: text.slice(g.start, g.end), type: g.type });
	}
	return names;
}

/**
 * For each text written as a gold name in the training sentences, the type it is most often given
 * there (ties: the type met first).
 */
export function trainingTypes(train: readonly TrainingSentence[]): Map<string, GoldSpan['type']> {
	const counts = new Map<string, Map<GoldSpan['type'], number>>();
	for (const { text, type } of goldNames(train)) {
		let byType = counts.get(text);
		if (!byType) counts.set(text, (byType = new Map()));
		byType.set(type, (byType.get(type) ?? 0) + 1);
	}
	const majority = new Map<string, GoldSpan['type']>();
	for (const [text, byType] of counts) {
		let best: GoldSpan['type'] | undefined;
		for (const [type, n] of byType) if (best === undefined || n > byType.get(best)!) best = type;
		majority.set(text, best!);
	}
	return majority;
}

/**
 * How the evaluated names relate to the training names, split into names also written as a gold
 * name in training ("seen") and the rest ("unseen"): how many there are, how many of the seen ones
 * have the type training most often gives them (the most a recogniser could get right by learning
 * the training tags, whatever the context), and the recogniser's recall on each part.
 */
export class SeenScore {
	seen = 0;
	seenAgreeing = 0;
	seenFound = 0;
	unseen = 0;
	unseenFound = 0;

	constructor(private readonly types: ReadonlyMap<string, GoldSpan['type']>) {}

	/** Adds one document's scored gold names, and the names the recogniser found in it. */
	add(text: string, gold: readonly TypedSpan[], predicted: readonly TypedSpan[]): void {
		const key = (s: TypedSpan) => `${s.start}:${s.end}:${s.type}`;
		const found = new Set(predicted.map(key));
		for (const g of gold) {
			if (g.type === 'other') continue;
			const trained = this.types.get(text.slice(g.start, g.end));
			const hit = found.has(key(g)) ? 1 : 0;
			if (trained === undefined) {
				this.unseen++;
				this.unseenFound += hit;
			} else {
				this.seen++;
				this.seenAgreeing += trained === g.type ? 1 : 0;
				this.seenFound += hit;
			}
		}
	}

	/** A few lines for the evaluation report. */
	report(title: string): string {
		const pct = (n: number, d: number) => (d === 0 ? '-' : ((100 * n) / d).toFixed(1));
		const total = this.seen + this.unseen;
		return [
			title,
			`  names also named in training: ${this.seen} of ${total}; ${pct(this.seenAgreeing, this.seen)}% of them have here the type training gives them most often`,
			`  recall on those: ${pct(this.seenFound, this.seen)}; on the ${this.unseen} names training never names: ${pct(this.unseenFound, this.unseen)}`,
		].join('\n');
	}
}
