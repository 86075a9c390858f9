import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
	CodePointIndex,
	computeAgreement,
	formatBrat,
	formatJsonlLine,
	formatWebAnnotations,
	fromBratLabel,
	makeAnchor,
	mergeAnnotations,
	parseBrat,
	parseJsonlLine,
	parseReviewFile,
	resolveAnchor,
	toBratLabel,
	tokenSpans,
	type ArticleAnnotations,
	type SpanAnnotation,
} from '../../src/core';
import { marked } from '../helpers';

/** Python-style slicing by code points, the way brat and doccano read their offsets. */
function codePointSlice(text: string, start: number, end: number): string {
	return Array.from(text).slice(start, end).join('');
}

/** An article written for the tests, with accents, CJK, an emoji outside the BMP and CRLF line ends. */
const SOURCE =
	'[[Café]] owner meets [[東京]] envoy\r\n\r\nThe envoy 😀 [[Ana Lima]] said [[12 stalls]] had closed.\r\nIt was 😀😀 [[Ana Lima]] again.\r\n';

function sample(): ArticleAnnotations {
	const { text, spans } = marked(SOURCE);
	const labels = ['place', 'place', 'person', 'claim', 'person'];
	const annotations: SpanAnnotation[] = spans.map((s, i) => ({
		start: s.start,
		end: s.end,
		label: i === 3 ? 'check later' : labels[i]!,
		...(i === 3 ? { note: 'Which market?\nAsk the desk.', by: 'Dana', date: '2026-03-04' } : {}),
	}));
	const orphan = { label: 'needs-source', anchor: { exact: 'a vanished line', prefix: 'before ', suffix: '', offset: 9 } };
	return { path: 'wires/a.txt', text, annotations, orphans: [orphan] };
}

void describe('code-point offsets', () => {
	void it('converts UTF-16 offsets to code points and back around surrogate pairs', () => {
		const text = 'a😀b東\r\n😀c';
		const index = new CodePointIndex(text);
		assert.equal(index.length, Array.from(text).length);
		for (let cp = 0; cp <= index.length; cp++) {
			const utf16 = index.toUtf16(cp);
			assert.equal(Array.from(text).slice(0, cp).join('').length, utf16);
			assert.equal(index.toCodePoint(utf16), cp);
		}
		// Inside a pair counts as its start.
		assert.equal(index.toCodePoint(2), 1);
	});
});

void describe('brat standoff', () => {
	void it('escapes labels brat forbids reversibly and keeps plain ones', () => {
		for (const label of ['person', 'needs-source', 'check later', 'a_b', 'zeugin/zeuge', 'überprüfen', '😀']) {
			assert.match(toBratLabel(label), /^[A-Za-z0-9_-]+$/);
			assert.equal(fromBratLabel(toBratLabel(label)), label);
		}
		assert.equal(toBratLabel('needs-source'), 'needs-source');
		assert.equal(toBratLabel('check later'), 'check_20_later');
		assert.equal(toBratLabel('a_b'), 'a__b');
		// A type made in brat itself, with an underscore that starts no escape, is kept.
		assert.equal(fromBratLabel('Positive_regulation'), 'Positive_regulation');
	});

	void it('writes code-point offsets, notes, authors and dates, and reads them back', () => {
		const article = sample();
		const ann = formatBrat(article);
		const t = ann.split('\n').filter((l) => l.startsWith('T'));
		assert.equal(t.length, 5);
		for (const line of t) {
			const [, typeAndSpan, text] = line.split('\t') as [string, string, string];
			const [, start, end] = typeAndSpan.split(' ');
			assert.equal(codePointSlice(article.text, Number(start), Number(end)), text);
		}
		assert.match(
			ann,
			/^T4\tcheck_20_later \d+ \d+\t12 stalls\n#1\tAnnotatorNotes T4\tWhich market\?\\nAsk the desk\.\n#2\tCrosscheckBy T4\tDana\n/m,
		);
		const back = parseBrat(ann, article.text);
		assert.deepEqual(back.problems, []);
		assert.deepEqual(back.annotations, article.annotations);
	});

	void it('reports malformed lines, wrong text and spans past the end at their line, and skips what it cannot hold', () => {
		const text = 'Ana Lima said so.\n';
		const ann = [
			'T1\tperson 0 8\tAna Lima',
			'T2\tperson 0 3\tBob',
			'T3\tperson 10 99\tx',
			'T4\tperson 0 3;5 8\tAna Lima',
			'R1\tSaid Arg1:T1 Arg2:T1',
			'garbage',
			'#1\tAnnotatorNotes T7\tlost',
		].join('\n');
		const result = parseBrat(ann, text);
		assert.deepEqual(
			result.problems.map((p) => [p.line, p.severity]),
			[
				[2, 'error'],
				[3, 'error'],
				[6, 'error'],
				[7, 'error'],
				[4, 'warning'],
				[0, 'warning'],
			],
		);
		assert.match(result.problems[0]!.message, /T2: its text "Bob" is not the text at 0–3 in the \.txt \("Ana"\)/);
		assert.match(result.problems[1]!.message, /past the end of the text \(18 code points\)/);
		assert.match(result.problems[5]!.message, /1 relation/);
		assert.deepEqual(result.annotations, [{ start: 0, end: 8, label: 'person' }]);
	});

	void it('writes a span over a line break with spaces in its text field, and reads it back', () => {
		const { text, spans } = marked('One [[long\r\nline]] here\n');
		const article = { path: 'a.txt', text, annotations: [{ start: spans[0]!.start, end: spans[0]!.end, label: 'claim' }], orphans: [] };
		const ann = formatBrat(article);
		assert.equal(ann, 'T1\tclaim 4 14\tlong  line\n');
		assert.deepEqual(parseBrat(ann, text).annotations, article.annotations);
	});
});

void describe('doccano-style JSONL', () => {
	void it('writes code-point offsets, the file, notes and orphans, and reads them back', () => {
		const article = sample();
		const line = formatJsonlLine(article);
		const json = JSON.parse(line) as { text: string; label: [number, number, string][]; file: string };
		assert.equal(json.text, article.text);
		assert.equal(json.file, 'wires/a.txt');
		assert.deepEqual(
			json.label.map(([s, e, l]) => [codePointSlice(json.text, s, e), l]),
			[
				['Café', 'place'],
				['東京', 'place'],
				['Ana Lima', 'person'],
				['12 stalls', 'check later'],
				['Ana Lima', 'person'],
			],
		);
		const back = parseJsonlLine(line, 3);
		assert.deepEqual(back.problems, []);
		assert.equal(back.path, 'wires/a.txt');
		assert.deepEqual(back.annotations, article.annotations);
		assert.deepEqual(back.orphans, article.orphans);
	});

	void it('writes and reads UTF-16 offsets on request, for tools that count them', () => {
		const article = sample();
		const line = formatJsonlLine(article, 'utf-16');
		const json = JSON.parse(line) as { text: string; label: [number, number, string][] };
		assert.deepEqual(
			json.label.map(([s, e]) => json.text.slice(s, e)),
			['Café', '東京', 'Ana Lima', '12 stalls', 'Ana Lima'],
		);
		assert.deepEqual(parseJsonlLine(line, 1, 'utf-16').annotations, article.annotations);
		// Read as code points, the same numbers land elsewhere after the emoji.
		assert.notDeepEqual(parseJsonlLine(line, 1).annotations, article.annotations);
	});

	void it('reports bad lines with their line number', () => {
		assert.deepEqual(
			parseJsonlLine('{"text": "abc", "label": [[0, 2, "x"]]', 7).problems.map((p) => [p.line, p.severity]),
			[[7, 'error']],
		);
		assert.match(parseJsonlLine('{"text": "abc", "label": []}', 1).problems[0]!.message, /no "file"/);
		const bad = parseJsonlLine('{"text": "abc", "file": "a.txt", "label": [[0, 9, "x"], [2, 1, "y"], ["0", 1, "z"], [0, 1, "ok"]]}', 2);
		assert.equal(bad.problems.length, 3);
		assert.deepEqual(bad.annotations, [{ start: 0, end: 1, label: 'ok' }]);
		// Doccano's older "labels" key and metadata holding the file are read too.
		const old = parseJsonlLine('{"text": "a😀b", "labels": [[1, 2, "x"]], "meta": {"file": "b.txt"}}', 1);
		assert.equal(old.path, 'b.txt');
		assert.deepEqual(old.annotations, [{ start: 1, end: 3, label: 'x' }]);
	});
});

void describe('W3C Web Annotation', () => {
	void it('writes quote and code-point position selectors, and orphans with their recorded quote only', () => {
		const article = sample();
		const collection = formatWebAnnotations([article]) as { total: number; first: { items: Record<string, any>[] } };
		assert.equal(collection.total, 6);
		const items = collection.first.items;
		const lima = items[2]!;
		const [quote, position] = lima.target.selector as [{ exact: string; prefix: string }, { start: number; end: number }];
		assert.equal(lima.target.source, 'wires/a.txt');
		assert.equal(quote.exact, 'Ana Lima');
		assert.equal(quote.prefix, 'The envoy 😀 ');
		assert.equal(codePointSlice(article.text, position.start, position.end), 'Ana Lima');
		const noted = items[3]!;
		assert.deepEqual(noted.body, [
			{ type: 'TextualBody', purpose: 'tagging', value: 'check later' },
			{ type: 'TextualBody', purpose: 'commenting', value: 'Which market?\nAsk the desk.' },
		]);
		assert.deepEqual(noted.creator, { type: 'Person', name: 'Dana' });
		assert.equal(noted.created, '2026-03-04T00:00:00Z');
		assert.deepEqual(items[5]!.target.selector, { type: 'TextQuoteSelector', exact: 'a vanished line', prefix: 'before ' });
	});
});

void describe('merging imported annotations', () => {
	void it('never adds the same label on the same span twice; fills in what an entry lacks, keeps what it has', () => {
		const { text, spans } = marked('[[Ana Lima]] met [[Bo Chen]].\n');
		const first = mergeAnnotations('', 'a.txt', text, { annotations: [{ ...spans[0]!, label: 'person' }], orphans: [], problems: [] }, {});
		assert.equal(first.added, 1);
		const again = mergeAnnotations(
			first.yaml!,
			'a.txt',
			text,
			{
				annotations: [
					{ ...spans[0]!, label: 'person', note: 'Spelling checked.' },
					{ ...spans[0]!, label: 'claim' },
					{ ...spans[1]!, label: 'person', by: 'Lee' },
				],
				orphans: [],
				problems: [],
			},
			{ by: 'Importer', date: '2026-05-06' },
		);
		assert.deepEqual([again.added, again.completed, again.unchanged], [2, 1, 0]);
		const review = parseReviewFile(again.yaml!);
		assert.deepEqual(
			review.annotations.map((a) => [a.label, a.anchor.exact, a.note, a.by, a.date]),
			[
				['person', 'Ana Lima', 'Spelling checked.', 'Importer', '2026-05-06'],
				['claim', 'Ana Lima', undefined, 'Importer', '2026-05-06'],
				['person', 'Bo Chen', undefined, 'Lee', '2026-05-06'],
			],
		);
		const conflict = mergeAnnotations(
			again.yaml!,
			'a.txt',
			text,
			{ annotations: [{ ...spans[0]!, label: 'person', note: 'Another note.' }], orphans: [], problems: [] },
			{},
		);
		assert.equal(conflict.yaml, again.yaml);
		assert.equal(conflict.conflicts.length, 1);
		assert.equal(resolveAnchor(text, makeAnchor(text, spans[1]!))?.start, spans[1]!.start);
	});
});

void describe('agreement', () => {
	void it('matches a hand calculation of kappa and span scores', () => {
		// Tokens: Ann | met | Bob | in | Rome | today | .  (7)
		// A: person Ann, person Bob, place Rome.   B: person Ann, place Bob, place Rome, date today.
		// Categories A: person none person none place none none; B: person none place none place date none.
		// Overall: pₒ = 5/7; marginals A person 2, place 1, none 4; B person 1, place 2, date 1, none 3;
		//   pₑ = (2·1 + 1·2 + 4·3)/49 = 16/49; κ = (35/49 − 16/49)/(33/49) = 19/33.
		// person: both 1, only A 1, neither 5: pₒ = 6/7, pₑ = (2/7)(1/7) + (5/7)(6/7) = 32/49, κ = (42 − 32)/(49 − 32) = 10/17.
		// place: both 1, only B 1, neither 5: κ = 10/17 likewise. date: only B 1: pₒ = 6/7, pₑ = 0 + 1·(6/7) = 6/7, κ = 0.
		// Spans: person A 2, B 1, matched 1 (P 1, R 1/2, F1 2/3); place A 1, B 2, matched 1 (P 1/2, R 1, F1 2/3);
		//   date A 0, B 1 (P 0, R undefined, F1 0); micro A 3, B 4, matched 2: P 1/2, R 2/3, F1 4/7.
		const { text, spans } = marked('[[Ann]] met [[Bob]] in [[Rome]] [[today]].');
		const [ann, bob, rome, today] = spans.map(({ start, end }) => ({ start, end })) as [any, any, any, any];
		const report = computeAgreement([
			{
				text,
				a: [
					{ ...ann, label: 'person' },
					{ ...bob, label: 'person' },
					{ ...rome, label: 'place' },
				],
				b: [
					{ ...ann, label: 'person' },
					{ ...bob, label: 'place' },
					{ ...rome, label: 'place' },
					{ ...today, label: 'date' },
				],
			},
		]);
		assert.equal(report.tokens, 7);
		const close = (actual: number | null, expected: number | null): void =>
			expected === null ? assert.equal(actual, null) : assert.ok(Math.abs(actual! - expected) < 1e-12, `${actual} ≠ ${expected}`);
		close(report.overall.kappa, 19 / 33);
		close(report.labels.get('person')!.kappa, 10 / 17);
		close(report.labels.get('place')!.kappa, 10 / 17);
		close(report.labels.get('date')!.kappa, 0);
		const person = report.labels.get('person')!;
		assert.deepEqual([person.a, person.b, person.matched], [2, 1, 1]);
		close(person.precision, 1);
		close(person.recall, 1 / 2);
		close(person.f1, 2 / 3);
		const date = report.labels.get('date')!;
		close(date.precision, 0);
		close(date.recall, null);
		close(date.f1, 0);
		close(report.overall.precision, 1 / 2);
		close(report.overall.recall, 2 / 3);
		close(report.overall.f1, 4 / 7);
	});

	void it('gives kappa 1 for identical labels, and none when both leave every token unlabelled', () => {
		const { text, spans } = marked('The [[harbour board]] met, then [[the board]] voted.');
		const same = spans.map((s) => ({ start: s.start, end: s.end, label: 'organization' }));
		assert.equal(computeAgreement([{ text, a: same, b: same }]).overall.kappa, 1);
		const empty = computeAgreement([{ text, a: [], b: [] }]);
		assert.equal(empty.overall.kappa, null);
		assert.equal(empty.overall.f1, null);
	});

	void it('tokenises runs of letters and digits, and other characters one by one', () => {
		const text = 'Café 東京, 12% 😀';
		assert.deepEqual(
			tokenSpans(text).map((s) => text.slice(s.start, s.end)),
			['Café', '東京', ',', '12', '%', '😀'],
		);
	});
});
