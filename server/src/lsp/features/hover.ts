import type { Connection, Hover, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { attributionAt, describeAt, describeEntity, describeFact, describeQuote, factAt, type DocumentLinker } from '../../core';
import { toHover } from '../convert';
import type { Workspace } from '../workspace';

/**
 * Hover: the findings under the cursor with their rule's documentation, the quotation or attributed
 * statement there (speaker, cue, how resolved, the same words in other articles), the entity mentioned
 * there (its names, and the articles that mention it, linked), the fact table of a figure (every article's
 * figure for the same quantity, linked), and layout elements (web-page debris,
 * captions, datelines, front matter).
 */
export function registerHover(connection: Connection, documents: TextDocuments<TextDocument>, workspace: Workspace): void {
	const linker: DocumentLinker = (docId) => {
		const target = workspace.locate(docId);
		if (!target) {
			return undefined;
		}
		return {
			label: target.label,
			link: (offset) => {
				const p = target.lines.positionAt(offset);
				return `${target.uri}#L${p.line + 1},${p.character + 1}`;
			},
			line: (offset) => target.lines.positionAt(offset).line,
		};
	};

	connection.onHover((params): Hover | null => {
		const document = documents.get(params.textDocument.uri);
		const entry = workspace.lookup(params.textDocument.uri);
		if (!document || !entry) {
			return null;
		}
		const offset = document.offsetAt(params.position);
		// Document and corpus findings alike (a figure conflict, a name variant) are explained.
		const analysis = { ...entry.doc.analysis, findings: entry.corpus.findings(entry.id) };
		const description = describeAt(analysis, offset, entry.doc.metadata);
		const fact = factAt(entry.corpus, entry.id, offset);
		const mention = entry.corpus.mentions(entry.id).find((m) => m.start <= offset && offset < m.end);
		const parts: string[] = [];
		if (description) {
			parts.push(description.markdown);
		}
		const quoted = attributionAt(entry.corpus, entry.id, offset);
		if (quoted) {
			parts.push(describeQuote(entry.corpus, entry.id, quoted, linker));
		}
		if (fact) {
			parts.push(describeFact(entry.corpus, entry.id, fact, linker));
		}
		if (mention && !(fact && mention.type === 'figure')) {
			const summary = mention.type === 'date' || mention.type === 'figure' ? undefined : entry.corpus.entities.entity(mention.entity);
			parts.push(describeEntity(mention, summary, linker));
		}
		const annotations = workspace
			.annotations(params.textDocument.uri)
			.annotations.filter((a) => document.offsetAt(a.range.start) <= offset && offset < document.offsetAt(a.range.end));
		for (const a of annotations) {
			const who = a.by ? ` (${a.by})` : '';
			parts.unshift(`**Annotation**: \`${a.label}\`${who}${a.note ? ` — ${a.note}` : ''}`);
		}
		if (parts.length === 0) {
			return null;
		}
		const quotedSpan = quoted ? (quoted.quote ? (quoted.quote.outer ?? quoted.quote) : quoted.phrase) : undefined;
		const annotated = annotations[0] && {
			start: document.offsetAt(annotations[0].range.start),
			end: document.offsetAt(annotations[0].range.end),
		};
		const span = description ?? fact ?? mention ?? quotedSpan ?? annotated!;
		return toHover(parts.join('\n\n---\n\n'), span, document);
	});
}
