import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { createConnection } from 'vscode-languageserver/node';
import type { StatusParams } from '../../src/protocol';
import { startServer } from '../../src/lsp/server';

/** A running server over an in-memory stream pair, with a minimal client that records what it is sent. */
export interface TestSession {
	readonly client: MessageConnection;
	/** The latest diagnostics per URI, without the `entity` marks (see {@link all}). */
	readonly diagnostics: Map<string, Diagnostic[]>;
	/** The latest diagnostics per URI, `entity` marks included. */
	readonly all: Map<string, Diagnostic[]>;
	readonly statuses: StatusParams[];
	/** How many times diagnostics were published, per URI. */
	readonly publishes: Map<string, number>;
	/** Resolves with the diagnostics of `uri` once `predicate` holds for them, or rejects after `ms`. */
	waitForDiagnostics(uri: string, predicate: (d: Diagnostic[]) => boolean, what: string, ms?: number): Promise<Diagnostic[]>;
	/** Resolves when the server reports `idle` after the given number of statuses seen so far. */
	waitForIdle(ms?: number): Promise<StatusParams>;
	open(uri: string, text: string, languageId?: string): void;
	change(uri: string, version: number, text: string): void;
	close(uri: string): void;
	/** Shuts the server down (as a client does before exit) and closes both ends. */
	dispose(): Promise<void>;
}

/** Starts the real server for a workspace folder and completes the initialize handshake. */
export async function startSession(folder: string | undefined, settings: Record<string, unknown> = {}): Promise<TestSession> {
	const up = new PassThrough();
	const down = new PassThrough();
	const serverConnection = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
	startServer(serverConnection);
	serverConnection.listen();
	const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
	const diagnostics = new Map<string, Diagnostic[]>();
	const all = new Map<string, Diagnostic[]>();
	const statuses: StatusParams[] = [];
	const publishes = new Map<string, number>();
	const listeners = new Set<() => void>();
	const notify = (): void => listeners.forEach((l) => l());
	client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
		all.set(params.uri, params.diagnostics);
		publishes.set(params.uri, (publishes.get(params.uri) ?? 0) + 1);
		diagnostics.set(
			params.uri,
			params.diagnostics.filter((d) => d.code !== 'entity'),
		);
		notify();
	});
	client.onNotification('crosscheck/status', (status: StatusParams) => {
		statuses.push(status);
		notify();
	});
	client.onNotification('window/logMessage', () => undefined);
	client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
	client.onRequest('client/registerCapability', () => null);
	client.onRequest('window/workDoneProgress/create', () => null);
	client.onNotification('$/progress', () => undefined);
	client.listen();

	const waitUntil = <T>(probe: () => T | undefined, what: string, ms: number): Promise<T> =>
		new Promise((resolve, reject) => {
			const check = (): boolean => {
				const value = probe();
				if (value !== undefined) {
					listeners.delete(check);
					clearTimeout(timer);
					resolve(value);
					return true;
				}
				return false;
			};
			const timer = setTimeout(() => {
				listeners.delete(check);
				reject(new Error(`Timed out after ${ms} ms waiting for ${what}`));
			}, ms);
			if (!check()) {
				listeners.add(check);
			}
		});

	const folderUri = folder ? pathToFileURL(folder).href : undefined;
	await client.sendRequest('initialize', {
		processId: null,
		rootUri: folderUri ?? null,
		workspaceFolders: folderUri ? [{ uri: folderUri, name: 'corpus' }] : null,
		capabilities: {
			workspace: {
				configuration: true,
				didChangeWatchedFiles: { dynamicRegistration: true },
				didChangeConfiguration: { dynamicRegistration: true },
			},
			window: { workDoneProgress: true },
			textDocument: { publishDiagnostics: { relatedInformation: true } },
		},
	});
	client.sendNotification('initialized', {});

	let seenStatuses = 0;
	return {
		client,
		diagnostics,
		all,
		statuses,
		publishes,
		waitForDiagnostics: (uri, predicate, what, ms = 5000) =>
			waitUntil(
				() => {
					const d = diagnostics.get(uri);
					return d && predicate(d) ? d : undefined;
				},
				what,
				ms,
			),
		waitForIdle: (ms = 10000) => {
			const from = seenStatuses;
			return waitUntil(
				() => {
					const index = statuses.findIndex((s, i) => i >= from && s.state === 'idle');
					if (index >= 0) {
						seenStatuses = index + 1;
						return statuses[index];
					}
					return undefined;
				},
				'the server to become idle',
				ms,
			);
		},
		open: (uri, text, languageId = 'plaintext') =>
			client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } }),
		change: (uri, version, text) =>
			client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] }),
		close: (uri) => client.sendNotification('textDocument/didClose', { textDocument: { uri } }),
		dispose: async () => {
			await client.sendRequest('shutdown');
			client.dispose();
			serverConnection.dispose();
			up.destroy();
			down.destroy();
		},
	};
}

/** A diagnostic's message as text (LSP 3.18 allows Markdown messages). */
export function messageOf(d: Diagnostic): string {
	return typeof d.message === 'string' ? d.message : d.message.value;
}
