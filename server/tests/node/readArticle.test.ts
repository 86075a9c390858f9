import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeArticle, firstInvalidUtf8 } from '../../src/node/readArticle';

void describe('decodeArticle', () => {
	void it('decodes UTF-16 with a byte-order mark, little- and big-endian', () => {
		const text = 'Brücke gesperrt\r\n\r\nOfficials said so.';
		const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
		const be = new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
		for (const bytes of [le, be]) {
			const result = decodeArticle(bytes);
			assert.equal(result.kind, 'text');
			assert.equal(result.kind === 'text' && result.text, text);
		}
	});

	void it('drops a UTF-8 byte-order mark, as editors do', () => {
		const result = decodeArticle(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Bridge')]));
		assert.equal(result.kind === 'text' && result.text, 'Bridge');
	});

	void it('finds the first byte that is not UTF-8, including cut-off and overlong sequences', () => {
		assert.equal(firstInvalidUtf8(Buffer.from('plain é text')), -1);
		assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0xe9, 0x41])), 1);
		assert.equal(firstInvalidUtf8(new Uint8Array([0x41, 0xe2, 0x82])), 1);
		assert.equal(firstInvalidUtf8(new Uint8Array([0xc0, 0xaf])), 0);
		assert.equal(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80])), 0);
	});
});
