/**
 * fal.ai's queue as the emulator serves it, under `/fal` (shotc's fal provider rewrites
 * `https://queue.fal.run/…` to `http://127.0.0.1:PORT/fal/…`): `POST /{endpoint}` enqueues a
 * request, `GET /{owner}/{app}/requests/{id}/status` reports IN_QUEUE → IN_PROGRESS → COMPLETED,
 * `GET /{owner}/{app}/requests/{id}` returns the result (`{ video: { url, … } }`) or, for a refused
 * prompt, a 422 with a `content_policy_violation` detail, and `PUT …/cancel` cancels. Result
 * files are served at `/fal/_files/{id}.mp4` without a key. The key comes as `Authorization: Key …`;
 * errors are `{ detail }`.
 *
 * Bodies are checked per endpoint for the models shotc emits (Kling 3.0, Veo 3.1, LTX-2).
 */
import { statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { sniffImage } from '../../core/images/sniff.js';
import { ApiError, type EmulatorProvider, type Handler, type Mount } from '../server.js';
import { dataUri, JobBook, newId, type EmulatedJob, type JobsOptions } from './jobs.js';
import { route } from './runway.js';

export const FAL_PREFIX = '/fal';
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

const bad = (message: string): ApiError => new ApiError(422, { message, type: 'invalid_request_error', param: null, code: 'validation_error' });

type Body = Record<string, unknown>;

function image(value: unknown, what: string): { width: number; height: number } {
  if (typeof value !== 'string') throw bad(`${what} is required.`);
  const d = dataUri(value);
  if (!d) throw bad(`${what}: the emulator has no network; send a base64 data URI.`);
  if (!IMAGE_TYPES.includes(d.type)) throw bad(`${what}: unsupported image type ${d.type}.`);
  const info = sniffImage(d.bytes);
  if (!info.width || !info.height || info.mimeType !== d.type) throw bad(`${what}: not a valid ${d.type} image.`);
  return { width: info.width, height: info.height };
}

function prompt(b: Body): string {
  if (typeof b['prompt'] === 'string' && b['prompt']) return b['prompt'];
  throw bad('prompt is required.');
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value as T)) throw bad(`${what} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')} (got ${JSON.stringify(value)}).`);
  return value as T;
}

const ASPECT: Record<string, Record<string, [number, number]>> = {
  '720p': { '16:9': [1280, 720], '9:16': [720, 1280], '1:1': [720, 720] },
  '1080p': { '16:9': [1920, 1080], '9:16': [1080, 1920], '1:1': [1080, 1080] },
};
const LTX: Record<string, [number, number]> = { '1080p': [1920, 1080], '1440p': [2560, 1440], '2160p': [3840, 2160] };

interface Spec {
  kind: EmulatedJob['kind'];
  prompt: string;
  width: number;
  height: number;
  seconds: number;
  source: EmulatedJob | null;
}

export interface FalEmulatorOptions extends JobsOptions {
  origin: () => string;
}

export function falEmulator(options: FalEmulatorOptions): EmulatorProvider {
  const book = new JobBook(options);
  const appOf = (endpoint: string): string => endpoint.split('/').slice(0, 2).join('/');
  const fileUrl = (job: EmulatedJob): string => `${options.origin()}${FAL_PREFIX}/_files/${job.id}.mp4`;

  function source(value: unknown): EmulatedJob {
    const m = typeof value === 'string' ? /\/_files\/([0-9a-f]+)\.mp4$/.exec(value) : null;
    const job = m ? book.get(m[1]!) : undefined;
    if (!job) throw bad('video_url: the emulator has no network; pass the URL of a video it made.');
    if (book.state(job).phase !== 'succeeded') throw bad('video_url: that video is not ready.');
    return job;
  }

  function kling(endpoint: string, b: Body): Spec {
    const tier = endpoint.includes('/v3/pro/') ? '1080p' : '720p';
    const duration = Number(oneOf(b['duration'], ['3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15'], 'duration', '5'));
    let text: string;
    if (b['multi_prompt'] !== undefined) {
      if (b['prompt'] !== undefined) throw bad('Either prompt or multi_prompt must be provided, but not both.');
      const shots = b['multi_prompt'];
      if (!Array.isArray(shots) || !shots.length) throw bad('multi_prompt must be a non-empty list.');
      let total = 0;
      for (const [i, s] of shots.entries()) {
        const shot = s as Body;
        if (typeof shot['prompt'] !== 'string' || !shot['prompt']) throw bad(`multi_prompt[${i}].prompt is required.`);
        total += Number(oneOf(shot['duration'], ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15'], `multi_prompt[${i}].duration`, '5'));
      }
      if (total !== duration) throw bad(`The shots' durations add up to ${total} s, not the video's ${duration} s.`);
      text = shots.map((s) => (s as Body)['prompt']).join('\n\n');
    } else text = prompt(b);
    if (endpoint.endsWith('/image-to-video')) {
      const first = image(b['start_image_url'], 'start_image_url');
      if (b['end_image_url'] !== undefined) image(b['end_image_url'], 'end_image_url');
      return { kind: 'create', prompt: text, width: first.width, height: first.height, seconds: duration, source: null };
    }
    const aspect = oneOf(b['aspect_ratio'], ['16:9', '9:16', '1:1'], 'aspect_ratio', '16:9');
    const [width, height] = ASPECT[tier]![aspect]!;
    return { kind: 'create', prompt: text, width, height, seconds: duration, source: null };
  }

  function veo(endpoint: string, b: Body): Spec {
    const text = prompt(b);
    if (endpoint.endsWith('/extend-video')) {
      const src = source(b['video_url']);
      if (b['duration'] !== undefined && b['duration'] !== '7s') throw bad('duration must be "7s" for an extension.');
      return { kind: 'extend', prompt: text, width: src.width, height: src.height, seconds: src.seconds + 7, source: src };
    }
    const refs = endpoint.endsWith('/reference-to-video');
    const duration = refs ? 8 : Number(oneOf(b['duration'], ['4s', '6s', '8s'], 'duration', '8s').slice(0, -1));
    if (refs) {
      if (b['duration'] !== undefined && b['duration'] !== '8s') throw bad('reference-to-video makes 8s videos.');
      const urls = b['image_urls'];
      if (!Array.isArray(urls) || !urls.length) throw bad('image_urls must list at least one image.');
      urls.forEach((u, i) => image(u, `image_urls[${i}]`));
    }
    if (endpoint.endsWith('/image-to-video')) image(b['image_url'], 'image_url');
    if (endpoint.endsWith('/first-last-frame-to-video')) {
      image(b['first_frame_url'], 'first_frame_url');
      image(b['last_frame_url'], 'last_frame_url');
    }
    const resolution = oneOf(b['resolution'], ['720p', '1080p'], 'resolution', '720p');
    const aspect = oneOf(b['aspect_ratio'], ['16:9', '9:16'], 'aspect_ratio', '16:9');
    const [width, height] = ASPECT[resolution]![aspect]!;
    return { kind: 'create', prompt: text, width, height, seconds: duration, source: null };
  }

  function ltx(endpoint: string, b: Body): Spec {
    const text = prompt(b);
    if (endpoint.endsWith('/extend-video')) {
      const src = source(b['video_url']);
      const add = b['duration'] === undefined ? 5 : Number(b['duration']);
      if (!Number.isFinite(add) || add <= 0 || add > 20) throw bad('duration must be more than 0 and at most 20 seconds.');
      if (b['mode'] !== undefined && b['mode'] !== 'end') throw bad('The emulator extends at the end only (mode: "end").');
      return { kind: 'extend', prompt: text, width: src.width, height: src.height, seconds: src.seconds + add, source: src };
    }
    if (endpoint.endsWith('/retake-video')) {
      const src = source(b['video_url']);
      return { kind: 'edit', prompt: text, width: src.width, height: src.height, seconds: src.seconds, source: src };
    }
    const duration = Number(oneOf(b['duration'], ['6', '8', '10'], 'duration', '6'));
    const resolution = oneOf(b['resolution'], ['1080p', '1440p', '2160p'], 'resolution', '1080p');
    if (endpoint.includes('/image-to-video')) image(b['image_url'], 'image_url');
    const [width, height] = LTX[resolution]!;
    return { kind: 'create', prompt: text, width, height, seconds: duration, source: null };
  }

  const ENDPOINTS: Record<string, (endpoint: string, b: Body) => Spec> = {};
  for (const base of ['fal-ai/kling-video/v3/pro', 'fal-ai/kling-video/v3/standard']) for (const e of ['text-to-video', 'image-to-video']) ENDPOINTS[`${base}/${e}`] = kling;
  for (const base of ['fal-ai/veo3.1', 'fal-ai/veo3.1/fast']) {
    ENDPOINTS[base] = veo;
    for (const e of ['image-to-video', 'first-last-frame-to-video', 'extend-video']) ENDPOINTS[`${base}/${e}`] = veo;
  }
  ENDPOINTS['fal-ai/veo3.1/reference-to-video'] = veo;
  for (const e of ['text-to-video', 'text-to-video/fast', 'image-to-video', 'image-to-video/fast', 'extend-video', 'retake-video']) ENDPOINTS[`fal-ai/ltx-2/${e}`] = ltx;

  function urls(job: EmulatedJob): Record<string, string> {
    const base = `${options.origin()}${FAL_PREFIX}/${appOf(job.extra['endpoint']!)}/requests/${job.id}`;
    return { request_id: job.id, response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel` };
  }

  function jobFor(app: string | undefined, id: string | undefined): EmulatedJob {
    const job = id ? book.get(id) : undefined;
    if (!job || appOf(job.extra['endpoint']!) !== app) throw new ApiError(404, { message: `Request ${id} not found.`, type: 'not_found', param: null, code: 'not_found' });
    return job;
  }

  const submit: Handler = async (ctx) => {
    const endpoint = ctx.params['endpoint']!;
    const check = ENDPOINTS[endpoint];
    if (!check) throw new ApiError(404, { message: `Application ${endpoint} not found.`, type: 'not_found', param: null, code: 'not_found' });
    const spec = check(endpoint, ctx.body.value);
    const job = await book.create(newId(), { ...spec, model: endpoint, extra: { endpoint } });
    return { json: { status: 'IN_QUEUE', queue_position: 0, ...urls(job) } };
  };

  const status: Handler = (ctx) => {
    const job = jobFor(ctx.params['app'], ctx.params['id']);
    const s = book.state(job);
    if (job.extra['cancelled']) return { json: { status: 'COMPLETED', ...urls(job), logs: [], error: 'Request was cancelled', error_type: 'cancelled' } };
    if (s.phase === 'queued') return { json: { status: 'IN_QUEUE', queue_position: 0, ...urls(job) } };
    if (s.phase === 'running') return { json: { status: 'IN_PROGRESS', ...urls(job), logs: [] } };
    const failed = s.phase === 'failed' ? { error: s.failure!.message, error_type: s.failure!.refused ? 'content_policy_violation' : 'internal_error' } : {};
    return { json: { status: 'COMPLETED', ...urls(job), logs: [], metrics: { inference_time: job.latencyMs / 1000 }, ...failed } };
  };

  const result: Handler = (ctx) => {
    const job = jobFor(ctx.params['app'], ctx.params['id']);
    const s = book.state(job);
    if (s.phase === 'queued' || s.phase === 'running') throw new ApiError(400, { message: 'Request is still in progress', type: 'in_progress', param: null, code: 'in_progress' });
    if (s.phase === 'failed') {
      const type = s.failure!.refused ? 'content_policy_violation' : 'internal_error';
      throw new ApiError(s.failure!.refused ? 422 : 500, { message: s.failure!.refused ? `The content could not be processed because it contained material flagged by a content checker (${s.failure!.message}).` : s.failure!.message, type, param: 'prompt', code: type });
    }
    const size = statSync(job.assets!.video).size;
    return { json: { video: { url: fileUrl(job), content_type: 'video/mp4', file_name: `${job.id}.mp4`, file_size: size } } };
  };

  const routes = [
    { method: 'GET', pattern: /^\/_files\/(?<id>[0-9a-f]+)\.mp4$/, operation: 'fal.file', public: true, handler: fileHandler },
    { method: 'GET', pattern: /^\/(?<app>[^/]+\/[^/]+)\/requests\/(?<id>[^/]+)\/status$/, operation: 'fal.status', handler: status },
    { method: 'PUT', pattern: /^\/(?<app>[^/]+\/[^/]+)\/requests\/(?<id>[^/]+)\/cancel$/, operation: 'fal.cancel', handler: cancel },
    { method: 'GET', pattern: /^\/(?<app>[^/]+\/[^/]+)\/requests\/(?<id>[^/]+)$/, operation: 'fal.result', handler: result },
    { method: 'POST', pattern: /^\/(?<endpoint>[^/]+\/.+)$/, operation: 'fal.submit', handler: submit },
  ];

  function fileHandler(ctx: Parameters<Handler>[0]) {
    const job = book.get(ctx.params['id']!);
    if (!job || book.state(job).phase !== 'succeeded' || !job.assets) throw new ApiError(404, { message: 'File not found.', type: 'not_found', param: null, code: 'not_found' });
    return { file: job.assets.video, contentType: 'video/mp4', bytes: statSync(job.assets.video).size };
  }

  function cancel(ctx: Parameters<Handler>[0]) {
    const job = jobFor(ctx.params['app'], ctx.params['id']);
    if (book.state(job).phase === 'succeeded') throw new ApiError(400, { message: 'Request already completed.', type: 'invalid', param: null, code: 'already_completed' });
    job.extra['cancelled'] = 'yes';
    return { status: 202, json: { status: 'CANCELLATION_REQUESTED' } };
  }

  const mount: Mount = {
    prefix: FAL_PREFIX,
    route: (method, path) => route(routes, method, path),
    apiKey: (req: IncomingMessage) => {
      const m = /^Key\s+(.+)$/i.exec(req.headers.authorization ?? '');
      return m ? m[1]!.trim() || null : null;
    },
    error: (status, message, code) => (status === 422 ? { detail: [{ loc: ['body', 'prompt'], msg: message, type: code ?? 'value_error' }] } : { detail: message }),
  };
  return { name: 'fal', mount, stats: () => ({ fal: book.stats() }) };
}
