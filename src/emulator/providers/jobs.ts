/**
 * The job lifecycle the Runway, Veo and fal emulators share: a job is queued for the first 10% of
 * the latency, then runs with rising progress, and succeeds once the latency has passed and its
 * media exist — or fails halfway when its prompt is refused (`--fail moderation:PATTERN`, or
 * shotc's guardrail rules). State is computed from timestamps on every read: no timers to leak.
 * Media are real (ffmpeg test cards); an extension is its source followed by the new segment.
 */
import { randomBytes } from 'node:crypto';
import { moderationFault, type Fault } from '../faults.js';
import type { Assets, MediaMaker } from '../media.js';
import { moderate, reasonOf } from '../moderation.js';

export type Phase = 'queued' | 'running' | 'succeeded' | 'failed';

export interface EmulatedJob {
  id: string;
  /** What the job is, for stats and the card's header: `create`, `extend`, `edit`. */
  kind: 'create' | 'extend' | 'edit';
  model: string;
  prompt: string;
  width: number;
  height: number;
  /** Seconds of the finished video (an extension's includes its source). */
  seconds: number;
  source: EmulatedJob | null;
  createdAtMs: number;
  latencyMs: number;
  refusal: string | null;
  assets: Assets | null;
  mediaReadyAtMs: number | null;
  mediaError: string | null;
  /** Anything the API keeps with the job (its endpoint, its file id, …). */
  extra: Record<string, string>;
}

export interface JobState {
  phase: Phase;
  /** 0–1. */
  progress: number;
  /** Why it failed: refused (moderation) or the media could not be made. */
  failure: { refused: boolean; message: string } | null;
}

export interface JobsOptions {
  media: MediaMaker | null;
  latencyMs?: number;
  faults?: Fault[];
  moderate?: boolean;
  log?: (line: string) => void;
  now?: () => number;
}

export class JobBook {
  readonly jobs = new Map<string, EmulatedJob>();
  readonly creates: Record<EmulatedJob['kind'], number> = { create: 0, extend: 0, edit: 0 };
  private readonly now: () => number;

  constructor(private readonly options: JobsOptions) {
    this.now = options.now ?? Date.now;
  }

  async create(id: string, fields: Pick<EmulatedJob, 'kind' | 'model' | 'prompt' | 'width' | 'height' | 'seconds' | 'source'> & { extra?: Record<string, string> }): Promise<EmulatedJob> {
    const job: EmulatedJob = {
      ...fields,
      id,
      createdAtMs: this.now(),
      latencyMs: this.options.latencyMs ?? 3000,
      refusal: null,
      assets: null,
      mediaReadyAtMs: null,
      mediaError: null,
      extra: fields.extra ?? {},
    };
    const fault = moderationFault(this.options.faults ?? [], job.prompt);
    const verdict = fault || this.options.moderate === false ? null : await moderate(job.prompt);
    if (fault || verdict?.blocked) {
      job.refusal = fault ? `matched --fail ${fault.spec}` : reasonOf(verdict!);
      this.options.log?.(`${job.id} will be refused (${job.refusal})`);
    }
    job.createdAtMs = this.now();
    if (!job.refusal) this.makeMedia(job);
    this.jobs.set(job.id, job);
    this.creates[job.kind]++;
    return job;
  }

  get(id: string): EmulatedJob | undefined {
    return this.jobs.get(id);
  }

  state(job: EmulatedJob, at = this.now()): JobState {
    const elapsed = at - job.createdAtMs;
    const progress = Math.max(0, Math.min(0.99, elapsed / Math.max(1, job.latencyMs)));
    if (job.refusal) {
      if (elapsed >= job.latencyMs * 0.5) return { phase: 'failed', progress: 0.5, failure: { refused: true, message: job.refusal } };
    } else if (job.mediaError) {
      return { phase: 'failed', progress, failure: { refused: false, message: 'Generation failed. Please try again.' } };
    } else if (elapsed >= job.latencyMs && job.assets) {
      return { phase: 'succeeded', progress: 1, failure: null };
    }
    return elapsed < job.latencyMs * 0.1 ? { phase: 'queued', progress: 0, failure: null } : { phase: 'running', progress, failure: null };
  }

  private makeMedia(job: EmulatedJob): void {
    const media = this.options.media;
    if (!media) return;
    const header = `${job.id.slice(0, 18)} · ${job.model} · ${job.width}x${job.height} · ${job.seconds} s`;
    const source = job.source;
    const made =
      job.kind === 'extend' && source?.assets
        ? media.extend(source.assets, source.seconds, { width: job.width, height: job.height, seconds: job.seconds - source.seconds, header, prompt: job.prompt })
        : media.card({ width: job.width, height: job.height, seconds: job.seconds, header, prompt: job.prompt });
    made.then(
      (assets) => {
        job.assets = assets;
        job.mediaReadyAtMs = this.now();
      },
      (e: Error) => {
        job.mediaError = e.message;
        job.mediaReadyAtMs = this.now();
        this.options.log?.(`media for ${job.id} failed: ${e.message}`);
      },
    );
  }

  stats(): { creates: number; createsByKind: Record<string, number>; jobs: number } {
    return { creates: this.creates.create + this.creates.extend + this.creates.edit, createsByKind: { ...this.creates }, jobs: this.jobs.size };
  }
}

export function newId(bytes = 16): string {
  return randomBytes(bytes).toString('hex');
}

/** A base64 data URI's media type and bytes, or null. */
export function dataUri(text: string): { type: string; bytes: Uint8Array } | null {
  const m = /^data:([^;,]+);base64,(.*)$/s.exec(text);
  return m ? { type: m[1]!.toLowerCase(), bytes: new Uint8Array(Buffer.from(m[2]!, 'base64')) } : null;
}

/** `WIDTHxHEIGHT` or `WIDTH:HEIGHT` → numbers. */
export function pixels(size: string): [number, number] {
  const [w, h] = size.split(/[x:]/).map(Number);
  return [w ?? 0, h ?? 0];
}
