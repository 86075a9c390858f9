import { promises as fs, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { parseReviewFile, REVIEW_FOLDER, reviewFilePath, type ReviewFile } from '../core';
import { editTextFile, SafeEditError } from './safeEdit';

/** A review file as read from disk (or from an editor buffer): its text and what it says. */
export interface LoadedReview {
	/** The review file's absolute path. */
	readonly file: string;
	readonly text: string;
	readonly review: ReviewFile;
}

/** Why a review file could not be changed: shown to the user as is. */
export class ReviewWriteError extends SafeEditError {}

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
	return listReviewFolder(path.join(root, ...REVIEW_FOLDER.split('/')));
}

/**
 * The articles that have a review file in an annotations folder (a corpus's `.crosscheck/annotations`,
 * or a copy of one): each `<article path>.yaml` under it, as the article path.
 */
export function listReviewFolder(base: string): string[] {
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

/** Reads an article's review file from an annotations folder; `undefined` when it has none. */
export function readReviewInFolderSync(base: string, articlePath: string, label: string): LoadedReview | undefined {
	const file = path.join(base, ...`${articlePath}.yaml`.split('/'));
	try {
		return decodeReview(file, readFileSync(file), label);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return undefined;
		}
		throw error;
	}
}

/**
 * Changes an article's review file through {@link editTextFile}: never clobbered, never rewritten when
 * it cannot be read. Returns the file as now written.
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
	const text = await editTextFile(file, label, (current) => {
		if (current !== undefined && !parseReviewFile(current, label).writable) {
			throw new ReviewWriteError(`${label} is not valid YAML; fix it first, it was left unchanged.`);
		}
		return edit(current ?? '');
	});
	return { file, text, review: parseReviewFile(text, label) };
}
