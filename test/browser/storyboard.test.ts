/**
 * `shotc preview` end to end: the real CLI writes the storyboard for an example, and a real
 * Chromium opens it from disk as a user would — the timeline, the clips, the marked prompts, the
 * renders (from out/ and from the render journal), the print sheet and the phone layout.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, type Plan } from '../../src/index.js';
import { startEmulator } from '../../src/emulator/index.js';
import { JournalSchema, type Journal } from '../../src/render/journal.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';
import { artifact, launch, proportional, recordRequests, timelineBlocks } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const tmp = useTmpDir();

/** A project directory holding a copy of examples/platform.shot. */
function project(): string {
  const dir = tmp();
  copyFileSync(path.join(ROOT, 'examples', 'platform.shot'), path.join(dir, 'platform.shot'));
  return dir;
}

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
}

/** What `shotc render` leaves in out/: a video, thumbnail and spritesheet per clip, and the film. */
function renderMedia(dir: string, clips: readonly string[], film: string): void {
  const out = path.join(dir, 'out');
  mkdirSync(out, { recursive: true });
  // One real encode of each kind, copied under every name: ffmpeg is the slow part of these tests.
  const video = path.join(out, `${film}.mp4`);
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=s=320x180:d=4:r=24', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', video]);
  const thumbnail = path.join(out, 'thumbnail.webp.tmp');
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=s=320x180', '-frames:v', '1', '-c:v', 'libwebp', '-f', 'webp', thumbnail]);
  const sprites = path.join(out, 'spritesheet.jpg.tmp');
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=s=160x90:d=4:r=2,tile=4x2', '-frames:v', '1', '-f', 'mjpeg', sprites]);
  for (const name of clips) {
    copyFileSync(video, path.join(out, `${name}.mp4`));
    copyFileSync(thumbnail, path.join(out, `${name}.thumbnail.webp`));
    copyFileSync(sprites, path.join(out, `${name}.spritesheet.jpg`));
  }
  rmSync(thumbnail);
  rmSync(sprites);
}

/** The plan, compiled in-process from the same text the CLI reads (hashes do not depend on paths). */
async function plan(dir: string): Promise<Plan> {
  return (await compile(readFileSync(path.join(dir, 'platform.shot'), 'utf8'), { filename: 'platform.shot' })).plan;
}

// Each test runs the real CLI (a compile) and a browser page; on two busy cores that takes a while.
describe('shotc preview, opened in a browser', { timeout: 120_000 }, () => {
  it('shows the sequence: a timeline block per clip sized by its seconds, links, totals, and each clip with its marked prompt', async () => {
    const dir = project();
    const r = await runCli(['preview', 'platform.shot'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: 'wrote platform.storyboard.html\n', stderr: '' });
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests = recordRequests(page);
    await page.goto(pathToFileURL(path.join(dir, 'platform.storyboard.html')).href);

    expect(await page.title()).toBe('Morning Platform — storyboard');
    const blocks = await timelineBlocks(page);
    expect(blocks.map((b) => [b.name, b.seconds])).toEqual([
      ['arrival', 4],
      ['arrival-dusk', 4],
    ]);
    expect(proportional(blocks)).toBe(true);
    expect(await page.$$eval('.tl-clip[data-clip="arrival"] .tl-shot', (s) => s.map((x) => x.querySelector('.tl-title')?.textContent))).toEqual(['“Arrival Drift”', '“Turn and Pause”']);
    expect(await page.$$eval('.tl-link', (l) => l.map((x) => `${x.getAttribute('data-from')} ${x.textContent?.includes('REMIX') ? 'REMIX' : '?'} ${x.getAttribute('data-to')}`))).toEqual([
      'arrival REMIX arrival-dusk',
    ]);
    expect(await page.textContent('.tl-summary')).toBe('Running time 4 s (the stitched film: arrival-dusk) · 2 clips, 8 s generated · estimated cost $2.40');

    expect(await page.$$eval('section.clip', (s) => s.map((x) => x.getAttribute('data-clip')))).toEqual(['arrival', 'arrival-dusk']);
    const facts = await page.$$eval('section.clip[data-clip="arrival"] dl.facts div', (d) => d.map((x) => `${x.querySelector('dt')!.textContent}: ${x.querySelector('dd')!.textContent}`));
    expect(facts.slice(0, 5)).toEqual(['Model: sora-2-pro', 'Size: 1280x720', 'Seconds: 4 s', 'Cost: $1.20', 'Request: POST /videos']);
    const origins = await page.$$eval('section.clip[data-clip="arrival"] pre.prompt .pp', (p) => [...new Set(p.map((x) => x.getAttribute('data-origin')))]);
    expect(origins).toEqual(['look', 'cast', 'clip']);
    // Told apart without colour: each origin has its own underline style.
    const lines = await page.$$eval('section.clip[data-clip="arrival"] pre.prompt .pp', (p) => [...new Set(p.map((x) => `${x.getAttribute('data-origin')}:${getComputedStyle(x).textDecorationStyle}`))]);
    expect(lines).toEqual(['look:dotted', 'cast:double', 'clip:solid']);
    const promptText = await page.textContent('section.clip[data-clip="arrival"] pre.prompt');
    const compiled = await plan(dir);
    expect(promptText).toBe(compiled.clips[0]!.request.body['prompt']);

    // Nothing but the page itself was loaded.
    expect(requests.filter((u) => !u.startsWith('data:'))).toEqual([pathToFileURL(path.join(dir, 'platform.storyboard.html')).href]);
    await page.screenshot({ path: artifact('storyboard.png'), fullPage: true });
    await page.close();
  });

  it('prints as a storyboard sheet: light, one clip per page, no video players', async () => {
    const dir = project();
    renderMedia(dir, ['arrival', 'arrival-dusk'], 'platform');
    await runCli(['preview', 'platform.shot'], { cwd: dir });
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await page.goto(pathToFileURL(path.join(dir, 'platform.storyboard.html')).href);
    await page.emulateMedia({ media: 'print' });
    const look = await page.evaluate(() => ({
      background: getComputedStyle(document.body).backgroundColor,
      color: getComputedStyle(document.body).color,
      breaks: Array.from(document.querySelectorAll('section.clip')).map((s) => getComputedStyle(s).breakBefore),
      videos: Array.from(document.querySelectorAll('video')).map((v) => getComputedStyle(v).display),
      thumbnails: Array.from(document.querySelectorAll('figure.thumb')).map((f) => getComputedStyle(f).display),
      panels: Array.from(document.querySelectorAll('pre.prompt, .diag')).map((p) => getComputedStyle(p).backgroundColor),
    }));
    expect(look).toEqual({
      background: 'rgb(255, 255, 255)',
      color: 'rgb(0, 0, 0)',
      breaks: ['page', 'page'],
      videos: ['none', 'none', 'none'],
      thumbnails: ['block', 'block'],
      panels: ['rgb(255, 255, 255)', 'rgb(255, 255, 255)'],
    });
    await page.screenshot({ path: artifact('storyboard-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', path: artifact('storyboard.pdf') });
    // The overview, then each clip on a page of its own.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it('fits a phone: nothing wider than the screen but the timeline, which scrolls on its own', async () => {
    const dir = project();
    await runCli(['preview', 'platform.shot'], { cwd: dir });
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, deviceScaleFactor: 2 });
    await page.goto(pathToFileURL(path.join(dir, 'platform.storyboard.html')).href);
    const fit = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth <= window.innerWidth,
      timelineScrolls: (() => {
        const s = document.querySelector('.tl-scroll')!;
        return s.scrollWidth > s.clientWidth && getComputedStyle(s).overflowX === 'auto';
      })(),
    }));
    expect(fit).toEqual({ page: true, timelineScrolls: true });
    expect(proportional(await timelineBlocks(page))).toBe(true);
    await page.screenshot({ path: artifact('storyboard-phone.png'), fullPage: true });
    await page.close();
  });

  it('after a render, shows the film on top and each clip’s thumbnail, spritesheet and video from out/', async () => {
    const dir = project();
    renderMedia(dir, ['arrival', 'arrival-dusk'], 'platform');
    const r = await runCli(['preview', 'platform.shot', '--out', 'boards/platform.html'], { cwd: dir });
    expect(r.stdout).toBe('wrote boards/platform.html (with the renders from out)\n');
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests = recordRequests(page);
    await page.goto(pathToFileURL(path.join(dir, 'boards', 'platform.html')).href);
    // The videos are linked relative to the page, not inlined, and they play from there.
    expect(await page.$$eval('video', (v) => v.map((x) => x.getAttribute('src')))).toEqual(['../out/platform.mp4', '../out/arrival.mp4', '../out/arrival-dusk.mp4']);
    await page.waitForFunction(() => (document.querySelector('section.film video') as HTMLVideoElement).readyState >= 1, null, { timeout: 10_000 });
    expect(await page.$eval('section.film video', (v) => [(v as HTMLVideoElement).videoWidth, Math.round((v as HTMLVideoElement).duration)])).toEqual([320, 4]);
    expect(await page.textContent('section.film')).toContain('Videos are not inside this page');
    await page.screenshot({ path: artifact('storyboard-rendered.png'), fullPage: true });
    const images = await page.$$eval('section.clip[data-clip="arrival"] img', (i) => i.map((x) => [x.getAttribute('src')!.slice(0, 23), (x as HTMLImageElement).naturalWidth]));
    expect(images).toEqual([
      ['data:image/webp;base64,', 320],
      ['data:image/jpeg;base64,', 640],
    ]);
    // The page and the film (which preloads its metadata, perhaps in several range requests); clip videos load on play.
    expect([...new Set(requests.filter((u) => u.startsWith('file:')).map((u) => path.relative(dir, new URL(u).pathname)))]).toEqual(['boards/platform.html', 'out/platform.mp4']);
    await page.close();
  });

  it('shows what a real `shotc render` made, read from its journal', async () => {
    const dir = project();
    const emulator = await startEmulator({ port: 0, latencyMs: 200 });
    try {
      const rendered = await runCli(['render', 'platform.shot', '--yes', '--base-url', emulator.url], { cwd: dir, env: { OPENAI_API_KEY: 'sk-test-preview' } });
      expect(rendered.code).toBe(0);
    } finally {
      await emulator.close();
    }
    const r = await runCli(['preview', 'platform.shot'], { cwd: dir });
    expect(r.stdout).toBe('wrote platform.storyboard.html (with the renders from the journal)\n');
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(pathToFileURL(path.join(dir, 'platform.storyboard.html')).href);
    expect(await page.$$eval('video', (v) => v.map((x) => x.getAttribute('src')))).toEqual(['out/platform.mp4', 'out/arrival.mp4', 'out/arrival-dusk.mp4']);
    await page.waitForFunction(() => (document.querySelector('section.film video') as HTMLVideoElement).readyState >= 1, null, { timeout: 10_000 });
    // The cut the render made (the remix in its source's place) is the running time the page states.
    expect(await page.$eval('section.film video', (v) => Math.round((v as HTMLVideoElement).duration))).toBe(4);
    expect(await page.textContent('.tl-summary')).toContain('Running time 4 s (the stitched film: arrival-dusk)');
    expect(await page.$$eval('section.clip .media img', (i) => i.map((x) => (x as HTMLImageElement).naturalWidth > 0))).toEqual([true, true, true, true]);
    expect(await page.$$eval('section.clip', (s) => s.map((x) => x.textContent!.includes('earlier version')))).toEqual([false, false]);
    await page.close();
  });

  it('reads the render journal: which render is current, which is out of date, and why a clip failed', async () => {
    const dir = project();
    renderMedia(dir, ['arrival', 'arrival-dusk'], 'platform');
    const compiled = await plan(dir);
    const at = '2026-10-01T10:00:00.000Z';
    const file = (variant: string, p: string) => ({ variant, path: p, sha256: 'a'.repeat(64), bytes: 1, at });
    const entry = (clip: string, status: 'completed' | 'failed', files: ReturnType<typeof file>[], error: Journal['jobs'][string]['error'] = null) => ({
      clip,
      target: 'sora-2',
      fingerprint: { kind: 'create' as const, model: 'sora-2-pro', size: '1280x720', seconds: 4, promptSha256: 'b'.repeat(64), source: null },
      status,
      videoId: `video_${clip}`,
      progress: 100,
      intentAt: at,
      createdAt: at,
      completedAt: at,
      expiresAt: null,
      error,
      output: { seconds: 4, size: '1280x720' },
      files,
      previousVideoIds: [],
    });
    const journal: Journal = JournalSchema.parse({
      version: 1,
      file: 'platform.shot',
      updatedAt: at,
      jobs: {
        // arrival rendered from the current text; arrival-dusk only from an older version of it.
        [compiled.clips[0]!.hash]: entry('arrival', 'completed', [file('video', 'out/arrival.mp4'), file('thumbnail', 'out/arrival.thumbnail.webp'), file('spritesheet', 'out/arrival.spritesheet.jpg')]),
        [`sha256:${'c'.repeat(64)}`]: entry('arrival-dusk', 'completed', [file('video', 'out/arrival-dusk.mp4')]),
      },
      film: { path: 'out/platform.mp4', sha256: 'd'.repeat(64), bytes: 1, seconds: 4, inputs: [], at },
    });
    mkdirSync(path.join(dir, '.shotc'));
    writeFileSync(path.join(dir, '.shotc', 'platform.journal.json'), JSON.stringify(journal, null, 2));
    const r = await runCli(['preview', 'platform.shot'], { cwd: dir });
    expect(r.stdout).toBe('wrote platform.storyboard.html (with the renders from the journal)\n');
    const html = readFileSync(path.join(dir, 'platform.storyboard.html'), 'utf8');
    expect(html).toContain('Media from the render journal.');
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(dir, 'platform.storyboard.html')).href);
    const media = await page.$$eval('section.clip', (s) =>
      s.map((x) => ({
        clip: x.getAttribute('data-clip'),
        video: x.querySelector('video')?.getAttribute('src') ?? null,
        images: x.querySelectorAll('.media img').length,
        stale: x.textContent!.includes('Rendered from an earlier version of this clip'),
      })),
    );
    expect(media).toEqual([
      { clip: 'arrival', video: 'out/arrival.mp4', images: 2, stale: false },
      { clip: 'arrival-dusk', video: 'out/arrival-dusk.mp4', images: 0, stale: true },
    ]);

    // A failed job says so, with the API's code and message, where its video would be.
    journal.jobs[compiled.clips[0]!.hash] = entry('arrival', 'failed', [], { code: 'moderation_blocked', message: 'The prompt was flagged.' });
    writeFileSync(path.join(dir, '.shotc', 'platform.journal.json'), JSON.stringify(journal));
    await runCli(['preview', 'platform.shot'], { cwd: dir });
    await page.goto(pathToFileURL(path.join(dir, 'platform.storyboard.html')).href);
    expect(await page.textContent('section.clip[data-clip="arrival"] .media')).toContain('Render failed: moderation_blocked: The prompt was flagged.');
    await page.close();
  });
});
