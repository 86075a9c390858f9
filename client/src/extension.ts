import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { StatusNotification, type StatusParams } from '../../server/src/protocol';
import { Annotations } from './annotations';
import { registerCommands } from './commands';
import { registerReview } from './review';
import { EntitiesView } from './entitiesView';
import { InconsistenciesView } from './inconsistenciesView';
import { StatusBar } from './statusBar';

/** What `activate` returns: used by the extension's own tests to wait on real events. */
export interface CrosscheckApi {
	readonly client: LanguageClient;
	/** The last status the server sent. */
	status(): StatusParams | undefined;
	/** Fires whenever the server sends a status. */
	readonly onDidChangeStatus: vscode.Event<StatusParams>;
	/** The tree views' data providers, as VS Code queries them. */
	readonly views: { readonly inconsistencies: InconsistenciesView; readonly entities: EntitiesView };
	/** The manual annotations drawn in the editors. */
	readonly annotations: Annotations;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CrosscheckApi> {
	const module = context.asAbsolutePath('server/dist/server.js');
	const serverOptions: ServerOptions = {
		run: { module, transport: TransportKind.ipc },
		debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
	};
	const output = vscode.window.createOutputChannel('Crosscheck', { log: true });
	const clientOptions: LanguageClientOptions = {
		documentSelector: [
			{ scheme: 'file', language: 'news' },
			{ scheme: 'untitled', language: 'news' },
			{ scheme: 'file', language: 'plaintext' },
			{ scheme: 'file', pattern: '**/crosscheck.yaml' },
		],
		outputChannel: output,
		// The server reads the crosscheck section itself, per workspace folder.
		synchronize: {},
	};
	client = new LanguageClient('crosscheck', 'Crosscheck', serverOptions, clientOptions);

	const statusBar = new StatusBar();
	const emitter = new vscode.EventEmitter<StatusParams>();
	let last: StatusParams | undefined;
	context.subscriptions.push(statusBar, emitter, output);
	registerCommands(context, client, output);
	registerReview(context, client);

	const annotations = new Annotations(client);
	context.subscriptions.push(annotations);
	const entities = new EntitiesView(client);
	const inconsistencies = new InconsistenciesView(client);
	context.subscriptions.push(
		entities,
		inconsistencies,
		vscode.window.registerTreeDataProvider('crosscheck.inconsistencies', inconsistencies),
		vscode.commands.registerCommand('crosscheck.refreshInconsistencies', () => inconsistencies.refresh()),
		vscode.window.registerTreeDataProvider('crosscheck.entities', entities),
		vscode.commands.registerCommand('crosscheck.refreshEntities', () => entities.refresh()),
		vscode.commands.registerCommand('crosscheck.findEntityReferences', (node) => EntitiesView.findReferences(node)),
	);

	await client.start();
	entities.refresh();
	inconsistencies.refresh();
	context.subscriptions.push(
		client.onNotification(StatusNotification.method, (status: StatusParams) => {
			last = status;
			statusBar.update(status);
			emitter.fire(status);
			entities.refreshSoon();
			inconsistencies.refreshSoon();
			annotations.refreshSoon();
		}),
	);
	const started = client;
	return { client: started, status: () => last, onDidChangeStatus: emitter.event, views: { inconsistencies, entities }, annotations };
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}
