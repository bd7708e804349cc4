/**
 * OpenAI Sora 2 through the Videos API — the reference target, exact to the contract in
 * `shared/contracts/openai-videos.openapi.yaml` (openai-openapi @ f85dbe2, 2026-08-21).
 *
 * Checked against: npm `openai` 6.49.0 (`resources/videos.d.ts`). The body types below must stay
 * assignable to the SDK's own parameter types; `npm test` type-checks that.
 *
 * OpenAI shut the hosted API down on 2026-09-24. Requests still compile exactly, and render on
 * compatible gateways (`--base-url`) and on `shotc emulate`.
 */
import * as z from 'zod/mini';
import { lazy } from '../util/lazy.js';
import type { VideoCreateParams, VideoEditParams, VideoExtendParams, VideoRemixParams } from 'openai/resources/videos';
import type { ResolvedClip } from '../resolve/model.js';
import { modelOf, type EmitResult, type Features, type ModelCard, type Target } from './types.js';

const CONTRACT_SIZES = ['720x1280', '1280x720', '1024x1792', '1792x1024'] as const;
const CONTRACT_SECONDS = ['4', '8', '12'] as const;

/** Each endpoint's body schema (built on first use: rendering and tests need them, compiling does not). */
export const soraBodies = lazy(() => {
  const seconds = z.enum(CONTRACT_SECONDS);
  const prompt = z.string().check(z.minLength(1), z.maxLength(32000));
  const video = z.strictObject({ id: z.string().check(z.minLength(1)) });
  return {
    create: z.strictObject({ model: z.string().check(z.minLength(1)), prompt, seconds, size: z.enum(CONTRACT_SIZES) }),
    remix: z.strictObject({ prompt }),
    extend: z.strictObject({ prompt, seconds, video }),
    edit: z.strictObject({ prompt, video }),
  };
});

type Bodies = ReturnType<typeof soraBodies>;
export type SoraCreateBody = z.infer<Bodies['create']>;
export type SoraRemixBody = z.infer<Bodies['remix']>;
export type SoraExtendBody = z.infer<Bodies['extend']>;
export type SoraEditBody = z.infer<Bodies['edit']>;

/** Compile-time proof that our bodies are what the SDK takes (the file upload is added at render). */
type Assignable<T extends U, U> = T;
export type SdkChecks = [
  Assignable<SoraCreateBody, Omit<VideoCreateParams, 'input_reference'>>,
  Assignable<SoraRemixBody, VideoRemixParams>,
  Assignable<SoraExtendBody, VideoExtendParams>,
  Assignable<SoraEditBody, VideoEditParams>,
];

const features: Features = { reference: true, remix: true, edit: true, extend: true, audio: true, multiShot: false };

const base = {
  seconds: [4, 8, 12],
  extendSeconds: [4, 8, 12],
  maxTotalSeconds: 120,
  maxExtensions: 6,
  features,
  maxPromptChars: 32000,
  guideOnly: { seconds: [16, 20], extendSeconds: [16, 20] },
} as const;

const sora2: Omit<ModelCard, 'id' | 'label'> = {
  ...base,
  sizes: ['1280x720', '720x1280'],
  pricePerSecond: { '1280x720': 0.1, '720x1280': 0.1 },
};
const sora2pro: Omit<ModelCard, 'id' | 'label'> = {
  ...base,
  sizes: ['1280x720', '720x1280', '1024x1792', '1792x1024'],
  pricePerSecond: { '1280x720': 0.3, '720x1280': 0.3, '1024x1792': 0.5, '1792x1024': 0.5 },
  guideOnly: { ...base.guideOnly, sizes: ['1920x1080', '1080x1920'] },
};

export const models: readonly ModelCard[] = [
  { id: 'sora-2', label: 'Sora 2 (speed, iteration)', ...sora2, notes: ['Default snapshot sora-2-2025-12-08.'] },
  { id: 'sora-2-pro', label: 'Sora 2 Pro (production quality)', ...sora2pro },
  { id: 'sora-2-2025-10-06', label: 'Sora 2, 2025-10-06 snapshot', snapshotOf: 'sora-2', ...sora2 },
  { id: 'sora-2-2025-12-08', label: 'Sora 2, 2025-12-08 snapshot', snapshotOf: 'sora-2', ...sora2 },
  { id: 'sora-2-pro-2025-10-06', label: 'Sora 2 Pro, 2025-10-06 snapshot', snapshotOf: 'sora-2-pro', ...sora2pro },
];

/** Path placeholder for a source video id that is only known once its clip has rendered. */
export const VIDEO_ID = '{video_id}';

function sourceId(clip: ResolvedClip): string {
  return clip.source?.videoId ?? VIDEO_ID;
}

function emit(clip: ResolvedClip, prompt: string): EmitResult {
  switch (clip.kind) {
    case 'remix':
      return { request: { method: 'POST', path: `/videos/${sourceId(clip)}/remix`, body: { prompt } satisfies SoraRemixBody }, diagnostics: [] };
    case 'edit':
      return { request: { method: 'POST', path: '/videos/edits', body: { prompt, video: { id: sourceId(clip) } } satisfies SoraEditBody }, diagnostics: [] };
    case 'extend':
      return {
        request: { method: 'POST', path: '/videos/extensions', body: { prompt, seconds: String(clip.seconds.value), video: { id: sourceId(clip) } } },
        diagnostics: [],
      };
    default:
      return {
        request: { method: 'POST', path: '/videos', body: { model: modelOf(clip), prompt, seconds: String(clip.seconds.value), size: clip.size.value.text } },
        diagnostics: [],
      };
  }
}

export const sora2Target: Target = {
  id: 'sora-2',
  name: 'OpenAI Sora 2 (Videos API)',
  provider: 'OpenAI',
  sdk: { package: 'openai', version: '6.49.0' },
  status: {
    live: false,
    note: 'OpenAI shut the hosted Videos API down on 2026-09-24; render on a compatible gateway (--base-url) or on `shotc emulate`.',
  },
  keyEnv: ['OPENAI_API_KEY'],
  defaultModel: 'sora-2',
  defaultSeconds: 4,
  defaultSize: '720x1280',
  models,
  settings: {},
  emit,
  get bodySchemas() {
    return soraBodies();
  },
};
