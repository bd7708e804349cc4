/**
 * fal.ai through the official `@fal-ai/client` (1.10.1): `queue.submit` to the plan entry's
 * endpoint, `queue.status` to poll, `queue.result` for the output (a signed file URL, downloaded
 * as is). A job id is `<endpoint>#<request id>`: fal's status and result calls need the endpoint.
 * Images go as base64 data URIs; an extension or a retake gets its source clip's video URL.
 *
 * The client only talks to `https://queue.fal.run`; a base URL (--base-url or FAL_BASE_URL, for
 * `shotc emulate`) is applied with the client's request middleware. fal cannot list requests, so
 * a render interrupted between sending a request and hearing back cannot find it again
 * (`reconcile` finds nothing; the clip is created anew).
 */
import { ApiError, createFalClient, type QueueStatus } from '@fal-ai/client';
import type { PlanClip } from '../../core/emit/plan.js';
import { falBody, VIDEO_URL } from '../../core/targets/fal.js';
import { makeRedactor, type Redactor } from '../redact.js';
import { dataUri, download, isAbort, kindOf, networkCause, replaceString, scoped, sha256Hex, VIDEO_ONLY, withImages } from './shared.js';
import { ProviderError, type JobState, type Provider, type ProviderConfig, type ProviderFactory } from './types.js';

const QUEUE = 'https://queue.fal.run';

function split(id: string): { endpoint: string; requestId: string } {
  const i = id.lastIndexOf('#');
  if (i <= 0) throw new ProviderError(`"${id}" is not a fal job id (endpoint#request)`, 'invalid');
  return { endpoint: id.slice(0, i), requestId: id.slice(i + 1) };
}

export const falProvider: ProviderFactory = (config: ProviderConfig): Provider => {
  const base = config.baseURL?.replace(/\/$/, '') ?? null;
  const fal = createFalClient({
    credentials: config.apiKey,
    suppressLocalCredentialsWarning: true,
    ...(base ? { requestMiddleware: async (request) => ({ ...request, url: request.url.startsWith(QUEUE) ? base + request.url.slice(QUEUE.length) : request.url }) } : {}),
    retry: { maxRetries: config.maxRetries ?? 4 },
  });
  const redact = makeRedactor([config.apiKey]);
  const call = <T>(fn: (abort: { abortSignal?: AbortSignal }) => Promise<T>, signal?: AbortSignal): Promise<T> =>
    scoped(signal, (s) => fn(s ? { abortSignal: s } : {})).catch((e: unknown) => Promise.reject(toProviderError(e, redact, signal)));

  /** A completed request's video URL, or a ProviderError saying why there is none. */
  async function videoUrl(id: string, signal?: AbortSignal): Promise<string> {
    const { endpoint, requestId } = split(id);
    const result = await call((abort) => fal.queue.result(endpoint as 'fal-ai/veo3.1', { requestId, ...abort }), signal);
    const url = (result.data as { video?: { url?: string } }).video?.url;
    if (!url) throw new ProviderError(`request ${requestId} finished without a video`, 'other');
    return url;
  }

  return {
    target: 'fal',
    assets: VIDEO_ONLY,

    fingerprint(clip, sourceJobId) {
      const body = clip.request.body;
      const prompt = typeof body['prompt'] === 'string' ? body['prompt'] : JSON.stringify(body['multi_prompt'] ?? '');
      return { kind: clip.kind, model: clip.output.model, size: clip.output.size, seconds: clip.output.seconds, promptSha256: sha256Hex(prompt), source: clip.kind === 'create' ? null : sourceJobId };
    },

    async submit({ clip, sourceJobId, images, signal }) {
      const endpoint = clip.request.path;
      let input = withImages(falBody().parse(clip.request.body), images ?? [], dataUri);
      if (JSON.stringify(input).includes(VIDEO_URL)) input = replaceString(input, VIDEO_URL, await sourceUrl(clip, sourceJobId, signal));
      const queued = await call((abort) => fal.queue.submit(endpoint as 'fal-ai/veo3.1', { input: input as { prompt: string }, ...abort }), signal);
      return { id: `${endpoint}#${queued.request_id}`, status: 'queued', progress: null, error: null, createdAt: Date.now(), completedAt: null, expiresAt: null, output: null };
    },

    async poll(id, signal) {
      const { endpoint, requestId } = split(id);
      const status = await call((abort) => fal.queue.status(endpoint, { requestId, ...abort }), signal);
      const base = { id, createdAt: null, completedAt: null, expiresAt: null, output: null, error: null };
      if (status.status === 'IN_QUEUE') return { ...base, status: 'queued', progress: 0 } satisfies JobState;
      if (status.status === 'IN_PROGRESS') return { ...base, status: 'in_progress', progress: null } satisfies JobState;
      const failed = failure(status);
      if (failed) return { ...base, status: 'failed', progress: null, error: failed } satisfies JobState;
      // COMPLETED can still be a failure that only the result tells (a refused prompt).
      try {
        await videoUrl(id, signal);
      } catch (e) {
        const err = e as ProviderError;
        if (err.kind === 'invalid' || err.kind === 'other') return { ...base, status: 'failed', progress: null, error: { code: err.code ?? 'failed', message: err.message } };
        throw e;
      }
      return { ...base, status: 'completed', progress: 100, completedAt: Date.now() };
    },

    async download(id, variant, signal) {
      if (variant !== 'video') throw new ProviderError(`fal has no ${variant} asset`, 'invalid');
      return download(await videoUrl(id, signal), `the video of ${split(id).requestId}`, redact, signal);
    },

    async reconcile() {
      return null;
    },
  };

  async function sourceUrl(clip: PlanClip, sourceJobId: string | null, signal?: AbortSignal): Promise<string> {
    if (!sourceJobId) throw new ProviderError(`clip ${clip.name} needs the video of ${clip.source ?? 'its source'}, which has not rendered`, 'invalid');
    return videoUrl(sourceJobId, signal);
  }
};

/** The error fal reports on a completed status, if any (newer queues send `error` and `error_type`). */
function failure(status: QueueStatus): { code: string; message: string } | null {
  const s = status as QueueStatus & { error?: string; error_type?: string };
  return s.error ? { code: s.error_type ?? 'failed', message: s.error } : null;
}

export function toProviderError(e: unknown, redact: Redactor, signal?: AbortSignal): ProviderError {
  if (e instanceof ProviderError) return e;
  if (isAbort(e, signal)) return new ProviderError('cancelled', 'aborted');
  if (e instanceof ApiError) {
    const body = e.body as { detail?: string | Array<{ msg?: string; type?: string }> } | undefined;
    const detail = body?.detail;
    const first = Array.isArray(detail) ? detail[0] : undefined;
    const message = typeof detail === 'string' ? detail : (first?.msg ?? e.message);
    const code = first?.type ?? null;
    return new ProviderError(redact(`${e.status} ${message}`), kindOf(e.status), e.status, null, code);
  }
  const cause = networkCause(e);
  if (cause) return new ProviderError(redact(`cannot reach fal (${cause})`), 'network');
  if (e && typeof e === 'object' && 'issues' in e) return new ProviderError(`the plan's request body does not match fal: ${(e as unknown as Error).message}`, 'invalid');
  return new ProviderError(redact((e as Error)?.message ?? String(e)), 'other');
}


