import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
	applyReview,
	articleOfReviewFile,
	decisionIsFor,
	makeAnchor,
	parseReviewFile,
	removeEntries,
	resolveAnchor,
	reviewFilePath,
	upsertAnnotation,
	upsertDecision,
	type Decision,
	type Finding,
} from '../../src/core';
import { lines, marked } from '../helpers';

const article = marked(
	lines(
		'Police said [[14]] people were hurt in Kestrava.',
		'A later statement said 14 people were hurt, and the mayor said 14 more were treated at home.',
	),
);
const span = article.spans[0]!;

void describe('text anchors', () => {
	void it('record the exact text, context on the same line and the offset', () => {
		const anchor = makeAnchor(article.text, span);
		assert.equal(anchor.exact, '14');
		assert.equal(anchor.prefix, 'Police said ');
		assert.equal(anchor.suffix, ' people were hurt in Kes');
		assert.equal(anchor.offset, span.start);
	});

	void it('find their occurrence again among repeats, by context', () => {
		const anchor = makeAnchor(article.text, span);
		assert.deepEqual(resolveAnchor(article.text, anchor), { start: span.start, end: span.end });
	});

	void it('follow the text after insertions before, inside the line and after', () => {
		const anchor = makeAnchor(article.text, span);
		const before = 'KESTRAVA (Wire) — ' + article.text;
		assert.equal(resolveAnchor(before, anchor)!.start, span.start + 'KESTRAVA (Wire) — '.length);
		const inside = article.text.replace('Police said', 'Police in the capital said');
		const found = resolveAnchor(inside, anchor)!;
		assert.equal(inside.slice(found.start, found.end), '14');
		assert.equal(found.start, inside.indexOf('14'));
		const after = article.text + '\nLater, 14 more were reported.';
		assert.equal(resolveAnchor(after, anchor)!.start, span.start);
	});

	void it('prefer the occurrence nearest the old offset when context cannot tell', () => {
		const text = 'a 14 b\na 14 b\na 14 b';
		const anchor = { exact: '14', prefix: 'zzz', suffix: 'yyy', offset: text.lastIndexOf('14') };
		assert.equal(resolveAnchor(text, anchor)!.start, text.lastIndexOf('14'));
	});

	void it('are orphaned when the text is gone', () => {
		const anchor = makeAnchor(article.text, span);
		assert.equal(resolveAnchor(article.text.replace(/14/g, 'fourteen'), anchor), undefined);
		assert.equal(resolveAnchor('', anchor), undefined);
	});
});

void describe('review file paths', () => {
	void it('map an article to its review file and back', () => {
		assert.equal(reviewFilePath('wires/a.txt'), '.crosscheck/annotations/wires/a.txt.yaml');
		assert.equal(articleOfReviewFile('.crosscheck/annotations/wires/a.txt.yaml'), 'wires/a.txt');
		assert.equal(articleOfReviewFile('.crosscheck/annotations/.yaml'), undefined);
		assert.equal(articleOfReviewFile('wires/a.txt.yaml'), undefined);
	});
});

const finding = (start: number, end: number, ruleId = 'figure-conflict'): Finding => ({
	ruleId,
	severity: 'warning',
	message: 'Figures differ.',
	start,
	end,
});

function decide(yaml: string, decision: Omit<Decision, 'anchor'>, at: { start: number; end: number } = span): string {
	const full: Decision = { ...decision, anchor: makeAnchor(article.text, at) };
	const out = upsertDecision(yaml, 'wires/a.txt', full, (d) => decisionIsFor(article.text, d, decision.rule, at));
	assert.ok(out !== undefined);
	return out;
}

void describe('review files', () => {
	void it('start with a header and keep one readable block per decision', () => {
		const yaml = decide('', {
			rule: 'figure-conflict',
			status: 'dismissed',
			reason: 'The later statement corrects it.',
			date: '2026-11-21',
		});
		assert.match(yaml, /^# Crosscheck review of wires\/a\.txt/);
		assert.match(
			yaml,
			/version: 1\narticle: wires\/a\.txt\nfindings:\n {2}- rule: figure-conflict\n {4}status: dismissed\n {4}reason: The later/,
		);
		const file = parseReviewFile(yaml);
		assert.deepEqual(file.problems, []);
		assert.equal(file.decisions.length, 1);
		assert.deepEqual(file.decisions[0], {
			rule: 'figure-conflict',
			status: 'dismissed',
			reason: 'The later statement corrects it.',
			date: '2026-11-21',
			anchor: makeAnchor(article.text, span),
		});
	});

	void it('replace a decision in place, keeping comments, and insert others in text order', () => {
		let yaml = decide('', { rule: 'figure-conflict', status: 'open', note: 'Check with the desk.' });
		yaml = yaml.replace('findings:\n', 'findings:\n  # Asked the desk on Monday.\n');
		yaml = decide(yaml, { rule: 'figure-conflict', status: 'confirmed', note: 'The desk agrees.' });
		assert.match(yaml, /# Asked the desk on Monday\.\n {2}- rule: figure-conflict\n {4}status: confirmed/);
		assert.equal(parseReviewFile(yaml).decisions.length, 1);
		const earlier = { start: 0, end: 'Police'.length };
		yaml = decide(yaml, { rule: 'vague-attribution', status: 'dismissed', reason: 'Named later.' }, earlier);
		const decisions = parseReviewFile(yaml).decisions;
		assert.deepEqual(
			decisions.map((d) => d.rule),
			['vague-attribution', 'figure-conflict'],
		);
	});

	void it('remove entries and keep the rest', () => {
		let yaml = decide('', { rule: 'figure-conflict', status: 'confirmed' });
		yaml = decide(yaml, { rule: 'vague-attribution', status: 'confirmed' }, { start: 0, end: 6 });
		const out = removeEntries(yaml, 'findings', (e) => 'rule' in e && e.rule === 'figure-conflict');
		assert.deepEqual(
			parseReviewFile(out!).decisions.map((d) => d.rule),
			['vague-attribution'],
		);
	});

	void it('keep annotations in their own section', () => {
		const anchor = makeAnchor(article.text, { start: 0, end: 6 });
		const yaml = upsertAnnotation('', 'wires/a.txt', { label: 'needs-source', note: 'Which police?', anchor }, () => false);
		const file = parseReviewFile(yaml!);
		assert.deepEqual(file.annotations, [{ label: 'needs-source', note: 'Which police?', anchor }]);
		assert.deepEqual(file.decisions, []);
	});

	void it('report broken YAML with its place and refuse to rewrite it', () => {
		const broken = 'version: 1\nfindings:\n  - rule: x\n    status: [confirmed\n';
		const file = parseReviewFile(broken, 'wires/a.txt.yaml');
		assert.equal(file.writable, false);
		assert.equal(file.problems.length > 0, true);
		assert.match(file.problems[0]!.message, /^wires\/a\.txt\.yaml is not valid YAML/);
		assert.equal(decideOrUndefined(broken), undefined);
		assert.equal(
			removeEntries(broken, 'findings', () => true),
			undefined,
		);
	});

	void it('report an invalid entry at its place and still apply the others', () => {
		const source = lines(
			'version: 1',
			'findings:',
			'  - rule: figure-conflict',
			'    status: [[maybe]]',
			'    text: "14"',
			'  - rule: vague-attribution',
			'    status: confirmed',
			'    text: Police',
			'',
		);
		const { text, spans } = marked(source);
		const file = parseReviewFile(text);
		assert.deepEqual(
			file.problems.map((p) => text.slice(p.start, p.end)),
			spans.map((s) => s.text),
		);
		assert.deepEqual(
			file.decisions.map((d) => d.rule),
			['vague-attribution'],
		);
		assert.equal(file.writable, true);
	});

	void it('treat an empty file or one with only comments as empty', () => {
		assert.deepEqual(parseReviewFile('').decisions, []);
		assert.deepEqual(parseReviewFile('# nothing yet\n').problems, []);
		const yaml = decide('# nothing yet\n', { rule: 'figure-conflict', status: 'confirmed' });
		assert.match(yaml, /^# nothing yet\n/);
		assert.equal(parseReviewFile(yaml).decisions.length, 1);
	});
});

function decideOrUndefined(yaml: string): string | undefined {
	const anchor = makeAnchor(article.text, span);
	return upsertDecision(yaml, 'wires/a.txt', { rule: 'figure-conflict', status: 'confirmed', anchor }, () => false);
}

void describe('applyReview', () => {
	const yaml = decide(
		decide('', { rule: 'figure-conflict', status: 'dismissed', reason: 'Corrected later.' }),
		{
			rule: 'vague-attribution',
			status: 'confirmed',
			note: 'Which police force?',
		},
		{ start: 0, end: 6 },
	);
	const file = parseReviewFile(yaml);

	void it('gives each finding the decision on its rule and text, after edits', () => {
		const edited = 'KESTRAVA — ' + article.text;
		const shift = 'KESTRAVA — '.length;
		const applied = applyReview(
			edited,
			[finding(span.start + shift, span.end + shift), finding(shift, shift + 6, 'vague-attribution')],
			file,
		);
		assert.deepEqual(
			applied.findings.map((f) => f.review),
			[
				{ status: 'dismissed', reason: 'Corrected later.' },
				{ status: 'confirmed', note: 'Which police force?' },
			],
		);
		assert.deepEqual(applied.orphans, []);
	});

	void it('does not give a decision to another rule or another occurrence', () => {
		const second = article.text.indexOf('14', span.end);
		const applied = applyReview(article.text, [finding(span.start, span.end, 'figure-divergence'), finding(second, second + 2)], file);
		assert.deepEqual(
			applied.findings.map((f) => f.review),
			[undefined, undefined],
		);
		assert.deepEqual(
			applied.settled.map((d) => d.rule),
			['vague-attribution', 'figure-conflict'],
		);
	});

	void it('orphans a decision whose text was deleted, and keeps it', () => {
		const edited = article.text.replace(/\b14\b/g, 'fifteen');
		const applied = applyReview(edited, [], file);
		assert.deepEqual(
			applied.orphans.map((o) => [o.kind, o.index, o.entry.anchor.exact]),
			[['decision', 1, '14']],
		);
		assert.deepEqual(
			applied.settled.map((d) => d.rule),
			['vague-attribution'],
		);
	});

	void it('places annotations and orphans the lost ones', () => {
		const withLabels = parseReviewFile(
			upsertAnnotation(yaml, 'wires/a.txt', { label: 'claim', anchor: makeAnchor(article.text, { start: 0, end: 6 }) }, () => false)!,
		);
		const applied = applyReview(article.text, [], withLabels);
		assert.deepEqual(
			applied.annotations.map((a) => [a.start, a.end, a.annotation.label]),
			[[0, 6, 'claim']],
		);
		assert.deepEqual(applyReview(article.text.replace('Police', 'Officers'), [], withLabels).annotations, []);
	});
});
