import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { makeAnchor, parseReviewFile, resolveAnchor, upsertAnnotation, type Annotation } from '../../src/core';
import { marked, tempCorpus } from '../helpers';
import { cli } from './runCli';

async function tempDir(): Promise<string> {
	return fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'crosscheck-out-')));
}

const BOM = '\ufeff';

/** An article written for the tests: a byte-order mark, CRLF, accents, CJK and emoji outside the BMP. */
const ARTICLE = marked(
	'Marché de [[Kestrava]] fermé\r\n\r\n😀 La maire [[Élodie Varga]] a dit que [[12 étals]] restent fermés.\r\n' +
		'東京 envoy [[Li Wei]] 😀😀 visited the [[marché]] too.\r\n',
);
const LABELS = ['place', 'person', 'claim', 'person', 'check later'];

/** What a review file says, placed in the text: comparable across stores. */
function placed(yaml: string, text: string): [string, string, number, number, string?, string?, string?][] {
	return parseReviewFile(yaml).annotations.map((a: Annotation) => {
		const at = resolveAnchor(text, a.anchor);
		return [a.label, a.anchor.exact, at?.start ?? -1, at?.end ?? -1, a.note, a.by, a.date];
	});
}

/** A corpus with the article (saved with its BOM), crosscheck.yaml and a review file with five annotations and an orphan. */
async function annotatedCorpus(): Promise<{ dir: string; yaml: string }> {
	let yaml = '';
	ARTICLE.spans.forEach((span, i) => {
		const annotation: Annotation = {
			label: LABELS[i]!,
			anchor: makeAnchor(ARTICLE.text, span),
			...(i === 2 ? { note: 'Which market hall?\nAsk the desk.', by: 'Dana', date: '2026-03-04' } : {}),
		};
		yaml = upsertAnnotation(yaml, 'wires/a.txt', annotation, () => false)!;
	});
	yaml = upsertAnnotation(
		yaml,
		'wires/a.txt',
		{ label: 'needs-source', anchor: { exact: 'a sentence since cut', prefix: '', suffix: '', offset: 3 }, by: 'Dana' },
		() => false,
	)!;
	const dir = await tempCorpus({
		'crosscheck.yaml': 'labels: [check later]\n',
		'wires/a.txt': BOM + ARTICLE.text,
		'wires/b.txt': 'Quiet day at the market.\n',
		'.crosscheck/annotations/wires/a.txt.yaml': yaml,
	});
	return { dir, yaml };
}

/** A copy of the corpus's articles and configuration, without review files. */
async function freshCopy(): Promise<string> {
	return tempCorpus({
		'crosscheck.yaml': 'labels: [check later]\n',
		'wires/a.txt': BOM + ARTICLE.text,
		'wires/b.txt': 'Quiet day at the market.\n',
	});
}

void describe('crosscheck export and import: round trips', () => {
	void it('brat: code-point offsets in the .txt, and back into an empty store with nothing lost but the orphan it cannot hold', async () => {
		const { dir, yaml } = await annotatedCorpus();
		const out = await tempDir();
		const exported = await cli(dir, 'export', '--format', 'brat', '--out', out);
		assert.equal(exported.code, 0, exported.stderr);
		assert.equal(exported.stdout, `Exported 5 annotations (and 1 orphaned) from 2 articles to ${out} (brat standoff).\n`);
		assert.match(exported.stderr, /orphaned-annotation {2}"a sentence since cut" is no longer in wires\/a\.txt; brat cannot hold it/);
		const txt = await fs.readFile(path.join(out, 'wires/a.txt'), 'utf8');
		assert.equal(txt, ARTICLE.text, 'the .txt is the article text, without the byte-order mark, CRLF kept');
		const ann = await fs.readFile(path.join(out, 'wires/a.ann'), 'utf8');
		for (const line of ann.split('\n').filter((l) => l.startsWith('T'))) {
			const [, typeAndSpan, text] = line.split('\t') as [string, string, string];
			const [, start, end] = typeAndSpan.split(' ');
			assert.equal(Array.from(txt).slice(Number(start), Number(end)).join(''), text, line);
		}
		assert.match(ann, /\tcheck_20_later \d+ \d+\tmarché\n/);
		assert.equal(await fs.readFile(path.join(out, 'wires/b.ann'), 'utf8'), '');

		const target = await freshCopy();
		const imported = await cli(target, 'import', '--format', 'brat', out);
		assert.equal(imported.code, 0, imported.stderr);
		assert.equal(imported.stdout, 'Imported 5 annotations into 1 review file (0 already there).\n');
		const back = await fs.readFile(path.join(target, '.crosscheck/annotations/wires/a.txt.yaml'), 'utf8');
		const today = new Date().toISOString().slice(0, 10);
		const expected = placed(yaml, ARTICLE.text)
			.filter((a) => a[0] !== 'needs-source')
			.map((a) => [...a.slice(0, 6), a[6] ?? today]);
		assert.deepEqual(
			placed(back, ARTICLE.text).map((a) => [...a.slice(0, 6), a[6]]),
			expected,
		);
		// Importing again changes nothing, file given on its own included.
		const again = await cli(target, 'import', '--format', 'brat', path.join(out, 'wires/a.ann'));
		assert.equal(again.stdout, 'Imported 0 annotations into 0 review files (5 already there).\n');
		assert.equal(await fs.readFile(path.join(target, '.crosscheck/annotations/wires/a.txt.yaml'), 'utf8'), back);
	});

	void it('jsonl: code-point offsets, and back with notes, authors, dates and orphans', async () => {
		const { dir, yaml } = await annotatedCorpus();
		const out = path.join(await tempDir(), 'all.jsonl');
		const exported = await cli(dir, 'export', '--format', 'jsonl', '--out', out);
		assert.equal(exported.code, 0, exported.stderr);
		const lines = (await fs.readFile(out, 'utf8')).split('\n');
		assert.equal(lines.length, 3);
		const first = JSON.parse(lines[0]!) as { text: string; file: string; label: [number, number, string][] };
		assert.equal(first.file, 'wires/a.txt');
		assert.deepEqual(
			first.label.map(([s, e, l]) => [Array.from(first.text).slice(s, e).join(''), l]),
			[
				['Kestrava', 'place'],
				['Élodie Varga', 'person'],
				['12 étals', 'claim'],
				['Li Wei', 'person'],
				['marché', 'check later'],
			],
		);
		const target = await freshCopy();
		const imported = await cli(target, 'import', '--format', 'jsonl', '--by', 'Importer', out);
		assert.equal(imported.code, 0, imported.stderr);
		assert.equal(imported.stdout, 'Imported 6 annotations into 1 review file (0 already there).\n');
		const back = await fs.readFile(path.join(target, '.crosscheck/annotations/wires/a.txt.yaml'), 'utf8');
		const today = new Date().toISOString().slice(0, 10);
		assert.deepEqual(
			placed(back, ARTICLE.text),
			placed(yaml, ARTICLE.text).map((a) => [...a.slice(0, 5), a[5] ?? 'Importer', a[6] ?? today]),
		);
		assert.deepEqual(parseReviewFile(back).annotations.at(-1)!.anchor, parseReviewFile(yaml).annotations.at(-1)!.anchor);
	});

	void it('webanno: quote and code-point position selectors, orphans by their recorded text', async () => {
		const { dir } = await annotatedCorpus();
		const result = await cli(dir, 'export', '--format', 'webanno');
		assert.equal(result.code, 0);
		const collection = JSON.parse(result.stdout);
		assert.equal(collection.type, 'AnnotationCollection');
		assert.equal(collection.total, 6);
		const li = collection.first.items.find((i: any) => i.target.selector[0]?.exact === 'Li Wei');
		const { start, end } = li.target.selector[1];
		assert.equal(Array.from(ARTICLE.text).slice(start, end).join(''), 'Li Wei');
	});
});

void describe('crosscheck export', () => {
	void it('sarif is what check --format sarif prints; csv is the fact table of facts --format csv', async () => {
		const dir = await tempCorpus({
			'a.txt': 'Flood\n\nOfficials said 40 homes were lost.\n',
			'b.txt': 'Flood\n\nThe council said 45 homes were lost.\n',
		});
		const sarif = await cli(dir, 'export', '--format', 'sarif');
		assert.equal(sarif.stdout, (await cli(dir, 'check', '--format', 'sarif', '--include-dismissed')).stdout);
		assert.equal(sarif.code, 0);
		const csv = await cli(dir, 'export', '--format', 'csv', '--out', 'facts.csv');
		assert.equal(csv.stdout, 'Exported the fact table (CSV) to facts.csv.\n');
		assert.equal(await fs.readFile(path.join(dir, 'facts.csv'), 'utf8'), (await cli(dir, 'facts', '--format', 'csv')).stdout);
	});

	void it('refuses a brat export that would land among the articles, and a missing --out or format', async () => {
		const { dir } = await annotatedCorpus();
		const inside = await cli(dir, 'export', '--format', 'brat', '--out', 'brat');
		assert.equal(inside.code, 2);
		assert.match(inside.stderr, /brat\/wires\/a\.txt would be read as an article of the corpus/);
		await assert.rejects(fs.stat(path.join(dir, 'brat')));
		assert.equal((await cli(dir, 'export', '--format', 'brat')).code, 2);
		assert.equal((await cli(dir, 'export', '--format', 'xml')).code, 2);
		const offsets = await cli(dir, 'export', '--format', 'brat', '--out', await tempDir(), '--offsets', 'utf-16');
		assert.equal(offsets.code, 2);
		assert.match(offsets.stderr, /--offsets applies to --format jsonl only/);
	});

	void it('writes nothing when a review file is broken', async () => {
		const dir = await tempCorpus({ 'a.txt': 'Text.\n', '.crosscheck/annotations/a.txt.yaml': 'annotations:\n  - label: [x\n' });
		const out = path.join(await tempDir(), 'x.jsonl');
		const result = await cli(dir, 'export', '--format', 'jsonl', '--out', out);
		assert.equal(result.code, 2);
		assert.match(result.stderr, /^\.crosscheck\/annotations\/a\.txt\.yaml:\d+:\d+ {2}error {2}invalid-review-file/);
		await assert.rejects(fs.stat(out));
	});
});

void describe('crosscheck import: bad input', () => {
	void it('skips an article whose text differs, and reports malformed lines at file:line, writing nothing for them', async () => {
		const target = await freshCopy();
		const input = await tempDir();
		await fs.writeFile(
			path.join(input, 'in.jsonl'),
			[
				JSON.stringify({ text: 'Quiet day at the market!\n', file: 'wires/b.txt', label: [[0, 5, 'claim']] }),
				'{"text": "oops"',
				JSON.stringify({ text: 'x', file: 'wires/none.txt', label: [] }),
				'',
			].join('\n'),
		);
		const result = await cli(target, 'import', '--format', 'jsonl', path.join(input, 'in.jsonl'));
		assert.equal(result.code, 2);
		const shown = path.relative(target, path.join(input, 'in.jsonl')).split(path.sep).join('/');
		assert.match(
			result.stderr,
			new RegExp(
				`${shown.replace(/\./g, '\\.')}:1 {2}error {2}the text differs from the corpus article wires/b\\.txt \\(first at line 1, column 24\\)`,
			),
		);
		assert.match(result.stderr, new RegExp(`${shown.replace(/\./g, '\\.')}:2 {2}error {2}not valid JSON`));
		assert.match(result.stderr, /:3 {2}error {2}no article "wires\/none\.txt" in the corpus/);
		assert.equal(result.stdout, 'Imported 0 annotations into 0 review files (0 already there); 3 articles skipped.\n');
		await assert.rejects(fs.stat(path.join(target, '.crosscheck')));
	});

	void it('imports undeclared labels with a warning, or refuses them with --strict-labels', async () => {
		const target = await freshCopy();
		const input = path.join(await tempDir(), 'in.jsonl');
		await fs.writeFile(
			input,
			JSON.stringify({ text: 'Quiet day at the market.\n', file: 'wires/b.txt', label: [[17, 23, 'venue']] }) + '\n',
		);
		const strict = await cli(target, 'import', '--format', 'jsonl', '--strict-labels', input);
		assert.equal(strict.code, 2);
		assert.match(strict.stderr, /label "venue" not declared in crosscheck\.yaml labels \(--strict-labels\)/);
		await assert.rejects(fs.stat(path.join(target, '.crosscheck')));
		const lenient = await cli(target, 'import', '--format', 'jsonl', input);
		assert.equal(lenient.code, 0);
		assert.match(lenient.stderr, /warning: the label "venue" is not declared in crosscheck\.yaml labels; imported anyway/);
		assert.match(
			await fs.readFile(path.join(target, '.crosscheck/annotations/wires/b.txt.yaml'), 'utf8'),
			/label: venue\n {4}text: market\n/,
		);
	});

	void it('leaves a malformed review file alone', async () => {
		const target = await freshCopy();
		const broken = 'annotations:\n  - label: [x\n';
		await fs.mkdir(path.join(target, '.crosscheck/annotations/wires'), { recursive: true });
		await fs.writeFile(path.join(target, '.crosscheck/annotations/wires/b.txt.yaml'), broken);
		const input = path.join(await tempDir(), 'in.jsonl');
		await fs.writeFile(input, JSON.stringify({ text: 'Quiet day at the market.\n', file: 'wires/b.txt', label: [[0, 5, 'claim']] }) + '\n');
		const result = await cli(target, 'import', '--format', 'jsonl', input);
		assert.equal(result.code, 2);
		assert.match(result.stderr, /cannot be read .*left unchanged/);
		assert.equal(await fs.readFile(path.join(target, '.crosscheck/annotations/wires/b.txt.yaml'), 'utf8'), broken);
	});

	void it('needs a format and files', async () => {
		const target = await freshCopy();
		assert.equal((await cli(target, 'import', 'x.ann')).code, 2);
		assert.equal((await cli(target, 'import', '--format', 'brat')).code, 2);
		assert.equal((await cli(target, 'import', '--format', 'brat', 'missing')).code, 2);
	});
});

void describe('crosscheck agreement', () => {
	/** Two annotators' review files for the same article, each in its own annotations folder, and the corpus apart. */
	async function stores(): Promise<{ corpus: string; a: string; b: string }> {
		const { text, spans } = marked('[[Ann]] met [[Bob]] in [[Rome]] [[today]].\n');
		const [ann, bob, rome, today] = spans;
		const review = (entries: [typeof ann, string][]): string =>
			entries.reduce(
				(yaml, [span, label]) => upsertAnnotation(yaml, 'x.txt', { label, anchor: makeAnchor(text, span!) }, () => false)!,
				'',
			);
		const corpus = await tempCorpus({ 'x.txt': text, 'y.txt': 'Nothing here.\n' });
		const a = await tempCorpus({
			'x.txt.yaml': review([
				[ann, 'person'],
				[bob, 'person'],
				[rome, 'place'],
			]),
			'y.txt.yaml': 'annotations: []\n',
		});
		const b = await tempCorpus({
			'x.txt.yaml': review([
				[ann, 'person'],
				[bob, 'place'],
				[rome, 'place'],
				[today, 'date'],
			]),
		});
		return { corpus, a, b };
	}

	void it('reports kappa and span scores per label and overall (hand-computed in the core test), and one-sided articles', async () => {
		const { corpus, a, b } = await stores();
		const result = await cli(corpus, 'agreement', a, b, '--corpus', '.', '--format', 'json');
		assert.equal(result.code, 0, result.stderr);
		const json = JSON.parse(result.stdout);
		assert.deepEqual(json.articles, { compared: ['x.txt'], onlyA: ['y.txt'], onlyB: [], skipped: [] });
		assert.equal(json.tokens, 7);
		assert.deepEqual(
			json.labels.map((l: any) => [l.label, l.a, l.b, l.matched]),
			[
				['date', 0, 1, 0],
				['person', 2, 1, 1],
				['place', 1, 2, 1],
			],
		);
		assert.ok(Math.abs(json.overall.kappa - 19 / 33) < 1e-12);
		assert.ok(Math.abs(json.overall.f1 - 4 / 7) < 1e-12);
		assert.equal(json.labels[0].recall, null);
		const text = await cli(corpus, 'agreement', a, b, '--corpus', '.');
		assert.match(text.stdout, /^overall +3 +4 +2 +50\.0 +66\.7 +57\.1 +0\.576$/m);
		assert.match(text.stdout, /^Only A annotated \(1\): y\.txt$/m);
	});

	void it('needs a corpus when neither store is in one, and two existing folders', async () => {
		const { corpus, a, b } = await stores();
		const result = await cli(corpus, 'agreement', a, b);
		assert.equal(result.code, 2);
		assert.match(result.stderr, /--corpus DIR/);
		assert.equal((await cli(corpus, 'agreement', a)).code, 2);
		assert.equal((await cli(corpus, 'agreement', a, 'nowhere', '--corpus', '.')).code, 2);
	});

	void it('reads each corpus root store with its own text, and leaves out an article whose texts differ', async () => {
		const one = await tempCorpus({
			'x.txt': 'Ann met Bob.\n',
			'.crosscheck/annotations/x.txt.yaml': 'annotations:\n  - label: person\n    text: Ann\n',
		});
		const two = await tempCorpus({
			'x.txt': 'Ann met Bo.\n',
			'.crosscheck/annotations/x.txt.yaml': 'annotations:\n  - label: person\n    text: Ann\n',
		});
		const result = await cli(one, 'agreement', one, two);
		assert.equal(result.code, 2);
		assert.match(result.stderr, /x\.txt: the two corpora's texts differ \(first at line 1, column 11\); left out\./);
		const same = await cli(one, 'agreement', one, path.join(one, '.crosscheck/annotations'));
		assert.equal(same.code, 0);
		assert.match(same.stdout, /^person +1 +1 +1 +100\.0 +100\.0 +100\.0 +1\.000$/m);
	});
});
