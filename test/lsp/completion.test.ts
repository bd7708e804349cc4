import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InsertTextFormat, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-protocol';
import { useTmpDir } from '../helpers/tmp.js';
import { applyTextEdits, fileUri, LspClient, marked } from './client.js';
import { makeImage } from '../helpers/images.js';
import { untitled } from './fixtures.js';

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start();
});
afterAll(async () => {
  await client.stop();
});
const tmp = useTmpDir();

/** Open `source` (with a `<|>` cursor) and ask for completions there. */
async function complete(source: string, uri = untitled()): Promise<{ items: CompletionItem[]; labels: string[]; text: string }> {
  const { text, cursor } = marked(source);
  await client.open(uri, text);
  const result = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: cursor });
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return { items, labels: items.map((i) => i.label), text };
}

/** The document after accepting `item` (snippet placeholders removed). */
function accept(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const newText = item.insertTextFormat === InsertTextFormat.Snippet ? edit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d/g, '') : edit.newText;
  return applyTextEdits(text, [{ range: edit.range, newText }]);
}

const FM = '---\nmodel: sora-2\nsize: 1280x720\n---\n';

describe('completion', () => {
  it('offers section keys and their aliases at the start of a top-level line', async () => {
    const { labels, items, text } = await complete(`${FM}Gra<|>\n`);
    expect(labels).toEqual(expect.arrayContaining(['Style', 'Format & Look', 'Grade / Palette', 'Grade', 'Palette', 'Lighting & Atmosphere', 'Camera Notes', 'Scene']));
    expect(labels).not.toContain('Reference');
    expect(labels).not.toContain('Camera');
    const grade = items.find((i) => i.label === 'Grade / Palette')!;
    expect(accept(text, grade)).toBe(`${FM}Grade / Palette: \n`);
  });

  it('offers the headings at column 0', async () => {
    const { labels } = await complete(`${FM}Style: film.\n\n<|>\n`);
    expect(labels).toEqual(expect.arrayContaining(['CLIP', 'LOOK', 'CAST']));
  });

  it('offers Highlights, Mids and Blacks under Grade / Palette, without those already there', async () => {
    const { labels } = await complete(`${FM}Grade / Palette:\n  Highlights: amber.\n  <|>\n`);
    expect(labels).toContain('Mids');
    expect(labels).toContain('Blacks');
    expect(labels).not.toContain('Highlights');
    expect(labels).not.toContain('Style');
  });

  it('offers only the lengths, sizes and models the clip can use after CLIP name', async () => {
    const { labels } = await complete(`${FM}CLIP arrival <|>\n`);
    expect(labels).toEqual(expect.arrayContaining(['4s', '8s', '12s', '1280x720', '720x1280', 'sora-2', 'sora-2-pro', 'USING', 'REMIX', 'EXTEND', 'EDIT']));
    // sora-2 (the front matter's model) cannot render the Pro sizes.
    expect(labels).not.toContain('1792x1024');
    expect(labels).not.toContain('16s');
  });

  it('follows the model named in the header and drops what the header already has', async () => {
    const { labels } = await complete(`${FM}CLIP arrival sora-2-pro 8s <|>\n`);
    expect(labels).toEqual(expect.arrayContaining(['1792x1024', '1024x1792', '1280x720', 'USING']));
    expect(labels).not.toContain('4s');
    expect(labels).not.toContain('sora-2');
    expect(labels).not.toContain('REMIX');
  });

  it('offers earlier clips only after REMIX, EXTEND and EDIT', async () => {
    const doc = `${FM}Style: film.\nCLIP first 4s\n  A.\n\nCLIP second 4s\n  B.\n\nCLIP third REMIX <|>\n\nCLIP fourth 4s\n  D.\n`;
    const { labels } = await complete(doc);
    expect(labels.sort()).toEqual(['first', 'second']);
    const ext = await complete(`${FM}CLIP first 4s\n  A.\n\nCLIP more EXTEND fi<|>\n`);
    expect(ext.labels).toEqual(['first']);
    expect(accept(ext.text, ext.items[0]!)).toBe(`${FM}CLIP first 4s\n  A.\n\nCLIP more EXTEND first\n`);
  });

  it('offers the lengths an extension may have after EXTEND source', async () => {
    const { labels } = await complete(`${FM}CLIP first 4s\n  A.\n\nCLIP more EXTEND first <|>\n`);
    expect(labels).toEqual(expect.arrayContaining(['4s', '8s', '12s', 'USING']));
    expect(labels).not.toContain('1280x720');
    expect(labels).not.toContain('sora-2-pro');
  });

  it('offers look names after USING', async () => {
    const { labels } = await complete(`${FM}LOOK night\n  Lighting: sodium.\n\nLOOK dawn\n  Lighting: amber.\n\nCLIP a 4s USING <|>\n`);
    expect(labels.sort()).toEqual(['dawn', 'night']);
  });

  it('offers cast names at the start of a dialogue line in a shot, as a quoted line', async () => {
    const doc = `${FM}CAST\nMARA: woman in her thirties.\nJONAS: man in his forties.\n\nCLIP a 4s\n  0.00–4.00 — "Turn"\n    She turns.\n    MA<|>\n`;
    const { items, labels, text } = await complete(doc);
    expect(labels).toEqual(expect.arrayContaining(['MARA', 'JONAS', 'Camera', 'Action', 'Purpose']));
    const mara = items.find((i) => i.label === 'MARA')!;
    expect(mara.insertTextFormat).toBe(InsertTextFormat.Snippet);
    expect(accept(text, mara)).toContain('    MARA: ""\n');
    expect(labels).not.toContain('Style');
  });

  it('offers Reference: and not Change: in a new clip, and Change: in a remix', async () => {
    const create = await complete(`${FM}CLIP a 4s\n  <|>\n`);
    expect(create.labels).toContain('Reference');
    expect(create.labels).not.toContain('Change');
    expect(create.labels).toContain('Lighting & Atmosphere');
    const remix = await complete(`${FM}CLIP a 4s\n  A.\n\nCLIP b REMIX a\n  <|>\n`);
    expect(remix.labels).toContain('Change');
    expect(remix.labels).not.toContain('Reference');
  });

  it('offers images and folders relative to the file after Reference:', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'frames'));
    writeFileSync(path.join(dir, 'frames', 'first.png'), await makeImage('png', 1280, 720));
    writeFileSync(path.join(dir, 'frames', 'notes.txt'), 'not an image');
    writeFileSync(path.join(dir, 'frames', 'wide.jpg'), await makeImage('jpeg', 1792, 1024));
    const file = path.join(dir, 'scene.shot');
    const top = await complete(`${FM}CLIP a 4s\n  Reference: <|>\n`, fileUri(file));
    expect(top.labels).toContain('frames/');
    const inside = await complete(`${FM}CLIP a 4s\n  Reference: frames/<|>\n`, fileUri(path.join(dir, 'other.shot')));
    expect(inside.labels.sort()).toEqual(['first.png', 'wide.jpg']);
    const first = inside.items.find((i) => i.label === 'first.png')!;
    expect(first.detail).toBe('PNG 1280x720 · matches the clip');
    expect(inside.items.find((i) => i.label === 'wide.jpg')!.detail).toBe('JPEG 1792x1024 · the clip is 1280x720');
    expect(accept(inside.text, first)).toBe(`${FM}CLIP a 4s\n  Reference: frames/first.png\n`);
  });

  it('offers setting names and model values in the front matter', async () => {
    const keys = await complete('---\nmo<|>\n---\n');
    expect(keys.labels).toEqual(expect.arrayContaining(['title', 'model', 'size', 'seconds', 'budget', 'lint', 'target']));
    const models = await complete('---\nmodel: <|>\n---\n');
    expect(models.labels).toEqual(expect.arrayContaining(['sora-2', 'sora-2-pro']));
  });

  it('offers rule names in a shotc-disable comment', async () => {
    const { labels } = await complete(`${FM}// shotc-disable-next-line tim<|>\nCLIP a 4s\n`);
    expect(labels).toEqual(expect.arrayContaining(['timing/gap', 'timing/overlap', 'limits/seconds']));
  });

  it('offers nothing in the middle of prose', async () => {
    const { labels } = await complete(`${FM}CLIP a 4s\n  0.00–4.00\n    The train glides in and st<|>\n`);
    expect(labels).toEqual([]);
  });
});

describe('completion while typing', () => {
  it('reads the line being typed, even before the document is analysed again', async () => {
    const uri = untitled();
    const text = `${FM}Style: film.\n\nCLIP a 4s\n  A train.\n\n\n`;
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const line = 8;
    let version = 1;
    for (const [i, ch] of [...'CLIP b '].entries()) {
      const at = { line, character: i };
      await client.change(uri, ++version, [{ range: { start: at, end: at }, text: ch }]);
    }
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 7 } });
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['4s', '8s', '1280x720', 'sora-2-pro', 'REMIX']));
    await client.change(uri, ++version, [{ range: { start: { line, character: 7 }, end: { line, character: 7 } }, text: 'REMIX ' }]);
    const sources = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 13 } });
    expect(sources.map((i) => i.label)).toEqual(['a']);
  });
});
