import type { Connection } from 'vscode-languageserver';
import { ReanalyseRequest, type ReanalyseResult } from '../../protocol';
import type { Workspace } from '../workspace';

/** `crosscheck/reanalyse`: re-read the configuration and every article, then answer with a summary. */
export function registerCommands(connection: Connection, workspace: Workspace): void {
	connection.onRequest(ReanalyseRequest.method, async (): Promise<ReanalyseResult> => workspace.reindex());
}
