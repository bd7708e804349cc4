/**
 * What a video API target is: limits as data (models, lengths, sizes, features, prices) plus the
 * code that turns a resolved clip into that API's request. Adding an API is adding one module
 * that exports a `Target`; the resolver, the lint rules, the estimate and the CLI read only this
 * interface.
 */
import type { z } from 'zod';
import type { Diagnostic } from '../diagnostics/index.js';
import type { ResolvedClip, ResolvedFile } from '../resolve/model.js';

export type Endpoint = 'create' | 'remix' | 'extend' | 'edit';

export interface Features {
  /** A first-frame image (`Reference:`). */
  reference: boolean;
  remix: boolean;
  edit: boolean;
  extend: boolean;
  /** The model generates sound with the video (dialogue, ambience). */
  audio: boolean;
  /** The model takes a whole shot list with per-shot durations in one request. */
  multiShot: boolean;
}

export interface ModelCard {
  id: string;
  /** Display name for listings. */
  label: string;
  /** A dated snapshot points at its family (`sora-2-2025-10-06` → `sora-2`). */
  snapshotOf?: string;
  /** Allowed sizes as `WIDTHxHEIGHT`. */
  sizes: readonly string[];
  /** Allowed lengths of a newly created clip, in seconds. */
  seconds: readonly number[];
  /** Allowed lengths of one extension (when `features.extend`). */
  extendSeconds?: readonly number[];
  /** Longest a clip may get through extensions, in seconds. */
  maxTotalSeconds?: number;
  /** Most extensions of one clip. */
  maxExtensions?: number;
  features: Features;
  /** Longest prompt accepted, in characters. */
  maxPromptChars: number;
  /** USD per output second, by size (`WIDTHxHEIGHT`). */
  pricePerSecond: Readonly<Record<string, number>>;
  /** Values the provider's guide documents but its API contract rejects (explained in diagnostics). */
  guideOnly?: { sizes?: readonly string[]; seconds?: readonly number[]; extendSeconds?: readonly number[] };
  notes?: readonly string[];
}

/** The HTTP request a clip compiles to (for SDK-only APIs, `path` names the SDK call). */
export interface EmittedRequest {
  method: 'POST';
  path: string;
  body: Record<string, unknown>;
}

export interface InputReference {
  path: string;
  mimeType: string;
  width: number;
  height: number;
}

export interface EmitResult {
  request: EmittedRequest;
  /** Problems found while mapping the clip onto this API (features it lacks, …). */
  diagnostics: Diagnostic[];
}

export interface Target {
  id: string;
  /** Human name: "OpenAI Sora 2 (Videos API)". */
  name: string;
  provider: string;
  /** The official SDK the requests are checked against and rendered through. */
  sdk: { package: string; version: string };
  /** Whether the hosted API serves requests today; `note` says what to do when it does not. */
  status: { live: boolean; note?: string };
  /** Environment variable(s) holding the API key. */
  keyEnv: readonly string[];
  defaultModel: string;
  defaultSeconds: number;
  defaultSize: string;
  models: readonly ModelCard[];
  /** Extra front-matter settings this target understands (zod object shape). */
  settings: z.ZodRawShape;
  /** The request for one clip; `prompt` is already rendered. */
  emit(clip: ResolvedClip, prompt: string, file: ResolvedFile): EmitResult;
  /** The zod schema of each endpoint's body (the plan's `request.body` validates against it). */
  bodySchemas: Partial<Record<Endpoint, z.ZodType>>;
}

export function findModel(target: Target, id: string): ModelCard | undefined {
  return target.models.find((m) => m.id === id);
}

/** USD for `seconds` of output at `size`, or null when the model has no price for that size. */
export function price(model: ModelCard, size: string, seconds: number): number | null {
  const perSecond = model.pricePerSecond[size];
  return perSecond === undefined ? null : Math.round(perSecond * seconds * 10000) / 10000;
}
