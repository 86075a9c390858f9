import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { loadAnalysisContext } from '../node/models';
import { startServer } from './server';

// The transport comes from the command line: --stdio (any LSP editor), --node-ipc (VS Code) or --socket.
const connection = createConnection(ProposedFeatures.all);

// Anything written to stdout would corrupt the protocol stream when it is stdio: route logging to the client.
console.log = connection.console.log.bind(connection.console);
console.info = connection.console.info.bind(connection.console);
console.warn = connection.console.warn.bind(connection.console);
console.error = connection.console.error.bind(connection.console);
process.on('uncaughtException', (error) => connection.console.error(`Uncaught exception: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) =>
	connection.console.error(`Unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`),
);

startServer(
	connection,
	loadAnalysisContext((problem) => connection.console.error(problem)),
);
connection.listen();
