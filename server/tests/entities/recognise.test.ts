import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aliasTableFor } from '../../src/core/analyse';
import { recogniseEntities, type KnownEntity } from '../../src/core/entities/recognise';
import { nameKey, stripTitles } from '../../src/core/entities/names';
import { resolveOptions } from '../../src/core/options';
import { analyseStructure } from '../../src/core/text/structure';
import { lines, marked } from '../helpers';

function recognise(text: string, known: KnownEntity[] = [], aliases: Record<string, string[]> = {}) {
	const options = resolveOptions({ knownEntities: known, entityAliases: aliases });
	return recogniseEntities(text, analyseStructure(text), { aliases: aliasTableFor(options), known });
}

void describe('recogniseEntities without a model', () => {
	void it('finds declared names, the acronyms an article defines, dates and figures', () => {
		const { text, spans } = marked(
			lines(
				'Dam report published',
				'',
				'The [[Velna Hydro Authority]] ([[VHA]]) said on [[Tuesday]] that [[31]] people died.',
				'',
				'[[VHA]] engineers met [[Aurelia Vasquez-Tollan]] in [[March 2025]].',
			),
		);
		const found = recognise(text, [
			{ name: 'Velna Hydro Authority', type: 'organization' },
			{ name: 'Aurelia Vasquez-Tollan', type: 'person' },
		]);
		assert.deepEqual(
			found.mentions.map((m) => [m.text, m.type]),
			spans.map((s, i) => [s.text, ['organization', 'organization', 'date', 'figure', 'organization', 'person', 'date'][i]]),
		);
		const vha = found.mentions.filter((m) => m.text === 'VHA');
		assert.ok(vha.every((m) => m.key === 'velna hydro authority' && m.name === 'Velna Hydro Authority'));
	});

	void it('maps aliases to their canonical name, built-in and declared', () => {
		const text = 'Bridge\n\nDaesh and ISIL fighters left; Kestrel Watch (KW) and the Watch agreed.';
		const found = recognise(text, [
			{ name: 'Daesh', type: 'organization' },
			{ name: 'ISIL', type: 'organization' },
			{ name: 'Kestrel Watch', type: 'organization', aliases: ['the Watch'] },
		]);
		const names = found.mentions.filter((m) => m.type === 'organization').map((m) => [m.text, m.name]);
		assert.deepEqual(names, [
			['Daesh', 'Islamic State'],
			['ISIL', 'Islamic State'],
			['Kestrel Watch', 'Kestrel Watch'],
			['KW', 'Kestrel Watch'],
			['the Watch', 'Kestrel Watch'],
		]);
	});

	void it('does not report entities in web-page debris', () => {
		const text = lines('Dam report', '', 'Photo: Lena Ortiz/Northgate Wire', '', 'Crews worked on Tuesday.');
		const found = recognise(text, [{ name: 'Lena Ortiz', type: 'person' }]);
		assert.deepEqual(
			found.mentions.map((m) => m.text),
			['Tuesday'],
		);
	});

	void it('keeps capitalised runs the recognisers missed as candidates for the corpus', () => {
		const text = 'Dam report\n\nMeanwhile Gulen said that Mr. Ansel Brook would stay.';
		const { candidates } = recognise(text);
		assert.deepEqual(
			candidates.map((c) => [c.text, c.key]),
			[
				['Dam', 'dam'],
				['Meanwhile Gulen', 'meanwhile gulen'],
				['Gulen', 'gulen'],
				['Mr. Ansel Brook', 'ansel brook'],
				['Ansel Brook', 'ansel brook'],
				['Brook', 'brook'],
			],
		);
	});
});

void describe('names', () => {
	const keys: [string, string][] = [
		['President Recep Tayyip Erdoğan', 'recep tayyip erdogan'],
		["Erdogan's", 'erdogan'],
		['Turkish Foreign Minister Mevlut Cavusoglu', 'mevlut cavusoglu'],
		['U.S. Secretary of State Jon Arkwright', 'jon arkwright'],
		['Vasquez-Tollan', 'vasquez tollan'],
		['U.S.', 'us'],
		['José Ibáñez', 'jose ibanez'],
		['CEO Ansel Brook', 'ansel brook'],
		['Chairman Ilona Brask', 'ilona brask'],
		['Saint Petersburg', 'st petersburg'],
		['St. Petersburg', 'st petersburg'],
		['St Petersburg', 'st petersburg'],
		['Sainte-Foy', 'sainte foy'],
	];
	for (const [surface, key] of keys) {
		void it(`keys ${JSON.stringify(surface)} as ${JSON.stringify(key)}`, () => assert.equal(nameKey(surface), key));
	}
	void it('keeps a name made only of a title', () => {
		assert.equal(stripTitles('President'), 'President');
		assert.equal(stripTitles('Mayor Ilona Brask'), 'Ilona Brask');
	});
});

void describe('recogniseEntities around the name recogniser', () => {
	/** A recogniser that tags exactly the given surfaces, to test what the glue makes of its output. */
	const tagging =
		(tags: Record<string, 'person' | 'organization' | 'place' | 'other'>) =>
		(text: string, sentences: readonly { start: number; end: number }[]) =>
			sentences.flatMap((s) =>
				Object.entries(tags).flatMap(([surface, type]) => {
					const at = text.indexOf(surface, s.start);
					return at >= 0 && at + surface.length <= s.end ? [{ start: at, end: at + surface.length, type, confidence: 0.9 }] : [];
				}),
			);

	void it('trims quotation marks, drops pronouns, keeps all-capital names and types defined acronyms', () => {
		const text = lines('Dam report', '', '“We will rebuild,” said the Velna Hydro Authority (VHA).', '', 'VHA staff met US officials.');
		const options = resolveOptions({});
		const { mentions } = recogniseEntities(text, analyseStructure(text), {
			recogniseNames: tagging({ '“We': 'organization', 'Velna Hydro Authority': 'organization', VHA: 'person', US: 'place' }),
			aliases: aliasTableFor(options),
			known: [],
		});
		assert.deepEqual(
			mentions.filter((m) => m.type !== 'date' && m.type !== 'figure').map((m) => [m.text, m.type, m.name]),
			[
				['Velna Hydro Authority', 'organization', 'Velna Hydro Authority'],
				['VHA', 'organization', 'Velna Hydro Authority'],
				['VHA', 'organization', 'Velna Hydro Authority'],
				['US', 'place', 'United States'],
			],
		);
	});

	void it("gives an acronym defined by a built-in alias group the group's type, not the type the recogniser gave the definition", () => {
		const text = lines('Raid', '', 'Islamic State (IS) fighters left.', '', 'IS later returned.');
		const options = resolveOptions({});
		const { mentions } = recogniseEntities(text, analyseStructure(text), {
			recogniseNames: tagging({ 'Islamic State': 'place' }),
			aliases: aliasTableFor(options),
			known: [],
		});
		assert.deepEqual(
			mentions.filter((m) => m.type !== 'date' && m.type !== 'figure').map((m) => [m.text, m.type, m.name]),
			[
				['Islamic State', 'organization', 'Islamic State'],
				['IS', 'organization', 'Islamic State'],
				['IS', 'organization', 'Islamic State'],
			],
		);
	});

	void it('links a person named by an office the article gave them alone, and no office two people hold', () => {
		const text = lines(
			'Talks',
			'',
			'Turkish Foreign Minister Ayla Demir met Spanish Foreign Minister Nikos Pappas and President Omar Said.',
			'',
			'The Turkish Foreign Minister said the talks went well. The president left; the foreign minister stayed.',
			'',
			'The President of Velna spoke. The Spanish Foreign Minister Nikos Pappas did not.',
		);
		const options = resolveOptions({});
		const { mentions } = recogniseEntities(text, analyseStructure(text), {
			recogniseNames: tagging({ 'Ayla Demir': 'person', 'Nikos Pappas': 'person', 'President Omar Said': 'person' }),
			aliases: aliasTableFor(options),
			known: [],
		});
		assert.deepEqual(
			mentions.filter((m) => m.source === 'description').map((m) => [m.text, m.type, m.key, m.name]),
			[
				['Foreign Minister', 'person', 'ayla demir', 'Ayla Demir'],
				['president', 'person', 'omar said', 'Omar Said'],
			],
		);
	});

	void it('joins a bare surname to the full name used earlier in the same article', () => {
		const text = lines('Talks', '', 'President Recep Tayyip Erdogan spoke.', '', 'Erdogan later left; Mr. Erdogan returned.');
		const options = resolveOptions({});
		const { mentions } = recogniseEntities(text, analyseStructure(text), {
			recogniseNames: tagging({ 'President Recep Tayyip Erdogan': 'person', 'Erdogan later': 'person', 'Mr. Erdogan': 'person' }),
			aliases: aliasTableFor(options),
			known: [],
		});
		assert.deepEqual(
			mentions.map((m) => [m.text, m.key, m.name]),
			[
				['President Recep Tayyip Erdogan', 'recep tayyip erdogan', 'Recep Tayyip Erdogan'],
				['Erdogan later', 'erdogan later', 'Erdogan later'],
				['Mr. Erdogan', 'recep tayyip erdogan', 'Recep Tayyip Erdogan'],
			],
		);
	});

	void it('gives a built-in alias group its type, whatever the recogniser guessed', () => {
		const text = lines('Talks', '', 'Daesh fighters left the U.S. embassy.');
		const options = resolveOptions({});
		const { mentions } = recogniseEntities(text, analyseStructure(text), {
			recogniseNames: tagging({ Daesh: 'person', 'U.S.': 'organization' }),
			aliases: aliasTableFor(options),
			known: [],
		});
		assert.deepEqual(
			mentions.map((m) => [m.text, m.type, m.name]),
			[
				['Daesh', 'organization', 'Islamic State'],
				['U.S.', 'place', 'United States'],
			],
		);
	});
});
