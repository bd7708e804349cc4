/**
 * A real LSP client for the tests: spawns `node bin/shotc.js lsp --stdio` and speaks JSON-RPC to
 * it over the child's standard streams with vscode-languageserver-protocol, as an editor does.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidSaveTextDocumentNotification,
  type ClientCapabilities,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node.js';
import { BIN } from '../helpers/cli.js';

export interface StartOptions {
  /** Working directory of the server process. */
  cwd?: string;
  rootUri?: string | null;
  initializationOptions?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  clientName?: string;
  /** Extra arguments for node before the script (e.g. --expose-gc). */
  nodeArgs?: string[];
  /** The server script (default: the built CLI) and its arguments. */
  command?: string[];
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    completion: { completionItem: { snippetSupport: true } },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true },
    rename: { prepareSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
  },
  workspace: { didChangeWatchedFiles: { dynamicRegistration: false } },
};

export class LspClient {
  readonly logs: string[] = [];
  stderr = '';
  exitCode: number | null | undefined = undefined;
  initializeResult!: InitializeResult;
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private waiters: { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    child.stderr.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.exited = new Promise((resolve) =>
      child.on('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      }),
    );
    connection.onNotification(LogMessageNotification.type, (p) => this.logs.push(p.message));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== p.uri || !w.test(p)) return true;
        w.resolve(p);
        return false;
      });
    });
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const command = options.command ?? [BIN, 'lsp', '--stdio'];
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...command], {
      cwd: options.cwd ?? path.dirname(path.dirname(BIN)),
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection);
    connection.listen();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: options.clientName ?? 'shotc-test' },
      rootUri: options.rootUri ?? null,
      capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
      initializationOptions: options.initializationOptions ?? { diagnosticsDelay: 20 },
      workspaceFolders: null,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Every diagnostics notification received for `uri`, oldest first. */
  history(uri: string): PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  /** The next (or already received latest) diagnostics for `uri` that pass `test`. */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const list = this.published.get(uri);
    const latest = list?.[list.length - 1];
    if (latest && test(latest)) return Promise.resolve(latest);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; latest: ${JSON.stringify(latest)}`)), timeoutMs);
      this.waiters.push({
        uri,
        test,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** Diagnostics computed for exactly this version of the document. */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics(uri, (p) => p.version === version);
  }

  async open(uri: string, text: string, version = 1, languageId = 'shot'): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Shut down politely and wait for the process to exit; returns its exit code. */
  async stop(): Promise<number | null> {
    if (this.exitCode === undefined) {
      try {
        await this.connection.sendRequest(ShutdownRequest.type);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        this.child.kill();
      }
    }
    const code = await Promise.race([this.exited, new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
    if (this.exitCode === undefined) this.child.kill();
    this.connection.dispose();
    return code;
  }
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

/**
 * A document with cursor marks: each `<|>` is removed and its position returned, so tests read
 * as the text the user sees with the cursor in it.
 */
export function marked(source: string): { text: string; cursors: Position[]; cursor: Position } {
  const cursors: Position[] = [];
  let text = '';
  let rest = source;
  for (;;) {
    const i = rest.indexOf('<|>');
    if (i === -1) {
      text += rest;
      break;
    }
    text += rest.slice(0, i);
    const lines = text.split(/\r\n|\n|\r/);
    cursors.push({ line: lines.length - 1, character: lines[lines.length - 1]!.length });
    rest = rest.slice(i + 3);
  }
  return { text, cursors, cursor: cursors[0] ?? { line: 0, character: 0 } };
}

/** Apply LSP text edits to a text (edits do not overlap; applied from the end). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  const offset = (p: Position): number => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** The text at a range. */
export function textAt(text: string, range: { start: Position; end: Position }): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line]!.slice(range.start.character, range.end.character);
  return [lines[range.start.line]!.slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line]!.slice(0, range.end.character)].join('\n');
}
