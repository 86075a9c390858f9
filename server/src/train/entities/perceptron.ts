import { FeatureList, historyFeatures, prepareDocument, type PreparedSentence } from '../../core/entities/ner/features';
import { buildGazetteers, type GazetteerLists } from '../../core/entities/ner/gazetteers';
import { buildFeatureWeights, quantiseWeights, TAG_COUNT, type Decoder, type EntityModel } from '../../core/entities/ner/model';
import { allowedAfter, modelScorer, tagGreedy, tagViterbi, type Scorer } from '../../core/entities/ner/tagger';

/** A training sentence: its tokens and their gold tag numbers (indices into `TAGS`). */
export interface TrainingSentence {
	readonly tokens: readonly string[];
	readonly tags: readonly number[];
}

/** Consecutive sentences that are read together, as the recogniser reads an article. */
export type TrainingDocument = readonly TrainingSentence[];

/** Knobs of the training run; every one is recorded in the model file. */
export interface TrainingOptions {
	readonly epochs: number;
	/** Seeds the shuffle of the documents before each epoch. */
	readonly seed: number;
	/** Static features seen fewer times than this in the training data get no weight. */
	readonly minCount: number;
	/** Averaged weights smaller than this in absolute value are dropped from the model. */
	readonly pruneBelow: number;
	/** Continue each sentence with the tagger's own previous tags (true) or the gold ones. */
	readonly predictedHistory?: boolean;
	/** The decoder to train for (the structured perceptron for Viterbi). */
	readonly decoder?: Decoder;
	/** Training runs (with successive seeds) whose weights are averaged; 1 when absent. */
	readonly ensemble?: number;
	/**
	 * The document memory features (how a word was tagged earlier in its document) are trained on the
	 * tags that models trained without them on the other folds of the documents give, as the tagger's
	 * own imperfect tags feed them when it reads an article; this many folds, none when 0 or absent.
	 */
	readonly memoryFolds?: number;
	/** The share of static features hidden from each training instance (0: none). */
	readonly dropout?: number;
	/** Overrides of the document assembly and augmentation (see `DEFAULT_ASSEMBLY`), for experiments. */
	readonly assembly?: Readonly<Record<string, number>>;
}

/** The defaults of `npm run train:entities`. */
export const DEFAULT_TRAINING_OPTIONS: TrainingOptions = {
	epochs: 8,
	seed: 20240611,
	minCount: 2,
	pruneBelow: 0.01,
	predictedHistory: false,
	decoder: 'greedy',
	ensemble: 3,
	dropout: 0.5,
	memoryFolds: 5,
};

/** A small, fast, seedable generator (mulberry32). Same seed, same sequence, on every platform. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Shuffles `items` in place with `random` (Fisher–Yates). */
export function shuffle<T>(items: T[], random: () => number): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		const tmp = items[i]!;
		items[i] = items[j]!;
		items[j] = tmp;
	}
	return items;
}

/**
 * The weights being learnt, with the bookkeeping of the averaged perceptron: each weight's running
 * total and when it last changed, so averaging costs nothing per instance.
 */
class AveragedWeights {
	readonly rows = new Map<number, number>();
	weights = new Float64Array(1 << 16);
	totals = new Float64Array(1 << 16);
	stamps = new Float64Array(1 << 16);
	count = 0;

	/** `allowed`: the static features that may get a row (seen often enough); undefined allows all. */
	constructor(private readonly allowed: ReadonlySet<number> | undefined) {}

	readonly score: Scorer = (hashes, from, to, scores) => {
		for (let k = from; k < to; k++) {
			const row = this.rows.get(hashes[k]!);
			if (row !== undefined) {
				const base = row * TAG_COUNT;
				for (let t = 0; t < TAG_COUNT; t++) {
					scores[t] = scores[t]! + this.weights[base + t]!;
				}
			}
		}
	};

	/** Adds `delta` to the weight of `tag` for each feature; `always` bypasses the allowed set (history). */
	update(hashes: Int32Array, from: number, to: number, tag: number, delta: number, time: number, always: boolean): void {
		for (let k = from; k < to; k++) {
			const hash = hashes[k]!;
			if (hash === 0) {
				// A feature hidden by dropout.
				continue;
			}
			let row = this.rows.get(hash);
			if (row === undefined) {
				if (!always && this.allowed && !this.allowed.has(hash)) {
					continue;
				}
				row = this.count++;
				this.rows.set(hash, row);
				if (this.count * TAG_COUNT > this.weights.length) {
					this.weights = grow(this.weights);
					this.totals = grow(this.totals);
					this.stamps = grow(this.stamps);
				}
			}
			const i = row * TAG_COUNT + tag;
			this.totals[i] = this.totals[i]! + (time - this.stamps[i]!) * this.weights[i]!;
			this.stamps[i] = time;
			this.weights[i] = this.weights[i]! + delta;
		}
	}

	/** The averaged weight of every (feature, tag) at `time`. */
	averaged(time: number): Float64Array {
		const out = new Float64Array(this.count * TAG_COUNT);
		for (let i = 0; i < out.length; i++) {
			const total = this.totals[i]! + (time - this.stamps[i]!) * this.weights[i]!;
			out[i] = total / time;
		}
		return out;
	}
}

function grow(array: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
	const bigger = new Float64Array(array.length * 2);
	bigger.set(array);
	return bigger;
}

/** Progress messages of a training run. */
export type TrainingLog = (message: string) => void;

/**
 * Trains the name recogniser: prepares the features of every document once, then runs greedy
 * averaged-perceptron epochs over the documents in a seeded order, then averages, prunes and quantises
 * the weights. Deterministic: the same documents, lists and options give the same model, bit for bit.
 */
export function trainEntityModel(
	documents: readonly TrainingDocument[],
	lists: GazetteerLists,
	commonWords: readonly (readonly string[])[],
	options: TrainingOptions = DEFAULT_TRAINING_OPTIONS,
	log: TrainingLog = () => {},
): { model: EntityModel; scale: number } {
	const gazetteers = buildGazetteers(lists, commonWords);
	let memoryTags: (readonly ArrayLike<number>[])[] | undefined;
	const folds = options.memoryFolds ?? 0;
	if (folds > 1) {
		const tags: (readonly ArrayLike<number>[])[] = new Array(documents.length);
		for (let f = 0; f < folds; f++) {
			const rest = documents.filter((_, i) => i % folds !== f);
			const { model } = trainEntityModel(rest, lists, commonWords, { ...options, memoryFolds: 0, ensemble: 1 }, () => {});
			const score = modelScorer(model.weights);
			documents.forEach((document, i) => {
				if (i % folds === f) {
					tags[i] = prepareDocument(
						document.map((s) => s.tokens),
						model.gazetteers,
					).map((sentence) => (options.decoder === 'viterbi' ? tagViterbi(sentence, score, 1) : tagGreedy(sentence, score, 1)).tags);
				}
			});
			log(`memory fold ${f + 1} of ${folds} tagged`);
		}
		memoryTags = tags;
	}
	const prepared: { sentences: PreparedSentence[]; gold: (readonly number[])[] }[] = documents.map((document, d) => ({
		sentences: prepareDocument(
			document.map((s) => s.tokens),
			gazetteers,
			memoryTags?.[d],
		),
		gold: document.map((s) => s.tags),
	}));
	let tokens = 0;
	let allowed: Set<number> | undefined;
	{
		const counts = new Map<number, number>();
		for (const document of prepared) {
			for (const sentence of document.sentences) {
				tokens += sentence.count;
				for (const hash of sentence.hashes) {
					counts.set(hash, (counts.get(hash) ?? 0) + 1);
				}
			}
		}
		if (options.minCount > 1) {
			allowed = new Set<number>();
			for (const [hash, count] of counts) {
				if (count >= options.minCount) {
					allowed.add(hash);
				}
			}
		}
		log(`${documents.length} documents, ${tokens} tokens, ${counts.size} distinct static features, ${allowed?.size ?? counts.size} kept.`);
	}

	const decoder: Decoder = options.decoder ?? 'greedy';
	const runs = Math.max(1, options.ensemble ?? 1);
	// Several runs with different shuffles, their averaged weights averaged again, steady the model.
	const merged = new Map<number, Float64Array>();
	for (let run = 0; run < runs; run++) {
		const { store, time } = trainRun(prepared, allowed, options, decoder, options.seed + run, tokens, log);
		const averaged = store.averaged(time);
		for (const [hash, row] of store.rows) {
			let w = merged.get(hash);
			if (!w) {
				w = new Float64Array(TAG_COUNT);
				merged.set(hash, w);
			}
			for (let t = 0; t < TAG_COUNT; t++) {
				w[t] = w[t]! + averaged[row * TAG_COUNT + t]! / runs;
			}
		}
	}
	// Prune small weights, then keep only the features with a weight left, in ascending hash order.
	const entries = [...merged.entries()].sort((x, y) => x[0] - y[0]);
	const hashes: number[] = [];
	const rows: Float64Array[] = [];
	for (const [hash, w] of entries) {
		let any = false;
		for (let t = 0; t < TAG_COUNT; t++) {
			if (Math.abs(w[t]!) < options.pruneBelow) {
				w[t] = 0;
			} else {
				any = true;
			}
		}
		if (any) {
			hashes.push(hash);
			rows.push(w);
		}
	}
	const kept = rows;
	const weights = new Float32Array(kept.length * TAG_COUNT);
	kept.forEach((w, k) => {
		for (let t = 0; t < TAG_COUNT; t++) {
			weights[k * TAG_COUNT + t] = w[t]!;
		}
	});
	const scale = quantiseWeights(weights);
	log(`${merged.size} features trained, ${kept.length} kept after pruning below ${options.pruneBelow}.`);
	const table = buildFeatureWeights(Int32Array.from(hashes), weights);
	const model: EntityModel = {
		decoder,
		weights: table,
		gazetteers,
		temperature: 1,
		lists,
		commonWords,
		training: {
			documents: documents.length,
			tokens,
			epochs: options.epochs,
			seed: options.seed,
			minCount: options.minCount,
			pruneBelow: options.pruneBelow,
			dropout: options.dropout ?? 0,
			memoryFolds: options.memoryFolds ?? 0,
			ensemble: runs,
			features: kept.length,
		},
	};
	const temperature = calibrateTemperature(prepared, model);
	log(`softmax temperature ${temperature}`);
	return { model: { ...model, temperature }, scale };
}

/** One training run: epochs over the documents in an order shuffled with `seed`. */
function trainRun(
	prepared: readonly { sentences: PreparedSentence[]; gold: (readonly number[])[] }[],
	allowed: ReadonlySet<number> | undefined,
	options: TrainingOptions,
	decoder: Decoder,
	seed: number,
	tokens: number,
	log: TrainingLog,
): { store: AveragedWeights; time: number } {
	const store = new AveragedWeights(allowed);
	const random = seededRandom(seed);
	const order = prepared.map((_, i) => i);
	let time = 1;
	const history = new FeatureList();
	for (let epoch = 1; epoch <= options.epochs; epoch++) {
		shuffle(order, random);
		let errors = 0;
		for (const d of order) {
			const document = prepared[d]!;
			document.sentences.forEach((original, s) => {
				let sentence = original;
				const dropout = options.dropout ?? 0;
				if (dropout > 0) {
					// Hide a random share of the static features (hash 0 has no weight), so that no
					// feature, the word itself least of all, can carry a decision alone.
					const hashes = original.hashes.slice();
					for (let k = 0; k < hashes.length; k++) {
						if (random() < dropout) hashes[k] = 0;
					}
					sentence = { ...original, hashes };
				}
				const gold = document.gold[s]!;
				if (decoder === 'viterbi') {
					const predicted = tagViterbi(sentence, store.score, 1).tags;
					let differs = false;
					for (let i = 0; i < sentence.count; i++) {
						if (predicted[i] !== gold[i]) {
							differs = true;
							errors++;
						}
					}
					if (differs) {
						for (let i = 0; i < sentence.count; i++) {
							const from = sentence.offsets[i]!;
							const to = sentence.offsets[i + 1]!;
							const truth = gold[i]!;
							const guess = predicted[i]!;
							if (truth !== guess) {
								store.update(sentence.hashes, from, to, truth, 1, time, false);
								store.update(sentence.hashes, from, to, guess, -1, time, false);
							}
							const truthBefore = i > 0 ? gold[i - 1]! : -1;
							const guessBefore = i > 0 ? predicted[i - 1]! : -1;
							if (truth !== guess || truthBefore !== guessBefore) {
								historyFeatures(sentence, i, truthBefore, undefined, history);
								store.update(history.hashes, 0, history.length, truth, 1, time, true);
								historyFeatures(sentence, i, guessBefore, undefined, history);
								store.update(history.hashes, 0, history.length, guess, -1, time, true);
							}
						}
					}
					time++;
					return;
				}
				let before = -1;
				tagGreedy(sentence, store.score, 1, (i, predicted, from, to, history: FeatureList) => {
					// After a wrongly predicted tag (predicted history) the gold tag may not be allowed, as
					// I-x after O: the tag to learn is then the one that begins the name, B-x.
					const truth = allowedAfter(before, gold[i]!) ? gold[i]! : gold[i]! - 1;
					if (predicted !== truth) {
						errors++;
						store.update(sentence.hashes, from, to, truth, 1, time, false);
						store.update(sentence.hashes, from, to, predicted, -1, time, false);
						store.update(history.hashes, 0, history.length, truth, 1, time, true);
						store.update(history.hashes, 0, history.length, predicted, -1, time, true);
					}
					time++;
					before = options.predictedHistory === false ? truth : predicted;
					return before;
				});
			});
		}
		log(`epoch ${epoch}: ${errors} token errors (${((100 * errors) / tokens).toFixed(2)}%)`);
	}

	return { store, time };
}

/**
 * Picks the softmax temperature that best predicts the gold tags of the training tokens (least
 * negative log-likelihood over a fixed grid), using the final weights and the gold history.
 */
function calibrateTemperature(
	prepared: readonly { sentences: PreparedSentence[]; gold: (readonly number[])[] }[],
	model: EntityModel,
): number {
	const grid = [0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32];
	const loss = new Float64Array(grid.length);
	const scores = new Float64Array(TAG_COUNT);
	const history = new FeatureList();
	const table = model.weights;
	const score: Scorer = (hashes, from, to, out) => {
		for (let k = from; k < to; k++) {
			let slot = hashes[k]! & table.mask;
			for (;;) {
				const key = table.keys[slot]!;
				if (key === hashes[k]) {
					const base = slot * TAG_COUNT;
					for (let t = 0; t < TAG_COUNT; t++) {
						out[t] = out[t]! + table.weights[base + t]!;
					}
					break;
				}
				if (key === 0) {
					break;
				}
				slot = (slot + 1) & table.mask;
			}
		}
	};
	// Every fifth document is plenty for one number.
	for (let d = 0; d < prepared.length; d += 5) {
		const document = prepared[d]!;
		document.sentences.forEach((sentence, s) => {
			const gold = document.gold[s]!;
			let previous = -1;
			let previous2 = -1;
			for (let i = 0; i < sentence.count; i++) {
				scores.fill(0);
				score(sentence.hashes, sentence.offsets[i]!, sentence.offsets[i + 1]!, scores);
				historyFeatures(sentence, i, previous, model.decoder === 'viterbi' ? undefined : previous2, history);
				score(history.hashes, 0, history.length, scores);
				const truth = gold[i]!;
				grid.forEach((temperature, g) => {
					let max = -Infinity;
					for (let t = 0; t < TAG_COUNT; t++) {
						if (allowedAfter(previous, t)) {
							max = Math.max(max, scores[t]!);
						}
					}
					let sum = 0;
					for (let t = 0; t < TAG_COUNT; t++) {
						if (allowedAfter(previous, t)) {
							sum += Math.exp((scores[t]! - max) / temperature);
						}
					}
					loss[g] = loss[g]! + Math.log(sum) - (scores[truth]! - max) / temperature;
				});
				previous2 = previous;
				previous = truth;
			}
		});
	}
	let best = 0;
	for (let g = 1; g < grid.length; g++) {
		if (loss[g]! < loss[best]!) {
			best = g;
		}
	}
	return grid[best]!;
}
