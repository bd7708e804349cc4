/**
 * What the render engine needs from a video API, and nothing more. The engine (journal,
 * scheduling, budget, progress, downloads, stitching) is the same for every target; a provider
 * turns a plan clip into that API's job through the API's official SDK, and reports on it in
 * these terms. Adding a video API to `shotc render` is adding one module that exports a
 * `ProviderFactory` and registering it in `registry.ts`.
 */
import type { PlanClip } from '../../core/emit/plan.js';
import type { Fingerprint, JobStatus } from '../journal.js';

/** A job as the engine sees it (the provider maps its API's statuses onto these). */
export interface JobState {
  id: string;
  status: Exclude<JobStatus, 'intent'>;
  /** 0–100, when the API reports it. */
  progress: number | null;
  error: { code: string; message: string } | null;
  /** When the API created the job (ms since the epoch), when it says. */
  createdAt: number | null;
  completedAt: number | null;
  /** When its downloads expire. */
  expiresAt: number | null;
  /** What the API says it made (an extension's seconds are the stitched total). */
  output: { seconds: number; size: string } | null;
}

/** A downloadable asset of a completed job and the file it becomes (`<clip><suffix>`). */
export interface AssetKind {
  variant: string;
  suffix: string;
  /** What the downloaded bytes must be: checked before the file is kept. */
  media: 'mp4' | 'webp' | 'jpeg' | 'png';
}

export interface SubmitInput {
  clip: PlanClip;
  /** The completed source job's id, for remix, extend and edit of a clip in this file. */
  sourceJobId: string | null;
  /** The first-frame image, read from disk, for a create with `Reference:`. */
  reference: { bytes: Uint8Array; name: string; mimeType: string } | null;
  /** Every image the plan entry sends (`clip.images`, in `{image:N}` order), read from disk. */
  images?: ReadonlyArray<{ bytes: Uint8Array; name: string; mimeType: string }>;
  signal?: AbortSignal;
}

export interface Download {
  body: ReadableStream<Uint8Array>;
  /** Content-Length, when sent. */
  bytes: number | null;
  contentType: string | null;
}

export interface Provider {
  /** The target id this provider renders (`sora-2`). */
  readonly target: string;
  /** The assets to download for each completed clip, video first. */
  readonly assets: readonly AssetKind[];
  /** What a job-creating call for this clip asks for, recorded in the intent before the call. */
  fingerprint(clip: PlanClip, sourceJobId: string | null): Fingerprint;
  /** Create the job. Throws `ProviderError`. */
  submit(input: SubmitInput): Promise<JobState>;
  poll(id: string, signal?: AbortSignal): Promise<JobState>;
  download(id: string, variant: string, signal?: AbortSignal): Promise<Download>;
  /**
   * After a crash between intent and answer: the job this intent created, if the API has one.
   * Only jobs created at or after `after` (ms) that the journal does not already know qualify.
   */
  reconcile(fingerprint: Fingerprint, after: number, exclude: ReadonlySet<string>, signal?: AbortSignal): Promise<JobState | null>;
}

export interface ProviderConfig {
  /** API base URL (`OPENAI_BASE_URL` / `--base-url`); null for the SDK's default. */
  baseURL: string | null;
  apiKey: string;
  /** SDK retries for each request (429, 5xx, connection errors), honouring Retry-After. */
  maxRetries?: number;
  timeoutMs?: number;
}

export type ProviderFactory = (config: ProviderConfig) => Provider;

export type ProviderErrorKind = 'rate-limit' | 'server' | 'network' | 'timeout' | 'auth' | 'not-found' | 'invalid' | 'aborted' | 'other';

/** A failed API call, classified so the engine can decide to retry, skip or stop. */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly kind: ProviderErrorKind,
    readonly status: number | null = null,
    /** From Retry-After / retry-after-ms, when the API sent one. */
    readonly retryAfterMs: number | null = null,
    /** The API's error code (`invalid_value`, `video_expired`, …). */
    readonly code: string | null = null,
  ) {
    super(message);
  }

  /** Worth trying again later (rate limits, server errors, network trouble). */
  get transient(): boolean {
    return this.kind === 'rate-limit' || this.kind === 'server' || this.kind === 'network' || this.kind === 'timeout';
  }
}
