import { ruleCatalog, type Severity } from '../core';
import type { JsonFinding, JsonRange } from './model';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
	error: 'error',
	warning: 'warning',
	information: 'note',
	hint: 'note',
};

/**
 * Formats findings as SARIF 2.1.0, as read by the VS Code SARIF viewer and GitHub code scanning.
 * Paths are relative to `%SRCROOT%` (the working directory); columns count UTF-16 code units,
 * like the LSP's, and are 1-based as SARIF requires.
 */
export function formatSarif(findings: readonly JsonFinding[], cwdUri: string, version: string): string {
	const rules = [...ruleCatalog.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
	const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
	const log = {
		$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
		version: '2.1.0',
		runs: [
			{
				tool: {
					driver: {
						name: 'Crosscheck',
						semanticVersion: version,
						version,
						rules: rules.map((r) => ({
							id: r.id,
							name: r.id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
							shortDescription: { text: r.summary },
							fullDescription: { text: r.summary },
							help: { text: stripMarkdown(r.docs), markdown: r.docs },
							defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
							properties: { tags: ['news', 'crosscheck'] },
						})),
					},
				},
				originalUriBaseIds: { '%SRCROOT%': { uri: cwdUri.endsWith('/') ? cwdUri : cwdUri + '/' } },
				columnKind: 'utf16CodeUnits',
				results: findings.map((f) => ({
					ruleId: f.rule,
					...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
					level: LEVEL[f.severity],
					message: { text: f.message },
					locations: [location(f.file, f.range)],
					...(f.related.length > 0
						? { relatedLocations: f.related.map((r, id) => ({ id, ...location(r.file, r.range), message: { text: r.message } })) }
						: {}),
					partialFingerprints: { 'crosscheck/v1': fingerprint(f) },
					// A dismissal is an accepted suppression with its reason; a confirmation or a note is kept as a property.
					...(f.review?.status === 'dismissed'
						? { suppressions: [{ kind: 'external', status: 'accepted', ...(f.review.reason ? { justification: f.review.reason } : {}) }] }
						: {}),
					...(Object.keys(f.data).length > 0 || f.review ? { properties: { ...f.data, ...(f.review ? { review: f.review } : {}) } } : {}),
				})),
			},
		],
	};
	return JSON.stringify(log, null, 2) + '\n';
}

function location(file: string, range: JsonRange) {
	return {
		physicalLocation: {
			artifactLocation: { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
			region: {
				startLine: range.start.line + 1,
				startColumn: range.start.character + 1,
				endLine: range.end.line + 1,
				endColumn: range.end.character + 1,
			},
		},
	};
}

/** A stable identity for a result that survives edits elsewhere in the file: rule, file and message. */
function fingerprint(f: JsonFinding): string {
	let h = 0x811c9dc5;
	for (const ch of `${f.rule}\u0000${f.file}\u0000${f.message}`) {
		h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
	}
	return h.toString(16).padStart(8, '0');
}

function stripMarkdown(markdown: string): string {
	return markdown.replace(/[*`]/g, '');
}
