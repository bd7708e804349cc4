/**
 * Crash safety: `shotc render` killed with SIGKILL at each dangerous moment, then run again. The
 * emulator counts the jobs it creates; a duplicate would show as one too many.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { useTmpDir } from '../helpers/tmp.js';
import { allFiles, ffprobe, journalOf, pair, project, readJournalLoose, render, SEQUENCE, spawnRender, testEmulator, until } from './helpers.js';

const tmp = useTmpDir();
let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const statuses = (file: string): string[] =>
  Object.values(readJournalLoose(file)?.jobs ?? {})
    .map((e) => `${e.clip}:${e.status}`)
    .sort();

/** Nothing half-written is left behind once a render has completed. */
function expectNoTempFiles(dir: string): void {
  expect(allFiles(dir).filter((f) => /\.(part|tmp)$/.test(f))).toEqual([]);
}

describe('a render killed with SIGKILL picks up where it stopped and never creates a job twice', { timeout: 300_000 }, () => {
  it('killed after writing the intent, before the job exists', async () => {
    // The create is answered 429 with Retry-After: 30, so the SDK waits: intent on disk, no job.
    emulator = await testEmulator({ retryAfterSeconds: 30, fail: ['429:1:create'] });
    const dir = tmp();
    const file = await project(dir, pair('killed before the job exists'), 'pair.shot');
    const run = spawnRender(emulator, ['pair.shot', '--yes'], dir);
    await until(() => emulator!.stats().requests['createVideo'] === 1 && statuses(file).join() === 'arrival:intent', 'the intent and a refused create');
    run.child.kill('SIGKILL');
    await run.exited;
    expect(emulator.stats().creates).toBe(0);

    const again = await render(emulator, ['pair.shot', '--yes'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('arrival: looking for the job an interrupted render created');
    expect(emulator.stats().creates).toBe(2);
    expect(statuses(file)).toEqual(['arrival-dusk:completed', 'arrival:completed']);
    expectNoTempFiles(dir);
  });

  it('killed after the job was created, before its answer arrived', async () => {
    emulator = await testEmulator({ createDelayMs: 60_000 });
    const dir = tmp();
    const file = await project(dir, pair('killed before the answer'), 'pair.shot');
    const run = spawnRender(emulator, ['pair.shot', '--yes'], dir);
    await until(() => emulator!.stats().creates === 1, 'the job to exist on the API');
    run.child.kill('SIGKILL');
    await run.exited;
    expect(statuses(file)).toEqual(['arrival:intent']);

    emulator.configure({ createDelayMs: 0 });
    const again = await render(emulator, ['pair.shot', '--yes'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/arrival: found job video_\w+, created before the last render stopped/);
    expect(emulator.stats().creates).toBe(2);
    expect(emulator.stats().createsByKind).toEqual({ create: 1, remix: 1, edit: 0, extend: 0 });
  });

  it('killed while the job runs', async () => {
    emulator = await testEmulator({ latencyMs: 6_000 });
    const dir = tmp();
    const file = await project(dir, pair('killed while running'), 'pair.shot');
    const run = spawnRender(emulator, ['pair.shot', '--yes'], dir);
    await until(() => /^arrival:(queued|in_progress)$/.test(statuses(file).join()), 'the job to be recorded as running');
    run.child.kill('SIGKILL');
    await run.exited;

    const again = await render(emulator, ['pair.shot', '--yes'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/arrival\s+create\s+1280x720\s+4\s+follow job — job video_\w+ is (queued|in progress)/);
    expect(emulator.stats().creates).toBe(2);
  });

  it('killed while downloading', async () => {
    emulator = await testEmulator({ contentDelayMs: 60_000 });
    const dir = tmp();
    const file = await project(dir, pair('killed while downloading'), 'pair.shot');
    const run = spawnRender(emulator, ['pair.shot', '--yes'], dir);
    await until(() => (emulator!.stats().requests['RetrieveVideoContent'] ?? 0) >= 1, 'a download to start');
    run.child.kill('SIGKILL');
    await run.exited;
    expect(existsSync(path.join(dir, 'out', 'arrival.mp4'))).toBe(false);

    emulator.configure({ contentDelayMs: 0 });
    const again = await render(emulator, ['pair.shot', '--yes'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(emulator.stats().creates).toBe(2);
    expect(ffprobe(path.join(dir, 'out', 'arrival.mp4')).seconds).toBeCloseTo(4, 1);
    expect(statuses(file)).toEqual(['arrival-dusk:completed', 'arrival:completed']);
    expectNoTempFiles(dir);
  });

  it('stops cleanly on Ctrl-C, with every job it created recorded, and a re-run picks them up', async () => {
    emulator = await testEmulator({ latencyMs: 8_000 });
    const dir = tmp();
    const file = await project(dir, pair('interrupted'), 'pair.shot');
    const run = spawnRender(emulator, ['pair.shot', '--yes'], dir);
    await until(() => /^arrival:(queued|in_progress)$/.test(statuses(file).join()), 'the job to be recorded as running');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.output()).toContain('stopping… (jobs already created are recorded; run again to pick them up');
    expect(run.output()).toContain('the journal records every job created; run the same command again to continue');
    const entry = Object.values(journalOf(file).jobs)[0]!;
    expect(entry.videoId).toMatch(/^video_/);
    expect(existsSync(path.join(dir, '.shotc', 'pair.lock'))).toBe(false);
    expectNoTempFiles(dir);

    const again = await render(emulator, ['pair.shot', '--yes'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(emulator.stats().creates).toBe(2);
  });

  it('killed at arbitrary moments, again and again, still makes each clip exactly once', async () => {
    emulator = await testEmulator({ latencyMs: 1_500 });
    const dir = tmp();
    const file = await project(dir, SEQUENCE.replace('thick fog', 'thick fog, again and again'), 'seq.shot');
    // A fixed sequence of moments (not Math.random) so a failure can be reproduced.
    let seed = 20261125;
    const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 5; round++) {
      const run = spawnRender(emulator, ['seq.shot', '--yes'], dir);
      const wait = 1_500 + Math.floor(next() * 6_000);
      const done = await Promise.race([run.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), wait))]);
      if (done) break;
      run.child.kill('SIGKILL');
      await run.exited;
      expect(emulator.stats().creates).toBeLessThanOrEqual(5);
    }
    const last = await render(emulator, ['seq.shot', '--yes'], { cwd: dir });
    expect(last.code).toBe(0);
    expect(emulator.stats().creates).toBe(5);
    expect(Object.values(journalOf(file).jobs).every((e) => e.status === 'completed')).toBe(true);
    expect(ffprobe(path.join(dir, 'out', 'seq.mp4')).seconds).toBeCloseTo(16, 1);
    expectNoTempFiles(dir);
  });
});
