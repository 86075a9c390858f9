import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addAliasToConfig, parseConfig } from '../../src/core';
import { aliasWordPairs } from '../../src/core/rules/name-variant';

void describe('addAliasToConfig', () => {
	void it('creates the sections it needs and keeps comments and other settings', () => {
		assert.equal(addAliasToConfig('', 'Gulen', 'Gulden'), 'entities:\n  aliases:\n    Gulen:\n      - Gulden\n');
		const kept = addAliasToConfig('# Team config\nrules:\n  entity: off # quiet\n', 'Gulen', 'Gulden')!;
		assert.equal(kept, '# Team config\nrules:\n  entity: off # quiet\nentities:\n  aliases:\n    Gulen:\n      - Gulden\n');
		assert.deepEqual(parseConfig(kept).problems, []);
		assert.deepEqual(parseConfig(kept).options.entityAliases, { Gulen: ['Gulden'] });
	});

	void it('appends to an existing group and changes nothing when the alias is declared', () => {
		const block = 'entities:\n  aliases:\n    Gulen:\n      - Gulden\n';
		assert.equal(addAliasToConfig(block, 'Gulen', 'Gülen'), 'entities:\n  aliases:\n    Gulen:\n      - Gulden\n      - Gülen\n');
		assert.equal(addAliasToConfig(block, 'Gulen', 'Gulden'), block);
		assert.equal(
			addAliasToConfig('entities:\n  aliases:\n    Gulden: [Gulen]\n', 'Gulen', 'Gulden'),
			'entities:\n  aliases:\n    Gulden: [Gulen]\n',
		);
	});

	void it('refuses files it cannot edit safely', () => {
		assert.equal(addAliasToConfig('entities: [\n', 'a', 'b'), undefined);
		assert.equal(addAliasToConfig('entities: [1]\n', 'a', 'b'), undefined);
		assert.equal(addAliasToConfig('- a list\n', 'a', 'b'), undefined);
		assert.equal(addAliasToConfig('entities:\n  aliases:\n    Gulen: one\n', 'Gulen', 'Gulden'), undefined);
	});
});

void describe('aliasWordPairs', () => {
	void it('pairs the words two declared names spell differently, by position', () => {
		const pairs = aliasWordPairs({ 'Fethullah Gulen': ['Fetullah Gulen'], Daesh: ['Islamic State'] });
		assert.ok(pairs.has('fethullah\u0000fetullah'));
		assert.ok(!pairs.has('gulen\u0000gulen'));
		assert.ok(pairs.has('daesh\u0000islamic') && pairs.has('daesh\u0000state'));
	});
});
