/**
 * Google Veo 3.1 through the official `@google/genai` SDK (2.32.0): `models.generateVideos` to
 * submit, `operations.getVideosOperation` to poll, `files.download` for the video. The plan's
 * request path says the backend: the Gemini API (`/v1beta/models/…`, key from GOOGLE_API_KEY or
 * GEMINI_API_KEY, base URL from GOOGLE_GEMINI_BASE_URL or --base-url) or Vertex AI
 * (`…/publishers/google/…`; an express-mode key, or GOOGLE_CLOUD_PROJECT/LOCATION with
 * application default credentials). Images go as base64 bytes; an extension gets its source
 * clip's generated video.
 *
 * Operations cannot be listed, so a render interrupted between sending a create and hearing back
 * cannot find that operation again (`reconcile` finds nothing; the clip is created anew).
 */
import { createReadStream, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { ApiError, GenerateVideosOperation, GoogleGenAI, type GeneratedVideo, type GenerateVideosParameters, type Video } from '@google/genai';
import type { PlanClip } from '../../core/emit/plan.js';
import { veoBodies, VIDEO_URI } from '../../core/targets/veo.js';
import { makeRedactor, type Redactor } from '../redact.js';
import { isAbort, kindOf, networkCause, scoped, sha256Hex, VIDEO_ONLY, withImages } from './shared.js';
import { ProviderError, type JobState, type Provider, type ProviderConfig, type ProviderFactory } from './types.js';

export const veoProvider: ProviderFactory = (config: ProviderConfig): Provider => {
  const redact = makeRedactor([config.apiKey]);
  const clients = new Map<string, GoogleGenAI>();
  const httpOptions = {
    ...(config.baseURL ? { baseUrl: config.baseURL } : {}),
    ...(config.timeoutMs ? { timeout: config.timeoutMs } : {}),
    retryOptions: { attempts: (config.maxRetries ?? 4) + 1 },
  };
  /**
   * The client for a backend. The Gemini API takes the key; Vertex AI takes a project and location
   * (from the file's settings, else GOOGLE_CLOUD_PROJECT / GOOGLE_CLOUD_LOCATION, with application
   * default credentials), or with neither, the key in express mode. `vertexai` is always explicit:
   * the backend is the file's, whose rules were checked at compile time, not the environment's.
   */
  const clientFor = (vertex: boolean, where: { project?: string; location?: string } = {}): GoogleGenAI => {
    const project = where.project ?? process.env['GOOGLE_CLOUD_PROJECT'];
    const location = where.location ?? process.env['GOOGLE_CLOUD_LOCATION'] ?? 'us-central1';
    const key = !vertex ? 'gemini' : project ? `vertex:${project}:${location}` : 'vertex';
    let client = clients.get(key);
    if (!client) {
      client = !vertex
        ? new GoogleGenAI({ vertexai: false, apiKey: config.apiKey, httpOptions })
        : project
          ? new GoogleGenAI({ vertexai: true, project, location, httpOptions })
          : new GoogleGenAI({ vertexai: true, apiKey: config.apiKey, httpOptions });
      clients.set(key, client);
    }
    return client;
  };
  /** The project and location a Vertex request path names (not the `{project}` placeholders). */
  const placeOf = (requestPath: string): { project?: string; location?: string } => {
    const m = /\/projects\/([^/{}]+)\/locations\/([^/{}]+)\//.exec(requestPath);
    return m ? { project: m[1]!, location: m[2]! } : {};
  };
  /** Which backend made an operation: Vertex operation names carry their project. */
  const forOperation = (name: string): GoogleGenAI => {
    if (!name.startsWith('projects/')) return clientFor(false);
    // The Vertex client this run submitted with; after a restart, the environment's (or express mode).
    return [...clients.entries()].find(([k]) => k.startsWith('vertex'))?.[1] ?? clientFor(true);
  };
  const call = <T>(fn: (abort: { abortSignal?: AbortSignal }) => Promise<T>, signal?: AbortSignal): Promise<T> =>
    scoped(signal, (s) => fn(s ? { abortSignal: s } : {})).catch((e: unknown) => Promise.reject(toProviderError(e, redact, signal)));
  const getOperation = (name: string, signal?: AbortSignal, retry = true): Promise<GenerateVideosOperation> =>
    call(
      (abort) =>
        forOperation(name).operations.getVideosOperation({
          operation: Object.assign(new GenerateVideosOperation(), { name }),
          config: { ...abort, ...(retry ? {} : { httpOptions: { retryOptions: { attempts: 1 } } }) },
        }),
      signal,
    );

  return {
    target: 'veo',
    assets: VIDEO_ONLY,

    fingerprint(clip, sourceJobId) {
      return {
        kind: clip.kind,
        model: clip.output.model,
        size: clip.output.size,
        seconds: clip.output.seconds,
        promptSha256: sha256Hex(String((clip.request.body['source'] as { prompt?: string } | undefined)?.prompt ?? '')),
        source: clip.kind === 'create' ? null : sourceJobId,
      };
    },

    async submit({ clip, sourceJobId, images, signal }) {
      const vertex = clip.request.path.includes('/publishers/google/');
      let params: GenerateVideosParameters;
      if (clip.kind === 'extend') {
        const body = veoBodies().extend.parse(clip.request.body);
        // The plan's `video: { uri: '{video_uri}' }` stands for the source clip's generated video.
        if (body.source.video.uri !== VIDEO_URI) throw new ProviderError(`clip ${clip.name}: Veo extends videos it made; the plan names ${body.source.video.uri}`, 'invalid');
        params = { ...(body as GenerateVideosParameters), source: { prompt: body.source.prompt, video: await sourceVideo(clip, sourceJobId, signal) } };
      } else {
        const body = veoBodies().create.parse(clip.request.body);
        // `{ imageBytes: '{image:N}' }` becomes the image's base64 bytes and its MIME type.
        params = withImagesAndTypes(body, images ?? []) as GenerateVideosParameters;
      }
      const op = await call((abort) => clientFor(vertex, placeOf(clip.request.path)).models.generateVideos({ ...params, config: { ...params.config, ...abort } }), signal);
      return toJob(op);
    },

    async poll(id, signal) {
      return toJob(await getOperation(id, signal, false));
    },

    async download(id, variant, signal) {
      if (variant !== 'video') throw new ProviderError(`Veo has no ${variant} asset`, 'invalid');
      // The generated video, not its `video`: the SDK downloads a URI (Gemini API) or writes inline bytes (Vertex) from it.
      const generated = generatedOf(await getOperation(id, signal));
      const video = generated.video!;
      // The SDK downloads to a file (it has no stream): into a temp dir, streamed from there.
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'shotc-veo-'));
      const file = path.join(dir, 'video.mp4');
      try {
        await call((abort) => forOperation(id).files.download({ file: generated, downloadPath: file, config: abort }), signal);
        const stat = await fs.stat(file);
        const stream = createReadStream(file);
        stream.on('close', () => void fs.rm(dir, { recursive: true, force: true }));
        return { body: Readable.toWeb(stream) as ReadableStream<Uint8Array>, bytes: stat.size, contentType: video.mimeType ?? 'video/mp4' };
      } catch (e) {
        await fs.rm(dir, { recursive: true, force: true });
        throw e;
      }
    },

    async reconcile() {
      return null;
    },
  };

  /** The source clip's generated video, from its completed operation. */
  async function sourceVideo(clip: PlanClip, sourceJobId: string | null, signal?: AbortSignal): Promise<Video> {
    if (!sourceJobId) throw new ProviderError(`clip ${clip.name} extends ${clip.source ?? 'its source'}, which has not rendered`, 'invalid');
    return videoOf(await getOperation(sourceJobId, signal));
  }
};

function withImagesAndTypes(body: unknown, images: NonNullable<Parameters<typeof withImages>[1]>): unknown {
  const typed = withImages(body, images, (image) => ({ bytes: Buffer.from(image.bytes).toString('base64'), mimeType: image.mimeType }));
  const flatten = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(flatten);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const bytes = o['imageBytes'] as { bytes?: string; mimeType?: string } | undefined;
      if (bytes && typeof bytes === 'object' && typeof bytes.bytes === 'string') return { ...o, imageBytes: bytes.bytes, mimeType: bytes.mimeType };
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, flatten(x)]));
    }
    return v;
  };
  return flatten(typed);
}

function generatedOf(op: GenerateVideosOperation): GeneratedVideo {
  const generated = op.response?.generatedVideos?.[0];
  if (!op.done || !generated?.video) throw new ProviderError(`operation ${op.name} has no video${op.done ? '' : ' yet'}`, 'not-found');
  return generated;
}

function videoOf(op: GenerateVideosOperation): Video {
  return generatedOf(op).video!;
}

function toJob(op: GenerateVideosOperation): JobState {
  const id = op.name ?? '';
  const base = { id, createdAt: null, completedAt: null, expiresAt: null, output: null, error: null };
  if (!op.done) return { ...base, status: 'in_progress', progress: null };
  if (op.error) {
    const code = op.error['code'];
    return { ...base, status: 'failed', progress: null, error: { code: String(op.error['status'] ?? code ?? 'error'), message: String(op.error['message'] ?? 'the operation failed') } };
  }
  const response = op.response;
  if (!response?.generatedVideos?.length) {
    const reasons = response?.raiMediaFilteredReasons?.join(' ') ?? '';
    return { ...base, status: 'failed', progress: null, error: { code: response?.raiMediaFilteredCount ? 'rai_media_filtered' : 'no_video', message: reasons || 'the operation finished without a video' } };
  }
  return { ...base, status: 'completed', progress: 100, completedAt: Date.now() };
}

export function toProviderError(e: unknown, redact: Redactor, signal?: AbortSignal): ProviderError {
  if (e instanceof ProviderError) return e;
  if (isAbort(e, signal)) return new ProviderError('cancelled', 'aborted');
  if (e instanceof ApiError) {
    let message = e.message;
    let code: string | null = null;
    try {
      const body = JSON.parse(e.message) as { error?: { message?: string; status?: string } };
      message = body.error?.message ?? message;
      code = body.error?.status ?? null;
    } catch {
      // not JSON: keep the SDK's text
    }
    return new ProviderError(redact(`${e.status} ${message}`), kindOf(e.status), e.status, null, code);
  }
  const cause = networkCause(e);
  if (cause) return new ProviderError(redact(`cannot reach Google (${cause})`), 'network');
  return new ProviderError(redact((e as Error)?.message ?? String(e)), 'other');
}
