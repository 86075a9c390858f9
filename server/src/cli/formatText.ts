import type { Severity } from '../core';
import type { JsonFinding } from './model';

/**
 * Formats findings like a compiler: `path:line:col  severity  rule-id  message`, 1-based, one per
 * line, followed by a summary line.
 */
export function formatText(findings: readonly JsonFinding[], filesChecked: number): string {
	const out: string[] = [];
	for (const f of findings) {
		const review = f.review
			? f.review.status === 'dismissed'
				? `[dismissed${f.review.reason ? `: ${f.review.reason}` : ''}] `
				: f.review.status === 'confirmed'
					? '[confirmed] '
					: ''
			: '';
		const note = f.review?.note ? ` (note: ${f.review.note})` : '';
		out.push(`${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${f.rule}  ${review}${f.message}${note}`);
	}
	out.push(summary(findings, filesChecked));
	return out.join('\n') + '\n';
}

/** "3 findings (1 warning, 2 information) in 2 files; 5 files checked." */
export function summary(findings: readonly JsonFinding[], filesChecked: number): string {
	const counts = new Map<Severity, number>();
	for (const f of findings) {
		counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
	}
	const files = new Set(findings.map((f) => f.file)).size;
	const checked = `${filesChecked} file${filesChecked === 1 ? '' : 's'} checked`;
	if (findings.length === 0) {
		return `No findings; ${checked}.`;
	}
	const parts = (['error', 'warning', 'information', 'hint'] as const)
		.filter((s) => counts.has(s))
		.map((s) => {
			const n = counts.get(s)!;
			return `${n} ${s === 'information' ? 'information' : s + (n === 1 ? '' : 's')}`;
		});
	return `${findings.length} finding${findings.length === 1 ? '' : 's'} (${parts.join(', ')}) in ${files} file${files === 1 ? '' : 's'}; ${checked}.`;
}
