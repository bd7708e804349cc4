import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Position, Range, TextEdit } from 'vscode-languageserver-protocol';
import { format } from '../../src/core/format/index.js';
import { applyTextEdits, LspClient } from './client.js';
import { SAMPLE, untitled } from './fixtures.js';

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start({ initializationOptions: { diagnosticsDelay: 0 } });
});
afterAll(async () => {
  expect(client.exitCode).toBeUndefined();
  expect(await client.stop()).toBe(0);
});

/** Pieces of .shot syntax (and of things that break it) for random edits to be made of. */
const PIECES = [
  'CLIP ', 'LOOK ', 'CAST\n', 'REMIX ', 'EXTEND ', 'EDIT ', 'USING ', 'arrival', 'night', 'MARA', 'MARA: "', '8s', '1280x720', 'sora-2-pro',
  '0.00–2.40 — "', '2.40-', ' (', ')', '"', '“', '[[', ']]', '//', '---\n', '\n', '\r\n', '\r', '  ', '\t', ':', 'Style: ', 'Grade:\n  Highlights: ',
  'Reference: ', '../', 'Change: ', 'é', '😀', '\u0000', 'x', ' ', '12', '.', '—',
];

const edit = fc.record({
  from: fc.nat(),
  length: fc.nat({ max: 40 }),
  insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((p) => p.join('')),
});

function positionAt(text: string, offset: number): Position {
  const lines = text.slice(0, offset).split(/\r\n|\n|\r/);
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

/** An offset between the \r and \n of one line break has no LSP position; step past it. */
function offSeam(text: string, offset: number): number {
  return text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10 ? offset + 1 : offset;
}

const REQUESTS = [
  'textDocument/completion',
  'textDocument/hover',
  'textDocument/definition',
  'textDocument/references',
  'textDocument/documentHighlight',
  'textDocument/prepareRename',
  'textDocument/codeAction',
  'textDocument/formatting',
  'textDocument/rangeFormatting',
  'textDocument/documentSymbol',
  'textDocument/foldingRange',
  'textDocument/semanticTokens/full',
] as const;

function params(method: string, uri: string, position: Position, range: Range): unknown {
  const textDocument = { uri };
  switch (method) {
    case 'textDocument/references':
      return { textDocument, position, context: { includeDeclaration: true } };
    case 'textDocument/codeAction':
      return { textDocument, range, context: { diagnostics: [] } };
    case 'textDocument/formatting':
      return { textDocument, options: { tabSize: 2, insertSpaces: true } };
    case 'textDocument/rangeFormatting':
      return { textDocument, range, options: { tabSize: 2, insertSpaces: true } };
    case 'textDocument/documentSymbol':
    case 'textDocument/foldingRange':
    case 'textDocument/semanticTokens/full':
      return { textDocument };
    default:
      return { textDocument, position };
  }
}

describe('robustness', () => {
  it('random edit sequences never crash the server, and every request answers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), fc.array(fc.tuple(fc.constantFrom(...REQUESTS), fc.nat(), fc.nat()), { minLength: 4, maxLength: 12 }), async (edits, requests) => {
        const uri = untitled('fuzz');
        let text = SAMPLE;
        await client.open(uri, text);
        let version = 1;
        for (const e of edits) {
          const from = offSeam(text, e.from % (text.length + 1));
          const to = offSeam(text, Math.min(text.length, from + e.length));
          const range = { start: positionAt(text, from), end: positionAt(text, to) };
          text = text.slice(0, from) + e.insert + text.slice(to);
          await client.change(uri, ++version, [{ range, text: e.insert }]);
        }
        // Diagnostics arrive for the last version, and the server's text is ours: its formatting
        // edits, applied to our text, give what the formatter makes of our text.
        await client.diagnosticsFor(uri, version);
        const formatting = await client.request<TextEdit[]>('textDocument/formatting', params('textDocument/formatting', uri, { line: 0, character: 0 }, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }));
        expect(applyTextEdits(text, formatting)).toBe(format(text));
        for (const [method, a, b] of requests) {
          const p1 = positionAt(text, a % (text.length + 1));
          const p2 = positionAt(text, b % (text.length + 1));
          const range = p1.line < p2.line || (p1.line === p2.line && p1.character <= p2.character) ? { start: p1, end: p2 } : { start: p2, end: p1 };
          try {
            await client.request(method, params(method, uri, p1, range));
          } catch (e) {
            // prepareRename refuses, with a message, where there is no name: an answer, not a crash.
            expect(method, String(e)).toBe('textDocument/prepareRename');
            expect(String(e)).toMatch(/renamed|define it first/);
          }
        }
        await client.close(uri);
        expect(client.exitCode).toBeUndefined();
        expect(client.logs.filter((l) => l.includes('failed'))).toEqual([]);
      }),
      { numRuns: 40 },
    );
    // Forty sessions of edits and requests: seconds alone, far more when CI runs every suite at once.
  }, 120_000);

  it('keeps its line table when an edit puts a \\r right before a \\n', async () => {
    // The text-document library counted such a \r\n as two line breaks, so the next edit landed a line off.
    const uri = untitled('cr');
    let text = SAMPLE;
    await client.open(uri, text);
    await client.change(uri, 2, [{ range: { start: { line: 1, character: 5 }, end: { line: 1, character: 23 } }, text: '\r' }]);
    text = text.replace('title: Morning Platform\n', 'title\r\n');
    const line = 17;
    const mara = text.split(/\r\n|\n|\r/)[line]!;
    const coat = mara.indexOf('coat');
    // Cut the line after "wool ", leaving a trailing space for the formatter to take away.
    await client.change(uri, 3, [{ range: { start: { line, character: coat }, end: { line, character: mara.length } }, text: '' }]);
    text = text.replace(mara, mara.slice(0, coat));
    await client.diagnosticsFor(uri, 3);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', params('textDocument/formatting', uri, { line: 0, character: 0 }, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }));
    expect(applyTextEdits(text, edits)).toBe(format(text));
    expect(applyTextEdits(text, edits)).toContain('MARA: woman in her thirties, navy wool\n');
    await client.close(uri);
  });

  it('answers on a document that is nothing but broken syntax', async () => {
    const uri = untitled('broken');
    const text = '---\nmodel: [\nCLIP\nCLIP REMIX\n  0.00–\n  "unclosed\n[[ note\nLOOK\nCAST\nlower: x\n    MARA (: "\n\u0000\n';
    await client.open(uri, text);
    const p = await client.diagnosticsFor(uri, 1);
    expect(p.diagnostics.length).toBeGreaterThan(0);
    for (const method of REQUESTS) {
      if (method === 'textDocument/prepareRename') continue;
      await client.request(method, params(method, uri, { line: 3, character: 6 }, { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } }));
    }
    expect(client.logs.filter((l) => l.includes('failed'))).toEqual([]);
  });
});
