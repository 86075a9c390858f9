import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../src/core';

void describe('LineIndex', () => {
	void it('counts \\n, \\r\\n and a lone \\r as line breaks, like the LSP', () => {
		const index = new LineIndex('a\nbb\r\nccc\rd');
		assert.equal(index.lineCount, 4);
		assert.deepEqual(index.positionAt(2), { line: 1, character: 0 });
		assert.deepEqual(index.positionAt(6), { line: 2, character: 0 });
		assert.deepEqual(index.positionAt(10), { line: 3, character: 0 });
		assert.equal(index.offsetAt({ line: 2, character: 1 }), 7);
	});

	void it('counts columns in UTF-16 code units', () => {
		const index = new LineIndex('😀 é\nx');
		assert.deepEqual(index.positionAt(3), { line: 0, character: 3 });
		assert.deepEqual(index.positionAt(5), { line: 1, character: 0 });
	});

	void it('clamps positions past a line end and offsets past the text', () => {
		const index = new LineIndex('ab\r\ncd');
		assert.equal(index.offsetAt({ line: 0, character: 99 }), 2);
		assert.equal(index.offsetAt({ line: 9, character: 0 }), 6);
		assert.deepEqual(index.positionAt(99), { line: 1, character: 2 });
		assert.deepEqual(index.positionAt(-3), { line: 0, character: 0 });
	});

	void it('handles the empty text', () => {
		const index = new LineIndex('');
		assert.equal(index.lineCount, 1);
		assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
	});
});
