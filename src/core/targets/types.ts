/**
 * What a video API target is: limits as data (models, lengths, sizes, features, prices) plus the
 * code that turns a resolved clip into that API's request. Adding an API is adding one module
 * that exports a `Target`; the resolver, the lint rules, the estimate and the CLI read only this
 * interface.
 */
import type { z } from 'zod';
import type { Diagnostic, Fix, Severity } from '../diagnostics/index.js';
import type { ResolvedClip, ResolvedFile } from '../resolve/model.js';
import type { Span } from '../source/index.js';
import { standIn } from './stand-ins.js';

export type Endpoint = 'create' | 'remix' | 'extend' | 'edit';

export interface Features {
  /** A first-frame image (`Reference:`). */
  reference: boolean;
  /** A last-frame image: a clip's second `Reference:` line. */
  lastFrame?: boolean;
  /** Generates from text alone; false: the model needs a first frame (image-to-video only). */
  text?: boolean;
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
  /** Sizes a clip without a first frame may use, when text-to-video takes fewer than `sizes`. */
  textSizes?: readonly string[];
  /** Lengths that some sizes are limited to (Veo: 1080p and 4K make 8-second clips only). */
  secondsBySize?: Readonly<Record<string, readonly number[]>>;
  /** Lengths allowed when subject/style reference images are sent (Veo: 8 s). */
  secondsWithReferences?: readonly number[];
  /** Most subject/style reference images one request takes (absent: none). */
  maxReferenceImages?: number;
  /** The kinds of reference image the model takes (absent: `asset` only). */
  referenceTypes?: readonly ('asset' | 'style')[];
  /**
   * A clip longer than `seconds` allows is made as a chain: a create followed by extensions of
   * `extendSeconds` (plan entries `name`, `name~2`, …), within `maxExtensions`/`maxTotalSeconds`.
   */
  chain?: boolean;
  /** Sizes a video must have to be extended, when not every size can be (Veo: 720p). */
  extendSizes?: readonly string[];
  /** Per-shot lengths of a multi-shot request (`features.multiShot`). */
  shotSeconds?: { min: number; max: number; whole: boolean };
  /** Which of the target's settings this model uses; a setting it does not use is reported as ignored. */
  settings?: readonly string[];
  /** How the API writes each size (`1280:720`, `16:9 at 720p`), for cards and docs. */
  apiSizes?: Readonly<Record<string, string>>;
  /** Where the prices come from, and whether they are estimates. */
  priceNote?: string;
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

/** Which part an image plays in a request. */
export type ImageRole = 'first' | 'last' | 'asset' | 'style';

/**
 * An image a request sends. The request body holds `imagePlaceholder(i)` where the image goes;
 * the renderer puts the bytes there (a data URI, base64) in the form the SDK takes.
 */
export interface EmitImage {
  role: ImageRole;
  /** Relative to the `.shot` file's directory, as the renderer reads it. */
  path: string;
  /** Where it was written, when not in a `Reference:` line (a setting): problems are reported there. */
  at?: { span: Span; file?: string };
}

export interface EmitResult {
  request: EmittedRequest;
  /** Problems found while mapping the clip onto this API (features it lacks, …). */
  diagnostics: Diagnostic[];
  /** Images the request sends, in placeholder order (absent: only the first frame, as `inputReference`). */
  images?: EmitImage[];
  /** How the clip was mapped onto the API when it is not one-to-one, in words (`shotc compile --format text`). */
  mapping?: string[];
}

/** The placeholder for the `i`-th image of a request, replaced by the renderer. */
export function imagePlaceholder(i: number): string {
  return `{image:${i}}`;
}

/** Which limits rule reports a target's own finding. */
export type FindingRule = 'seconds' | 'size' | 'model' | 'prompt-length' | 'extension' | 'feature' | 'ignored';

/** A target-specific problem (settings, cross-field rules) that the card cannot express as data. */
export interface TargetFinding {
  rule: FindingRule;
  span: Span;
  /** Set when the span is in another file (shotc.yaml). */
  file?: string;
  message: string;
  severity?: Severity;
  fixes?: Fix[];
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
  bodySchemas: Partial<Record<Endpoint, z.core.$ZodType>>;
  /** Checks the card cannot express (settings, cross-field rules); the limits rules report them. */
  review?(file: ResolvedFile): readonly TargetFinding[];
  /** USD for a clip when the price depends on more than model, size and length (audio, edits). */
  estimate?(clip: ResolvedClip, file: ResolvedFile): number | null;
}

/** The model card for `id`: the target's own, or its stand-in for another target's model (see stand-ins.ts). */
export function findModel(target: Target, id: string): ModelCard | undefined {
  return target.models.find((m) => m.id === id) ?? standIn(target, id);
}

/** The model a clip renders with: its card's id (a stand-in's, when the file names another target's model). */
export function modelOf(clip: { card: ModelCard | undefined; model: { value: string } }): string {
  return clip.card?.id ?? clip.model.value;
}

/** USD for `seconds` of output at `size`, or null when the model has no price for that size. */
export function price(model: ModelCard, size: string, seconds: number): number | null {
  const perSecond = model.pricePerSecond[size];
  return perSecond === undefined ? null : Math.round(perSecond * seconds * 10000) / 10000;
}
