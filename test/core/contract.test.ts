import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFile } from '../../src/node/index.js';
import { compile } from '../../src/index.js';
import { ROOT } from '../helpers/cli.js';
import YAML from 'yaml';
import { sora2Target } from '../../src/core/targets/sora-2.js';
import { CONTRACT_PATH, contractErrors, schemasForRequest } from '../helpers/contract.js';

const examples = readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.shot'));

describe('emitted requests satisfy the OpenAI Videos API contract', () => {
  it.each(examples)('every request of examples/%s validates against the OpenAPI schemas', async (name) => {
    const { plan } = await compileFile(path.join('examples', name), { cwd: ROOT });
    expect(plan.clips.length).toBeGreaterThan(0);
    for (const clip of plan.clips) {
      const schemas = schemasForRequest(clip.request.method, clip.request.path);
      expect(schemas, `${clip.name}: ${clip.request.path} is not a contract endpoint`).not.toEqual([]);
      for (const s of schemas) expect(contractErrors(s, clip.request.body), `${name} ${clip.name} vs ${s}`).toEqual([]);
    }
  });

  it('the contract validator rejects what the API rejects (so the check above can fail)', () => {
    expect(contractErrors('CreateVideoJsonBody', { prompt: 'x', seconds: 10 })).not.toEqual([]);
    expect(contractErrors('CreateVideoJsonBody', { prompt: 'x', seconds: '16' })).not.toEqual([]);
    expect(contractErrors('CreateVideoJsonBody', { prompt: 'x', size: '1920x1080' })).not.toEqual([]);
    expect(contractErrors('CreateVideoRemixBody', { prompt: '' })).not.toEqual([]);
  });

  it('for any document without errors, every request validates (property)', async () => {
    const size = fc.constantFrom('1280x720', '720x1280');
    const seconds = fc.constantFrom(4, 8, 12);
    const words = fc.array(fc.constantFrom('rain', 'platform', 'neon', 'a slow dolly', 'MARA', '“quiet”', '雨', 'fog'), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    const clip = fc.tuple(seconds, words, fc.constantFrom('create', 'remix', 'extend', 'edit')).map(([s, w, kind]) => ({ s, w, kind }));
    await fc.assert(
      fc.asyncProperty(size, fc.array(clip, { minLength: 1, maxLength: 5 }), async (sz, clips) => {
        const lines = [`---\nsize: ${sz}\n---`, 'Style: documentary.'];
        clips.forEach((c, i) => {
          if (i === 0 || c.kind === 'create') lines.push(`CLIP c${i} ${c.s}s`, `  0.00–${c.s}.00 — "Shot"`, `    ${c.w}.`);
          else if (c.kind === 'extend') lines.push(`CLIP c${i} EXTEND c0 4s`, `  ${c.w}.`);
          else lines.push(`CLIP c${i} ${c.kind.toUpperCase()} c0`, `  Change: ${c.w}.`);
        });
        const { plan } = await compile(lines.join('\n') + '\n', { filename: 'p.shot' });
        if (plan.diagnostics.some((d) => d.severity === 'error')) return;
        for (const c of plan.clips) for (const s of schemasForRequest(c.request.method, c.request.path)) expect(contractErrors(s, c.request.body)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the Sora 2 target agrees with the contract', () => {
  const doc = YAML.parse(readFileSync(CONTRACT_PATH, 'utf8')) as { components: { schemas: Record<string, { enum?: string[] }> } };
  const contractSizes = doc.components.schemas['VideoSize']!.enum!;
  const contractSeconds = doc.components.schemas['VideoSeconds']!.enum!.map(Number);

  it('allows only contract sizes, and exactly the contract lengths', () => {
    for (const m of sora2Target.models) {
      for (const s of m.sizes) expect(contractSizes, `${m.id} ${s}`).toContain(s);
      expect([...m.seconds].sort((a, b) => a - b), m.id).toEqual(contractSeconds);
      expect([...(m.extendSeconds ?? [])].sort((a, b) => a - b), m.id).toEqual(contractSeconds);
    }
    expect(new Set(sora2Target.models.flatMap((m) => m.sizes))).toEqual(new Set(contractSizes));
  });
});
