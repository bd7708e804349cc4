/**
 * Runway through the official `@runwayml/sdk` (4.20.1): `textToVideo/imageToVideo/videoToVideo
 * .create` to submit, `tasks.retrieve` to poll (PENDING/THROTTLED → queued, RUNNING → in progress,
 * SUCCEEDED, FAILED/CANCELLED → failed), and the task's signed output URL to download. Images go
 * as base64 data URIs; a REMIX or EDIT (Aleph 2) gets its source clip's output URL.
 *
 * Runway has no way to list tasks, so a render interrupted between sending a create and hearing
 * back cannot find that task again (`reconcile` finds nothing; the clip is created anew).
 */
import RunwayML, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@runwayml/sdk';
import type { TaskRetrieveResponse } from '@runwayml/sdk/resources/tasks';
import type { ImageToVideoCreateParams } from '@runwayml/sdk/resources/image-to-video';
import type { TextToVideoCreateParams } from '@runwayml/sdk/resources/text-to-video';
import type { VideoToVideoCreateParams } from '@runwayml/sdk/resources/video-to-video';
import type { PlanClip } from '../../core/emit/plan.js';
import { RUNWAY_PATHS, runwayBodies, VIDEO_URL } from '../../core/targets/runway.js';
import { makeRedactor, type Redactor } from '../redact.js';
import { dataUri, download, kindOf, networkCause, replaceString, retryAfterMs, scoped, sha256Hex, VIDEO_ONLY, withImages } from './shared.js';
import { ProviderError, type JobState, type Provider, type ProviderConfig, type ProviderFactory } from './types.js';

export const runwayProvider: ProviderFactory = (config: ProviderConfig): Provider => {
  const client = new RunwayML({
    apiKey: config.apiKey,
    ...(config.baseURL ? { baseURL: config.baseURL } : {}),
    maxRetries: config.maxRetries ?? 4,
    timeout: config.timeoutMs ?? 120_000,
  });
  const redact = makeRedactor([config.apiKey]);
  const call = <T>(fn: (options: { signal?: AbortSignal }) => Promise<T>, signal?: AbortSignal): Promise<T> =>
    scoped(signal, (s) => fn(s ? { signal: s } : {})).catch((e: unknown) => Promise.reject(toProviderError(e, redact, signal)));
  const retrieve = (id: string, signal?: AbortSignal, retries = true) => call((o) => client.tasks.retrieve(id, { ...(retries ? {} : { maxRetries: 0 }), ...o }), signal);

  return {
    target: 'runway',
    assets: VIDEO_ONLY,

    fingerprint(clip, sourceJobId) {
      const body = clip.request.body;
      return {
        kind: clip.kind,
        model: clip.output.model,
        size: clip.output.size,
        seconds: clip.output.seconds,
        promptSha256: sha256Hex(String(body['promptText'] ?? '')),
        source: clip.kind === 'create' ? null : sourceJobId,
      };
    },

    async submit({ clip, sourceJobId, images, signal }) {
      const put = (body: unknown) => withImages(body, images ?? [], dataUri);
      let created: { id: string };
      switch (clip.request.path) {
        case RUNWAY_PATHS.text:
          created = await call((o) => client.textToVideo.create(put(runwayBodies().text.parse(clip.request.body)) as TextToVideoCreateParams, o), signal);
          break;
        case RUNWAY_PATHS.image:
          created = await call((o) => client.imageToVideo.create(put(runwayBodies().image.parse(clip.request.body)) as ImageToVideoCreateParams, o), signal);
          break;
        case RUNWAY_PATHS.video: {
          const source = await sourceUrl(clip, sourceJobId, signal);
          const body = replaceString(runwayBodies().video.parse(clip.request.body), VIDEO_URL, source) as VideoToVideoCreateParams;
          created = await call((o) => client.videoToVideo.create(body, o), signal);
          break;
        }
        default:
          throw new ProviderError(`clip ${clip.name}: Runway has no endpoint ${clip.request.path}`, 'invalid');
      }
      return { id: created.id, status: 'queued', progress: null, error: null, createdAt: Date.now(), completedAt: null, expiresAt: null, output: null };
    },

    async poll(id, signal) {
      // The engine's poll loop waits and honours Retry-After itself: one attempt per call.
      return toJob(await retrieve(id, signal, false));
    },

    async download(id, variant, signal) {
      if (variant !== 'video') throw new ProviderError(`Runway has no ${variant} asset`, 'invalid');
      const url = outputOf(await retrieve(id, signal));
      return download(url, `the video of task ${id}`, redact, signal);
    },

    async reconcile() {
      return null;
    },
  };

  /** The source clip's video: its completed task's output URL. */
  async function sourceUrl(clip: PlanClip, sourceJobId: string | null, signal?: AbortSignal): Promise<string> {
    if (!sourceJobId) throw new ProviderError(`clip ${clip.name} needs the video of ${clip.source ?? 'its source'}, which has not rendered`, 'invalid');
    return outputOf(await retrieve(sourceJobId, signal));
  }
};

function outputOf(task: TaskRetrieveResponse): string {
  if (task.status !== 'SUCCEEDED' || !task.output[0]) throw new ProviderError(`task ${task.id} has no output (it is ${task.status.toLowerCase()})`, 'not-found');
  return task.output[0];
}

function toJob(task: TaskRetrieveResponse): JobState {
  const createdAt = Date.parse(task.createdAt);
  const base = { id: task.id, createdAt: Number.isNaN(createdAt) ? null : createdAt, completedAt: null, expiresAt: null, output: null, error: null };
  switch (task.status) {
    case 'PENDING':
    case 'THROTTLED':
      return { ...base, status: 'queued', progress: 0 };
    case 'RUNNING':
      return { ...base, status: 'in_progress', progress: Math.max(0, Math.min(100, Math.round((task.progress <= 1 ? task.progress * 100 : task.progress) * 10) / 10)) };
    case 'SUCCEEDED':
      return { ...base, status: 'completed', progress: 100, completedAt: Date.now() };
    case 'FAILED':
      return { ...base, status: 'failed', progress: null, error: { code: task.failureCode ?? 'FAILED', message: task.failure } };
    case 'CANCELLED':
      return { ...base, status: 'failed', progress: null, error: { code: 'CANCELLED', message: 'the task was cancelled' } };
    default:
      return { ...base, status: 'failed', progress: null, error: { code: 'unknown', message: `the task ended with status "${String((task as { status: unknown }).status)}"` } };
  }
}

export function toProviderError(e: unknown, redact: Redactor, signal?: AbortSignal): ProviderError {
  if (e instanceof ProviderError) return e;
  if (e instanceof APIUserAbortError || signal?.aborted) return new ProviderError('cancelled', 'aborted');
  if (e instanceof APIConnectionTimeoutError) return new ProviderError('Runway did not answer in time', 'timeout');
  if (e instanceof APIConnectionError) return new ProviderError(redact(`cannot reach Runway (${networkCause(e) ?? e.message})`), 'network');
  if (e instanceof APIError) {
    const status = e.status ?? null;
    const body = e.error as { error?: string; code?: string } | undefined;
    const code = typeof body?.code === 'string' ? body.code : null;
    return new ProviderError(redact(`${status ?? ''} ${body?.error ?? e.message}`.trim()), kindOf(status), status, retryAfterMs(e.headers), code);
  }
  if (e && typeof e === 'object' && 'issues' in e) return new ProviderError(`the plan's request body does not match the Runway API: ${(e as unknown as Error).message}`, 'invalid');
  return new ProviderError(redact((e as Error)?.message ?? String(e)), 'other');
}
