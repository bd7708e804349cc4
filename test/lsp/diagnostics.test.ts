import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-protocol';
import { useTmpDir } from '../helpers/tmp.js';
import { fileUri, LspClient, textAt } from './client.js';
import { makeImage } from '../helpers/images.js';
import { HEAD, HEAD_LINES, SAMPLE, untitled } from './fixtures.js';

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start();
});
afterAll(async () => {
  expect(await client.stop()).toBe(0);
});
const tmp = useTmpDir();

describe('diagnostics', () => {
  it('the sample compiles with no problems', async () => {
    const uri = untitled();
    await client.open(uri, SAMPLE);
    const p = await client.diagnosticsFor(uri, 1);
    expect(p.diagnostics).toEqual([]);
  });

  it('reports an error on open with code, severity, range and source', async () => {
    const uri = untitled();
    const text = 'CLIP arrival 10s\n  A train arrives.\n';
    await client.open(uri, text);
    const p = await client.diagnosticsFor(uri, 1);
    const d = p.diagnostics.find((x) => x.code === 'SC401');
    expect(d).toBeDefined();
    expect(d!.severity).toBe(DiagnosticSeverity.Error);
    expect(d!.source).toBe('shotc');
    expect(textAt(text, d!.range)).toBe('10s');
    expect(d!.message).toContain('4, 8, 12');
  });

  it('an error appears after an edit and clears once fixed', async () => {
    const uri = untitled();
    const text = `${HEAD}CLIP arrival 8s\n  0.00–8.00 — "Arrival"\n    The train glides in.\n`;
    await client.open(uri, text);
    expect((await client.diagnosticsFor(uri, 1)).diagnostics).toEqual([]);
    // Change the end of the shot: 8.00 → 6.00 (the shot line, characters 7–11).
    const end = { start: { line: HEAD_LINES + 1, character: 7 }, end: { line: HEAD_LINES + 1, character: 11 } };
    await client.change(uri, 2, [{ range: end, text: '6.00' }]);
    const broken = await client.diagnosticsFor(uri, 2);
    expect(broken.diagnostics.map((d) => d.code)).toEqual(['SC503']);
    expect(broken.diagnostics[0]!.range).toEqual(end);
    await client.change(uri, 3, [{ range: end, text: '8.00' }]);
    expect((await client.diagnosticsFor(uri, 3)).diagnostics).toEqual([]);
  });

  it('a burst of edits is diagnosed once, for the last version', async () => {
    const slow = await LspClient.start({ initializationOptions: { diagnosticsDelay: 300 } });
    try {
      const uri = untitled();
      await slow.open(uri, 'CLIP a 8s\n  Scene text.\n');
      await slow.diagnosticsFor(uri, 1);
      for (let v = 2; v <= 6; v++) await slow.change(uri, v, [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 9 } }, text: ' ' }]);
      const last = await slow.diagnosticsFor(uri, 6);
      expect(last.version).toBe(6);
      expect(slow.history(uri).map((p) => p.version)).toEqual([1, 6]);
    } finally {
      await slow.stop();
    }
  });

  it('gives related places for a duplicate name', async () => {
    const uri = untitled();
    const text = 'CLIP arrival 4s\n  A.\n\nCLIP arrival 4s\n  B.\n';
    await client.open(uri, text);
    const p = await client.diagnosticsFor(uri, 1);
    const d = p.diagnostics.find((x) => x.code === 'SC302')!;
    expect(d.range.start.line).toBe(3);
    expect(d.relatedInformation).toEqual([{ location: { uri, range: { start: { line: 0, character: 5 }, end: { line: 0, character: 12 } } }, message: 'first clip named "arrival"' }]);
  });

  it('tags settings that do nothing as unnecessary', async () => {
    const uri = untitled();
    const text = 'CLIP a 4s\n  Scene.\n\nCLIP b REMIX a 1280x720\n  Change: make it dusk.\n';
    await client.open(uri, text);
    const p = await client.diagnosticsFor(uri, 1);
    const d = p.diagnostics.find((x) => x.code === 'SC407')!;
    expect(textAt(text, d.range)).toBe('1280x720');
    expect(d.tags).toEqual([DiagnosticTag.Unnecessary]);
  });

  it('runs the slow rules on open and again on save', async () => {
    const dir = tmp();
    const file = path.join(dir, 'scene.shot');
    const text = `${HEAD}CLIP a 4s\n  Reference: frames/first.png\n  A train arrives.\n`;
    writeFileSync(file, text);
    const uri = fileUri(file);
    await client.open(uri, text);
    const missing = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'SC304'));
    expect(textAt(text, missing.diagnostics.find((d) => d.code === 'SC304')!.range)).toBe('frames/first.png');
    // Typing elsewhere keeps the slow diagnostic, moved with the text.
    await client.change(uri, 2, [{ range: { start: { line: HEAD_LINES, character: 0 }, end: { line: HEAD_LINES, character: 0 } }, text: '// first clip\n' }]);
    const moved = await client.diagnosticsFor(uri, 2);
    expect(moved.diagnostics.find((d) => d.code === 'SC304')!.range.start.line).toBe(HEAD_LINES + 2);
    // The image appears with the wrong size, then the right one; each save checks again.
    mkdirSync(path.join(dir, 'frames'));
    writeFileSync(path.join(dir, 'frames', 'first.png'), await makeImage('png', 640, 480));
    await client.save(uri);
    const wrong = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'SC307'));
    expect(wrong.diagnostics.map((d) => d.code)).toEqual(['SC307']);
    writeFileSync(path.join(dir, 'frames', 'first.png'), await makeImage('png', 1280, 720));
    await client.save(uri);
    await client.diagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it("reports problems in shotc.yaml on shotc.yaml's own URI", async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'shotc.yaml'), 'modle: sora-2-pro\n');
    const file = path.join(dir, 'scene.shot');
    const text = `${HEAD}CLIP a 4s\n  A train arrives.\n`;
    writeFileSync(file, text);
    await client.open(fileUri(file), text);
    const config = await client.diagnostics(fileUri(path.join(dir, 'shotc.yaml')), (p) => p.diagnostics.length > 0);
    expect(config.diagnostics.map((d) => [d.code, d.range])).toEqual([['SC201', { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }]]);
    const own = await client.diagnosticsFor(fileUri(file), 1);
    expect(own.diagnostics.filter((d) => d.code === 'SC201')).toEqual([]);
    // Closing the only document that uses it clears the config's diagnostics too.
    await client.close(fileUri(file));
    await client.diagnostics(fileUri(path.join(dir, 'shotc.yaml')), (p) => p.diagnostics.length === 0);
  });

  it('editing shotc.yaml in the editor re-checks the .shot files under it', async () => {
    const dir = tmp();
    const configPath = path.join(dir, 'shotc.yaml');
    writeFileSync(configPath, 'model: sora-2\n');
    const file = path.join(dir, 'scene.shot');
    const text = 'CLIP a 4s 1792x1024\n  A train arrives.\n';
    writeFileSync(file, text);
    await client.open(fileUri(file), text);
    await client.diagnostics(fileUri(file), (p) => p.diagnostics.some((d) => d.code === 'SC402'));
    await client.open(fileUri(configPath), 'model: sora-2\n', 1, 'yaml');
    await client.change(fileUri(configPath), 2, [{ text: 'model: sora-2-pro\n' }]);
    await client.diagnostics(fileUri(file), (p) => p.diagnostics.every((d) => d.code !== 'SC402'));
  });

  it('clears diagnostics when the document closes', async () => {
    const uri = untitled();
    await client.open(uri, 'CLIP a 10s\n  Scene.\n');
    expect((await client.diagnosticsFor(uri, 1)).diagnostics.length).toBeGreaterThan(0);
    await client.close(uri);
    const cleared = await client.diagnostics(uri, (p) => p.version === undefined);
    expect(cleared.diagnostics).toEqual([]);
  });

  it('analyses .shot files, whatever language the editor gives them, and nothing else', async () => {
    const markdown = 'untitled:notes.md';
    await client.open(markdown, 'CLIP arrival 10s\n', 1, 'markdown');
    const dir = tmp();
    const file = fileUri(path.join(dir, 'scene.shot'));
    await client.open(file, 'CLIP arrival 10s\n  A train.\n', 1, 'markdown');
    const p = await client.diagnosticsFor(file, 1);
    expect(p.diagnostics.some((d) => d.code === 'SC401')).toBe(true);
    expect(client.history(markdown)).toEqual([]);
    expect(await client.request('textDocument/hover', { textDocument: { uri: markdown }, position: { line: 0, character: 6 } })).toBeNull();
  });
});
