import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { StatusNotification, type StatusParams } from '../../server/src/protocol';
import { Annotations } from './annotations';
import { AnnotationsView } from './annotationsView';
import { AttributionView } from './attributionView';
import { FactSheet } from './factSheet';
import { registerInterchange } from './interchange';
import { registerFindingCommands, ReviewFilter } from './reviewFilter';
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
	readonly views: {
		readonly inconsistencies: InconsistenciesView;
		readonly attribution: AttributionView;
		readonly entities: EntitiesView;
		readonly annotations: AnnotationsView;
	};
	/** The review views' filter. */
	readonly filter: ReviewFilter;
	/** The tree view that carries the unreviewed badge. */
	readonly badged: vscode.TreeView<unknown>;
	/** The manual annotations drawn in the editors. */
	readonly annotations: Annotations;
	readonly factSheet: FactSheet;
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
	registerInterchange(context, output);

	const annotations = new Annotations(client);
	context.subscriptions.push(annotations);
	const filter = new ReviewFilter(context.workspaceState);
	registerFindingCommands(context, filter);
	const factSheet = new FactSheet(client);
	const entities = new EntitiesView(client);
	const inconsistencies = new InconsistenciesView(client, filter);
	const attribution = new AttributionView(client, filter);
	const annotationsView = new AnnotationsView(client);
	const inconsistenciesTree = vscode.window.createTreeView('crosscheck.inconsistencies', { treeDataProvider: inconsistencies });
	const attributionTree = vscode.window.createTreeView('crosscheck.attribution', { treeDataProvider: attribution });
	const describe = (): void => {
		inconsistenciesTree.description = filter.description;
		attributionTree.description = filter.description;
	};
	describe();
	context.subscriptions.push(
		filter,
		factSheet,
		entities,
		inconsistencies,
		attribution,
		annotationsView,
		inconsistenciesTree,
		attributionTree,
		filter.onDidChange(() => {
			describe();
			inconsistencies.refresh();
			attribution.refresh();
		}),
		vscode.commands.registerCommand('crosscheck.refreshInconsistencies', () => inconsistencies.refresh()),
		vscode.commands.registerCommand('crosscheck.refreshAttribution', () => attribution.refresh()),
		vscode.window.registerTreeDataProvider('crosscheck.annotations', annotationsView),
		vscode.commands.registerCommand('crosscheck.refreshAnnotations', () => annotationsView.refresh()),
		vscode.window.registerTreeDataProvider('crosscheck.entities', entities),
		vscode.commands.registerCommand('crosscheck.refreshEntities', () => entities.refresh()),
		vscode.commands.registerCommand('crosscheck.findEntityReferences', (node) => EntitiesView.findReferences(node)),
	);

	await client.start();
	for (const view of [entities, inconsistencies, attribution, annotationsView]) {
		view.refresh();
	}
	context.subscriptions.push(
		client.onNotification(StatusNotification.method, (status: StatusParams) => {
			last = status;
			statusBar.update(status);
			// The badge sits on the first view; the activity bar shows it on the Crosscheck icon.
			inconsistenciesTree.badge =
				status.unreviewed > 0
					? { value: status.unreviewed, tooltip: `${status.unreviewed} finding${status.unreviewed === 1 ? '' : 's'} not reviewed yet` }
					: undefined;
			emitter.fire(status);
			for (const view of [entities, inconsistencies, attribution, annotationsView]) {
				view.refreshSoon();
			}
			annotations.refreshSoon();
			factSheet.refreshSoon();
		}),
	);
	// Review files change through the views, code actions, imports, hand edits and pulls: redraw what shows them.
	const reviewFiles = vscode.workspace.createFileSystemWatcher('**/.crosscheck/annotations/**/*.yaml');
	const reviewChanged = (): void => {
		annotations.refreshSoon();
		annotationsView.refreshSoon();
		attribution.refreshSoon();
		inconsistencies.refreshSoon();
	};
	context.subscriptions.push(
		reviewFiles,
		reviewFiles.onDidCreate(reviewChanged),
		reviewFiles.onDidChange(reviewChanged),
		reviewFiles.onDidDelete(reviewChanged),
	);
	const started = client;
	return {
		client: started,
		status: () => last,
		onDidChangeStatus: emitter.event,
		views: { inconsistencies, attribution, entities, annotations: annotationsView },
		filter,
		badged: inconsistenciesTree as vscode.TreeView<unknown>,
		annotations,
		factSheet,
	};
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}
