/**
 * Every lint rule. Adding a rule is adding its file (and doc) under `rules/`, its catalogue
 * entry, and one line here.
 */
import { craftCastDrift } from './rules/craft-cast-drift.js';
import { craftCastNameCase } from './rules/craft-cast-name-case.js';
import { craftDialogueFits } from './rules/craft-dialogue-fits.js';
import { craftOneAction } from './rules/craft-one-action.js';
import { craftOneCameraMove } from './rules/craft-one-camera-move.js';
import { craftPromptLength } from './rules/craft-prompt-length.js';
import { craftRemixOneChange } from './rules/craft-remix-one-change.js';
import { craftStyleFirst } from './rules/craft-style-first.js';
import { craftVague } from './rules/craft-vague.js';
import { guardrailCopyrightedCharacter } from './rules/guardrail-copyrighted-character.js';
import { guardrailCopyrightedMusic } from './rules/guardrail-copyrighted-music.js';
import { guardrailRealPerson } from './rules/guardrail-real-person.js';
import { guardrailUnder18 } from './rules/guardrail-under-18.js';
import { limitsExtension } from './rules/limits-extension.js';
import { limitsFeature } from './rules/limits-feature.js';
import { limitsIgnored } from './rules/limits-ignored.js';
import { limitsModel } from './rules/limits-model.js';
import { limitsPromptLength } from './rules/limits-prompt-length.js';
import { limitsSeconds } from './rules/limits-seconds.js';
import { limitsSize } from './rules/limits-size.js';
import { proseLengthInProse } from './rules/prose-length-in-prose.js';
import { proseResolutionInProse } from './rules/prose-resolution-in-prose.js';
import { referenceFace } from './rules/reference-face.js';
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
  referenceFace,
  proseLengthInProse,
  proseResolutionInProse,
  craftOneCameraMove,
  craftOneAction,
  craftVague,
  craftDialogueFits,
  craftPromptLength,
  craftRemixOneChange,
  craftCastDrift,
  craftCastNameCase,
  craftStyleFirst,
  guardrailRealPerson,
  guardrailCopyrightedCharacter,
  guardrailCopyrightedMusic,
  guardrailUnder18,
];

export function allRules(): readonly Rule[] {
  return rules;
}

/** Register additional rules (plugins, tests). */
export function registerRules(more: readonly Rule[]): void {
  for (const r of more) if (!rules.includes(r)) rules.push(r);
}
