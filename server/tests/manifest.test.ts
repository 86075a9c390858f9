import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ENTITY_TYPES, ruleCatalog } from '../src/core';
import { semanticTokensLegend } from '../src/lsp/features/entities';
import { defaultSettings, readSettings } from '../src/lsp/settings';
import { VERSION } from '../src/version';
import { repoRoot } from './helpers';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

void describe('package.json manifest', () => {
	const properties = manifest.contributes.configuration.properties as Record<
		string,
		{ default: unknown; propertyNames?: { enum: string[] } }
	>;

	void it('declares exactly the settings the server reads, with the same defaults', () => {
		const flatten = (value: Record<string, unknown>, prefix: string): Record<string, unknown> =>
			Object.fromEntries(
				Object.entries(value).flatMap(([k, v]) =>
					typeof v === 'object' && v !== null && !Array.isArray(v) && (k === 'trace' || k === 'review')
						? Object.entries(flatten(v as Record<string, unknown>, `${prefix}${k}.`))
						: [[`${prefix}${k}`, v]],
				),
			);
		const expected = flatten(defaultSettings as unknown as Record<string, unknown>, 'crosscheck.');
		const declared = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, v.default]));
		assert.deepEqual(declared, expected);
		assert.deepEqual(readSettings(undefined), defaultSettings);
	});

	void it('offers every configurable rule id in crosscheck.rules', () => {
		const ids = [...ruleCatalog.values()]
			.filter((r) => r.configurable)
			.map((r) => r.id)
			.sort();
		assert.deepEqual(properties['crosscheck.rules']!.propertyNames!.enum.slice().sort(), ids);
	});

	void it('declares a semantic token type for every entity type the server sends', () => {
		const declared = manifest.contributes.semanticTokenTypes.map((t: { id: string }) => t.id);
		assert.deepEqual(declared, [...ENTITY_TYPES]);
		assert.deepEqual(semanticTokensLegend.tokenTypes, [...ENTITY_TYPES]);
	});

	void it('has the version the CLI and server report', () => {
		assert.equal(manifest.version, VERSION);
	});

	void it('declares exactly the commands and views the client registers, and menus only name declared commands', () => {
		const clientDir = path.join(repoRoot, 'client', 'src');
		const source = readdirSync(clientDir)
			.filter((f) => f.endsWith('.ts'))
			.map((f) => readFileSync(path.join(clientDir, f), 'utf8'))
			.join('\n');
		const registered = [...source.matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]!).sort();
		const declared = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
		assert.deepEqual(declared, registered);
		assert.ok(declared.includes('crosscheck.reviewFinding') && declared.includes('crosscheck.openFactSheet'));
		const views = Object.values(manifest.contributes.views as Record<string, { id: string }[]>)
			.flat()
			.map((v) => v.id)
			.sort();
		const provided = [...source.matchAll(/(?:registerTreeDataProvider|createTreeView)\(\s*'([^']+)'/g)].map((m) => m[1]!).sort();
		assert.deepEqual(views, provided);
		assert.deepEqual(views, ['crosscheck.annotations', 'crosscheck.attribution', 'crosscheck.entities', 'crosscheck.inconsistencies']);
		const menus = Object.values(manifest.contributes.menus as Record<string, { command: string }[]>).flat();
		for (const entry of menus) {
			assert.ok(declared.includes(entry.command), `menu entry for undeclared command ${entry.command}`);
		}
		assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
	});
});
