import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, parseConfig, type ParsedConfig } from '../core';
import { decodeArticle } from './readArticle';

/** crosscheck.yaml as read from disk. */
export interface LoadedConfig {
	/** The absolute path of the file. */
	readonly file: string;
	/** The folder globs and `documents` paths are relative to. */
	readonly root: string;
	readonly text: string;
	readonly parsed: ParsedConfig;
}

/** Reads and parses a config file. Rejects only when the file cannot be read. */
export async function loadConfig(file: string): Promise<LoadedConfig> {
	const bytes = await fs.readFile(file);
	const decoded = decodeArticle(bytes);
	const text = decoded.kind === 'text' ? decoded.text : '';
	const parsed = parseConfig(text);
	const problems =
		decoded.kind === 'text'
			? parsed.problems
			: [{ start: 0, end: 0, message: 'crosscheck.yaml looks binary (it contains NUL bytes); the defaults are used.' }, ...parsed.problems];
	return { file, root: path.dirname(file), text, parsed: { ...parsed, problems } };
}

/** Finds crosscheck.yaml in `dir` or the nearest folder above it. */
export async function findConfig(dir: string): Promise<string | undefined> {
	let current = path.resolve(dir);
	for (;;) {
		const candidate = path.join(current, CONFIG_FILE_NAME);
		const stat = await fs.stat(candidate).catch(() => undefined);
		if (stat?.isFile()) {
			return candidate;
		}
		const parent = path.dirname(current);
		if (parent === current) {
			return undefined;
		}
		current = parent;
	}
}
