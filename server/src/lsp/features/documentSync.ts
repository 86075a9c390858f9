import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Workspace } from '../workspace';

/** Open, edited and closed documents, and files changed on disk, flow into the workspace index. */
export function registerDocumentSync(connection: Connection, documents: TextDocuments<TextDocument>, workspace: Workspace): void {
	documents.onDidOpen((e) => workspace.scheduleOpen(e.document));
	documents.onDidChangeContent((e) => workspace.scheduleOpen(e.document));
	documents.onDidClose((e) => void workspace.closed(e.document));
	connection.onDidChangeWatchedFiles((params) => void workspace.filesChanged(params.changes));
}
