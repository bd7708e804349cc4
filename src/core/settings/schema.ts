/**
 * Settings: what front matter and shotc.yaml may say. Validated with zod; every problem becomes a
 * diagnostic at the exact key or value. Targets add their own keys (see `Target.settings`).
 */
import { z } from 'zod';

const severity = z.enum(['off', 'info', 'warning', 'error']);

/** `rule: severity` or `rule: [severity, options]`, as in ESLint. */
export const RuleSettingSchema = z.union([severity, z.tuple([severity, z.record(z.string(), z.unknown())])]);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

export const LintSettingsSchema = z
  .object({
    /** Terms never reported by the guardrail and craft rules (case-insensitive, whole words). */
    allow: z.array(z.string().min(1)).optional(),
    /** Regular expressions (JavaScript syntax) whose matches are never reported. */
    allowPatterns: z.array(z.string().min(1)).optional(),
  })
  .catchall(RuleSettingSchema);
export type LintSettings = z.infer<typeof LintSettingsSchema>;

const seconds = z.preprocess(
  (v) => (typeof v === 'string' && /^\d+(\.\d+)?s?$/.test(v.trim()) ? Number(v.trim().replace(/s$/, '')) : v),
  z.number().positive().max(3600),
);

export const CoreSettingsSchema = z.object({
  title: z.string().min(1).optional(),
  target: z.string().min(1).optional(),
  model: z.string().min(1).optional(),
  size: z
    .string()
    .regex(/^\d+x\d+$/, 'write the size as WIDTHxHEIGHT, e.g. 1280x720')
    .optional(),
  seconds: seconds.optional(),
  budget: z.number().nonnegative().optional(),
  lint: LintSettingsSchema.optional(),
});
export type CoreSettings = z.infer<typeof CoreSettingsSchema>;

export const CORE_SETTING_KEYS = Object.keys(CoreSettingsSchema.shape);
