/**
 * Sora 2 through the official `openai` SDK (6.49): `videos.create/remix/extend/edit` to submit,
 * `retrieve` to poll, `downloadContent` for the video, thumbnail and spritesheet, `list` to
 * reconcile. Request bodies are the plan's, re-checked against the target's zod schemas, with the
 * source clip's video id put in place of `{video_id}`. The reference image is uploaded as a
 * multipart file with its MIME type given explicitly (`toFile` does not infer one).
 */
import { createHash } from 'node:crypto';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, toFile } from 'openai';
import type { Video } from 'openai/resources/videos';
import type { PlanClip } from '../../core/emit/plan.js';
import { soraBodies, VIDEO_ID } from '../../core/targets/sora-2.js';
import type { Fingerprint } from '../journal.js';
import { makeRedactor, type Redactor } from '../redact.js';
import { SORA_ASSETS } from './registry.js';
import { kindOf, retryAfterMs } from './shared.js';
import { ProviderError, type JobState, type Provider, type ProviderConfig, type ProviderFactory } from './types.js';

/** How far before its intent a job may claim to have been created (server and local clocks differ). */
const CLOCK_SKEW_MS = 5 * 60_000;

export const sora2Provider: ProviderFactory = (config: ProviderConfig): Provider => {
  const client = new OpenAI({
    apiKey: config.apiKey,
    ...(config.baseURL ? { baseURL: config.baseURL } : {}),
    maxRetries: config.maxRetries ?? 4,
    timeout: config.timeoutMs ?? 120_000,
  });
  const redact = makeRedactor([config.apiKey]);

  return {
    target: 'sora-2',
    assets: SORA_ASSETS,

    fingerprint(clip, sourceJobId) {
      return {
        kind: clip.kind,
        model: clip.output.model,
        size: clip.output.size,
        seconds: clip.output.seconds,
        promptSha256: promptHash(promptOf(clip)),
        source: clip.kind === 'create' ? null : sourceId(clip, sourceJobId),
      };
    },

    async submit({ clip, sourceJobId, reference, signal }) {
      const video = await call(redact, signal, async (options) => {
        switch (clip.kind) {
          case 'create': {
            const body = soraBodies().create.parse(clip.request.body);
            const input_reference = reference ? await toFile(reference.bytes, reference.name, { type: reference.mimeType }) : undefined;
            return client.videos.create({ ...body, ...(input_reference ? { input_reference } : {}) }, options);
          }
          case 'remix': {
            const body = soraBodies().remix.parse(clip.request.body);
            return client.videos.remix(sourceId(clip, sourceJobId), body, options);
          }
          case 'extend': {
            const body = soraBodies().extend.parse(clip.request.body);
            return client.videos.extend({ ...body, video: { id: sourceId(clip, sourceJobId) } }, options);
          }
          case 'edit': {
            const body = soraBodies().edit.parse(clip.request.body);
            return client.videos.edit({ ...body, video: { id: sourceId(clip, sourceJobId) } }, options);
          }
        }
      });
      return toJob(video);
    },

    async poll(id, signal) {
      // Our poll loop does the waiting and honours Retry-After itself; one attempt per call.
      return toJob(await call(redact, signal, (options) => client.videos.retrieve(id, { maxRetries: 0, ...options })));
    },

    async download(id, variant, signal) {
      const response = await call(redact, signal, (options) => client.videos.downloadContent(id, { variant: variant as 'video' | 'thumbnail' | 'spritesheet' }, options));
      if (!response.body) throw new ProviderError(`the ${variant} of ${id} came back empty`, 'other');
      const length = response.headers.get('content-length');
      return { body: response.body, bytes: length === null ? null : Number(length), contentType: response.headers.get('content-type') };
    },

    async reconcile(fp: Fingerprint, after: number, exclude: ReadonlySet<string>, signal?: AbortSignal) {
      let found: Video | null = null;
      await call(redact, signal, async (options) => {
        // Newest first: stop at the first job created well before the intent.
        for await (const v of client.videos.list({ order: 'desc', limit: 100 }, options)) {
          if (v.created_at * 1000 < after - CLOCK_SKEW_MS) break;
          if (exclude.has(v.id) || !matches(v, fp)) continue;
          found = v; // keep going: the earliest match is the one the intent created
        }
      });
      return found ? toJob(found) : null;
    },
  };
};

function promptOf(clip: PlanClip): string {
  return String(clip.request.body['prompt'] ?? '');
}

/** The source video id: the completed source clip's job, or a literal `video_…` id in the plan. */
function sourceId(clip: PlanClip, sourceJobId: string | null): string {
  if (sourceJobId) return sourceJobId;
  const fromPath = /^\/videos\/([^/]+)\/remix$/.exec(clip.request.path)?.[1];
  const fromBody = (clip.request.body['video'] as { id?: string } | undefined)?.id;
  const id = clip.kind === 'remix' ? fromPath : fromBody;
  if (!id || id === VIDEO_ID) throw new ProviderError(`clip ${clip.name} needs the video id of ${clip.source ?? 'its source'}, which has not rendered`, 'invalid');
  return id;
}

function matches(v: Video, fp: Fingerprint): boolean {
  if (v.prompt === null || promptHash(v.prompt) !== fp.promptSha256) return false;
  if (v.size !== fp.size) return false;
  switch (fp.kind) {
    case 'create':
      return v.model === fp.model && Number(v.seconds) === fp.seconds && v.remixed_from_video_id === null;
    case 'remix':
      return v.remixed_from_video_id === fp.source;
    case 'extend':
      // An extension's seconds are the stitched total; its own length is not visible.
      return Number(v.seconds) >= fp.seconds;
    case 'edit':
      return v.remixed_from_video_id === null;
  }
}

function toJob(v: Video): JobState {
  const known = v.status === 'queued' || v.status === 'in_progress' || v.status === 'completed' || v.status === 'failed';
  const status = known ? v.status : 'failed';
  return {
    id: v.id,
    status,
    progress: typeof v.progress === 'number' ? Math.max(0, Math.min(100, v.progress)) : null,
    error: v.error ? { code: v.error.code, message: v.error.message } : known ? null : { code: String(v.status), message: `the job ended with status "${String(v.status)}"` },
    createdAt: typeof v.created_at === 'number' ? v.created_at * 1000 : null,
    completedAt: typeof v.completed_at === 'number' ? v.completed_at * 1000 : null,
    expiresAt: typeof v.expires_at === 'number' ? v.expires_at * 1000 : null,
    output: v.seconds && v.size ? { seconds: Number(v.seconds), size: v.size } : null,
  };
}

/**
 * Run an SDK call, turning its errors into ProviderErrors with the key redacted. Each call gets
 * its own AbortSignal linked to the render's: the SDK adds a listener to the signal it is given
 * and never removes it, which on one long-lived signal would pile up with every poll.
 */
async function call<T>(redact: Redactor, signal: AbortSignal | undefined, fn: (options: { signal?: AbortSignal }) => Promise<T>): Promise<T> {
  const controller = signal ? new AbortController() : null;
  const abort = (): void => controller!.abort(signal!.reason);
  if (signal?.aborted) throw new ProviderError('cancelled', 'aborted');
  signal?.addEventListener('abort', abort, { once: true });
  try {
    return await fn(controller ? { signal: controller.signal } : {});
  } catch (e) {
    throw toProviderError(e, redact);
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

export function toProviderError(e: unknown, redact: Redactor): ProviderError {
  if (e instanceof ProviderError) return e;
  if (e instanceof APIUserAbortError || (e as Error | undefined)?.name === 'AbortError') return new ProviderError('cancelled', 'aborted');
  if (e instanceof APIConnectionTimeoutError) return new ProviderError('the API did not answer in time', 'timeout');
  if (e instanceof APIConnectionError) {
    const cause = (e as { cause?: { message?: string; code?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? e.message;
    return new ProviderError(redact(`cannot reach the API (${why})`), 'network');
  }
  if (e instanceof APIError) {
    const status = e.status ?? null;
    const body = e.error as { message?: string } | undefined;
    const message = redact(body?.message ?? e.message);
    const code = typeof e.code === 'string' ? e.code : null;
    const retryAfter = retryAfterMs(e.headers);
    return new ProviderError(`${status ?? ''}${code ? ` ${code}` : ''}: ${message}`.trim(), kindOf(status), status, retryAfter, code);
  }
  if (e && typeof e === 'object' && 'issues' in e) return new ProviderError(`the plan's request body does not match the API: ${(e as unknown as Error).message}`, 'invalid');
  return new ProviderError(redact((e as Error)?.message ?? String(e)), 'other');
}


/**
 * The prompt's hash with line breaks normalised: multipart form data sends every line break as
 * CRLF (the SDK always uploads multipart), so the API hands back `\r\n` where the plan has `\n`.
 */
function promptHash(prompt: string): string {
  return sha256(prompt.replace(/\r\n?/g, '\n'));
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
