import { promises as fs, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { parseReviewFile, REVIEW_FOLDER, reviewFilePath, type ReviewFile } from '../core';
import { writeFileAtomic } from './atomicWrite';

/** A review file as read from disk (or from an editor buffer): its text and what it says. */
export interface LoadedReview {
	/** The review file's absolute path. */
	readonly file: string;
	readonly text: string;
	readonly review: ReviewFile;
}

/** Why a review file could not be changed: shown to the user as is. */
export class ReviewWriteError extends Error {}

/** Where an article's review file is, absolute. */
export function reviewFileOf(root: string, articlePath: string): string {
	return path.join(root, ...reviewFilePath(articlePath).split('/'));
}

/**
 * Decodes and parses a review file's bytes. Invalid UTF-8 is reported (and the file is then never
 * rewritten) rather than decoded with replacement characters that a rewrite would save.
 */
export function decodeReview(file: string, bytes: Uint8Array, label: string): LoadedReview {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		const message = `${label} is not valid UTF-8 text; fix or remove it (Crosscheck will not rewrite it).`;
		return {
			file,
			text: '',
			review: {
				decisions: [],
				annotations: [],
				decisionSpans: [],
				annotationSpans: [],
				problems: [{ start: 0, end: 1, message }],
				writable: false,
			},
		};
	}
	return { file, text, review: parseReviewFile(text, label) };
}

/** Reads an article's review file; `undefined` when it has none. Rejects only when it cannot be read. */
export async function readReview(root: string, articlePath: string): Promise<LoadedReview | undefined> {
	const file = reviewFileOf(root, articlePath);
	try {
		return decodeReview(file, await fs.readFile(file), reviewFilePath(articlePath));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return undefined;
		}
		throw error;
	}
}

/** {@link readReview} without the event loop, for the CLI. */
export function readReviewSync(root: string, articlePath: string): LoadedReview | undefined {
	const file = reviewFileOf(root, articlePath);
	try {
		return decodeReview(file, readFileSync(file), reviewFilePath(articlePath));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return undefined;
		}
		throw error;
	}
}

/**
 * The articles (paths relative to the root, forward slashes) that have a review file: one walk of the
 * review folder, so a corpus without reviews costs one failed `readdir`.
 */
export function listReviewedArticles(root: string): string[] {
	const base = path.join(root, ...REVIEW_FOLDER.split('/'));
	const found: string[] = [];
	const pending: string[] = [''];
	while (pending.length > 0) {
		const relative = pending.pop()!;
		let entries;
		try {
			entries = readdirSync(path.join(base, relative), { withFileTypes: true });
		} catch {
			continue;
		}
		for (const entry of entries) {
			const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
			if (entry.isDirectory()) {
				pending.push(child);
			} else if (entry.isFile() && child.endsWith('.yaml') && !entry.name.startsWith('.')) {
				found.push(child.slice(0, -'.yaml'.length));
			}
		}
	}
	return found.sort();
}

/**
 * Changes an article's review file: reads it as it is on disk now, applies `edit` to its text and writes
 * the result atomically. A file edited meanwhile is never overwritten: the write is refused if the file
 * changed between the read and the rename, and `edit` returning `undefined` (a file that cannot be
 * parsed) leaves it untouched. Returns the new text.
 */
export async function editReview(root: string, articlePath: string, edit: (text: string) => string | undefined): Promise<LoadedReview> {
	const file = reviewFileOf(root, articlePath);
	const label = reviewFilePath(articlePath);
	const before = await readReview(root, articlePath);
	if (before && !before.review.writable) {
		throw new ReviewWriteError(
			`${label} cannot be read (${before.review.problems[0]?.message ?? 'invalid'}); fix it first, it was left unchanged.`,
		);
	}
	const text = edit(before?.text ?? '');
	if (text === undefined) {
		throw new ReviewWriteError(`${label} cannot be parsed; fix it first, it was left unchanged.`);
	}
	if (text !== before?.text) {
		await fs.mkdir(path.dirname(file), { recursive: true });
		const current = await fs.readFile(file, 'utf8').catch(() => undefined);
		if (current !== before?.text) {
			throw new ReviewWriteError(`${label} changed on disk while it was being updated; nothing was written, try again.`);
		}
		await writeFileAtomic(file, text, { exclusive: before === undefined }).catch((error: NodeJS.ErrnoException) => {
			throw error.code === 'EEXIST' ? new ReviewWriteError(`${label} was created meanwhile; nothing was written, try again.`) : error;
		});
	}
	return { file, text, review: parseReviewFile(text, label) };
}
