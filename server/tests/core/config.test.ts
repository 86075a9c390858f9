import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configSchema, parseConfig, parseSize, resolveOptions, ruleCatalog, STARTER_CONFIG } from '../../src/core';
import { lines, marked } from '../helpers';

/** Asserts that `source` (with `[[…]]` marking each expected problem) yields exactly those problems. */
function expectProblems(source: string, messages: RegExp[]): void {
	const { text, spans } = marked(source);
	const { problems } = parseConfig(text);
	assert.deepEqual(
		problems.map((p) => text.slice(p.start, p.end)),
		spans.map((s) => s.text),
	);
	messages.forEach((re, i) => assert.match(problems[i]!.message, re));
}

void describe('parseConfig', () => {
	void it('accepts the starter file and an empty file with no problems', () => {
		assert.deepEqual(parseConfig(STARTER_CONFIG).problems, []);
		assert.deepEqual(parseConfig('').problems, []);
		assert.deepEqual(parseConfig('# only a comment\n').problems, []);
	});

	void it('reads every section into options', () => {
		const parsed = parseConfig(
			lines(
				'include: ["articles/**/*.txt"]',
				'exclude: ["drafts/**"]',
				'maxFileSize: 500 KB',
				'rules:',
				'  vague-attribution: warning',
				'attribution:',
				'  vaguePhrases: ["people familiar with the matter"]',
				'documents:',
				'  ./articles/a.txt:',
				'    outlet: Fenwick Post',
				'    published: 2025-03-04',
			),
		);
		assert.deepEqual(parsed.problems, []);
		assert.deepEqual(parsed.options, {
			include: ['articles/**/*.txt'],
			exclude: ['drafts/**'],
			maxFileSize: 500 * 1024,
			rules: { 'vague-attribution': 'warning' },
			vaguePhrases: ['people familiar with the matter'],
		});
		assert.deepEqual(parsed.documents, { 'articles/a.txt': { outlet: 'Fenwick Post', published: '2025-03-04' } });
	});

	void it('reports a YAML syntax error and applies nothing', () => {
		const { text } = marked('rules:\n  vague-attribution: [warning\n');
		const parsed = parseConfig(text);
		assert.equal(parsed.problems.length > 0, true);
		assert.match(parsed.problems[0]!.message, /not valid YAML/);
		assert.deepEqual(parsed.options, {});
	});

	void it('points at an unknown rule id with a suggestion, and keeps the valid rules', () => {
		expectProblems(lines('rules:', '  [[vague-atribution]]: warning', '  file-skipped: off'), [
			/Unknown rule id "vague-atribution" \(did you mean "vague-attribution"\?\)/,
		]);
		assert.deepEqual(parseConfig(lines('rules:', '  vague-atribution: warning', '  file-skipped: off')).options.rules, {
			'file-skipped': 'off',
		});
	});

	void it('points at a bad level, a bad type and an unknown key', () => {
		expectProblems(lines('rules:', '  vague-attribution: [[loud]]', 'include: [[articles]]', '[[inclde]]: []'), [
			/must be one of error, warning, information, hint, off/,
			/must be a list/,
			/Unknown key "inclde".*did you mean "include"/,
		]);
	});

	void it('rejects a size it cannot read and a date that is not one', () => {
		expectProblems(lines('maxFileSize: [[huge]]', 'documents:', '  a.txt:', '    published: [[soon]]'), [
			/whole number or text/,
			/not a date/,
		]);
	});

	void it('treats a top level that is not a mapping as a problem and uses the defaults', () => {
		const parsed = parseConfig('- just\n- a list\n');
		assert.match(parsed.problems[0]!.message, /must be a mapping/);
		assert.deepEqual(parsed.options, {});
	});

	void it('lists exactly the configurable rule ids in the schema', () => {
		const schemaIds = (configSchema.definitions!.ruleId!.enum as string[]).slice().sort();
		const configurable = [...ruleCatalog.values()]
			.filter((r) => r.configurable)
			.map((r) => r.id)
			.sort();
		assert.deepEqual(schemaIds, configurable);
	});
});

void describe('parseSize and resolveOptions', () => {
	void it('reads sizes with units', () => {
		assert.equal(parseSize(1000), 1000);
		assert.equal(parseSize('2 MB'), 2 * 1024 * 1024);
		assert.equal(parseSize('1.5kb'), 1536);
		assert.equal(parseSize('big'), undefined);
		assert.equal(parseSize(-1), undefined);
	});

	void it('layers options: later layers win, rules merge by key', () => {
		const options = resolveOptions({ rules: { a: 'warning', b: 'off' }, maxFileSize: 10 }, { rules: { b: 'hint' } });
		assert.deepEqual(options.rules, { a: 'warning', b: 'hint' });
		assert.equal(options.maxFileSize, 10);
		assert.deepEqual(options.include, resolveOptions().include);
	});
});
