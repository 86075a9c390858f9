import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { parseReviewFile } from '../../src/core';
import type { FactsResult, FindingsResult, ReviewEntriesResult, ReviewParams, StatusParams } from '../../src/protocol';
import { ARTICLE, lines, tempCorpus } from '../helpers';
import { messageOf, startSession, type TestSession } from './harness';

const sessions: TestSession[] = [];
after(() => Promise.all(sessions.map((s) => s.dispose())));

const REVIEW_FILE = '.crosscheck/annotations/wires/a.txt.yaml';

async function session(files: Record<string, string>, settings: Record<string, unknown> = {}) {
	const dir = await tempCorpus(files);
	const s = await startSession(dir, settings);
	sessions.push(s);
	await s.waitForIdle();
	const uri = (name: string): string => pathToFileURL(path.join(dir, name)).href;
	const vague = (): Diagnostic => s.diagnostics.get(uri('wires/a.txt'))!.find((d) => d.code === 'vague-attribution')!;
	const review = (params: Omit<ReviewParams, 'uri' | 'ruleId' | 'range'>, d = vague()): Promise<unknown> =>
		s.client.sendRequest('crosscheck/review', { uri: uri('wires/a.txt'), ruleId: d.code, range: d.range, ...params });
	const readReview = (): Promise<string> => fs.readFile(path.join(dir, REVIEW_FILE), 'utf8');
	const changed = (name: string): Promise<void> =>
		s.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(name), type: 2 }] });
	return { dir, s, uri, vague, review, readReview, changed };
}

void describe('review decisions in the language server', () => {
	void it('dismisses a finding with a reason: it leaves the diagnostics and the decision is saved as YAML', async () => {
		const { s, uri, vague, review, readReview } = await session({ 'wires/a.txt': ARTICLE }, { review: { author: 'Dana' } });
		const u = uri('wires/a.txt');
		const before = s.diagnostics.get(u)!.length;
		const finding = vague();
		assert.deepEqual(await review({ action: 'dismiss', reason: 'Officials are named in the next paragraph.' }), { file: REVIEW_FILE });
		const after = await s.waitForDiagnostics(u, (d) => d.length === before - 1, 'the dismissed finding to go');
		assert.equal(
			after.some((d) => d.code === 'vague-attribution' && d.range.start.line === finding.range.start.line),
			false,
		);
		const saved = parseReviewFile(await readReview());
		assert.deepEqual(saved.problems, []);
		assert.equal(saved.decisions.length, 1);
		const decision = saved.decisions[0]!;
		assert.equal(decision.rule, 'vague-attribution');
		assert.equal(decision.status, 'dismissed');
		assert.equal(decision.reason, 'Officials are named in the next paragraph.');
		assert.equal(decision.by, 'Dana');
		assert.match(decision.date!, /^\d{4}-\d\d-\d\d$/);
		assert.equal(ARTICLE.slice(decision.anchor.offset, decision.anchor.offset + decision.anchor.exact.length), decision.anchor.exact);
	});

	void it('refuses a dismissal without a reason and writes nothing', async () => {
		const { dir, review } = await session({ 'wires/a.txt': ARTICLE });
		await assert.rejects(review({ action: 'dismiss', reason: '  ' }), /needs a reason/);
		await assert.rejects(fs.stat(path.join(dir, REVIEW_FILE)), { code: 'ENOENT' });
	});

	void it('marks a confirmed finding, keeps a note, and reopens it', async () => {
		const { s, uri, vague, review, readReview } = await session({ 'wires/a.txt': ARTICLE });
		const u = uri('wires/a.txt');
		await review({ action: 'confirm' });
		let d = await s.waitForDiagnostics(u, (ds) => ds.some((x) => messageOf(x).startsWith('Confirmed: ')), 'the confirmed mark');
		const confirmed = d.find((x) => x.code === 'vague-attribution')!;
		assert.deepEqual((confirmed.data as { review: unknown }).review, { status: 'confirmed' });
		await review({ action: 'note', note: 'Ask the desk who these officials are.' }, confirmed);
		d = await s.waitForDiagnostics(u, (ds) => ds.some((x) => /\nNote: Ask the desk/.test(messageOf(x))), 'the note');
		assert.deepEqual((vague().data as { review: unknown }).review, { status: 'confirmed', note: 'Ask the desk who these officials are.' });
		assert.equal(parseReviewFile(await readReview()).decisions.length, 1);
		await review({ action: 'reopen' }, vague());
		await s.waitForDiagnostics(u, (ds) => ds.every((x) => (x.data as { review?: unknown }).review === undefined), 'the decision to go');
		assert.deepEqual(parseReviewFile(await readReview()).decisions, []);
	});

	void it('shows dismissed findings as hints when asked to', async () => {
		const { s, uri, review } = await session({ 'wires/a.txt': ARTICLE }, { review: { showDismissed: true } });
		const u = uri('wires/a.txt');
		await review({ action: 'dismiss', reason: 'Known.' });
		const d = await s.waitForDiagnostics(u, (ds) => ds.some((x) => messageOf(x).startsWith('Dismissed (Known.): ')), 'the dismissed hint');
		assert.equal(d.find((x) => messageOf(x).startsWith('Dismissed'))!.severity, 4);
	});

	void it('keeps a decision through edits before the finding, and orphans it when its text is deleted', async () => {
		const { s, uri, review } = await session({ 'wires/a.txt': ARTICLE });
		const u = uri('wires/a.txt');
		const before = s.diagnostics.get(u)!.length;
		await review({ action: 'dismiss', reason: 'Named later.' });
		await s.waitForDiagnostics(u, (d) => d.length === before - 1, 'the dismissal');
		s.open(u, ARTICLE);
		const edited = 'UPDATED: ' + ARTICLE.replace('Engineers closed', 'Engineers from the county closed');
		s.change(u, 2, edited);
		const d = await s.waitForDiagnostics(u, (ds) => ds.length === before - 1 && ds.some((x) => x.range.start.character > 0), 'the edit');
		assert.equal(
			d.some((x) => x.code === 'vague-attribution' && messageOf(x).includes('Officials')),
			false,
		);
		const gone = edited.replace('Officials said', 'The mayor said');
		s.change(u, 3, gone);
		const orphaned = await s.waitForDiagnostics(uri(REVIEW_FILE), (ds) => ds.length === 1, 'the orphan on the review file');
		assert.equal(orphaned[0]!.code, 'orphaned-annotation');
		assert.match(
			messageOf(orphaned[0]!),
			/The decision on vague-attribution on "Officials said" is orphaned: that text is no longer in wires\/a\.txt/,
		);
		s.change(u, 4, edited);
		await s.waitForDiagnostics(uri(REVIEW_FILE), (ds) => ds.length === 0, 'the orphan to be found again');
	});

	void it('re-reads a review file edited by hand, and reports a malformed one at its line without touching it', async () => {
		const { dir, s, uri, review, readReview, changed } = await session({ 'wires/a.txt': ARTICLE });
		const u = uri('wires/a.txt');
		const count = s.diagnostics.get(u)!.length - 1;
		await review({ action: 'dismiss', reason: 'Named later.' });
		await s.waitForDiagnostics(u, (d) => d.length === count, 'the dismissal');
		const file = path.join(dir, REVIEW_FILE);
		await fs.writeFile(file, (await readReview()).replace('status: dismissed', 'status: confirmed'));
		await changed(REVIEW_FILE);
		await s.waitForDiagnostics(u, (d) => d.length === count + 1 && d.some((x) => messageOf(x).startsWith('Confirmed: ')), 'the hand edit');
		const broken = (await readReview()).replace('status: confirmed', 'status: [confirmed');
		await fs.writeFile(file, broken);
		await changed(REVIEW_FILE);
		const problems = await s.waitForDiagnostics(uri(REVIEW_FILE), (d) => d.some((x) => x.code === 'invalid-review-file'), 'the YAML error');
		assert.match(messageOf(problems[0]!), /is not valid YAML/);
		assert.ok(problems[0]!.range.start.line > 2);
		const finding = s.diagnostics.get(u)!.find((x) => x.code !== 'vague-attribution')!;
		await assert.rejects(review({ action: 'confirm' }, finding), /cannot be read .*fix it first, it was left unchanged/);
		assert.equal(await readReview(), broken);
	});
});

void describe('declaring an alias from a name variant', () => {
	void it('writes the alias into crosscheck.yaml, keeping its comments, and the variant is no longer flagged', async () => {
		const text = (name: string) =>
			['Flood hits ' + name, '', `The flood hit ${name} on Tuesday, officials in ${name} said.`, ''].join('\n');
		const config = [
			'# Team settings: keep this comment.',
			'entities:',
			'  known:',
			'    - name: Kestrava',
			'      type: place',
			'    - name: Kestrawa',
			'      type: place',
			'',
		].join('\n');
		const { dir, s, uri } = await session({
			'crosscheck.yaml': config,
			'm/a.txt': text('Kestrava'),
			'm/b.txt': text('Kestrava'),
			'm/c.txt': text('Kestrawa'),
		});
		const u = uri('m/c.txt');
		const variant = s.diagnostics.get(u)!.find((d) => d.code === 'name-variant')!;
		assert.ok(variant, 'a name-variant finding on Kestrawa');
		const actions = (await s.client.sendRequest('textDocument/codeAction', {
			textDocument: { uri: u },
			range: variant.range,
			context: { diagnostics: [variant] },
		})) as { title: string; command?: { command: string; arguments: unknown[] } }[];
		const declare = actions.find((a) => a.command?.command === 'crosscheck.addAlias')!;
		assert.equal(declare.title, 'Declare "Kestrawa" an alias of "Kestrava" in crosscheck.yaml (a legitimate spelling)');
		assert.deepEqual(await s.client.sendRequest('crosscheck/addAlias', declare.command!.arguments[0]), { file: 'crosscheck.yaml' });
		const written = await fs.readFile(path.join(dir, 'crosscheck.yaml'), 'utf8');
		assert.ok(written.startsWith('# Team settings: keep this comment.\nentities:\n  known:\n'));
		assert.match(written, /\n {2}aliases:\n {4}Kestrava:\n {6}- Kestrawa\n$/);
		await s.waitForDiagnostics(u, (d) => !d.some((x) => x.code === 'name-variant'), 'the variant to be accepted');
		// Declaring it again changes nothing.
		await s.client.sendRequest('crosscheck/addAlias', declare.command!.arguments[0]);
		assert.equal(await fs.readFile(path.join(dir, 'crosscheck.yaml'), 'utf8'), written);
	});

	void it('leaves a crosscheck.yaml that does not parse untouched and says so', async () => {
		const { dir, s, uri } = await session({ 'crosscheck.yaml': 'entities: [\n', 'm/a.txt': ARTICLE });
		await assert.rejects(
			s.client.sendRequest('crosscheck/addAlias', { uri: uri('m/a.txt'), name: 'Kestrava', alias: 'Kestrawa' }),
			/crosscheck\.yaml cannot be parsed; fix it first, it was left unchanged/,
		);
		assert.equal(await fs.readFile(path.join(dir, 'crosscheck.yaml'), 'utf8'), 'entities: [\n');
	});
});

void describe('manual annotations in the language server', () => {
	void it('annotates a span with a label and note, lists and hovers it, follows edits, and removes it', async () => {
		const { s, uri, readReview } = await session(
			{ 'crosscheck.yaml': 'labels: [check-later]\n', 'wires/a.txt': ARTICLE },
			{ review: { author: 'Dana' } },
		);
		const u = uri('wires/a.txt');
		const line = ARTICLE.split('\n').findIndex((l) => l.includes('Tarrow Bridge'));
		const character = ARTICLE.split('\n')[line]!.indexOf('Tarrow Bridge');
		const range = { start: { line, character }, end: { line, character: character + 'Tarrow Bridge'.length } };
		assert.deepEqual(await s.client.sendRequest('crosscheck/annotate', { uri: u, range, label: 'check-later', note: 'Which span?' }), {
			file: REVIEW_FILE,
		});
		const listed = (await s.client.sendRequest('crosscheck/annotations', { uri: u })) as {
			annotations: unknown[];
			labels: string[];
		};
		assert.deepEqual(listed.annotations, [{ range, label: 'check-later', note: 'Which span?', by: 'Dana' }]);
		assert.deepEqual(listed.labels, [
			'person',
			'organization',
			'place',
			'other',
			'date',
			'figure',
			'not-entity',
			'claim',
			'needs-source',
			'check-later',
		]);
		assert.match(await readReview(), /annotations:\n {2}- label: check-later\n {4}note: Which span\?\n {4}text: Tarrow Bridge\n/);
		s.open(u, ARTICLE);
		const opened = (await s.client.sendRequest('textDocument/hover', {
			textDocument: { uri: u },
			position: { line, character: character + 3 },
		})) as { contents: { value: string } };
		assert.match(opened.contents.value, /\*\*Annotation\*\*: `check-later` \(Dana\) — Which span\?/);
		s.change(u, 2, 'UPDATED\n' + ARTICLE);
		await s.waitForDiagnostics(u, (d) => d.length > 0 && d.every((x) => x.range.start.line > 0), 'the edit');
		const moved = (await s.client.sendRequest('crosscheck/annotations', { uri: u })) as { annotations: { range: typeof range }[] };
		assert.equal(moved.annotations[0]!.range.start.line, line + 1);
		assert.deepEqual(
			await s.client.sendRequest('crosscheck/removeAnnotation', {
				uri: u,
				range: { start: { line: line + 1, character: character + 2 }, end: { line: line + 1, character: character + 2 } },
			}),
			{ removed: 1 },
		);
		assert.deepEqual(((await s.client.sendRequest('crosscheck/annotations', { uri: u })) as { annotations: unknown[] }).annotations, []);
		assert.deepEqual(parseReviewFile(await readReview()).annotations, []);
	});

	void it('refuses labels the folder does not declare and empty selections', async () => {
		const { s, uri } = await session({ 'wires/a.txt': ARTICLE });
		const at = { line: 4, character: 0 };
		await assert.rejects(
			s.client.sendRequest('crosscheck/annotate', {
				uri: uri('wires/a.txt'),
				range: { start: at, end: { line: 4, character: 8 } },
				label: 'mystery',
			}),
			/"mystery" is not a label of this folder/,
		);
		await assert.rejects(
			s.client.sendRequest('crosscheck/annotate', { uri: uri('wires/a.txt'), range: { start: at, end: at }, label: 'claim' }),
			/Select the text to annotate first/,
		);
	});
});

/** Retries `probe` every 50 ms until it gives something other than `undefined` or `false`. */
async function poll<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 5000): Promise<T> {
	const until = Date.now() + ms;
	for (;;) {
		const value = await probe();
		if (value !== undefined && value !== false) {
			return value;
		}
		if (Date.now() > until) {
			throw new Error(`timed out waiting for ${what}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

function lastStatus(s: TestSession): StatusParams {
	return s.statuses[s.statuses.length - 1]!;
}

void describe('the review views in the language server', () => {
	const flood = (n: number): string => lines('Flood hits Marrow', '', `The flood killed ${n} people.`, '');

	void it('lists findings by rule with their review state, counts the unreviewed in the status, and follows decisions', async () => {
		const { s, uri, review } = await session({ 'wires/a.txt': ARTICLE });
		const rules = ['vague-attribution', 'unattributed-claim', 'unattributed-quote'];
		const list = async (): Promise<FindingsResult> => (await s.client.sendRequest('crosscheck/findings', { rules })) as FindingsResult;
		const before = await list();
		assert.equal(before.articles.length, 1);
		assert.equal(before.articles[0]!.article, 'wires/a.txt');
		assert.equal(before.articles[0]!.uri, uri('wires/a.txt'));
		const vague = before.articles[0]!.findings.find((f) => f.ruleId === 'vague-attribution')!;
		assert.equal(vague.state, 'unreviewed');
		assert.equal(vague.text, ARTICLE.split('\n')[vague.range.start.line]!.slice(vague.range.start.character, vague.range.end.character));
		assert.ok(before.articles[0]!.findings.every((f) => rules.includes(f.ruleId)));
		const unreviewed = lastStatus(s).unreviewed;
		const visible = [...s.diagnostics.get(uri('wires/a.txt'))!].filter((d) => d.severity !== 4).length;
		assert.equal(unreviewed, visible);
		await review({ action: 'dismiss', reason: 'Named below.' });
		await poll(() => lastStatus(s).unreviewed === unreviewed - 1, 'the unreviewed count to drop');
		const after = (await list()).articles[0]!.findings.find(
			(f) => f.ruleId === 'vague-attribution' && f.range.start.line === vague.range.start.line,
		)!;
		// Dismissed findings stay in the list (the view filters them), with their reason.
		assert.equal(after.state, 'dismissed');
		assert.equal(after.reason, 'Named below.');
		await review(
			{ action: 'note', note: 'Check with the desk.' },
			s.diagnostics.get(uri('wires/a.txt'))!.find((d) => d.code !== 'vague-attribution' && d.severity !== 4)!,
		);
		await poll(() => lastStatus(s).unreviewed === unreviewed - 1, 'a note alone to leave the finding unreviewed');
	});

	void it('gives each fact group its numeric intervals and review state, and only the group at a position when asked', async () => {
		const { s, uri } = await session({ 'm/a.txt': flood(29), 'm/b.txt': flood(31), 'm/c.txt': flood(300), 'wires/a.txt': ARTICLE });
		const u = uri('m/a.txt');
		await s.waitForDiagnostics(u, (d) => d.some((x) => x.code === 'figure-conflict'), 'the figure conflict');
		const all = (await s.client.sendRequest('crosscheck/facts')) as FactsResult;
		const group = all.groups.find((g) => g.cluster === 'm')!;
		assert.equal(group.state, 'unreviewed');
		assert.deepEqual(
			group.mentions.map((m) => [m.text, m.min, m.max, m.minInclusive, m.maxInclusive, m.finding?.ruleId, m.finding?.state]),
			[
				['29', 29, 29, true, true, 'figure-conflict', 'unreviewed'],
				['31', 31, 31, true, true, 'figure-conflict', 'unreviewed'],
				// A round hundred is read as ±5%; a figure ten times the others is not flagged against them, so it has no finding.
				['300', 285, 315, true, true, undefined, undefined],
			],
		);
		const d = s.diagnostics.get(u)!.find((x) => x.code === 'figure-conflict')!;
		for (const reason of ['A typo in the wire copy.']) {
			await s.client.sendRequest('crosscheck/review', { uri: u, ruleId: 'figure-conflict', range: d.range, action: 'dismiss', reason });
		}
		const at = async (line: number, character: number): Promise<FactsResult> =>
			(await s.client.sendRequest('crosscheck/facts', { uri: u, position: { line, character } })) as FactsResult;
		const one = await at(2, 18);
		assert.equal(one.groups.length, 1);
		assert.deepEqual(one.groups[0]!.mentions[0]!.finding, {
			ruleId: 'figure-conflict',
			state: 'dismissed',
			reason: 'A typo in the wire copy.',
		});
		// Still unreviewed: the other two articles' findings are not decided.
		assert.equal(one.groups[0]!.state, 'unreviewed');
		assert.deepEqual((await at(0, 2)).groups, [], 'no group for a position that is not on a figure');
	});

	void it('lists every annotation and every orphaned entry, with its place in the review file', async () => {
		const { s, uri, dir, changed } = await session({ 'wires/a.txt': ARTICLE, 'wires/b.txt': ARTICLE });
		const line = ARTICLE.split('\n').findIndex((l) => l.startsWith('Officials'));
		await s.client.sendRequest('crosscheck/annotate', {
			uri: uri('wires/a.txt'),
			range: { start: { line, character: 0 }, end: { line, character: 9 } },
			label: 'needs-source',
			note: 'Which officials?',
		});
		await fs.mkdir(path.join(dir, '.crosscheck/annotations/wires'), { recursive: true });
		const gone = lines(
			'# written by hand',
			'annotations:',
			'  - label: claim',
			'    text: a sentence that was edited away',
			'    offset: 10',
			'findings:',
			'  - rule: vague-attribution',
			'    status: confirmed',
			'    text: reportedly',
			'',
		);
		await fs.writeFile(path.join(dir, '.crosscheck/annotations/wires/b.txt.yaml'), gone);
		await changed('.crosscheck/annotations/wires/b.txt.yaml');
		const entries = await poll(async () => {
			const r = (await s.client.sendRequest('crosscheck/reviewEntries')) as ReviewEntriesResult;
			return r.orphans.length > 0 ? r : undefined;
		}, 'the orphan to be listed');
		assert.deepEqual(
			entries.articles.map((a) => [a.article, a.annotations.map((x) => [x.label, x.text, x.note, x.range.start.line])]),
			[['wires/a.txt', [['needs-source', 'Officials', 'Which officials?', line]]]],
		);
		assert.deepEqual(
			entries.orphans.map((o) => [o.article, o.kind, o.label, o.text, o.range.start.line, o.uri]),
			[
				[
					'wires/b.txt',
					'annotation',
					'claim',
					'a sentence that was edited away',
					2,
					pathToFileURL(path.join(dir, '.crosscheck/annotations/wires/b.txt.yaml')).href,
				],
			],
		);
	});
});
