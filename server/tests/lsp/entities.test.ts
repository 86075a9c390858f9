import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol, Hover, Location, SemanticTokens, SymbolInformation } from 'vscode-languageserver';
import type { EntitiesResult } from '../../src/protocol';
import { lines, tempCorpus } from '../helpers';
import { startSession, type TestSession } from './harness';

/*
 * Entity navigation over the real server, on names declared in crosscheck.yaml, so that these tests do
 * not depend on the statistical model (its own tests cover recognition).
 */
const CONFIG = lines(
	'entities:',
	'  known:',
	'    - name: Maren Holt',
	'      type: person',
	'    - name: Tarrow Bridge',
	'      type: place',
	'',
);
const A = lines('Bridge shut', '', 'Maren Holt inspected the Tarrow Bridge on Monday.', '');
const B = lines(
	'Repairs begin',
	'',
	'The Tarrow Bridge reopens in May 2026, Maren Holt said.',
	'',
	'Work on the Tarrow Bridge costs 2 million euros.',
	'',
);

const sessions: TestSession[] = [];
after(() => Promise.all(sessions.map((s) => s.dispose())));

async function corpus() {
	const dir = await tempCorpus({ 'crosscheck.yaml': CONFIG, 'a.txt': A, 'b.txt': B });
	const s = await startSession(dir);
	sessions.push(s);
	await s.waitForIdle();
	const uri = (name: string): string => pathToFileURL(path.join(dir, name)).href;
	s.open(uri('a.txt'), A);
	s.open(uri('b.txt'), B);
	await s.waitForDiagnostics(uri('b.txt'), () => (s.all.get(uri('b.txt')) ?? []).length > 0, 'entity marks on b.txt');
	return { s, uri };
}

function at(text: string, needle: string, delta = 1): { line: number; character: number } {
	const rows = text.split('\n');
	const line = rows.findIndex((r) => r.includes(needle));
	return { line, character: rows[line]!.indexOf(needle) + delta };
}

void describe('entity navigation', () => {
	void it('marks every mention as an entity hint with its type and canonical name', async () => {
		const { s, uri } = await corpus();
		assert.deepEqual(
			s.all
				.get(uri('a.txt'))!
				.filter((d) => d.code === 'entity')
				.map((d) => [d.message, d.severity]),
			[
				['person: Maren Holt', 4],
				['place: Tarrow Bridge', 4],
				['date: Monday', 4],
			],
		);
	});

	void it('explains an entity on hover: its names and the articles that mention it, linked', async () => {
		const { s, uri } = await corpus();
		const hover = (await s.client.sendRequest('textDocument/hover', {
			textDocument: { uri: uri('a.txt') },
			position: at(A, 'Tarrow'),
		})) as Hover;
		const value = (hover.contents as { value: string }).value;
		assert.match(value, /\*\*Tarrow Bridge\*\* · place/);
		assert.match(value, /3 mentions in 2 articles/);
		assert.ok(value.includes(`[b.txt](${uri('b.txt')}#L3,5) — 2, first at line 3`), value);
	});

	void it('goes to the first mention in the corpus and finds every mention', async () => {
		const { s, uri } = await corpus();
		const definition = (await s.client.sendRequest('textDocument/definition', {
			textDocument: { uri: uri('b.txt') },
			position: at(B, 'Maren'),
		})) as Location;
		assert.equal(definition.uri, uri('a.txt'));
		assert.deepEqual(definition.range.start, at(A, 'Maren', 0));
		const references = (await s.client.sendRequest('textDocument/references', {
			textDocument: { uri: uri('a.txt') },
			position: at(A, 'Tarrow'),
			context: { includeDeclaration: true },
		})) as Location[];
		assert.deepEqual(
			references.map((r) => [path.basename(new URL(r.uri).pathname), r.range.start.line]),
			[
				['a.txt', 2],
				['b.txt', 2],
				['b.txt', 4],
			],
		);
	});

	void it('lists entities as workspace and document symbols', async () => {
		const { s, uri } = await corpus();
		const symbols = (await s.client.sendRequest('workspace/symbol', { query: 'tarrow' })) as SymbolInformation[];
		assert.deepEqual(
			symbols.map((x) => [x.name, x.containerName]),
			[['Tarrow Bridge', 'place · 3 mentions in 2 articles']],
		);
		const outline = (await s.client.sendRequest('textDocument/documentSymbol', {
			textDocument: { uri: uri('b.txt') },
		})) as DocumentSymbol[];
		assert.deepEqual(
			outline.map((g) => [g.name, (g.children ?? []).map((c) => `${c.name} ${c.detail}`)]),
			[
				['People', ['Maren Holt 1×']],
				['Places', ['Tarrow Bridge 2×']],
				['Dates', ['May 2026 1×']],
				['Figures', ['2 million euros 1×']],
				['Quoted', ['Maren Holt 1×']],
			],
		);
		const quoted = outline.find((g) => g.name === 'Quoted')!.children![0]!;
		assert.deepEqual(
			quoted.children!.map((c) => [c.name, c.range.start.line]),
			[['The Tarrow Bridge reopens in May 2026', 2]],
		);
	});

	void it('colours mentions with semantic tokens', async () => {
		const { s, uri } = await corpus();
		const init = (await s.client.sendRequest('textDocument/semanticTokens/full', {
			textDocument: { uri: uri('a.txt') },
		})) as SemanticTokens;
		// Each token is five numbers: line delta, start delta, length, type, modifiers.
		const tokens: string[] = [];
		let line = 0;
		let character = 0;
		for (let i = 0; i < init.data.length; i += 5) {
			const [dl, dc, length, type] = init.data.slice(i, i + 4) as [number, number, number, number];
			line += dl;
			character = dl === 0 ? character + dc : dc;
			tokens.push(`${A.split('\n')[line]!.slice(character, character + length)}:${type}`);
		}
		assert.deepEqual(tokens, ['Maren Holt:0', 'Tarrow Bridge:2', 'Monday:4']);
	});

	void it('answers crosscheck/entities for the Entities view', async () => {
		const { s, uri } = await corpus();
		const result = (await s.client.sendRequest('crosscheck/entities')) as EntitiesResult;
		assert.deepEqual(
			result.entities.map((e) => [e.name, e.type, e.mentions, e.documents, e.location.uri]),
			[
				['Tarrow Bridge', 'place', 3, 2, uri('a.txt')],
				['Maren Holt', 'person', 2, 2, uri('a.txt')],
			],
		);
	});
});
