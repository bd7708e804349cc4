import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';
import { LspClient } from './client.js';

const tmp = useTmpDir();

describe('shotc lsp', () => {
  it('announces its capabilities on initialize and exits 0 after shutdown and exit', async () => {
    const client = await LspClient.start();
    const { capabilities, serverInfo } = client.initializeResult;
    expect(serverInfo).toEqual({ name: 'shotc', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(capabilities).toMatchObject({
      positionEncoding: 'utf-16',
      textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
      completionProvider: { triggerCharacters: [' ', '/'] },
      hoverProvider: true,
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.shotc'] },
    });
    expect(capabilities.semanticTokensProvider).toMatchObject({ full: true, legend: { tokenTypes: expect.arrayContaining(['keyword', 'function', 'type', 'variable', 'property', 'number', 'string', 'comment']) } });
    expect(await client.stop()).toBe(0);
  });

  it('exits when the editor closes its input', async () => {
    const client = await LspClient.start();
    client.child.stdin.end();
    const code = await new Promise((resolve) => client.child.on('exit', resolve));
    expect(code).not.toBeNull();
  });

  it('has --help and rejects unknown options with a usage error', async () => {
    const help = await runCli(['lsp', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: shotc lsp [--stdio]');
    const bad = await runCli(['lsp', '--tcp']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown option --tcp');
  });

  it('is loaded only by the lsp command: compile never imports the server', () => {
    // A module hook that reports every import of the language server library on stderr.
    const dir = tmp();
    const hooks = path.join(dir, 'hooks.mjs');
    writeFileSync(hooks, "import { writeSync } from 'node:fs';\nexport async function resolve(s, c, next) { if (s.includes('vscode-languageserver')) writeSync(2, `LOADED ${s}\\n`); return next(s, c); }\n");
    const register = path.join(dir, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    const run = (args: string[]): string => spawnSync(process.execPath, ['--import', pathToFileURL(register).href, BIN, ...args], { cwd: ROOT, input: '', encoding: 'utf8' }).stderr;
    expect(run(['compile', 'examples/platform.shot'])).not.toContain('LOADED');
    // The hook does see the server when the lsp command runs (input closed: it exits at once).
    expect(run(['lsp', '--stdio'])).toContain('LOADED vscode-languageserver');
  });
});
