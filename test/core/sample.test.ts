import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, format, parse } from '../../src/index.js';
import { ROOT } from '../helpers/cli.js';

const sample = readFileSync(path.join(ROOT, 'examples', 'platform.shot'), 'utf8');

describe('the language page sample (examples/platform.shot)', () => {
  it('parses with no diagnostics', () => {
    expect(parse(sample, { filename: 'platform.shot' }).diagnostics).toEqual([]);
  });

  it('is already in canonical format', () => {
    expect(format(sample)).toBe(sample);
  });

  it('compiles to a create and a remix request with no diagnostics', async () => {
    const { plan } = await compile(sample, { filename: 'examples/platform.shot' });
    expect(plan.diagnostics).toEqual([]);
    expect(plan.title).toBe('Morning Platform');
    expect(plan.clips.map((c) => [c.name, c.request.method, c.request.path, c.dependsOn])).toEqual([
      ['arrival', 'POST', '/videos', []],
      ['arrival-dusk', 'POST', '/videos/{video_id}/remix', ['arrival']],
    ]);
    const arrival = plan.clips[0]!;
    expect({ ...arrival.request.body, prompt: undefined }).toEqual({ model: 'sora-2-pro', seconds: '4', size: '1280x720', prompt: undefined });
    expect(plan.estimate).toEqual({ seconds: 8, usd: 2.4 });
  });

  it('writes the full brief for the first clip and only the change for the remix', async () => {
    const { plan } = await compile(sample, { filename: 'platform.shot' });
    const prompt = plan.clips[0]!.request.body['prompt'] as string;
    expect(prompt.startsWith('Style: 1970s romantic drama')).toBe(true);
    expect(prompt).toContain('Grade / Palette:\nHighlights: clean morning sunlight with amber lift.');
    expect(prompt).toContain('Cast:\nMARA: woman in her thirties, navy wool coat, short dark hair, leather satchel.');
    expect(prompt).toContain('0.00–2.40 — "Arrival Drift" (32 mm, shoulder-mounted slow dolly left)\nThe train glides in.');
    expect(prompt).toContain('Dialogue:\n- MARA (quietly): "We made it."');
    expect(prompt).not.toContain('check the window reflection');
    expect(prompt).not.toContain('the arrival is one 4-second clip');
    expect(plan.clips[1]!.request.body).toEqual({ prompt: 'shift the palette to dusk blue with sodium-orange practicals.' });
  });
});
