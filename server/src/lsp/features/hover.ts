import type { Connection } from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeAt } from '../../core';
import { toHover } from '../convert';
import type { Workspace } from '../workspace';

/** Hover: explains the finding or the layout element (debris, caption, dateline, front matter) under the cursor. */
export function registerHover(connection: Connection, documents: TextDocuments<TextDocument>, workspace: Workspace): void {
	connection.onHover((params) => {
		const document = documents.get(params.textDocument.uri);
		const entry = workspace.lookup(params.textDocument.uri);
		if (!document || !entry) {
			return null;
		}
		const description = describeAt(entry.doc.analysis, document.offsetAt(params.position), entry.doc.metadata);
		return description ? toHover(description, document) : null;
	});
}
