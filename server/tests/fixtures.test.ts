import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../src/cli/run';
import { repoRoot } from './helpers';

/*
 * Fixture folders: each holds articles (and optionally a crosscheck.yaml) and a committed
 * expected.json, the output of `crosscheck check --format json --explain` run inside the folder.
 * A missing expected.json is written; UPDATE_SNAPSHOTS=1 rewrites them all. Review the diff like code.
 */
const fixtures = path.join(repoRoot, 'server', 'tests', 'fixtures');

void describe('fixtures', () => {
	for (const name of readdirSync(fixtures).sort()) {
		void it(name, async () => {
			const dir = path.join(fixtures, name);
			let stdout = '';
			await run(['check', '--format', 'json', '--explain', '--fail-on', 'none'], {
				cwd: dir,
				stdout: (t) => (stdout += t),
				stderr: () => undefined,
				stderrIsTTY: false,
			});
			const expectedFile = path.join(dir, 'expected.json');
			if (!existsSync(expectedFile) || process.env.UPDATE_SNAPSHOTS === '1') {
				writeFileSync(expectedFile, stdout);
			}
			assert.deepEqual(JSON.parse(stdout), JSON.parse(readFileSync(expectedFile, 'utf8')));
		});
	}
});
