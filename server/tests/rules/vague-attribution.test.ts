import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseDocument, resolveOptions, type PartialOptions } from '../../src/core';
import { lines, marked } from '../helpers';

/** Every `[[…]]` span in `source` must be flagged, and nothing else. A headline line is prepended. */
function check(source: string, options: PartialOptions = {}): void {
	const { text, spans } = marked('Bridge shut in Lowmarsh\n\n' + source);
	const findings = analyseDocument(text, resolveOptions(options)).findings.filter((f) => f.ruleId === 'vague-attribution');
	assert.deepEqual(
		findings.map((f) => text.slice(f.start, f.end)),
		spans.map((s) => s.text),
	);
}

void describe('vague-attribution', () => {
	const invalid = [
		'Earlier this week, [[media reports said]] the pair had gone missing.',
		'[[Local media reported]] that the road was closed.',
		'The mayor was [[reportedly]] furious.',
		'The inspector [[allegedly]] ignored the warnings.',
		'[[It is believed]] that the cracks appeared in January.',
		'The two men [[are said to be]] engineers.',
		'[[Officials said]] the bridge would stay shut.',
		'[[Senior government officials told]] reporters nothing had been decided.',
		'[[A ministry official said]] repairs would start soon.',
		'[[Sources close to the council]] confirmed the closure.',
		'[[A monitoring group said]] 12 people had been hurt.',
		'[[Witnesses said]] the pier shook.',
		'[[Officials responded]] to the reports: "The pier is safe."',
		'The toll, [[according to reports]], had risen to 31.',
		'The engineer, [[believed to have]] left the country, was not available.',
		'[[There were unconfirmed reports]] of a second collapse.',
		'[[It was feared]] that the west pier would go next.',
		'[[Some analysts say]] the steel was never tested.',
		'[[Activists claimed]] the warnings were ignored.',
		'The permits were [[purportedly]] signed in March.',
		'[[A diplomat told]] the paper the talks had stalled.',
		'[[State-run TV reported]] that the bridge had been closed.',
		'[[Officials tell]] local news that the bridge is safe.',
		'Two engineers [[are now said to be]] under investigation.',
		'[[Word has it]] that the contract was never signed.',
		'[[Reports soon surfaced]] of a second crack.',
		'The damage, as [[indicated by local news]], was limited.',
		'[[An engineer in Lowmarsh said]] the pier shook.',
		'The mayor resigned, while [[supporters claim]] he was forced out.',
		'Engineers inspected the bridge, and [[experts called]] it a disgrace.',
		'[[Witnesses described]] the collapse as sudden.',
		'The court later heard from the [[alleged]] victim.',
		'He is the [[reputed]] head of the smuggling ring.',
		'There were no [[reported]] injuries on the bridge.',
		'[[An estimated]] 4,000 people crossed the bridge daily.',
		'[[According to federal and state investigators]], the contractor paid nobody.',
		'The two engineers [[were identified as]] Maren Holt and Ida Ros.',
	];
	for (const text of invalid) {
		void it(`flags ${JSON.stringify(marked(text).spans[0]!.text)}`, () => check(text));
	}

	const valid = [
		'Maren Holt, the city engineer, said the bridge would stay shut.',
		'The bridge was closed when troops responded to a mortar attack from the pier.',
		'The Fenwick Post reported the cracks first.',
		'Holt told Radio Lowmarsh that repairs would start soon.',
		'The report said the steel had corroded.',
		'The supported structure held.',
		'They reported to work on Monday.',
		"Holt's claims were dismissed by the council.",
		'Residents called the police when the pier shook.',
		'A village called Lowmarsh lies upstream.',
		'Engineers described as experienced inspected the pier.',
		'Prosecutors alleged that the permits were forged.',
		'According to Maren Holt and Ida Ros, the bridge is safe.',
		'The damage was reported to the council.',
		'The inspector was identified by the council as Maren Holt.',
	];
	for (const text of valid) {
		void it(`does not flag ${JSON.stringify(text)}`, () => check(text));
	}

	void it("flags a phrase of the user's own, in any script", () => {
		check('[[Según fuentes]] the bridge had been closed before.', { vaguePhrases: ['según fuentes'] });
		check('[[Word on the street]] was that the bridge would close.', { vaguePhrases: ['word on the street'] });
	});

	void it('skips phrases inside quotations, including a quote continuing to the end of its paragraph', () => {
		check(lines('"Officials said nothing to us," said Ida Ros.', '', '“It is believed by everyone here that the bridge was unsafe.'));
	});

	void it('skips headlines, captions and web-page debris', () => {
		check(
			lines(
				'Officials said to be furious',
				'',
				'Engineers closed the bridge.',
				'Residents allegedly warned of cracks (L)',
				'Sign up: officials say our newsletter is great',
			),
		);
	});

	void it('adds phrases from the configuration, matched as whole words', () => {
		check('[[People familiar with the matter]] said the bridge was unsafe, and people familiarly agreed.', {
			vaguePhrases: ['people familiar with the matter'],
		});
	});

	void it('can be turned off, and takes its severity from the options', () => {
		const text = 'Bridge shut\n\nOfficials said the bridge would stay shut.';
		assert.deepEqual(analyseDocument(text, resolveOptions({ rules: { 'vague-attribution': 'off' } })).findings, []);
		const [finding] = analyseDocument(text, resolveOptions({ rules: { 'vague-attribution': 'warning' } })).findings;
		assert.equal(finding?.severity, 'warning');
		assert.equal(finding?.message, 'Vague source: "Officials said" cites a source without naming it.');
		assert.deepEqual(finding?.data, { phrase: 'Officials said', kind: 'anonymous-source' });
	});
});
