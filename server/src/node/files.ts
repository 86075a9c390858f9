import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { Options } from '../core';

/** Decides whether a path (relative to the corpus root, forward slashes) is an article to analyse. */
export interface FileFilter {
	/** Whether the file matches the include globs and no exclude glob. */
	isArticle(relativePath: string): boolean;
	/** Whether a folder can be skipped whole while walking. */
	isExcludedFolder(relativePath: string): boolean;
}

/** Builds the include/exclude filter of the options. Globs match dot files too. */
export function createFileFilter(options: Pick<Options, 'include' | 'exclude'>): FileFilter {
	const include = picomatch(options.include as string[], { dot: true });
	const exclude = options.exclude.length > 0 ? picomatch(options.exclude as string[], { dot: true }) : () => false;
	return {
		isArticle: (relativePath) => include(relativePath) && !exclude(relativePath),
		// A folder is excluded when everything in it is: probe with a name no real file has.
		isExcludedFolder: (relativePath) => exclude(`${relativePath}/`) || exclude(`${relativePath}/\u0001`),
	};
}

/** Converts an OS path relative to `root` to the forward-slash form globs use. */
export function toRelative(root: string, file: string): string {
	return path.relative(root, file).split(path.sep).join('/');
}

/**
 * Walks `dir` and returns the absolute paths of every article under it, sorted, matching globs
 * relative to `root`. Excluded folders are not entered; symbolic links to folders are not followed
 * (so a link loop cannot hang the walk); unreadable folders are reported through `onError` and skipped.
 */
export async function findArticles(
	root: string,
	dir: string,
	filter: FileFilter,
	onError: (path: string, error: unknown) => void = () => undefined,
): Promise<string[]> {
	const found: string[] = [];
	const pending = [dir];
	while (pending.length > 0) {
		const current = pending.pop()!;
		let entries;
		try {
			entries = await fs.readdir(current, { withFileTypes: true });
		} catch (error) {
			onError(current, error);
			continue;
		}
		for (const entry of entries) {
			const full = path.join(current, entry.name);
			const relative = toRelative(root, full);
			if (entry.isDirectory()) {
				if (!filter.isExcludedFolder(relative)) {
					pending.push(full);
				}
			} else if ((entry.isFile() || entry.isSymbolicLink()) && filter.isArticle(relative)) {
				if (entry.isSymbolicLink()) {
					const target = await fs.stat(full).catch(() => undefined);
					if (!target?.isFile()) {
						continue;
					}
				}
				found.push(full);
			}
		}
	}
	return found.sort();
}
