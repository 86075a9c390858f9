import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EntityRegistry } from '../../src/core/corpus/entityRegistry';
import { nameKey } from '../../src/core/entities/names';
import type { EntityMention, EntityType, NameCandidate } from '../../src/core/entities/recognise';

/** A mention as recognition would produce it, placed at `start`. */
function mention(text: string, type: EntityType, start = 0, confidence = 0.95): EntityMention {
	return { start, end: start + text.length, type, text, key: nameKey(text), name: text, source: 'model', confidence };
}

function candidate(text: string, start = 0): NameCandidate {
	return { start, end: start + text.length, key: nameKey(text), text };
}

void describe('EntityRegistry', () => {
	void it('links a bare surname in one article to the full name used in another', () => {
		const registry = new EntityRegistry();
		registry.update('a', [mention('Mevlut Cavusoglu', 'person')], []);
		registry.update('b', [mention('Cavusoglu', 'person', 10)], []);
		const [linked] = registry.mentions('b');
		assert.equal(linked?.entity, 'mevlut cavusoglu');
		const summary = registry.entity('mevlut cavusoglu')!;
		assert.equal(summary.name, 'Mevlut Cavusoglu');
		assert.equal(summary.type, 'person');
		assert.equal(summary.mentionCount, 2);
		assert.deepEqual(
			summary.documents.map((d) => [d.docId, d.count, d.first.start]),
			[
				['a', 1, 0],
				['b', 1, 10],
			],
		);
		assert.deepEqual(summary.aliases.map((a) => a.text).sort(), ['Cavusoglu', 'Mevlut Cavusoglu']);
	});

	void it('leaves a surname unlinked when two full names share it', () => {
		const registry = new EntityRegistry();
		registry.update('a', [mention('Anna Brask', 'person'), mention('Ilona Brask', 'person', 20)], []);
		registry.update('b', [mention('Brask', 'person')], []);
		assert.equal(registry.mentions('b')[0]?.entity, 'brask');
	});

	void it('reports the other articles whose links change, and only those', () => {
		const registry = new EntityRegistry();
		registry.update('b', [mention('Cavusoglu', 'person')], []);
		registry.update('c', [mention('Kestrava', 'place')], []);
		const affected = registry.update('a', [mention('Mevlut Cavusoglu', 'person')], []);
		assert.deepEqual([...affected], ['b']);
		assert.deepEqual([...registry.remove('a')], ['b']);
		assert.equal(registry.mentions('b')[0]?.entity, 'cavusoglu');
	});

	void it('propagates a name recognised with confidence to articles where the recogniser missed it', () => {
		const registry = new EntityRegistry();
		registry.update('b', [], [candidate('Gulen', 5), candidate('Meanwhile', 40)]);
		assert.deepEqual(registry.mentions('b'), []);
		const affected = registry.update('a', [mention('Gulen', 'person')], []);
		assert.deepEqual([...affected], ['b']);
		const [propagated, ...rest] = registry.mentions('b');
		assert.equal(rest.length, 0);
		assert.equal(propagated?.text, 'Gulen');
		assert.equal(propagated?.type, 'person');
		assert.equal(propagated?.propagated, true);
		assert.equal(registry.entity('gulen')?.mentionCount, 2);
	});

	void it('links a bare name no article is sure of to the one person named in full with confidence, as a person', () => {
		const registry = new EntityRegistry();
		registry.update('a', [mention('Fethullah Gulen', 'person', 0, 0.95)], []);
		registry.update(
			'b',
			[mention('Gulen', 'organization', 0, 0.4), mention('Gulen', 'place', 20, 0.5), mention('Gulen', 'organization', 40, 0.45)],
			[],
		);
		const linked = registry.mentions('b');
		assert.deepEqual(
			linked.map((m) => [m.entity, m.type]),
			[
				['fethullah gulen', 'person'],
				['fethullah gulen', 'person'],
				['fethullah gulen', 'person'],
			],
		);
		// The surname's other types do not outvote the full name's.
		assert.equal(registry.entity('fethullah gulen')?.type, 'person');
		assert.equal(registry.entity('fethullah gulen')?.mentionCount, 4);
		// A bare name some article is sure of stays itself ("Jordan" the country).
		registry.update('c', [mention('Michael Jordan', 'person', 0, 0.95)], []);
		registry.update('d', [mention('Jordan', 'place', 0, 0.97)], []);
		assert.deepEqual(
			registry.mentions('d').map((m) => [m.entity, m.type]),
			[['jordan', 'place']],
		);
		// Nor does it link when the full name is not recognised with confidence.
		registry.update('a', [mention('Fethullah Gulen', 'person', 0, 0.6)], []);
		assert.deepEqual(
			registry.mentions('b').map((m) => m.entity),
			['gulen', 'gulen', 'gulen'],
		);
	});

	void it('makes one person of names that differ only by initials, unless two names have different initials', () => {
		const registry = new EntityRegistry();
		registry.update('a', [mention('W. Mark Felt', 'person'), mention('W. Mark Felt Sr.', 'person', 20)], []);
		registry.update('b', [mention('Mark Felt', 'person'), mention('Mark Felt Jr.', 'person', 20)], []);
		registry.update('c', [mention('Felt', 'person')], []);
		assert.deepEqual(
			['a', 'b', 'c'].flatMap((doc) => registry.mentions(doc).map((m) => [m.text, m.entity])),
			[
				['W. Mark Felt', 'mark felt'],
				['W. Mark Felt Sr.', 'mark felt'],
				['Mark Felt', 'mark felt'],
				// A son is another person.
				['Mark Felt Jr.', 'mark felt jr'],
				// Two people are named Felt in full: a bare "Felt" stays unlinked.
				['Felt', 'felt'],
			],
		);
		assert.equal(registry.entity('mark felt')?.mentionCount, 3);
		// "III" is dropped like "Sr."; "Jr." is not.
		registry.update('d', [mention('L. Patrick Gray III', 'person'), mention('Patrick Gray', 'person', 30)], []);
		assert.deepEqual(
			registry.mentions('d').map((m) => m.entity),
			['patrick gray', 'patrick gray'],
		);
		assert.deepEqual(
			registry.entity('mark felt')?.documents.map((d) => d.docId),
			['a', 'b'],
		);

		// Different initials: three people as far as the corpus can tell.
		const bushes = new EntityRegistry();
		bushes.update('a', [mention('George W. Bush', 'person'), mention('George H. W. Bush', 'person', 20)], []);
		bushes.update('b', [mention('George Bush', 'person')], []);
		assert.deepEqual(
			['a', 'b'].flatMap((doc) => bushes.mentions(doc).map((m) => m.entity)),
			['george w bush', 'george h w bush', 'george bush'],
		);
	});

	void it('relinks the other articles when a name with initials joins or leaves', () => {
		const registry = new EntityRegistry();
		registry.update('b', [mention('W. Mark Felt', 'person')], []);
		registry.update('c', [mention('Felt', 'person')], []);
		assert.equal(registry.mentions('c')[0]?.entity, 'w mark felt');
		// The shorter name becomes the entity's id: both other articles' mentions change.
		assert.deepEqual([...registry.update('a', [mention('Mark Felt', 'person')], [])].sort(), ['b', 'c']);
		assert.equal(registry.mentions('c')[0]?.entity, 'mark felt');
		// Another name with other initials makes the group ambiguous: each name is its own again.
		registry.update('d', [mention('J. Mark Felt', 'person')], []);
		assert.deepEqual(
			['a', 'b', 'c', 'd'].map((doc) => registry.mentions(doc)[0]?.entity),
			['mark felt', 'w mark felt', 'felt', 'j mark felt'],
		);
		registry.remove('d');
		assert.deepEqual(
			['a', 'b', 'c'].map((doc) => registry.mentions(doc)[0]?.entity),
			['mark felt', 'mark felt', 'mark felt'],
		);
	});

	void it('does not propagate names recognised without confidence', () => {
		const registry = new EntityRegistry();
		registry.update('a', [mention('Gulen', 'person', 0, 0.4)], []);
		registry.update('b', [], [candidate('Gulen')]);
		assert.deepEqual(registry.mentions('b'), []);
	});

	void it('gives an entity its majority type and most frequent form', () => {
		const registry = new EntityRegistry();
		registry.update('a', [mention('Velna', 'place'), mention('Velna', 'place', 10)], []);
		registry.update('b', [mention('Velna', 'organization')], []);
		assert.equal(registry.entity('velna')?.type, 'place');
		assert.deepEqual(
			registry.names().map((n) => [n.name, n.type, n.mentions, n.documents]),
			[['Velna', 'place', 3, 2]],
		);
	});

	void it('lists every location of an entity, articles in order', () => {
		const registry = new EntityRegistry();
		registry.update('b', [mention('NATO', 'organization', 3)], []);
		registry.update('a', [mention('NATO', 'organization', 7), mention('NATO', 'organization', 30)], []);
		assert.deepEqual(
			registry.locations('nato').map((l) => [l.docId, l.start]),
			[
				['a', 7],
				['a', 30],
				['b', 3],
			],
		);
	});
	void it('links a name no article is sure of to the confident name it misspells by one letter', () => {
		const registry = new EntityRegistry();
		registry.update('a', [mention('Fetullah Gulen', 'organization', 0, 0.6), mention('Gulden', 'person', 40, 0.5)], []);
		assert.equal(registry.mentions('a')[0]?.entity, 'fetullah gulen');
		const affected = registry.update('b', [mention('Fethullah Gulen', 'person'), mention('Gulen', 'person', 30)], []);
		assert.deepEqual([...affected], ['a']);
		assert.deepEqual(
			registry.mentions('a').map((m) => [m.text, m.entity, m.type]),
			[
				['Fetullah Gulen', 'fethullah gulen', 'person'],
				['Gulden', 'fethullah gulen', 'person'],
			],
		);
		const summary = registry.entity('fethullah gulen')!;
		assert.equal(summary.type, 'person');
		assert.deepEqual(summary.aliases.map((a) => a.text).sort(), ['Fethullah Gulen', 'Fetullah Gulen', 'Gulden', 'Gulen']);
		assert.deepEqual(
			registry.names().map((n) => [n.name, n.mentions, n.documents]),
			[['Fethullah Gulen', 4, 2]],
		);
		assert.deepEqual([...registry.remove('b')], ['a']);
		assert.deepEqual(
			registry.mentions('a').map((m) => m.entity),
			['fetullah gulen', 'gulden'],
		);
	});

	void it('takes a confident name for a misspelling only of a name of another type that the corpus names more often', () => {
		const registry = new EntityRegistry();
		registry.update(
			'a',
			[mention('Fethullah Gulen', 'person'), mention('Gulen', 'person', 30, 0.6), mention('Gulen', 'person', 50, 0.6)],
			[],
		);
		registry.update('b', [mention('Fetullah Gulen', 'organization', 0, 0.84)], []);
		assert.deepEqual(
			registry.mentions('b').map((m) => [m.entity, m.type]),
			[['fethullah gulen', 'person']],
		);
		registry.update('c', [mention('Ilse Marten', 'person', 0, 0.9), mention('Ilse Martin', 'organization', 20, 0.9)], []);
		// Each named as often as the other: neither is a misspelling.
		assert.deepEqual(
			registry.mentions('c').map((m) => m.entity),
			['ilse marten', 'ilse martin'],
		);
		registry.update('d', [mention('Ilse Martin', 'organization')], []);
		assert.deepEqual(
			registry.mentions('c').map((m) => [m.entity, m.type]),
			[
				['ilse martin', 'organization'],
				['ilse martin', 'organization'],
			],
		);
	});

	void it('keeps names apart that are both confident, short, differently begun, or one letter from two entities', () => {
		const registry = new EntityRegistry();
		registry.update('a', [mention('John Smith', 'person'), mention('Mark Felt', 'person', 20), mention('Anna Kowal', 'person', 40)], []);
		registry.update(
			'b',
			[
				mention('John Smyth', 'person'),
				mention('Mark Fell', 'person', 20, 0.5),
				mention('Anna Bowal', 'person', 40, 0.5),
				mention('Ines Marten', 'person', 60, 0.5),
			],
			[],
		);
		registry.update('c', [mention('Ines Martin', 'person'), mention('Ines Marton', 'person', 20)], []);
		assert.deepEqual(
			registry.mentions('b').map((m) => m.entity),
			['john smyth', 'mark fell', 'anna bowal', 'ines marten'],
		);
	});

	void it('does not take a one-word name for a misspelt surname unless it names a person', () => {
		const registry = new EntityRegistry();
		registry.update('a', [mention('Fethullah Gulen', 'person')], []);
		registry.update('b', [mention('Gulden', 'organization', 0, 0.5)], []);
		assert.equal(registry.mentions('b')[0]?.entity, 'gulden');
	});

	void it("links a one-word place misspelt by one letter within a story's cluster, or however sure within one article", () => {
		const registry = new EntityRegistry();
		registry.update('quake/a', [mention('Karvan', 'place')], [], 'quake');
		registry.update('quake/b', [mention('Karavan', 'place', 0, 0.4)], [], 'quake');
		registry.update('pinups/c', [mention('Karwan', 'place', 0, 0.4)], [], 'pinups');
		registry.update(
			'syria/d',
			[mention('Raqqa', 'place'), mention('Raqaa', 'place', 20, 0.85), mention('Raqqa', 'place', 40)],
			[],
			'syria',
		);
		registry.update('syria/e', [mention('Hamah', 'place'), mention('Hamar', 'place', 20)], [], 'syria');
		const entity = (doc: string) => registry.mentions(doc).map((m) => [m.text, m.entity]);
		assert.deepEqual(entity('quake/b'), [['Karavan', 'karvan']]);
		// Another story's unsure place one letter away is not taken for it.
		assert.deepEqual(entity('pinups/c'), [['Karwan', 'karwan']]);
		assert.deepEqual(entity('syria/d'), [
			['Raqqa', 'raqqa'],
			['Raqaa', 'raqqa'],
			['Raqqa', 'raqqa'],
		]);
		// Two sure places named as often as each other are two places.
		assert.deepEqual(entity('syria/e'), [
			['Hamah', 'hamah'],
			['Hamar', 'hamar'],
		]);
		assert.deepEqual(
			registry
				.entity('karvan')!
				.aliases.map((a) => a.text)
				.sort(),
			['Karavan', 'Karvan'],
		);

		// Moving the unsure spelling to another story unlinks it.
		registry.update('quake/b', [mention('Karavan', 'place', 0, 0.4)], [], 'other');
		assert.deepEqual(entity('quake/b'), [['Karavan', 'karavan']]);
	});
});
