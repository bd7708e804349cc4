/**
 * fal.ai's model queue: Kling 3.0 (whose `multi_prompt` takes a whole shot list with per-shot
 * lengths in one request), Google Veo 3.1 and Lightricks LTX-2. A job is a queue request:
 * `queue.submit(endpoint)` → `queue.status` until COMPLETED → `queue.result`.
 *
 * Checked against: npm `@fal-ai/client` 1.10.1 (`src/types/endpoints.d.ts`, EndpointTypeMap).
 * Every body is built with `satisfies` the input type of its endpoint, so `npm test` fails when
 * the SDK's types and shotc disagree. A plan entry's `request.path` is the endpoint id.
 *
 * One `.shot` model is a family of endpoints; the clip picks one: text-to-video, image-to-video
 * (a first frame), first-last-frame-to-video, reference-to-video (the `references` setting),
 * extend-video (a chain or an EXTEND), retake-video (LTX-2's REMIX and EDIT).
 */
import * as z from 'zod/mini';
import { lazy } from '../util/lazy.js';
import type { EndpointTypeMap } from '@fal-ai/client/endpoints';
import { renderPrompt } from '../emit/prompt.js';
import { formatTime } from '../format/format.js';
import type { ResolvedClip, ResolvedFile } from '../resolve/model.js';
import type * as A from '../syntax/ast.js';
import { aspectOf, audioOn, bySize, clipAt, Findings, frames, range, resolutionOf, setting, settingImages, used, value, where } from './common.js';
import { imagePlaceholder, modelOf, price, type EmitImage, type EmitResult, type Features, type ModelCard, type Target, type TargetFinding } from './types.js';

export const FAL_SDK = { package: '@fal-ai/client', version: '1.10.1' } as const;

/** Placeholder for the source clip's video URL (its request's result), known once it has rendered. */
export const VIDEO_URL = '{video_url}';

type Input<E extends keyof EndpointTypeMap> = EndpointTypeMap[E]['input'];

const KLING_PRO = 'fal-ai/kling-video/v3/pro';
const KLING_STD = 'fal-ai/kling-video/v3/standard';
const VEO = 'fal-ai/veo3.1';
const VEO_FAST = 'fal-ai/veo3.1/fast';
const LTX = 'fal-ai/ltx-2';
const LTX_FAST = 'fal-ai/ltx-2/fast';

// ── models ──────────────────────────────────────────────────────────────────────────────────────

const features = (f: Partial<Features>): Features => ({ reference: true, remix: false, edit: false, extend: false, audio: true, multiShot: false, ...f });

/**
 * USD per second, from fal's model pages as read in 2026 — estimates; fal's invoice is
 * authoritative. Kling 3.0: standard $0.084, pro $0.112, +50% with sound. Veo 3.1: $0.40 with sound
 * ($0.20 without), fast $0.15 ($0.10). LTX-2: $0.06/$0.12/$0.24 at 1080p/1440p/2160p, fast
 * $0.04/$0.08/$0.16.
 */
const PRICE_NOTE = 'Estimate from fal\'s model pages as read in 2026 (with sound where the model makes it).';
const SILENT_FACTOR: Record<string, number> = { [KLING_PRO]: 2 / 3, [KLING_STD]: 2 / 3, [VEO]: 0.5, [VEO_FAST]: 2 / 3 };

const KLING_PRO_SIZES = ['1920x1080', '1080x1920', '1080x1080'];
const KLING_STD_SIZES = ['1280x720', '720x1280', '720x720'];
const VEO_SIZES = ['1280x720', '720x1280', '1920x1080', '1080x1920'];
const LTX_SIZES = ['1920x1080', '2560x1440', '3840x2160'];
const ltxPrice = (p1080: number) => bySize(LTX_SIZES, (s) => p1080 * (s === '1920x1080' ? 1 : s === '2560x1440' ? 2 : 4));

const kling = (id: string, label: string, sizes: string[], perSecond: number): ModelCard => ({
  id,
  label,
  sizes,
  seconds: range(3, 15),
  features: features({ lastFrame: true, multiShot: true }),
  shotSeconds: { min: 1, max: 15, whole: true },
  // Kling's documented prompt limit; with multi_prompt it holds for each shot's prompt.
  maxPromptChars: 2500,
  pricePerSecond: bySize(sizes, perSecond * 1.5),
  apiSizes: Object.fromEntries(sizes.map((s) => [s, aspectOf(s)])),
  settings: ['negativePrompt', 'audio', 'cfgScale', 'shotType'],
  priceNote: PRICE_NOTE,
  notes: ['A clip with two or more shots is one multi_prompt request: one prompt and a whole-second length per shot.'],
});

const veo = (id: string, label: string, perSecond: number, references: boolean): ModelCard => ({
  id,
  label,
  sizes: VEO_SIZES,
  seconds: [4, 6, 8],
  ...(references ? { secondsWithReferences: [8], maxReferenceImages: 3 } : {}),
  features: features({ lastFrame: true, extend: true }),
  extendSeconds: [7],
  chain: true,
  maxExtensions: 20,
  maxTotalSeconds: 148,
  // fal states no limit; Veo's is 1,024 tokens (about 4,000 characters).
  maxPromptChars: 4000,
  pricePerSecond: bySize(VEO_SIZES, perSecond),
  apiSizes: Object.fromEntries(VEO_SIZES.map((s) => [s, `${aspectOf(s)} at ${resolutionOf(s)}`])),
  settings: ['seed', 'negativePrompt', 'audio', 'safetyTolerance', ...(references ? ['references'] : [])],
  priceNote: PRICE_NOTE,
  notes: ['A last frame uses first-last-frame-to-video; references use reference-to-video (8 s); an extension adds 7 s.'],
});

const ltx = (id: string, label: string, p1080: number): ModelCard => ({
  id,
  label,
  sizes: LTX_SIZES,
  seconds: [6, 8, 10],
  features: features({ extend: true, remix: true, edit: true }),
  // extend-video adds up to 20 s ("Maximum 20 seconds"); shotc uses whole seconds.
  extendSeconds: range(1, 20),
  chain: true,
  maxExtensions: 10,
  // fal states no prompt limit for LTX-2; shotc holds it to 5,000 characters.
  maxPromptChars: 5000,
  pricePerSecond: ltxPrice(p1080),
  apiSizes: Object.fromEntries(LTX_SIZES.map((s) => [s, resolutionOf(s)])),
  settings: ['audio', 'fps'],
  priceNote: PRICE_NOTE,
  notes: ['16:9 only. REMIX and EDIT retake the whole video (retake-video); extensions and retakes use the full LTX-2 endpoints.'],
});

export const models: readonly ModelCard[] = [
  kling(KLING_PRO, 'Kling 3.0 Pro on fal (1080p)', KLING_PRO_SIZES, 0.112),
  kling(KLING_STD, 'Kling 3.0 Standard on fal (720p)', KLING_STD_SIZES, 0.084),
  veo(VEO, 'Google Veo 3.1 on fal', 0.4, true),
  veo(VEO_FAST, 'Google Veo 3.1 Fast on fal', 0.15, false),
  ltx(LTX, 'Lightricks LTX-2 Pro on fal', 0.06),
  ltx(LTX_FAST, 'Lightricks LTX-2 Fast on fal', 0.04),
];

// ── bodies ──────────────────────────────────────────────────────────────────────────────────────

/** fal bodies are checked by type per endpoint in `emit`; this is the shape every one shares. */
export const falBody = lazy(() =>
  z.record(z.string(), z.unknown()).check(z.refine((b) => typeof b['prompt'] === 'string' || Array.isArray(b['multi_prompt']), 'a fal request needs a prompt or a multi_prompt')),
);

// ── emit ────────────────────────────────────────────────────────────────────────────────────────

const isKling = (m: string): boolean => m === KLING_PRO || m === KLING_STD;
const isVeo = (m: string): boolean => m === VEO || m === VEO_FAST;
const isLtx = (m: string): boolean => m === LTX || m === LTX_FAST;

function emit(clip: ResolvedClip, prompt: string, file: ResolvedFile): EmitResult {
  const model = modelOf(clip);
  if (isKling(model)) return emitKling(clip, prompt, file);
  if (isVeo(model)) return emitVeo(clip, prompt, file);
  if (isLtx(model)) return emitLtx(clip, prompt, file);
  return { request: { method: 'POST', path: model, body: { prompt } }, diagnostics: [] };
}

const out = (path: string, body: object, images: EmitImage[], mapping: string[] = []): EmitResult => ({
  request: { method: 'POST', path, body: body as Record<string, unknown> },
  diagnostics: [],
  images,
  mapping,
});

// Kling ------------------------------------------------------------------------------------------

export interface KlingShot {
  shot: A.Shot;
  prompt: string;
  seconds: number;
}

/**
 * A clip's shots as Kling's multi_prompt: each shot's own prompt (the clip's look, cast and scene,
 * then that shot) and its length in whole seconds, rounded so the lengths still add up to the
 * clip's (largest remainder), at least 1 s each. Null when the clip is not one multi-shot request.
 */
export function klingShots(clip: ResolvedClip, file: ResolvedFile): KlingShot[] | null {
  if (clip.shots.length < 2 || used<string>(file, clip, 'shotType') === 'intelligent') return null;
  const total = Math.round(clip.seconds.value);
  const exact = clip.shots.map((s) => s.end.value - s.start.value);
  const seconds = exact.map((e) => Math.max(1, Math.floor(e)));
  let left = total - seconds.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0 && order.length; k = (k + 1) % order.length, left--) seconds[order[k]!.i]!++;
  for (let i = seconds.length - 1; left < 0 && i >= 0; i--) {
    while (left < 0 && seconds[i]! > 1) {
      seconds[i]!--;
      left++;
    }
  }
  return clip.shots.map((shot, i) => {
    const retimed: A.Shot = { ...shot, start: { ...shot.start, value: 0 }, end: { ...shot.end, value: exact[i]! } };
    const one: ResolvedClip = { ...clip, shots: [retimed], dialogue: i === 0 ? clip.dialogue : [] };
    return { shot, prompt: renderPrompt(one).text, seconds: seconds[i]! };
  });
}

type Duration = NonNullable<Input<'fal-ai/kling-video/v3/pro/text-to-video'>['duration']>;
type ShotDuration = NonNullable<Input<'fal-ai/kling-video/v3/pro/text-to-video'>['multi_prompt']>[number]['duration'];

function emitKling(clip: ResolvedClip, prompt: string, file: ResolvedFile): EmitResult {
  const model = modelOf(clip);
  const { first, last } = frames(clip);
  const shots = klingShots(clip, file);
  const negative = used<string>(file, clip, 'negativePrompt');
  const cfg = used<number>(file, clip, 'cfgScale');
  const intelligent = used<string>(file, clip, 'shotType') === 'intelligent';
  const duration = String(Math.round(clip.seconds.value)) as Duration;
  const text = shots
    ? { multi_prompt: shots.map((s) => ({ prompt: s.prompt, duration: String(s.seconds) as ShotDuration })), shot_type: 'customize' as const }
    : { prompt, ...(intelligent ? { shot_type: 'intelligent' as const } : {}) };
  const common = {
    ...text,
    duration,
    generate_audio: audioOn(file, clip),
    ...(negative ? { negative_prompt: negative } : {}),
    ...(cfg !== undefined ? { cfg_scale: cfg } : {}),
  };
  const mapping = shots ? [`${shots.length} shots → one multi_prompt request: ${shots.map((s) => `${s.seconds} s`).join(' + ')}`] : intelligent && clip.shots.length > 1 ? ['shotType: intelligent — Kling plans the shots from the whole prompt'] : [];
  if (first) {
    const images: EmitImage[] = [{ role: 'first', path: first }];
    if (last) images.push({ role: 'last', path: last });
    const body = { ...common, start_image_url: imagePlaceholder(0), ...(last ? { end_image_url: imagePlaceholder(1) } : {}) } satisfies Input<'fal-ai/kling-video/v3/pro/image-to-video'>;
    return out(`${model}/image-to-video`, body, images, mapping);
  }
  const body = { ...common, aspect_ratio: aspectOf(clip.size.value.text) as '16:9' | '9:16' | '1:1' } satisfies Input<'fal-ai/kling-video/v3/pro/text-to-video'>;
  return out(`${model}/text-to-video`, body, [], mapping);
}

// Veo 3.1 ----------------------------------------------------------------------------------------

function emitVeo(clip: ResolvedClip, prompt: string, file: ResolvedFile): EmitResult {
  const model = modelOf(clip);
  const size = clip.size.value.text;
  const aspect = aspectOf(size) === '9:16' ? ('9:16' as const) : ('16:9' as const);
  const resolution = resolutionOf(size) === '1080p' ? ('1080p' as const) : ('720p' as const);
  const seed = used<number>(file, clip, 'seed');
  const negative = used<string>(file, clip, 'negativePrompt');
  const tolerance = used<number>(file, clip, 'safetyTolerance');
  const safety = tolerance !== undefined ? { safety_tolerance: String(tolerance) as '1' | '2' | '3' | '4' | '5' | '6' } : {};
  const audio = { generate_audio: audioOn(file, clip) };
  const tuning = { ...(seed !== undefined ? { seed } : {}), ...(negative ? { negative_prompt: negative } : {}) };

  if (clip.kind === 'extend') {
    const body = { prompt, video_url: VIDEO_URL, duration: '7s', resolution: '720p', aspect_ratio: 'auto', ...audio, ...tuning, ...safety } satisfies Input<'fal-ai/veo3.1/extend-video'>;
    return out(`${model}/extend-video`, body, [], [`an extension adds 7 s to ${clip.source?.name ?? 'its source'}'s video; the result holds both`]);
  }
  const duration = `${clip.seconds.value}s` as '4s' | '6s' | '8s';
  const { first, last } = frames(clip);
  if (first && last) {
    const body = { prompt, first_frame_url: imagePlaceholder(0), last_frame_url: imagePlaceholder(1), duration, aspect_ratio: aspect, resolution, ...audio, ...tuning, ...safety } satisfies Input<'fal-ai/veo3.1/first-last-frame-to-video'>;
    return out(`${model}/first-last-frame-to-video`, body, [{ role: 'first', path: first }, { role: 'last', path: last }]);
  }
  if (first) {
    const mapping = setting(file, 'references') ? ['references: not sent with a first frame (reference-to-video takes no frames)'] : [];
    const body = { prompt, image_url: imagePlaceholder(0), duration, aspect_ratio: aspect, resolution, ...audio, ...tuning, ...safety } satisfies Input<'fal-ai/veo3.1/image-to-video'>;
    return out(`${model}/image-to-video`, body, [{ role: 'first', path: first }], mapping);
  }
  const refs = clip.card?.maxReferenceImages ? settingImages(file, 'references') : [];
  if (refs.length) {
    const body = { prompt, image_urls: refs.map((_, i) => imagePlaceholder(i)), duration: '8s', aspect_ratio: aspect, resolution, ...audio, ...safety } satisfies Input<'fal-ai/veo3.1/reference-to-video'>;
    const mapping = ['references → reference-to-video (the images keep the subject consistent)', ...(seed !== undefined || negative ? ['seed and negativePrompt are not taken by reference-to-video'] : [])];
    return out(`${VEO}/reference-to-video`, body, refs, mapping);
  }
  const body = { prompt, duration, aspect_ratio: aspect, resolution, ...audio, ...tuning, ...safety } satisfies Input<'fal-ai/veo3.1'>;
  return out(model, body, []);
}

// LTX-2 ------------------------------------------------------------------------------------------

function emitLtx(clip: ResolvedClip, prompt: string, file: ResolvedFile): EmitResult {
  const model = modelOf(clip);
  const fast = model === LTX_FAST;
  const fps = used<number>(file, clip, 'fps');
  const common = { generate_audio: audioOn(file, clip), ...(fps !== undefined ? { fps: String(fps) as '25' | '50' } : {}) };
  if (clip.kind === 'extend') {
    const body = { prompt, video_url: VIDEO_URL, duration: clip.seconds.value, mode: 'end' } satisfies Input<'fal-ai/ltx-2/extend-video'>;
    return out(`${LTX}/extend-video`, body, [], [`an extension adds ${clip.seconds.value} s to ${clip.source?.name ?? 'its source'}'s video${fast ? ' (with full LTX-2)' : ''}; the result holds both`]);
  }
  if (clip.kind === 'remix' || clip.kind === 'edit') {
    const body = { prompt, video_url: VIDEO_URL, start_time: 0, duration: clip.seconds.value, retake_mode: 'replace_audio_and_video' } satisfies Input<'fal-ai/ltx-2/retake-video'>;
    return out(`${LTX}/retake-video`, body, [], [`${clip.kind.toUpperCase()} → a retake of all ${clip.seconds.value} s of ${clip.source?.name ?? 'the source'}'s video`]);
  }
  const duration = String(clip.seconds.value) as '6' | '8' | '10';
  const resolution = resolutionOf(clip.size.value.text) as '1080p' | '1440p' | '2160p';
  const { first } = frames(clip);
  if (first) {
    const body = { prompt, image_url: imagePlaceholder(0), duration, resolution, ...common } satisfies Input<'fal-ai/ltx-2/image-to-video'>;
    return out(fast ? `${LTX}/image-to-video/fast` : `${LTX}/image-to-video`, body, [{ role: 'first', path: first }]);
  }
  const body = { prompt, duration, resolution, ...common } satisfies Input<'fal-ai/ltx-2/text-to-video'>;
  return out(fast ? `${LTX}/text-to-video/fast` : `${LTX}/text-to-video`, body, []);
}

// ── review and estimate ─────────────────────────────────────────────────────────────────────────

function review(file: ResolvedFile): TargetFinding[] {
  const f = new Findings();
  for (const clip of file.clips) {
    const card = clip.card;
    if (!card) continue;
    if (clip.kind !== 'create' && clip.source?.videoId) f.add('feature', { span: clip.source.span }, `fal cannot ${clip.kind} ${clip.source.videoId}: it works only from videos made in this file. Name the clip it came from.`);
    if (isKling(card.id) && clip.kind === 'create') {
      const shots = klingShots(clip, file);
      if (!shots && clip.shots.length > 1) {
        const length = renderPrompt(clip).text.length;
        if (length > card.maxPromptChars) f.add('prompt-length', clipAt(clip), `The prompt for "${clip.name}" is ${length.toLocaleString('en-US')} characters; Kling takes at most ${card.maxPromptChars.toLocaleString('en-US')}. Shorten the look, or let each shot have its own prompt (shotType: customize).`);
      }
      for (const s of shots ?? []) {
        const exact = s.shot.end.value - s.shot.start.value;
        const at = { span: { start: s.shot.start.span.start, end: s.shot.end.span.end } };
        if (Math.abs(exact - s.seconds) > 1e-9) {
          f.add('seconds', at, `Kling takes whole-second shots: ${formatTime(s.shot.start.value)}–${formatTime(s.shot.end.value)} (${fmt(exact)} s) is sent as ${s.seconds} s. Retime the shot to whole seconds to keep your cut.`, { severity: 'warning' });
        }
        if (s.prompt.length > card.maxPromptChars) {
          f.add('prompt-length', at, `This shot's prompt (the clip's look and cast, then the shot) is ${s.prompt.length.toLocaleString('en-US')} characters; Kling takes at most ${card.maxPromptChars.toLocaleString('en-US')} per shot. Shorten the look or the shot.`);
        }
      }
    }
    if (isVeo(card.id) && clip.kind === 'create') {
      const { first } = frames(clip);
      const refs = value<string[]>(file, 'references') ?? [];
      if (!first && refs.length && card.maxReferenceImages) {
        if (refs.length > card.maxReferenceImages) f.add('feature', where(file, 'references'), `${card.id} takes at most ${card.maxReferenceImages} reference images; references lists ${refs.length}.`);
        if (clip.seconds.value !== 8) {
          f.add('seconds', clip.seconds.span && !clip.seconds.file ? { span: clip.seconds.span } : clipAt(clip), `With reference images Veo 3.1 makes 8-second clips; "${clip.name}" is ${clip.seconds.value} s.`);
        }
      }
    }
  }
  return f.list;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? `${n}` : n.toFixed(2);
}

function estimate(clip: ResolvedClip, file: ResolvedFile): number | null {
  const card = clip.card;
  if (!card) return null;
  const usd = price(card, clip.size.value.text, clip.seconds.value);
  if (usd === null) return null;
  const factor = audioOn(file, clip) ? 1 : (SILENT_FACTOR[card.id] ?? 1);
  return Math.round(usd * factor * 10000) / 10000;
}

// ── the target ──────────────────────────────────────────────────────────────────────────────────

export const falSettings = lazy(() => ({
  seed: z.number().check(z.int(), z.minimum(0)),
  negativePrompt: z.string().check(z.minLength(1)),
  audio: z.boolean(),
  safetyTolerance: z.number().check(z.int(), z.minimum(1), z.maximum(6)),
  references: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  cfgScale: z.number().check(z.minimum(0), z.maximum(1)),
  shotType: z.enum(['customize', 'intelligent']),
  fps: z.union([z.literal(25), z.literal(50)]),
}));

export const falTarget: Target = {
  id: 'fal',
  name: 'fal.ai model queue (Kling 3.0, Veo 3.1, LTX-2)',
  provider: 'fal.ai',
  sdk: FAL_SDK,
  status: { live: true },
  keyEnv: ['FAL_KEY'],
  defaultModel: KLING_PRO,
  defaultSeconds: 5,
  defaultSize: '1920x1080',
  models,
  get settings() {
    return falSettings();
  },
  emit,
  get bodySchemas() {
    const body = falBody();
    return { create: body, extend: body, remix: body, edit: body };
  },
  review,
  estimate,
};
