import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A text with spans marked inline as `[[…]]`, so tests never count offsets by hand. */
export interface Marked {
	readonly text: string;
	readonly spans: { start: number; end: number; text: string }[];
}

/** Strips `[[` / `]]` markers from `source` and returns the clean text with the marked spans. */
export function marked(source: string): Marked {
	let text = '';
	const spans: { start: number; end: number; text: string }[] = [];
	let open = -1;
	for (let i = 0; i < source.length; i++) {
		if (source.startsWith('[[', i)) {
			open = text.length;
			i++;
		} else if (source.startsWith(']]', i) && open >= 0) {
			spans.push({ start: open, end: text.length, text: text.slice(open, text.length) });
			open = -1;
			i++;
		} else {
			text += source[i];
		}
	}
	return { text, spans };
}

/** Joins lines with `\n`. */
export function lines(...parts: string[]): string {
	return parts.join('\n');
}

/** Creates a fresh temporary folder holding `files` (path → content) and returns its path. */
export async function tempCorpus(files: Record<string, string | Uint8Array>): Promise<string> {
	const dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'crosscheck-test-')));
	for (const [name, content] of Object.entries(files)) {
		const file = path.join(dir, name);
		await fs.mkdir(path.dirname(file), { recursive: true });
		await fs.writeFile(file, content);
	}
	return dir;
}

/** The repository root (tests run from server/out/tests/…). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** A short article written for the tests: a headline, debris, a dateline, quotes and vague sources. */
export const ARTICLE = lines(
	'Bridge closed after cracks found in Lowmarsh span',
	'',
	'Advertisement',
	'',
	'LOWMARSH, Eastland (Fenwick Post) — Engineers closed the Tarrow Bridge on Monday after inspectors found cracks in its piers.',
	'',
	'Officials said the bridge would stay shut for at least a month.',
	'',
	'"We will not take any risks with public safety," said Maren Holt, the city engineer.',
	'',
	'The repairs are reportedly expected to cost about 2 million euros.',
	'',
	'Share',
	'',
);
