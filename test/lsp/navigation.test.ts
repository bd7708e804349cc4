import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Location, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, LspClient, marked, textAt } from './client.js';
import { untitled } from './fixtures.js';

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start();
});
afterAll(async () => {
  await client.stop();
});

const DOC = `---
size: 1280x720
---
Style: 35 mm film.

LOOK night
  Lighting: sodium practicals.

CAST
MARA: woman in her thirties, navy wool coat.
JONAS: man in his forties.

CLIP arrival 8s USING night
  0.00–4.00 — "Arrival"
    The train glides in. MARA steps off; MARAT the porter waves.
  4.00–8.00 — "Turn"
    MARA (quietly): "We made it, JONAS."

CLIP arrival-dusk REMIX arrival
  Change: MARA's coat turns dusk blue.

CLIP more EXTEND arrival 4s USING night
  MARA walks on.
`;

/** Open DOC with a cursor at the `n`-th occurrence of `word` (0-based), offset by `inside` characters. */
async function at(word: string, n = 0, inside = 1): Promise<{ uri: string; position: { line: number; character: number } }> {
  let i = -1;
  for (let k = 0; k <= n; k++) i = DOC.indexOf(word, i + 1);
  const { cursor } = marked(DOC.slice(0, i + inside) + '<|>');
  const uri = untitled();
  await client.open(uri, DOC);
  return { uri, position: cursor };
}

const texts = (locs: { range: Range }[]): string[] => locs.map((l) => `${l.range.start.line}:${textAt(DOC, l.range)}`);

describe('definition and references', () => {
  it('goes from a REMIX source to the clip it names', async () => {
    const { uri, position } = await at('REMIX arrival', 0, 7);
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position });
    expect(texts(defs)).toEqual(['12:arrival']);
  });

  it('goes from USING to the LOOK', async () => {
    const { uri, position } = await at('USING night', 0, 8);
    expect(texts(await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position }))).toEqual(['5:night']);
  });

  it("finds a character's speakers and whole-word mentions in prose, not MARAT", async () => {
    const { uri, position } = await at('MARA:', 0, 2);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
    expect(texts(refs)).toEqual(['9:MARA', '14:MARA', '16:MARA', '19:MARA', '22:MARA']);
    const noDecl = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: false } });
    expect(texts(noDecl)).toEqual(['14:MARA', '16:MARA', '19:MARA', '22:MARA']);
  });

  it('finds the clips that REMIX and EXTEND a clip', async () => {
    const { uri, position } = await at('CLIP arrival 8s', 0, 6);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: false } });
    expect(texts(refs)).toEqual(['18:arrival', '21:arrival']);
  });

  it('finds a character named inside dialogue', async () => {
    const { uri, position } = await at('JONAS:', 0, 1);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
    expect(texts(refs)).toEqual(['10:JONAS', '16:JONAS']);
  });
});

describe('rename', () => {
  async function renameAt(word: string, n: number, newName: string): Promise<string> {
    const { uri, position } = await at(word, n);
    const prepared = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position });
    expect(prepared.placeholder).toBe(word.split(/[ :]/)[0]);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName });
    return applyTextEdits(DOC, edit.changes![uri]!);
  }

  it('renames a clip and every REMIX/EXTEND of it', async () => {
    const after = await renameAt('arrival', 0, 'platform');
    expect(after).toContain('CLIP platform 8s USING night');
    expect(after).toContain('CLIP arrival-dusk REMIX platform');
    expect(after).toContain('CLIP more EXTEND platform 4s');
  });

  it('renames a look and its USINGs, but not the word in prose', async () => {
    const after = await renameAt('night', 0, 'evening');
    expect(after).toContain('LOOK evening');
    expect(after.match(/USING evening/g)).toHaveLength(2);
  });

  it('renames a character in CAST, dialogue and prose, keeping possessives', async () => {
    const after = await renameAt('MARA', 0, 'ELENA');
    expect(after).toContain('ELENA: woman in her thirties');
    expect(after).toContain('ELENA steps off; MARAT the porter waves.');
    expect(after).toContain('ELENA (quietly): "We made it, JONAS."');
    expect(after).toContain("Change: ELENA's coat turns dusk blue.");
    expect(after).not.toMatch(/\bMARA\b/);
  });

  it('refuses invalid and taken names, and places that are not names', async () => {
    const { uri, position } = await at('MARA', 0);
    await expect(client.request('textDocument/rename', { textDocument: { uri }, position, newName: 'Elena' })).rejects.toThrow(/capitals/);
    await expect(client.request('textDocument/rename', { textDocument: { uri }, position, newName: 'JONAS' })).rejects.toThrow(/already exists/);
    await expect(client.request('textDocument/rename', { textDocument: { uri }, position, newName: 'STYLE' })).rejects.toThrow(/section key/);
    const clip = await at('arrival', 0);
    await expect(client.request('textDocument/rename', { textDocument: { uri: clip.uri }, position: clip.position, newName: 'new name' })).rejects.toThrow(/not a valid clip name/);
    await expect(client.request('textDocument/rename', { textDocument: { uri: clip.uri }, position: clip.position, newName: '8s' })).rejects.toThrow(/length or a size/);
    const prose = await at('glides');
    await expect(client.request('textDocument/prepareRename', { textDocument: { uri: prose.uri }, position: prose.position })).rejects.toThrow(/Only clip, look and character names/);
  });
});
