/**
 * Render providers by target id. Each entry says where its key and base URL come from, so the CLI
 * can explain what is missing without knowing any one API.
 */
import type { AssetKind, ProviderFactory } from './types.js';

/** Sora 2's downloadable assets (`GET /videos/{id}/content?variant=`), video first. */
export const SORA_ASSETS: readonly AssetKind[] = [
  { variant: 'video', suffix: '.mp4', media: 'mp4' },
  { variant: 'thumbnail', suffix: '.thumbnail.webp', media: 'webp' },
  { variant: 'spritesheet', suffix: '.spritesheet.jpg', media: 'jpeg' },
];

export interface ProviderEntry {
  target: string;
  /** Environment variables holding the API key, first found wins. */
  keyEnv: readonly string[];
  /** Environment variable holding the base URL, if the SDK takes one. */
  baseUrlEnv: string | null;
  /** What each completed clip downloads (known without loading the SDK, for dry runs). */
  assets: readonly AssetKind[];
  load(): Promise<ProviderFactory>;
}

/** Runway, Veo and fal give one video per job. */
const VIDEO: readonly AssetKind[] = [{ variant: 'video', suffix: '.mp4', media: 'mp4' }];

const entries: ProviderEntry[] = [
  { target: 'sora-2', keyEnv: ['OPENAI_API_KEY'], baseUrlEnv: 'OPENAI_BASE_URL', assets: SORA_ASSETS, load: async () => (await import('./sora-2.js')).sora2Provider },
  // Each SDK's own variables: RUNWAYML_API_SECRET/RUNWAYML_BASE_URL, GOOGLE_API_KEY or GEMINI_API_KEY/GOOGLE_GEMINI_BASE_URL;
  // fal's client has no base-URL variable, so FAL_BASE_URL is shotc's (for `shotc emulate`).
  { target: 'runway', keyEnv: ['RUNWAYML_API_SECRET'], baseUrlEnv: 'RUNWAYML_BASE_URL', assets: VIDEO, load: async () => (await import('./runway.js')).runwayProvider },
  { target: 'veo', keyEnv: ['GOOGLE_API_KEY', 'GEMINI_API_KEY'], baseUrlEnv: 'GOOGLE_GEMINI_BASE_URL', assets: VIDEO, load: async () => (await import('./veo.js')).veoProvider },
  { target: 'fal', keyEnv: ['FAL_KEY'], baseUrlEnv: 'FAL_BASE_URL', assets: VIDEO, load: async () => (await import('./fal.js')).falProvider },
];

export function providerFor(target: string): ProviderEntry | undefined {
  return entries.find((e) => e.target === target);
}

export function renderableTargets(): string[] {
  return entries.map((e) => e.target);
}

/** For other targets' modules: add a provider without touching this file's list. */
export function registerProvider(entry: ProviderEntry): void {
  const i = entries.findIndex((e) => e.target === entry.target);
  if (i >= 0) entries[i] = entry;
  else entries.push(entry);
}
