import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from './atomicWrite';

/** Why a file the user owns was not changed: shown to the user as is. */
export class SafeEditError extends Error {}

/**
 * Changes a text file the user owns: reads it as it is on disk now (`''` when it does not exist), applies
 * `edit` and writes the result atomically. The file is never clobbered: `edit` returning `undefined` (a
 * file that cannot be parsed) leaves it untouched, and the write is refused when the file changed between
 * the read and the rename, or was created meanwhile. `label` names the file in messages. Returns the text
 * now in the file.
 */
export async function editTextFile(file: string, label: string, edit: (text: string | undefined) => string | undefined): Promise<string> {
	const before = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT') {
			return undefined;
		}
		throw error;
	});
	const text = edit(before);
	if (text === undefined) {
		throw new SafeEditError(`${label} cannot be parsed; fix it first, it was left unchanged.`);
	}
	if (text === before) {
		return text;
	}
	await fs.mkdir(path.dirname(file), { recursive: true });
	const current = await fs.readFile(file, 'utf8').catch(() => undefined);
	if (current !== before) {
		throw new SafeEditError(`${label} changed on disk while it was being updated; nothing was written, try again.`);
	}
	await writeFileAtomic(file, text, { exclusive: before === undefined }).catch((error: NodeJS.ErrnoException) => {
		throw error.code === 'EEXIST' ? new SafeEditError(`${label} was created meanwhile; nothing was written, try again.`) : error;
	});
	return text;
}
