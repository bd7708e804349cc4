/**
 * One `.shot` file, every target: what each target makes of the same constructs, what it cannot
 * do (and says so), and how shot lists, long clips and images map onto each API.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, memoryHost, targets, type Plan } from '../../src/index.js';
import { nodeHost } from '../../src/node/index.js';
import { chainFor } from '../../src/core/targets/chain.js';
import { falBody } from '../../src/core/targets/fal.js';
import { runwayBodies } from '../../src/core/targets/runway.js';
import { veoBodies } from '../../src/core/targets/veo.js';
import type { ModelCard } from '../../src/core/targets/types.js';
import { ROOT } from '../helpers/cli.js';
import { makeImage } from '../helpers/images.js';

async function plan(text: string, options: Parameters<typeof compile>[1] = {}, files: Record<string, string | Uint8Array> = {}): Promise<Plan> {
  return (await compile(text, { filename: '/p/scene.shot', host: memoryHost(files, '/p'), ...options })).plan;
}
const errors = (p: Plan) => p.diagnostics.filter((d) => d.severity === 'error');
const clip = (p: Plan, name: string) => p.clips.find((c) => c.name === name)!;

const EXAMPLES = readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.shot'));

describe('every example compiles for every target, or says exactly what the target lacks', () => {
  for (const example of EXAMPLES) {
    for (const target of targets) {
      it(`${example} for ${target.id}`, async () => {
        const file = path.join(ROOT, 'examples', example);
        const p = (await compile(readFileSync(file, 'utf8'), { filename: file, host: nodeHost(), target: target.id })).plan;
        expect(p.target).toBe(target.id);
        for (const e of errors(p)) {
          // Only limits of the target, each naming what is missing or what the limit is.
          expect(e.rule, e.message).toMatch(/^limits\//);
          expect(e.message).toMatch(/cannot|takes|accepts at most|renders|can be|needs|makes/);
        }
        // The model written for another target is replaced by this target's nearest, and said so.
        for (const c of p.clips) expect(target.models.map((m) => m.id)).toContain(c.output.model);
      });
    }
  }

  it('the platform example: Sora 2 renders it all; Veo and fal say they cannot remix; Runway edits with Aleph 2', async () => {
    const text = readFileSync(path.join(ROOT, 'examples', 'platform.shot'), 'utf8');
    expect(errors(await plan(text, { target: 'sora-2' }))).toEqual([]);
    for (const target of ['veo', 'fal']) {
      const e = errors(await plan(text, { target }));
      expect(e.map((d) => d.code)).toContain('SC406');
      expect(e.find((d) => d.code === 'SC406')!.message).toContain('cannot remix');
    }
    const runway = await plan(text, { target: 'runway' });
    expect(clip(runway, 'arrival-dusk').request).toMatchObject({ path: '/v1/video_to_video', body: { model: 'aleph2', videoUri: '{video_url}' } });
    expect(clip(runway, 'arrival-dusk').mapping).toEqual(["REMIX → an Aleph 2 edit (video to video) of arrival's video"]);
  });
});

describe('stand-in models: a model of another target', () => {
  it('is replaced by the nearest model of the chosen target, with a note at the setting', async () => {
    const doc = '---\nmodel: sora-2-pro\nsize: 1280x720\n---\nCLIP a 8s\n  Rain on a tin roof.\n';
    const cases: Array<[string, string]> = [
      ['runway', 'veo3.1'],
      ['veo', 'veo-3.1-generate-preview'],
      ['fal', 'fal-ai/kling-video/v3/standard'],
    ];
    for (const [target, model] of cases) {
      const p = await plan(doc, { target });
      expect(clip(p, 'a').output.model).toBe(model);
      const note = p.diagnostics.find((d) => d.code === 'SC403')!;
      expect(note.severity).toBe('info');
      expect(note.message).toContain(`renders with ${model}`);
      expect(note.range.start.line).toBe(2);
    }
  });

  it('keeps the family: Veo 3.1 Fast on fal stands for Veo 3.1 Fast everywhere', async () => {
    const doc = '---\nmodel: fal-ai/veo3.1/fast\nsize: 1280x720\n---\nCLIP a 8s\n  Rain.\n';
    expect(clip(await plan(doc, { target: 'runway' }), 'a').output.model).toBe('veo3.1_fast');
    expect(clip(await plan(doc, { target: 'veo' }), 'a').output.model).toBe('veo-3.1-fast-generate-preview');
  });

  it('is still an error for a name no target knows', async () => {
    const p = await plan('---\nmodel: gen5\n---\nCLIP a 1280x720 5s\n  Rain.\n', { target: 'runway' });
    expect(errors(p).map((d) => d.code)).toEqual(['SC403']);
  });
});

describe('Runway', () => {
  it('sends text-to-video with the ratio as a pixel pair, image-to-video with keyframes for a first (and last) frame', async () => {
    const png = await makeImage('png', 1280, 720);
    const p = await plan(
      '---\ntarget: runway\nmodel: veo3.1\nsize: 1280x720\nseed: 42\n---\nCLIP a 4s\n  Rain.\nCLIP b 8s\n  Reference: first.png\n  Reference: last.png\n  The door opens.\n',
      {},
      { '/p/first.png': png, '/p/last.png': png },
    );
    expect(errors(p)).toEqual([]);
    expect(clip(p, 'a').request).toEqual({ method: 'POST', path: '/v1/text_to_video', body: { model: 'veo3.1', promptText: 'Scene: Rain.', ratio: '1280:720', duration: 4, seed: 42, audio: true } });
    expect(clip(p, 'b').request.path).toBe('/v1/image_to_video');
    expect(clip(p, 'b').request.body['promptImage']).toEqual([
      { uri: '{image:0}', position: 'first' },
      { uri: '{image:1}', position: 'last' },
    ]);
    expect(clip(p, 'b').images?.map((i) => [i.role, i.path, i.width])).toEqual([
      ['first', 'first.png', 1280],
      ['last', 'last.png', 1280],
    ]);
    for (const c of p.clips) expect((c.request.path.endsWith('image_to_video') ? runwayBodies().image : runwayBodies().text).safeParse(c.request.body).success).toBe(true);
  });

  it('needs a first frame for sizes text-to-video does not make, and for Gen-4 Turbo', async () => {
    const p = await plan('---\ntarget: runway\n---\nCLIP square 960x960 5s\n  Rain.\nCLIP turbo 1280x720 5s gen4_turbo\n  Rain.\n');
    const size = p.diagnostics.find((d) => d.code === 'SC402')!;
    expect(size.message).toBe('gen4.5 makes 1280x720, 720x1280 from text; 960x960 needs a first frame (a Reference: image of that size).');
    expect(p.diagnostics.find((d) => d.code === 'SC406')!.message).toContain('gen4_turbo makes video from a first frame only');
  });

  it('warns that Gen-4.5 is silent when a clip has dialogue, and that it takes no negative prompt', async () => {
    const p = await plan('---\ntarget: runway\nsize: 1280x720\nnegativePrompt: blur\n---\nCLIP a 5s\n  0.00–5.00\n    MARA: "We made it."\n');
    const sound = p.diagnostics.find((d) => d.code === 'SC407' && d.message.includes('asks for sound'))!;
    expect(sound.message).toContain('gen4.5 makes silent video');
    expect(sound.range.start.line).toBe(8);
    expect(p.diagnostics.find((d) => d.code === 'SC407' && d.message.startsWith('negativePrompt'))!.range.start.line).toBe(4);
    expect(errors(p)).toEqual([]);
  });

  it('holds each model to its lengths and prompt limit', async () => {
    const long = 'A very long description of the rain. '.repeat(40);
    const p = await plan(`---\ntarget: runway\nsize: 1280x720\n---\nCLIP a 12s\n  Rain.\nCLIP b 5s\n  ${long}\n`);
    expect(p.diagnostics.find((d) => d.code === 'SC401')!.message).toContain('A gen4.5 clip can be 2–10 seconds long'.replace('2–10', '2, 3, 4, 5, 6, 7, 8, 9, 10'));
    expect(p.diagnostics.find((d) => d.code === 'SC404')!.message).toContain('gen4.5 accepts at most 1,000');
  });
});

describe('Google Veo 3.1', () => {
  it('sends the SDK source form with the documented config: aspect ratio, resolution, person generation', async () => {
    const p = await plan('---\ntarget: veo\nsize: 1920x1080\nnegativePrompt: text overlays\npersonGeneration: allow_all\n---\nCLIP a 8s\n  Rain.\n');
    expect(errors(p)).toEqual([]);
    expect(clip(p, 'a').request).toEqual({
      method: 'POST',
      path: '/v1beta/models/veo-3.1-generate-preview:predictLongRunning',
      body: {
        model: 'veo-3.1-generate-preview',
        source: { prompt: 'Scene: Rain.' },
        config: { numberOfVideos: 1, negativePrompt: 'text overlays', personGeneration: 'allow_all', durationSeconds: 8, aspectRatio: '16:9', resolution: '1080p' },
      },
    });
    expect(veoBodies().create.safeParse(clip(p, 'a').request.body).success).toBe(true);
  });

  it('makes 1080p and 4K clips 8 seconds long, and says why a shorter one cannot be', async () => {
    const p = await plan('---\ntarget: veo\n---\nCLIP a 1920x1080 4s\n  Rain.\n');
    expect(p.diagnostics.find((d) => d.code === 'SC401')!.message).toContain('A veo-3.1-generate-preview clip at 1920x1080 can be 8 seconds long; this one is 4 s');
  });

  it('makes a long clip as a create and 7-second extensions: name, name~2, … each extending the one before', async () => {
    const p = await plan('---\ntarget: veo\nsize: 1280x720\n---\nCLIP walk 22s\n  0.00–10.00\n    She walks.\n  10.00–22.00\n    She runs.\nCLIP more EXTEND walk 7s\n  She stops.\n');
    expect(errors(p)).toEqual([]);
    expect(p.clips.map((c) => [c.name, c.kind, c.output.seconds, c.source, c.dependsOn])).toEqual([
      ['walk', 'create', 8, null, []],
      ['walk~2', 'extend', 7, 'walk', ['walk']],
      ['walk~3', 'extend', 7, 'walk~2', ['walk~2']],
      ['more', 'extend', 7, 'walk~3', ['walk~3']],
    ]);
    expect(clip(p, 'walk~2').part).toEqual({ of: 'walk', index: 2, count: 3, start: 8 });
    // Each part describes its own time: part 2 (8–15 s) holds the end of shot 1 and the start of shot 2.
    const prompt2 = (clip(p, 'walk~2').request.body['source'] as { prompt: string }).prompt;
    expect(prompt2).toContain('0.00–2.00\nShe walks.');
    expect(prompt2).toContain('2.00–7.00\nShe runs.');
    expect(veoBodies().extend.safeParse(clip(p, 'walk~3').request.body).success).toBe(true);
    expect(clip(p, 'walk').mapping![0]).toBe('22 s is longer than veo-3.1-generate-preview makes at once: 3 requests — 8 s, then extensions of 7 s, 7 s');
    // A part's hash follows its source's: changing part 1 renders the whole chain again.
    const changed = await plan('---\ntarget: veo\nsize: 1280x720\n---\nCLIP walk 22s\n  0.00–10.00\n    She strolls.\n  10.00–22.00\n    She runs.\nCLIP more EXTEND walk 7s\n  She stops.\n');
    for (const name of ['walk', 'walk~2', 'walk~3', 'more']) expect(clip(changed, name).hash).not.toBe(clip(p, name).hash);
  });

  it('says which lengths a chain can make, and that only 720p extends', async () => {
    const twelve = await plan('---\ntarget: veo\nsize: 1280x720\n---\nCLIP a 12s\n  Rain.\n');
    expect(twelve.diagnostics.find((d) => d.code === 'SC401')!.message).toContain('11, 13, 15 s would work');
    const hd = await plan('---\ntarget: veo\nsize: 1920x1080\n---\nCLIP a 15s\n  Rain.\n');
    expect(hd.diagnostics.find((d) => d.code === 'SC401')!.message).toContain('1920x1080 video cannot be extended (only 1280x720, 720x1280)');
  });

  it('sends asset reference images to clips without a first frame, and holds them to 8 s and allow_adult', async () => {
    const jpg = await makeImage('jpeg', 512, 512);
    const files = { '/p/refs/ana.jpg': jpg, '/p/refs/coat.jpg': jpg };
    const p = await plan('---\ntarget: veo\nsize: 1280x720\nreferenceImages: [refs/ana.jpg, refs/coat.jpg]\n---\nCLIP a 8s\n  ANA walks.\n', {}, files);
    expect(errors(p)).toEqual([]);
    expect((clip(p, 'a').request.body['config'] as Record<string, unknown>)['referenceImages']).toEqual([
      { image: { imageBytes: '{image:0}' }, referenceType: 'ASSET' },
      { image: { imageBytes: '{image:1}' }, referenceType: 'ASSET' },
    ]);
    expect(clip(p, 'a').images?.map((i) => i.role)).toEqual(['asset', 'asset']);
    const short = await plan('---\ntarget: veo\nsize: 1280x720\nreferenceImages: [refs/ana.jpg]\npersonGeneration: allow_all\n---\nCLIP a 4s\n  ANA walks.\n', {}, files);
    expect(errors(short).map((d) => d.message).sort()).toEqual([
      'Veo 3.1 takes personGeneration: allow_adult with image inputs ("a" sends reference images).',
      'With reference images Veo 3.1 makes 8-second clips; "a" is 4 s.',
    ]);
    const missing = await plan('---\ntarget: veo\nsize: 1280x720\nreferenceImages: [refs/nobody.jpg]\n---\nCLIP a 8s\n  ANA walks.\n', {}, files);
    expect(errors(missing).map((d) => [d.code, d.range.start.line])).toEqual([['SC304', 4]]);
  });

  it('on the Gemini API, reports seed and audio: false as ignored; on Vertex AI sends them', async () => {
    const doc = (backend: string) => `---\ntarget: veo\nbackend: ${backend}\nseed: 7\naudio: false\nsize: 1280x720\n---\nCLIP a 8s\n  Rain.\n`;
    const gemini = await plan(doc('gemini'));
    expect(gemini.diagnostics.filter((d) => d.code === 'SC407').map((d) => d.range.start.line)).toEqual([4, 5]);
    expect(clip(gemini, 'a').request.body['config']).not.toHaveProperty('seed');
    const vertex = await plan(doc('vertex'));
    expect(vertex.diagnostics.filter((d) => d.code === 'SC407' && !d.message.includes('asks for sound'))).toEqual([]);
    expect(clip(vertex, 'a').request.body['config']).toMatchObject({ seed: 7, generateAudio: false });
    expect(clip(vertex, 'a').request.path).toBe('/v1beta1/projects/{project}/locations/{location}/publishers/google/models/veo-3.1-generate-preview:predictLongRunning');
    // Silent video costs less (Vertex only).
    expect(clip(vertex, 'a').estimate.usd).toBe(1.6);
    expect(clip(gemini, 'a').estimate.usd).toBe(3.2);
  });
});

describe('fal', () => {
  const SHOTS = '---\ntarget: fal\nmodel: fal-ai/kling-video/v3/standard\nsize: 1280x720\n---\nStyle: neon noir.\n\nCLIP alley 10s\n  0.00–3.00 — "Wide"\n    Rain.\n  3.00–7.00 — "Close"\n    VIC: "You\'re late."\n  7.00–10.00\n    The door opens.\n';

  it('sends a Kling shot list as one multi_prompt request with each shot\'s own prompt and length', async () => {
    const p = await plan(SHOTS);
    expect(errors(p)).toEqual([]);
    const body = clip(p, 'alley').request.body as { multi_prompt: Array<{ prompt: string; duration: string }>; duration: string };
    expect(clip(p, 'alley').request.path).toBe('fal-ai/kling-video/v3/standard/text-to-video');
    expect(body.duration).toBe('10');
    expect(body.multi_prompt.map((s) => s.duration)).toEqual(['3', '4', '3']);
    expect(body.multi_prompt[1]!.prompt).toBe('Style: neon noir.\n\nShot list:\n0.00–4.00 — "Close"\n\nDialogue:\n- VIC: "You\'re late."');
    expect(clip(p, 'alley').mapping).toEqual(['3 shots → one multi_prompt request: 3 s + 4 s + 3 s']);
    expect(falBody().safeParse(body).success).toBe(true);
  });

  it('rounds shots to whole seconds so they still fill the clip, and warns at each shot that moves', async () => {
    const p = await plan(SHOTS.replace('0.00–3.00', '0.00–2.40').replace('3.00–7.00', '2.40–7.00'));
    const lengths = (clip(p, 'alley').request.body['multi_prompt'] as Array<{ duration: string }>).map((s) => Number(s.duration));
    expect(lengths.reduce((a, b) => a + b)).toBe(10);
    expect(lengths).toEqual([2, 5, 3]);
    expect(p.diagnostics.filter((d) => d.code === 'SC401').map((d) => [d.severity, d.range.start.line])).toEqual([
      ['warning', 9],
      ['warning', 11],
    ]);
  });

  it('picks the Veo 3.1 endpoint from the clip: text, first frame, first and last frame, extension', async () => {
    const png = await makeImage('png', 1280, 720);
    const p = await plan(
      '---\ntarget: fal\nmodel: fal-ai/veo3.1\nsize: 1280x720\n---\nCLIP a 15s\n  Rain.\nCLIP b 8s\n  Reference: f.png\n  Door.\nCLIP c 6s\n  Reference: f.png\n  Reference: f.png\n  Door.\n',
      {},
      { '/p/f.png': png },
    );
    expect(errors(p)).toEqual([]);
    expect(p.clips.map((c) => [c.name, c.request.path])).toEqual([
      ['a', 'fal-ai/veo3.1'],
      ['a~2', 'fal-ai/veo3.1/extend-video'],
      ['b', 'fal-ai/veo3.1/image-to-video'],
      ['c', 'fal-ai/veo3.1/first-last-frame-to-video'],
    ]);
    expect(clip(p, 'a~2').request.body).toMatchObject({ video_url: '{video_url}', duration: '7s' });
  });

  it('lets LTX-2 remix by retaking the whole video, which Kling cannot', async () => {
    const doc = (model: string) => `---\ntarget: fal\nmodel: ${model}\nsize: 1920x1080\n---\nCLIP a 6s\n  Rain.\nCLIP b REMIX a\n  Change: make it snow.\n`;
    const ltx = await plan(doc('fal-ai/ltx-2'));
    expect(errors(ltx)).toEqual([]);
    expect(clip(ltx, 'b').request).toEqual({ method: 'POST', path: 'fal-ai/ltx-2/retake-video', body: { prompt: 'make it snow.', video_url: '{video_url}', start_time: 0, duration: 6, retake_mode: 'replace_audio_and_video' } });
    expect(errors(await plan(doc('fal-ai/kling-video/v3/pro'))).map((d) => d.code)).toEqual(['SC406']);
  });
});

describe('the chain planner', () => {
  const cards = targets.flatMap((t) => t.models.filter((m) => m.chain).map((m): [string, ModelCard] => [`${t.id}/${m.id}`, m]));

  it('only builds chains whose parts the model allows and that add up to the length asked', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cards), fc.integer({ min: 1, max: 200 }), ([, card], seconds) => {
        const size = card.extendSizes?.[0] ?? card.sizes[0]!;
        const chain = chainFor(card, seconds, size);
        if (!chain) return;
        expect(chain.reduce((a, b) => a + b, 0)).toBe(seconds);
        expect(card.seconds).toContain(chain[0]);
        for (const e of chain.slice(1)) expect(card.extendSeconds).toContain(e);
        expect(chain.length - 1).toBeLessThanOrEqual(card.maxExtensions ?? 20);
        if (card.maxTotalSeconds) expect(seconds).toBeLessThanOrEqual(card.maxTotalSeconds);
      }),
    );
  });

  it('finds a chain whenever one exists (Veo: 4, 6 or 8 s, then 7 s at a time)', () => {
    const veo = targets.find((t) => t.id === 'veo')!.models[0]!;
    const reachable = new Set<number>();
    for (const base of [4, 6, 8]) for (let k = 1; k <= 20; k++) reachable.add(base + 7 * k);
    for (let s = 9; s <= 160; s++) expect(chainFor(veo, s, '1280x720') !== null, `${s} s`).toBe(reachable.has(s) && s <= 148);
  });
});

describe('plan bodies validate against each target\'s schemas', () => {
  it('Runway edits send the source video URL placeholder and Aleph 2', async () => {
    const p = await plan('---\ntarget: runway\nsize: 1280x720\n---\nCLIP a 5s\n  Rain.\nCLIP b EDIT a\n  Change: snow.\n');
    expect(runwayBodies().video.safeParse(clip(p, 'b').request.body).success).toBe(true);
    expect(errors(p)).toEqual([]);
  });
});
