import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FeatureList, historyFeatures, type PreparedSentence } from '../../src/core/entities/ner/features';
import { TAG_COUNT, TAGS } from '../../src/core/entities/ner/model';
import { allowedAfter, tagGreedy, tagViterbi, type Scorer } from '../../src/core/entities/ner/tagger';

const B = (type: string) => TAGS.indexOf(`B-${type}`);
const I = (type: string) => TAGS.indexOf(`I-${type}`);

/** A sentence of `n` tokens whose only static feature is the token's number (hash 1000 + i). */
function sentence(n: number): PreparedSentence {
	return {
		count: n,
		hashes: Int32Array.from({ length: n }, (_, i) => 1000 + i),
		offsets: Int32Array.from({ length: n + 1 }, (_, i) => i),
		tagWordSeeds: Int32Array.from({ length: n }, (_, i) => 7919 * (i + 1)),
		tagShapeSeeds: Int32Array.from({ length: n }, (_, i) => 104729 * ((i % 2) + 1)),
	};
}

/** A scorer over a table of feature hash → weights per tag; unknown features weigh nothing. */
function tableScorer(table: Map<number, number[]>): Scorer {
	return (hashes, from, to, scores) => {
		for (let k = from; k < to; k++) {
			const w = table.get(hashes[k]!);
			if (w) {
				for (let t = 0; t < TAG_COUNT; t++) scores[t] = scores[t]! + (w[t] ?? 0);
			}
		}
	};
}

/** A scorer that gives every feature pseudo-random weights derived from its hash (deterministic). */
function randomScorer(seed: number): Scorer {
	return (hashes, from, to, scores) => {
		for (let k = from; k < to; k++) {
			let h = (hashes[k]! ^ seed) >>> 0;
			for (let t = 0; t < TAG_COUNT; t++) {
				h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
				h = (h ^ (h >>> 12)) >>> 0;
				scores[t] = scores[t]! + ((h % 2001) - 1000) / 250;
			}
		}
	};
}

/** The score of a whole tag sequence under first-order history features. */
function sequenceScore(s: PreparedSentence, score: Scorer, tags: readonly number[]): number {
	const scores = new Float64Array(TAG_COUNT);
	const history = new FeatureList();
	let total = 0;
	tags.forEach((tag, i) => {
		scores.fill(0);
		score(s.hashes, s.offsets[i]!, s.offsets[i + 1]!, scores);
		historyFeatures(s, i, i === 0 ? -1 : tags[i - 1]!, undefined, history);
		score(history.hashes, 0, history.length, scores);
		total += scores[tag]!;
	});
	return total;
}

/** Every tag sequence of length `n` that BIO allows. */
function allSequences(n: number): number[][] {
	let out: number[][] = [[]];
	for (let i = 0; i < n; i++) {
		const next: number[][] = [];
		for (const prefix of out) {
			for (let t = 0; t < TAG_COUNT; t++) {
				if (allowedAfter(i === 0 ? -1 : prefix[i - 1]!, t)) next.push([...prefix, t]);
			}
		}
		out = next;
	}
	return out;
}

void describe('tagViterbi', () => {
	void it('finds the best sequence where the greedy tagger commits too early', () => {
		// Token 0 leans slightly to B-organization, but only B-person may be continued by token 1's
		// strong I-person; the best sequence overall is a two-word person name.
		const weights = (pairs: [number, number][]) => {
			const w = new Array<number>(TAG_COUNT).fill(-3);
			w[0] = 0;
			for (const [t, v] of pairs) w[t] = v;
			return w;
		};
		const table = new Map<number, number[]>([
			[
				1000,
				weights([
					[B('person'), 2],
					[B('organization'), 2.1],
				]),
			],
			[
				1001,
				weights([
					[I('person'), 5],
					[I('organization'), -5],
				]),
			],
		]);
		const s = sentence(2);
		assert.deepEqual([...tagGreedy(s, tableScorer(table), 1).tags], [B('organization'), 0]);
		const { tags, probabilities } = tagViterbi(s, tableScorer(table), 1);
		assert.deepEqual([...tags], [B('person'), I('person')]);
		for (const p of probabilities) assert.ok(p > 0 && p <= 1);
	});

	void it('never begins a sentence or follows O or another type with a continuing tag', () => {
		// Continuing tags score highest everywhere; BIO still rules them out after O or at the start.
		const table = new Map<number, number[]>();
		for (let i = 0; i < 6; i++) {
			table.set(
				1000 + i,
				TAGS.map((tag) => (tag.startsWith('I-') ? 10 : 0)),
			);
		}
		const { tags } = tagViterbi(sentence(6), tableScorer(table), 1);
		tags.forEach((tag, i) => assert.ok(allowedAfter(i === 0 ? -1 : tags[i - 1]!, tag), `${TAGS[tag]} at ${i}`));
	});

	void it('returns the highest-scoring allowed sequence, as an exhaustive search does', () => {
		for (let seed = 1; seed <= 12; seed++) {
			const n = 1 + (seed % 4);
			const s = sentence(n);
			const score = randomScorer(seed * 2654435761);
			let bestScore = -Infinity;
			for (const sequence of allSequences(n)) bestScore = Math.max(bestScore, sequenceScore(s, score, sequence));
			const { tags, probabilities } = tagViterbi(s, score, 2);
			assert.ok(Math.abs(sequenceScore(s, score, [...tags]) - bestScore) < 1e-9, `seed ${seed}`);
			tags.forEach((tag, i) => {
				assert.equal(tag === 0 ? probabilities[i] : probabilities[i]! > 0 && probabilities[i]! <= 1, tag === 0 ? 0 : true);
			});
		}
	});

	void it('tags an empty sentence as nothing', () => {
		const { tags, probabilities } = tagViterbi(sentence(0), randomScorer(3), 1);
		assert.equal(tags.length, 0);
		assert.equal(probabilities.length, 0);
	});
});
