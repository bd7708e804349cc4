import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyTextEdits, LspClient } from './client.js';
import { HEAD, untitled } from './fixtures.js';

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start();
});
afterAll(async () => {
  await client.stop();
});

async function diagnose(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = untitled();
  await client.open(uri, text);
  return { uri, diagnostics: (await client.diagnosticsFor(uri, 1)).diagnostics };
}

async function actions(uri: string, d: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], ...(only ? { only } : {}) } });
}

/** Documents with a problem that has fixes; the code is the problem's. */
const CASES: { name: string; code: string; text: string }[] = [
  { name: 'a length the model does not allow', code: 'SC401', text: `${HEAD}CLIP a 10s\n  0.00–5.00 — "One"\n    A.\n  5.00–10.00 — "Two"\n    B.\n` },
  { name: 'shots longer than any clip (split)', code: 'SC401', text: `${HEAD}CLIP a\n  0.00–8.00 — "One"\n    A.\n  8.00–16.00 — "Two"\n    B.\n` },
  { name: 'shots that stop short of the clip length', code: 'SC503', text: `${HEAD}CLIP a 8s\n  0.00–3.00 — "One"\n    A.\n  3.00–6.00 — "Two"\n    B.\n` },
  { name: 'a first shot that does not start at 0', code: 'SC503', text: `${HEAD}CLIP a 4s\n  0.50–4.00 — "One"\n    A.\n` },
  { name: 'a misspelt key', code: 'SC101', text: `${HEAD}Lightin: sodium practicals.\nCLIP a 4s\n  A train.\n` },
  { name: 'a size the model cannot render', code: 'SC402', text: `${HEAD}CLIP a 4s 1792x1024\n  A train.\n` },
  { name: 'a size a remix ignores', code: 'SC407', text: `${HEAD}CLIP a 4s\n  A train.\n\nCLIP b REMIX a 1280x720\n  Change: dusk.\n` },
  { name: 'unquoted dialogue', code: 'SC108', text: `${HEAD}CAST\nMARA: a woman.\n\nCLIP a 4s\n  0.00–4.00\n    MARA: we made it\n` },
  { name: 'an unclosed note', code: 'SC109', text: `${HEAD}CLIP a 4s\n  A train. [[ check the grade\n` },
  { name: 'a misspelt look', code: 'SC301', text: `${HEAD}LOOK night\n  Lighting: sodium.\n\nCLIP a 4s USING nigth\n  A train.\n` },
  { name: 'a cast name not in capitals', code: 'SC113', text: `${HEAD}CAST\nMara: a woman.\n\nCLIP a 4s\n  MARA waits.\n` },
];

describe('code actions', () => {
  for (const c of CASES) {
    it(`every quick fix for ${c.name} (${c.code}), applied, removes the diagnostic`, async () => {
      const { uri, diagnostics } = await diagnose(c.text);
      const targets = diagnostics.filter((d) => d.code === c.code);
      expect(targets.length).toBeGreaterThan(0);
      const d = targets[0]!;
      const list = (await actions(uri, d)).filter((a) => a.diagnostics?.some((x) => x.code === c.code));
      expect(list.length).toBeGreaterThan(0);
      for (const action of list) {
        expect(action.kind).toBe('quickfix');
        const fixed = applyTextEdits(c.text, action.edit!.changes![uri]!);
        const after = await diagnose(fixed);
        const left = after.diagnostics.filter((x) => x.code === c.code);
        expect(left.length, `"${action.title}" left ${JSON.stringify(left)} in:\n${fixed}`).toBeLessThan(targets.length);
      }
    });
  }

  it('prefers the first safe fix and lists suggestions after the safe fixes', async () => {
    const { uri, diagnostics } = await diagnose(CASES[0]!.text);
    const list = await actions(uri, diagnostics.find((d) => d.code === 'SC401')!);
    expect(list.map((a) => [a.title, a.isPreferred ?? false])).toEqual([
      ['Change the length to 12 s', false],
      ['Retime the shots to fill 12 s', false],
      ['Disable limits/seconds for this line', false],
    ]);
    const safe = await diagnose(`${HEAD}CLIP a 4s 1792x1024\n  A train.\n`);
    const sizeFixes = await actions(safe.uri, safe.diagnostics.find((d) => d.code === 'SC402')!);
    expect(sizeFixes[0]).toMatchObject({ title: 'Use 1280x720', isPreferred: true });
  });

  it('fixes every safe problem at once with source.fixAll.shotc', async () => {
    const text = `${HEAD}Lightin: sodium practicals.\nCLIP a 4s 1792x1024\n  0.50–4.00 — "One"\n    A.\n`;
    const { uri, diagnostics } = await diagnose(text);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['SC101', 'SC402', 'SC503']);
    const [all] = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(all!.title).toBe('Fix all safe problems (3)');
    const fixed = applyTextEdits(text, all!.edit!.changes![uri]!);
    expect((await diagnose(fixed)).diagnostics).toEqual([]);
  });
});
