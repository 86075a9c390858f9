import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver';
import type { FactsResult } from '../../src/protocol';
import { matchCase } from '../../src/lsp/features/codeActions';
import { ARTICLE, lines, marked, tempCorpus } from '../helpers';
import { messageOf, startSession, type TestSession } from './harness';

const sessions: TestSession[] = [];
after(() => Promise.all(sessions.map((s) => s.dispose())));

async function session(files: Record<string, string | Uint8Array>, settings: Record<string, unknown> = {}) {
	const dir = await tempCorpus(files);
	const s = await startSession(dir, settings);
	sessions.push(s);
	await s.waitForIdle();
	const uri = (name: string): string => pathToFileURL(path.join(dir, name)).href;
	return { dir, s, uri };
}

void describe('language server', () => {
	void it('analyses every article in the folder at start-up, not only open ones', async () => {
		const { s, uri } = await session({ 'a.txt': ARTICLE, 'deep/b.news': ARTICLE, 'node_modules/x.txt': ARTICLE, 'c.md': ARTICLE });
		const a = s.diagnostics.get(uri('a.txt'))!;
		assert.deepEqual(
			a.map((d) => [d.code, d.source, d.severity, messageOf(d)]),
			[
				['vague-attribution', 'crosscheck', 3, 'Vague source: "Officials said" cites a source without naming it.'],
				['vague-attribution', 'crosscheck', 3, 'Vague source: "reportedly" hedges the claim without naming a source.'],
			],
		);
		assert.deepEqual(a[0]!.data, { ruleId: 'vague-attribution', phrase: 'Officials said', kind: 'anonymous-source' });
		assert.equal(s.diagnostics.get(uri('deep/b.news'))!.length, 2);
		assert.equal(s.diagnostics.has(uri('node_modules/x.txt')), false);
		assert.equal(s.diagnostics.has(uri('c.md')), false);
		const status = s.statuses.at(-1)!;
		const hints = [...s.all.values()].flat().filter((d) => d.code === 'entity').length;
		assert.ok(hints > 0, 'entity marks are published as hints');
		// Nothing is reviewed yet: every finding but the hints is unreviewed.
		assert.deepEqual(status, {
			state: 'idle',
			documents: 2,
			total: 2,
			findings: { error: 0, warning: 0, information: 4, hint: hints },
			unreviewed: 4,
		});
	});

	void it('re-analyses an open document on each edit, with the editor buffer winning over the disk', async () => {
		const { s, uri } = await session({ 'a.txt': ARTICLE });
		const u = uri('a.txt');
		s.open(u, ARTICLE);
		s.change(u, 2, 'Bridge shut\n\nEngineers closed it.\n');
		await s.waitForDiagnostics(u, (d) => d.length === 0, 'diagnostics to clear after the edit');
		const { text, spans } = marked('Bridge shut\n\n[[It is believed]] to be safe. [[Allegedly]] so.\n');
		s.change(u, 3, text);
		const diagnostics = await s.waitForDiagnostics(u, (d) => d.length === 2, 'two new diagnostics');
		const lineText = text.split('\n')[2]!;
		assert.deepEqual(
			diagnostics.map((d) => lineText.slice(d.range.start.character, d.range.end.character)),
			spans.map((x) => x.text),
		);
	});

	void it('answers hovers on findings and on web-page debris, in Markdown', async () => {
		const { s, uri } = await session({ 'a.txt': ARTICLE });
		const u = uri('a.txt');
		s.open(u, ARTICLE);
		await s.waitForDiagnostics(u, (d) => d.length === 2, 'diagnostics of the open document');
		const lineOf = (needle: string): number => ARTICLE.split('\n').findIndex((l) => l.includes(needle));
		const onFinding = (await s.client.sendRequest('textDocument/hover', {
			textDocument: { uri: u },
			position: { line: lineOf('Officials said'), character: 3 },
		})) as Hover;
		assert.match((onFinding.contents as { value: string }).value, /Vague source.*\n\n`vague-attribution` · information/s);
		const onDebris = (await s.client.sendRequest('textDocument/hover', {
			textDocument: { uri: u },
			position: { line: lineOf('Advertisement'), character: 2 },
		})) as Hover;
		assert.equal((onDebris.contents as { kind: string }).kind, 'markdown');
		assert.match((onDebris.contents as { value: string }).value, /Web-page debris.*advertising slot/);
		const onBody = await s.client.sendRequest('textDocument/hover', {
			textDocument: { uri: u },
			position: { line: lineOf('Engineers'), character: 60 },
		});
		assert.equal(onBody, null);
	});

	void it("answers a hover on a figure with the cluster's fact table, and on a figure conflict with the finding too", async () => {
		const a = lines('Flood hits Marrow', '', 'The flood killed 29 people.', '');
		const b = lines('Flood hits Marrow', '', 'The flood killed 31 people.', '');
		const { s, uri } = await session({ 'm/a.txt': a, 'm/b.txt': b });
		const u = uri('m/a.txt');
		s.open(u, a);
		await s.waitForDiagnostics(u, (d) => d.some((x) => x.code === 'figure-conflict'), 'the figure conflict');
		const hover = (await s.client.sendRequest('textDocument/hover', {
			textDocument: { uri: u },
			position: { line: 2, character: 18 },
		})) as Hover;
		const value = (hover.contents as { value: string }).value;
		assert.match(value, /Figure conflict \(killed\): "29" here cannot match "31" \(b\.txt\) elsewhere\./);
		assert.match(value, /`figure-conflict` · warning/);
		assert.match(value, /\*\*Figure\*\* "29" · killed · the flood/);
		assert.ok(value.includes(`| [b.txt:3](${uri('m/b.txt')}#L3,18) | 31 | 31 |  | **cannot both be true** |`), value);
		assert.deepEqual(hover.range, { start: { line: 2, character: 17 }, end: { line: 2, character: 19 } });
		// The Inconsistencies view's request lists the group with both figures, linked.
		const facts = (await s.client.sendRequest('crosscheck/facts')) as FactsResult;
		assert.deepEqual(
			facts.groups.map((g) => [g.cluster, g.label, g.relation, g.articles, g.mentions.map((m) => [m.uri, m.text, m.range.start])]),
			[
				[
					'm',
					"killed — the cluster's event",
					'conflict',
					2,
					[
						[u, '29', { line: 2, character: 17 }],
						[uri('m/b.txt'), '31', { line: 2, character: 17 }],
					],
				],
			],
		);
	});

	void it('republishes another article only when its findings change', async () => {
		const a = lines('Flood hits Marrow', '', 'The flood killed 29 people.', '');
		const b = lines('Flood hits Marrow', '', 'The flood killed 31 people.', '');
		const { s, uri } = await session({ 'm/a.txt': a, 'm/b.txt': b });
		const [ua, ub] = [uri('m/a.txt'), uri('m/b.txt')];
		s.open(ua, a);
		await s.waitForDiagnostics(ua, (d) => d.some((x) => x.code === 'figure-conflict'), 'the figure conflict in a');
		const settle = () => s.client.sendRequest('textDocument/hover', { textDocument: { uri: ua }, position: { line: 0, character: 0 } });
		await settle();
		const before = s.publishes.get(ub) ?? 0;
		// An edit that leaves b's findings as they were: b is not sent again.
		s.change(ua, 2, `${a}\nIt is believed the gates jammed.\n`);
		await s.waitForDiagnostics(ua, (d) => d.some((x) => x.code === 'vague-attribution'), 'a re-analysed');
		await settle();
		assert.equal(s.publishes.get(ub) ?? 0, before);
		// An edit that resolves the conflict: b is sent again, without it.
		s.change(ua, 3, a.replace('29', '31'));
		await s.waitForDiagnostics(ub, (d) => !d.some((x) => x.code === 'figure-conflict'), "b's conflict to clear");
		assert.equal(s.publishes.get(ub), before + 1);
	});

	void it('offers the majority spelling as a quick fix on a name variant, in the same case', async () => {
		const text = (name: string) => lines(`Flood hits ${name}`, '', `The flood hit ${name} on Tuesday, officials in ${name} said.`, '');
		const config = lines(
			'entities:',
			'  known:',
			'    - name: Kestrava',
			'      type: place',
			'    - name: Kestrawa',
			'      type: place',
			'',
		);
		const { s, uri } = await session({
			'crosscheck.yaml': config,
			'm/a.txt': text('Kestrava'),
			'm/b.txt': text('Kestrava'),
			'm/c.txt': text('Kestrawa'),
		});
		const u = uri('m/c.txt');
		s.open(u, text('Kestrawa'));
		const [variant] = (await s.waitForDiagnostics(u, (d) => d.some((x) => x.code === 'name-variant'), 'the name variant')).filter(
			(d) => d.code === 'name-variant',
		);
		const actions = (await s.client.sendRequest('textDocument/codeAction', {
			textDocument: { uri: u },
			range: variant!.range,
			context: { diagnostics: [variant] },
		})) as {
			title: string;
			kind: string;
			isPreferred: boolean;
			edit: { changes: Record<string, { range: unknown; newText: string }[]> };
		}[];
		const fixes = actions.filter((a) => a.edit !== undefined);
		assert.deepEqual(
			fixes.map((a) => [a.title, a.kind, a.isPreferred, a.edit.changes[u]]),
			[
				[
					'Replace "Kestrawa" with "Kestrava" (the spelling most articles use)',
					'quickfix',
					true,
					[{ range: variant!.range, newText: 'Kestrava' }],
				],
			],
		);
		assert.equal(actions[0], fixes[0], 'the replacement comes before the review actions');
		// Other findings get the review actions only.
		const other = (await s.client.sendRequest('textDocument/codeAction', {
			textDocument: { uri: u },
			range: variant!.range,
			context: { diagnostics: [{ ...variant, code: 'vague-attribution' }] },
		})) as { edit?: unknown; command?: { command: string } }[];
		assert.ok(other.length > 0);
		// On a recognised name, the entity actions (which label it by hand) come along.
		assert.ok(
			other.every(
				(a) =>
					a.edit === undefined &&
					(a.command?.command === 'crosscheck.reviewFinding' || a.command?.command === 'crosscheck.server.annotate'),
			),
		);
		assert.ok(other.some((a) => a.command?.command === 'crosscheck.reviewFinding'));
		assert.equal(matchCase('KESTRAWA', 'Kestrava'), 'KESTRAVA');
		assert.equal(matchCase('Kestrawa', 'Kestrava'), 'Kestrava');
	});

	void it('reports a broken crosscheck.yaml in the file itself and keeps analysing with defaults', async () => {
		const { s, uri } = await session({ 'crosscheck.yaml': lines('rules:', '  vague-attribution: loud', ''), 'a.txt': ARTICLE });
		const config = s.diagnostics.get(uri('crosscheck.yaml'))!;
		assert.equal(config.length, 1);
		assert.equal(config[0]!.code, 'invalid-config');
		assert.deepEqual(config[0]!.range.start, { line: 1, character: 21 });
		assert.equal(s.diagnostics.get(uri('a.txt'))!.length, 2);
		// Live validation of the open buffer, before it is saved.
		s.open(uri('crosscheck.yaml'), 'include: [a\n', 'yaml');
		await s.waitForDiagnostics(uri('crosscheck.yaml'), (d) => d.some((x) => /not valid YAML/.test(messageOf(x))), 'a YAML syntax error');
	});

	void it('re-indexes when crosscheck.yaml changes on disk', async () => {
		const { dir, s, uri } = await session({ 'a.txt': ARTICLE });
		await fs.writeFile(path.join(dir, 'crosscheck.yaml'), 'rules:\n  vague-attribution: warning\n');
		await s.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('crosscheck.yaml'), type: 1 }] });
		await s.waitForDiagnostics(uri('a.txt'), (d) => d.length === 2 && d.every((x) => x.severity === 2), 'warnings after the config change');
	});

	void it('follows files created, changed and deleted on disk', async () => {
		const { dir, s, uri } = await session({ 'a.txt': ARTICLE });
		await fs.writeFile(path.join(dir, 'new.txt'), 'Bridge shut\n\nOfficials said so.\n');
		await s.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('new.txt'), type: 1 }] });
		await s.waitForDiagnostics(uri('new.txt'), (d) => d.length === 1, 'the new file to be analysed');
		await fs.rm(path.join(dir, 'a.txt'));
		await s.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('a.txt'), type: 3 }] });
		await s.waitForDiagnostics(uri('a.txt'), (d) => d.length === 0, 'the deleted file to be cleared');
	});

	void it('survives a file deleted while open: the buffer is still analysed, and closing clears it', async () => {
		const { dir, s, uri } = await session({ 'a.txt': ARTICLE });
		const u = uri('a.txt');
		s.open(u, ARTICLE);
		await fs.rm(path.join(dir, 'a.txt'));
		await s.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: u, type: 3 }] });
		s.change(u, 2, 'Bridge shut\n\nAllegedly.\n');
		await s.waitForDiagnostics(u, (d) => d.length === 1, 'the buffer to be analysed after deletion');
		s.close(u);
		await s.waitForDiagnostics(u, (d) => d.length === 0, 'diagnostics to clear on close');
		const hover = await s.client.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 0 } });
		assert.equal(hover, null);
	});

	void it('skips binary, huge and mis-encoded files with a clear diagnostic and keeps serving', async () => {
		const { dir, s, uri } = await session({
			'binary.txt': new Uint8Array([0x00, 0x01, 0x02, 0xff]),
			'latin1.txt': new Uint8Array([...Buffer.from('Caf'), 0xe9, ...Buffer.from('\n\nOfficials said so.\n')]),
			'empty.txt': '',
			'bom.txt': '\uFEFFBridge shut\r\n\r\nOfficials said so.\r\n',
		});
		const big = path.join(dir, 'big.txt');
		const handle = await fs.open(big, 'w');
		await handle.truncate(50 * 1024 * 1024);
		await handle.close();
		const started = Date.now();
		await s.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('big.txt'), type: 1 }] });
		const bigDiagnostics = await s.waitForDiagnostics(uri('big.txt'), (d) => d.length === 1, 'the 50 MB file to be skipped');
		assert.ok(Date.now() - started < 2000, 'the 50 MB file was not read');
		assert.match(messageOf(bigDiagnostics[0]!), /50\.0 MB, above the maximum of 2\.0 MB/);
		assert.equal(bigDiagnostics[0]!.code, 'file-skipped');
		assert.equal(s.diagnostics.get(uri('binary.txt'))![0]!.code, 'file-skipped');
		assert.deepEqual(
			s.diagnostics.get(uri('latin1.txt'))!.map((d) => d.code),
			['invalid-encoding', 'vague-attribution'],
		);
		assert.deepEqual(s.diagnostics.get(uri('empty.txt')), []);
		assert.deepEqual(
			s.diagnostics.get(uri('bom.txt'))!.map((d) => d.range.start),
			[{ line: 2, character: 0 }],
		);
		// An over-size buffer opened in the editor is skipped too, and the server still answers.
		s.open(uri('huge-open.news'), 'Officials said so. '.repeat(200_000), 'news');
		await s.waitForDiagnostics(
			uri('huge-open.news'),
			(d) => d.length === 1 && d[0]!.code === 'file-skipped',
			'the huge buffer to be skipped',
		);
		const result = (await s.client.sendRequest('crosscheck/reanalyse')) as { documents: number };
		assert.ok(result.documents >= 5);
	});

	void it('takes rule levels from the editor settings over crosscheck.yaml', async () => {
		const { s, uri } = await session(
			{ 'crosscheck.yaml': 'rules:\n  vague-attribution: warning\n', 'a.txt': ARTICLE },
			{ rules: { 'vague-attribution': 'off' } },
		);
		assert.deepEqual(s.diagnostics.get(uri('a.txt')) ?? [], []);
		assert.equal(s.statuses.at(-1)!.documents, 1);
	});

	void it('analyses an untitled news document outside any folder', async () => {
		const s = await startSession(undefined);
		sessions.push(s);
		await s.waitForIdle();
		s.open('untitled:Untitled-1', 'Bridge shut\n\nOfficials said so.\n', 'news');
		await s.waitForDiagnostics('untitled:Untitled-1', (d) => d.length === 1, 'the untitled document to be analysed');
		s.open('untitled:Untitled-2', 'Officials said so.\n', 'plaintext');
		const hover = await s.client.sendRequest('textDocument/hover', {
			textDocument: { uri: 'untitled:Untitled-2' },
			position: { line: 0, character: 1 },
		});
		assert.equal(hover, null);
	});
});
