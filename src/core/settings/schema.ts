/**
 * Settings: what front matter and shotc.yaml may say. Validated with zod; every problem becomes a
 * diagnostic at the exact key or value. Targets add their own keys (see `Target.settings`).
 */
import * as z from 'zod/mini';

// zod's functional "mini" API: the chained one (`zod`) costs ~6 ms more of every CLI start to load
// and to build these schemas, and validates the same way.

const severity = z.enum(['off', 'info', 'warning', 'error']);

/** `rule: severity` or `rule: [severity, options]`, as in ESLint. */
export const RuleSettingSchema = z.union([severity, z.tuple([severity, z.record(z.string(), z.unknown())])]);
export type RuleSetting = z.infer<typeof RuleSettingSchema>;

const nonEmpty = () => z.string().check(z.minLength(1));

export const LintSettingsSchema = z.catchall(
  z.object({
    /** Terms never reported by the guardrail and craft rules (case-insensitive, whole words). */
    allow: z.optional(z.array(nonEmpty())),
    /** Regular expressions (JavaScript syntax) whose matches are never reported. */
    allowPatterns: z.optional(z.array(nonEmpty())),
  }),
  RuleSettingSchema,
);
export type LintSettings = z.infer<typeof LintSettingsSchema>;

const seconds = z.pipe(
  z.transform((v: unknown) => (typeof v === 'string' && /^\d+(\.\d+)?s?$/.test(v.trim()) ? Number(v.trim().replace(/s$/, '')) : v)),
  z.number().check(z.positive(), z.maximum(3600)),
);

export const CoreSettingsSchema = z.object({
  title: z.optional(nonEmpty()),
  target: z.optional(nonEmpty()),
  model: z.optional(nonEmpty()),
  size: z.optional(z.string().check(z.regex(/^\d+x\d+$/, 'write the size as WIDTHxHEIGHT, e.g. 1280x720'))),
  seconds: z.optional(seconds),
  budget: z.optional(z.number().check(z.nonnegative())),
  lint: z.optional(LintSettingsSchema),
});
export type CoreSettings = z.infer<typeof CoreSettingsSchema>;

export const CORE_SETTING_KEYS = Object.keys(CoreSettingsSchema.shape);
