/**
 * Google Veo 3.1 through `models.generateVideos` of the Google Gen AI SDK, on the Gemini API
 * (default) or on Vertex AI (`backend: vertex`). A job is a long-running operation, polled with
 * `operations.getVideosOperation` until `done`.
 *
 * Checked against: npm `@google/genai` 2.32.0 (`dist/node/node.d.ts`: GenerateVideosParameters,
 * GenerateVideosConfig, VideoGenerationReferenceImage). Bodies are built with `satisfies
 * GenerateVideosParameters`, so `npm test` fails when the SDK and shotc disagree.
 *
 * The documented rules (Gemini API and Vertex Veo 3.1 pages, read 2026):
 * - lengths 4, 6 or 8 s; 1080p and 4K make 8-second clips only; so do requests with reference
 *   images (up to 3, asset images only on 3.1);
 * - a first frame (`image`), a last frame (`config.lastFrame`, with a first frame), or reference
 *   images — reference images do not combine with frames;
 * - an extension continues a Veo video by 7 s, 720p only, up to 20 times (148 s) on the Gemini
 *   API; Vertex extends inputs of up to 30 s (37 s in all);
 * - the Gemini API always makes sound with Veo 3.x and takes no `seed` (the SDK refuses both
 *   fields there); Vertex takes `generateAudio` and `seed`;
 * - `personGeneration`: Veo 3.1 takes `allow_all` for text-to-video and extensions and
 *   `allow_adult` with image inputs; `dont_allow` is Veo 2 only.
 */
import * as z from 'zod/mini';
import { lazy } from '../util/lazy.js';
import type { GenerateVideosParameters, VideoGenerationReferenceType } from '@google/genai';
import type { ResolvedClip, ResolvedFile } from '../resolve/model.js';
import { audioOn, aspectOf, bySize, clipAt, Findings, frames, resolutionOf, setting, settingImages, value, where } from './common.js';
import { chainFor } from './chain.js';
import { imagePlaceholder, modelOf, type EmitImage, type EmitResult, type Features, type ModelCard, type Target, type TargetFinding } from './types.js';

export const VEO_SDK = { package: '@google/genai', version: '2.32.0' } as const;

/** Placeholder for the source clip's video (its operation's result), known once it has rendered. */
export const VIDEO_URI = '{video_uri}';

export type VeoBackend = 'gemini' | 'vertex';

const SIZES_720 = ['1280x720', '720x1280'];
const SIZES_1080 = ['1920x1080', '1080x1920'];
const SIZES_4K = ['3840x2160', '2160x3840'];
const SIZES = [...SIZES_720, ...SIZES_1080, ...SIZES_4K];
const EIGHT_ONLY = bySize([...SIZES_1080, ...SIZES_4K], [8] as readonly number[]);
/** The Gemini API allows extending a video to 148 s; Vertex takes inputs up to 30 s (37 s out). */
const VERTEX_MAX_TOTAL = 37;

// ── bodies ──────────────────────────────────────────────────────────────────────────────────────

/** The create and extend bodies (built on first use: rendering and tests need them, compiling does not). */
export const veoBodies = lazy(() => {
  const text = () => z.string().check(z.minLength(1));
  const ImageBytes = z.strictObject({ imageBytes: text(), mimeType: z.optional(z.string()) });
  const Config = z.strictObject({
    numberOfVideos: z.literal(1),
    durationSeconds: z.optional(z.union([z.literal(4), z.literal(6), z.literal(8)])),
    aspectRatio: z.optional(z.enum(['16:9', '9:16'])),
    resolution: z.optional(z.enum(['720p', '1080p', '4k'])),
    negativePrompt: z.optional(text()),
    seed: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(4294967295))),
    generateAudio: z.optional(z.boolean()),
    personGeneration: z.optional(z.enum(['allow_all', 'allow_adult', 'dont_allow'])),
    lastFrame: z.optional(ImageBytes),
    referenceImages: z.optional(z.array(z.strictObject({ image: ImageBytes, referenceType: z.enum(['ASSET', 'STYLE']) })).check(z.maxLength(3))),
  });
  // The SDK's `source` form (its prompt/image/video arguments at the top level are deprecated).
  return {
    create: z.strictObject({ model: text(), source: z.strictObject({ prompt: text(), image: z.optional(ImageBytes) }), config: Config }),
    extend: z.strictObject({ model: text(), source: z.strictObject({ prompt: text(), video: z.strictObject({ uri: text() }) }), config: Config }),
  };
});

// ── models ──────────────────────────────────────────────────────────────────────────────────────

const features: Features = { reference: true, lastFrame: true, remix: false, edit: false, extend: true, audio: true, multiShot: false };

/**
 * USD per second of video with sound, from the Gemini API pricing page (ai.google.dev/pricing) as
 * read in 2026 — an estimate; 4K costs more. Without sound (Vertex only) the second table applies.
 */
const PRICES = {
  standard: { audio: { hd: 0.4, uhd: 0.6 }, silent: { hd: 0.2, uhd: 0.4 } },
  fast: { audio: { hd: 0.15, uhd: 0.35 }, silent: { hd: 0.1, uhd: 0.3 } },
} as const;
const PRICE_NOTE = 'Estimate from the Gemini API and Vertex AI pricing pages as read in 2026 (with sound; silent video, Vertex only, costs less).';

const base = {
  sizes: SIZES,
  seconds: [4, 6, 8],
  secondsBySize: EIGHT_ONLY,
  secondsWithReferences: [8],
  maxReferenceImages: 3,
  referenceTypes: ['asset'] as const,
  extendSeconds: [7],
  extendSizes: SIZES_720,
  maxExtensions: 20,
  maxTotalSeconds: 148,
  chain: true,
  features,
  // The API limits prompts to 1,024 tokens; shotc checks about four characters a token.
  maxPromptChars: 4000,
  apiSizes: Object.fromEntries(SIZES.map((s) => [s, `${aspectOf(s)} at ${resolutionOf(s) === '2160p' ? '4k' : resolutionOf(s)}`])),
  settings: ['backend', 'project', 'location', 'seed', 'negativePrompt', 'audio', 'personGeneration', 'referenceImages'],
  priceNote: PRICE_NOTE,
};

const prices = (tier: keyof typeof PRICES): Record<string, number> => bySize(SIZES, (s) => (SIZES_4K.includes(s) ? PRICES[tier].audio.uhd : PRICES[tier].audio.hd));

export const models: readonly ModelCard[] = [
  { id: 'veo-3.1-generate-preview', label: 'Veo 3.1 (Gemini API)', ...base, pricePerSecond: prices('standard') },
  { id: 'veo-3.1-fast-generate-preview', label: 'Veo 3.1 Fast (Gemini API)', ...base, pricePerSecond: prices('fast') },
  { id: 'veo-3.1-generate-001', label: 'Veo 3.1 (Vertex AI)', ...base, pricePerSecond: prices('standard') },
  { id: 'veo-3.1-fast-generate-001', label: 'Veo 3.1 Fast (Vertex AI)', ...base, pricePerSecond: prices('fast') },
];

// ── emit ────────────────────────────────────────────────────────────────────────────────────────

export function backendOf(file: ResolvedFile): VeoBackend {
  return value<VeoBackend>(file, 'backend') ?? 'gemini';
}

/** The REST path the SDK posts to, which also tells the renderer which backend the plan is for. */
export function veoPath(file: ResolvedFile, model: string): string {
  if (backendOf(file) === 'gemini') return `/v1beta/models/${model}:predictLongRunning`;
  const project = value<string>(file, 'project') ?? '{project}';
  const location = value<string>(file, 'location') ?? '{location}';
  return `/v1beta1/projects/${project}/locations/${location}/publishers/google/models/${model}:predictLongRunning`;
}

type Config = NonNullable<GenerateVideosParameters['config']>;

/** The config fields every request of this file carries (those its backend takes). */
function shared(file: ResolvedFile, clip: ResolvedClip): Config {
  const vertex = backendOf(file) === 'vertex';
  const negative = value<string>(file, 'negativePrompt');
  const seed = value<number>(file, 'seed');
  const person = value<string>(file, 'personGeneration');
  return {
    numberOfVideos: 1,
    ...(negative ? { negativePrompt: negative } : {}),
    ...(vertex && seed !== undefined ? { seed } : {}),
    ...(vertex ? { generateAudio: audioOn(file, clip) } : {}),
    ...(person ? { personGeneration: person } : {}),
  };
}

function emit(clip: ResolvedClip, prompt: string, file: ResolvedFile): EmitResult {
  const model = modelOf(clip);
  const size = clip.size.value.text;
  const path = veoPath(file, model);
  const aspectRatio = aspectOf(size) === '9:16' ? '9:16' : '16:9';
  const mapping: string[] = [];

  if (clip.kind === 'extend') {
    const body = {
      model,
      source: { prompt, video: { uri: VIDEO_URI } },
      config: { ...shared(file, clip), aspectRatio, resolution: '720p' },
    } satisfies GenerateVideosParameters;
    mapping.push(`an extension adds ${clip.card?.extendSeconds?.[0] ?? 7} s to ${clip.source?.name ?? 'its source'}'s video; the result holds both`);
    return { request: { method: 'POST', path, body }, diagnostics: [], images: [], mapping };
  }

  const { first, last } = frames(clip);
  const images: EmitImage[] = [];
  const config: Config = {
    ...shared(file, clip),
    durationSeconds: clip.seconds.value,
    aspectRatio,
    resolution: resolutionOf(size) === '2160p' ? '4k' : resolutionOf(size),
  };
  let image: { imageBytes: string } | undefined;
  if (first) {
    images.push({ role: 'first', path: first });
    image = { imageBytes: imagePlaceholder(0) };
    if (last) {
      images.push({ role: 'last', path: last });
      config.lastFrame = { imageBytes: imagePlaceholder(1) };
    }
    if (setting(file, 'referenceImages')) mapping.push('referenceImages: not sent with a first frame (Veo does not combine reference images with frames)');
  } else {
    const refs = settingImages(file, 'referenceImages', (e) => (typeof e === 'object' && e && (e as { type?: string }).type === 'style' ? 'style' : 'asset'));
    if (refs.length) {
      images.push(...refs);
      config.referenceImages = refs.map((r, i) => ({ image: { imageBytes: imagePlaceholder(i) }, referenceType: (r.role === 'style' ? 'STYLE' : 'ASSET') as VideoGenerationReferenceType }));
    }
  }
  const body = { model, source: { prompt, ...(image ? { image } : {}) }, config } satisfies GenerateVideosParameters;
  return { request: { method: 'POST', path, body }, diagnostics: [], images, mapping };
}

// ── review ──────────────────────────────────────────────────────────────────────────────────────

function review(file: ResolvedFile): TargetFinding[] {
  const f = new Findings();
  const gemini = backendOf(file) === 'gemini';
  if (gemini && setting(file, 'seed')) f.add('ignored', where(file, 'seed'), 'The Gemini API takes no seed for Veo (the SDK refuses it); it is not sent. Use backend: vertex for repeatable results.');
  if (gemini && value<boolean>(file, 'audio') === false) f.add('ignored', where(file, 'audio'), 'The Gemini API always makes sound with Veo 3.1; audio: false is not sent. Use backend: vertex for silent video.');
  const refs = value<unknown[]>(file, 'referenceImages') ?? [];
  const styles = refs.filter((r) => typeof r === 'object' && r && (r as { type?: string }).type === 'style');
  if (styles.length) f.add('feature', where(file, 'referenceImages'), 'Veo 3.1 takes asset reference images only (style images are Veo 2); remove type: style.');
  if (refs.length > 3) f.add('feature', where(file, 'referenceImages'), `Veo 3.1 takes at most 3 reference images; referenceImages lists ${refs.length}.`);
  const person = value<string>(file, 'personGeneration');
  if (person === 'dont_allow') f.add('feature', where(file, 'personGeneration'), 'Veo 3.1 cannot be told to leave people out (dont_allow is Veo 2 only); use allow_all or allow_adult, and describe no people.');

  for (const clip of file.clips) {
    const card = clip.card;
    if (!card) continue;
    const size = clip.size.value.text;
    const { first, last } = frames(clip);
    const withImages = Boolean(first) || (clip.kind === 'create' && refs.length > 0);
    if (person === 'allow_all' && withImages) {
      f.add('feature', where(file, 'personGeneration'), `Veo 3.1 takes personGeneration: allow_adult with image inputs ("${clip.name}" sends ${first ? 'a first frame' : 'reference images'}).`);
    }
    if (last && !first) f.add('feature', clipAt(clip), 'A last frame needs a first frame.');
    if (clip.kind === 'create' && !first && refs.length && !card.secondsWithReferences?.includes(clip.seconds.value) && !chainFor(card, clip.seconds.value, size)) {
      const span = clip.seconds.span && !clip.seconds.file ? { span: clip.seconds.span } : clipAt(clip);
      f.add('seconds', span, `With reference images Veo 3.1 makes 8-second clips; "${clip.name}" is ${clip.seconds.value} s.`);
    }
    if (clip.kind === 'extend' && clip.source?.videoId) f.add('feature', { span: clip.source.span }, `Veo cannot extend ${clip.source.videoId}: it extends only videos it made in this file. Name the clip it came from.`);
    if (!gemini) {
      const total = chainTotal(clip);
      if (total > VERTEX_MAX_TOTAL) f.add('extension', clip.source ? { span: clip.source.span } : clipAt(clip), `On Vertex AI Veo extends videos of up to 30 s (${VERTEX_MAX_TOTAL} s in all); "${clip.name}" would be ${total} s. Use the Gemini API (backend: gemini) for longer chains.`);
    }
  }
  return f.list;
}

/** Seconds of the video a clip ends with, following its EXTEND sources. */
function chainTotal(clip: ResolvedClip): number {
  let total = 0;
  let c: ResolvedClip | null = clip;
  const seen = new Set<ResolvedClip>();
  while (c && !seen.has(c)) {
    seen.add(c);
    total += c.seconds.value;
    c = c.kind === 'extend' ? (c.source?.clip ?? null) : null;
  }
  return total;
}

function estimate(clip: ResolvedClip, file: ResolvedFile): number | null {
  const card = clip.card;
  if (!card) return null;
  const tier = card.id.includes('fast') ? PRICES.fast : PRICES.standard;
  const table = audioOn(file, clip) || backendOf(file) === 'gemini' ? tier.audio : tier.silent;
  const perSecond = SIZES_4K.includes(clip.size.value.text) ? table.uhd : table.hd;
  return Math.round(perSecond * clip.seconds.value * 10000) / 10000;
}

// ── the target ──────────────────────────────────────────────────────────────────────────────────

export const veoSettings = lazy(() => ({
  backend: z.enum(['gemini', 'vertex']),
  project: z.string().check(z.minLength(1)),
  location: z.string().check(z.minLength(1)),
  seed: z.number().check(z.int(), z.minimum(0), z.maximum(4294967295)),
  negativePrompt: z.string().check(z.minLength(1)),
  audio: z.boolean(),
  personGeneration: z.enum(['allow_all', 'allow_adult', 'dont_allow']),
  referenceImages: z
    .array(z.union([z.string().check(z.minLength(1)), z.strictObject({ path: z.string().check(z.minLength(1)), type: z._default(z.enum(['asset', 'style']), 'asset') })]))
    .check(z.minLength(1)),
}));

export const veoTarget: Target = {
  id: 'veo',
  name: 'Google Veo 3.1 (Gemini API or Vertex AI)',
  provider: 'Google',
  sdk: VEO_SDK,
  status: { live: true },
  // The SDK's own order: GOOGLE_API_KEY wins when both are set.
  keyEnv: ['GOOGLE_API_KEY', 'GEMINI_API_KEY'],
  defaultModel: 'veo-3.1-generate-preview',
  defaultSeconds: 8,
  defaultSize: '1280x720',
  models,
  get settings() {
    return veoSettings();
  },
  emit,
  get bodySchemas() {
    return veoBodies();
  },
  review,
  estimate,
};
