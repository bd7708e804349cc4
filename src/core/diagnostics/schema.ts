/** The zod schema of the user-facing diagnostic record (JSON output, plan, LSP data). */
import { z } from 'zod';

const LineColumnSchema = z.object({ line: z.number().int().min(1), column: z.number().int().min(1), offset: z.number().int().min(0) });
export const RangeSchema = z.object({ start: LineColumnSchema, end: LineColumnSchema });

export const DiagnosticRecordSchema = z.object({
  code: z.string().regex(/^SC\d{3}$/),
  rule: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string().min(1),
  file: z.string(),
  range: RangeSchema,
  related: z.array(z.object({ message: z.string(), file: z.string(), range: RangeSchema })).optional(),
  fixes: z
    .array(z.object({ title: z.string(), safe: z.boolean(), edits: z.array(z.object({ range: RangeSchema, newText: z.string() })) }))
    .optional(),
  tags: z.array(z.enum(['unnecessary', 'deprecated'])).optional(),
});
