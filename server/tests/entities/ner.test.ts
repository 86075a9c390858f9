import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { GAZETTEER_CATEGORIES, type GazetteerLists } from '../../src/core/entities/ner/gazetteers';
import { encodeEntityModel, loadEntityModel, TAGS, type EntityModel, type NameType } from '../../src/core/entities/ner/model';
import { oneTypePerName, recogniseNames, surnamesOfPersons, type NameMention } from '../../src/core/entities/ner/recognise';
import { tokenizeForNames } from '../../src/core/entities/ner/tokenize';
import { trainEntityModel, type TrainingSentence } from '../../src/train/entities/perceptron';
import { analyseStructure } from '../../src/core/text/structure';
import { marked, repoRoot } from '../helpers';

const shipped = JSON.parse(readFileSync(path.join(repoRoot, 'server', 'models', 'entities.json'), 'utf8')) as Record<string, unknown>;
const model = loadEntityModel(shipped);

/** The names found in `text`, read as one document whose sentences come from `analyseStructure`. */
function names(text: string, m: EntityModel = model): [string, NameType][] {
	const sentences = analyseStructure(text).sentences;
	return recogniseNames(text, sentences, m).map((n) => [text.slice(n.start, n.end), n.type]);
}

void describe('loadEntityModel', () => {
	void it('reads the shipped model', () => {
		assert.ok(model.weights.size > 1000);
		assert.ok(model.gazetteers.phrases.size > 1000);
	});

	void it('rejects malformed models with a message that says what is wrong', () => {
		const cases: [unknown, RegExp][] = [
			[null, /Invalid entity model: expected a JSON object/],
			[[], /expected a JSON object/],
			[{ ...shipped, format: 'something-else' }, /"format" must be "crosscheck-entities"/],
			[{ ...shipped, version: 99 }, /"version" is 99; this build reads version 1/],
			[{ ...shipped, tags: ['O'] }, /"tags" must be/],
			[{ ...shipped, decoder: 'beam' }, /"decoder" must be "greedy" or "viterbi"/],
			[{ ...shipped, temperature: -1 }, /"temperature" must be a positive number/],
			[{ ...shipped, features: 'not base64!' }, /"features" is not valid base64/],
			[{ ...shipped, featureCount: (shipped.featureCount as number) + 1 }, /"features" ends after/],
			[{ ...shipped, featureCount: 1 }, /bytes after the last of 1 features/],
			[{ ...shipped, gazetteers: { ...(shipped.gazetteers as object), city: 42 } }, /"gazetteers.city" must be a string/],
			[{ ...shipped, commonWords: ['a'] }, /"commonWords" must be an array of 4 strings/],
		];
		for (const [json, message] of cases) {
			assert.throws(() => loadEntityModel(json), message);
		}
	});
});

void describe('tokenizeForNames', () => {
	void it('splits possessives off and keeps titles, initials and abbreviations whole', () => {
		const text = "Mr. J. Okafor met U.S. envoys at Turkey's border on 1996-08-30, a 25-year-old said.";
		assert.deepEqual(
			tokenizeForNames(text, 0, text.length).map((t) => t.text),
			[
				'Mr.',
				'J.',
				'Okafor',
				'met',
				'U.S.',
				'envoys',
				'at',
				'Turkey',
				"'s",
				'border',
				'on',
				'1996-08-30',
				',',
				'a',
				'25-year-old',
				'said',
				'.',
			],
		);
	});
});

void describe('recogniseNames', () => {
	// Sentences written for these tests; each marked span is a name, with its type listed in order.
	const cases: [string, NameType[]][] = [
		[
			'[[Maria Lindqvist]], the chief executive of [[Nordfjell Energy]], said on Tuesday that the company would open a plant in [[Gothenburg]].',
			['person', 'organization', 'place'],
		],
		['The [[United Nations]] said aid convoys had reached the town of [[Kandahar]].', ['organization', 'place']],
		['Police in [[Melbourne]] arrested two men after a robbery at a branch of [[Westpac Banking Corp.]]', ['place', 'organization']],
		['Shares of [[General Motors]] fell 3 percent in [[New York]] on Monday.', ['organization', 'place']],
	];
	for (const [source, types] of cases) {
		void it(`finds the names in: ${source}`, () => {
			const { text, spans } = marked(source);
			assert.deepEqual(
				names(text),
				spans.map((s, i) => [s.text, types[i]!]),
			);
		});
	}

	void it('tells nationalities apart from places', () => {
		assert.deepEqual(names('German and French diplomats met in Bonn.'), [
			['German', 'other'],
			['French', 'other'],
			['Bonn', 'place'],
		]);
	});

	void it('types a religion alone as another name, not an organization or a place, and leaves names containing one alone', () => {
		assert.deepEqual(
			names('We talked about her Muslim faith. He was a devout Catholic and a Mormon missionary. The Muslim Brotherhood met in Cairo.'),
			[
				['Muslim', 'other'],
				['Catholic', 'other'],
				['Mormon', 'other'],
				['Muslim Brotherhood', 'organization'],
				['Cairo', 'place'],
			],
		);
	});

	void it('takes no pronoun of an ALL-CAPS line for a name, and keeps "US" the country elsewhere', () => {
		const found = names(
			"IT'S US OR HIM: Erdogan issues the United States with an ultimatum\n\nLET US PRAY FOR SYRIA\n\nThe US embassy closed.",
		);
		assert.deepEqual(
			found.filter(([name]) => /^(?:US|HIM)$/.test(name)),
			[['US', 'place']],
		);
		assert.ok(found.some(([name]) => name === 'SYRIA'));
	});

	void it('reads an ALL-CAPS headline', () => {
		const { text, spans } = marked('FLOODS KILL 40 IN SOUTHERN [[CHINA]]');
		assert.deepEqual(names(text), [[spans[0]!.text, 'place']]);
	});

	void it('reads a dateline line and a dateline before the story', () => {
		const { text, spans } = marked(
			[
				'[[BERLIN]] 1996-08-30',
				'',
				'[[NAIROBI]], [[Kenya]] ([[Reuters]]) - Thousands of people marched through [[Nairobi]] on Saturday.',
			].join('\n'),
		);
		assert.deepEqual(
			names(text),
			spans.map((s, i) => [s.text, (['place', 'place', 'place', 'organization', 'place'] as const)[i]!]),
		);
	});

	void it('returns nothing for an empty text or no sentences, and never throws on odd input', () => {
		assert.deepEqual(recogniseNames('', [], model), []);
		assert.deepEqual(recogniseNames('', [{ start: 0, end: 0 }], model), []);
		assert.deepEqual(recogniseNames('Plain words here.', [], model), []);
		// Sentences out of range are clamped, not trusted.
		assert.doesNotThrow(() => recogniseNames('Short.', [{ start: -5, end: 1000 }], model));
		assert.doesNotThrow(() => recogniseNames('\u0000\uFFFD\uD800 "" ---- \u2014\u2014', [{ start: 0, end: 12 }], model));
	});

	void it('gives UTF-16 offsets and confidences in [0, 1]', () => {
		const text = '\uD83D\uDCF0 Ángela Müller spoke in Zürich.';
		const found = recogniseNames(text, [{ start: 0, end: text.length }], model);
		assert.ok(found.length > 0);
		for (const n of found) {
			assert.ok(n.confidence >= 0 && n.confidence <= 1);
			assert.equal(text.slice(n.start, n.end).trim(), text.slice(n.start, n.end));
		}
	});

	void it('gives a name written the same way one type in a document, the one its mentions are surest of', () => {
		const text = 'Velna said. Velna left. Velna won. Orrin met Tam. Orrin wrote.';
		const at = (word: string, from: number, type: NameType, confidence: number): NameMention => {
			const start = text.indexOf(word, from);
			return { start, end: start + word.length, type, confidence };
		};
		const mentions = [
			at('Velna', 0, 'place', 0.9),
			at('Velna', 10, 'organization', 0.6),
			at('Velna', 20, 'organization', 0.5),
			at('Orrin', 30, 'person', 0.7),
			at('Tam', 30, 'place', 0.4),
			at('Orrin', 45, 'place', 0.7),
		];
		const typed = oneTypePerName(text, mentions).map((m) => [text.slice(m.start, m.end), m.type, m.confidence]);
		assert.deepEqual(typed, [
			// 0.6 + 0.5 for organization outweighs 0.9 for place.
			['Velna', 'organization', 0.9],
			['Velna', 'organization', 0.6],
			['Velna', 'organization', 0.5],
			// A tie: each mention keeps its own type.
			['Orrin', 'person', 0.7],
			['Tam', 'place', 0.4],
			['Orrin', 'place', 0.7],
		]);
		assert.deepEqual(oneTypePerName(text, []), []);
	});

	void it('is deterministic', () => {
		const text = 'Officials in Lagos said the Nigerian Ports Authority met Chief Obi Nwosu on Friday.\nHe left for Abuja.';
		const sentences = analyseStructure(text).sentences;
		assert.deepEqual(recogniseNames(text, sentences, model), recogniseNames(text, sentences, model));
	});
});

void describe('trainEntityModel', () => {
	const B = (type: string) => TAGS.indexOf(`B-${type}`);
	const I = (type: string) => TAGS.indexOf(`I-${type}`);
	// A tiny synthetic corpus written for this test.
	const corpus: TrainingSentence[] = [
		{ tokens: ['Anna', 'Berg', 'visited', 'Oslo', '.'], tags: [B('person'), I('person'), 0, B('place'), 0] },
		{
			tokens: ['The', 'Fjord', 'Bank', 'opened', 'in', 'Bergen', '.'],
			tags: [0, B('organization'), I('organization'), 0, 0, B('place'), 0],
		},
		{ tokens: ['Norwegian', 'officials', 'met', 'Ola', 'Dahl', '.'], tags: [B('other'), 0, 0, B('person'), I('person'), 0] },
		{ tokens: ['Rain', 'fell', 'on', 'Tuesday', '.'], tags: [0, 0, 0, 0, 0] },
	];
	const lists = Object.fromEntries(GAZETTEER_CATEGORIES.map((c) => [c, [] as string[]])) as unknown as GazetteerLists;
	const withNames: GazetteerLists = { ...lists, firstName: ['Anna', 'Ola'], city: ['Oslo', 'Bergen'], demonym: ['Norwegian'] };
	const commonWords = [['the', 'in', 'on'], ['rain', 'fell'], ['officials'], []];
	const options = { epochs: 3, seed: 11, minCount: 1, pruneBelow: 0.001, predictedHistory: false } as const;

	function train(): string {
		const documents = [corpus.slice(0, 2), corpus.slice(2)];
		const { model: trained, scale } = trainEntityModel(documents, withNames, commonWords, options);
		return JSON.stringify(encodeEntityModel(trained, scale));
	}

	void it('gives the same model, bit for bit, when run twice', () => {
		const first = train();
		assert.equal(train(), first);
	});

	void it('writes a model that loads and tags what it was trained on', () => {
		const trained = loadEntityModel(JSON.parse(train()));
		assert.deepEqual(names('Anna Berg visited Oslo.', trained), [
			['Anna Berg', 'person'],
			['Oslo', 'place'],
		]);
	});

	void it('never lets a name begin or end with a quotation mark or bracket, even when the tagger includes them', () => {
		// A model taught (wrongly) that the quotes and brackets around a name belong to it.
		const quoted: TrainingSentence[] = [
			{ tokens: ['\u201C', 'Anna', 'Berg', '\u201D', 'left', '.'], tags: [B('person'), I('person'), I('person'), I('person'), 0, 0] },
			{ tokens: ['(', 'Ola', 'Dahl', ')', 'left', '.'], tags: [B('person'), I('person'), I('person'), I('person'), 0, 0] },
			{ tokens: ['"', '"', 'left', '.'], tags: [B('person'), I('person'), 0, 0] },
		];
		const { model: trained, scale } = trainEntityModel([quoted, quoted, quoted], withNames, commonWords, options);
		const reloaded = loadEntityModel(JSON.parse(JSON.stringify(encodeEntityModel(trained, scale))));
		for (const text of ['\u201CAnna Berg\u201D left.', '(Ola Dahl) left.', '" " left.']) {
			for (const [name] of names(text, reloaded)) {
				assert.doesNotMatch(name, /^[\p{P}\p{S}]|[\p{P}\p{S}]$/u, `${JSON.stringify(name)} in ${JSON.stringify(text)}`);
			}
		}
		assert.deepEqual(names('\u201CAnna Berg\u201D left.', reloaded), [['Anna Berg', 'person']]);
	});

	void it('drops a person name made of title words alone, types a country acting as an organization a place and splits it from a name joined by "and"', () => {
		// A model taught (as some annotations have it) that "Prime" of "Prime Minister" is a person and that a country that acts is an organization.
		const noisy: TrainingSentence[] = [
			{ tokens: ['Prime', 'Minister', 'Ola', 'Dahl', 'left', '.'], tags: [B('person'), 0, B('person'), I('person'), 0, 0] },
			{ tokens: ['Norway', 'said', 'no', '.'], tags: [B('organization'), 0, 0, 0] },
			{
				tokens: ['Sweden', 'and', 'Ola', 'Dahl', 'met', '.'],
				tags: [B('organization'), I('organization'), I('organization'), I('organization'), 0, 0],
			},
			{ tokens: ['Anna', 'Berg', 'visited', 'Oslo', '.'], tags: [B('person'), I('person'), 0, B('place'), 0] },
		];
		const titled: GazetteerLists = { ...withNames, title: ['Prime Minister', 'President'], country: ['Norway', 'Sweden'] };
		const { model: trained, scale } = trainEntityModel([noisy, noisy, noisy], titled, commonWords, options);
		const reloaded = loadEntityModel(JSON.parse(JSON.stringify(encodeEntityModel(trained, scale))));
		assert.deepEqual(names('Prime Minister Ola Dahl left.', reloaded), [['Ola Dahl', 'person']]);
		assert.deepEqual(names('Norway said no.', reloaded), [['Norway', 'place']]);
		// A country joined by "and" to another name is split from it, unless the whole is a listed name.
		assert.deepEqual(names('Sweden and Ola Dahl met.', reloaded), [
			['Sweden', 'place'],
			['Ola Dahl', 'organization'],
		]);
	});

	void it('drops a whole title of any type and a generational suffix alone, and makes titles before a given name a person', () => {
		// A model taught that "CEO" and the names after it are organizations.
		const noisy: TrainingSentence[] = [
			{ tokens: ['The', 'CEO', 'left', '.'], tags: [0, B('organization'), 0, 0] },
			{ tokens: ['Ola', 'Dahl', ',', 'Sr.', ',', 'left', '.'], tags: [B('person'), I('person'), 0, B('person'), 0, 0, 0] },
			{ tokens: ['CEO', 'Ola', 'Dahl', 'left', '.'], tags: [B('organization'), I('organization'), I('organization'), 0, 0] },
			{ tokens: ['Secretary', 'of', 'State', 'Ola', 'Dahl', 'left', '.'], tags: [0, 0, B('organization'), 0, 0, 0, 0] },
		];
		const titled: GazetteerLists = { ...withNames, title: ['CEO', 'Secretary of State'] };
		const { model: trained, scale } = trainEntityModel([noisy, noisy, noisy], titled, commonWords, options);
		const reloaded = loadEntityModel(JSON.parse(JSON.stringify(encodeEntityModel(trained, scale))));
		assert.deepEqual(names('The CEO left.', reloaded), []);
		assert.deepEqual(names('Ola Dahl, Sr., left.', reloaded), [['Ola Dahl', 'person']]);
		assert.deepEqual(names('CEO Ola Dahl left.', reloaded), [['CEO Ola Dahl', 'person']]);
		// A word of a longer title is no whole title: the model's name stands.
		assert.deepEqual(names('Secretary of State Ola Dahl left.', reloaded), [['State', 'organization']]);
	});

	void it('makes a name followed by ", who" a person, and the bare surname of a person named in full the same person', () => {
		// A model taught that these names are organizations.
		const noisy: TrainingSentence[] = [
			{ tokens: ['Officials', 'blamed', 'Orhun', 'Talvek', '.'], tags: [0, 0, B('organization'), I('organization'), 0] },
			{ tokens: ['Talvek', 'left', '.'], tags: [B('organization'), 0, 0] },
			{ tokens: ['Fans', 'cheered', 'the', 'Velna', 'Rovers', '.'], tags: [0, 0, 0, B('organization'), I('organization'), 0] },
			{ tokens: ['Jordan', 'left', '.'], tags: [B('organization'), 0, 0] },
			{ tokens: ['Readers', 'of', 'Orvik', 'Tidende', 'wrote', '.'], tags: [0, 0, B('person'), I('person'), 0, 0] },
			{ tokens: ['Orvik', 'Tidende', 'magazine', 'closed', '.'], tags: [B('person'), I('person'), 0, 0, 0] },
			{ tokens: ['A', 'newspaper', 'closed', '.'], tags: [0, 0, 0, 0] },
		];
		const listed: GazetteerLists = { ...withNames, country: ['Jordan'] };
		const { model: trained, scale } = trainEntityModel([noisy, noisy, noisy], listed, commonWords, options);
		const reloaded = loadEntityModel(JSON.parse(JSON.stringify(encodeEntityModel(trained, scale))));
		// Without the cue, the model's types stand.
		assert.deepEqual(names('Officials blamed Orhun Talvek. Talvek left.', reloaded), [
			['Orhun Talvek', 'organization'],
			['Talvek', 'organization'],
		]);
		assert.deepEqual(names('Officials blamed Orhun Talvek, who denied it. Talvek left.', reloaded), [
			['Orhun Talvek', 'person'],
			['Talvek', 'person'],
		]);
		// An article before the name, or a word of a listed place in it, leaves the model's type.
		assert.deepEqual(names('Fans cheered the Velna Rovers, who won.', reloaded), [['Velna Rovers', 'organization']]);
		assert.deepEqual(names('Officials blamed Orhun Jordan, who denied it.', reloaded), [['Orhun Jordan', 'organization']]);
		// A name followed by "magazine" or "newspaper" is a publication: an organization, in the whole article.
		assert.deepEqual(names('Readers of Orvik Tidende wrote.', reloaded), [['Orvik Tidende', 'person']]);
		assert.deepEqual(names('Readers of Orvik Tidende magazine wrote. Orvik Tidende replied.', reloaded), [
			['Orvik Tidende', 'organization'],
			['Orvik Tidende', 'organization'],
		]);
		// "a … newspaper" says where a newspaper is from.
		assert.deepEqual(names('Readers of a Orvik Tidende newspaper wrote.', reloaded), [['Orvik Tidende', 'person']]);
	});

	void it("makes a place's name and a capitalised plural a team, an organization, unless it names a place or an event", () => {
		// A model taught that these names are places.
		const noisy: TrainingSentence[] = [
			{ tokens: ['Fans', 'cheered', 'the', 'Velna', 'Hawks', '.'], tags: [0, 0, 0, B('place'), I('place'), 0] },
			{ tokens: ['Fans', 'cheered', 'the', 'Velna', 'Olympics', '.'], tags: [0, 0, 0, B('place'), I('place'), 0] },
			{ tokens: ['Fans', 'cheered', 'the', 'Velna', 'Islands', '.'], tags: [0, 0, 0, B('place'), I('place'), 0] },
			{ tokens: ['Fans', 'cheered', 'the', 'Velna', 'Springs', '.'], tags: [0, 0, 0, B('place'), I('place'), 0] },
			{ tokens: ['Fans', 'cheered', 'the', 'Orvik', 'Hawks', '.'], tags: [0, 0, 0, B('place'), I('place'), 0] },
			{ tokens: ['Fans', 'cheered', 'the', 'Velna', 'Ness', '.'], tags: [0, 0, 0, B('place'), I('place'), 0] },
		];
		const listed: GazetteerLists = { ...withNames, city: ['Velna', 'Velna Springs'] };
		const { model: trained, scale } = trainEntityModel([noisy, noisy, noisy], listed, commonWords, options);
		const reloaded = loadEntityModel(JSON.parse(JSON.stringify(encodeEntityModel(trained, scale))));
		assert.deepEqual(names('Fans cheered the Velna Hawks.', reloaded), [['Velna Hawks', 'organization']]);
		// An event, a kind of place, a listed place, a name that starts with no listed place, no plural.
		assert.deepEqual(names('Fans cheered the Velna Olympics.', reloaded), [['Velna Olympics', 'place']]);
		assert.deepEqual(names('Fans cheered the Velna Islands.', reloaded), [['Velna Islands', 'place']]);
		assert.deepEqual(names('Fans cheered the Velna Springs.', reloaded), [['Velna Springs', 'place']]);
		assert.deepEqual(names('Fans cheered the Orvik Hawks.', reloaded), [['Orvik Hawks', 'place']]);
		assert.deepEqual(names('Fans cheered the Velna Ness.', reloaded), [['Velna Ness', 'place']]);
	});

	void it('takes an unsure one-word name one letter from a surname in the document for that person, not a listed place', () => {
		const text = 'Orhun Talvek spoke. Talvak left. Talvak stayed. Talvek wrote. Michael Jordan came. Jordan waited. Osla slept.';
		let from = 0;
		const next = (word: string, type: NameType, confidence: number): NameMention => {
			const start = text.indexOf(word, from);
			from = start + word.length;
			return { start, end: from, type, confidence };
		};
		const mentions = [
			next('Orhun Talvek', 'person', 0.9),
			// Unsure: a misspelling of the surname.
			next('Talvak', 'organization', 0.5),
			// Sure: left alone.
			next('Talvak', 'place', 0.95),
			next('Talvek', 'place', 0.95),
			next('Michael Jordan', 'person', 0.95),
			next('Jordan', 'place', 0.6),
			next('Osla', 'place', 0.4),
		];
		const typed = surnamesOfPersons(text, mentions, model.gazetteers).map((m) => [text.slice(m.start, m.end), m.type]);
		assert.deepEqual(typed, [
			['Orhun Talvek', 'person'],
			['Talvak', 'person'],
			['Talvak', 'place'],
			// The surname itself is the person, however sure the tagger was.
			['Talvek', 'person'],
			['Michael Jordan', 'person'],
			// A listed country may be the place.
			['Jordan', 'place'],
			// Not a surname of the document, nor one letter from one.
			['Osla', 'place'],
		]);
	});

	void it('keeps quotation marks and brackets out of the names the shipped model finds', () => {
		const text =
			'\u201CWe must not wait,\u201D said \u2018Angela Merkel\u2019 in Berlin. \u201CThe United Nations\u201D [Reuters] said (Microsoft Corp.) and "Google" would help.';
		for (const [name] of names(text)) {
			assert.doesNotMatch(name, /^[\p{Pi}\p{Pf}\p{Ps}\p{Pe}"']|[\p{Pi}\p{Pf}\p{Ps}\p{Pe}"']$/u, JSON.stringify(name));
		}
	});

	void it('types a multi-word name by its last word: streets are places, authorities are organizations', () => {
		const found = names('Residents of Tanner Street met officials of the Velna Hydro Authority on Monday.');
		for (const [name, type] of found) {
			if (/Street$/.test(name)) {
				assert.equal(type, 'place', name);
			}
			if (/Authority$/.test(name)) {
				assert.equal(type, 'organization', name);
			}
		}
		assert.ok(
			found.some(([name]) => /Street$|Authority$/.test(name)),
			JSON.stringify(found),
		);
	});

	void it("types a place's name followed by a newspaper's word an organization", () => {
		assert.deepEqual(names('Middle East Eye and the Jerusalem Post reported the raids on Raqqa.'), [
			['Middle East Eye', 'organization'],
			['Jerusalem Post', 'organization'],
			['Raqqa', 'place'],
		]);
	});
});
