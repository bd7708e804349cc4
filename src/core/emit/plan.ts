/**
 * The plan: what `compile` returns and `shotc compile --format json` prints. Field names are a
 * contract with users' tools (documented in spec/output.md); extend, never rename.
 */
import { z } from 'zod';
import { DiagnosticRecordSchema } from '../diagnostics/schema.js';

export const EstimateSchema = z.object({
  seconds: z.number().nonnegative(),
  /** null when the target has no price for the model and size. */
  usd: z.number().nonnegative().nullable(),
});

export const InputReferenceSchema = z.object({
  path: z.string(),
  mimeType: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

/** An image a request sends; the body holds `{image:N}` where the N-th one goes. */
export const PlanImageSchema = InputReferenceSchema.extend({ role: z.enum(['first', 'last', 'asset', 'style']) });

export const PlanClipSchema = z.object({
  name: z.string(),
  kind: z.enum(['create', 'remix', 'extend', 'edit']),
  request: z.object({ method: z.literal('POST'), path: z.string(), body: z.record(z.string(), z.unknown()) }),
  inputReference: InputReferenceSchema.nullable(),
  /** The clip (or `video_…` id) a REMIX, EXTEND or EDIT starts from. */
  source: z.string().nullable(),
  dependsOn: z.array(z.string()),
  /** sha256 of everything that decides the rendered result: the render cache key. */
  hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  estimate: EstimateSchema,
  /** What the rendered video will be. */
  output: z.object({ model: z.string(), size: z.string(), seconds: z.number().nonnegative() }),
  /** The prompt split by where each part came from. */
  promptParts: z.array(z.object({ origin: z.enum(['look', 'cast', 'clip', 'structure']), text: z.string() })),
  /** Every image the request sends, in `{image:N}` order (only for targets that send more than a first frame). */
  images: z.array(PlanImageSchema).optional(),
  /** How the clip maps onto the target when not one-to-one (multi-shot request, extension chain, …). */
  mapping: z.array(z.string()).optional(),
  /** Set on each request of an extension chain: the clip it belongs to and its place in the chain. */
  part: z.object({ of: z.string(), index: z.number().int().positive(), count: z.number().int().positive(), start: z.number().nonnegative() }).optional(),
});

export const PlanSchema = z.object({
  file: z.string(),
  title: z.string(),
  target: z.string(),
  clips: z.array(PlanClipSchema),
  diagnostics: z.array(DiagnosticRecordSchema),
  estimate: EstimateSchema,
});

export type Plan = z.infer<typeof PlanSchema>;
export type PlanClip = z.infer<typeof PlanClipSchema>;
export type PlanImage = z.infer<typeof PlanImageSchema>;
export type Estimate = z.infer<typeof EstimateSchema>;
