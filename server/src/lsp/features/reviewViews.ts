import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { applyReview, LineIndex, type Orphan, type ReviewedFinding } from '../../core';
import {
	FindingsRequest,
	ReviewEntriesRequest,
	type ArticleAnnotations,
	type ArticleFindings,
	type FindingsParams,
	type FindingsResult,
	type OrphanItem,
	type ReviewEntriesResult,
	type ReviewState,
} from '../../protocol';
import { toRange } from '../convert';
import type { Workspace } from '../workspace';

/** Where a finding stands in the review. */
export function reviewState(finding: ReviewedFinding): ReviewState {
	return finding.review === undefined ? 'unreviewed' : finding.review.status === 'open' ? 'open' : finding.review.status;
}

/**
 * The lists behind the review views: `crosscheck/findings` (the findings of some rules with their
 * review state, per article) and `crosscheck/reviewEntries` (every manual annotation, and every
 * decision or annotation whose text is gone). Both walk the analysed documents once.
 */
export function registerReviewViews(connection: Connection, workspace: Workspace): void {
	connection.onRequest(FindingsRequest.method, (params: FindingsParams): FindingsResult => findingsOf(workspace, new Set(params.rules)));
	connection.onRequest(ReviewEntriesRequest.method, (): ReviewEntriesResult => reviewEntries(workspace));
}

function findingsOf(workspace: Workspace, rules: ReadonlySet<string>): FindingsResult {
	const articles: ArticleFindings[] = [];
	for (const id of workspace.documentIds()) {
		const reviewed = workspace.reviewed(id);
		const wanted = reviewed?.findings.filter((f) => rules.has(f.ruleId) && f.severity !== 'hint');
		if (!reviewed || !wanted || wanted.length === 0) {
			continue;
		}
		articles.push({
			uri: reviewed.uri,
			article: reviewed.label,
			findings: wanted.map((f) => ({
				ruleId: f.ruleId,
				severity: f.severity,
				message: f.message,
				range: toRange(reviewed.lines, f.start, f.end),
				text: reviewed.text.slice(f.start, f.end),
				state: reviewState(f),
				...(f.review?.reason !== undefined ? { reason: f.review.reason } : {}),
				...(f.review?.note !== undefined ? { note: f.review.note } : {}),
			})),
		});
	}
	articles.sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : 0));
	return { articles };
}

function reviewEntries(workspace: Workspace): ReviewEntriesResult {
	const articles: ArticleAnnotations[] = [];
	const orphans: OrphanItem[] = [];
	for (const folder of workspace.reviewFolders()) {
		for (const [article, loaded] of folder.reviews.entries()) {
			const id = path.join(folder.path, ...article.split('/'));
			const found = workspace.reviewed(id);
			// An article that is gone (deleted, renamed, no longer an article) orphans every entry of its review file.
			const applied = found ? applyReview(found.text, [], loaded.review) : undefined;
			const entries: Orphan[] = applied
				? [...applied.orphans]
				: [
						...loaded.review.decisions.map((entry, index): Orphan => ({ kind: 'decision', index, entry })),
						...loaded.review.annotations.map((entry, index): Orphan => ({ kind: 'annotation', index, entry })),
					];
			const yamlLines = entries.length > 0 ? new LineIndex(loaded.text) : undefined;
			const reviewUri = pathToFileURL(loaded.file).toString();
			for (const orphan of entries) {
				const span = (orphan.kind === 'decision' ? loaded.review.decisionSpans : loaded.review.annotationSpans)[orphan.index];
				orphans.push({
					uri: reviewUri,
					range:
						span && yamlLines
							? toRange(yamlLines, span.start, span.end)
							: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
					article,
					kind: orphan.kind,
					label: 'rule' in orphan.entry ? orphan.entry.rule : orphan.entry.label,
					text: orphan.entry.anchor.exact,
				});
			}
			if (found && applied && applied.annotations.length > 0) {
				articles.push({
					uri: found.uri,
					article: found.label,
					annotations: applied.annotations.map((a) => ({
						range: toRange(found.lines, a.start, a.end),
						label: a.annotation.label,
						text: found.text.slice(a.start, a.end),
						...(a.annotation.note !== undefined ? { note: a.annotation.note } : {}),
						...(a.annotation.by !== undefined ? { by: a.annotation.by } : {}),
					})),
				});
			}
		}
	}
	articles.sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : 0));
	orphans.sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : 0) || a.range.start.line - b.range.start.line);
	return { articles, orphans };
}
