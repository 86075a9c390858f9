import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseStructure } from '../../src/core/text/structure';
import { splitSentences } from '../../src/core/text/sentences';

function split(text: string): string[] {
	return splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end));
}

void describe('splitSentences', () => {
	const cases: [string, string[]][] = [
		['The dam held. Then it broke.', ['The dam held.', 'Then it broke.']],
		['U.S. officials met Mr. Holt in St. Anne on Jan. 4.', ['U.S. officials met Mr. Holt in St. Anne on Jan. 4.']],
		['She moved to the U.S. The move was sudden.', ['She moved to the U.S.', 'The move was sudden.']],
		['J. R. Tolland signed it. Nobody objected.', ['J. R. Tolland signed it.', 'Nobody objected.']],
		['Prices rose 3.5 percent. Wages did not.', ['Prices rose 3.5 percent.', 'Wages did not.']],
		['"We are ready." The crowd cheered.', ['"We are ready."', 'The crowd cheered.']],
		['“Are you sure?” she asked. He was.', ['“Are you sure?” she asked.', 'He was.']],
		['Wait... what happened next? Nothing!', ['Wait... what happened next?', 'Nothing!']],
		['It cost $2.5 million. That is a lot.', ['It cost $2.5 million.', 'That is a lot.']],
		['Trade fell (see chart.) Exports rose.', ['Trade fell (see chart.)', 'Exports rose.']],
		['no capital after this. so it continues', ['no capital after this. so it continues']],
	];
	for (const [input, expected] of cases) {
		void it(`splits ${JSON.stringify(input)}`, () => {
			assert.deepEqual(split(input), expected);
		});
	}

	void it('never lets a sentence cross a line break, and headlines end at the line', () => {
		const text = 'Dam breaks in Kestrel Valley\nRescuers arrived at dawn and searched. The river was high';
		const structure = analyseStructure(text);
		assert.deepEqual(
			structure.sentences.map((s) => text.slice(s.start, s.end)),
			['Dam breaks in Kestrel Valley', 'Rescuers arrived at dawn and searched.', 'The river was high'],
		);
	});
});
