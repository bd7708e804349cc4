/**
 * Before anything is submitted: which clips are selected (`--only` plus the sources they need),
 * and what each needs — nothing (cached), a download, a running job to follow, an interrupted
 * creation to reconcile, or a new job — with the cost of the new ones. `--dry-run` prints this;
 * the budget check and the confirmation prompt read it.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Plan, PlanClip } from '../core/emit/plan.js';
import type { Journal, JobEntry } from './journal.js';
import type { AssetKind } from './providers/types.js';

export type Action = 'cached' | 'download' | 'resume' | 'reconcile' | 'create' | 'retry';

export interface ClipAssessment {
  clip: PlanClip;
  action: Action;
  /** Why, in words: "new", "last attempt failed (moderation_blocked)", … */
  reason: string;
  entry: JobEntry | undefined;
}

export interface Assessment {
  clips: ClipAssessment[];
  /** Clips that may create a job (create, retry, reconcile) and their estimated cost. */
  spend: { clips: number; seconds: number; usd: number | null; unpriced: string[] };
  /** Whether anything needs the API at all. */
  needsApi: boolean;
}

/** `only` plus, transitively, every clip they depend on; unknown names are returned apart. */
export function selectClips(plan: Pick<Plan, 'clips'>, only: readonly string[] | null): { selected: Set<string>; unknown: string[] } {
  const byName = new Map(plan.clips.map((c) => [c.name, c]));
  if (!only || only.length === 0) return { selected: new Set(byName.keys()), unknown: [] };
  const selected = new Set<string>();
  const unknown = only.filter((n) => !byName.has(n));
  const visit = (name: string): void => {
    if (selected.has(name)) return;
    const clip = byName.get(name);
    if (!clip) return;
    selected.add(name);
    for (const dep of clip.dependsOn) visit(dep);
  };
  for (const n of only) visit(n);
  return { selected, unknown };
}

/** `baseDir` is the `.shot` file's directory (journal paths are relative to it). */
export async function assess(
  plan: Plan,
  journal: Readonly<Journal>,
  selected: ReadonlySet<string>,
  dirs: { out: string; base: string },
  assets: readonly AssetKind[],
  now = Date.now(),
): Promise<Assessment> {
  const clips: ClipAssessment[] = [];
  for (const clip of plan.clips) {
    if (!selected.has(clip.name)) continue;
    const entry = journal.jobs[clip.hash];
    clips.push({ clip, entry, ...(await decide(clip, entry, dirs, assets, now)) });
  }
  const spending = clips.filter((c) => c.action === 'create' || c.action === 'retry' || c.action === 'reconcile');
  const unpriced = spending.filter((c) => c.clip.estimate.usd === null).map((c) => c.clip.name);
  const usd = unpriced.length ? null : Math.round(spending.reduce((a, c) => a + (c.clip.estimate.usd ?? 0), 0) * 10000) / 10000;
  return {
    clips,
    spend: { clips: spending.length, seconds: spending.reduce((a, c) => a + c.clip.estimate.seconds, 0), usd, unpriced },
    needsApi: clips.some((c) => c.action !== 'cached'),
  };
}

const isFile = (file: string): Promise<boolean> =>
  fs.stat(file).then(
    (s) => s.isFile(),
    () => false,
  );

async function decide(clip: PlanClip, entry: JobEntry | undefined, dirs: { out: string; base: string }, assets: readonly AssetKind[], now: number): Promise<{ action: Action; reason: string }> {
  if (!entry) return { action: 'create', reason: 'new' };
  switch (entry.status) {
    case 'intent':
      return { action: 'reconcile', reason: 'a render was interrupted while creating its job; the API is asked for it before anything is created' };
    case 'queued':
    case 'in_progress':
      return { action: 'resume', reason: `job ${entry.videoId} is ${entry.status.replace('_', ' ')}` };
    case 'failed':
      return { action: 'retry', reason: `last attempt failed${entry.error ? ` (${entry.error.code})` : ''}` };
    case 'completed': {
      const missing: string[] = [];
      let copyable = true;
      for (const a of assets) {
        if (await isFile(path.join(dirs.out, `${clip.name}${a.suffix}`))) continue;
        missing.push(a.variant);
        const earlier = entry.files.filter((f) => f.variant === a.variant).map((f) => path.resolve(dirs.base, f.path));
        if (!(await Promise.all(earlier.map(isFile))).some(Boolean)) copyable = false;
      }
      if (missing.length === 0) return { action: 'cached', reason: `job ${entry.videoId}, files in place` };
      const expired = entry.expiresAt !== null && Date.parse(entry.expiresAt) <= now;
      if (expired && copyable) return { action: 'download', reason: `${missing.join(', ')} copied from an earlier output` };
      if (expired) return { action: 'create', reason: `its ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing and the job's downloads expired ${entry.expiresAt}` };
      return { action: 'download', reason: `job ${entry.videoId} done; ${missing.join(', ')} to download` };
    }
  }
}
