/**
 * The render engine, the same for every video API: runs the assessed clips in dependency order
 * with at most `concurrency` jobs in flight, records every step in the journal before the API
 * call that depends on it, polls with backoff and jitter, downloads and verifies the assets, and
 * stitches the film. Everything API-specific is behind `Provider`.
 *
 * A clip's life: wait for its source's job → take a slot → (reconcile an interrupted creation |
 * write the intent, create the job, record its id) → poll until it ends → record the end →
 * give the slot back → download its assets (a separate pool, so the next job starts at once).
 */
import { setMaxListeners } from 'node:events';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Plan, PlanClip } from '../core/emit/plan.js';
import type { Assessment, ClipAssessment } from './assess.js';
import { planCut } from './cut.js';
import { FFMPEG_HELP, type FfTools } from './ffmpeg.js';
import { copyInto, hashFile, removeStaleTemps, saveDownload, verifyAsset, VerifyError } from './files.js';
import { knownVideoIds, stem, type FileRecord, type JobEntry } from './journal.js';
import type { JournalStore } from './journal-store.js';
import { createLimiter } from './limit.js';
import { Prober } from './prober.js';
import { ProviderError, type AssetKind, type JobState, type Provider } from './providers/types.js';
import { stitch, StitchError } from './stitch.js';

export interface PollOptions {
  /** First wait after submitting, and the shortest wait between polls. */
  minMs: number;
  /** Longest wait between polls (the guide suggests 10–20 s). */
  maxMs: number;
  /** Transient poll errors in a row before the clip is given up. */
  maxErrors: number;
}

export const DEFAULT_POLL: PollOptions = { minMs: 250, maxMs: 15_000, maxErrors: 10 };

export type Phase = 'waiting' | 'pending' | 'reconciling' | 'submitting' | 'queued' | 'in_progress' | 'downloading' | 'done' | 'failed' | 'skipped' | 'cancelled';

export interface ClipUpdate {
  clip: string;
  phase: Phase;
  progress: number | null;
  videoId: string | null;
  /** When its job started (ms since the epoch), for elapsed time. */
  since: number | null;
  detail?: string;
}

export interface RenderEvents {
  clip(update: ClipUpdate): void;
  note(message: string): void;
}

export interface ClipOutcome {
  clip: string;
  hash: string;
  result: 'rendered' | 'cached' | 'failed' | 'skipped' | 'cancelled';
  videoId: string | null;
  /** Absolute paths of the assets on disk, by variant. */
  files: Record<string, string>;
  error?: { code: string; message: string };
  /** Why a clip was skipped or cancelled. */
  reason?: string;
}

export interface FilmOutcome {
  status: 'stitched' | 'unchanged' | 'skipped' | 'failed';
  path?: string;
  seconds?: number;
  clips: string[];
  reason?: string;
}

export interface RenderOutcome {
  clips: ClipOutcome[];
  film: FilmOutcome;
  cancelled: boolean;
}

export interface EngineOptions {
  plan: Plan;
  assessment: Assessment;
  /** The `.shot` file (absolute): reference paths and journal paths are relative to its directory. */
  shotFile: string;
  outDir: string;
  /** Made on first use, so a fully cached render needs no API key. */
  provider: () => Promise<Provider>;
  assets: readonly AssetKind[];
  journal: JournalStore;
  concurrency: number;
  tools: FfTools;
  events: RenderEvents;
  signal: AbortSignal;
  poll?: Partial<PollOptions>;
  /** Stitch the film (default true). */
  stitch?: boolean;
}

type JobResult = { ok: true; id: string; output: JobState['output'] } | { ok: false; result: 'failed' | 'cancelled'; error?: { code: string; message: string }; reason?: string };

class Cancelled extends Error {}

export async function runRender(o: EngineOptions): Promise<RenderOutcome> {
  const poll = { ...DEFAULT_POLL, ...o.poll };
  const base = path.dirname(o.shotFile);
  const slots = createLimiter(o.concurrency);
  const downloads = createLimiter(o.concurrency);
  const jobsByHash = new Map<string, Promise<JobResult>>();
  const jobsByClip = new Map<string, Promise<JobResult>>();
  let provider: Promise<Provider> | null = null;
  const api = (): Promise<Provider> => (provider ??= o.provider());
  const rel = (file: string): string => path.relative(base, file).split(path.sep).join('/');
  const now = Date.now;
  // Every waiting slot, sleep and download listens for a stop; that is many listeners, not a leak.
  setMaxListeners(0, o.signal);
  const prober = o.tools.ffprobe ? new Prober(o.tools.ffprobe, 2) : null;
  const probeFile = prober ? (file: string) => prober.probe(file) : null;

  const emit = (clip: string, phase: Phase, extra: Partial<Omit<ClipUpdate, 'clip' | 'phase'>> = {}): void =>
    o.events.clip({ clip, phase, progress: null, videoId: null, since: null, ...extra });

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve, reject) => {
      if (o.signal.aborted) return reject(new Cancelled());
      const t = setTimeout(() => {
        o.signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = (): void => {
        clearTimeout(t);
        reject(new Cancelled());
      };
      o.signal.addEventListener('abort', onAbort, { once: true });
    });

  const cancelledOr = (e: unknown): boolean => e instanceof Cancelled || (e instanceof ProviderError && e.kind === 'aborted') || o.signal.aborted;

  /** The job for one hash: from the journal, found again, or created; then followed to its end. */
  async function obtainJob(a: ClipAssessment, sourceJobId: string | null): Promise<JobResult> {
    const { clip } = a;
    const hash = clip.hash;
    const existing = o.journal.entry(hash);
    if (existing?.status === 'completed' && existing.videoId && a.action !== 'create') {
      return { ok: true, id: existing.videoId, output: existing.output };
    }
    let release: (() => void) | null = null;
    try {
      emit(clip.name, 'pending');
      release = await slots.acquire(o.signal).catch(() => {
        throw new Cancelled();
      });
      const p = await api();
      let entry = o.journal.entry(hash);
      let state: JobState | null = null;
      let since = now();
      let written: Promise<void> = Promise.resolve();

      if (entry && (entry.status === 'queued' || entry.status === 'in_progress') && entry.videoId) {
        since = entry.createdAt ? Date.parse(entry.createdAt) : Date.parse(entry.intentAt);
        state = { id: entry.videoId, status: entry.status, progress: entry.progress, error: null, createdAt: null, completedAt: null, expiresAt: null, output: null };
      } else if (entry?.status === 'intent') {
        emit(clip.name, 'reconciling');
        const found = await withRetries(() => p.reconcile(entry!.fingerprint, Date.parse(entry!.intentAt), knownVideoIds(o.journal.journal), o.signal), `${clip.name}: looking for its job`);
        if (found) {
          o.events.note(`${clip.name}: found job ${found.id}, created before the last render stopped`);
          written = record(hash, (e) => applyState(e, found));
          state = found;
          since = found.createdAt ?? since;
        }
      }

      if (!state) {
        const reference = clip.inputReference ? await readReference(base, clip) : null;
        const images = await Promise.all((clip.images ?? []).map((image) => readImage(base, image)));
        const previous = entry ? [...entry.previousVideoIds, ...(entry.videoId ? [entry.videoId] : [])] : [];
        const fingerprint = p.fingerprint(clip, sourceJobId);
        const fresh: JobEntry = {
          clip: clip.name,
          target: p.target,
          fingerprint,
          status: 'intent',
          videoId: null,
          progress: null,
          intentAt: new Date(now()).toISOString(),
          createdAt: null,
          completedAt: null,
          expiresAt: null,
          error: null,
          output: null,
          files: entry?.files ?? [],
          previousVideoIds: [...new Set(previous)],
        };
        // The intent is on disk before the request leaves: a crash from here on is reconciled.
        await o.journal.update((j) => {
          j.jobs[hash] = fresh;
        });
        entry = fresh;
        emit(clip.name, 'submitting');
        try {
          state = await p.submit({ clip, sourceJobId, reference, images, signal: o.signal });
          since = now();
        } catch (e) {
          if (cancelledOr(e)) throw new Cancelled();
          const err = e as ProviderError;
          // A refusal (4xx) means no job exists: say so, so the next run creates one. After a
          // server or network error the job may exist: keep the intent for reconciliation.
          const definite = err instanceof ProviderError && (err.kind === 'invalid' || err.kind === 'auth' || err.kind === 'not-found' || err.kind === 'rate-limit');
          const error = { code: err.code ?? (err instanceof ProviderError ? err.kind : 'error'), message: `could not create its job: ${err.message}` };
          if (definite) await record(hash, (x) => ((x.status = 'failed'), (x.error = error)));
          return { ok: false, result: 'failed', error };
        }
        const created = state;
        written = record(hash, (x) => applyState(x, created));
      }

      const followed = await follow(clip.name, hash, state, since, written);
      // The slot is for jobs in flight: free it now, then make sure the end is on disk.
      release();
      release = null;
      await followed.durable;
      const end = followed.state;
      if (end.status === 'failed') return { ok: false, result: 'failed', error: end.error ?? { code: 'failed', message: 'the job failed without saying why' } };
      return { ok: true, id: end.id, output: end.output };
    } catch (e) {
      if (cancelledOr(e)) return { ok: false, result: 'cancelled', reason: 'stopped' };
      if (e instanceof ProviderError) return { ok: false, result: 'failed', error: { code: e.code ?? e.kind, message: e.message } };
      throw e;
    } finally {
      release?.();
    }
  }

  /**
   * Poll a job until it completes or fails. The first poll waits for the write of the job's id;
   * later status changes are noted in the journal, and the end is returned with its write
   * still in flight, so the caller can give up its slot at once and await durability before the
   * calls that depend on the end (downloads, dependent clips).
   */
  async function follow(name: string, hash: string, start: JobState, since: number, written: Promise<void>): Promise<{ state: JobState; durable: Promise<void> }> {
    let state = start;
    let delay = poll.minMs;
    let errors = 0;
    let seen: { at: number; progress: number } | null = state.progress !== null ? { at: since, progress: state.progress } : null;
    emit(name, phaseOf(state), { progress: state.progress, videoId: state.id, since });
    while (state.status !== 'completed' && state.status !== 'failed') {
      await Promise.all([sleep(delay * (0.85 + Math.random() * 0.3)), written]);
      let next: JobState;
      try {
        next = await (await api()).poll(state.id, o.signal);
        errors = 0;
      } catch (e) {
        if (cancelledOr(e)) throw new Cancelled();
        if (e instanceof ProviderError && e.transient && ++errors <= poll.maxErrors) {
          delay = e.retryAfterMs ?? Math.min(Math.max(delay, poll.minMs) * 2, poll.maxMs);
          emit(name, phaseOf(state), { progress: state.progress, videoId: state.id, since, detail: `retrying: ${e.message}` });
          continue;
        }
        if (e instanceof ProviderError && e.kind === 'not-found') {
          const error = { code: 'not_found', message: `job ${state.id} no longer exists on the API` };
          return { state: { ...state, status: 'failed', error }, durable: record(hash, (x) => ((x.status = 'failed'), (x.error = error))) };
        }
        throw e;
      }
      const changed = next.status !== state.status;
      const current = (state = next);
      if (current.status === 'completed' || current.status === 'failed') written = record(hash, (x) => applyState(x, current));
      // queued → in progress: nothing waits on it, so it rides with the next write.
      else if (changed) o.journal.note((j) => j.jobs[hash] && applyState(j.jobs[hash], current));
      emit(name, phaseOf(state), { progress: state.progress, videoId: state.id, since });
      delay = nextDelay(delay, seen, state.progress, since, now(), poll);
      if (state.progress !== null) seen = { at: now(), progress: state.progress };
    }
    return { state, durable: written };
  }

  async function withRetries<T>(fn: () => Promise<T>, what: string): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn();
      } catch (e) {
        if (cancelledOr(e)) throw new Cancelled();
        if (!(e instanceof ProviderError && e.transient) || attempt >= 4) throw e;
        o.events.note(`${what}: ${e.message}; retrying`);
        await sleep(e.retryAfterMs ?? 500 * 2 ** attempt);
      }
    }
  }

  function record(hash: string, change: (e: JobEntry) => void): Promise<void> {
    return o.journal.update((j) => {
      const e = j.jobs[hash];
      if (e) change(e);
    });
  }

  /** Download (or copy, or confirm) each asset of a completed clip. */
  async function fetchAssets(a: ClipAssessment, job: { id: string; output: JobState['output'] }): Promise<Record<string, string>> {
    const { clip } = a;
    const files: Record<string, string> = {};
    const expect = { size: job.output?.size ?? clip.output.size, seconds: job.output?.seconds ?? (clip.kind === 'extend' ? null : clip.output.seconds) };
    let announced = false;
    const one = async (asset: AssetKind): Promise<void> => {
      const dest = path.join(o.outDir, `${clip.name}${asset.suffix}`);
      const where = rel(dest);
      const records = (o.journal.entry(clip.hash)?.files ?? []).filter((f) => f.variant === asset.variant);
      const here = records.find((f) => f.path === where);
      if (here && (await hashFile(dest))?.sha256 === here.sha256) {
        files[asset.variant] = dest;
        return;
      }
      let saved: { sha256: string; bytes: number } | null = null;
      for (const r of records) {
        const from = path.resolve(base, r.path);
        if (from === dest) continue;
        if ((await hashFile(from))?.sha256 === r.sha256) {
          await copyInto(dest, from);
          saved = { sha256: r.sha256, bytes: r.bytes };
          break;
        }
      }
      if (!saved) {
        if (!announced) emit(clip.name, 'downloading', { videoId: job.id, progress: 100 });
        announced = true;
        saved = await downloadWithRetries(await api(), job.id, asset, dest, expect);
      }
      const rec: FileRecord = { variant: asset.variant, path: where, sha256: saved.sha256, bytes: saved.bytes, at: new Date().toISOString() };
      // No API call depends on this record: it goes out with the next write, unawaited.
      o.journal.note((j) => {
        const e = j.jobs[clip.hash];
        if (e) e.files = [rec, ...e.files.filter((f) => !(f.variant === rec.variant && f.path === rec.path))];
      });
      files[asset.variant] = dest;
    };
    // The assets of one clip download side by side; a failure waits for the others to finish cleanly.
    const results = await Promise.allSettled(o.assets.map(one));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    return files;
  }

  async function downloadWithRetries(p: Provider, id: string, asset: AssetKind, dest: string, expect: { size: string; seconds: number | null }) {
    for (let attempt = 1; ; attempt++) {
      try {
        const download = await p.download(id, asset.variant, o.signal);
        return await saveDownload(dest, download, (tmp, head) => verifyAsset(tmp, asset, expect, probeFile, head).then(() => {}), o.signal);
      } catch (e) {
        if (cancelledOr(e)) throw new Cancelled();
        const transient = (e instanceof ProviderError && e.transient) || (e instanceof Error && /ECONNRESET|terminated|socket/i.test(e.message));
        if (!transient || attempt >= 4) throw e;
        await sleep((e as ProviderError).retryAfterMs ?? 500 * 2 ** attempt);
      }
    }
  }

  /** A source clip outside this run (not selected): usable when the journal has its completed job. */
  async function fromJournal(name: string): Promise<JobResult> {
    const clip = o.plan.clips.find((c) => c.name === name);
    const e = clip ? o.journal.entry(clip.hash) : undefined;
    return e?.status === 'completed' && e.videoId ? { ok: true, id: e.videoId, output: e.output } : { ok: false, result: 'failed', reason: 'has not been rendered' };
  }

  async function runClip(a: ClipAssessment): Promise<ClipOutcome> {
    const { clip } = a;
    const outcome = (result: ClipOutcome['result'], extra: Partial<ClipOutcome> = {}): ClipOutcome => ({ clip: clip.name, hash: clip.hash, result, videoId: null, files: {}, ...extra });
    const settle = resolveJob.get(clip.name)!;
    emit(clip.name, clip.dependsOn.length ? 'waiting' : 'pending', clip.dependsOn.length ? { detail: `waiting for ${clip.dependsOn.join(', ')}` } : {});
    let sourceJobId: string | null = null;
    for (const dep of clip.dependsOn) {
      const r = await (jobsByClip.get(dep) ?? fromJournal(dep));
      if (!r.ok) {
        const stopped = r.result === 'cancelled';
        const reason = stopped ? 'stopped' : `source clip ${dep} ${r.error ? `failed (${r.error.code})` : (r.reason ?? 'did not render')}`;
        settle({ ok: false, result: r.result, reason: stopped ? 'stopped' : `skipped: ${reason}` });
        emit(clip.name, stopped ? 'cancelled' : 'skipped', { detail: reason });
        return outcome(stopped ? 'cancelled' : 'skipped', { reason });
      }
      if (dep === clip.source) sourceJobId = r.id;
    }
    if (!jobsByHash.has(clip.hash)) jobsByHash.set(clip.hash, obtainJob(a, sourceJobId));
    const job = await jobsByHash.get(clip.hash)!;
    settle(job);
    if (!job.ok) {
      emit(clip.name, job.result === 'cancelled' ? 'cancelled' : 'failed', { detail: job.error ? `${job.error.code}: ${job.error.message}` : (job.reason ?? '') });
      return outcome(job.result, { ...(job.error ? { error: job.error } : {}), ...(job.reason ? { reason: job.reason } : {}) });
    }
    try {
      const files = await downloads.run(() => fetchAssets(a, job), o.signal).catch((e: unknown) => {
        throw cancelledOr(e) ? new Cancelled() : e;
      });
      emit(clip.name, 'done', { videoId: job.id, progress: 100 });
      return outcome(a.action === 'cached' ? 'cached' : 'rendered', { videoId: job.id, files });
    } catch (e) {
      if (e instanceof Cancelled) {
        emit(clip.name, 'cancelled', { videoId: job.id, detail: 'stopped while downloading' });
        return outcome('cancelled', { videoId: job.id, reason: 'stopped while downloading' });
      }
      const error = e instanceof VerifyError ? { code: 'bad_download', message: `the downloaded file is wrong: ${e.message}` } : e instanceof ProviderError ? { code: e.code ?? e.kind, message: `download failed: ${e.message}` } : null;
      if (!error) throw e;
      if (e instanceof ProviderError && (e.code === 'video_expired' || e.kind === 'not-found')) {
        // The assets are gone for good: the next run creates the clip again.
        await record(clip.hash, (x) => ((x.status = 'failed'), (x.error = { code: 'expired', message: 'its downloads expired before they were saved' })));
      }
      emit(clip.name, 'failed', { videoId: job.id, detail: `${error.code}: ${error.message}` });
      return outcome('failed', { videoId: job.id, error });
    }
  }

  // A render killed mid-download or mid-write leaves temp files; they are never read, only swept.
  await Promise.all([removeStaleTemps(o.outDir), removeStaleTemps(path.dirname(o.journal.file))]);
  await fs.mkdir(o.outDir, { recursive: true });

  // Dependants wait on a clip's job (not its downloads): register every clip's job promise first.
  const resolveJob = new Map<string, (r: JobResult) => void>();
  for (const a of o.assessment.clips) jobsByClip.set(a.clip.name, new Promise((r) => resolveJob.set(a.clip.name, r)));
  const outcomes = await Promise.all(
    o.assessment.clips.map((a) =>
      runClip(a).catch((e: unknown) => {
        resolveJob.get(a.clip.name)!({ ok: false, result: 'failed', error: { code: 'internal', message: (e as Error).message } });
        throw e;
      }),
    ),
  ).finally(() => prober?.close());
  await o.journal.settle();
  const cancelled = o.signal.aborted;
  const film = cancelled ? { status: 'skipped' as const, clips: [], reason: 'stopped' } : o.stitch === false ? { status: 'skipped' as const, clips: [], reason: 'not asked to (--no-stitch)' } : await makeFilm(outcomes);
  return { clips: outcomes, film, cancelled };

  async function makeFilm(done: readonly ClipOutcome[]): Promise<FilmOutcome> {
    const cut = planCut(o.plan);
    if (cut.clips.length === 0) return { status: 'skipped', clips: [], reason: 'the file has no clips' };
    const byName = new Map(o.plan.clips.map((c) => [c.name, c]));
    const inputs: Array<{ clip: string; file: string; sha256: string }> = [];
    for (const name of cut.clips) {
      const mine = done.find((d) => d.clip === name);
      if (mine && mine.result !== 'rendered' && mine.result !== 'cached') {
        return { status: 'skipped', clips: cut.clips, reason: `clip ${name} ${mine.result === 'failed' ? 'failed' : `was ${mine.result}`}` };
      }
      const file = path.join(o.outDir, `${name}${o.assets[0]!.suffix}`);
      const entry = o.journal.entry(byName.get(name)!.hash);
      const recorded = entry?.status === 'completed' ? entry.files.find((f) => f.variant === o.assets[0]!.variant && f.path === rel(file)) : undefined;
      const actual = recorded ? await hashFile(file) : null;
      if (!recorded || actual?.sha256 !== recorded.sha256) {
        return { status: 'skipped', clips: cut.clips, reason: `clip ${name} has no rendered video in ${rel(o.outDir) || '.'}/${mine ? '' : ' (it was left out by --only)'}` };
      }
      inputs.push({ clip: name, file, sha256: recorded.sha256 });
    }
    const { ffmpeg, ffprobe } = o.tools;
    if (!ffmpeg || !ffprobe) return { status: 'skipped', clips: cut.clips, reason: `ffmpeg${ffmpeg ? 'probe' : ''} not found: ${FFMPEG_HELP}` };
    const clipNames = new Set(o.plan.clips.map((c) => c.name));
    const filmStem = stem(o.shotFile);
    const dest = path.join(o.outDir, `${filmStem}${clipNames.has(filmStem) ? '.film' : ''}.mp4`);
    const previous = o.journal.journal.film;
    const shas = inputs.map((i) => i.sha256);
    if (previous && previous.path === rel(dest) && previous.inputs.join() === shas.join() && (await hashFile(dest))?.sha256 === previous.sha256) {
      return { status: 'unchanged', path: dest, seconds: previous.seconds, clips: cut.clips };
    }
    o.events.note(`stitching ${inputs.length} clip${inputs.length === 1 ? '' : 's'} (${cut.clips.join(', ')}) into ${path.relative(process.cwd(), dest) || dest}`);
    try {
      const made = await stitch(ffmpeg, ffprobe, inputs, dest, o.signal);
      const saved = (await hashFile(dest))!;
      await o.journal.update((j) => {
        j.film = { path: rel(dest), sha256: saved.sha256, bytes: saved.bytes, seconds: made.seconds, inputs: shas, at: new Date().toISOString() };
      });
      return { status: 'stitched', path: dest, seconds: made.seconds, clips: cut.clips };
    } catch (e) {
      if (e instanceof StitchError) return { status: 'skipped', clips: cut.clips, reason: e.message };
      if (cancelledOr(e)) return { status: 'skipped', clips: cut.clips, reason: 'stopped' };
      return { status: 'failed', clips: cut.clips, reason: (e as Error).message };
    }
  }
}

/**
 * How long to wait before the next poll. Progress says how far along a job is, so wait about as
 * long as it has left — estimated from the progress made since the last poll, else since the job
 * started — but never more than twice the last wait (an estimate from one early reading can be
 * far off) and never beyond `maxMs`. Without progress, back off exponentially.
 */
export function nextDelay(previous: number, seen: { at: number; progress: number } | null, progress: number | null, since: number, at: number, poll: PollOptions): number {
  const grow = Math.min(Math.max(previous, poll.minMs) * 2, poll.maxMs);
  if (progress === null || progress <= 0 || progress >= 100) return grow;
  // No progress since the last poll (a job stuck in a queue, or finishing up): back off.
  if (seen && progress <= seen.progress && at > seen.at) return grow;
  let remaining: number;
  if (seen && progress > seen.progress && at > seen.at) remaining = ((100 - progress) * (at - seen.at)) / (progress - seen.progress);
  else remaining = ((at - since) * (100 - progress)) / progress;
  return Math.max(poll.minMs / 5, Math.min(remaining, grow));
}

function phaseOf(s: JobState): Phase {
  return s.status === 'queued' ? 'queued' : s.status === 'in_progress' ? 'in_progress' : s.status === 'completed' ? 'downloading' : 'failed';
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function applyState(e: JobEntry, s: JobState): void {
  e.videoId = s.id;
  e.status = s.status;
  e.progress = s.progress;
  e.createdAt = iso(s.createdAt) ?? e.createdAt;
  e.completedAt = iso(s.completedAt) ?? e.completedAt;
  e.expiresAt = iso(s.expiresAt) ?? e.expiresAt;
  e.error = s.error;
  e.output = s.output ?? e.output;
}

async function readReference(base: string, clip: PlanClip): Promise<{ bytes: Uint8Array; name: string; mimeType: string }> {
  return readImage(base, clip.inputReference!);
}

async function readImage(base: string, ref: { path: string; mimeType: string }): Promise<{ bytes: Uint8Array; name: string; mimeType: string }> {
  const file = path.resolve(base, ref.path);
  try {
    return { bytes: new Uint8Array(await fs.readFile(file)), name: path.basename(file), mimeType: ref.mimeType };
  } catch (e) {
    throw new ProviderError(`cannot read the reference image ${ref.path}: ${(e as Error).message}`, 'invalid');
  }
}
