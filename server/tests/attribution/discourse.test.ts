import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseDocument, resolveOptions, type PartialOptions } from '../../src/core';
import type { Attribution } from '../../src/core/attribution/analyse';
import { lines } from '../helpers';

/** The headline every test article starts with, so the body lines are body lines. */
const HEADLINE = 'Ferry strike enters its second week in Orvik';

/** People the tests name, declared so that they are recognised without the trained model. */
let known: PartialOptions['knownEntities'] = [];

/** Analyses `HEADLINE` + a blank line + the body lines. */
function analyse(...body: string[]) {
	const text = lines(HEADLINE, '', ...body);
	const analysis = analyseDocument(text, resolveOptions({ knownEntities: known }));
	return { text, analysis, attribution: analysis.attribution };
}

/** The findings of one rule, as the text they cover. */
function findings(ruleId: string, ...body: string[]): string[] {
	const { text, analysis } = analyse(...body);
	return analysis.findings.filter((f) => f.ruleId === ruleId).map((f) => text.slice(f.start, f.end));
}

/** Each quotation (not indirect speech) as [its words, the speaker's canonical name or text, status]. */
function quotes(...body: string[]): [string, string | undefined, string][] {
	const { text, attribution } = analyse(...body);
	return attribution.quotes
		.filter((q: Attribution) => q.kind !== 'indirect')
		.map((q) => [text.slice(q.start, q.end), q.speaker?.canonical ?? q.speaker?.text, q.status]);
}

void describe('attribution: the quote marks of tokenised text', () => {
	void it("reads ``…'' and \"…'' as double quotation marks", () => {
		assert.deepEqual(
			quotes("``We will sail on Monday,'' said Ola Brekke, the harbour master.", "\"The crews are tired,'' he told reporters."),
			[
				['We will sail on Monday,', 'Ola Brekke', 'attributed'],
				['The crews are tired,', 'Ola Brekke', 'attributed'],
			],
		);
	});

	void it("closes a nested single quote and the quotation together in '''", () => {
		assert.deepEqual(quotes("\"Then they shouted, 'Run, the ramp is falling! ''' the driver Siv Dahl said."), [
			["Then they shouted, 'Run, the ramp is falling! '", 'Siv Dahl', 'attributed'],
		]);
	});

	void it("does not take the apostrophes of ''…'' for single quotes", () => {
		const { attribution } = analyse("``It is over,'' the union leader Kari Holm said of the 'long strike' at the yard.");
		assert.equal(attribution.quotes.filter((q) => q.kind === 'direct').length, 1);
		assert.equal(attribution.phrases.length, 1);
	});
});

void describe('attribution: speakers introduced before the quotation', () => {
	void it('reads a partitive speaker by the group it takes one of, as an unnamed source', () => {
		assert.deepEqual(quotes('One of the officers said: "We sailed through the night and nobody slept at all."'), [
			['We sailed through the night and nobody slept at all.', 'One of the officers', 'vague'],
		]);
		assert.deepEqual(
			quotes(
				'The strike ended on the day when, one of his key advisers would later say, it was plain that "the owners had run out of money."',
			),
			[['the owners had run out of money.', 'one of his key advisers', 'vague']],
		);
		// "of" after another word still starts the complement: the head of "the head of the union" is "head".
		assert.deepEqual(quotes('The head of the union said: "We will sit down until it is settled."'), [
			['We will sit down until it is settled.', 'The head of the union', 'vague'],
		]);
	});

	void it('gives a quotation opening the next line to a role ending the line before with a colon', () => {
		assert.deepEqual(
			quotes(
				'Eva Strand, the harbour commissioner, said on Tuesday that talks would resume.',
				'The commissioner says the talks will be what is called "cooling off" talks:',
				'"Nobody wins a long strike.',
				'We will sit down until it is settled."',
			),
			[['Nobody wins a long strike.\nWe will sit down until it is settled.', 'Eva Strand', 'attributed']],
		);
	});

	void it('gives the words of a statement to whoever issued it', () => {
		assert.deepEqual(
			quotes(
				'Orvik Ferries issued a statement on Wednesday morning.',
				'Harbour Master Ola Brekke said the boats would stay in port.',
				'The statement thanks passengers for their patience, saying, "We are sorry for the disruption."',
			),
			[['We are sorry for the disruption.', 'Orvik Ferries', 'attributed']],
		);
	});

	void it('does not take a name in apposition before a reported clause as the speaker of a participle', () => {
		assert.deepEqual(
			quotes('Sgt. Pia Nord, a coastguard officer, told reporters that the captain radioed, saying "We are taking on water".'),
			[['We are taking on water', 'the captain', 'vague']],
		);
	});
});

void describe('attribution: owners of words and writings', () => {
	void it('gives a quotation after "His exact words:" to the man speaking before', () => {
		known = [{ name: 'Per Brekke', type: 'person' }];
		try {
			assert.deepEqual(
				quotes(
					'Ferry owner Per Brekke has said, in so many words, that his company will not raise wages.',
					'His exact words:',
					'"We have made our last offer and we will not be making another."',
				),
				[['We have made our last offer and we will not be making another.', 'Per Brekke', 'attributed']],
			);
		} finally {
			known = [];
		}
	});

	void it('gives the words of a writing named without its author to the writer named just before', () => {
		assert.deepEqual(
			quotes(
				"The court was shown a page from one of Brekke's private diaries.",
				'The 2019 entry says: "If the crews strike, I will sell the boats."',
			),
			[['If the crews strike, I will sell the boats.', 'Brekke', 'attributed']],
		);
	});

	void it('reads "X is reporting that" as a cue, a web address as tokenised text spaces it included', () => {
		assert.deepEqual(quotes('Orvik Post. com is reporting that, "The strike will end on Friday."'), [
			['The strike will end on Friday.', 'Orvik Post. com', 'attributed'],
		]);
	});
});

void describe('attribution: pronouns', () => {
	void it('does not resolve "she" to a man named last, nor "he" to a woman', () => {
		assert.deepEqual(
			quotes(
				'Anna Lund, the owner of the ferry, told the inquiry that the engine had failed.',
				'Inspector Tom Berg said he had asked her how the fire started.',
				'"I did not see the smoke," she said.',
				'"She was below deck," he added.',
			),
			[
				['I did not see the smoke,', 'Anna Lund', 'attributed'],
				['She was below deck,', 'Tom Berg', 'attributed'],
			],
		);
	});

	void it('takes gender from a title or a role next to the name when the first name tells nothing', () => {
		assert.deepEqual(
			quotes(
				'Kjell Sande told the inquiry that the engine had failed.',
				'Her husband, Sten Ruud, said the boat was old.',
				'"Nobody listened to us," she said.',
				'The harbour master, Mr Odd Lie, said the ferry had passed its checks.',
				'"We warned them twice," she said.',
			),
			[
				['Nobody listened to us,', 'Kjell Sande', 'attributed'],
				['We warned them twice,', 'Kjell Sande', 'attributed'],
			],
		);
	});

	void it('does not take a name inside the quotation as the referent of the pronoun after it', () => {
		known = [{ name: 'Eli Moen', type: 'person' }];
		try {
			assert.deepEqual(quotes('A dock worker said the crew had been warned.', '"Eli Moen begged them to wait," he said.'), [
				['Eli Moen begged them to wait,', 'he', 'vague'],
			]);
		} finally {
			known = [];
		}
	});

	void it('keeps the person a pronoun spoke for as the latest speaker', () => {
		known = ['Kari Holm', 'Per Brekke'].map((name) => ({ name, type: 'person' as const }));
		try {
			assert.deepEqual(
				quotes(
					'Union leader Kari Holm said the talks had stalled.',
					'Per Brekke, the ferry company chairman, was worried about the cost.',
					'"We all have limits," he wrote to the union on Wednesday.',
					'"Ten years is a long time in shipping."',
					'He also said the company could pay "only so much" this year.',
				),
				[
					['We all have limits,', 'Per Brekke', 'attributed'],
					['Ten years is a long time in shipping.', 'Per Brekke', 'attributed'],
					['only so much', 'Per Brekke', 'attributed'],
				],
			);
		} finally {
			known = [];
		}
	});
});

void describe('attribution: headline quotes, inch marks and quoted modifiers', () => {
	/** The quotations of an article with its own headline. */
	function headed(headline: string, ...body: string[]): [string, string | undefined, string][] {
		const text = lines(headline, '', ...body);
		const { attribution } = analyseDocument(text, resolveOptions({}));
		return attribution.quotes
			.filter((q) => q.kind !== 'indirect')
			.map((q) => [text.slice(q.start, q.end), q.speaker?.canonical ?? q.speaker?.text, q.status]);
	}

	void it('takes a single-quoted headline phrase of two words or more for a quotation, not a nickname', () => {
		assert.deepEqual(headed("'Boats stay' as Orvik strike goes on", 'The ferries did not sail on Monday.'), [
			['Boats stay', undefined, 'unattributed'],
		]);
		assert.deepEqual(headed("Ole 'The Anchor' Dahl retires from the ferries", 'Ole Dahl sailed for forty years.'), []);
	});

	void it('takes a short lower-case phrase in a headline for a term, not a quotation', () => {
		assert.deepEqual(headed("Orvik faces 'new storm' over ferry fees", 'The council meets on Monday.'), []);
		assert.deepEqual(headed("Orvik faces 'New storm' over ferry fees", 'The council meets on Monday.'), [
			['New storm', undefined, 'unattributed'],
		]);
	});

	void it('matches a headline quote to the body quote it trims', () => {
		assert.deepEqual(headed("'We waited' on the quay in Orvik", '"We all waited for hours," one deckhand in Orvik told the Post.'), [
			['We waited', 'one deckhand in Orvik', 'vague'],
			['We all waited for hours,', 'one deckhand in Orvik', 'vague'],
		]);
	});

	void it('does not open a quotation at an inch mark', () => {
		assert.deepEqual(quotes('The new radio has a 3.5" screen and a louder speaker.'), []);
	});

	void it('takes a quotation modifying the noun after it for a label', () => {
		assert.deepEqual(quotes('Expect a flurry of "the company has to give in now" comments.'), []);
	});
});

void describe('unattributed-claim: numbers that are no checkable figure, and sentences that assert nothing', () => {
	void it('takes a monitor or a watchdog for a source', () => {
		assert.deepEqual(
			findings(
				'unattributed-claim',
				'The monitor said it had not confirmed how many of the remaining six people killed were fighters.',
				'The watchdog said 14 ferries had failed their inspections.',
			),
			[],
		);
	});

	void it('skips calibres, emergency numbers, addresses and "9/11"', () => {
		assert.deepEqual(
			findings(
				'unattributed-claim',
				'The guard carried a .357 Magnum on his belt.',
				'A 911 supervisor kept the skipper on the line.',
				'The company moved to 4 Harbour Way in the spring.',
				'The fire started in the 1200 block of Quay Road.',
				'The drills began after the 9/11 attacks.',
			),
			[],
		);
	});

	void it('skips ages written after a name and times that locate an event', () => {
		assert.deepEqual(
			findings(
				'unattributed-claim',
				'Ole Dahl, 23 and from Orvik, was charged on Monday.',
				'The victims were Eva Lund, 58; and her son Per, 20.',
				'The captain will be 61 in April.',
				'Two years ago, a ferry ran aground near the harbour.',
				'She came back 10 minutes later with a hammer.',
			),
			[],
		);
	});

	void it('skips questions and conditions but still flags a plain figure', () => {
		assert.deepEqual(
			findings(
				'unattributed-claim',
				'Should the owners pay more than $25 million for the new boats?',
				'If the strike lasts, the company could lose $3 million a week.',
				'The strike has cost the company $4 million.',
			),
			['$4 million'],
		);
	});
});
