/**
 * `shotc render --target runway|veo|fal` as a user runs it: the real CLI, each API's official SDK
 * over loopback to the emulator, real media checked with ffprobe. For each target: the clips and
 * the film are right, a second run creates no job, and a refused prompt is reported by clip and
 * code while the other clips complete.
 */
import { existsSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';
import { ffprobe, image, journalOf, testEmulator } from '../render/helpers.js';

const KEY = 'test-key-5c1e9a7b3d2f4e6a8b0c1d2e3f4a5b6c';
/** Prompts with this word are refused by the emulator (`--fail moderation:…`). */
const REFUSED = 'zebrafog';
const tmp = useTmpDir();
let emulator: Emulator;

beforeAll(async () => {
  // Plain cards (size, length, timecode) are shared between jobs: ffmpeg is not what these tests measure.
  emulator = await testEmulator({ apis: ['runway', 'veo', 'fal'], card: 'plain', fail: [`moderation:${REFUSED}`] });
}, 60_000);
afterAll(async () => {
  await emulator?.close();
});

const KEY_ENV: Record<string, string> = { runway: 'RUNWAYML_API_SECRET', veo: 'GEMINI_API_KEY', fal: 'FAL_KEY' };

function render(target: 'runway' | 'veo' | 'fal', file: string, extra: string[] = []): Promise<CliResult> {
  return runCli(['render', file, '--target', target, '--yes', '--base-url', emulator.urls[target]!, ...extra], {
    cwd: path.dirname(file),
    env: { GOOGLE_API_KEY: undefined, GOOGLE_CLOUD_PROJECT: undefined, GOOGLE_GENAI_USE_VERTEXAI: undefined, GOOGLE_GEMINI_BASE_URL: undefined, RUNWAYML_BASE_URL: undefined, FAL_BASE_URL: undefined, [KEY_ENV[target]!]: KEY },
  });
}

async function project(text: string, images: Record<string, string> = {}): Promise<string> {
  const dir = tmp();
  for (const [name, size] of Object.entries(images)) await image(path.join(dir, name), size);
  const file = path.join(dir, 'scene.shot');
  await fs.writeFile(file, text);
  return file;
}

const creates = (api: 'runway' | 'veo' | 'fal'): number => emulator.stats()[api]?.creates ?? 0;
const out = (file: string, name: string): string => path.join(path.dirname(file), 'out', name);

function expectClean(r: CliResult): void {
  expect(r.code, r.stderr + r.stdout).toBe(0);
  expect(r.stdout + r.stderr).not.toContain(KEY);
}

describe('Runway', () => {
  it('renders text-to-video, keyframes (first and last frame) and an Aleph 2 edit, then reuses them', async () => {
    const file = await project(
      `---\ntitle: Alley\nmodel: gen4.5\nsize: 1280x720\n---\nStyle: neon noir, wet streets.\n\nCLIP rain 3s\n  Rain falls on the alley (runway take).\n\nCLIP door 4s veo3.1\n  Reference: first.png\n  Reference: last.png\n  The door swings open on a red room.\n\nCLIP snow EDIT rain\n  Change: the rain turns to snow.\n`,
      { 'first.png': '1280x720', 'last.png': '1280x720' },
    );
    const before = creates('runway');
    const first = await render('runway', file);
    expectClean(first);
    expect(creates('runway') - before).toBe(3);
    expect(ffprobe(out(file, 'rain.mp4'))).toMatchObject({ width: 1280, height: 720 });
    expect(ffprobe(out(file, 'rain.mp4')).seconds).toBeCloseTo(3, 1);
    expect(ffprobe(out(file, 'door.mp4')).seconds).toBeCloseTo(4, 1);
    expect(ffprobe(out(file, 'snow.mp4')).seconds).toBeCloseTo(3, 1);
    // The edit replaces its source in the film: snow, then door.
    expect(first.stdout).toContain('film: out/scene.mp4 (7.0 s: snow, door)');
    expect(ffprobe(out(file, 'scene.mp4')).seconds).toBeCloseTo(7, 0);
    expect(journalOf(file).jobs).toSatisfy((jobs: object) => Object.values(jobs).every((j: { target: string; status: string }) => j.target === 'runway' && j.status === 'completed'));

    const again = await render('runway', file);
    expectClean(again);
    expect(creates('runway') - before).toBe(3);
    expect(again.stdout).toContain('0 rendered, 3 reused');
  }, 120_000);

  it('reports a refused prompt with its clip and failure code, and renders the other clips', async () => {
    const file = await project(`---\nmodel: gen4.5\nsize: 1280x720\n---\nCLIP ok 2s\n  Leaves drift across a pond.\nCLIP bad 2s\n  A ${REFUSED} crosses the street.\n`);
    const r = await render('runway', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ bad: SAFETY\.INPUT\.TEXT: .*content moderation/);
    expect(r.stdout).toContain('✓ ok: out/ok.mp4');
    expect(existsSync(out(file, 'bad.mp4'))).toBe(false);
  }, 120_000);
});

describe('Google Veo 3.1 (Gemini API)', () => {
  it('renders a clip longer than one request as a chain of extensions, then reuses it', async () => {
    const file = await project(
      `---\ntitle: Walk\nsize: 1280x720\n---\nStyle: handheld documentary.\n\nCLIP walk 15s\n  Reference: start.png\n  0.00–8.00\n    She walks down a wet street (veo take).\n  8.00–15.00\n    She stops at the corner.\n\nCLIP tram 4s\n  A tram passes in the rain.\n`,
      { 'start.png': '1280x720' },
    );
    const before = creates('veo');
    const first = await render('veo', file);
    expectClean(first);
    expect(creates('veo') - before).toBe(3);
    expect(ffprobe(out(file, 'walk.mp4')).seconds).toBeCloseTo(8, 1);
    // An extension's video holds its source and the new seven seconds.
    expect(ffprobe(out(file, 'walk~2.mp4')).seconds).toBeCloseTo(15, 0);
    expect(ffprobe(out(file, 'walk~2.mp4'))).toMatchObject({ width: 1280, height: 720 });
    expect(first.stdout).toContain('film: out/scene.mp4 (19.0 s: walk~2, tram)');

    const again = await render('veo', file);
    expectClean(again);
    expect(creates('veo') - before).toBe(3);
    expect(again.stdout).toContain('0 rendered, 3 reused');
  }, 180_000);

  it('renders on Vertex AI too (express mode): the video comes inline, an extension sends it back', async () => {
    const file = await project(`---\nbackend: vertex\nseed: 11\nsize: 1280x720\n---\nCLIP walk 15s\n  She walks along the pier (vertex take).\n`);
    const before = creates('veo');
    const r = await runCli(['render', file, '--target', 'veo', '--yes', '--base-url', emulator.urls.veo!], {
      cwd: path.dirname(file),
      env: { GEMINI_API_KEY: undefined, GOOGLE_CLOUD_PROJECT: undefined, GOOGLE_GENAI_USE_VERTEXAI: undefined, GOOGLE_API_KEY: KEY },
    });
    expectClean(r);
    expect(creates('veo') - before).toBe(2);
    expect(emulator.stats().requests['veo.operation']).toBeGreaterThan(0);
    expect(ffprobe(out(file, 'walk~2.mp4')).seconds).toBeCloseTo(15, 0);
    expect(journalOf(file).jobs).toSatisfy((jobs: object) => Object.values(jobs).every((j: { videoId: string }) => j.videoId.startsWith('projects/')));
  }, 120_000);

  it('reports a prompt the API filters, and skips what was to extend it', async () => {
    const file = await project(`---\nsize: 1280x720\n---\nCLIP bad 4s\n  A ${REFUSED} on the roof.\nCLIP more EXTEND bad 7s\n  It flies away.\nCLIP ok 4s\n  Gulls over the harbour.\n`);
    const r = await render('veo', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ bad: rai_media_filtered: .*violate our policies/);
    expect(r.stdout).toContain('– more: skipped: source clip bad failed (rai_media_filtered)');
    expect(r.stdout).toContain('✓ ok: out/ok.mp4');
  }, 120_000);
});

describe('fal (Kling 3.0)', () => {
  it('renders a shot list as one multi-shot request and a first-and-last-frame clip, then reuses them', async () => {
    const file = await project(
      `---\ntitle: Night\nmodel: fal-ai/kling-video/v3/standard\nsize: 1280x720\n---\nStyle: neon noir.\n\nCLIP alley 5s\n  0.00–3.00 — "Wide"\n    Rain on the alley (fal take).\n  3.00–5.00 — "Close"\n    A hand lights a cigarette.\n\nCLIP door 3s\n  Reference: first.png\n  Reference: last.png\n  The door opens.\n`,
      { 'first.png': '1280x720', 'last.png': '1280x720' },
    );
    const before = creates('fal');
    const first = await render('fal', file);
    expectClean(first);
    expect(creates('fal') - before).toBe(2);
    expect(ffprobe(out(file, 'alley.mp4'))).toMatchObject({ width: 1280, height: 720 });
    expect(ffprobe(out(file, 'alley.mp4')).seconds).toBeCloseTo(5, 1);
    expect(ffprobe(out(file, 'door.mp4')).seconds).toBeCloseTo(3, 1);
    expect(first.stdout).toContain('film: out/scene.mp4 (8.0 s: alley, door)');

    const again = await render('fal', file);
    expectClean(again);
    expect(creates('fal') - before).toBe(2);
    expect(again.stdout).toContain('0 rendered, 2 reused');
  }, 120_000);

  it('reports a refused prompt with fal\'s content policy code', async () => {
    const file = await project(`---\nmodel: fal-ai/kling-video/v3/standard\nsize: 1280x720\n---\nCLIP bad 3s\n  A ${REFUSED} in the alley.\nCLIP ok 3s\n  Steam rises from a grate.\n`);
    const r = await render('fal', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ bad: content_policy_violation: /);
    expect(r.stdout).toContain('✓ ok: out/ok.mp4');
  }, 120_000);
});
