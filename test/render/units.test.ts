/** The render engine's pure parts: the cut, poll pacing, the slot limiter, redaction, the journal file and the progress display. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/core/compile.js';
import { selectClips } from '../../src/render/assess.js';
import { planCut } from '../../src/render/cut.js';
import { DEFAULT_POLL, nextDelay } from '../../src/render/engine.js';
import { JournalSchema, emptyJournal, type JobEntry } from '../../src/render/journal.js';
import { JournalError, JournalStore, lockRender, LockedError } from '../../src/render/journal-store.js';
import { createLimiter } from '../../src/render/limit.js';
import { elapsed, lineReporter, ttyReporter } from '../../src/render/progress.js';
import { makeRedactor } from '../../src/render/redact.js';
import { ROOT } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

async function planOf(text: string) {
  const { plan, diagnostics } = await compile(text, { filename: 'cut.shot' });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return plan;
}

describe('the cut', () => {
  it('puts created clips in file order, and a remix, edit or extension in its source\'s place', async () => {
    const plan = await planOf(`---\nsize: 1280x720\n---\nStyle: test.\n
CLIP a 4s\n  One.\n
CLIP b 4s\n  Two.\n
CLIP b-more EXTEND b 4s\n  Two continues.\n
CLIP c 4s\n  Three.\n
CLIP a-dusk REMIX a\n  Change: dusk.\n
CLIP c-fix EDIT c\n  Change: brighter.\n`);
    expect(planCut(plan)).toEqual({
      clips: ['a-dusk', 'b-more', 'c-fix'],
      replaced: [
        { clip: 'a', by: 'a-dusk' },
        { clip: 'b', by: 'b-more' },
        { clip: 'c', by: 'c-fix' },
      ],
    });
  });

  it('uses the last of several takes made from one clip, through chains', async () => {
    const plan = await planOf(`---\nsize: 1280x720\n---\nStyle: test.\n
CLIP a 4s\n  One.\n
CLIP a-blue REMIX a\n  Change: blue.\n
CLIP a-red REMIX a\n  Change: red.\n
CLIP a-red-more EXTEND a-red 4s\n  It goes on.\n`);
    expect(planCut(plan).clips).toEqual(['a-red-more']);
    expect(planCut(plan).replaced.map((r) => r.clip)).toEqual(['a', 'a-blue', 'a-red']);
  });

  it('--only takes the named clips and every clip they are made from', async () => {
    const plan = await planOf(`---\nsize: 1280x720\n---\nStyle: test.\n
CLIP a 4s\n  One.\n
CLIP a-red REMIX a\n  Change: red.\n
CLIP a-red-more EXTEND a-red 4s\n  More.\n
CLIP b 4s\n  Two.\n`);
    expect([...selectClips(plan, ['a-red-more']).selected].sort()).toEqual(['a', 'a-red', 'a-red-more']);
    expect(selectClips(plan, ['b', 'zz']).unknown).toEqual(['zz']);
    expect(selectClips(plan, null).selected.size).toBe(4);
  });
});

describe('poll pacing', () => {
  const poll = DEFAULT_POLL;
  it('never waits longer than the cap or twice the last wait, nor less than a fifth of the minimum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60_000 }),
        fc.option(fc.record({ progress: fc.integer({ min: 0, max: 100 }), ago: fc.integer({ min: 0, max: 600_000 }) })),
        fc.option(fc.integer({ min: 0, max: 100 })),
        fc.integer({ min: 0, max: 3_600_000 }),
        (previous, seen, progress, running) => {
          const at = 10_000_000;
          const d = nextDelay(previous, seen ? { at: at - seen.ago, progress: seen.progress } : null, progress, at - running, at, poll);
          expect(d).toBeLessThanOrEqual(Math.min(Math.max(previous, poll.minMs) * 2, poll.maxMs));
          expect(d).toBeGreaterThanOrEqual(poll.minMs / 5);
        },
      ),
    );
  });

  it('waits about as long as the job has left, from its rate of progress', () => {
    // 40% → 60% in 2 s: 40% more takes about 4 s; capped at twice the last wait (2 × 3 s).
    expect(nextDelay(3_000, { at: 8_000, progress: 40 }, 60, 0, 10_000, poll)).toBeCloseTo(4_000);
    // No progress since the last poll: back off instead of hammering a stuck job.
    expect(nextDelay(1_000, { at: 9_000, progress: 99 }, 99, 0, 10_000, poll)).toBe(2_000);
  });
});

describe('the slot limiter', () => {
  it('never lets more than n tasks hold a slot, and runs them all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 30 }), async (n, delays) => {
        const limit = createLimiter(n);
        let active = 0;
        let peak = 0;
        const done = await Promise.all(
          delays.map((d, i) =>
            limit.run(async () => {
              active++;
              peak = Math.max(peak, active);
              await new Promise((r) => setTimeout(r, d));
              active--;
              return i;
            }),
          ),
        );
        expect(done).toEqual(delays.map((_, i) => i));
        expect(peak).toBeLessThanOrEqual(n);
      }),
      { numRuns: 40 },
    );
  });

  it('drops a waiter whose signal aborts', async () => {
    const limit = createLimiter(1);
    const release = await limit.acquire();
    const controller = new AbortController();
    const waiting = limit.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(limit.waiting).toBe(0);
    release();
    expect(limit.active).toBe(0);
  });
});

describe('redaction', () => {
  it('hides the key in use and anything shaped like an OpenAI key', () => {
    const redact = makeRedactor(['my-gateway-secret-123']);
    expect(redact('401 Incorrect API key provided: my-gateway-secret-123. Also sk-proj-abcdefghijklmnop.')).toBe('401 Incorrect API key provided: ***. Also sk-***.');
  });
});

describe('the journal file', () => {
  const entry = (clip: string): JobEntry => ({
    clip,
    target: 'sora-2',
    fingerprint: { kind: 'create', model: 'sora-2', size: '1280x720', seconds: 4, promptSha256: 'a'.repeat(64), source: null },
    status: 'intent',
    videoId: null,
    progress: null,
    intentAt: new Date().toISOString(),
    createdAt: null,
    completedAt: null,
    expiresAt: null,
    error: null,
    output: null,
    files: [],
    previousVideoIds: [],
  });

  it('is on disk, valid, when each update resolves — even with many updates at once', async () => {
    const dir = tmp();
    const shot = path.join(dir, 'scene.shot');
    const store = await JournalStore.open(shot);
    const hashes = Array.from({ length: 50 }, (_, i) => `sha256:${i.toString(16).padStart(64, '0')}`);
    await Promise.all(
      hashes.map((h, i) =>
        store.update((j) => {
          j.jobs[h] = entry(`clip-${i}`);
        }).then(() => {
          const onDisk = JournalSchema.parse(JSON.parse(readFileSync(path.join(dir, '.shotc', 'scene.journal.json'), 'utf8')));
          expect(onDisk.jobs[h]?.clip).toBe(`clip-${i}`);
        }),
      ),
    );
    expect(Object.keys((await JournalStore.open(shot)).journal.jobs).length).toBe(50);
  });

  it('is documented in spec/output.md by an example that is a valid journal', () => {
    const spec = readFileSync(path.join(ROOT, 'spec', 'output.md'), 'utf8');
    const example = /```json journal\n([\s\S]*?)\n```/.exec(spec);
    expect(example).not.toBeNull();
    const parsed = JournalSchema.safeParse(JSON.parse(example![1]!));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('refuses a journal that does not match its schema, saying what to do', async () => {
    const dir = tmp();
    const shot = path.join(dir, 'scene.shot');
    const store = await JournalStore.open(shot);
    await store.update(() => {});
    const file = path.join(dir, '.shotc', 'scene.journal.json');
    const bad = { ...emptyJournal('scene.shot'), version: 7 };
    (await import('node:fs')).writeFileSync(file, JSON.stringify(bad));
    await expect(JournalStore.open(shot)).rejects.toThrow(JournalError);
    await expect(JournalStore.open(shot)).rejects.toThrow(/does not match its schema at version.*move it away to start over/);
  });

  it('lets one render hold the lock, and takes over a lock left by a dead process', async () => {
    const dir = tmp();
    const shot = path.join(dir, 'scene.shot');
    const release = await lockRender(shot);
    await expect(lockRender(shot)).rejects.toThrow(LockedError);
    await release();
    const fs = await import('node:fs');
    fs.writeFileSync(path.join(dir, '.shotc', 'scene.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname() }));
    const again = await lockRender(shot);
    await again();
  });
});

describe('progress', () => {
  it('prints one plain line per change of state', () => {
    let out = '';
    let t = 0;
    const r = lineReporter((s) => (out += s), () => t);
    r.clip({ clip: 'a', phase: 'submitting', progress: null, videoId: null, since: null });
    r.clip({ clip: 'a', phase: 'in_progress', progress: 10, videoId: 'video_1', since: 0 });
    r.clip({ clip: 'a', phase: 'in_progress', progress: 50, videoId: 'video_1', since: 0 });
    t = 65_000;
    r.clip({ clip: 'a', phase: 'done', progress: 100, videoId: 'video_1', since: null });
    r.clip({ clip: 'b', phase: 'skipped', progress: null, videoId: null, since: null, detail: 'source clip a failed (moderation_blocked)' });
    expect(out).toBe('a: creating job\na: in progress (video_1)\na: done after 1:05\nb: skipped: source clip a failed (moderation_blocked)\n');
  });

  it('draws a bar per clip with progress, status and time, and a total line, in place', () => {
    let out = '';
    let t = 0;
    const r = ttyReporter(['arrival', 'arrival-dusk'], { write: (s) => (out += s), columns: () => 100, rows: () => 20, color: false, now: () => t });
    r.clip({ clip: 'arrival', phase: 'in_progress', progress: 50, videoId: 'video_1', since: 0 });
    r.clip({ clip: 'arrival-dusk', phase: 'waiting', progress: null, videoId: null, since: null, detail: 'waiting for arrival' });
    t = 42_000;
    r.finish();
    const frame = out.split('\u001b[2K').slice(-3).map((l) => l.replace(/\n.*$/s, ''));
    expect(frame).toEqual([
      '• arrival      ████████████░░░░░░░░░░░░  50%  in progress   0:42',
      '  arrival-dusk ░░░░░░░░░░░░░░░░░░░░░░░░    —  waiting for arrival      ',
      '  total 0/2 done · 1 running · 0:42',
    ]);
    expect(out.endsWith('\u001b[?25h')).toBe(true);
  });

  it('writes times as m:ss, and h:mm:ss past an hour', () => {
    expect([elapsed(0), elapsed(65_000), elapsed(3_726_000)]).toEqual(['0:00', '1:05', '1:02:06']);
  });
});
