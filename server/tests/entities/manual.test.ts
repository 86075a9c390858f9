import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Corpus, makeAnchor, resolveOptions, type LinkedMention, type ReviewFile } from '../../src/core';
import { LabelledNames } from '../../src/core/entities/manual';
import type { NameMention, NameRecogniser } from '../../src/core/entities/recognise';
import { lines, marked } from '../helpers';

/** A stand-in for the statistical model: tags every whole-word occurrence of the given names, longest first. */
function recogniser(names: Record<string, NameMention['type']>): NameRecogniser {
	return (text, sentences) => {
		const found: NameMention[] = [];
		for (const s of sentences) {
			for (const [name, type] of Object.entries(names)) {
				for (let at = text.indexOf(name, s.start); at !== -1 && at + name.length <= s.end; at = text.indexOf(name, at + 1)) {
					if (!/\w/.test(text[at + name.length] ?? '')) {
						found.push({ start: at, end: at + name.length, type, confidence: 0.95 });
					}
				}
			}
		}
		return found.sort((a, b) => a.start - b.start || b.end - a.end);
	};
}

/** A review file holding one annotation per marked span of `source`, with the given labels in order. */
function review(source: string, ...labels: string[]): { text: string; review: ReviewFile } {
	const { text, spans } = marked(source);
	return {
		text,
		review: {
			decisions: [],
			annotations: spans.map((span, i) => ({ label: labels[i]!, anchor: makeAnchor(text, span) })),
			decisionSpans: [],
			annotationSpans: spans.map(() => ({ start: 0, end: 1 })),
			problems: [],
			writable: true,
		},
	};
}

function article(...body: string[]): string {
	return lines('Floods along the river', '', ...body.flatMap((b) => [b, '']));
}

const MODEL = recogniser({ 'Harlow Marsh': 'organization', 'Harlow Marsh Trust': 'organization', 'Ivo Brandt': 'person' });

function names(corpus: Corpus, id: string): string[] {
	return corpus
		.mentions(id)
		.filter((m) => m.type !== 'date' && m.type !== 'figure')
		.map((m: LinkedMention) => `${m.text}:${m.type}:${m.source}`);
}

void describe('manual entity labels', () => {
	void it('override the recogniser on their span and propagate to every article containing the name', () => {
		const a = review(article('The water reached [[Harlow Marsh]] on Tuesday, Ivo Brandt said.', 'Harlow Marsh was cut off.'), 'place');
		const b = article('Volunteers drove to Harlow Marsh with sandbags.');
		const corpus = new Corpus(resolveOptions(), {}, { recogniseNames: MODEL });
		corpus.setReview('a.txt', a.review);
		corpus.update('a', a.text, 0, 'a.txt');
		corpus.update('b', b, 0, 'b.txt');
		assert.deepEqual(names(corpus, 'a'), ['Harlow Marsh:place:manual', 'Ivo Brandt:person:model', 'Harlow Marsh:place:manual']);
		assert.deepEqual(names(corpus, 'b'), ['Harlow Marsh:place:manual']);
		const entity = corpus.findings('b').find((f) => f.ruleId === 'entity')!;
		assert.equal(entity.message, 'place: Harlow Marsh');
		assert.equal(corpus.entities.entity('harlow marsh')?.type, 'place');
	});

	void it('re-analyses the articles containing a name when its label is added or removed later', () => {
		const a = review(article('The water reached [[Harlow Marsh]] on Tuesday.'), 'place');
		const b = article('Volunteers drove to Harlow Marsh with sandbags.');
		const c = article('Ivo Brandt said nothing.');
		const corpus = new Corpus(resolveOptions(), {}, { recogniseNames: MODEL });
		corpus.update('a', a.text, 0, 'a.txt');
		corpus.update('b', b, 0, 'b.txt');
		corpus.update('c', c, 0, 'c.txt');
		assert.deepEqual(names(corpus, 'b'), ['Harlow Marsh:organization:model']);
		const changed = corpus.setReview('a.txt', a.review);
		assert.deepEqual([...changed].sort(), ['a', 'b']);
		assert.deepEqual(names(corpus, 'b'), ['Harlow Marsh:place:manual']);
		// The same review again changes nothing.
		assert.deepEqual(corpus.setReview('a.txt', a.review), []);
		assert.deepEqual([...corpus.setReview('a.txt', undefined)].sort(), ['a', 'b']);
		assert.deepEqual(names(corpus, 'b'), ['Harlow Marsh:organization:model']);
	});

	void it('not-entity drops the mention, its date or figure, and every mention of the name elsewhere', () => {
		const a = review(article('[[Ivo Brandt]] arrived at [[Harlow Marsh]] on Tuesday.'), 'not-entity', 'not-entity');
		const b = article('Ivo Brandt said Harlow Marsh would be evacuated. Ivo Brandt Street was closed.');
		const corpus = new Corpus(resolveOptions(), {}, { recogniseNames: MODEL });
		corpus.setReview('a.txt', a.review);
		corpus.update('a', a.text, 0, 'a.txt');
		corpus.update('b', b, 0, 'b.txt');
		assert.deepEqual(names(corpus, 'a'), []);
		assert.deepEqual(names(corpus, 'b'), []);
		assert.equal(corpus.entities.entity('harlow marsh'), undefined);
		assert.equal(
			corpus.findings('b').some((f) => f.ruleId === 'entity'),
			false,
		);
		// A date can be marked too.
		const d = review(article('The gates opened on [[Tuesday]] at noon.'), 'not-entity');
		corpus.setReview('d.txt', d.review);
		corpus.update('d', d.text, 0, 'd.txt');
		assert.equal(
			corpus.mentions('d').some((m) => m.text === 'Tuesday'),
			false,
		);
	});

	void it('leaves a longer name containing the labelled one alone, and finds names only as whole words', () => {
		const a = review(article('The water reached [[Harlow Marsh]] on Tuesday.'), 'place');
		const b = article('The Harlow Marsh Trust paid for pumps. Harlow Marshes are wide.');
		const corpus = new Corpus(resolveOptions(), {}, { recogniseNames: MODEL });
		corpus.setReview('a.txt', a.review);
		corpus.update('b', b, 0, 'b.txt');
		assert.deepEqual(names(corpus, 'b'), ['Harlow Marsh Trust:organization:model']);
	});

	void it('keeps a span-level label over the corpus-wide one and reports labels that disagree', () => {
		const a = review(article('The water reached [[Harlow Marsh]] on Tuesday. Harlow Marsh flooded.'), 'place');
		const b = review(article('The board of [[Harlow Marsh]] met.'), 'organization');
		const c = review(article('[[Harlow Marsh]] issued a statement.'), 'organization');
		const corpus = new Corpus(resolveOptions(), {}, { recogniseNames: MODEL });
		for (const [id, r] of [
			['a', a],
			['b', b],
			['c', c],
		] as const) {
			corpus.setReview(`${id}.txt`, r.review);
			corpus.update(id, r.text, 0, `${id}.txt`);
		}
		// Two annotations say organization, one place: the labelled span keeps place, the rest of the corpus takes organization.
		assert.deepEqual(names(corpus, 'a'), ['Harlow Marsh:place:manual', 'Harlow Marsh:organization:manual']);
		assert.equal(corpus.labels.label('Harlow Marsh'), 'organization');
		const conflicts = corpus.findings('a').filter((f) => f.ruleId === 'manual-label-conflict');
		assert.equal(conflicts.length, 1);
		assert.equal(
			conflicts[0]!.message,
			'"Harlow Marsh" is labelled place here, but its annotations disagree (organization 2, place 1); elsewhere it is taken as organization, the label most annotations give.',
		);
		assert.equal(conflicts[0]!.severity, 'information');
		assert.equal(corpus.findings('b').filter((f) => f.ruleId === 'manual-label-conflict').length, 1);
		// A tie goes to the label listed first: person, organization, place, other, date, figure, not-entity.
		const changed = corpus.setReview('c.txt', undefined);
		assert.ok(changed.includes('a') && changed.includes('b') && changed.includes('c'));
		assert.equal(corpus.labels.label('Harlow Marsh'), 'organization');
		corpus.setReview('b.txt', review(article('The board of [[Harlow Marsh]] met.'), 'not-entity').review);
		assert.equal(corpus.labels.label('Harlow Marsh'), 'place');
		assert.deepEqual(names(corpus, 'c'), ['Harlow Marsh:place:manual']);
		// Agreement again: no conflict left.
		corpus.setReview('b.txt', undefined);
		assert.equal(
			corpus.findings('a').some((f) => f.ruleId === 'manual-label-conflict'),
			false,
		);
	});

	void it('finds labelled names word by word', () => {
		const found = new LabelledNames(
			new Map([
				['Harlow', 'place'],
				['Harlow Marsh', 'organization'],
			]),
		);
		const text = 'Harlow Marsh, Harlowe and Harlow.';
		assert.deepEqual(
			found.find(text, [{ start: 0, end: text.length }]).map((f) => [text.slice(f.start, f.end), f.label]),
			[
				['Harlow Marsh', 'organization'],
				['Harlow', 'place'],
			],
		);
	});
});
