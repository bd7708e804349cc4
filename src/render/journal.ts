/**
 * The render journal: what `shotc render` knows about every clip it has ever submitted for a
 * `.shot` file, keyed by the clip's plan hash. It is the render cache (an unchanged clip is never
 * submitted again) and the crash log (an `intent` written before each job-creating call lets a
 * re-run find a job whose creation it never heard back about).
 *
 * Pure: no IO here, so the preview page and the playground can read journals too. Reading and
 * writing the file lives in `journal-store.ts`. The JSON form is documented in `spec/output.md`
 * ("Render journal"); extend it, never rename fields.
 */
import { z } from 'zod';

export const JOURNAL_VERSION = 1;

/** The directory next to the `.shot` file that holds journals and the render lock. */
export const JOURNAL_DIR = '.shotc';

const Iso = z.iso.datetime({ offset: true });
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** Where a job stands. `intent`: about to be created (or created, unanswered); the rest are the API's. */
export const JobStatusSchema = z.enum(['intent', 'queued', 'in_progress', 'completed', 'failed']);
export type JobStatus = z.infer<typeof JobStatusSchema>;

export const JobErrorSchema = z.object({ code: z.string(), message: z.string() });
export type JobError = z.infer<typeof JobErrorSchema>;

/** One downloaded asset of a completed job. */
export const FileRecordSchema = z.object({
  /** The provider's asset name: `video`, `thumbnail`, `spritesheet`. */
  variant: z.string(),
  /** POSIX path relative to the `.shot` file's directory. */
  path: z.string(),
  sha256: Sha256Hex,
  bytes: z.number().int().nonnegative(),
  at: Iso,
});
export type FileRecord = z.infer<typeof FileRecordSchema>;

/** What a job-creating request asked for: enough to recognise the job in the provider's list. */
export const FingerprintSchema = z.object({
  kind: z.enum(['create', 'remix', 'extend', 'edit']),
  model: z.string(),
  size: z.string(),
  /** Seconds as requested (for an extension, the extension's own length). */
  seconds: z.number().nonnegative(),
  /** sha256 of the exact prompt sent. */
  promptSha256: Sha256Hex,
  /** The source video id for remix, extend and edit. */
  source: z.string().nullable(),
});
export type Fingerprint = z.infer<typeof FingerprintSchema>;

export const JobEntrySchema = z.object({
  /** The clip that last rendered this hash (another clip with the same hash shares the job). */
  clip: z.string(),
  /** Target id (`sora-2`): which provider owns `videoId`. */
  target: z.string(),
  fingerprint: FingerprintSchema,
  status: JobStatusSchema,
  /** The provider's job id, once known. */
  videoId: z.string().nullable(),
  /** Last progress the provider reported, 0–100. */
  progress: z.number().min(0).max(100).nullable(),
  /** Written before the job-creating request; a re-run reconciles jobs created after it. */
  intentAt: Iso,
  createdAt: Iso.nullable(),
  completedAt: Iso.nullable(),
  /** When the provider deletes the assets; after it, missing files cannot be downloaded again. */
  expiresAt: Iso.nullable(),
  error: JobErrorSchema.nullable(),
  /** What the provider says it made (for an extension, the stitched total). */
  output: z.object({ seconds: z.number().nonnegative(), size: z.string() }).nullable(),
  files: z.array(FileRecordSchema),
  /** Jobs of earlier attempts at this hash (failed or expired); never matched again on reconcile. */
  previousVideoIds: z.array(z.string()),
});
export type JobEntry = z.infer<typeof JobEntrySchema>;

/** The stitched film, so an unchanged cut is not stitched again. */
export const FilmRecordSchema = z.object({
  path: z.string(),
  sha256: Sha256Hex,
  bytes: z.number().int().nonnegative(),
  seconds: z.number().nonnegative(),
  /** sha256 of each clip video in cut order. */
  inputs: z.array(Sha256Hex),
  at: Iso,
});
export type FilmRecord = z.infer<typeof FilmRecordSchema>;

export const JournalSchema = z.object({
  version: z.literal(JOURNAL_VERSION),
  /** The `.shot` file's name (for people reading the journal). */
  file: z.string(),
  updatedAt: Iso,
  /** By clip plan hash (`sha256:…`). */
  jobs: z.record(z.string().regex(/^sha256:[0-9a-f]{64}$/), JobEntrySchema),
  film: FilmRecordSchema.nullable(),
});
export type Journal = z.infer<typeof JournalSchema>;

export function emptyJournal(file: string, now = new Date()): Journal {
  return { version: JOURNAL_VERSION, file, updatedAt: now.toISOString(), jobs: {}, film: null };
}

/** `.shotc/<stem>.journal.json` relative to the `.shot` file's directory. */
export function journalName(shotFile: string): string {
  return `${JOURNAL_DIR}/${stem(shotFile)}.journal.json`;
}

/** The file name without directory and `.shot` extension. */
export function stem(shotFile: string): string {
  const base = shotFile.replace(/\\/g, '/').split('/').pop() ?? shotFile;
  return base.replace(/\.shot$/i, '') || base;
}

/** Every job id the journal knows, current and earlier attempts. */
export function knownVideoIds(journal: Journal): Set<string> {
  const ids = new Set<string>();
  for (const e of Object.values(journal.jobs)) {
    if (e.videoId) ids.add(e.videoId);
    for (const id of e.previousVideoIds) ids.add(id);
  }
  return ids;
}

export function isTerminal(status: JobStatus): boolean {
  return status === 'completed' || status === 'failed';
}
