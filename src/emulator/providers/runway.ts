/**
 * The Runway developer API as the emulator serves it, under `/runway` (the SDK's `baseURL` is
 * `http://127.0.0.1:PORT/runway`): `POST /v1/{text,image,video}_to_video` create a task,
 * `GET /v1/tasks/{id}` reports it (PENDING → RUNNING with `progress` → SUCCEEDED with signed output
 * URLs, or FAILED with `failureCode`), `DELETE /v1/tasks/{id}` forgets it. Outputs are served at
 * `/runway/_outputs/{id}.mp4` without a key, as Runway's signed URLs are.
 *
 * Bodies are checked against shotc's Runway model cards (models, ratios, durations, prompt
 * lengths, images as data URIs — the emulator has no network) and refused in Runway's error shape.
 */
import { statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { sniffImage } from '../../core/images/sniff.js';
import { HAILUO3, models, runwayBodies } from '../../core/targets/runway.js';
import type { ModelCard } from '../../core/targets/types.js';
import { ApiError, type EmulatorProvider, type Handler, type Mount, type MountedRoute, type RequestContext } from '../server.js';
import { dataUri, JobBook, newId, pixels, type EmulatedJob, type JobsOptions } from './jobs.js';

export const RUNWAY_PREFIX = '/runway';
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

const bad = (message: string, code = 'invalid_request'): ApiError => ApiError.invalid(message, null, code);

function card(model: unknown): ModelCard {
  const c = models.find((m) => m.id === model);
  if (!c) throw bad(`Invalid model ${JSON.stringify(model)}. Expected one of: ${models.map((m) => m.id).join(', ')}.`);
  return c;
}

function issues(e: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  return e.issues.map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`).join('; ');
}

function image(uri: string, what: string): { width: number; height: number } {
  const d = dataUri(uri);
  if (!d) throw bad(`${what}: the emulator has no network; send the image as a base64 data URI.`);
  if (!IMAGE_TYPES.includes(d.type)) throw bad(`${what}: unsupported image type ${d.type}.`);
  const info = sniffImage(d.bytes);
  if (info.mimeType !== d.type || !info.width || !info.height) throw bad(`${what}: the data is not a valid ${d.type} image.`);
  return { width: info.width, height: info.height };
}

/** The frame size a create request asks for, in pixels. */
function frameSize(c: ModelCard, body: { ratio?: string | undefined; resolution?: string | undefined }, first: { width: number; height: number } | null, text: boolean): [number, number] {
  const ratio = body.ratio;
  if (c.id === 'hailuo3') {
    const size = Object.entries(HAILUO3).find(([, r]) => r === ratio)?.[0] ?? (ratio === 'adaptive' && first ? `${first.width}x${first.height}` : undefined);
    if (!size) throw bad(`Invalid ratio ${JSON.stringify(ratio)} for hailuo3.`);
    if (body.resolution !== undefined && body.resolution !== '768p') throw bad('The emulator renders hailuo3 at 768p only.');
    return pixels(size);
  }
  if (ratio?.startsWith('auto_')) {
    if (!first) throw bad(`ratio ${ratio} follows a first frame; send promptImage.`);
    return [first.width, first.height];
  }
  if (!ratio) throw bad('ratio is required.');
  const size = ratio.replace(':', 'x');
  const allowed = text && c.textSizes ? c.textSizes : c.sizes;
  if (!allowed.includes(size)) throw bad(`Invalid ratio ${ratio} for ${c.id}${text ? ' (text to video)' : ''}. Expected one of: ${allowed.map((s) => s.replace('x', ':')).join(', ')}.`);
  return pixels(size);
}

function checkCommon(c: ModelCard, body: { promptText: string; duration?: number | undefined }): number {
  if (body.promptText.length > c.maxPromptChars) throw bad(`promptText is ${body.promptText.length} characters; ${c.id} takes at most ${c.maxPromptChars}.`);
  const duration = body.duration ?? c.seconds[0]!;
  if (!c.seconds.includes(duration)) throw bad(`Invalid duration ${duration} for ${c.id}. Expected one of: ${c.seconds.join(', ')}.`);
  return duration;
}

export interface RunwayEmulatorOptions extends JobsOptions {
  /** The emulator's origin (`http://127.0.0.1:PORT`), known once it listens: output URLs use it. */
  origin: () => string;
}

export function runwayEmulator(options: RunwayEmulatorOptions): EmulatorProvider {
  const book = new JobBook(options);
  const outputUrl = (job: EmulatedJob): string => `${options.origin()}${RUNWAY_PREFIX}/_outputs/${job.id}.mp4`;
  const credits = (job: EmulatedJob): number => Math.round(job.seconds * (job.kind === 'edit' ? 15 : 12));

  function task(job: EmulatedJob): Record<string, unknown> {
    const s = book.state(job);
    const base = { id: job.id, createdAt: new Date(job.createdAtMs).toISOString() };
    switch (s.phase) {
      case 'queued':
        return { ...base, status: 'PENDING', estimatedCost: { credits: credits(job) } };
      case 'running':
        return { ...base, status: 'RUNNING', progress: Math.round(s.progress * 100) / 100, estimatedCost: { credits: credits(job) } };
      case 'succeeded':
        return { ...base, status: 'SUCCEEDED', output: [outputUrl(job)], cost: { credits: credits(job) } };
      case 'failed':
        return { ...base, status: 'FAILED', failure: s.failure!.refused ? `Your prompt was flagged by our content moderation (${s.failure!.message}).` : s.failure!.message, failureCode: s.failure!.refused ? 'SAFETY.INPUT.TEXT' : 'INTERNAL', cost: { credits: 0 } };
    }
  }

  async function created(job: EmulatedJob): Promise<{ json: unknown }> {
    return { json: { id: job.id, estimatedCost: { credits: credits(job) } } };
  }

  function taskOf(id: string | undefined): EmulatedJob {
    const job = id ? book.get(id) : undefined;
    if (!job) throw ApiError.notFound(`Task ${id} not found.`, null, 'not_found');
    return job;
  }

  const textToVideo: Handler = async (ctx) => {
    const parsed = runwayBodies().text.safeParse(ctx.body.value);
    if (!parsed.success) throw bad(`Validation of body failed: ${issues(parsed.error)}`);
    const b = parsed.data;
    const c = card(b.model);
    if (c.features.text === false) throw bad(`${c.id} needs a promptImage; use image_to_video.`);
    const seconds = checkCommon(c, b);
    const refs = b.references ?? [];
    if (refs.length && !c.maxReferenceImages) throw bad(`${c.id} takes no references.`);
    if (c.maxReferenceImages !== undefined && refs.length > c.maxReferenceImages) throw bad(`${c.id} takes at most ${c.maxReferenceImages} references.`);
    refs.forEach((r, i) => image(r.uri, `references[${i}].uri`));
    const [width, height] = frameSize(c, b, null, true);
    return created(await book.create(newId(), { kind: 'create', model: c.id, prompt: b.promptText, width, height, seconds, source: null }));
  };

  const imageToVideo: Handler = async (ctx) => {
    const parsed = runwayBodies().image.safeParse(ctx.body.value);
    if (!parsed.success) throw bad(`Validation of body failed: ${issues(parsed.error)}`);
    const b = parsed.data;
    const c = card(b.model);
    const seconds = checkCommon(c, b);
    const frames = typeof b.promptImage === 'string' ? [{ uri: b.promptImage, position: 'first' as const }] : b.promptImage;
    const first = frames.find((f) => (f.position ?? 'first') === 'first');
    if (!first) throw bad('promptImage needs a first frame; this model does not generate from a last frame alone.');
    if (frames.some((f) => f.position === 'last') && !c.features.lastFrame) throw bad(`${c.id} takes a first frame only.`);
    const size = image(first.uri, 'promptImage');
    frames.filter((f) => f !== first).forEach((f, i) => image(f.uri, `promptImage[${i + 1}]`));
    const [width, height] = frameSize(c, b, size, false);
    return created(await book.create(newId(), { kind: 'create', model: c.id, prompt: b.promptText, width, height, seconds, source: null }));
  };

  const videoToVideo: Handler = async (ctx) => {
    const parsed = runwayBodies().video.safeParse(ctx.body.value);
    if (!parsed.success) throw bad(`Validation of body failed: ${issues(parsed.error)}`);
    const b = parsed.data;
    const m = /\/_outputs\/([0-9a-f]+)\.mp4$/.exec(b.videoUri);
    const source = m ? book.get(m[1]!) : undefined;
    if (!source) throw bad(`videoUri: the emulator has no network; pass the output URL of a task it made (got ${b.videoUri.slice(0, 80)}).`);
    if (book.state(source).phase !== 'succeeded') throw bad(`videoUri: task ${source.id} has not succeeded.`);
    return created(await book.create(newId(), { kind: 'edit', model: 'aleph2', prompt: b.promptText, width: source.width, height: source.height, seconds: source.seconds, source }));
  };

  const routes: Array<{ method: string; pattern: RegExp; operation: string; handler: Handler; public?: boolean }> = [
    { method: 'POST', pattern: /^\/v1\/text_to_video$/, operation: 'runway.create', handler: textToVideo },
    { method: 'POST', pattern: /^\/v1\/image_to_video$/, operation: 'runway.create', handler: imageToVideo },
    { method: 'POST', pattern: /^\/v1\/video_to_video$/, operation: 'runway.create', handler: videoToVideo },
    { method: 'GET', pattern: /^\/v1\/tasks\/(?<id>[^/]+)$/, operation: 'runway.task', handler: (ctx) => ({ json: task(taskOf(ctx.params['id'])) }) },
    {
      method: 'DELETE',
      pattern: /^\/v1\/tasks\/(?<id>[^/]+)$/,
      operation: 'runway.delete',
      handler: (ctx) => {
        book.jobs.delete(taskOf(ctx.params['id']).id);
        return { status: 204, json: {} };
      },
    },
    {
      method: 'GET',
      pattern: /^\/_outputs\/(?<id>[0-9a-f]+)\.mp4$/,
      operation: 'runway.output',
      public: true,
      handler: (ctx: RequestContext) => {
        const job = taskOf(ctx.params['id']);
        if (book.state(job).phase !== 'succeeded' || !job.assets) throw ApiError.notFound('No such output.', null, 'not_found');
        return { file: job.assets.video, contentType: 'video/mp4', bytes: statSync(job.assets.video).size };
      },
    },
  ];

  const mount: Mount = {
    prefix: RUNWAY_PREFIX,
    route: (method, path) => route(routes, method, path),
    apiKey: bearer,
    error: (status, message, code) => ({ error: message, ...(code ? { code } : {}), status }),
  };
  return { name: 'runway', mount, stats: () => ({ runway: book.stats() }) };
}

/** Match a path against pattern routes: the route, the methods the path allows, or nothing. */
export function route(routes: ReadonlyArray<{ method: string; pattern: RegExp; operation: string; handler: Handler; public?: boolean }>, method: string, path: string): MountedRoute | { allowed: string[] } | null {
  const allowed: string[] = [];
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    if (r.method !== method) {
      allowed.push(r.method);
      continue;
    }
    return { operation: r.operation, params: { ...(m.groups ?? {}) }, handler: r.handler, ...(r.public ? { public: true } : {}) };
  }
  return allowed.length ? { allowed } : null;
}

export function bearer(req: IncomingMessage): string | null {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  return m ? m[1]!.trim() || null : null;
}
