/**
 * One `.shot` file, any target: a model written for another target (`model: sora-2-pro` in a file
 * compiled with `--target veo`) stands for that target's nearest model — the same family when the
 * target has it (Veo 3.1 on Runway, on fal, on Google), else the same tier (quality or fast). The
 * limits/model rule says which model was used, so nothing changes silently. A name no target
 * knows is still an error.
 */
import type { ModelCard, Target } from './types.js';

type Tier = 'quality' | 'fast';

type Family = 'veo' | 'sora';

interface Known {
  tier: Tier;
  family?: Family;
}

const KNOWN: Readonly<Record<string, Known>> = {
  'sora-2': { tier: 'fast', family: 'sora' },
  'sora-2-pro': { tier: 'quality', family: 'sora' },
  'gen4.5': { tier: 'quality' },
  gen4_turbo: { tier: 'fast' },
  'veo3.1': { tier: 'quality', family: 'veo' },
  'veo3.1_fast': { tier: 'fast', family: 'veo' },
  seedance2: { tier: 'quality' },
  wan3: { tier: 'quality' },
  hailuo3: { tier: 'quality' },
  'veo-3.1-generate-preview': { tier: 'quality', family: 'veo' },
  'veo-3.1-fast-generate-preview': { tier: 'fast', family: 'veo' },
  'veo-3.1-generate-001': { tier: 'quality', family: 'veo' },
  'veo-3.1-fast-generate-001': { tier: 'fast', family: 'veo' },
  'fal-ai/kling-video/v3/pro': { tier: 'quality' },
  'fal-ai/kling-video/v3/standard': { tier: 'fast' },
  'fal-ai/veo3.1': { tier: 'quality', family: 'veo' },
  'fal-ai/veo3.1/fast': { tier: 'fast', family: 'veo' },
  'fal-ai/ltx-2': { tier: 'quality' },
  'fal-ai/ltx-2/fast': { tier: 'fast' },
};

/** Each target's pick per tier, and per family where it has one. */
const PICKS: Readonly<Record<string, Record<Tier, string> & Partial<Record<Family, Record<Tier, string>>>>> = {
  'sora-2': { quality: 'sora-2-pro', fast: 'sora-2' },
  // Veo 3.1 rather than Gen-4.5: files written for Sora have dialogue, and Gen-4.5 is silent.
  runway: { quality: 'veo3.1', fast: 'veo3.1_fast' },
  veo: { quality: 'veo-3.1-generate-preview', fast: 'veo-3.1-fast-generate-preview' },
  fal: {
    quality: 'fal-ai/kling-video/v3/pro',
    fast: 'fal-ai/kling-video/v3/standard',
    veo: { quality: 'fal-ai/veo3.1', fast: 'fal-ai/veo3.1/fast' },
    // Kling Standard renders Sora 2's 720p sizes and any whole length from 3 to 15 s (4, 8, 12).
    sora: { quality: 'fal-ai/kling-video/v3/standard', fast: 'fal-ai/kling-video/v3/standard' },
  },
};

function known(id: string): Known | undefined {
  if (KNOWN[id]) return KNOWN[id];
  // Dated Sora snapshots (sora-2-2025-10-06, sora-2-pro-2025-10-06).
  if (/^sora-2-pro-\d{4}-\d{2}-\d{2}$/.test(id)) return { tier: 'quality', family: 'sora' };
  if (/^sora-2-\d{4}-\d{2}-\d{2}$/.test(id)) return { tier: 'fast', family: 'sora' };
  return undefined;
}

/** The target's model standing in for another target's `id`, or undefined (unknown id, or the target's own). */
export function standIn(target: Target, id: string): ModelCard | undefined {
  const k = known(id);
  const picks = PICKS[target.id];
  if (!k || !picks) return undefined;
  const pick = (k.family && picks[k.family]?.[k.tier]) || picks[k.tier];
  return target.models.find((m) => m.id === pick);
}
