import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderPrompt } from '../../src/core/emit/prompt.js';
import { compile, type CompileResult } from '../../src/index.js';
import { shotDocument } from './generators.js';

/** Notes and comments carry a marker that no prose contains, so a leak is unambiguous. */
const MARK = 'qzxv';
const withMarkedTrivia = shotDocument.map((text) =>
  text.replace(/\/\/ ([^\r\n]*)/g, `// ${MARK}c $1`).replace(/\[\[ ([^\]\r\n]*) \]\]/g, `[[ ${MARK}n $1 ]]`),
);

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The prose a clip's prompt must carry, from the resolved model. */
function expectedFragments(result: CompileResult, clipName: string): string[] {
  const clip = result.resolved.clipByName.get(clipName)!;
  const changeOnly = clip.kind === 'remix' || clip.kind === 'edit';
  const out: string[] = [];
  for (const s of clip.sections) {
    if (changeOnly && s.origin.kind !== 'clip') continue;
    for (const f of s.head) out.push(f.text);
    for (const sub of s.subs) for (const f of sub.text) out.push(f.text);
  }
  for (const m of clip.cast) out.push(m.description.text);
  for (const p of clip.prose) out.push(p.text.text);
  if (changeOnly) for (const c of clip.changes) out.push(c.text.text);
  for (const d of clip.dialogue) out.push(d.line.text);
  for (const shot of clip.shots) {
    for (const t of [shot.title, shot.camera, shot.trailing]) if (t) out.push(t.text);
    for (const item of shot.items) out.push(item.kind === 'Prose' ? item.text.text : item.kind === 'Dialogue' ? item.line.text : item.value.text);
  }
  return out.map(norm).filter(Boolean);
}

describe('prompt properties', () => {
  it('every prose fragment reaches the prompt of each clip it applies to, and no comment or note ever does', async () => {
    await fc.assert(
      fc.asyncProperty(withMarkedTrivia, async (text) => {
        const result = await compile(text, { filename: 'p.shot' });
        // Prose before the first heading that is not under a key still describes every clip.
        const stray = result.resolved.ast.items.filter((i) => i.kind === 'Prose').map((p) => norm((p as { text: { text: string } }).text.text)).filter(Boolean);
        for (const clip of result.plan.clips) {
          const prompt = norm(String(clip.request.body['prompt'] ?? ''));
          for (const f of expectedFragments(result, clip.name)) expect(prompt, `clip ${clip.name}`).toContain(f);
          const resolved = result.resolved.clipByName.get(clip.name)!;
          const sceneFromTop = resolved.sections.find((s) => s.id === 'scene')?.origin.kind === 'global';
          if (sceneFromTop && (resolved.kind === 'create' || resolved.kind === 'extend')) for (const p of stray) expect(prompt).toContain(p);
          expect(prompt).not.toContain(MARK);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the prompt never states seconds, size or model as prose of its own', async () => {
    await fc.assert(
      fc.asyncProperty(shotDocument, async (text) => {
        const { plan } = await compile(text, { filename: 'p.shot' });
        for (const clip of plan.clips) {
          const structure = clip.promptParts.filter((p) => p.origin === 'structure').map((p) => p.text).join('');
          expect(structure).not.toMatch(/\d+\s*x\s*\d+|sora|seconds?\b|\b\d+\s?s\b|720p|1080p/i);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same input gives byte-identical prompts and hashes', async () => {
    await fc.assert(
      fc.asyncProperty(shotDocument, async (text) => {
        const a = (await compile(text, { filename: 'p.shot' })).plan;
        const b = (await compile(text, { filename: 'p.shot' })).plan;
        expect(b.clips.map((c) => [c.request.body['prompt'], c.hash])).toEqual(a.clips.map((c) => [c.request.body['prompt'], c.hash]));
      }),
      { numRuns: 100 },
    );
  });

  it('the prompt parts, joined, are exactly the prompt sent', async () => {
    await fc.assert(
      fc.asyncProperty(shotDocument, async (text) => {
        const { plan } = await compile(text, { filename: 'p.shot' });
        for (const c of plan.clips) expect(c.promptParts.map((p) => p.text).join('')).toBe(c.request.body['prompt']);
      }),
      { numRuns: 100 },
    );
  });

  it("each clip's prompt is the one rendered for it alone, in parts that never repeat an origin", async () => {
    // Clips that share a look share the start of their prompts (rendered once); that must not show.
    await fc.assert(
      fc.asyncProperty(shotDocument, async (text) => {
        const { plan, resolved } = await compile(text, { filename: 'p.shot' });
        for (const c of plan.clips) {
          for (let i = 1; i < c.promptParts.length; i++) expect(c.promptParts[i]!.origin).not.toBe(c.promptParts[i - 1]!.origin);
          const clip = resolved.clipByName.get(c.name);
          if (!clip || c.part) continue;
          expect(c.promptParts).toEqual(renderPrompt(clip).parts);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a look that ends in an empty sub-key runs on into the next block as one part', async () => {
    // The shared start ends with structure ("Highlights:") and the clip's own text begins with it.
    const text = ['Style: warm film', 'Grade / Palette: amber', '  Highlights:', '', 'CLIP one 4s', '  0.00–4.00 — "A" (35 mm)', '    A man walks.', '', 'CLIP two 4s', '  0.00–4.00 — "B" (35 mm)', '    A woman runs.', ''].join('\n');
    const { plan, resolved } = await compile(text, { filename: 'p.shot' });
    for (const c of plan.clips) {
      expect(c.promptParts).toEqual(renderPrompt(resolved.clipByName.get(c.name)!).parts);
      expect(c.promptParts).toContainEqual({ origin: 'structure', text: '\nHighlights:\n\nShot list:\n0.00–4.00 — "' });
    }
    // The second clip's prompt starts with the parts rendered for the first.
    expect(plan.clips[1]!.promptParts[1]).toBe(plan.clips[0]!.promptParts[1]);
  });
});
