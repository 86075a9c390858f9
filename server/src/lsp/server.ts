import {
	CodeActionKind,
	DidChangeConfigurationNotification,
	DidChangeWatchedFilesNotification,
	TextDocumentSyncKind,
	TextDocuments,
	WatchKind,
	type Connection,
	type InitializeResult,
	type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisContext } from '../core';
import { VERSION } from '../version';
import { registerCommands } from './features/commands';
import { registerDocumentSync } from './features/documentSync';
import { registerEntities, semanticTokensLegend } from './features/entities';
import { registerHover } from './features/hover';
import { registerFacts } from './features/facts';
import { ANNOTATE_COMMAND, registerCodeActions } from './features/codeActions';
import { registerReview } from './features/review';
import { registerReviewViews } from './features/reviewViews';
import { Workspace } from './workspace';

/**
 * Starts Crosscheck's language server on a connection: stdio or IPC from `main.ts`, an in-memory
 * stream pair in tests. Returns the workspace index (tests wait on it).
 */
export function startServer(connection: Connection, context: AnalysisContext = {}): { workspace: () => Workspace | undefined } {
	const documents = new TextDocuments(TextDocument);
	let workspace: Workspace | undefined;
	let folders: WorkspaceFolder[] = [];
	let dynamicWatchers = false;
	let dynamicConfiguration = false;
	let folderEvents = false;

	connection.onInitialize((params): InitializeResult => {
		const capabilities = params.capabilities;
		dynamicWatchers = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
		dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
		folderEvents = capabilities.workspace?.workspaceFolders === true;
		folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
		workspace = new Workspace(
			connection,
			documents,
			{
				configuration: capabilities.workspace?.configuration === true,
				workDoneProgress: capabilities.window?.workDoneProgress === true,
			},
			context,
		);
		registerDocumentSync(connection, documents, workspace);
		registerHover(connection, documents, workspace);
		registerCommands(connection, workspace);
		registerEntities(connection, documents, workspace);
		registerFacts(connection, workspace);
		registerCodeActions(connection, workspace);
		registerReview(connection, workspace);
		registerReviewViews(connection, workspace);
		return {
			capabilities: {
				textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
				hoverProvider: true,
				codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
				executeCommandProvider: { commands: [ANNOTATE_COMMAND] },
				definitionProvider: true,
				referencesProvider: true,
				workspaceSymbolProvider: true,
				documentSymbolProvider: { label: 'Crosscheck entities' },
				semanticTokensProvider: { legend: semanticTokensLegend, full: true },
				workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
			},
			serverInfo: { name: 'crosscheck', version: VERSION },
		};
	});

	connection.onInitialized(() => {
		const ws = workspace!;
		if (dynamicWatchers) {
			void connection.client.register(DidChangeWatchedFilesNotification.type, {
				watchers: [{ globPattern: '**/*', kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete }],
			});
		}
		if (dynamicConfiguration) {
			void connection.client.register(DidChangeConfigurationNotification.type, { section: 'crosscheck' });
		}
		if (folderEvents) {
			connection.workspace.onDidChangeWorkspaceFolders((event) => {
				const removed = new Set(event.removed.map((f) => f.uri));
				folders = [...folders.filter((f) => !removed.has(f.uri)), ...event.added];
				void ws.setFolders(folders);
			});
		}
		void ws.setFolders(folders);
	});

	connection.onDidChangeConfiguration(() => void workspace?.settingsChanged());
	connection.onShutdown(() => workspace?.dispose());

	documents.listen(connection);
	return { workspace: () => workspace };
}
