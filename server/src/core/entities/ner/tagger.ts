import { FeatureList, historyFeatures, type PreparedSentence } from './features';
import { featureSlot, TAG_COUNT, type FeatureWeights } from './model';

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
			const slot = featureSlot(table, hashes[k]!);
			if (slot >= 0) {
				const base = slot * TAG_COUNT;
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

/** The tags chosen for a sentence, with each token's probability for its tag (at least for the tokens of names). */
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
		if (best !== 0 && !hook) {
			// Only the tokens of names need a probability (their mentions' confidence).
			let sum = 0;
			for (let t = 0; t < TAG_COUNT; t++) {
				if (allowedAfter(previous, t)) {
					sum += Math.exp((scores[t]! - bestScore) / temperature);
				}
			}
			probabilities[i] = 1 / sum;
		}
		const chosen = hook ? hook(i, best, from, to, history) : best;
		tags[i] = chosen;
		previous2 = previous;
		previous = chosen;
	}
	return { tags, probabilities };
}

const STATES = TAG_COUNT + 1;

function logSumExp(values: Float64Array, from: number, count: number): number {
	let max = -Infinity;
	for (let k = 0; k < count; k++) {
		max = Math.max(max, values[from + k]!);
	}
	if (max === -Infinity) {
		return max;
	}
	let sum = 0;
	for (let k = 0; k < count; k++) {
		sum += Math.exp(values[from + k]! - max);
	}
	return max + Math.log(sum);
}

/**
 * Tags a sentence with the best tag sequence under first-order history features (Viterbi), and gives
 * each token the marginal probability of its tag (forward-backward over the scores divided by
 * `temperature`). Linear in the sentence length.
 */
export function tagViterbi(sentence: PreparedSentence, score: Scorer, temperature: number): TaggedSentence {
	const n = sentence.count;
	const tags = new Int8Array(n);
	const probabilities = new Float64Array(n);
	if (n === 0) {
		return { tags, probabilities };
	}
	// local[(i * STATES + p + 1) * TAG_COUNT + t]: the score of tag t at token i after tag p.
	const local = new Float64Array(n * STATES * TAG_COUNT).fill(-Infinity);
	const emission = new Float64Array(TAG_COUNT);
	const scores = new Float64Array(TAG_COUNT);
	const history = new FeatureList();
	for (let i = 0; i < n; i++) {
		emission.fill(0);
		score(sentence.hashes, sentence.offsets[i]!, sentence.offsets[i + 1]!, emission);
		for (let p = i === 0 ? -1 : 0; p < (i === 0 ? 0 : TAG_COUNT); p++) {
			scores.set(emission);
			historyFeatures(sentence, i, p, undefined, history);
			score(history.hashes, 0, history.length, scores);
			const base = (i * STATES + p + 1) * TAG_COUNT;
			for (let t = 0; t < TAG_COUNT; t++) {
				if (allowedAfter(p, t)) {
					local[base + t] = scores[t]!;
				}
			}
		}
	}
	// Viterbi.
	const best = new Float64Array(n * TAG_COUNT).fill(-Infinity);
	const back = new Int8Array(n * TAG_COUNT);
	for (let t = 0; t < TAG_COUNT; t++) {
		best[t] = local[t]!;
		back[t] = -1;
	}
	for (let i = 1; i < n; i++) {
		for (let t = 0; t < TAG_COUNT; t++) {
			let value = -Infinity;
			let arg = 0;
			for (let p = 0; p < TAG_COUNT; p++) {
				const v = best[(i - 1) * TAG_COUNT + p]! + local[(i * STATES + p + 1) * TAG_COUNT + t]!;
				if (v > value) {
					value = v;
					arg = p;
				}
			}
			best[i * TAG_COUNT + t] = value;
			back[i * TAG_COUNT + t] = arg;
		}
	}
	let last = 0;
	for (let t = 1; t < TAG_COUNT; t++) {
		if (best[(n - 1) * TAG_COUNT + t]! > best[(n - 1) * TAG_COUNT + last]!) {
			last = t;
		}
	}
	for (let i = n - 1; i >= 0; i--) {
		tags[i] = last;
		last = back[i * TAG_COUNT + last]!;
	}
	// Forward-backward for the marginals.
	const alpha = new Float64Array(n * TAG_COUNT).fill(-Infinity);
	const beta = new Float64Array(n * TAG_COUNT).fill(-Infinity);
	const terms = new Float64Array(TAG_COUNT);
	for (let t = 0; t < TAG_COUNT; t++) {
		alpha[t] = local[t]! / temperature;
	}
	for (let i = 1; i < n; i++) {
		for (let t = 0; t < TAG_COUNT; t++) {
			for (let p = 0; p < TAG_COUNT; p++) {
				terms[p] = alpha[(i - 1) * TAG_COUNT + p]! + local[(i * STATES + p + 1) * TAG_COUNT + t]! / temperature;
			}
			alpha[i * TAG_COUNT + t] = logSumExp(terms, 0, TAG_COUNT);
		}
	}
	for (let t = 0; t < TAG_COUNT; t++) {
		beta[(n - 1) * TAG_COUNT + t] = 0;
	}
	for (let i = n - 2; i >= 0; i--) {
		for (let p = 0; p < TAG_COUNT; p++) {
			for (let t = 0; t < TAG_COUNT; t++) {
				terms[t] = local[((i + 1) * STATES + p + 1) * TAG_COUNT + t]! / temperature + beta[(i + 1) * TAG_COUNT + t]!;
			}
			beta[i * TAG_COUNT + p] = logSumExp(terms, 0, TAG_COUNT);
		}
	}
	const z = logSumExp(alpha, (n - 1) * TAG_COUNT, TAG_COUNT);
	for (let i = 0; i < n; i++) {
		const t = tags[i]!;
		probabilities[i] = Math.exp(alpha[i * TAG_COUNT + t]! + beta[i * TAG_COUNT + t]! - z);
	}
	return { tags, probabilities };
}
