import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { format } from '../../src/core/format/index.js';
import { applyTextEdits, LspClient } from './client.js';
import { untitled } from './fixtures.js';

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start();
});
afterAll(async () => {
  await client.stop();
});

const MESSY = `---
size: 1280x720
---
style: 35 mm film.
grade/palette:
    highlights: amber.

CLIP arrival   4s
    0-2.4 - "Arrival" (32 mm)
        The train glides in.
    2.4-4 -- "Turn"
        She turns.
`;

describe('formatting', () => {
  it('formats the document as shotc fmt does, with small line edits', async () => {
    const uri = untitled();
    await client.open(uri, MESSY);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(applyTextEdits(MESSY, edits)).toBe(format(MESSY));
    // The front matter and unchanged lines are not rewritten.
    expect(edits.every((e) => e.range.start.line >= 3)).toBe(true);
    expect(edits.length).toBeGreaterThan(1);
  });

  it('returns no edits for a formatted document', async () => {
    const uri = untitled();
    const text = format(MESSY);
    await client.open(uri, text);
    expect(await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
  });

  it('range formatting changes only the selected lines', async () => {
    const uri = untitled();
    await client.open(uri, MESSY);
    // Select the clip's first shot (lines 8–9).
    const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line: 8, character: 0 }, end: { line: 9, character: 5 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    const after = applyTextEdits(MESSY, edits).split('\n');
    const before = MESSY.split('\n');
    const formatted = format(MESSY).split('\n');
    expect(after.slice(0, 8)).toEqual(before.slice(0, 8));
    expect(after.slice(8, 10)).toEqual(formatted.slice(8, 10));
    expect(after.slice(10)).toEqual(before.slice(10));
  });
});
