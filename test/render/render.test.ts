/**
 * `shotc render` as a user runs it: the built CLI as a real process, the official SDK over
 * loopback HTTP to the emulator, real ffmpeg media, real files.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { BIN } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';
import { allFiles, ffprobe, journalOf, KEY, pair, project, render, SEQUENCE, SEQUENCE_FILM, testEmulator } from './helpers.js';

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const magic = (file: string): string => {
  const b = readFileSync(file);
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  return 'other';
};

let emulator: Emulator;
beforeAll(async () => {
  emulator = await testEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

const creates = (): number => emulator.stats().creates;
const requests = (): number => Object.values(emulator.stats().requests).reduce((a, b) => a + b, 0);
const tmp = useTmpDir();
// Each test runs the CLI (and ffmpeg) as real processes; on a shared two-core machine that takes a while.

describe('a first render, a second run and a change', { timeout: 240_000 }, () => {
  // One project, rendered in steps: each test builds on the one before (vitest runs them in order).
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = (await import('node:fs')).mkdtempSync(path.join((await import('node:os')).tmpdir(), 'shotc-render-'));
    file = await project(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('renders every clip into out/ with the right size and length, and stitches the film from the cut', async () => {
    const before = emulator.stats();
    const r = await render(emulator, ['seq.shot', '--yes'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const after = emulator.stats();
    expect(after.creates - before.creates).toBe(5);
    expect(after.createsByKind.extend - before.createsByKind.extend).toBe(1);
    expect(after.createsByKind.edit - before.createsByKind.edit).toBe(1);

    const lengths: Record<string, number> = { opening: 4, harbour: 4, 'harbour-more': 8, closing: 4, 'closing-blue': 4 };
    for (const [clip, seconds] of Object.entries(lengths)) {
      const video = ffprobe(path.join(dir, 'out', `${clip}.mp4`));
      expect({ clip, format: video.format.includes('mp4'), size: `${video.width}x${video.height}`, seconds: Math.round(video.seconds * 100) / 100 }).toEqual({
        clip,
        format: true,
        size: '1280x720',
        seconds,
      });
      expect(magic(path.join(dir, 'out', `${clip}.thumbnail.webp`))).toBe('webp');
      expect(magic(path.join(dir, 'out', `${clip}.spritesheet.jpg`))).toBe('jpeg');
    }
    const film = ffprobe(path.join(dir, 'out', 'seq.mp4'));
    expect(`${film.width}x${film.height}`).toBe('1280x720');
    const parts = SEQUENCE_FILM.clips.map((c) => ffprobe(path.join(dir, 'out', `${c}.mp4`)).seconds).reduce((a, b) => a + b, 0);
    expect(parts).toBeCloseTo(SEQUENCE_FILM.seconds, 1);
    expect(film.seconds).toBeCloseTo(parts, 1);
    expect(r.stdout).toContain(`film: out/seq.mp4 (16.0 s: ${SEQUENCE_FILM.clips.join(', ')})`);
  });

  it('records each job and each file with its sha256 in the journal', () => {
    const journal = journalOf(file);
    const entries = Object.values(journal.jobs);
    expect(entries.map((e) => [e.clip, e.status]).sort()).toEqual(
      ['closing', 'closing-blue', 'harbour', 'harbour-more', 'opening'].map((c) => [c, 'completed']),
    );
    for (const e of entries) {
      expect(e.videoId).toMatch(/^video_/);
      expect(e.files.map((f) => f.variant).sort()).toEqual(['spritesheet', 'thumbnail', 'video']);
      for (const f of e.files) expect(sha256(path.join(dir, f.path))).toBe(f.sha256);
    }
    expect(journal.film?.path).toBe('out/seq.mp4');
    expect(journal.film?.sha256).toBe(sha256(path.join(dir, 'out', 'seq.mp4')));
  });

  it('creates no job on a second run of the unchanged file', async () => {
    const before = creates();
    const r = await render(emulator, ['seq.shot', '--yes'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(creates()).toBe(before);
    expect(r.stdout).toContain('nothing to create');
    expect(r.stdout).toContain('0 rendered, 5 reused');
    expect(r.stdout).toContain('unchanged');
  });

  it('downloads a missing file again without creating a job', async () => {
    const thumb = path.join(dir, 'out', 'harbour.thumbnail.webp');
    const recorded = journalOf(file).jobs[Object.keys(journalOf(file).jobs).find((h) => journalOf(file).jobs[h]!.clip === 'harbour')!]!;
    rmSync(thumb);
    const before = emulator.stats();
    const r = await render(emulator, ['seq.shot', '--yes'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(creates()).toBe(before.creates);
    expect((emulator.stats().requests['RetrieveVideoContent'] ?? 0) - (before.requests['RetrieveVideoContent'] ?? 0)).toBe(1);
    expect(sha256(thumb)).toBe(recorded.files.find((f) => f.variant === 'thumbnail')!.sha256);
  });

  it('renders again only the changed clip and the clips made from it', async () => {
    writeFileSync(file, SEQUENCE.replace('The lamp turns off as the sun rises over the sea.', 'The lamp turns off as the sun rises over a calm sea.'));
    const before = emulator.stats();
    const r = await render(emulator, ['seq.shot', '--yes'], { cwd: dir });
    expect(r.code).toBe(0);
    const after = emulator.stats();
    expect(after.creates - before.creates).toBe(2);
    expect(after.createsByKind.create - before.createsByKind.create).toBe(1);
    expect(after.createsByKind.edit - before.createsByKind.edit).toBe(1);
    expect(r.stdout).toContain('2 rendered, 3 reused');
  });
});

describe('failures', { timeout: 240_000 }, () => {
  it('survives 429s and 500s on creating, polling and downloading', async () => {
    const dir = tmp();
    await project(dir, pair('rate limits'), 'pair.shot');
    emulator.configure({ fail: ['429:2:create', '500:2:retrieve', '429:1:retrieve', '503:1:content', '429:1:remix'] });
    const before = emulator.stats();
    const r = await render(emulator, ['pair.shot', '--yes'], { cwd: dir });
    expect(r.code).toBe(0);
    const after = emulator.stats();
    expect(after.faultsInjected - before.faultsInjected).toBe(7);
    expect(after.creates - before.creates).toBe(2);
    expect(ffprobe(path.join(dir, 'out', 'arrival-dusk.mp4')).seconds).toBeCloseTo(4, 1);
  });

  it('reports a moderation failure with the clip, code and message, skips its dependants and finishes the rest', async () => {
    const dir = tmp();
    const text = `${pair('moderation')}
CLIP platform-wide 4s
  Wide shot of the empty platform as the train pulls away.
`.replace('a woman steps onto the wet platform', 'a woman steps onto the wet platform, FORBIDDEN-TOKEN');
    await project(dir, text, 'mod.shot');
    emulator.configure({ fail: ['moderation:FORBIDDEN-TOKEN'] });
    const r = await render(emulator, ['mod.shot', '--yes'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ arrival: moderation_blocked: Your request was blocked by our moderation system.');
    expect(r.stdout).toContain('– arrival-dusk: skipped: source clip arrival failed (moderation_blocked)');
    expect(r.stdout).toContain('✓ platform-wide: out/platform-wide.mp4');
    expect(r.stdout).toContain('film not stitched: clip arrival-dusk was skipped');
    expect(existsSync(path.join(dir, 'out', 'platform-wide.mp4'))).toBe(true);
    expect(existsSync(path.join(dir, 'out', 'arrival.mp4'))).toBe(false);
  });

  it('refuses to render a file with errors', async () => {
    const dir = tmp();
    await project(dir, 'CLIP broken 5s\n  A clip of a length the API does not make.\n', 'bad.shot');
    const before = requests();
    const r = await render(emulator, ['bad.shot', '--yes'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not rendering bad.shot: fix the 1 error above first');
    expect(requests()).toBe(before);
  });

  it('says why the film is not stitched when clip sizes differ', async () => {
    const dir = tmp();
    await project(dir, `---\nmodel: sora-2\n---\nCLIP wide 4s 1280x720\n  A wide harbour at dawn.\n\nCLIP tall 4s 720x1280\n  A tall lighthouse at dawn.\n`, 'sizes.shot');
    const r = await render(emulator, ['sizes.shot', '--yes'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('film not stitched: the clips differ in size: wide 1280x720; tall 720x1280');
    expect(existsSync(path.join(dir, 'out', 'sizes.mp4'))).toBe(false);
  });
});

describe('before anything is spent', { timeout: 240_000 }, () => {
  it('refuses when the estimate is over the front matter budget, and over --budget', async () => {
    const dir = tmp();
    await project(dir, pair('budget').replace('size: 1280x720', 'size: 1280x720\nbudget: 0.5'), 'budget.shot');
    const before = requests();
    const r = await render(emulator, ['budget.shot', '--yes'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the estimate $0.80 is over the budget of $0.50 (front matter `budget`)');
    const flag = await render(emulator, ['budget.shot', '--yes', '--budget', '0.79'], { cwd: dir });
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain('the estimate $0.80 is over the budget of $0.79 (--budget)');
    expect(requests()).toBe(before);
    const enough = await render(emulator, ['budget.shot', '--dry-run', '--budget', '0.80'], { cwd: dir });
    expect(enough.code).toBe(0);
  });

  it('shows what a dry run would do and calls no API', async () => {
    const dir = tmp();
    await project(dir, pair('dry run'), 'dry.shot');
    const before = requests();
    const r = await render(emulator, ['dry.shot', '--dry-run'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/arrival\s+create\s+1280x720\s+4\s+\$0\.40\s+create\n/);
    expect(r.stdout).toContain('to create: 2 jobs, 8 s, estimated $0.80');
    expect(r.stdout).toContain('dry run: nothing was submitted');
    expect(requests()).toBe(before);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    expect(existsSync(path.join(dir, '.shotc'))).toBe(false);

    expect((await render(emulator, ['dry.shot', '--yes', '--only', 'arrival'], { cwd: dir })).code).toBe(0);
    const again = await render(emulator, ['dry.shot', '--dry-run'], { cwd: dir });
    expect(again.stdout).toMatch(/arrival\s+create\s+1280x720\s+4\s+reuse — job video_\w+, files in place/);
    expect(again.stdout).toContain('to create: 1 job, 4 s, estimated $0.40');
  });

  it('refuses to spend without --yes when not at a terminal', async () => {
    const dir = tmp();
    await project(dir, pair('confirm'), 'confirm.shot');
    const before = requests();
    const r = await render(emulator, ['confirm.shot'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to create 2 jobs ($0.80) without confirmation: pass --yes');
    expect(requests()).toBe(before);
  });

  it('asks for an API key when the base URL is not local', async () => {
    const dir = tmp();
    await project(dir, pair('no key'), 'nokey.shot');
    const r = await render(emulator, ['nokey.shot', '--yes', '--base-url', 'https://videos.example.invalid/v1'], { cwd: dir, env: { OPENAI_API_KEY: '' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no API key: set OPENAI_API_KEY (or name another variable with --api-key-env)');
  });

  it('renders only the clips named with --only, and the sources they need', async () => {
    const dir = tmp();
    await project(dir);
    const before = emulator.stats();
    const r = await render(emulator, ['seq.shot', '--yes', '--only', 'harbour-more'], { cwd: dir });
    expect(r.code).toBe(0);
    const after = emulator.stats();
    expect(after.creates - before.creates).toBe(2);
    expect(allFiles(path.join(dir, 'out')).map((f) => path.basename(f)).sort()).toEqual([
      'harbour-more.mp4',
      'harbour-more.spritesheet.jpg',
      'harbour-more.thumbnail.webp',
      'harbour.mp4',
      'harbour.spritesheet.jpg',
      'harbour.thumbnail.webp',
    ]);
    expect(r.stdout).toContain('film not stitched: clip opening has no rendered video in out/ (it was left out by --only)');
    const unknown = await render(emulator, ['seq.shot', '--yes', '--only', 'harbor'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--only: no clip named "harbor" in seq.shot');
  });
});

describe('the API key', { timeout: 240_000 }, () => {
  it('never appears in output, journal or files, even when the API echoes it back', async () => {
    const strict = await testEmulator({ apiKey: 'sk-the-right-key-0123456789' });
    try {
      const dir = tmp();
      await project(dir, pair('secret'), 'secret.shot');
      const wrong = await render(strict, ['secret.shot', '--yes'], { cwd: dir, env: { SHOTC_DEBUG: '1' } });
      expect(wrong.code).toBe(1);
      expect(wrong.stdout).toContain('invalid_api_key');
      const right = await render(strict, ['secret.shot', '--yes'], { cwd: dir, env: { OPENAI_API_KEY: 'sk-the-right-key-0123456789' } });
      expect(right.code).toBe(0);
      for (const text of [wrong.stdout, wrong.stderr, right.stdout, right.stderr, ...allFiles(dir).map((f) => readFileSync(f, 'latin1'))]) {
        expect(text).not.toContain(KEY);
        expect(text).not.toContain('sk-the-right-key-0123456789');
      }
    } finally {
      await strict.close();
    }
  });
});

describe('at a terminal', { timeout: 240_000 }, () => {
  // util-linux `script` runs the CLI on a pseudo-terminal, as a person at a terminal would.
  function atTerminal(args: string, cwd: string, input = '', api: Emulator = emulator): Promise<{ code: number | null; output: string }> {
    const command = `stty cols 100 rows 30; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} render ${args}`;
    return new Promise((resolve, reject) => {
      const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env: { ...process.env, NO_COLOR: '1', OPENAI_BASE_URL: api.url, OPENAI_API_KEY: KEY } });
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, output }));
      child.stdin.end(input);
    });
  }

  it('asks before spending, and does nothing on no', async () => {
    const dir = tmp();
    await project(dir, pair('asked'), 'asked.shot');
    const before = requests();
    const r = await atTerminal('asked.shot', dir, 'n\n');
    expect(r.output).toContain('Create 2 jobs for about $0.80? [y/N]');
    expect(r.output).toContain('nothing submitted');
    expect(r.code).toBe(1);
    expect(requests()).toBe(before);
  });

  it('draws a live bar per clip and a total line, then the result', async () => {
    const dir = tmp();
    await project(dir, pair('live bars'), 'bars.shot');
    // Jobs that take a few seconds, so the bars are drawn while they run.
    const slow = await testEmulator({ latencyMs: 3_000 });
    const r = await atTerminal('bars.shot --yes', dir, '', slow).finally(() => slow.close());
    expect(r.code).toBe(0);
    expect(r.output).toContain('\u001b[?25l'); // the cursor hides while bars redraw in place…
    expect(r.output).toMatch(/\u001b\[\d+F/);
    expect(r.output).toMatch(/arrival +█+░* +\d+% +in progress +0:\d\d/);
    expect(r.output).toMatch(/✓ arrival-dusk +█{24} 100% +done/);
    expect(r.output).toMatch(/total 2\/2 done · \d+:\d\d/);
    expect(r.output).toContain('\u001b[?25h'); // …and comes back
    expect(r.output).toContain('finished in');
  });
});
