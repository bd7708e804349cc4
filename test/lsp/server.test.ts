import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';
import { compile } from '../../src/core/compile.js';
import { fileUri, LspClient } from './client.js';
import { SAMPLE } from './fixtures.js';

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

  it('answers shotc/compile with the plan of the open buffer and a Markdown page of it', async () => {
    const client = await LspClient.start();
    try {
      const dir = tmp();
      const file = path.join(dir, 'platform.shot');
      writeFileSync(file, 'CLIP old 4s\n  Not what the buffer says.\n');
      await client.open(fileUri(file), SAMPLE);
      const result = await client.request<{ plan: { title: string; clips: { name: string; request: { body: Record<string, unknown> } }[] }; markdown: string }>('shotc/compile', { uri: fileUri(file) });
      const expected = (await compile(SAMPLE, { filename: 'platform.shot' })).plan;
      expect(result.plan.clips.map((c) => c.name)).toEqual(['arrival', 'arrival-dusk']);
      expect(result.plan.clips[0]!.request.body).toEqual(expected.clips[0]!.request.body);
      expect(result.markdown).toContain('# Morning Platform');
      expect(result.markdown).toContain('## CLIP arrival\n\n`POST /videos` · create · 4 s · 1280x720 · sora-2-pro · $1.20');
      expect(result.markdown).toContain(`\`\`\`text\n${expected.clips[0]!.request.body['prompt'] as string}\n\`\`\``);
      await expect(client.request('shotc/compile', { uri: 'untitled:nothing.shot' })).rejects.toThrow(/not an open .shot document/);
    } finally {
      await client.stop();
    }
  });
});
