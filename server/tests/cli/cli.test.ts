import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../../src/cli/run';
import { STARTER_CONFIG } from '../../src/core';
import { ARTICLE, lines, tempCorpus } from '../helpers';
import { cli } from './runCli';

void describe('crosscheck check', () => {
	void it('prints compiler-style lines and a summary, and exits 0 below --fail-on', async () => {
		const dir = await tempCorpus({ 'a.txt': ARTICLE, 'notes.md': 'Officials said so.' });
		const result = await cli(dir, 'check');
		assert.equal(result.code, 0);
		const at = (phrase: string): string => {
			const line = ARTICLE.split('\n').findIndex((l) => l.includes(phrase));
			return `${line + 1}:${ARTICLE.split('\n')[line]!.indexOf(phrase) + 1}`;
		};
		assert.equal(
			result.stdout,
			lines(
				`a.txt:${at('Officials said')}  information  vague-attribution  Vague source: "Officials said" cites a source without naming it.`,
				`a.txt:${at('reportedly')}  information  vague-attribution  Vague source: "reportedly" hedges the claim without naming a source.`,
				'2 findings (2 information) in 1 file; 1 file checked.',
				'',
			),
		);
	});

	void it('exits 1 when a finding reaches --fail-on, and 0 with none', async () => {
		const dir = await tempCorpus({ 'a.txt': ARTICLE });
		assert.equal((await cli(dir, 'check', '--fail-on', 'information')).code, 1);
		assert.equal((await cli(dir, 'check', '--fail-on', 'none')).code, 0);
		const clean = await tempCorpus({ 'b.txt': 'Bridge shut\n\nEngineers closed it.\n' });
		const result = await cli(clean, 'check', '--fail-on', 'hint');
		assert.equal(result.code, 0);
		assert.equal(result.stdout, 'No findings; 1 file checked.\n');
	});

	void it('writes the JSON contract: relative paths, 0-based UTF-16 positions, related and data', async () => {
		const dir = await tempCorpus({ 'sub/ä.txt': 'Brücke gesperrt\n\n😀 Officials said it.\n' });
		const result = await cli(dir, 'check', '--format', 'json');
		assert.equal(result.code, 0);
		assert.deepEqual(JSON.parse(result.stdout), {
			version: 1,
			findings: [
				{
					file: 'sub/ä.txt',
					range: { start: { line: 2, character: 3 }, end: { line: 2, character: 17 } },
					severity: 'information',
					rule: 'vague-attribution',
					message: 'Vague source: "Officials said" cites a source without naming it.',
					related: [],
					data: { phrase: 'Officials said', kind: 'anonymous-source' },
				},
			],
		});
	});

	void it('writes SARIF 2.1.0 with rules, 1-based regions and relative URIs', async () => {
		const dir = await tempCorpus({ 'my articles/a.txt': ARTICLE });
		const result = await cli(dir, 'check', '--format', 'sarif');
		const sarif = JSON.parse(result.stdout);
		assert.equal(sarif.version, '2.1.0');
		const run0 = sarif.runs[0];
		assert.equal(run0.tool.driver.name, 'Crosscheck');
		assert.ok(run0.tool.driver.rules.some((r: { id: string }) => r.id === 'vague-attribution'));
		assert.equal(run0.results.length, 2);
		const first = run0.results[0];
		assert.equal(first.ruleId, 'vague-attribution');
		assert.equal(first.level, 'note');
		assert.equal(run0.tool.driver.rules[first.ruleIndex].id, 'vague-attribution');
		assert.deepEqual(first.locations[0].physicalLocation, {
			artifactLocation: { uri: 'my%20articles/a.txt', uriBaseId: '%SRCROOT%' },
			region: { startLine: 7, startColumn: 1, endLine: 7, endColumn: 15 },
		});
		assert.match(run0.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
	});

	void it('explains each article layout in JSON with --explain', async () => {
		const dir = await tempCorpus({ 'a.txt': lines('---', 'outlet: Fenwick Post', '---', ARTICLE) });
		const result = await cli(dir, 'check', '--format', 'json', '--explain');
		const [doc] = JSON.parse(result.stdout).documents;
		assert.equal(doc.file, 'a.txt');
		assert.deepEqual(doc.metadata, { outlet: 'Fenwick Post' });
		assert.deepEqual(doc.frontMatter, { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } });
		assert.deepEqual(
			doc.lines.map((l: { kind: string; reason?: string }) => (l.reason ? `${l.kind}:${l.reason}` : l.kind)),
			['headline', 'boilerplate:advertising', 'body', 'body', 'body', 'body', 'boilerplate:sharing'],
		);
		const dateline = 'LOWMARSH, Eastland (Fenwick Post) —';
		assert.ok(ARTICLE.includes(dateline));
		assert.deepEqual(doc.datelines, [{ start: { line: 7, character: 0 }, end: { line: 7, character: dateline.length } }]);
	});

	void it('walks folders with include and exclude globs from crosscheck.yaml, relative to its folder', async () => {
		const dir = await tempCorpus({
			'crosscheck.yaml': lines('include: ["articles/**/*.txt"]', 'exclude: ["articles/drafts/**"]'),
			'articles/a.txt': ARTICLE,
			'articles/drafts/b.txt': ARTICLE,
			'other/c.txt': ARTICLE,
		});
		const result = await cli(path.join(dir, 'articles'), 'check', '--format', 'json');
		const files = new Set(JSON.parse(result.stdout).findings.map((f: { file: string }) => f.file));
		assert.deepEqual([...files], ['a.txt']);
	});

	void it('applies rule levels from the config', async () => {
		const dir = await tempCorpus({ 'crosscheck.yaml': 'rules:\n  vague-attribution: error\n', 'a.txt': ARTICLE });
		const result = await cli(dir, 'check');
		assert.equal(result.code, 1);
		assert.match(result.stdout, /a\.txt:7:1 {2}error {2}vague-attribution/);
	});

	void it('reports a broken config at file:line:col, analyses with defaults and exits 2', async () => {
		const dir = await tempCorpus({ 'crosscheck.yaml': 'rules:\n  vague-attribution: loud\n', 'a.txt': ARTICLE });
		const result = await cli(dir, 'check');
		assert.equal(result.code, 2);
		assert.match(result.stderr, /^crosscheck\.yaml:2:22 {2}error {2}invalid-config {2}"rules\.vague-attribution" is "loud"/m);
		assert.match(result.stdout, /2 findings/);
	});

	void it('reports YAML syntax errors the same way', async () => {
		const dir = await tempCorpus({ 'crosscheck.yaml': 'include: [a\n', 'a.txt': ARTICLE });
		const result = await cli(dir, 'check', '--config', 'crosscheck.yaml');
		assert.equal(result.code, 2);
		assert.match(result.stderr, /^crosscheck\.yaml:\d+:\d+ {2}error {2}invalid-config {2}crosscheck\.yaml is not valid YAML/m);
	});

	void it('exits 2 on usage errors', async () => {
		const dir = await tempCorpus({ 'a.txt': ARTICLE });
		assert.equal((await cli(dir, 'check', '--format', 'xml')).code, 2);
		assert.equal((await cli(dir, 'check', '--fail-on', 'loud')).code, 2);
		assert.equal((await cli(dir, 'check', '--nope')).code, 2);
		assert.equal((await cli(dir, 'check', 'missing.txt')).code, 2);
		assert.equal((await cli(dir, 'frobnicate')).code, 2);
		assert.equal((await cli(dir, 'check', '--config', 'none.yaml')).code, 2);
		assert.equal((await cli(dir)).code, 2);
		assert.equal((await cli(dir, '--help')).code, 0);
		assert.match((await cli(dir, '--version')).stdout, /^\d+\.\d+\.\d+\n$/);
	});

	void it('survives bad input: empty, binary, invalid UTF-8, BOM, CRLF and over-size files', async () => {
		const dir = await tempCorpus({
			'crosscheck.yaml': 'maxFileSize: 1 KB\n',
			'empty.txt': '',
			'binary.txt': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10]),
			'latin1.txt': new Uint8Array([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' shut\n\nOfficials said so.\n')]),
			'bom.txt': '\uFEFFBridge shut\n\nOfficials said so.\n',
			'crlf.txt': 'Bridge shut\r\n\r\nOfficials said so.\r\n',
			'big.txt': 'x'.repeat(2000),
		});
		const result = await cli(dir, 'check', '--format', 'json', '--fail-on', 'none');
		assert.equal(result.code, 0);
		const findings = JSON.parse(result.stdout).findings as {
			file: string;
			rule: string;
			range: { start: { line: number; character: number } };
			message: string;
		}[];
		const summary = findings.map((f) => `${f.file} ${f.rule} ${f.range.start.line}:${f.range.start.character}`);
		assert.deepEqual(summary, [
			'big.txt file-skipped 0:0',
			'binary.txt file-skipped 0:0',
			'bom.txt vague-attribution 2:0',
			'crlf.txt vague-attribution 2:0',
			'latin1.txt invalid-encoding 0:3',
			'latin1.txt vague-attribution 2:0',
		]);
		assert.match(findings[0]!.message, /2\.0 KB, above the maximum of 1\.0 KB/);
		assert.match(findings[4]!.message, /byte 3 \(0xe9\)/);
	});
});

void describe('crosscheck init', () => {
	void it('writes the starter config and never overwrites an existing one', async () => {
		const dir = await tempCorpus({});
		assert.equal((await cli(dir, 'init')).code, 0);
		assert.equal(await fs.readFile(path.join(dir, 'crosscheck.yaml'), 'utf8'), STARTER_CONFIG);
		await fs.writeFile(path.join(dir, 'crosscheck.yaml'), 'mine: true\n');
		const again = await cli(dir, 'init');
		assert.equal(again.code, 2);
		assert.match(again.stderr, /already exists/);
		assert.equal(await fs.readFile(path.join(dir, 'crosscheck.yaml'), 'utf8'), 'mine: true\n');
		assert.deepEqual((await fs.readdir(dir)).sort(), ['crosscheck.yaml']);
	});
});

void describe('configuration lookup', () => {
	void it('uses the crosscheck.yaml at or above the checked folder, not only the working directory', async () => {
		const dir = await tempCorpus({ 'corpus/crosscheck.yaml': 'rules:\n  vague-attribution: error\n', 'corpus/a.txt': ARTICLE });
		const result = await cli(dir, 'check', 'corpus');
		assert.equal(result.code, 1);
		assert.match(result.stdout, /corpus\/a\.txt:\d+:\d+ {2}error {2}vague-attribution/);
	});
});

void describe('crosscheck entities', () => {
	const config = lines('entities:', '  known:', '    - name: Maren Holt', '      type: person', '      aliases: [Holt]', '');

	void it('lists every mention as JSON with the path and position contract of check', async () => {
		const dir = await tempCorpus({ 'crosscheck.yaml': config, 'a.txt': 'Bridge shut\n\nHolt spoke on Monday; 12 crews worked.\n' });
		const result = await cli(dir, 'entities', '--format', 'json');
		assert.equal(result.code, 0);
		assert.deepEqual(JSON.parse(result.stdout), {
			version: 1,
			entities: [
				{
					file: 'a.txt',
					range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } },
					text: 'Holt',
					type: 'person',
					canonical: 'Maren Holt',
				},
				{
					file: 'a.txt',
					range: { start: { line: 2, character: 14 }, end: { line: 2, character: 20 } },
					text: 'Monday',
					type: 'date',
					canonical: 'Monday',
				},
				{
					file: 'a.txt',
					range: { start: { line: 2, character: 22 }, end: { line: 2, character: 24 } },
					text: '12',
					type: 'figure',
					canonical: '12',
				},
			],
		});
	});

	void it("honours the review files' entity labels, in the labelled article and wherever the name occurs", async () => {
		const reviewFile = lines(
			'version: 1',
			'article: a.txt',
			'annotations:',
			'  - label: organization',
			'    text: Holt',
			'  - label: not-entity',
			'    text: Monday',
			'',
		);
		const dir = await tempCorpus({
			'crosscheck.yaml': config,
			'a.txt': 'Bridge shut\n\nHolt spoke on Monday; 12 crews worked.\n',
			'b.txt': 'Crews ready\n\nOn Monday, Holt said the crews were ready.\n',
			'.crosscheck/annotations/a.txt.yaml': reviewFile,
		});
		const result = await cli(dir, 'entities', '--format', 'json');
		assert.equal(result.code, 0);
		const found = (JSON.parse(result.stdout) as { entities: { file: string; text: string; type: string }[] }).entities;
		assert.deepEqual(
			found.filter((m) => m.text === 'Holt' || m.text === 'Monday').map((m) => [m.file, m.text, m.type]),
			[
				['a.txt', 'Holt', 'organization'],
				['b.txt', 'Holt', 'organization'],
			],
		);
		const checked = await cli(dir, 'check', '--format', 'json', '--min-severity', 'hint', '--fail-on', 'none');
		const marks = (JSON.parse(checked.stdout) as { findings: { file: string; rule: string; message: string }[] }).findings.filter(
			(f) => f.rule === 'entity' && f.file === 'b.txt',
		);
		assert.ok(marks.some((f) => f.message === 'organization: Maren Holt'));
		assert.equal(
			marks.some((f) => f.message.includes('Monday')),
			false,
		);
	});

	void it('prints one line per mention in text', async () => {
		const dir = await tempCorpus({ 'crosscheck.yaml': config, 'a.txt': 'Bridge shut\n\nHolt spoke.\n' });
		const result = await cli(dir, 'entities');
		assert.equal(result.stdout, 'a.txt:3:1  person       Holt  → Maren Holt\n1 mention in 1 file.\n');
		assert.equal((await cli(dir, 'entities', '--format', 'sarif')).code, 2);
	});
});

void describe('progress', () => {
	void it('shows a progress line on a terminal for long runs, and none otherwise', async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 200; i++) {
			files[`a${i}.txt`] = 'Bridge shut\n\nEngineers closed it.\n';
		}
		const dir = await tempCorpus(files);
		let stderr = '';
		await run(['check'], { cwd: dir, stdout: () => undefined, stderr: (t) => (stderr += t), stderrIsTTY: true });
		assert.match(stderr, /\rcrosscheck: 200\/200 files…/);
		assert.equal((await cli(dir, 'check')).stderr, '');
	});
});

void describe('crosscheck quotes', () => {
	const config = lines('entities:', '  known:', '    - name: Maren Holt', '      type: person', '      aliases: [Holt]', '');
	const article = lines(
		'Bridge shut',
		'',
		'"We will not take risks," Holt said.',
		'',
		'Engineers closed the bridge.',
		'',
		'"Nobody warned us."',
		'',
	);

	void it('lists quotations with speaker, cue, kind and status as JSON, with the position contract of check', async () => {
		const dir = await tempCorpus({ 'crosscheck.yaml': config, 'a.txt': article });
		const result = await cli(dir, 'quotes', '--format', 'json');
		assert.equal(result.code, 0);
		assert.deepEqual(JSON.parse(result.stdout), {
			version: 1,
			quotes: [
				{
					file: 'a.txt',
					range: { start: { line: 2, character: 1 }, end: { line: 2, character: 24 } },
					text: 'We will not take risks,',
					speaker: {
						text: 'Holt',
						range: { start: { line: 2, character: 26 }, end: { line: 2, character: 30 } },
						canonical: 'Maren Holt',
						resolution: 'name',
					},
					cue: { text: 'said', range: { start: { line: 2, character: 31 }, end: { line: 2, character: 35 } } },
					kind: 'direct',
					status: 'attributed',
				},
				{
					file: 'a.txt',
					range: { start: { line: 6, character: 1 }, end: { line: 6, character: 18 } },
					text: 'Nobody warned us.',
					speaker: null,
					cue: null,
					kind: 'direct',
					status: 'unattributed',
				},
			],
		});
	});

	void it('prints one line per quotation in text and rejects sarif', async () => {
		const dir = await tempCorpus({ 'crosscheck.yaml': config, 'a.txt': article });
		const result = await cli(dir, 'quotes');
		assert.equal(result.code, 0);
		assert.equal(
			result.stdout,
			lines(
				'a.txt:3:2  direct       attributed   Holt → Maren Holt: "We will not take risks,"',
				'a.txt:7:2  direct       unattributed (no speaker): "Nobody warned us."',
				'2 quotations and statements in 1 file.',
				'',
			),
		);
		assert.equal((await cli(dir, 'quotes', '--format', 'sarif')).code, 2);
	});
});

void describe('crosscheck facts', () => {
	const wire = lines(
		'---',
		'outlet: Wire',
		'published: 2025-03-01',
		'---',
		'Flood hits Marrow',
		'',
		'The flood killed 29 people, officials said.',
		'',
	);
	const post = lines('Flood hits Marrow', '', 'The flood killed "at least 31" people, police said, and injured 12, the mayor said.', '');

	void it('lists every figure as JSON with its interval, measure, event, group and cluster, with the position contract of check', async () => {
		const dir = await tempCorpus({ 'marrow/wire.txt': wire, 'marrow/post.txt': post });
		const result = await cli(dir, 'facts', '--format', 'json');
		assert.equal(result.code, 0, result.stderr);
		const output = JSON.parse(result.stdout) as { version: number; facts: Record<string, unknown>[] };
		assert.equal(output.version, 1);
		assert.deepEqual(
			output.facts.map((f) => [f.file, f.text, f.measure, f.interval, f.cluster, f.outlet, f.published]),
			[
				['marrow/post.txt', 'at least 31', 'killed', { min: 31, max: null, minInclusive: true, maxInclusive: false }, 'marrow', null, null],
				['marrow/post.txt', '12', 'injured', { min: 12, max: 12, minInclusive: true, maxInclusive: true }, 'marrow', null, null],
				['marrow/wire.txt', '29', 'killed', { min: 29, max: 29, minInclusive: true, maxInclusive: true }, 'marrow', 'Wire', '2025-03-01'],
			],
		);
		const [first] = output.facts;
		assert.deepEqual(first?.range, { start: { line: 2, character: 18 }, end: { line: 2, character: 29 } });
		assert.equal(first?.event, 'flood');
		assert.equal(first?.population, null);
		// The figures one group reports share its key.
		assert.equal(output.facts[0]?.group, output.facts[2]?.group);
		assert.notEqual(output.facts[0]?.group, output.facts[1]?.group);
	});

	void it("reads a corpus outside the working directory with the corpus's own folders as clusters", async () => {
		const dir = await tempCorpus({ 'marrow/wire.txt': wire, 'marrow/post.txt': post, 'orvik/post.txt': post.replace(/Marrow/g, 'Orvik') });
		const elsewhere = await tempCorpus({});
		const result = await cli(elsewhere, 'facts', '--format', 'json', path.relative(elsewhere, dir));
		assert.equal(result.code, 0, result.stderr);
		const output = JSON.parse(result.stdout) as { facts: Record<string, unknown>[] };
		assert.deepEqual(
			output.facts.map((f) => [path.basename(path.dirname(f.file as string)), f.text, f.cluster]),
			[
				['marrow', 'at least 31', 'marrow'],
				['marrow', '12', 'marrow'],
				['marrow', '29', 'marrow'],
				['orvik', 'at least 31', 'orvik'],
				['orvik', '12', 'orvik'],
			],
		);
		// Figures are compared within a story only: the 29 killed conflicts with Marrow's "at least 31", not with Orvik's.
		const check = await cli(elsewhere, 'check', '--format', 'json', path.relative(elsewhere, dir));
		const conflicts = (JSON.parse(check.stdout) as { findings: { file: string; rule: string; related: unknown[] }[] }).findings.filter(
			(f) => f.rule === 'figure-conflict',
		);
		assert.deepEqual(
			conflicts.map((f) => [path.basename(path.dirname(f.file)), f.related.length]),
			[
				['marrow', 1],
				['marrow', 1],
			],
		);
	});

	void it('prints the fact table in text, grouped by quantity with the relation across articles', async () => {
		const dir = await tempCorpus({ 'marrow/wire.txt': wire, 'marrow/post.txt': post });
		const result = await cli(dir, 'facts');
		assert.equal(result.code, 0);
		assert.equal(
			result.stdout,
			lines(
				"marrow: killed — the cluster's event  [conflict · 2 articles]",
				'  marrow/wire.txt:7:18  "29"  29  2025-03-01',
				'  marrow/post.txt:3:19  "at least 31"  [31, ∞)',
				"marrow: injured — the cluster's event  [1 article]",
				'  marrow/post.txt:3:65  "12"  12',
				'3 figures in 2 quantities, 2 files.',
				'',
			),
		);
	});

	void it('writes CSV with a header, 1-based positions and quoted fields, and rejects sarif', async () => {
		const dir = await tempCorpus({
			'marrow/wire.txt': wire,
			'marrow/post.txt': post,
			'marrow/big.txt': lines('Flood', '', 'The flood killed 1,200 people.', ''),
		});
		const result = await cli(dir, 'facts', '--format', 'csv');
		assert.equal(result.code, 0);
		const rows = result.stdout.split('\r\n');
		assert.equal(
			rows[0],
			'file,line,column,end_line,end_column,text,min,max,min_inclusive,max_inclusive,measure,population,part,event,group,cluster,outlet,published',
		);
		assert.match(rows[1]!, /^marrow\/big\.txt,3,18,3,23,"1,200",1140,1260,true,true,killed,,,flood,/);
		assert.match(rows[2]!, /^marrow\/post\.txt,3,19,3,30,at least 31,31,,true,false,killed,/);
		assert.equal(rows.at(-1), '');
		assert.equal(rows.length, 6);
		assert.equal((await cli(dir, 'facts', '--format', 'sarif')).code, 2);
	});
});

void describe('review decisions in the CLI', () => {
	/** An article with two vague-attribution findings and a review file deciding on them. */
	async function reviewedCorpus(review: (offset: (phrase: string) => number) => string): Promise<string> {
		const offset = (phrase: string): number => ARTICLE.indexOf(phrase);
		return tempCorpus({
			'crosscheck.yaml': '',
			'wires/a.txt': ARTICLE,
			'.crosscheck/annotations/wires/a.txt.yaml': review(offset),
		});
	}
	const decisions = (offset: (phrase: string) => number): string =>
		lines(
			'version: 1',
			'article: wires/a.txt',
			'findings:',
			'  - rule: vague-attribution',
			'    status: dismissed',
			'    reason: The council is named below.',
			'    text: Officials said',
			`    offset: ${offset('Officials said')}`,
			'  - rule: vague-attribution',
			'    status: confirmed',
			'    note: Ask for the estimate.',
			'    text: reportedly',
			`    offset: ${offset('reportedly')}`,
			'',
		);

	void it('leaves dismissed findings out of check, marks confirmed ones, and does not fail on dismissed ones', async () => {
		const dir = await reviewedCorpus(decisions);
		const text = await cli(dir, 'check', '--fail-on', 'information');
		assert.equal(text.code, 1);
		assert.match(
			text.stdout,
			/vague-attribution {2}\[confirmed\] Vague source: "reportedly" .*\(note: Ask for the estimate\.\)\n1 finding/,
		);
		assert.doesNotMatch(text.stdout, /Officials said/);
		const json = JSON.parse((await cli(dir, 'check', '--format', 'json', '--include-dismissed')).stdout) as {
			findings: { review?: unknown }[];
		};
		assert.deepEqual(
			json.findings.map((f) => f.review),
			[
				{ status: 'dismissed', reason: 'The council is named below.' },
				{ status: 'confirmed', note: 'Ask for the estimate.' },
			],
		);
		const sarif = JSON.parse((await cli(dir, 'check', '--format', 'sarif')).stdout) as {
			runs: { results: { suppressions?: unknown }[] }[];
		};
		assert.deepEqual(
			sarif.runs[0]!.results.map((r) => r.suppressions),
			[[{ kind: 'external', status: 'accepted', justification: 'The council is named below.' }], undefined],
		);
		// With only the confirmed finding left at information, --fail-on warning passes.
		const onlyDismissed = await reviewedCorpus((offset) => decisions(offset).replace('status: confirmed', 'status: dismissed'));
		assert.equal((await cli(onlyDismissed, 'check', '--fail-on', 'information')).code, 0);
	});

	void it('counts findings per rule and decision with review --status', async () => {
		const dir = await reviewedCorpus((offset) => decisions(offset).replace('status: confirmed', 'status: open'));
		const text = await cli(dir, 'review', '--status');
		assert.equal(text.code, 0);
		assert.equal(
			text.stdout,
			lines(
				'rule                    unreviewed        open   confirmed   dismissed',
				'vague-attribution                0           1           0           1',
				'total                            0           1           0           1',
				'1 article; 0 orphaned review entries.',
				'',
			),
		);
		const json = JSON.parse((await cli(dir, 'review', '--status', '--format', 'json')).stdout);
		assert.deepEqual(json, {
			version: 1,
			rules: [{ rule: 'vague-attribution', unreviewed: 0, open: 1, confirmed: 0, dismissed: 1 }],
			total: { unreviewed: 0, open: 1, confirmed: 0, dismissed: 1 },
			orphaned: 0,
		});
		assert.equal((await cli(dir, 'review')).code, 2);
	});

	void it('reports orphaned entries and broken review files at file:line:col', async () => {
		const orphaned = await reviewedCorpus((offset) => decisions(offset).replace('text: reportedly', 'text: allegedly'));
		const result = await cli(orphaned, 'review', '--status');
		assert.match(
			result.stderr,
			/^\.crosscheck\/annotations\/wires\/a\.txt\.yaml:9:5 {2}warning {2}orphaned-annotation {2}"allegedly" is no longer in wires\/a\.txt\n$/,
		);
		assert.match(result.stdout, /\n1 article; 1 orphaned review entry\.\n$/);
		const broken = await reviewedCorpus(() => 'findings:\n  - rule: x\n    status: [open\n');
		const check = await cli(broken, 'check');
		assert.equal(check.code, 2);
		assert.match(
			check.stderr,
			/^\.crosscheck\/annotations\/wires\/a\.txt\.yaml:\d+:\d+ {2}error {2}invalid-review-file {2}\.crosscheck\/annotations\/wires\/a\.txt\.yaml is not valid YAML/,
		);
		assert.match(check.stdout, /2 findings/);
	});
});
