/**
 * Google's Gemini API for Veo as the emulator serves it, under `/google` (the SDK's
 * `httpOptions.baseUrl`, or GOOGLE_GEMINI_BASE_URL, is `http://127.0.0.1:PORT/google`):
 * `POST /v1beta/models/{model}:predictLongRunning` starts an operation, `GET /v1beta/{name}` reports
 * it (`done`, then `response.generateVideoResponse.generatedSamples[].video.uri`, or RAI-filtered
 * samples for a refused prompt), and `GET /v1beta/files/{id}:download?alt=media` serves the video.
 * The key comes in `x-goog-api-key`; errors use Google's `{ error: { code, message, status } }`.
 *
 * Vertex AI in express mode (an API key, `vertexai: true`) is served too: `POST
 * /v1beta1/publishers/google/models/{model}:predictLongRunning` and `…:fetchPredictOperation`, with
 * the video inline as base64 (`response.videos[].bytesBase64Encoded`); Vertex takes `seed` and
 * `generateAudio`, and an extension sends the source video's bytes.
 *
 * Requests are checked with Veo 3.1's documented rules (shotc's Veo cards): lengths, 8 s at 1080p
 * and 4K and with reference images, frames and references not combined, person generation by
 * input, extensions of 720p Veo videos by 7 s up to 148 s, and the parameters the Gemini API does
 * not take (seed, generateAudio).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { sniffImage } from '../../core/images/sniff.js';
import { models } from '../../core/targets/veo.js';
import { ApiError, type EmulatorProvider, type Handler, type Mount } from '../server.js';
import { JobBook, newId, type EmulatedJob, type JobsOptions } from './jobs.js';
import { route } from './runway.js';

export const VEO_PREFIX = '/google';
/** Where generated videos are said to live; the SDK downloads them from its own base URL by file id. */
const FILES_HOST = 'https://generativelanguage.googleapis.com/v1beta/files';
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const EXTEND_SECONDS = 7;
const MAX_TOTAL = 148;
const MAX_EXTENSIONS = 20;

const STATUS: Record<number, string> = { 400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 405: 'INVALID_ARGUMENT', 429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 502: 'UNAVAILABLE', 503: 'UNAVAILABLE', 504: 'DEADLINE_EXCEEDED' };

const bad = (message: string): ApiError => ApiError.invalid(message, null, null);

interface RestImage {
  bytesBase64Encoded?: string;
  mimeType?: string;
  gcsUri?: string;
}

function image(img: RestImage | undefined, what: string): { width: number; height: number } | null {
  if (!img) return null;
  if (img.gcsUri) throw bad(`${what}.gcsUri is only supported on Vertex AI.`);
  if (!img.bytesBase64Encoded) throw bad(`${what}: bytesBase64Encoded is required.`);
  if (img.mimeType && !IMAGE_TYPES.includes(img.mimeType)) throw bad(`${what}: unsupported mimeType ${img.mimeType}.`);
  const info = sniffImage(new Uint8Array(Buffer.from(img.bytesBase64Encoded, 'base64')));
  if (!info.width || !info.height || !info.mimeType || !IMAGE_TYPES.includes(info.mimeType)) throw bad(`${what}: the bytes are not a JPEG, PNG or WebP image.`);
  if (img.mimeType && img.mimeType !== info.mimeType) throw bad(`${what}: mimeType ${img.mimeType} does not match the bytes (${info.mimeType}).`);
  return { width: info.width, height: info.height };
}

const PIXELS: Record<string, Record<string, [number, number]>> = {
  '720p': { '16:9': [1280, 720], '9:16': [720, 1280] },
  '1080p': { '16:9': [1920, 1080], '9:16': [1080, 1920] },
  '4k': { '16:9': [3840, 2160], '9:16': [2160, 3840] },
};

export interface VeoEmulatorOptions extends JobsOptions {}

export function veoEmulator(options: VeoEmulatorOptions): EmulatorProvider {
  const book = new JobBook(options);
  const byFile = new Map<string, EmulatedJob>();

  const fileUri = (job: EmulatedJob): string => `${FILES_HOST}/${job.extra['file']}:download?alt=media`;

  /** A job's video file's sha256, to know a video Vertex sends back as bytes. */
  const videoSha = (job: EmulatedJob): string | null => {
    if (!job.assets) return null;
    job.extra['sha'] ??= createHash('sha256').update(readFileSync(job.assets.video)).digest('hex');
    return job.extra['sha'];
  };

  function vertexOperation(job: EmulatedJob): Record<string, unknown> {
    const s = book.state(job);
    const name = job.extra['operation']!;
    if (s.phase === 'queued' || s.phase === 'running') return { name };
    const type = 'type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse';
    if (s.phase === 'succeeded') return { name, done: true, response: { '@type': type, videos: [{ bytesBase64Encoded: readFileSync(job.assets!.video).toString('base64'), mimeType: 'video/mp4' }] } };
    if (s.failure!.refused) return { name, done: true, response: { '@type': type, raiMediaFilteredCount: 1, raiMediaFilteredReasons: [`The prompt could not be used: it may violate our policies (${s.failure!.message}).`] } };
    return { name, done: true, error: { code: 13, message: s.failure!.message } };
  }

  function operation(job: EmulatedJob): Record<string, unknown> {
    if (job.extra['vertex']) return vertexOperation(job);
    const s = book.state(job);
    const name = job.extra['operation']!;
    if (s.phase === 'queued' || s.phase === 'running') return { name, metadata: {} };
    const type = 'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse';
    if (s.phase === 'succeeded') return { name, done: true, response: { '@type': type, generateVideoResponse: { generatedSamples: [{ video: { uri: fileUri(job) } }] } } };
    if (s.failure!.refused) {
      return { name, done: true, response: { '@type': type, generateVideoResponse: { raiMediaFilteredCount: 1, raiMediaFilteredReasons: [`Your prompt could not be submitted: it may violate our policies (${s.failure!.message}).`] } } };
    }
    return { name, done: true, error: { code: 13, message: s.failure!.message } };
  }

  function length(total: number, source: EmulatedJob | null): number {
    let n = 0;
    for (let j = source; j; j = j.source) n++;
    if (n >= MAX_EXTENSIONS) throw bad(`The video has been extended ${MAX_EXTENSIONS} times, the most allowed.`);
    if (total > MAX_TOTAL) throw bad(`Extending would make the video ${total} s; Veo extends videos to at most ${MAX_TOTAL} s.`);
    return total;
  }

  const create = (vertex: boolean): Handler => async (ctx) => {
    const model = ctx.params['model']!;
    const card = models.find((m) => m.id === model);
    if (!card) throw ApiError.notFound(`models/${model} is not found for API version v1beta, or is not supported for predictLongRunning.`);
    const body = ctx.body.value as { instances?: unknown; parameters?: Record<string, unknown> };
    const instances = body.instances;
    if (!Array.isArray(instances) || instances.length !== 1 || typeof instances[0] !== 'object') throw bad('instances must hold exactly one instance.');
    const inst = instances[0] as { prompt?: unknown; image?: RestImage; lastFrame?: RestImage; referenceImages?: Array<{ image?: RestImage; referenceType?: string }>; video?: { uri?: string; encodedVideo?: string; bytesBase64Encoded?: string } };
    const p = body.parameters ?? {};
    for (const key of vertex ? ['storageUri'] : ['seed', 'generateAudio', 'fps', 'storageUri', 'compressionQuality']) {
      if (p[key] !== undefined) throw bad(vertex ? `${key} needs Cloud Storage, which the emulator does not have.` : `${key} is not supported by the Gemini API (it is a Vertex AI parameter).`);
    }
    if (p['sampleCount'] !== undefined && p['sampleCount'] !== 1) throw bad('The emulator makes one video per request (sampleCount 1).');
    const prompt = typeof inst.prompt === 'string' ? inst.prompt : '';
    if (!prompt && !inst.image) throw bad('A prompt or an image is required.');
    const aspect = (p['aspectRatio'] as string | undefined) ?? '16:9';
    if (aspect !== '16:9' && aspect !== '9:16') throw bad(`aspectRatio must be 16:9 or 9:16 (got ${aspect}).`);
    const resolution = (p['resolution'] as string | undefined) ?? '720p';
    if (!PIXELS[resolution]) throw bad(`resolution must be 720p, 1080p or 4k (got ${resolution}).`);
    const person = p['personGeneration'] as string | undefined;
    if (person !== undefined && person !== 'allow_all' && person !== 'allow_adult') throw bad(`personGeneration ${person} is not supported by Veo 3.1.`);
    const refs = inst.referenceImages ?? [];

    if (inst.video) {
      if (inst.image || inst.lastFrame || refs.length) throw bad('An extension takes a video only (no image, lastFrame or referenceImages).');
      const m = /\/files\/([a-z0-9]+)/.exec(inst.video.uri ?? '');
      const sent = inst.video.bytesBase64Encoded ? createHash('sha256').update(Buffer.from(inst.video.bytesBase64Encoded, 'base64')).digest('hex') : null;
      const source = m ? byFile.get(m[1]!) : sent ? [...book.jobs.values()].find((j) => videoSha(j) === sent) : undefined;
      if (!source) throw bad('video: only a video Veo generated can be extended; pass its uri from the operation response.');
      if (book.state(source).phase !== 'succeeded') throw bad('video: that video is not ready yet.');
      if (Math.min(source.width, source.height) !== 720 || resolution !== '720p') throw bad('Only 720p videos can be extended.');
      if (person === 'allow_adult') throw bad('For extension, personGeneration must be allow_all.');
      const seconds = length(source.seconds + EXTEND_SECONDS, source);
      return start(await book.create(newId(), { kind: 'extend', model, prompt, width: source.width, height: source.height, seconds, source }));
    }

    const duration = Number(p['durationSeconds'] ?? 8);
    if (!card.seconds.includes(duration)) throw bad(`durationSeconds must be 4, 6 or 8 (got ${p['durationSeconds']}).`);
    if (resolution !== '720p' && duration !== 8) throw bad(`${resolution} video must be 8 seconds long.`);
    const first = image(inst.image, 'image');
    const last = image(inst.lastFrame, 'lastFrame');
    if (last && !first) throw bad('lastFrame requires image.');
    if (refs.length) {
      if (first) throw bad('referenceImages cannot be combined with image or lastFrame.');
      if (refs.length > 3) throw bad('At most 3 reference images are supported.');
      refs.forEach((r, i) => {
        if (r.referenceType !== 'ASSET') throw bad(`referenceImages[${i}].referenceType must be ASSET for Veo 3.1.`);
        image(r.image, `referenceImages[${i}].image`);
      });
      if (duration !== 8) throw bad('With reference images the video must be 8 seconds long.');
    }
    if ((first || refs.length) && person === 'allow_all') throw bad('With image inputs, personGeneration must be allow_adult.');
    const [width, height] = PIXELS[resolution]![aspect]!;
    return start(await book.create(newId(), { kind: 'create', model, prompt, width, height, seconds: duration, source: null }));

    async function start(job: EmulatedJob) {
      if (vertex) job.extra['vertex'] = 'yes';
      job.extra['operation'] = vertex ? `projects/emulator/locations/us-central1/publishers/google/models/${model}/operations/${job.id.slice(0, 12)}` : `models/${model}/operations/${job.id.slice(0, 12)}`;
      job.extra['file'] = job.id.slice(12);
      byFile.set(job.extra['file'], job);
      return { json: { name: job.extra['operation'] } };
    }
  };

  const getOperation: Handler = (ctx) => {
    const id = ctx.params['id']!;
    const job = [...book.jobs.values()].find((j) => j.extra['operation'] === `models/${ctx.params['model']}/operations/${id}`);
    if (!job) throw ApiError.notFound(`Operation models/${ctx.params['model']}/operations/${id} not found.`);
    return { json: operation(job) };
  };

  const fetchOperation: Handler = (ctx) => {
    const name = (ctx.body.value as { operationName?: unknown }).operationName;
    const job = [...book.jobs.values()].find((j) => j.extra['vertex'] && j.extra['operation'] === name);
    if (!job) throw ApiError.notFound(`Operation ${String(name)} not found.`);
    return { json: operation(job) };
  };

  const download: Handler = (ctx) => {
    const job = byFile.get(ctx.params['id']!);
    if (!job || book.state(job).phase !== 'succeeded' || !job.assets) throw ApiError.notFound(`File ${ctx.params['id']} not found.`);
    if (ctx.url.searchParams.get('alt') !== 'media') return { json: { name: `files/${job.extra['file']}`, mimeType: 'video/mp4', uri: fileUri(job) } };
    return { file: job.assets.video, contentType: 'video/mp4', bytes: statSync(job.assets.video).size };
  };

  const routes = [
    { method: 'POST', pattern: /^\/v1beta\/models\/(?<model>[^/:]+):predictLongRunning$/, operation: 'veo.create', handler: create(false) },
    { method: 'POST', pattern: /^\/v1beta1\/(?:projects\/[^/]+\/locations\/[^/]+\/)?publishers\/google\/models\/(?<model>[^/:]+):predictLongRunning$/, operation: 'veo.create', handler: create(true) },
    { method: 'POST', pattern: /^\/v1beta1\/(?:projects\/[^/]+\/locations\/[^/]+\/)?publishers\/google\/models\/(?<model>[^/:]+):fetchPredictOperation$/, operation: 'veo.operation', handler: fetchOperation },
    { method: 'GET', pattern: /^\/v1beta\/models\/(?<model>[^/]+)\/operations\/(?<id>[^/]+)$/, operation: 'veo.operation', handler: getOperation },
    { method: 'GET', pattern: /^\/v1beta\/files\/(?<id>[a-z0-9]+):download$/, operation: 'veo.download', handler: download },
  ];

  const mount: Mount = {
    prefix: VEO_PREFIX,
    route: (method, path) => route(routes, method, path),
    apiKey: (req: IncomingMessage) => {
      const key = req.headers['x-goog-api-key'];
      return typeof key === 'string' && key.trim() ? key.trim() : null;
    },
    error: (status, message) => ({ error: { code: status, message, status: STATUS[status] ?? 'UNKNOWN' } }),
  };
  return { name: 'veo', mount, stats: () => ({ veo: book.stats() }) };
}
