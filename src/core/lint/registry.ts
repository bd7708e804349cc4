/**
 * Every lint rule. Adding a rule is adding its file (and doc) under `rules/`, its catalogue
 * entry, and one line here.
 */
import { limitsExtension } from './rules/limits-extension.js';
import { limitsFeature } from './rules/limits-feature.js';
import { limitsIgnored } from './rules/limits-ignored.js';
import { limitsModel } from './rules/limits-model.js';
import { limitsPromptLength } from './rules/limits-prompt-length.js';
import { limitsSeconds } from './rules/limits-seconds.js';
import { limitsSize } from './rules/limits-size.js';
import { referenceFormat } from './rules/reference-format.js';
import { referenceMissing } from './rules/reference-missing.js';
import { referenceOutsideProject } from './rules/reference-outside-project.js';
import { referenceSize } from './rules/reference-size.js';
import { timingBounds } from './rules/timing-bounds.js';
import { timingGap } from './rules/timing-gap.js';
import { timingOverlap } from './rules/timing-overlap.js';
import type { Rule } from './types.js';

const rules: Rule[] = [
  limitsSeconds,
  limitsSize,
  limitsModel,
  limitsPromptLength,
  limitsExtension,
  limitsFeature,
  limitsIgnored,
  timingOverlap,
  timingGap,
  timingBounds,
  referenceMissing,
  referenceOutsideProject,
  referenceFormat,
  referenceSize,
];

export function allRules(): readonly Rule[] {
  return rules;
}

/** Register additional rules (plugins, tests). */
export function registerRules(more: readonly Rule[]): void {
  for (const r of more) if (!rules.includes(r)) rules.push(r);
}
