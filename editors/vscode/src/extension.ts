/**
 * The VS Code client for shotc: it starts the bundled language server (`node dist/server.mjs
 * --stdio`) and adds three commands — the compiled plan and prompts in a side panel, the
 * storyboard (`shotc preview`) and rendering (`shotc render` in a terminal). Everything about the
 * language itself (diagnostics, completion, hover, formatting, rename, fixes) is the server's.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';

const PLAN_SCHEME = 'shotc-plan';
let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const server = context.asAbsolutePath(path.join('dist', 'server.mjs'));
  const serverOptions: ServerOptions = {
    run: { module: server, transport: TransportKind.stdio },
    debug: { module: server, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'shot' },
      { scheme: 'untitled', language: 'shot' },
      // The project config: the server checks it and re-checks the files under it as it is edited.
      { scheme: 'file', pattern: '**/shotc.yaml' },
    ],
    outputChannelName: 'shotc',
  };
  client = new LanguageClient('shotc', 'shotc', serverOptions, clientOptions);
  await client.start();

  const plans = new PlanDocuments(client);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, plans),
    vscode.workspace.onDidSaveTextDocument((doc) => plans.refresh(doc.uri)),
    vscode.workspace.onDidChangeTextDocument((e) => plans.refreshSoon(e.document.uri)),
    vscode.commands.registerCommand('shotc.showPlan', () => withShotFile((doc) => plans.show(doc))),
    vscode.commands.registerCommand('shotc.openStoryboard', () => withShotFile(openStoryboard)),
    vscode.commands.registerCommand('shotc.render', () => withShotFile(render)),
    vscode.commands.registerCommand('shotc.restartServer', () => client?.restart()),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

async function withShotFile(run: (doc: vscode.TextDocument) => Promise<void>): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== 'shot') {
    void vscode.window.showInformationMessage('Open a .shot file first.');
    return;
  }
  try {
    await run(doc);
  } catch (e) {
    void vscode.window.showErrorMessage(`shotc: ${(e as Error).message}`);
  }
}

// ── the plan in a side panel ────────────────────────────────────────────────────────────────

/** Read-only Markdown documents `shotc-plan:…?<source uri>`, kept up to date as the source changes. */
class PlanDocuments implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly open = new Map<string, vscode.Uri>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly lsp: LanguageClient) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const source = uri.query;
    try {
      const result = await this.lsp.sendRequest<{ markdown: string } | null>('shotc/compile', { uri: source });
      return result?.markdown ?? `The plan for ${source} is not available; is the file still open?`;
    } catch (e) {
      return `Could not compile ${source}: ${(e as Error).message}`;
    }
  }

  async show(doc: vscode.TextDocument): Promise<void> {
    const uri = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `${doc.uri.path}.plan.md`, query: doc.uri.toString() });
    this.open.set(doc.uri.toString(), uri);
    const plan = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(plan, 'markdown');
    await vscode.window.showTextDocument(plan, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  }

  refresh(source: vscode.Uri): void {
    const uri = this.open.get(source.toString());
    if (uri) this.changed.fire(uri);
  }

  /** After typing pauses (the server needs the new text first). */
  refreshSoon(source: vscode.Uri): void {
    if (!this.open.has(source.toString())) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(source), 400);
  }
}

// ── the CLI: storyboard and render ──────────────────────────────────────────────────────────

/** The shotc command: the setting, the workspace's own install, or the one on the PATH. */
function cliCandidates(doc: vscode.TextDocument): string[] {
  const configured = vscode.workspace.getConfiguration('shotc').get<string>('cliPath')?.trim();
  if (configured) return [configured];
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath;
  const local = folder ? path.join(folder, 'node_modules', '.bin', process.platform === 'win32' ? 'shotc.cmd' : 'shotc') : undefined;
  return [...(local && existsSync(local) ? [local] : []), 'shotc'];
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string; missing: boolean }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 16 * 1024 * 1024, shell: process.platform === 'win32' }, (err, stdout, stderr) => {
      const missing = (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr, missing });
    });
  });
}

/** The first CLI that has `command` (checked with `shotc <command> --help`), or undefined. */
async function cliWith(doc: vscode.TextDocument, command: string): Promise<string | undefined> {
  const cwd = path.dirname(doc.uri.fsPath);
  for (const cli of cliCandidates(doc)) {
    const r = await run(cli, [command, '--help'], cwd);
    if (!r.missing && r.code === 0) return cli;
  }
  return undefined;
}

async function saved(doc: vscode.TextDocument): Promise<boolean> {
  if (doc.isUntitled) {
    void vscode.window.showInformationMessage('Save the .shot file first: the shotc CLI reads it from disk.');
    return false;
  }
  return !doc.isDirty || doc.save();
}

async function openStoryboard(doc: vscode.TextDocument): Promise<void> {
  if (!(await saved(doc))) return;
  const cli = await cliWith(doc, 'preview');
  if (!cli) {
    void vscode.window.showWarningMessage('The storyboard is not available: it needs the shotc CLI with `shotc preview` (install shotc in the workspace or on the PATH, or set shotc.cliPath).');
    return;
  }
  const file = doc.uri.fsPath;
  const out = path.join(os.tmpdir(), `${path.basename(file, '.shot')}.storyboard.html`);
  const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'shotc: drawing the storyboard…' }, () =>
    run(cli, ['preview', file, '--out', out], path.dirname(file)),
  );
  if (r.code !== 0 && !existsSync(out)) {
    void vscode.window.showErrorMessage(`shotc preview failed: ${(r.stderr || r.stdout).trim().split('\n').slice(0, 3).join(' ')}`);
    return;
  }
  await vscode.env.openExternal(vscode.Uri.file(out));
}

async function render(doc: vscode.TextDocument): Promise<void> {
  if (!(await saved(doc))) return;
  const cli = await cliWith(doc, 'render');
  if (!cli) {
    void vscode.window.showWarningMessage('Rendering is not available: it needs the shotc CLI with `shotc render` (install shotc in the workspace or on the PATH, or set shotc.cliPath).');
    return;
  }
  const file = doc.uri.fsPath;
  const terminal = vscode.window.createTerminal({ name: `shotc render ${path.basename(file)}`, cwd: path.dirname(file) });
  terminal.show();
  terminal.sendText(`${quote(cli)} render ${quote(path.basename(file))}`);
}

function quote(s: string): string {
  if (process.platform === 'win32') return `"${s.replace(/"/g, '""')}"`;
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
