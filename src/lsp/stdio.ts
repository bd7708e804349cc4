/**
 * The server over standard input and output: `shotc lsp --stdio`, and the entry the VS Code
 * extension bundles. Standard output carries the protocol and nothing else, so console output
 * is sent to the client's log instead.
 */
import { format } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startServer } from './server.js';

export function runStdio(version?: string): void {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  console.log = (...args: unknown[]) => connection.console.log(format(...args));
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  console.debug = console.log;
  startServer(connection, version);
}
