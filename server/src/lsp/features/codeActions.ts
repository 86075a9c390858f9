import { CodeActionKind, TextEdit, type CodeAction, type Connection, type Diagnostic, type Range } from 'vscode-languageserver';
import { ENTITY_TYPES, NOT_ENTITY } from '../../core';
import type { AddAliasParams, AnnotateParams, FactsParams, ReviewAction, ReviewParams } from '../../protocol';
import { toRange } from '../convert';
import type { Workspace } from '../workspace';

/** The client command that asks for a reason or note where needed and sends `crosscheck/review`. */
export const REVIEW_COMMAND = 'crosscheck.reviewFinding';
/** The client command that sends `crosscheck/addAlias`. */
export const ADD_ALIAS_COMMAND = 'crosscheck.addAlias';
/**
 * The server's own command (`workspace/executeCommand`) that saves an annotation on a range, as
 * `crosscheck/annotate` does: the entity actions label a mention's exact span, not the editor's selection.
 */
export const ANNOTATE_COMMAND = 'crosscheck.server.annotate';

/** The client command that opens the fact sheet of the figure at a position. */
export const FACT_SHEET_COMMAND = 'crosscheck.openFactSheet';

/** Diagnostics that are about files, not findings a reviewer decides on. */
const NOT_REVIEWABLE = new Set(['invalid-config', 'invalid-review-file', 'orphaned-annotation']);

/** A spelling written the way another is: all capitals stays all capitals ("KESTRAWA" → "KESTRAVA"). */
export function matchCase(written: string, replacement: string): string {
	const letters = written.replace(/[^\p{L}]/gu, '');
	return letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
		? replacement.toUpperCase()
		: replacement;
}

/**
 * Code actions on Crosscheck's findings: on a `name-variant` finding, replace the spelling with the one most
 * articles of the cluster use; on every finding, the review actions (confirm, dismiss, note, reopen). Built
 * from the diagnostic's own data, so they need no state and always match what was reported. On a
 * recognised entity mention (with or without its `entity` mark), label it by hand: change its type, or
 * mark it as not an entity.
 */
export function registerCodeActions(connection: Connection, workspace: Workspace): void {
	connection.onCodeAction((params): CodeAction[] => {
		const actions: CodeAction[] = entityActions(workspace, params.textDocument.uri, params.range, params.context.diagnostics);
		for (const diagnostic of params.context.diagnostics) {
			if (diagnostic.source !== 'crosscheck' || typeof diagnostic.code !== 'string' || NOT_REVIEWABLE.has(diagnostic.code)) {
				continue;
			}
			actions.push(...reviewActions(params.textDocument.uri, diagnostic, diagnostic.code));
			if (diagnostic.code === 'figure-conflict' || diagnostic.code === 'figure-divergence') {
				const title = "Open the fact sheet: every article's figure for this quantity";
				const args: FactsParams = { uri: params.textDocument.uri, position: diagnostic.range.start };
				actions.push({
					title,
					kind: CodeActionKind.Empty,
					diagnostics: [diagnostic],
					command: { title, command: FACT_SHEET_COMMAND, arguments: [args] },
				});
			}
			if (diagnostic.code !== 'name-variant') {
				continue;
			}
			const data = diagnostic.data as { spelling?: unknown; majority?: unknown } | undefined;
			if (typeof data?.spelling !== 'string' || typeof data.majority !== 'string') {
				continue;
			}
			const replacement = matchCase(data.spelling, data.majority);
			actions.push({
				title: `Replace "${data.spelling}" with "${replacement}" (the spelling most articles use)`,
				kind: CodeActionKind.QuickFix,
				diagnostics: [diagnostic],
				isPreferred: true,
				edit: { changes: { [params.textDocument.uri]: [TextEdit.replace(diagnostic.range, replacement)] } },
			});
			const alias: AddAliasParams = { uri: params.textDocument.uri, name: data.majority, alias: data.spelling };
			const title = `Declare "${data.spelling}" an alias of "${data.majority}" in crosscheck.yaml (a legitimate spelling)`;
			actions.push({
				title,
				kind: CodeActionKind.QuickFix,
				diagnostics: [diagnostic],
				command: { title, command: ADD_ALIAS_COMMAND, arguments: [alias] },
			});
		}
		// The quick fix first, then the entity and review actions.
		return actions.sort((a, b) => Number(b.isPreferred === true) - Number(a.isPreferred === true));
	});
}

/** The review actions a finding offers, given the decision it already has. */
function reviewActions(uri: string, diagnostic: Diagnostic, ruleId: string): CodeAction[] {
	const status = (diagnostic.data as { review?: { status?: unknown } } | undefined)?.review?.status;
	const action = (title: string, kind: ReviewAction): CodeAction => {
		const args: ReviewParams = { uri, ruleId, range: diagnostic.range, action: kind };
		return {
			title,
			kind: CodeActionKind.QuickFix,
			diagnostics: [diagnostic],
			command: { title, command: REVIEW_COMMAND, arguments: [args] },
		};
	};
	const actions: CodeAction[] = [];
	if (status !== 'confirmed') {
		actions.push(action(`Confirm this ${ruleId} finding`, 'confirm'));
	}
	if (status !== 'dismissed') {
		actions.push(action(`Dismiss this ${ruleId} finding…`, 'dismiss'));
	}
	actions.push(action('Add a review note…', 'note'));
	if (status !== undefined) {
		actions.push(action('Reopen: remove the review decision', 'reopen'));
	}
	return actions;
}

/**
 * "Change type to …" (every other type) and "Mark as not an entity" on the entity mentions in a range:
 * each saves a manual annotation on the mention's span, which applies there and to every mention of the
 * same name in the corpus.
 */
function entityActions(workspace: Workspace, uri: string, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
	const entry = workspace.lookup(uri);
	if (!entry) {
		return [];
	}
	const start = entry.lines.offsetAt(range.start);
	const end = Math.max(entry.lines.offsetAt(range.end), start + 1);
	const actions: CodeAction[] = [];
	for (const m of entry.corpus.mentions(entry.id)) {
		if (m.start >= end || start >= m.end) {
			continue;
		}
		const span = toRange(entry.lines, m.start, m.end);
		const marks = diagnostics.filter((d) => d.code === 'entity' && sameRange(d.range, span));
		const label = (title: string, value: string): CodeAction => {
			const args: AnnotateParams = { uri, range: span, label: value };
			return {
				title,
				kind: CodeActionKind.QuickFix,
				...(marks.length > 0 ? { diagnostics: marks } : {}),
				command: { title, command: ANNOTATE_COMMAND, arguments: [args] },
			};
		};
		for (const type of ENTITY_TYPES) {
			if (type !== m.type) {
				actions.push(label(`Change type of "${m.text}" to ${type} (here and wherever the name occurs)`, type));
			}
		}
		actions.push(label(`Mark "${m.text}" as not an entity (here and wherever the name occurs)`, NOT_ENTITY));
	}
	return actions;
}

function sameRange(a: Range, b: Range): boolean {
	return (
		a.start.line === b.start.line &&
		a.start.character === b.start.character &&
		a.end.line === b.end.line &&
		a.end.character === b.end.character
	);
}
