import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { parseReviewFile } from '../../src/core';
import { lines, tempCorpus } from '../helpers';
import { messageOf, startSession, type TestSession } from './harness';

const sessions: TestSession[] = [];
after(() => Promise.all(sessions.map((s) => s.dispose())));

const CONFIG = lines('entities:', '  known:', '    - name: Kestrava', '      type: organization', '');
const A = lines('Dam above Kestrava holds', '', 'Engineers said the dam above Kestrava held through the night.', '');
const B = lines('Rain eases', '', 'Residents of Kestrava returned home on Friday.', '');

/** Waits until the diagnostics of `uri`, `entity` marks included, satisfy `predicate`. */
async function waitForAll(s: TestSession, uri: string, predicate: (d: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
	const deadline = Date.now() + 5000;
	for (;;) {
		const d = s.all.get(uri);
		if (d && predicate(d)) {
			return d;
		}
		if (Date.now() > deadline) {
			throw new Error(`Timed out waiting for ${what}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

const entityMark = (d: Diagnostic[], text: string): Diagnostic | undefined =>
	d.find((x) => x.code === 'entity' && messageOf(x).endsWith(`: ${text}`));

void describe('entity labels in the language server', () => {
	void it('offers to change a mention type or mark it not an entity, and the label reaches the other articles', async () => {
		const dir = await tempCorpus({ 'crosscheck.yaml': CONFIG, 'wires/a.txt': A, 'wires/b.txt': B });
		const s = await startSession(dir);
		sessions.push(s);
		await s.waitForIdle();
		const uri = (name: string): string => pathToFileURL(path.join(dir, name)).href;
		const [a, b] = [uri('wires/a.txt'), uri('wires/b.txt')];
		const mark = entityMark(await waitForAll(s, a, (d) => entityMark(d, 'Kestrava') !== undefined, 'the entity mark'), 'Kestrava')!;
		assert.equal(messageOf(mark), 'organization: Kestrava');
		assert.equal(messageOf(entityMark(s.all.get(b)!, 'Kestrava')!), 'organization: Kestrava');

		const actions = (await s.client.sendRequest('textDocument/codeAction', {
			textDocument: { uri: a },
			range: { start: mark.range.start, end: mark.range.start },
			context: { diagnostics: [mark] },
		})) as { title: string; kind: string; diagnostics?: Diagnostic[]; command: { command: string; arguments: unknown[] } }[];
		const labelling = actions.filter((x) => x.command.command === 'crosscheck.server.annotate');
		assert.deepEqual(
			labelling.map((x) => x.title),
			[
				'Change type of "Kestrava" to person (here and wherever the name occurs)',
				'Change type of "Kestrava" to place (here and wherever the name occurs)',
				'Change type of "Kestrava" to other (here and wherever the name occurs)',
				'Change type of "Kestrava" to date (here and wherever the name occurs)',
				'Change type of "Kestrava" to figure (here and wherever the name occurs)',
				'Mark "Kestrava" as not an entity (here and wherever the name occurs)',
			],
		);
		assert.ok(labelling.every((x) => x.kind === 'quickfix' && x.diagnostics?.[0]?.code === 'entity'));

		const place = labelling.find((x) => x.title.includes(' to place '))!;
		assert.deepEqual(
			await s.client.sendRequest('workspace/executeCommand', { command: place.command.command, arguments: place.command.arguments }),
			{ file: '.crosscheck/annotations/wires/a.txt.yaml' },
		);
		const file = path.join(dir, '.crosscheck/annotations/wires/a.txt.yaml');
		const saved = parseReviewFile(await fs.readFile(file, 'utf8'));
		assert.deepEqual(
			saved.annotations.map((x) => [x.label, x.anchor.exact]),
			[['place', 'Kestrava']],
		);
		// The other article, which has no annotation, takes the label too.
		await waitForAll(s, b, (d) => messageOf(entityMark(d, 'Kestrava') ?? mark) === 'place: Kestrava', 'the new type in b');
		await waitForAll(s, a, (d) => d.filter((x) => messageOf(x) === 'place: Kestrava').length === 2, 'the new type on both mentions of a');
		s.open(b, B);
		const hover = (await s.client.sendRequest('textDocument/hover', {
			textDocument: { uri: b },
			position: { line: 2, character: B.split('\n')[2]!.indexOf('Kestrava') + 2 },
		})) as { contents: { value: string } };
		assert.match(hover.contents.value, /\*\*Kestrava\*\* · place/);
		assert.match(hover.contents.value, /Labelled place by a reviewer/);

		// Marking it not an entity replaces the type label on the span and drops every mention of the name.
		const notEntity = labelling.find((x) => x.title.startsWith('Mark '))!;
		await s.client.sendRequest('workspace/executeCommand', { command: notEntity.command.command, arguments: notEntity.command.arguments });
		assert.deepEqual(
			parseReviewFile(await fs.readFile(file, 'utf8')).annotations.map((x) => [x.label, x.anchor.exact]),
			[['not-entity', 'Kestrava']],
		);
		await waitForAll(s, b, (d) => entityMark(d, 'Kestrava') === undefined, 'the mention in b to go');
		await waitForAll(s, a, (d) => entityMark(d, 'Kestrava') === undefined, 'the mentions in a to go');

		// Removing the annotation brings the declared entity back everywhere.
		assert.deepEqual(await s.client.sendRequest('crosscheck/removeAnnotation', { uri: a, range: mark.range }), { removed: 1 });
		await waitForAll(s, b, (d) => messageOf(entityMark(d, 'Kestrava') ?? mark) === 'organization: Kestrava', 'the declared type in b');
	});
});
