/**
 * The OpenAI Videos API (Sora 2) as the emulator serves it, to the contract in
 * `contract/openai-videos.openapi.yaml`. Requests reach these handlers already validated against
 * the contract; here are the rules the contract cannot say (sizes per model, reference images
 * matching the size, sources that must be completed, extension limits) and the job lifecycle:
 * `queued` (first 10% of the latency) → `in_progress` with rising `progress` → `completed` once
 * the latency has passed and the media exist, or `failed` (`moderation_blocked`) halfway through.
 * Status is computed from timestamps on every read, so there are no timers to leak.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { sniffImage } from '../../core/images/sniff.js';
import { writeFileAtomic } from '../../node/atomic.js';
import { listOf, loadContract } from '../contract.js';
import { moderationFault, type Fault } from '../faults.js';
import type { Assets, MediaMaker } from '../media.js';
import { moderate, reasonOf } from '../moderation.js';
import { ApiError, type EmulatorProvider, type Handler, type RequestContext } from '../server.js';

export const CONTRACT_FILE = 'openai-videos.openapi.yaml';

const MODELS = ['sora-2', 'sora-2-pro', 'sora-2-2025-10-06', 'sora-2-pro-2025-10-06', 'sora-2-2025-12-08'];
const SIZES_SORA2 = ['720x1280', '1280x720'];
const SIZES_PRO = ['720x1280', '1280x720', '1024x1792', '1792x1024'];
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_TOTAL_SECONDS = 120;
const MAX_EXTENSIONS = 6;

const KindSchema = z.enum(['create', 'remix', 'edit', 'extend']);
type Kind = z.infer<typeof KindSchema>;
type Status = 'queued' | 'in_progress' | 'completed' | 'failed';

/** A job as kept in memory and in `--state DIR/videos.json` (checked on load: the file crosses a boundary). */
const JobSchema = z.object({
  id: z.string(),
  kind: KindSchema,
  model: z.string(),
  prompt: z.string(),
  size: z.string(),
  /** Total seconds of the video (an extension's includes its source). */
  seconds: z.number(),
  sourceId: z.string().nullable(),
  remixedFrom: z.string().nullable(),
  extensions: z.number().int(),
  /** Creation order, to sort jobs created in the same millisecond. */
  seq: z.number().int(),
  createdAtMs: z.number(),
  latencyMs: z.number(),
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  assets: z.object({ video: z.string(), thumbnail: z.string(), spritesheet: z.string() }).nullable(),
  mediaReadyAtMs: z.number().nullable(),
  mediaError: z.string().nullable(),
  deleted: z.boolean(),
});
type Job = z.infer<typeof JobSchema>;

const CharacterSchema = z.object({ id: z.string(), name: z.string(), created_at: z.number().int() });
type Character = z.infer<typeof CharacterSchema>;

const StateSchema = z.object({
  jobs: z.array(JobSchema),
  characters: z.array(CharacterSchema),
  creates: z.record(KindSchema, z.number().int()).optional(),
});

export interface VideosOptions {
  /** How long a job takes from creation to completion (default 3000 ms). */
  latencyMs?: number;
  /** Makes the media; without it jobs never complete (only for contract tests that need no media). */
  media: MediaMaker | null;
  faults?: Fault[];
  /** Persist jobs here (`videos.json`); media live in the MediaMaker's directory. */
  stateDir?: string;
  /** Hold the response of a job-creating call this long after the job exists (crash tests). */
  createDelayMs?: number;
  /** Hold the body of a content download this long after its headers (crash tests). */
  contentDelayMs?: number;
  /** Seconds after completion when the assets expire (default 3600, as the API's download window). */
  expiresAfterSeconds?: number;
  /** Run the guardrail/moderation check on prompts (default true). */
  moderate?: boolean;
  log?: (line: string) => void;
  now?: () => number;
}

export function openaiVideos(options: VideosOptions): EmulatorProvider & { ready: Promise<void> } {
  const now = options.now ?? Date.now;
  const latency = options.latencyMs ?? 3000;
  const jobs = new Map<string, Job>();
  const characters = new Map<string, Character>();
  const creates: Record<Kind, number> = { create: 0, remix: 0, edit: 0, extend: 0 };
  const log = options.log ?? (() => {});
  const stateFile = options.stateDir ? path.join(options.stateDir, 'videos.json') : null;
  let persisting = Promise.resolve();
  let seq = 0;

  const persist = (): Promise<void> => {
    if (!stateFile) return Promise.resolve();
    const snapshot = JSON.stringify({ jobs: [...jobs.values()], characters: [...characters.values()], creates }, null, 1);
    persisting = persisting.then(() => writeFileAtomic(stateFile, snapshot)).catch((e: Error) => log(`could not save state: ${e.message}`));
    return persisting;
  };

  const ready = (async () => {
    // The first check loads the lint rules (about a second); pay for it before serving requests.
    if (options.moderate !== false) await moderate('warm-up');
    if (!stateFile) return;
    const text = await fs.readFile(stateFile, 'utf8').catch(() => null);
    if (!text) return;
    const parsed = StateSchema.safeParse((() => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return null;
      }
    })());
    if (!parsed.success) throw new Error(`${stateFile} is not emulator state (${parsed.error.issues[0]?.message ?? 'invalid JSON'}); use another --state directory or delete it`);
    const saved = parsed.data;
    for (const j of saved.jobs) {
      if (j.assets && !(await exists(j.assets.video))) j.assets = null;
      jobs.set(j.id, j);
      seq = Math.max(seq, j.seq + 1);
      if (!j.assets && !j.failure && !j.deleted) startMedia(j);
    }
    for (const c of saved.characters) characters.set(c.id, c);
    Object.assign(creates, saved.creates ?? {});
  })();

  function status(job: Job, at = now()): { status: Status; progress: number; completedAtMs: number | null; error: Job['failure'] } {
    const elapsed = at - job.createdAtMs;
    const queuedFor = job.latencyMs * 0.1;
    const progress = Math.max(0, Math.min(99, Math.floor((100 * elapsed) / Math.max(1, job.latencyMs))));
    if (job.failure) {
      const failAt = job.latencyMs * 0.5;
      if (elapsed >= failAt) return { status: 'failed', progress: 50, completedAtMs: job.createdAtMs + failAt, error: job.failure };
    } else if (job.mediaError) {
      return { status: 'failed', progress, completedAtMs: job.mediaReadyAtMs, error: { code: 'internal_error', message: 'Video generation failed. Please try again.' } };
    } else if (elapsed >= job.latencyMs && job.assets && job.mediaReadyAtMs !== null) {
      return { status: 'completed', progress: 100, completedAtMs: Math.max(job.createdAtMs + job.latencyMs, job.mediaReadyAtMs), error: null };
    }
    if (elapsed < queuedFor) return { status: 'queued', progress: 0, completedAtMs: null, error: null };
    return { status: 'in_progress', progress, completedAtMs: null, error: null };
  }

  /** The contract's `VideoResource`. */
  function video(job: Job): Record<string, unknown> {
    const s = status(job);
    const completedAt = s.completedAtMs === null ? null : Math.floor(s.completedAtMs / 1000);
    return {
      id: job.id,
      object: 'video',
      model: job.model,
      status: s.status,
      progress: s.progress,
      created_at: Math.floor(job.createdAtMs / 1000),
      completed_at: completedAt,
      expires_at: s.status === 'completed' && completedAt !== null ? completedAt + (options.expiresAfterSeconds ?? 3600) : null,
      prompt: job.prompt,
      size: job.size,
      seconds: String(job.seconds),
      remixed_from_video_id: job.remixedFrom,
      error: s.error,
    };
  }

  function startMedia(job: Job): void {
    const media = options.media;
    if (!media) return;
    const [width, height] = job.size.split('x').map(Number) as [number, number];
    const header = `${job.id} · ${job.kind === 'create' ? job.model : job.kind} · ${job.size} · ${job.seconds} s`;
    const source = job.sourceId ? jobs.get(job.sourceId) : undefined;
    const made =
      job.kind === 'extend' && source?.assets
        ? media.extend(source.assets, source.seconds, { width, height, seconds: job.seconds - source.seconds, header, prompt: job.prompt })
        : media.card({ width, height, seconds: job.seconds, header, prompt: job.prompt });
    made.then(
      (assets) => {
        job.assets = assets;
        job.mediaReadyAtMs = now();
        void persist();
      },
      (e: Error) => {
        job.mediaError = e.message;
        job.mediaReadyAtMs = now();
        log(`media for ${job.id} failed: ${e.message}`);
        void persist();
      },
    );
  }

  function get(id: string): Job {
    const job = jobs.get(id);
    if (!job || job.deleted) throw ApiError.notFound(`Video with id '${id}' not found.`, 'video_id', 'video_not_found');
    return job;
  }

  function completedSource(id: string, param: string, action: string): Job {
    const job = jobs.get(id);
    if (!job || job.deleted) throw ApiError.notFound(`Video with id '${id}' not found.`, param, 'video_not_found');
    const s = status(job).status;
    if (s !== 'completed') throw ApiError.invalid(`Video '${id}' is ${s.replace('_', ' ')}; only a completed video can be ${action}.`, param, 'video_not_completed');
    return job;
  }

  async function newJob(fields: Omit<Job, 'id' | 'seq' | 'createdAtMs' | 'latencyMs' | 'failure' | 'assets' | 'mediaReadyAtMs' | 'mediaError' | 'deleted'>) {
    const job: Job = {
      ...fields,
      id: `video_${randomBytes(16).toString('hex')}`,
      seq: seq++,
      createdAtMs: now(),
      latencyMs: latency,
      failure: null,
      assets: null,
      mediaReadyAtMs: null,
      mediaError: null,
      deleted: false,
    };
    const fault = moderationFault(options.faults ?? [], job.prompt);
    const verdict = fault || options.moderate === false ? null : await moderate(job.prompt);
    if (fault || verdict?.blocked) {
      job.failure = { code: 'moderation_blocked', message: 'Your request was blocked by our moderation system.' };
      log(`${job.id} will be blocked (${fault ? `--fail ${fault.spec}` : reasonOf(verdict!)})`);
    }
    // The clock starts once the request is accepted (checking the prompt is not generation time).
    job.createdAtMs = now();
    if (!job.failure) {
      startMedia(job);
    }
    jobs.set(job.id, job);
    creates[job.kind]++;
    await persist();
    const reply = video(job);
    if (options.createDelayMs) await new Promise((r) => setTimeout(r, options.createDelayMs));
    return { json: reply };
  }

  async function reference(ctx: RequestContext, size: string): Promise<void> {
    const file = ctx.body.files.get('input_reference');
    const object = ctx.body.value['input_reference'];
    let bytes: Uint8Array;
    let declared: string;
    if (file) {
      declared = file.type.split(';')[0]!.trim().toLowerCase();
      if (!IMAGE_TYPES.includes(declared)) {
        throw ApiError.invalid(
          `Invalid file 'input_reference': unsupported mimetype ('${declared || 'application/octet-stream'}'). Supported file formats are ${listOf(IMAGE_TYPES, 'and')}.`,
          'input_reference',
          'unsupported_file',
        );
      }
      bytes = file.bytes;
    } else if (object && typeof object === 'object') {
      const ref = object as { image_url?: string; file_id?: string };
      if ((ref.image_url === undefined) === (ref.file_id === undefined)) throw ApiError.invalid("Provide exactly one of 'image_url' or 'file_id' in 'input_reference'.", 'input_reference', 'invalid_value');
      if (ref.file_id !== undefined) throw ApiError.invalid(`No such File object: ${ref.file_id}`, 'input_reference.file_id', 'invalid_value');
      const m = /^data:([^;,]+);base64,(.*)$/s.exec(ref.image_url!);
      if (!m) throw ApiError.invalid("The emulator has no network: send 'input_reference.image_url' as a base64 data URL, or upload the image.", 'input_reference.image_url', 'invalid_value');
      declared = m[1]!.toLowerCase();
      if (!IMAGE_TYPES.includes(declared)) throw ApiError.invalid(`Invalid 'input_reference.image_url': unsupported image type '${declared}'. Supported: ${listOf(IMAGE_TYPES, 'and')}.`, 'input_reference.image_url', 'unsupported_file');
      bytes = new Uint8Array(Buffer.from(m[2]!, 'base64'));
    } else {
      return;
    }
    const info = sniffImage(bytes);
    if (info.mimeType !== declared) throw ApiError.invalid(`Invalid file 'input_reference': the content is not a valid ${declared} image.`, 'input_reference', 'invalid_image');
    if (`${info.width}x${info.height}` !== size) throw ApiError.invalid('Inpaint image must match the requested width and height', 'input_reference', null);
  }

  function checkModelSize(model: string, size: string): void {
    if (!MODELS.includes(model)) throw ApiError.invalid(`Invalid value: '${model}'. Supported values are: ${listOf(MODELS, 'and')}.`, 'model', 'invalid_value');
    const sizes = model.startsWith('sora-2-pro') ? SIZES_PRO : SIZES_SORA2;
    if (!sizes.includes(size)) throw ApiError.invalid(`Invalid value: '${size}'. Supported values for model '${model}' are: ${listOf(sizes, 'and')}.`, 'size', 'invalid_value');
  }

  function refId(ctx: RequestContext, action: string): string {
    if (ctx.body.files.has('video')) {
      throw ApiError.invalid(`${action} an uploaded video is not available to this organization; pass the id of a completed video as 'video[id]'.`, 'video', 'unsupported_file');
    }
    return String((ctx.body.value['video'] as { id: string }).id);
  }

  const operations: Record<string, Handler> = {
    async createVideo(ctx) {
      const b = ctx.body.value as { prompt: string; model?: string; seconds?: string; size?: string };
      const model = b.model ?? 'sora-2';
      const size = b.size ?? '720x1280';
      checkModelSize(model, size);
      await reference(ctx, size);
      return newJob({ kind: 'create', model, prompt: b.prompt, size, seconds: Number(b.seconds ?? '4'), sourceId: null, remixedFrom: null, extensions: 0 });
    },
    async CreateVideoRemix(ctx) {
      const source = completedSource(ctx.params['video_id']!, 'video_id', 'remixed');
      const prompt = String(ctx.body.value['prompt']);
      return newJob({ kind: 'remix', model: source.model, prompt, size: source.size, seconds: source.seconds, sourceId: source.id, remixedFrom: source.id, extensions: source.extensions });
    },
    async CreateVideoEdit(ctx) {
      const source = completedSource(refId(ctx, 'Editing'), 'video.id', 'edited');
      const prompt = String(ctx.body.value['prompt']);
      return newJob({ kind: 'edit', model: source.model, prompt, size: source.size, seconds: source.seconds, sourceId: source.id, remixedFrom: null, extensions: source.extensions });
    },
    async CreateVideoExtend(ctx) {
      const source = completedSource(refId(ctx, 'Extending'), 'video.id', 'extended');
      const add = Number(ctx.body.value['seconds']);
      if (source.extensions >= MAX_EXTENSIONS) throw ApiError.invalid(`Video '${source.id}' has been extended ${MAX_EXTENSIONS} times, the most allowed.`, 'video.id', 'invalid_value');
      if (source.seconds + add > MAX_TOTAL_SECONDS) {
        throw ApiError.invalid(`Extending '${source.id}' (${source.seconds} s) by ${add} s would exceed the ${MAX_TOTAL_SECONDS}-second maximum.`, 'seconds', 'invalid_value');
      }
      const prompt = String(ctx.body.value['prompt']);
      return newJob({ kind: 'extend', model: source.model, prompt, size: source.size, seconds: source.seconds + add, sourceId: source.id, remixedFrom: null, extensions: source.extensions + 1 });
    },
    GetVideo(ctx) {
      return { json: video(get(ctx.params['video_id']!)) };
    },
    ListVideos(ctx) {
      const order = (ctx.query['order'] as string | undefined) ?? 'desc';
      const limit = (ctx.query['limit'] as number | undefined) ?? 20;
      const after = ctx.query['after'] as string | undefined;
      let all = [...jobs.values()].filter((j) => !j.deleted);
      all.sort((a, b) => a.createdAtMs - b.createdAtMs || a.seq - b.seq);
      if (order === 'desc') all.reverse();
      if (after !== undefined) {
        const i = all.findIndex((j) => j.id === after);
        if (i < 0) throw ApiError.notFound(`Video with id '${after}' not found.`, 'after', 'video_not_found');
        all = all.slice(i + 1);
      }
      const page = all.slice(0, limit);
      return { json: { object: 'list', data: page.map(video), first_id: page[0]?.id ?? null, last_id: page[page.length - 1]?.id ?? null, has_more: all.length > page.length } };
    },
    async DeleteVideo(ctx) {
      const job = get(ctx.params['video_id']!);
      const s = status(job).status;
      if (s !== 'completed' && s !== 'failed') throw ApiError.invalid(`Video '${job.id}' is ${s.replace('_', ' ')}; only a completed or failed video can be deleted.`, 'video_id', 'invalid_value');
      job.deleted = true;
      await persist();
      return { json: { id: job.id, object: 'video.deleted', deleted: true } };
    },
    RetrieveVideoContent(ctx) {
      const job = get(ctx.params['video_id']!);
      const variant = (ctx.query['variant'] as string | undefined) ?? 'video';
      const v = video(job);
      if (v['status'] !== 'completed' || !job.assets) {
        throw ApiError.invalid(`Video '${job.id}' is ${String(v['status']).replace('_', ' ')}; its content can be downloaded once it has completed.`, 'video_id', 'video_not_ready');
      }
      if (typeof v['expires_at'] === 'number' && now() / 1000 >= v['expires_at']) {
        throw ApiError.notFound(`The content of video '${job.id}' expired and is no longer available.`, 'video_id', 'video_expired');
      }
      const file = variant === 'thumbnail' ? job.assets.thumbnail : variant === 'spritesheet' ? job.assets.spritesheet : job.assets.video;
      const contentType = variant === 'thumbnail' ? 'image/webp' : variant === 'spritesheet' ? 'image/jpeg' : 'video/mp4';
      return { file, contentType, bytes: statSync(file).size, ...(options.contentDelayMs ? { delayMs: options.contentDelayMs } : {}) };
    },
    async CreateVideoCharacter(ctx) {
      const file = ctx.body.files.get('video');
      if (!file || !/^video\/mp4$/i.test(file.type)) throw ApiError.invalid("Invalid file 'video': upload an MP4 (video/mp4).", 'video', 'unsupported_file');
      const c: Character = { id: `char_${randomBytes(12).toString('hex')}`, name: String(ctx.body.value['name']), created_at: Math.floor(now() / 1000) };
      characters.set(c.id, c);
      await persist();
      return { json: c };
    },
    GetVideoCharacter(ctx) {
      const c = characters.get(ctx.params['character_id']!);
      if (!c) throw ApiError.notFound(`Character with id '${ctx.params['character_id']}' not found.`, 'character_id', 'character_not_found');
      return { json: c };
    },
  };

  return {
    name: 'openai-videos',
    contract: loadContract(CONTRACT_FILE),
    operations,
    ready,
    stats: () => ({ creates: creates.create + creates.remix + creates.edit + creates.extend, createsByKind: { ...creates }, jobs: jobs.size }),
    async close() {
      await persisting;
    },
  };
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
