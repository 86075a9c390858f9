import { FeatureList, historyFeatures, type PreparedSentence } from './features';
import { featureRow, TAG_COUNT, type FeatureWeights } from './model';

/**
 * Adds the weights of the features `hashes[from, to)` to `scores` (one score per tag). Training passes
 * its own weight store; tagging passes {@link modelScorer}.
 */
export type Scorer = (hashes: Int32Array, from: number, to: number, scores: Float64Array) => void;

/** The scorer of a trained model. */
export function modelScorer(table: FeatureWeights): Scorer {
	const weights = table.weights;
	return (hashes, from, to, scores) => {
		for (let k = from; k < to; k++) {
			const row = featureRow(table, hashes[k]!);
			if (row >= 0) {
				const base = row * TAG_COUNT;
				for (let t = 0; t < TAG_COUNT; t++) {
					scores[t] = scores[t]! + weights[base + t]!;
				}
			}
		}
	};
}

/** Whether tag `tag` may follow tag `previous` (-1 before the first token) in BIO. */
export function allowedAfter(previous: number, tag: number): boolean {
	// Odd tags begin a name, even tags above 0 continue the name begun by the tag before them.
	return tag === 0 || tag % 2 === 1 || previous === tag || previous === tag - 1;
}

/** The tags chosen for a sentence, with each token's probability for its tag. */
export interface TaggedSentence {
	readonly tags: Int8Array;
	readonly probabilities: Float64Array;
}

/**
 * Called by the training loop at each token after the tagger chose `predicted`: the static and history
 * features of the token, so the loop can update its weights. Returns the tag to continue with.
 */
export type TokenHook = (i: number, predicted: number, staticFrom: number, staticTo: number, history: FeatureList) => number;

/**
 * Tags a sentence greedily from left to right: each token takes its best tag allowed after the tags
 * already chosen, scored by the static features and by history features over the two previous tags.
 * `temperature` turns the scores into probabilities with a softmax over the allowed tags.
 */
export function tagGreedy(sentence: PreparedSentence, score: Scorer, temperature: number, hook?: TokenHook): TaggedSentence {
	const n = sentence.count;
	const tags = new Int8Array(n);
	const probabilities = new Float64Array(n);
	const scores = new Float64Array(TAG_COUNT);
	const history = new FeatureList();
	let previous = -1;
	let previous2 = -1;
	for (let i = 0; i < n; i++) {
		scores.fill(0);
		const from = sentence.offsets[i]!;
		const to = sentence.offsets[i + 1]!;
		score(sentence.hashes, from, to, scores);
		historyFeatures(sentence, i, previous, previous2, history);
		score(history.hashes, 0, history.length, scores);
		let best = 0;
		let bestScore = -Infinity;
		for (let t = 0; t < TAG_COUNT; t++) {
			if (allowedAfter(previous, t) && scores[t]! > bestScore) {
				best = t;
				bestScore = scores[t]!;
			}
		}
		let sum = 0;
		for (let t = 0; t < TAG_COUNT; t++) {
			if (allowedAfter(previous, t)) {
				sum += Math.exp((scores[t]! - bestScore) / temperature);
			}
		}
		probabilities[i] = 1 / sum;
		const chosen = hook ? hook(i, best, from, to, history) : best;
		tags[i] = chosen;
		previous2 = previous;
		previous = chosen;
	}
	return { tags, probabilities };
}
