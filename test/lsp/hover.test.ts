import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { compile } from '../../src/core/compile.js';
import { LspClient, marked, textAt } from './client.js';
import { SAMPLE, untitled } from './fixtures.js';

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start();
});
afterAll(async () => {
  await client.stop();
});

async function hoverAt(source: string): Promise<{ hover: Hover | null; text: string }> {
  const { text, cursor } = marked(source);
  const uri = untitled();
  await client.open(uri, text);
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: cursor });
  return { hover, text };
}

function value(h: Hover | null): string {
  return (h?.contents as MarkupContent | undefined)?.value ?? '';
}

describe('hover', () => {
  it('on a CLIP header shows the resolved clip and the exact prompt that will be sent', async () => {
    const source = SAMPLE.replace('CLIP arrival 4s', 'CLIP arr<|>ival 4s');
    const { hover, text } = await hoverAt(source);
    const md = value(hover);
    const { plan } = await compile(text);
    const prompt = plan.clips[0]!.request.body['prompt'] as string;
    expect(md).toContain('**CLIP arrival** — new clip · `POST /videos`');
    expect(md).toContain('| Seconds | 4 | clip header |');
    expect(md).toContain('| Size | 1280x720 | front matter |');
    expect(md).toContain('| Model | sora-2-pro | front matter |');
    expect(md).toContain('| Cost | $1.20 | $0.30/s at 1280x720 |');
    expect(md).toContain('Shots: 2, 0.00–4.00; their timings sum to 4.00 s.');
    expect(md).toContain('Cast: MARA');
    expect(md).toContain(`\`\`\`text\n${prompt}\n\`\`\``);
    expect(textAt(text, hover!.range!)).toBe('arrival');
  });

  it('on a remix header says where its settings come from', async () => {
    const source = SAMPLE.replace('CLIP arrival-dusk REMIX arrival', '<|>CLIP arrival-dusk REMIX arrival');
    const md = value((await hoverAt(source)).hover);
    expect(md).toContain('**CLIP arrival-dusk** — remix of arrival · `POST /videos/{video_id}/remix`');
    expect(md).toContain('| Seconds | 4 | source clip arrival |');
    expect(md).toContain('shift the palette to dusk blue with sodium-orange practicals.');
  });

  it('on a section key says what it controls, with an example', async () => {
    const md = value((await hoverAt(SAMPLE.replace('Grade / Palette:', 'Gra<|>de / Palette:'))).hover);
    expect(md).toContain('**Grade / Palette** (also written `Grade`, `Palette`) — look section');
    expect(md).toContain('Colour grade and palette anchors');
    expect(md).toContain('```shot\nGrade / Palette:\n  Highlights:');
  });

  it('on a character shows their description and the clips they appear in', async () => {
    const md = value((await hoverAt(SAMPLE.replace('The train glides in. MARA takes', 'The train glides in. MA<|>RA takes'))).hover);
    expect(md).toBe('**MARA** — character\n\nwoman in her thirties, navy wool coat, short dark hair, leather satchel.\n\nAppears in: arrival (the description is sent with each).');
  });

  it("on a diagnostic shows its code's documentation", async () => {
    const { hover } = await hoverAt('---\nsize: 1280x720\n---\nStyle: film.\nCLIP a 1<|>0s\n  A train.\n');
    const md = value(hover);
    expect(md).toMatch(/^\*\*SC401\*\* `limits\/seconds` \(error by default\)/m);
  });

  it('answers null where there is nothing to say', async () => {
    const { hover } = await hoverAt(SAMPLE.replace('The train glides in.', 'The tr<|>ain glides in.'));
    expect(hover).toBeNull();
  });
});

describe('hover while typing', () => {
  it('shows the prompt with what was just typed in the clip, and answers for other clips at once', async () => {
    const uri = untitled();
    await client.open(uri, SAMPLE);
    await client.diagnosticsFor(uri, 1);
    const lines = SAMPLE.split('\n');
    const prose = lines.findIndex((l) => l.includes('The train glides in.'));
    const change = lines.findIndex((l) => l.includes('Change: shift the palette'));
    // Type in the remix clip's change line, then hover the first clip's header: it is unaffected.
    await client.change(uri, 2, [{ range: { start: { line: change, character: 10 }, end: { line: change, character: 10 } }, text: 'gently ' }]);
    const other = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 6 } });
    const text2 = SAMPLE.replace('Change: shift', 'Change: gently shift');
    expect(value(other)).toContain(`\`\`\`text\n${(await compile(text2)).plan.clips[0]!.request.body['prompt'] as string}\n\`\`\``);
    // Type in the first clip, then hover its header: the prompt has the new words.
    await client.change(uri, 3, [{ range: { start: { line: prose, character: 4 }, end: { line: prose, character: 4 } }, text: 'Slowly, ' }]);
    const own = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 6 } });
    expect(value(own)).toContain('Slowly, The train glides in.');
    // And the remix's header shows its own new words too.
    const remix = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 28, character: 6 } });
    expect(value(remix)).toContain('gently shift the palette');
  });
});
