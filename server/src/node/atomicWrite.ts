import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder, which is then
 * renamed over the target, so a crash never leaves a half-written file. With `exclusive`, an existing
 * target is never replaced and the call rejects with `EEXIST`.
 */
export async function writeFileAtomic(target: string, content: string, options: { exclusive?: boolean } = {}): Promise<void> {
	const dir = path.dirname(target);
	const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
	await fs.writeFile(temp, content, { flag: 'wx' });
	try {
		if (options.exclusive) {
			// link() fails if the target exists, which rename() would silently replace.
			await fs.link(temp, target);
			await fs.unlink(temp);
		} else {
			await fs.rename(temp, target);
		}
	} catch (error) {
		await fs.unlink(temp).catch(() => undefined);
		throw error;
	}
}
