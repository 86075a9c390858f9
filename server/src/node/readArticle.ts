import { closeSync, fstatSync, openSync, promises as fs, readSync } from 'node:fs';
import type { Finding } from '../core';

/** The outcome of reading an article from disk. */
export type ReadResult =
	| { readonly kind: 'text'; readonly text: string; readonly problems: readonly Finding[] }
	| { readonly kind: 'skipped'; readonly problems: readonly Finding[]; readonly reason: string };

/** Formats a byte count for messages ("50.0 MB"). */
export function formatSize(bytes: number): string {
	if (bytes >= 1024 * 1024) {
		return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
	}
	if (bytes >= 1024) {
		return `${(bytes / 1024).toFixed(1)} KB`;
	}
	return `${bytes} bytes`;
}

/** The finding for a file that is too large to analyse. Shared by the CLI and the server. */
export function tooLargeFinding(size: number, maxFileSize: number): Finding {
	return {
		ruleId: 'file-skipped',
		severity: 'information',
		start: 0,
		end: 0,
		message: `Not analysed: the file is ${formatSize(size)}, above the maximum of ${formatSize(maxFileSize)} (maxFileSize in crosscheck.yaml, crosscheck.maxFileSize in settings).`,
		data: { reason: 'too-large', size, maxFileSize },
	};
}

/**
 * Reads an article as text. Never throws for a file that exists: a file above `maxFileSize` is not
 * even read (its size comes from `stat`), a binary file is skipped, UTF-16 with a byte-order mark is
 * decoded, a UTF-8 byte-order mark is dropped (as editors do, so offsets agree), and invalid UTF-8
 * is decoded with U+FFFD in place of the bad bytes plus an `invalid-encoding` finding where the
 * first one was. Rejects only when the file cannot be read at all (missing, unreadable).
 */
export async function readArticle(path: string, maxFileSize: number): Promise<ReadResult> {
	const stat = await fs.stat(path);
	if (stat.size > maxFileSize) {
		return { kind: 'skipped', reason: 'too-large', problems: [tooLargeFinding(stat.size, maxFileSize)] };
	}
	const bytes = await fs.readFile(path);
	return decodeArticle(bytes);
}

/**
 * {@link readArticle} without the event loop, for the CLI, which has nothing else to do meanwhile:
 * one open, one fstat and one read per file.
 */
export function readArticleSync(path: string, maxFileSize: number): ReadResult {
	const fd = openSync(path, 'r');
	try {
		const size = fstatSync(fd).size;
		if (size > maxFileSize) {
			return { kind: 'skipped', reason: 'too-large', problems: [tooLargeFinding(size, maxFileSize)] };
		}
		const bytes = Buffer.allocUnsafe(size);
		let read = 0;
		while (read < size) {
			const n = readSync(fd, bytes, read, size - read, read);
			if (n === 0) {
				break;
			}
			read += n;
		}
		return decodeArticle(bytes.subarray(0, read));
	} finally {
		closeSync(fd);
	}
}

/** Decodes the bytes of an article; see {@link readArticle}. */
export function decodeArticle(bytes: Uint8Array): ReadResult {
	if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
		const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
		return { kind: 'text', text: new TextDecoder(encoding).decode(bytes), problems: [] };
	}
	const nul = bytes.subarray(0, 8192).indexOf(0);
	if (nul >= 0) {
		return {
			kind: 'skipped',
			reason: 'binary',
			problems: [
				{
					ruleId: 'file-skipped',
					severity: 'information',
					start: 0,
					end: 0,
					message: `Not analysed: the file looks binary (a NUL byte at byte ${nul}), not a text article.`,
					data: { reason: 'binary', byte: nul },
				},
			],
		};
	}
	const bad = firstInvalidUtf8(bytes);
	const text = new TextDecoder('utf-8').decode(bytes);
	if (bad < 0) {
		return { kind: 'text', text, problems: [] };
	}
	// The decoder drops a UTF-8 byte-order mark, so count characters the way it does.
	const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
	const start = prefix.length;
	let count = 0;
	for (let i = 0; i < text.length; i++) {
		if (text.charCodeAt(i) === 0xfffd) {
			count++;
		}
	}
	return {
		kind: 'text',
		text,
		problems: [
			{
				ruleId: 'invalid-encoding',
				severity: 'warning',
				start,
				end: start + 1,
				message: `The file is not valid UTF-8: byte ${bad} (0x${bytes[bad]!.toString(16).padStart(2, '0')}) cannot be decoded; ${count} character${count === 1 ? '' : 's'} shown as U+FFFD. Re-save the file as UTF-8.`,
				data: { byte: bad, replaced: count },
			},
		],
	};
}

/** The index of the first byte that is not part of valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	const n = bytes.length;
	while (i < n) {
		const b = bytes[i]!;
		if (b < 0x80) {
			i++;
			continue;
		}
		let need: number;
		let min: number;
		if (b >= 0xc2 && b <= 0xdf) {
			need = 1;
			min = 0x80;
		} else if (b >= 0xe0 && b <= 0xef) {
			need = 2;
			min = 0x800;
		} else if (b >= 0xf0 && b <= 0xf4) {
			need = 3;
			min = 0x10000;
		} else {
			return i;
		}
		if (i + need >= n) {
			// The sequence is cut off by the end of the file.
			return i;
		}
		let cp = b & (0x3f >> need);
		for (let k = 1; k <= need; k++) {
			const c = bytes[i + k];
			if (c === undefined || (c & 0xc0) !== 0x80) {
				return i;
			}
			cp = (cp << 6) | (c & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
			return i;
		}
		i += need + 1;
	}
	return -1;
}
