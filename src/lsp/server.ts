/**
 * The language server: wiring only. Each request is answered by a pure function of the
 * document's state (`features/*`); this module keeps documents in step, schedules diagnostics
 * (debounced fast rules on every change, slow rules on open and save), and makes sure that no
 * exception inside a feature ever reaches the client: it is logged and answered with an empty
 * result, and the server carries on.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { compareDiagnostics, type Diagnostic } from '../core/diagnostics/index.js';
import { compile } from '../core/compile.js';
import { sniffImage } from '../core/images/sniff.js';
import { lint } from '../core/lint/engine.js';
import { allRules } from '../core/lint/registry.js';
import { diagnosticDocs, packageRoot } from '../node/docs.js';
import { nodeHost } from '../node/host.js';
import { uriToPath } from './convert.js';
import { codeActions, FIX_ALL } from './features/code-actions.js';
import { completion, type CompletionEnv } from './features/completion.js';
import { diagnosticsByUri, type DiagnosticsEnv } from './features/diagnostics.js';
import { foldingRanges } from './features/folding.js';
import { formatDocument, formatRange } from './features/formatting.js';
import { hover } from './features/hover.js';
import { definition, highlights, references } from './features/navigation.js';
import { planMarkdown } from './features/plan.js';
import { prepareRename, rename } from './features/rename.js';
import { legend, semanticTokens } from './features/semantic-tokens.js';
import { documentSymbols } from './features/symbols.js';
import type { DocumentState } from './state.js';
import { Workspace, type OpenDocument } from './workspace.js';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';

export const SERVER_NAME = 'shotc';
export const DEFAULT_DEBOUNCE_MS = 150;

/** Settings a client may pass as `initializationOptions`. */
interface InitOptions {
  /** Delay between the last keystroke and the diagnostics, in ms (default 150; the benchmark uses 0). */
  diagnosticsDelay?: number;
}

const SLOW_CODES = new Set(allRules().filter((r) => r.meta.speed === 'slow').map((r) => r.meta.code));

export function startServer(connection: Connection, version = '0.1.0'): void {
  const ws = new Workspace();
  const timers = new Map<string, NodeJS.Timeout>();
  /** What each document contributes to the diagnostics of its shotc.yaml. */
  const configShares = new Map<string, { uri: string; diagnostics: LspDiagnostic[] }>();
  let debounce = DEFAULT_DEBOUNCE_MS;
  let docs: ReadonlyMap<string, string> = new Map();
  let docsUrl: string | null = null;
  let completionEnv: CompletionEnv = { snippets: false, readDir, imageInfo };
  let watchDynamically = false;

  const log = (message: string): void => connection.console.error(message);

  const diagnosticsEnv: DiagnosticsEnv = {
    docHref(code) {
      if (!docsUrl || !docs.has(code)) return undefined;
      return `${docsUrl}#${slug(docs.get(code)!.split('\n')[0]!.replace(/^#+\s*/, ''))}`;
    },
  };

  /** Run a feature; a failure is logged with its stack and answered with `fallback`. */
  function guard<T>(name: string, fallback: T, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log(`shotc: ${name} failed: ${(e as Error)?.stack ?? String(e)}`);
      return fallback;
    }
  }
  async function guardAsync<T>(name: string, fallback: T, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log(`shotc: ${name} failed: ${(e as Error)?.stack ?? String(e)}`);
      return fallback;
    }
  }

  function current(uri: string): { doc: OpenDocument; state: DocumentState } | undefined {
    const doc = ws.get(uri);
    const state = doc ? ws.state(uri) : undefined;
    return doc && state ? { doc, state } : undefined;
  }

  function allDiagnostics(doc: OpenDocument, state: DocumentState): Diagnostic[] {
    return doc.slow.length ? [...state.diagnostics, ...doc.slow].sort(compareDiagnostics) : state.diagnostics;
  }

  // ── diagnostics ─────────────────────────────────────────────────────────────────────────────

  function publish(uri: string): void {
    guard('diagnostics', undefined, () => {
      const found = current(uri);
      if (!found) return;
      const { doc, state } = found;
      const byUri = diagnosticsByUri(state, allDiagnostics(doc, state), diagnosticsEnv);
      void connection.sendDiagnostics({ uri, version: state.version, diagnostics: byUri.get(uri) ?? [] });
      warm(doc);
      const previous = configShares.get(uri);
      const config = state.config;
      if (config) configShares.set(uri, { uri: config.uri, diagnostics: byUri.get(config.uri) ?? [] });
      else configShares.delete(uri);
      if (previous && previous.uri !== config?.uri) publishConfig(previous.uri);
      if (config) publishConfig(config.uri);
    });
  }

  /** After a full lint (opening a file), fill the per-clip cache in small steps between messages. */
  const warming = new Set<string>();
  function warm(doc: OpenDocument): void {
    if (!doc.linter.warming || warming.has(doc.uri)) return;
    warming.add(doc.uri);
    const step = (): void => {
      const more = ws.get(doc.uri) === doc && guard('warming the lint cache', false, () => doc.linter.warm(8));
      if (more) setImmediate(step);
      else warming.delete(doc.uri);
    };
    setImmediate(step);
  }

  function publishConfig(configUri: string): void {
    const seen = new Set<string>();
    const diagnostics: LspDiagnostic[] = [];
    for (const share of configShares.values()) {
      if (share.uri !== configUri) continue;
      for (const d of share.diagnostics) {
        const k = JSON.stringify([d.range, d.code, d.message]);
        if (!seen.has(k)) {
          seen.add(k);
          diagnostics.push(d);
        }
      }
    }
    void connection.sendDiagnostics({ uri: configUri, diagnostics });
  }

  function schedule(uri: string, delay = debounce): void {
    clearTimeout(timers.get(uri));
    if (delay <= 0) {
      timers.delete(uri);
      publish(uri);
      return;
    }
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        publish(uri);
      }, delay),
    );
  }

  function revalidateAll(): void {
    for (const doc of ws.all()) if (doc.isShot) schedule(doc.uri);
  }

  async function runSlow(doc: OpenDocument): Promise<void> {
    if (!doc.path || !doc.isShot) return;
    const state = ws.state(doc.uri);
    if (!state) return;
    const id = ws.startSlowRun(doc);
    await guardAsync('slow rules', undefined, async () => {
      // A shallow copy: images are cached per resolved file, and a save must read them again.
      const file = { ...state.resolved };
      const found = await lint(file, { host: nodeHost(state.directory), rules: allRules().filter((r) => r.meta.speed === 'slow') });
      const slow = found.filter((d) => SLOW_CODES.has(d.code));
      if (ws.finishSlowRun(doc, id, slow)) schedule(doc.uri, 0);
    });
  }

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    const options = (params.initializationOptions ?? {}) as InitOptions;
    if (typeof options.diagnosticsDelay === 'number' && options.diagnosticsDelay >= 0) debounce = options.diagnosticsDelay;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? null;
    const folderPath = folder ? uriToPath(folder) : null;
    if (folderPath) ws.fallbackDirectory = folderPath;
    const caps = params.capabilities;
    const client = params.clientInfo?.name ?? '';
    completionEnv = {
      snippets: caps.textDocument?.completion?.completionItem?.snippetSupport === true,
      readDir,
      imageInfo,
      ...(/code|codium/i.test(client) ? { retrigger: { title: 'Suggest', command: 'editor.action.triggerSuggest' } } : {}),
    };
    watchDynamically = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    await guardAsync('loading the diagnostic docs', undefined, async () => {
      docs = await diagnosticDocs();
      const file = path.join(packageRoot(), 'spec', 'diagnostics.md');
      docsUrl = docs.size ? pathToFileURL(file).href : null;
    });
    return {
      serverInfo: { name: SERVER_NAME, version },
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: [' ', '/'], resolveProvider: false },
        hoverProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend, full: true },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL] },
      },
    };
  });

  connection.onInitialized(() => {
    if (!watchDynamically) return;
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/shotc.yaml' }, { globPattern: '**/*.{png,jpg,jpeg,webp}' }] })
      .catch((e: unknown) => log(`shotc: could not watch files: ${String(e)}`));
  });

  connection.onDidChangeWatchedFiles((params) => {
    guard('watched files', undefined, () => {
      let configs = false;
      let images = false;
      for (const c of params.changes) {
        if (/(^|\/)shotc\.yaml$/.test(c.uri)) configs = true;
        else images = true;
      }
      if (configs) {
        ws.configs.invalidate();
        revalidateAll();
      }
      // A reference image appeared, changed or went away: run the slow rules again.
      if (configs || images) for (const doc of ws.all()) void runSlow(doc);
    });
  });

  // ── documents ───────────────────────────────────────────────────────────────────────────────

  connection.onDidOpenTextDocument(({ textDocument: t }) => {
    guard('open', undefined, () => {
      const doc = ws.open(t.uri, t.languageId, t.version, t.text);
      if (doc.isConfig) revalidateAll();
      if (!doc.isShot) return;
      schedule(t.uri, 0);
      void runSlow(doc);
    });
  });

  connection.onDidChangeTextDocument(({ textDocument: t, contentChanges }) => {
    guard('change', undefined, () => {
      const doc = ws.change(t.uri, t.version, contentChanges);
      if (!doc) return;
      if (doc.isConfig) revalidateAll();
      else if (doc.isShot) schedule(t.uri);
    });
  });

  connection.onDidSaveTextDocument(({ textDocument: t }) => {
    guard('save', undefined, () => {
      const doc = ws.get(t.uri);
      if (!doc || !doc.isShot) return;
      void runSlow(doc);
    });
  });

  connection.onDidCloseTextDocument(({ textDocument: t }) => {
    guard('close', undefined, () => {
      clearTimeout(timers.get(t.uri));
      timers.delete(t.uri);
      const doc = ws.close(t.uri);
      if (!doc) return;
      void connection.sendDiagnostics({ uri: t.uri, diagnostics: [] });
      const share = configShares.get(t.uri);
      configShares.delete(t.uri);
      if (share) publishConfig(share.uri);
      if (doc.isConfig) revalidateAll();
    });
  });

  // ── requests ────────────────────────────────────────────────────────────────────────────────

  connection.onCompletion((params) =>
    guardAsync('completion', [], async () => {
      const { uri } = params.textDocument;
      const doc = ws.get(uri);
      if (!doc || !doc.isShot) return [];
      const line = params.position.line;
      const lineText = doc.text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
      // Typing on this line only: the last analysis still knows every other line.
      const stable = ws.stable(uri);
      const usable = stable && (stable.line === null || stable.line === line || independent(stable.state, stable.line, params.position));
      const state = ws.ready(uri) ?? (usable ? stable.state : ws.state(uri));
      return state ? completion(state, params.position, completionEnv, lineText) : [];
    }),
  );

  connection.onHover((params) =>
    guard('hover', null, () => {
      const { uri } = params.textDocument;
      const doc = ws.get(uri);
      if (!doc || !doc.isShot) return null;
      const stable = ws.stable(uri);
      if (!ws.ready(uri) && stable && stable.line !== null && independent(stable.state, stable.line, params.position)) {
        // The slow diagnostics follow the current text; place them on the older one by line and column.
        const slow = doc.slow.map((d) => ({ ...d, span: { start: stable.state.source.offsetAt(doc.text.positionAt(d.span.start)), end: stable.state.source.offsetAt(doc.text.positionAt(d.span.end)) } }));
        const answer = hover(stable.state, params.position, [...(stable.state.computedDiagnostics ?? []), ...slow], { docs }, { clipsOnly: true });
        if (answer !== undefined) return answer;
      }
      const state = ws.state(uri);
      return state ? hover(state, params.position, allDiagnostics(doc, state), { docs }) ?? null : null;
    }),
  );

  connection.onDocumentFormatting((params) =>
    guard('formatting', [], () => {
      const found = current(params.textDocument.uri);
      return found ? formatDocument(found.state) : [];
    }),
  );

  connection.onDocumentRangeFormatting((params) =>
    guard('range formatting', [], () => {
      const found = current(params.textDocument.uri);
      return found ? formatRange(found.state, params.range) : [];
    }),
  );

  connection.onDocumentSymbol((params) =>
    guard('document symbols', [], () => {
      const found = current(params.textDocument.uri);
      return found ? documentSymbols(found.state) : [];
    }),
  );

  connection.onFoldingRanges((params) =>
    guard('folding ranges', [], () => {
      const found = current(params.textDocument.uri);
      return found ? foldingRanges(found.state) : [];
    }),
  );

  connection.languages.semanticTokens.on((params) =>
    guard('semantic tokens', { data: [] }, () => {
      const found = current(params.textDocument.uri);
      return found ? semanticTokens(found.state) : { data: [] };
    }),
  );

  connection.onDefinition((params) =>
    guard('definition', [], () => {
      const found = current(params.textDocument.uri);
      return found ? definition(found.state, params.position) : [];
    }),
  );

  connection.onReferences((params) =>
    guard('references', [], () => {
      const found = current(params.textDocument.uri);
      return found ? references(found.state, params.position, params.context.includeDeclaration) : [];
    }),
  );

  connection.onDocumentHighlight((params) =>
    guard('highlights', [], () => {
      const found = current(params.textDocument.uri);
      return found ? highlights(found.state, params.position) : [];
    }),
  );

  connection.onPrepareRename((params) =>
    guard('prepare rename', null, () => {
      const found = current(params.textDocument.uri);
      return found ? prepareRename(found.state, params.position) : null;
    }),
  );

  connection.onRenameRequest((params) =>
    guard('rename', null, () => {
      const found = current(params.textDocument.uri);
      return found ? rename(found.state, params.position, params.newName) : null;
    }),
  );

  connection.onCodeAction((params) =>
    guard('code actions', [], () => {
      const found = current(params.textDocument.uri);
      if (!found) return [];
      return codeActions(found.state, params.range, allDiagnostics(found.doc, found.state), diagnosticsEnv, params.context.only);
    }),
  );

  /** `shotc/compile`: the plan of an open document, with a Markdown rendering (the editor's side panel). */
  connection.onRequest('shotc/compile', (params: { uri: string }) =>
    guardAsync('compile', null, async () => {
      const doc = ws.get(params.uri);
      if (!doc || !doc.isShot) throw new ResponseError(-32602, `${params.uri} is not an open .shot document`);
      const file = doc.path ?? params.uri;
      const result = await compile(doc.text.getText(), {
        filename: doc.path ? path.basename(doc.path) : file,
        host: nodeHost(doc.path ? path.dirname(doc.path) : (ws.fallbackDirectory ?? process.cwd())),
      });
      return { plan: result.plan, markdown: planMarkdown(result.plan) };
    }),
  );

  /** `shotc/stats`: the server's heap (after a collection, when exposed) and CPU time, for the benchmark. */
  connection.onRequest('shotc/stats', (params: { gc?: boolean } | undefined) => {
    if (params?.gc) (globalThis as { gc?: () => void }).gc?.();
    return { memory: process.memoryUsage(), cpu: process.cpuUsage() };
  });

  connection.listen();
}

/**
 * Whether an answer at `position` cannot depend on `editedLine`: the edits are inside one clip
 * (not on its header), and the position is in another block that does not start from that clip
 * (REMIX/EXTEND/EDIT).
 * What a clip means depends only on its own lines, the global sections, the cast, its look and
 * its sources — the same locality the incremental lint rests on.
 */
function independent(state: DocumentState, editedLine: number, position: { line: number }): boolean {
  if (position.line === editedLine) return false;
  const ast = state.parsed.ast;
  const blockAt = (line: number): (typeof ast.blocks)[number] | undefined => {
    const offset = state.source.lines[Math.min(line, state.source.lineCount - 1)]!;
    let found: (typeof ast.blocks)[number] | undefined;
    for (const b of ast.blocks) {
      if (b.heading.start - state.source.positionAt(b.heading.start).character > offset) break;
      found = b;
    }
    return found;
  };
  const edited = blockAt(editedLine);
  const here = blockAt(position.line);
  if (!edited || edited.kind !== 'Clip' || edited === here) return false;
  // A header line holds the clip's name, which other clips may use.
  if (state.source.positionAt(edited.heading.start).line === editedLine) return false;
  if (here?.kind === 'Clip' && here.name) {
    for (let c = state.resolved.clipByName.get(here.name.text)?.source?.clip; c; c = c.source?.clip) if (c.node === edited) return false;
  }
  return true;
}

async function readDir(dir: string): Promise<{ name: string; directory: boolean }[] | null> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return await Promise.all(
      entries.map(async (e) => {
        let directory = e.isDirectory();
        if (e.isSymbolicLink()) directory = await fs.stat(path.join(dir, e.name)).then((s) => s.isDirectory(), () => false);
        return { name: e.name, directory };
      }),
    );
  } catch {
    return null;
  }
}

/** Format and pixel size from an image's first 64 KiB (enough for any header we read). */
async function imageInfo(file: string): Promise<ReturnType<typeof sniffImage> | null> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const buffer = new Uint8Array(65536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return sniffImage(buffer.subarray(0, bytesRead));
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}
