import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TAGS } from '../../src/core/entities/ner/model';
import { SeenScore, trainingTypes } from '../../src/train/entities/consistency';
import { layOut } from '../../src/train/entities/corpus';
import type { TrainingSentence } from '../../src/train/entities/perceptron';

const B = (type: string) => TAGS.indexOf(`B-${type}`);
const I = (type: string) => TAGS.indexOf(`I-${type}`);

void describe('training consistency of evaluated names', () => {
	const train: TrainingSentence[] = [
		{ tokens: ['Velna', 'met', 'Anna', 'Berg', '.'], tags: [B('place'), 0, B('person'), I('person'), 0] },
		{ tokens: ['Velna', 'said', '.'], tags: [B('organization'), 0, 0] },
		{ tokens: ['In', 'Velna', '.'], tags: [0, B('place'), 0] },
	];

	void it('gives each training name the type training gives it most often', () => {
		assert.deepEqual([...trainingTypes(train)].sort(), [
			['Anna Berg', 'person'],
			['Velna', 'place'],
		]);
	});

	void it('counts seen names, their agreement with training, and recall on seen and unseen names', () => {
		const score = new SeenScore(trainingTypes(train));
		const document = layOut([
			{
				tokens: ['Velna', 'and', 'Anna', 'Berg', 'met', 'Ola', '.'],
				tags: [B('organization'), 0, B('person'), I('person'), 0, B('person'), 0],
			},
		]);
		// Found: "Anna Berg" right, "Velna" with the wrong type, "Ola" not at all.
		const found = [
			{ start: 0, end: 5, type: 'place' as const },
			{ start: 10, end: 19, type: 'person' as const },
		];
		score.add(document.text, document.gold, found);
		assert.deepEqual([score.seen, score.seenAgreeing, score.seenFound, score.unseen, score.unseenFound], [2, 1, 1, 1, 0]);
		assert.match(
			score.report('t'),
			/also named in training: 2 of 3; 50\.0% .*\n.*recall on those: 50\.0; on the 1 names training never names: 0\.0/,
		);
	});
});
