import { FeatureList, historyFeatures, transitionFeature, wordHistoryFeatures, type PreparedSentence } from './features';
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

/** Working memory of {@link tagViterbi}, reused from sentence to sentence (it grows with the longest one). */
const scratch = {
	local: new Float64Array(64 * TAG_COUNT * TAG_COUNT),
	best: new Float64Array(64 * TAG_COUNT),
	back: new Int8Array(64 * TAG_COUNT),
	emission: new Float64Array(TAG_COUNT),
	scores: new Float64Array(TAG_COUNT),
	history: new FeatureList(8),
	// The weights of the previous tag alone, row p + 1 for previous tag p: the same at every token.
	transitions: new Float64Array((TAG_COUNT + 1) * TAG_COUNT),
	feature: new Int32Array(1),
};

/**
 * Tags a sentence with the best tag sequence under first-order history features (Viterbi over the BIO
 * tags, so no I-x follows anything but B-x or I-x). Each name token's probability is the softmax of its
 * tag's score against the other tags allowed after the tag chosen before it (scores divided by
 * `temperature`), as the greedy tagger gives it. Linear in the sentence length.
 */
export function tagViterbi(sentence: PreparedSentence, score: Scorer, temperature: number): TaggedSentence {
	const n = sentence.count;
	const tags = new Int8Array(n);
	const probabilities = new Float64Array(n);
	if (n === 0) {
		return { tags, probabilities };
	}
	// local[(i * TAG_COUNT + p) * TAG_COUNT + t]: the score of tag t at token i after tag p (at token 0,
	// p = 0 holds the scores after the sentence start); -Infinity where BIO forbids t after p.
	if (scratch.local.length < n * TAG_COUNT * TAG_COUNT) {
		scratch.local = new Float64Array(2 * n * TAG_COUNT * TAG_COUNT);
		scratch.best = new Float64Array(2 * n * TAG_COUNT);
		scratch.back = new Int8Array(2 * n * TAG_COUNT);
	}
	const { local, best, back, emission, scores, history, transitions, feature } = scratch;
	for (let p = -1; p < TAG_COUNT; p++) {
		scores.fill(0);
		feature[0] = transitionFeature(p);
		score(feature, 0, 1, scores);
		transitions.set(scores, (p + 1) * TAG_COUNT);
	}
	for (let i = 0; i < n; i++) {
		emission.fill(0);
		score(sentence.hashes, sentence.offsets[i]!, sentence.offsets[i + 1]!, emission);
		const first = i === 0 ? -1 : 0;
		const last = i === 0 ? 0 : TAG_COUNT;
		for (let p = first; p < last; p++) {
			const row = (p + 1) * TAG_COUNT;
			for (let t = 0; t < TAG_COUNT; t++) {
				scores[t] = emission[t]! + transitions[row + t]!;
			}
			wordHistoryFeatures(sentence, i, p, history);
			score(history.hashes, 0, history.length, scores);
			const base = (i * TAG_COUNT + Math.max(p, 0)) * TAG_COUNT;
			for (let t = 0; t < TAG_COUNT; t++) {
				local[base + t] = allowedAfter(p, t) ? scores[t]! : -Infinity;
			}
		}
	}
	for (let t = 0; t < TAG_COUNT; t++) {
		best[t] = local[t]!;
	}
	for (let i = 1; i < n; i++) {
		for (let t = 0; t < TAG_COUNT; t++) {
			let value = -Infinity;
			let arg = 0;
			for (let p = 0; p < TAG_COUNT; p++) {
				const v = best[(i - 1) * TAG_COUNT + p]! + local[(i * TAG_COUNT + p) * TAG_COUNT + t]!;
				if (v > value) {
					value = v;
					arg = p;
				}
			}
			best[i * TAG_COUNT + t] = value;
			back[i * TAG_COUNT + t] = arg;
		}
	}
	let tag = 0;
	for (let t = 1; t < TAG_COUNT; t++) {
		if (best[(n - 1) * TAG_COUNT + t]! > best[(n - 1) * TAG_COUNT + tag]!) {
			tag = t;
		}
	}
	for (let i = n - 1; i >= 0; i--) {
		tags[i] = tag;
		tag = back[i * TAG_COUNT + tag]!;
	}
	for (let i = 0; i < n; i++) {
		const chosen = tags[i]!;
		if (chosen === 0) {
			continue;
		}
		const base = (i * TAG_COUNT + (i === 0 ? 0 : tags[i - 1]!)) * TAG_COUNT;
		const top = local[base + chosen]!;
		let sum = 0;
		for (let t = 0; t < TAG_COUNT; t++) {
			const v = local[base + t]!;
			if (v !== -Infinity) {
				sum += Math.exp((v - top) / temperature);
			}
		}
		probabilities[i] = 1 / sum;
	}
	return { tags, probabilities };
}
