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
export type Estimate = z.infer<typeof EstimateSchema>;
