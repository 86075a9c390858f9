import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { ARTICLE, repoRoot, tempCorpus } from '../helpers';

const bundle = path.join(repoRoot, 'server', 'dist', 'server.js');

void describe('the bundled server over stdio', () => {
	void it('serves a plain stdio client, as Neovim, Emacs or Helix would use it', async () => {
		assert.ok(existsSync(bundle), `${bundle} is missing: run "npm run build" first`);
		const dir = await tempCorpus({ 'a.txt': ARTICLE });
		const child = spawn(process.execPath, [bundle, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
		const client = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
		const uri = pathToFileURL(path.join(dir, 'a.txt')).href;
		const published = new Promise<PublishDiagnosticsParams>((resolve) => {
			client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
				if (params.uri === uri) {
					resolve(params);
				}
			});
		});
		client.listen();
		try {
			const init = (await client.sendRequest('initialize', {
				processId: null,
				rootUri: pathToFileURL(dir).href,
				workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'corpus' }],
				capabilities: {},
			})) as { capabilities: { hoverProvider: boolean }; serverInfo: { name: string } };
			assert.equal(init.serverInfo.name, 'crosscheck');
			assert.equal(init.capabilities.hoverProvider, true);
			client.sendNotification('initialized', {});
			const diagnostics = await published;
			assert.deepEqual(
				diagnostics.diagnostics.filter((d) => d.code !== 'entity').map((d) => d.code),
				['vague-attribution', 'vague-attribution'],
			);
			await client.sendRequest('shutdown');
			const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
			client.sendNotification('exit');
			assert.equal(await exited, 0);
		} finally {
			client.dispose();
			child.kill();
		}
	});
});
