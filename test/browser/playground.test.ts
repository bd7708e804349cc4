/**
 * The playground in a real Chromium: built with Vite (as `npm run playground` does), served by
 * the playground's own static server, and used as a person would — typing a broken clip and
 * fixing it, taking a fix from the editor, switching examples, sharing a link, completing and
 * hovering keys, and reading the plan, prompt and timeline panes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, memoryHost } from '../../src/index.js';
import { SECTIONS } from '../../src/core/syntax/index.js';
import type {} from '../../playground/src/handle.js';
import { ROOT } from '../helpers/cli.js';
import { artifact, launch, proportional, recordRequests, timelineBlocks } from './browser.js';

let browser: Browser;
let server: ChildProcess;
let url: string;

beforeAll(async () => {
  // The same build `npm run playground` makes (type check + Vite), then its server on a free port.
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'playground.js'), '--build-only'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`playground build failed:\n${built.stdout}\n${built.stderr}`);
  server = spawn(process.execPath, [path.join(ROOT, 'scripts', 'playground.js'), '--no-build', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /shotc playground: (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.on('exit', (code) => reject(new Error(`the playground server exited (${code}): ${out}`)));
  });
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

const platform = readFileSync(path.join(ROOT, 'examples', 'platform.shot'), 'utf8');

/** The example images, where the playground serves them to the compiler (/examples/…). */
const exampleFiles = memoryHost(
  Object.fromEntries(
    readdirSync(path.join(ROOT, 'examples'), { recursive: true })
      .map(String)
      .filter((f) => /\.(png|jpe?g|webp|gif)$/i.test(f))
      .map((f) => [`/examples/${f.split(path.sep).join('/')}`, new Uint8Array(readFileSync(path.join(ROOT, 'examples', f)))]),
  ),
);

/** The link the playground makes for a text: deflate-raw, base64url, in the hash. */
function linkFor(text: string, name?: string): string {
  const z = deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url');
  return `${url}#${name ? `n=${encodeURIComponent(name)}&` : ''}z=${z}`;
}

async function open(address = url): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(address);
  // Ready when the panes show a compile of the editor's text.
  await page.waitForFunction(() => window.shotc !== undefined && window.shotc.result()?.resolved.source.text === window.shotc.text());
  return page;
}

/** The status for a request path sent exactly as written (fetch would normalise it first). */
function rawStatus(requestPath: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    http.get({ hostname, port, path: requestPath }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

const editorText = (page: Page): Promise<string> => page.evaluate(() => window.shotc.text());
const status = (page: Page): Promise<string> => page.textContent('#status').then((s) => s ?? '');

async function toEnd(page: Page): Promise<void> {
  await page.click('.cm-content');
  await page.keyboard.press('Control+End');
}

/** Type lines as a person would, closing any completion list before each Enter. */
async function typeLines(page: Page, lines: readonly string[]): Promise<void> {
  for (const line of lines) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(line);
    await page.keyboard.press('Escape');
  }
}

describe('the playground', { timeout: 120_000 }, () => {
  it('opens on the design sample, compiled in the page with no problems and a timeline block per clip', async () => {
    const page = await open();
    const requests = recordRequests(page);
    expect(await editorText(page)).toBe(platform);
    expect(await page.inputValue('#example')).toBe('platform');
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.startsWith('no errors'));
    expect(await status(page)).toMatch(/^no errors, 0 warnings · 2 clips · compiled in \d+ ms$/);
    const blocks = await timelineBlocks(page, '#pane-timeline');
    expect(blocks.map((b) => [b.name, b.seconds])).toEqual([
      ['arrival', 4],
      ['arrival-dusk', 4],
    ]);
    expect(proportional(blocks)).toBe(true);
    // The compiler runs in the page: compiling made no request to any server.
    await page.keyboard.type(' ');
    await page.waitForTimeout(400);
    expect(requests).toEqual([]);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('shows a diagnostic as soon as a clip is broken, and clears it when the clip is fixed', async () => {
    const page = await open();
    await toEnd(page);
    await typeLines(page, ['', 'CLIP broken 10s', '  Scene: rain runs down the window.']);
    await page.waitForSelector('.cm-lintRange-error');
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.startsWith('1 error'));
    expect(await page.textContent('#tab-problems')).toMatch(/^Problems \(\d+\)$/);
    await page.click('#tab-problems');
    expect(await page.$$eval('#pane-problems .diag[data-severity="error"]', (d) => d.map((x) => x.getAttribute('data-code')))).toEqual(['SC401']);
    expect(await page.textContent('#pane-problems .diag[data-code="SC401"] pre.frame mark')).toBe('10s');
    expect(await page.textContent('.cm-lintRange-error')).toBe('10s');

    // Fix it by hand: 10s becomes 8s.
    await page.click('.cm-line:has-text("CLIP broken 10s")');
    await page.keyboard.press('End');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('8s');
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.startsWith('no errors'));
    expect(await page.$$('.cm-lintRange-error')).toEqual([]);
    expect(await editorText(page)).toContain('\nCLIP broken 8s\n');
    await page.close();
  });

  it('offers a diagnostic’s fix in the editor, and applying it fixes the file', async () => {
    const page = await open(linkFor('Style: noir.\nCLIP long 10s\n  Scene: rain on the window.\n'));
    await page.waitForSelector('.cm-lintRange-error');
    await page.hover('.cm-lintRange-error');
    const action = page.locator('.cm-tooltip-lint button', { hasText: 'Change the length to 12 s' });
    await action.click();
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.startsWith('no errors'));
    expect(await editorText(page)).toBe('Style: noir.\nCLIP long 12s\n  Scene: rain on the window.\n');
    await page.close();
  });

  // One compile per example in the browser and in node: give a growing set of examples room.
  it('switches between the bundled examples, each compiled with its own timeline', { timeout: 300_000 }, async () => {
    const files = readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.shot'));
    // Start from someone's shared sequence, so that every switch really changes the text.
    const page = await open(linkFor('Style: noir.\nCLIP one 4s\n  Scene: a lamp flickers.\n'));
    expect(await page.inputValue('#example')).toBe('');
    expect((await timelineBlocks(page, '#pane-timeline')).map((b) => b.name)).toEqual(['one']);
    const names = await page.$$eval('#example option', (o) => o.map((x) => (x as HTMLOptionElement).value).filter(Boolean));
    expect(names.sort()).toEqual(files.map((f) => f.replace(/\.shot$/, '')).sort());
    for (const name of names) {
      const text = readFileSync(path.join(ROOT, 'examples', `${name}.shot`), 'utf8');
      // What compile() says given the same files the playground bundles (its reference images).
      const { plan } = await compile(text, { filename: `examples/${name}.shot`, host: exampleFiles, config: null });
      await page.selectOption('#example', name);
      await page.waitForFunction((t) => window.shotc.text() === t, text);
      // The panes show the compile of this example's text under its own name.
      await page.waitForFunction(([f, t]) => window.shotc.result()?.plan.file === f && window.shotc.result()?.resolved.source.text === t, [`examples/${name}.shot`, text]);
      const blocks = await timelineBlocks(page, '#pane-timeline');
      expect(blocks.map((b) => [b.name, b.seconds])).toEqual(plan.clips.map((c) => [c.name, c.output.seconds]));
      const seen = await page.evaluate(() => {
        const r = window.shotc.result()!;
        return { codes: r.plan.diagnostics.map((d) => d.code), references: r.plan.clips.map((c) => c.inputReference) };
      });
      expect(seen).toEqual({ codes: plan.diagnostics.map((d) => d.code), references: plan.clips.map((c) => c.inputReference) });
      if (blocks.some((b) => b.seconds > 0)) expect(proportional(blocks)).toBe(true);
    }
    await page.close();
  });

  it('keeps the sequence in the link, so opening the link shows the same text', async () => {
    const page = await open();
    await toEnd(page);
    await typeLines(page, ['', 'CLIP coda 4s', '  Scene: the empty platform after the train leaves.']);
    const edited = await editorText(page);
    // The hash follows the text a moment after the last keystroke.
    let link = '';
    for (let i = 0; i < 50 && !link; i++) {
      const m = /#n=platform&z=([A-Za-z0-9_-]+)$/.exec(page.url());
      if (m && inflateRawSync(Buffer.from(m[1]!, 'base64url')).toString('utf8') === edited) link = page.url();
      else await page.waitForTimeout(100);
    }
    expect(link).not.toBe('');
    const again = await open(link);
    expect(await editorText(again)).toBe(edited);
    expect(await again.inputValue('#example')).toBe('platform');
    expect((await timelineBlocks(again, '#pane-timeline')).map((b) => b.name)).toEqual(['arrival', 'arrival-dusk', 'coda']);
    await again.close();
    await page.close();
  });

  it('completes section keys and explains them on hover', async () => {
    const page = await open();
    await toEnd(page);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ligh');
    const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'Lighting & Atmosphere:' });
    await option.waitFor();
    // CodeMirror ignores Enter for a moment after the list opens (its interactionDelay, 75 ms).
    await page.waitForTimeout(150);
    await page.keyboard.press('Enter');
    expect(await editorText(page)).toBe(`${platform}\nLighting & Atmosphere: `);

    await page.hover('.cm-line:has-text("Style: 1970s") >> nth=0', { position: { x: 12, y: 8 } });
    const tip = page.locator('.cm-tooltip-hover .hover');
    await tip.waitFor();
    expect(await tip.textContent()).toContain(SECTIONS.find((s) => s.id === 'style')!.description);
    await page.close();
  });

  it('shows the requests per clip, the prompts with their origins marked, and opens the storyboard', async () => {
    const page = await open();
    const { plan } = await compile(platform, { filename: 'examples/platform.shot' });
    await page.click('#tab-plan');
    expect(await page.$$eval('#pane-plan details.request summary code', (s) => s.map((x) => x.textContent))).toEqual(['POST /videos', 'POST /videos/{video_id}/remix']);
    const request = JSON.parse((await page.textContent('#pane-plan details.request pre'))!) as { request: unknown; hash: string };
    expect(request.request).toEqual(plan.clips[0]!.request);
    expect(request.hash).toBe(plan.clips[0]!.hash);

    await page.click('#tab-prompts');
    expect(await page.textContent('#pane-prompts .prompt-clip[data-clip="arrival"] pre.prompt')).toBe(plan.clips[0]!.request.body['prompt']);
    expect(await page.textContent('#pane-prompts pre.prompt .pp[data-origin="cast"]')).toBe('woman in her thirties, navy wool coat, short dark hair, leather satchel.');

    await page.click('#tab-timeline');
    await page.screenshot({ path: artifact('playground.png') });

    const [board] = await Promise.all([page.waitForEvent('popup'), page.click('#storyboard')]);
    await board.waitForLoadState();
    expect(await board.$$eval('section.clip', (s) => s.map((x) => x.getAttribute('data-clip')))).toEqual(['arrival', 'arrival-dusk']);
    expect(proportional(await timelineBlocks(board))).toBe(true);
    await board.close();
    await page.close();
  });

  it('takes the editor to a clip or a problem when it is clicked', async () => {
    const page = await open(linkFor('Style: noir.\nCLIP one 4s\n  Scene: a lamp.\nCLIP two 10s\n  Scene: a door.\n'));
    const activeLine = (): Promise<string | null> => page.textContent('.cm-activeLine');
    await page.click('#pane-timeline .tl-clip[data-clip="one"] rect.tl-block');
    expect(await activeLine()).toBe('CLIP one 4s');
    await page.click('#tab-problems');
    await page.click('#pane-problems .diag[data-code="SC401"]');
    expect(await activeLine()).toBe('CLIP two 10s');
    await page.close();
  });

  it('is served as static files with relative URLs, and the server keeps to its folder', async () => {
    const index = await fetch(url);
    expect([index.status, index.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    const html = await index.text();
    const assets = [...html.matchAll(/(?:src|href)="(\.\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    expect(html).not.toMatch(/(?:src|href)="\/(?!\/)/);
    for (const a of assets) expect((await fetch(new URL(a, url))).status).toBe(200);
    expect((await fetch(new URL('nothing-here.js', url))).status).toBe(404);
    // An escaped slash survives URL parsing and would climb out of the folder once decoded.
    expect(await rawStatus('/..%2fpackage.json')).toBe(403);
    expect(await rawStatus('/assets%2f..%2f..%2f..%2fpackage.json')).toBe(403);
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
  });

  it('highlights lines as the parser reads them, sub-keys included', async () => {
    const page = await open();
    await page.waitForSelector('.cm-shot-subkey');
    expect(await page.$$eval('.cm-shot-subkey', (s) => s.map((x) => x.textContent))).toEqual(['Highlights', 'Mids', 'Blacks']);
    // A heading keyword, a character name and a comment each get a style of their own.
    const styles = await page.evaluate(() => {
      const span = (line: string, text: string): CSSStyleDeclaration => {
        const l = Array.from(document.querySelectorAll('.cm-line')).find((x) => x.textContent!.startsWith(line))!;
        return getComputedStyle(Array.from(l.querySelectorAll('span')).find((s) => s.textContent === text)!);
      };
      return { clip: span('CLIP arrival 4s', 'CLIP').fontWeight, name: span('MARA:', 'MARA').fontWeight, comment: span('// the arrival', '// the arrival is one 4-second clip with two shots').fontStyle };
    });
    expect(styles).toEqual({ clip: '700', name: '700', comment: 'italic' });
    await page.close();
  });
});
