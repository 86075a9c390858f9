import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { LineIndex, resolveOptions, type Options, type ParsedConfig } from '../core';
import { findConfig, loadConfig } from '../node/config';
import { createFileFilter, findArticles, toRelative, type FileFilter } from '../node/files';

/** Where the CLI writes and what it knows of its terminal; tests pass fakes. */
export interface CliIo {
	readonly cwd: string;
	stdout(text: string): void;
	stderr(text: string): void;
	/** Whether stderr is a terminal (progress lines are shown only then). */
	readonly stderrIsTTY: boolean;
}

/** Exit codes: the public contract of the command. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** The configuration of a run and the articles its paths name, before anything is read. */
export interface CorpusFiles {
	/**
	 * The corpus root: the folder of crosscheck.yaml, else the working directory, or the paths' common
	 * folder when some lie outside it (so `crosscheck check ../corpus` sees the corpus's own folders).
	 */
	readonly root: string;
	readonly config: ParsedConfig | undefined;
	readonly options: Options;
	readonly filter: FileFilter;
	/** Absolute paths, sorted. */
	readonly files: readonly string[];
	/** The configuration has errors (reported on stderr); the run goes on with the defaults for them. */
	readonly configError: boolean;
}

/**
 * Reads the configuration (`--config`, else the nearest crosscheck.yaml at or above the first path) and
 * lists the articles named by `paths`: folders are walked with the globs, files named explicitly are
 * always taken. Returns an exit code on a usage error.
 */
export async function findCorpusFiles(paths: readonly string[], configFlag: string | undefined, io: CliIo): Promise<CorpusFiles | number> {
	const loaded = await loadRunConfig(paths[0], configFlag, io, paths);
	if (typeof loaded === 'number') {
		return loaded;
	}
	const { root, options } = loaded;
	// Files: folders are walked with the globs; files named explicitly are always checked.
	const filter = createFileFilter(options);
	const files = new Set<string>();
	for (const p of paths.length > 0 ? paths : ['.']) {
		const abs = path.resolve(io.cwd, p);
		const stat = await fs.stat(abs).catch(() => undefined);
		if (!stat) {
			io.stderr(`crosscheck: ${p}: no such file or folder.\n`);
			return EXIT.usage;
		}
		if (stat.isDirectory()) {
			const base = isInside(root, abs) ? root : abs;
			for (const file of await findArticles(base, abs, filter, (dir, error) =>
				io.stderr(`crosscheck: cannot read ${dir}: ${(error as Error).message}\n`),
			)) {
				files.add(file);
			}
		} else {
			files.add(abs);
		}
	}
	return { ...loaded, filter, files: [...files].sort() };
}

/** The configuration of a run: its file, the corpus root and the options. */
export type RunConfig = Omit<CorpusFiles, 'filter' | 'files'>;

/**
 * Reads the configuration: `--config`, else the nearest crosscheck.yaml at or above `first` (a path given
 * on the command line) or the working directory. Problems are reported on stderr. Returns an exit code
 * when an explicit file cannot be read. Without a configuration file the root is the working directory,
 * or, when some of `paths` (the articles to read) lie outside it, their common folder.
 */
export async function loadRunConfig(
	first: string | undefined,
	configFlag: string | undefined,
	io: CliIo,
	paths: readonly string[] = [],
): Promise<RunConfig | number> {
	let configError = false;
	let root = await commonFolder(io.cwd, paths);
	let config: ParsedConfig | undefined;
	// Without --config, the nearest crosscheck.yaml at or above the first path (the corpus being
	// checked) applies, so `crosscheck check samples` uses samples/crosscheck.yaml.
	const configFile = configFlag !== undefined ? path.resolve(io.cwd, configFlag) : await findConfig(await searchStart(io.cwd, first));
	if (configFile !== undefined) {
		try {
			const loaded = await loadConfig(configFile);
			root = loaded.root;
			config = loaded.parsed;
			if (loaded.parsed.problems.length > 0) {
				configError = true;
				const lines = new LineIndex(loaded.text);
				const shown = toRelative(io.cwd, configFile) || configFile;
				for (const problem of loaded.parsed.problems) {
					const p = lines.positionAt(problem.start);
					io.stderr(`${shown}:${p.line + 1}:${p.character + 1}  error  invalid-config  ${problem.message}\n`);
				}
				io.stderr('crosscheck: the configuration has errors; the defaults are used for the broken parts.\n');
			}
		} catch (error) {
			io.stderr(`crosscheck: cannot read the configuration ${configFile}: ${(error as Error).message}\n`);
			return EXIT.usage;
		}
	}
	return { root, config, options: resolveOptions(config?.options), configError };
}

/** The folder to look for crosscheck.yaml from: the first path (or its folder), else the working directory. */
async function searchStart(cwd: string, first: string | undefined): Promise<string> {
	if (first === undefined) {
		return cwd;
	}
	const abs = path.resolve(cwd, first);
	const stat = await fs.stat(abs).catch(() => undefined);
	return stat?.isDirectory() ? abs : path.dirname(abs);
}

/** The working directory if every path is in it, else the deepest folder holding them all (a file counts by its folder). */
async function commonFolder(cwd: string, paths: readonly string[]): Promise<string> {
	const folders = await Promise.all(paths.map((p) => searchStart(cwd, p)));
	if (folders.every((folder) => isInside(cwd, folder))) {
		return cwd;
	}
	return folders.reduce((common, folder) => {
		while (!isInside(common, folder)) {
			const parent = path.dirname(common);
			if (parent === common) {
				break;
			}
			common = parent;
		}
		return common;
	});
}

/** Whether `file` is `root` or inside it. */
export function isInside(root: string, file: string): boolean {
	const relative = path.relative(root, file);
	return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
