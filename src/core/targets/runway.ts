/**
 * Runway through its developer API: text-to-video and image-to-video for each model family, and
 * Aleph 2 video-to-video for a REMIX or EDIT of a clip (Runway has no remix endpoint; an Aleph edit
 * is the same thing — the source video with one change).
 *
 * Checked against: npm `@runwayml/sdk` 4.20.1 (`resources/text-to-video.d.ts`,
 * `image-to-video.d.ts`, `video-to-video.d.ts`, `tasks.d.ts`). Every body below is built with
 * `satisfies` the SDK's own parameter type for its model, so `npm test` fails when the SDK and
 * shotc disagree. Facts the types do not state (durations of some models, prices) say where they
 * come from next to them.
 *
 * A job is a task: `POST /v1/{text,image,video}_to_video` → `GET /v1/tasks/{id}` until SUCCEEDED
 * (output: signed URLs) or FAILED.
 */
import * as z from 'zod/mini';
import { lazy } from '../util/lazy.js';
import type { ImageToVideoCreateParams as I2V } from '@runwayml/sdk/resources/image-to-video';
import type { TextToVideoCreateParams as T2V } from '@runwayml/sdk/resources/text-to-video';
import type { VideoToVideoCreateParams as V2V } from '@runwayml/sdk/resources/video-to-video';
import type { ResolvedClip, ResolvedFile } from '../resolve/model.js';
import { audioOn, bySize, colonSize, Findings, frames, range, settingImages, used, value, where, xSize } from './common.js';
import { imagePlaceholder, modelOf, price, type EmitImage, type EmitResult, type Features, type ModelCard, type Target, type TargetFinding } from './types.js';

export const RUNWAY_SDK = { package: '@runwayml/sdk', version: '4.20.1' } as const;

/** Placeholder for the source clip's video URL (a task's output), known once it has rendered. */
export const VIDEO_URL = '{video_url}';

// ── sizes, as the SDK's `ratio` unions list them ────────────────────────────────────────────────

const GEN45_TEXT = ['1280:720', '720:1280'] as const;
const GEN45_IMAGE = ['1280:720', '720:1280', '1104:832', '960:960', '832:1104', '1584:672'] as const;
const GEN4_TURBO = ['1280:720', '720:1280', '1104:832', '832:1104', '960:960', '1584:672'] as const;
const VEO = ['1280:720', '720:1280', '1080:1920', '1920:1080'] as const;
const SEEDANCE2 = [
  '992:432', '864:496', '752:560', '640:640', '560:752', '496:864', '1470:630', '1280:720', '1112:834', '960:960', '834:1112', '720:1280',
  '2206:946', '1920:1080', '1664:1248', '1440:1440', '1248:1664', '1080:1920', '3840:1646', '3840:2160', '3840:2880', '3840:3840', '2880:3840', '2160:3840',
] as const;
const WAN3 = ['832:480', '720:544', '624:624', '544:720', '480:832', '1280:720', '1104:832', '960:960', '832:1104', '720:1280', '1920:1080', '1648:1248', '1440:1440', '1248:1648', '1080:1920'] as const;
/** Hailuo 3 takes an aspect ratio and a resolution; at 768p these are its frame sizes. */
export const HAILUO3: Record<string, '16:9' | '9:16' | '1:1' | '4:3' | '3:4' | '21:9'> = {
  '1366x768': '16:9',
  '768x1366': '9:16',
  '768x768': '1:1',
  '1024x768': '4:3',
  '768x1024': '3:4',
  '1792x768': '21:9',
};

const px = (ratios: readonly string[]): string[] => ratios.map(xSize);

// ── bodies ───────────────────────────────────────────────────────────────────────────────────────

const contentModeration = lazy(() => z.strictObject({ publicFigureThreshold: z.optional(z.enum(['auto', 'low'])) }));
const seed = lazy(() => z.number().check(z.int(), z.minimum(0), z.maximum(4294967295)));

/** The bodies of the three endpoints (built on first use: rendering and tests need them, compiling does not). */
export const runwayBodies = lazy(() => {
  const uri = z.string().check(z.minLength(1));
  const promptText = z.string().check(z.minLength(1), z.maxLength(3500));
  const promptImage = z.strictObject({ uri, position: z.optional(z.enum(['first', 'last'])) });
  /** Fields shared by the create bodies shotc emits (the SDK's per-model unions are checked in `emit`). */
  const createFields = {
    model: z.string().check(z.minLength(1)),
    promptText,
    ratio: z.optional(z.string().check(z.minLength(1))),
    resolution: z.optional(z.string().check(z.minLength(1))),
    duration: z.optional(z.number().check(z.int(), z.positive())),
    audio: z.optional(z.boolean()),
    negativePrompt: z.optional(z.string().check(z.minLength(1))),
    seed: z.optional(seed()),
    contentModeration: z.optional(contentModeration()),
  };
  return {
    text: z.strictObject({ ...createFields, references: z.optional(z.array(z.strictObject({ uri }))) }),
    image: z.strictObject({ ...createFields, promptImage: z.union([uri, z.array(promptImage).check(z.minLength(1))]) }),
    video: z.strictObject({ model: z.literal('aleph2'), videoUri: uri, promptText, seed: createFields.seed, contentModeration: z.optional(contentModeration()) }),
  };
});

export const RUNWAY_PATHS = { text: '/v1/text_to_video', image: '/v1/image_to_video', video: '/v1/video_to_video' } as const;

// ── models ──────────────────────────────────────────────────────────────────────────────────────

const features = (f: Partial<Features>): Features => ({ reference: true, remix: true, edit: true, extend: false, audio: false, multiShot: false, ...f });

/**
 * USD per second. Runway bills credits at $0.01 each (docs.dev.runwayml.com/guides/setup); the
 * credits per second are estimates from Runway's API pricing page as read in 2026 (Veo with audio;
 * without audio it is half). The create response's `estimatedCost.credits` is authoritative.
 */
const PRICE_NOTE = 'Estimate: Runway bills credits ($0.01 each); the per-second rates are from its pricing page as read in 2026. The task\'s estimatedCost is authoritative.';
const CREDITS = { 'gen4.5': 12, gen4_turbo: 5, 'veo3.1': 40, 'veo3.1_fast': 15, aleph2: 15 } as const;
const NO_AUDIO_FACTOR = 0.5;

export const models: readonly ModelCard[] = [
  {
    id: 'gen4.5',
    label: 'Runway Gen-4.5',
    sizes: px(GEN45_IMAGE),
    textSizes: px(GEN45_TEXT),
    seconds: range(2, 10),
    features: features({}),
    maxPromptChars: 1000,
    pricePerSecond: bySize(px(GEN45_IMAGE), CREDITS['gen4.5'] / 100),
    settings: ['seed', 'contentModeration'],
    priceNote: PRICE_NOTE,
    notes: ['Silent video. Text-to-video renders 1280x720 or 720x1280; the other sizes need a first frame.'],
  },
  {
    id: 'gen4_turbo',
    label: 'Runway Gen-4 Turbo (image to video)',
    sizes: px(GEN4_TURBO),
    // The SDK types say only "number"; 5 and 10 s are the lengths Runway documents for Gen-4 Turbo.
    seconds: [5, 10],
    features: features({ text: false }),
    maxPromptChars: 1000,
    pricePerSecond: bySize(px(GEN4_TURBO), CREDITS.gen4_turbo / 100),
    settings: ['seed', 'contentModeration'],
    priceNote: PRICE_NOTE,
    notes: ['Needs a first frame (Reference:); silent video.'],
  },
  {
    id: 'veo3.1',
    label: 'Google Veo 3.1 on Runway',
    sizes: px(VEO),
    seconds: [4, 6, 8],
    features: features({ lastFrame: true, audio: true }),
    maxPromptChars: 1000,
    pricePerSecond: bySize(px(VEO), CREDITS['veo3.1'] / 100),
    settings: ['seed', 'negativePrompt', 'audio'],
    priceNote: PRICE_NOTE,
  },
  {
    id: 'veo3.1_fast',
    label: 'Google Veo 3.1 Fast on Runway',
    sizes: px(VEO),
    seconds: [4, 6, 8],
    features: features({ lastFrame: true, audio: true }),
    maxPromptChars: 1000,
    pricePerSecond: bySize(px(VEO), CREDITS['veo3.1_fast'] / 100),
    settings: ['seed', 'negativePrompt', 'audio'],
    priceNote: PRICE_NOTE,
  },
  {
    id: 'seedance2',
    label: 'ByteDance Seedance 2.0 on Runway',
    sizes: px(SEEDANCE2),
    // Not in the SDK types ("number | 'auto'"); 4–15 s is Seedance 2.0's documented range.
    seconds: range(4, 15),
    features: features({ lastFrame: true, audio: true }),
    maxPromptChars: 3500,
    maxReferenceImages: 9,
    pricePerSecond: {},
    settings: ['seed', 'audio', 'references'],
    priceNote: 'No per-second price is published for the API; the task\'s estimatedCost is authoritative.',
  },
  {
    id: 'wan3',
    label: 'Wan 3 on Runway',
    sizes: px(WAN3),
    // Not in the SDK types; 5 and 10 s are the lengths of Wan's earlier generations (an assumption).
    seconds: [5, 10],
    features: features({ lastFrame: true, audio: true }),
    // The SDK states no limit for wan3; shotc holds it to Seedance's 3,500.
    maxPromptChars: 3500,
    maxReferenceImages: 10,
    pricePerSecond: {},
    settings: ['audio', 'references'],
    priceNote: 'No per-second price is published for the API; the task\'s estimatedCost is authoritative.',
    notes: ['With a first frame the ratio is auto_480p/auto_720p/auto_1080p (the frame sets the aspect).', 'Lengths 5 and 10 s are an assumption; the SDK types do not list them.'],
  },
  {
    id: 'hailuo3',
    label: 'MiniMax Hailuo 3 on Runway',
    sizes: Object.keys(HAILUO3),
    apiSizes: Object.fromEntries(Object.entries(HAILUO3).map(([s, r]) => [s, `${r} at 768p`])),
    // Not in the SDK types; 6 and 10 s are Hailuo's documented lengths at 768p.
    seconds: [6, 10],
    features: features({ lastFrame: true }),
    maxPromptChars: 3500,
    maxReferenceImages: 9,
    pricePerSecond: {},
    settings: ['references'],
    priceNote: 'No per-second price is published for the API; the task\'s estimatedCost is authoritative.',
    notes: ['Rendered at 768p (the 2k tier is not offered by shotc).'],
  },
];

// ── emit ────────────────────────────────────────────────────────────────────────────────────────

type Common = { promptText: string; seed?: number; contentModeration?: { publicFigureThreshold?: 'auto' | 'low' }; audio?: boolean; negativePrompt?: string };

function common(clip: ResolvedClip, prompt: string, file: ResolvedFile): Common {
  const seed = used<number>(file, clip, 'seed');
  const moderation = used<Common['contentModeration']>(file, clip, 'contentModeration');
  const negative = used<string>(file, clip, 'negativePrompt');
  return {
    promptText: prompt,
    ...(seed !== undefined ? { seed } : {}),
    ...(moderation ? { contentModeration: moderation } : {}),
    ...(clip.card?.features.audio ? { audio: audioOn(file, clip) } : {}),
    ...(negative ? { negativePrompt: negative } : {}),
  };
}

function emit(clip: ResolvedClip, prompt: string, file: ResolvedFile): EmitResult {
  if (clip.kind !== 'create') return emitEdit(clip, prompt, file);
  const model = modelOf(clip);
  const size = clip.size.value.text;
  const ratio = colonSize(size);
  const duration = clip.seconds.value;
  const { first, last } = frames(clip);
  const c = common(clip, prompt, file);
  const mapping: string[] = [];

  if (first || model === 'gen4_turbo') {
    const images: EmitImage[] = [];
    if (first) images.push({ role: 'first', path: first });
    if (last && clip.card?.features.lastFrame) images.push({ role: 'last', path: last });
    const keyframes = images.map((im, i) => ({ uri: imagePlaceholder(i), position: im.role as 'first' | 'last' }));
    if (settingImages(file, 'references').length && clip.card?.maxReferenceImages) mapping.push('references: not sent with a first frame (Runway does not mix keyframes and reference images)');
    let body: I2V;
    switch (model) {
      case 'gen4.5':
        body = { model, promptText: c.promptText, ratio: ratio as (typeof GEN45_IMAGE)[number], duration, promptImage: [{ uri: imagePlaceholder(0), position: 'first' }], ...pick(c, 'seed', 'contentModeration') } satisfies I2V.Gen4_5;
        break;
      case 'gen4_turbo':
        body = { model, promptText: c.promptText, ratio: ratio as (typeof GEN4_TURBO)[number], duration, promptImage: [{ uri: imagePlaceholder(0), position: 'first' }], ...pick(c, 'seed', 'contentModeration') } satisfies I2V.Gen4Turbo;
        break;
      case 'veo3.1':
      case 'veo3.1_fast':
        body = { model, promptText: c.promptText, ratio: ratio as (typeof VEO)[number], duration: duration as 4 | 6 | 8, promptImage: keyframes, ...pick(c, 'seed', 'audio', 'negativePrompt') } satisfies I2V.Veo3_1 | I2V.Veo3_1Fast;
        break;
      case 'seedance2':
        body = { model, promptText: c.promptText, ratio: ratio as (typeof SEEDANCE2)[number], duration, promptImage: keyframes, ...pick(c, 'seed', 'audio') } satisfies I2V.Seedance2;
        break;
      case 'wan3': {
        const auto = `auto_${Math.min(...size.split('x').map(Number))}p`;
        const autoRatio = (['auto_480p', 'auto_720p', 'auto_1080p'] as const).find((r) => r === auto) ?? 'auto_720p';
        mapping.push(`ratio ${autoRatio}: with keyframes the first frame sets the aspect`);
        body = { model, promptText: c.promptText, ratio: autoRatio, duration, promptImage: keyframes, ...pick(c, 'audio') } satisfies I2V.Wan3;
        break;
      }
      case 'hailuo3':
        body = { model, promptText: c.promptText, ratio: HAILUO3[size] ?? '16:9', resolution: '768p', duration, promptImage: keyframes } satisfies I2V.Hailuo3;
        break;
      default:
        // A model Runway does not have: limits/model reports it; the body shows what was asked.
        return { request: { method: 'POST', path: RUNWAY_PATHS.image, body: { model, promptText: c.promptText, ratio, duration, promptImage: keyframes } }, diagnostics: [], images, mapping };
    }
    return { request: { method: 'POST', path: RUNWAY_PATHS.image, body: body as unknown as Record<string, unknown> }, diagnostics: [], images, mapping };
  }

  const refs = clip.card?.maxReferenceImages ? settingImages(file, 'references') : [];
  const references = refs.map((_, i) => ({ uri: imagePlaceholder(i) }));
  const withRefs = references.length ? { references } : {};
  let body: T2V;
  switch (model) {
    case 'gen4.5':
      body = { model, promptText: c.promptText, ratio: ratio as (typeof GEN45_TEXT)[number], duration, ...pick(c, 'seed', 'contentModeration') } satisfies T2V.Gen4_5;
      break;
    case 'veo3.1':
    case 'veo3.1_fast':
      body = { model, promptText: c.promptText, ratio: ratio as (typeof VEO)[number], duration: duration as 4 | 6 | 8, ...pick(c, 'seed', 'audio', 'negativePrompt') } satisfies T2V.Veo3_1 | T2V.Veo3_1Fast;
      break;
    case 'seedance2':
      body = { model, promptText: c.promptText, ratio: ratio as (typeof SEEDANCE2)[number], duration, ...pick(c, 'seed', 'audio'), ...withRefs } satisfies T2V.Seedance2;
      break;
    case 'wan3':
      body = { model, promptText: c.promptText, ratio: ratio as (typeof WAN3)[number], duration, ...pick(c, 'audio'), ...withRefs } satisfies T2V.Wan3;
      break;
    case 'hailuo3':
      body = { model, promptText: c.promptText, ratio: HAILUO3[size] ?? '16:9', resolution: '768p', duration, ...withRefs } satisfies T2V.Hailuo3;
      break;
    default:
      return { request: { method: 'POST', path: RUNWAY_PATHS.text, body: { model, promptText: c.promptText, ratio, duration } }, diagnostics: [], images: refs, mapping };
  }
  return { request: { method: 'POST', path: RUNWAY_PATHS.text, body: body as unknown as Record<string, unknown> }, diagnostics: [], images: refs, mapping };
}

/** A REMIX or EDIT: Aleph 2 edits the source clip's video with the clip's one change. */
function emitEdit(clip: ResolvedClip, prompt: string, file: ResolvedFile): EmitResult {
  const seed = value<number>(file, 'seed');
  const moderation = value<Common['contentModeration']>(file, 'contentModeration');
  const body = {
    model: 'aleph2',
    videoUri: VIDEO_URL,
    promptText: prompt,
    ...(seed !== undefined ? { seed } : {}),
    ...(moderation ? { contentModeration: moderation } : {}),
  } satisfies V2V.Variant0;
  const mapping = [`${clip.kind.toUpperCase()} → an Aleph 2 edit (video to video) of ${clip.source?.name ?? 'the source'}'s video`];
  return { request: { method: 'POST', path: RUNWAY_PATHS.video, body }, diagnostics: [], images: [], mapping };
}

function pick<T extends object, K extends keyof T>(o: T, ...keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

// ── review and estimate ─────────────────────────────────────────────────────────────────────────

function review(file: ResolvedFile): TargetFinding[] {
  const f = new Findings();
  const refs = value<string[]>(file, 'references') ?? [];
  for (const clip of file.clips) {
    const card = clip.card;
    if (!card) continue;
    if ((clip.kind === 'remix' || clip.kind === 'edit') && clip.source?.videoId) {
      f.add('feature', { span: clip.source.span }, `Runway cannot edit ${clip.source.videoId}: it edits only videos made in this file. Name the clip it came from.`);
    }
    if (clip.kind === 'create' && refs.length && card.maxReferenceImages !== undefined && refs.length > card.maxReferenceImages) {
      f.add('feature', where(file, 'references'), `${card.id} takes at most ${card.maxReferenceImages} reference images; references lists ${refs.length}.`);
    }
  }
  return f.list;
}

function estimate(clip: ResolvedClip, file: ResolvedFile): number | null {
  const seconds = clip.seconds.value;
  if (clip.kind === 'remix' || clip.kind === 'edit') return Math.round((CREDITS.aleph2 / 100) * seconds * 10000) / 10000;
  const card = clip.card;
  if (!card) return null;
  const usd = price(card, clip.size.value.text, seconds);
  if (usd === null) return null;
  return card.features.audio && !audioOn(file, clip) ? Math.round(usd * NO_AUDIO_FACTOR * 10000) / 10000 : usd;
}

// ── the target ──────────────────────────────────────────────────────────────────────────────────

export const runwaySettings = lazy(() => ({
  seed: seed(),
  negativePrompt: z.string().check(z.minLength(1)),
  audio: z.boolean(),
  contentModeration: contentModeration(),
  references: z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(30)),
}));

export const runwayTarget: Target = {
  id: 'runway',
  name: 'Runway (developer API)',
  provider: 'Runway',
  sdk: RUNWAY_SDK,
  status: { live: true },
  keyEnv: ['RUNWAYML_API_SECRET'],
  defaultModel: 'gen4.5',
  defaultSeconds: 5,
  defaultSize: '1280x720',
  models,
  get settings() {
    return runwaySettings();
  },
  emit,
  get bodySchemas() {
    const b = runwayBodies();
    return { create: z.union([b.text, b.image]), remix: b.video, edit: b.video };
  },
  review,
  estimate,
};
