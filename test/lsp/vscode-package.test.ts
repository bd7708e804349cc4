import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { ROOT } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';
import { fileUri, LspClient } from './client.js';
import { HEAD } from './fixtures.js';
import { readZip, type ZipEntry } from './zip.js';

const tmp = useTmpDir();
let entries: ZipEntry[];
let names: string[];

beforeAll(() => {
  const r = spawnSync('npm', ['run', '--silent', 'package:vscode'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr + r.stdout).toBe(0);
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'editors', 'vscode', 'package.json'), 'utf8')) as { version: string };
  entries = readZip(readFileSync(path.join(ROOT, 'editors', 'vscode', `shotc-${version}.vsix`)));
  names = entries.map((e) => e.name);
}, 180_000);

const entry = (name: string): Buffer => entries.find((e) => e.name === name)!.read();

describe('the VS Code extension package', () => {
  it('contains the client, the bundled server, the grammar, the language configuration and the icon', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'extension/package.json',
        'extension/dist/extension.js',
        'extension/dist/server.mjs',
        'extension/syntaxes/shot.tmLanguage.json',
        'extension/language-configuration.json',
        'extension/icons/shot.svg',
        'extension/spec/diagnostics.md',
      ]),
    );
    // No sources, maps or node_modules: the bundles are self-contained.
    expect(names.filter((n) => /\.ts$|\.map$|node_modules\//.test(n))).toEqual([]);
    expect(entry('extension/syntaxes/shot.tmLanguage.json').toString()).toBe(readFileSync(path.join(ROOT, 'grammar', 'shot.tmLanguage.json'), 'utf8'));
    expect(entry('extension/language-configuration.json').toString()).toBe(readFileSync(path.join(ROOT, 'grammar', 'language-configuration.json'), 'utf8'));
  });

  it('contributes the shot language for .shot files with the grammar, and the commands', () => {
    const manifest = JSON.parse(entry('extension/package.json').toString()) as {
      main: string;
      contributes: { languages: { id: string; extensions: string[]; configuration: string }[]; grammars: { language: string; scopeName: string; path: string }[]; commands: { command: string }[] };
    };
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.contributes.languages[0]).toMatchObject({ id: 'shot', extensions: ['.shot'], configuration: './language-configuration.json' });
    expect(manifest.contributes.grammars[0]).toMatchObject({ language: 'shot', scopeName: 'source.shot', path: './syntaxes/shot.tmLanguage.json' });
    expect(manifest.contributes.commands.map((c) => c.command)).toEqual(['shotc.showPlan', 'shotc.openStoryboard', 'shotc.render', 'shotc.restartServer']);
  });

  it('runs its bundled server on its own, outside the repository, with the docs it ships', async () => {
    const dir = tmp();
    for (const e of entries.filter((x) => x.name.startsWith('extension/'))) {
      const file = path.join(dir, e.name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, e.read());
    }
    const server = path.join(dir, 'extension', 'dist', 'server.mjs');
    const client = await LspClient.start({ command: [server, '--stdio'], cwd: dir });
    try {
      const file = path.join(dir, 'scene.shot');
      const text = `${HEAD}CLIP arrival 10s\n  A train arrives.\n`;
      writeFileSync(file, text);
      await client.open(fileUri(file), text);
      const p = await client.diagnosticsFor(fileUri(file), 1);
      const d = p.diagnostics.find((x) => x.code === 'SC401')!;
      expect(d.codeDescription?.href).toMatch(new RegExp(`^${fileUri(path.join(dir, 'extension', 'spec', 'diagnostics.md'))}#sc401`));
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: fileUri(file) }, position: d.range.start });
      expect((hover.contents as MarkupContent).value).toContain('**SC401** `limits/seconds`');
    } finally {
      expect(await client.stop()).toBe(0);
    }
  });
});
