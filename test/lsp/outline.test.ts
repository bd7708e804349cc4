import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocumentSymbol, type FoldingRange, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { LspClient, textAt } from './client.js';
import { SAMPLE, untitled } from './fixtures.js';

let client: LspClient;
let uri: string;
beforeAll(async () => {
  client = await LspClient.start();
  uri = untitled();
  await client.open(uri, SAMPLE);
});
afterAll(async () => {
  await client.stop();
});

/** name [detail] and children, as an indented outline. */
function outline(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` [${s.detail}]` : ''}`, ...outline(s.children ?? [], depth + 1)]);
}

describe('document outline', () => {
  it('lists the settings, look sections, cast and clips with their shots and timings', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(outline(symbols)).toEqual([
      'Morning Platform [front matter]',
      'Style [1970s romantic drama, 35 mm with natural flares and warm halation.]',
      'Format & Look [180° shutter; digital capture emulating 65 mm photochemical contrast; fine grain.]',
      'Lenses & Filtration [32 mm / 50 mm spherical primes; Black Pro-Mist 1/4.]',
      'Grade / Palette',
      'Lighting & Atmosphere [low sun through the canopy; thin haze; sodium practicals.]',
      'Location & Framing [commuter platform, wet concrete, train arriving screen left.]',
      'Sound [diegetic only — rail screech, brakes hiss, a muffled announcement.]',
      'CAST [1 character]',
      '  MARA [woman in her thirties, navy wool coat, short dark hair, leather satchel.]',
      'CLIP arrival [4s · 1280x720 · sora-2-pro]',
      '  0.00–2.40 “Arrival Drift” [32 mm, shoulder-mounted slow dolly left]',
      '  2.40–4.00 “Turn and Pause” [50 mm, slow arc in]',
      'CLIP arrival-dusk [REMIX arrival · 4s · 1280x720 · sora-2-pro]',
    ]);
    const clip = symbols.find((s) => s.name === 'CLIP arrival')!;
    expect(textAt(SAMPLE, clip.selectionRange)).toBe('arrival');
    expect(clip.range.start.line).toBe(20);
    expect(clip.range.end.line).toBe(26);
  });

  it('folds the front matter, blocks, sections with sub-keys and shots', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const spans = ranges.map((r) => `${r.startLine}-${r.endLine}`);
    // The clip runs to its note; the second shot holds its dialogue and the note indented under it.
    expect(spans).toEqual(['0-4', '8-11', '16-17', '20-26', '21-22', '23-26', '28-29']);
  });

  it('gives semantic tokens for names the grammar cannot know, like a character in prose', async () => {
    const legend = client.initializeResult.capabilities.semanticTokensProvider!.legend as SemanticTokensLegend;
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const decoded: string[] = [];
    let line = 0;
    let char = 0;
    const lines = SAMPLE.split('\n');
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, len, type, mods] = tokens.data.slice(i, i + 5) as [number, number, number, number, number];
      line += dl;
      char = dl ? dc : char + dc;
      const modNames = legend.tokenModifiers.filter((_, b) => mods & (1 << b));
      decoded.push(`${line}:${lines[line]!.slice(char, char + len)}:${legend.tokenTypes[type]}${modNames.length ? `+${modNames.join('+')}` : ''}`);
    }
    expect(decoded).toEqual(
      expect.arrayContaining([
        '17:MARA:variable+declaration',
        '20:CLIP:keyword',
        '20:arrival:function+declaration',
        '20:4s:number',
        '21:0.00:number',
        '21:"Arrival Drift":string',
        '21:32 mm, shoulder-mounted slow dolly left:parameter',
        '22:MARA:variable',
        '25:MARA:variable',
        '25:quietly:parameter',
        '25:"We made it.":string',
        '26:[[ check the window reflection in the grade ]]:comment+documentation',
        '19:// the arrival is one 4-second clip with two shots:comment',
        '28:REMIX:keyword',
        '28:arrival:function',
        '29:Change:property',
        '9:Highlights:property',
      ]),
    );
  });
});
