/**
 * The catalogue of every diagnostic code: stable code, rule name, default severity and a one-line
 * summary. Codes and rule names are a contract with users (configs, disable comments, CI
 * filters): never renumber, never reuse. The full documentation of each entry is the markdown
 * file named in `doc`, gathered into `spec/diagnostics.md` (and printed by `shotc explain`).
 */
import type { Severity } from './diagnostic.js';

export interface CatalogueEntry {
  code: string;
  rule: string;
  severity: Severity;
  summary: string;
}

const entries = [
  // Syntax: what the parser reports.
  { code: 'SC101', rule: 'syntax/unknown-key', severity: 'warning', summary: 'A keyed line whose key is not in the vocabulary (likely misspelt).' },
  { code: 'SC102', rule: 'syntax/stray-prose', severity: 'warning', summary: 'Prose outside any section, shot or clip.' },
  { code: 'SC103', rule: 'syntax/misplaced-line', severity: 'error', summary: 'A line that cannot appear where it is (a shot outside a clip, a section inside CAST, …).' },
  { code: 'SC104', rule: 'syntax/front-matter', severity: 'error', summary: 'The YAML front matter is not closed or not valid YAML.' },
  { code: 'SC105', rule: 'syntax/clip-header', severity: 'error', summary: 'A CLIP header without a name, with an unknown or repeated attribute, or with conflicting sources.' },
  { code: 'SC106', rule: 'syntax/look-header', severity: 'error', summary: 'A LOOK heading without a name or with extra words.' },
  { code: 'SC107', rule: 'syntax/timing', severity: 'error', summary: 'A shot timing line with an unclosed title quote or camera parenthesis.' },
  { code: 'SC108', rule: 'syntax/dialogue-quotes', severity: 'warning', summary: 'A dialogue line whose words are not quoted, or whose quote is not closed.' },
  { code: 'SC109', rule: 'syntax/note', severity: 'error', summary: 'A [[ note without its closing ]].' },
  { code: 'SC110', rule: 'syntax/mixed-indentation', severity: 'info', summary: 'Indentation mixes tabs and spaces.' },
  { code: 'SC111', rule: 'syntax/key-context', severity: 'warning', summary: 'A known key used where it has no meaning (Camera: outside a shot, Style: inside one).' },
  { code: 'SC112', rule: 'syntax/empty', severity: 'warning', summary: 'A key, cast entry or heading with nothing after it.' },
  { code: 'SC113', rule: 'syntax/cast-name', severity: 'warning', summary: 'A cast entry whose name is not written in capitals.' },
  { code: 'SC114', rule: 'syntax/looks-like-timing', severity: 'warning', summary: 'A line in a clip that looks like a shot timing line but is not one.' },
  { code: 'SC115', rule: 'syntax/reads-as-prose', severity: 'warning', summary: 'A line in a clip that reads as prose but was meant otherwise: Reference or a NAME without its colon, a key without the space after its colon, USING night on a line of its own.' },
  { code: 'SC116', rule: 'syntax/heading-form', severity: 'warning', summary: 'A CAST, LOOK or CLIP heading written with a colon or not in capitals (read as the heading).' },
  { code: 'SC199', rule: 'syntax/unexpected', severity: 'error', summary: 'The parser could not make sense of a line.' },
  // Settings: front matter and shotc.yaml.
  { code: 'SC201', rule: 'settings/unknown', severity: 'warning', summary: 'A setting the compiler does not know (ignored).' },
  { code: 'SC202', rule: 'settings/invalid', severity: 'error', summary: 'A setting with a value of the wrong type or out of range.' },
  { code: 'SC203', rule: 'settings/config-file', severity: 'error', summary: 'The project config file shotc.yaml cannot be read or parsed.' },
  { code: 'SC204', rule: 'settings/default-size', severity: 'info', summary: 'No size is given, so the target default applies (Sora 2: 720x1280 portrait).' },
  { code: 'SC205', rule: 'settings/target', severity: 'error', summary: 'An unknown target.' },
  // References between clips, looks and characters, and reference images.
  { code: 'SC301', rule: 'refs/unknown', severity: 'error', summary: 'REMIX, EXTEND, EDIT or USING names nothing defined before it.' },
  { code: 'SC302', rule: 'refs/duplicate', severity: 'error', summary: 'Two clips, looks or characters share one name.' },
  { code: 'SC303', rule: 'refs/cycle', severity: 'error', summary: 'Clips depend on each other in a cycle.' },
  { code: 'SC304', rule: 'reference/missing', severity: 'error', summary: 'A Reference: image that does not exist.' },
  { code: 'SC305', rule: 'reference/outside-project', severity: 'error', summary: 'A Reference: path that escapes the project directory.' },
  { code: 'SC306', rule: 'reference/format', severity: 'error', summary: 'A Reference: file that is not JPEG, PNG or WebP (by content).' },
  { code: 'SC307', rule: 'reference/size', severity: 'error', summary: 'A Reference: image whose pixel size differs from the clip size.' },
  // Limits of the target.
  { code: 'SC401', rule: 'limits/seconds', severity: 'error', summary: 'A clip length the target does not allow.' },
  { code: 'SC402', rule: 'limits/size', severity: 'error', summary: 'A size the model does not allow.' },
  { code: 'SC403', rule: 'limits/model', severity: 'error', summary: 'A model the target does not have.' },
  { code: 'SC404', rule: 'limits/prompt-length', severity: 'error', summary: 'A prompt longer than the target accepts.' },
  { code: 'SC405', rule: 'limits/extension', severity: 'error', summary: 'An extension too long, or a chain beyond the total the target allows.' },
  { code: 'SC406', rule: 'limits/feature', severity: 'error', summary: 'A construct the target cannot do (remix, edit, extend, reference image, …).' },
  { code: 'SC407', rule: 'limits/ignored', severity: 'warning', summary: 'A setting or construct the target ignores.' },
  // Timing of shots within a clip.
  { code: 'SC501', rule: 'timing/overlap', severity: 'error', summary: 'A shot starts before the previous one ends.' },
  { code: 'SC502', rule: 'timing/gap', severity: 'warning', summary: 'A shot starts after the previous one ends, leaving a gap.' },
  { code: 'SC503', rule: 'timing/bounds', severity: 'error', summary: 'Shots do not start at 0, end at the clip length, or end after they start.' },
  // Prose, prompt craft and content guardrails (lint rules in src/core/lint/rules/{prose,craft,guardrail}-*.ts
  // and reference-face.ts; each documented beside its rule file).
  { code: 'SC308', rule: 'reference/face', severity: 'warning', summary: 'A Reference: image that shows a human face (the API rejects such inputs).' },
  { code: 'SC601', rule: 'prose/length-in-prose', severity: 'warning', summary: 'Prose that asks for a length ("a 20-second video"); length is a setting.' },
  { code: 'SC602', rule: 'prose/resolution-in-prose', severity: 'warning', summary: 'Prose that asks for a resolution or orientation ("in 4K", "vertical video"); size is a setting.' },
  { code: 'SC651', rule: 'craft/one-camera-move', severity: 'warning', summary: 'A shot with more than one camera move.' },
  { code: 'SC652', rule: 'craft/one-action', severity: 'warning', summary: 'A shot with more than one subject action.' },
  { code: 'SC653', rule: 'craft/vague', severity: 'warning', summary: 'Vague wording (beautiful, cinematic, epic…) where concrete visual cues work better.' },
  { code: 'SC654', rule: 'craft/dialogue-fits', severity: 'warning', summary: 'More dialogue than can be spoken in the shot or clip.' },
  { code: 'SC655', rule: 'craft/prompt-length', severity: 'warning', summary: 'A prompt far longer than the length that helps the model.' },
  { code: 'SC656', rule: 'craft/remix-one-change', severity: 'warning', summary: 'A REMIX or EDIT that asks for more than one change.' },
  { code: 'SC657', rule: 'craft/cast-drift', severity: 'warning', summary: 'A cast member described in a clip in a way that contradicts their CAST entry.' },
  { code: 'SC658', rule: 'craft/style-first', severity: 'warning', summary: 'A clip with no Style to set the overall look first.' },
  { code: 'SC659', rule: 'craft/cast-name-case', severity: 'warning', summary: 'A cast member named in a clip in ordinary case and nowhere in capitals, so the clip leaves out their description.' },
  { code: 'SC701', rule: 'guardrail/real-person', severity: 'error', summary: 'A real person or public figure (the API refuses to generate them).' },
  { code: 'SC702', rule: 'guardrail/copyrighted-character', severity: 'error', summary: 'A copyrighted character (the API refuses them).' },
  { code: 'SC703', rule: 'guardrail/copyrighted-music', severity: 'error', summary: 'A copyrighted song or a named artist\'s music (the API refuses them).' },
  { code: 'SC704', rule: 'guardrail/under-18', severity: 'error', summary: 'Content not suitable for under-18 audiences (the API refuses it).' },
  // Lint configuration.
  { code: 'SC801', rule: 'lint/unknown-rule', severity: 'warning', summary: 'A lint setting names a rule that does not exist.' },
  { code: 'SC802', rule: 'lint/bad-directive', severity: 'warning', summary: 'A shotc-disable comment names a rule that does not exist.' },
] as const satisfies readonly CatalogueEntry[];

export type Code = (typeof entries)[number]['code'];
export type RuleName = (typeof entries)[number]['rule'];

const byCode = new Map<string, CatalogueEntry>();
const byRule = new Map<string, CatalogueEntry>();

/** Register entries (lint rule modules add theirs on import). Duplicates are a programming error. */
export function registerEntries(list: readonly CatalogueEntry[]): void {
  for (const e of list) {
    const known = byCode.get(e.code);
    if (known && known.rule !== e.rule) throw new Error(`diagnostic code ${e.code} registered twice`);
    byCode.set(e.code, e);
    byRule.set(e.rule, e);
  }
}
registerEntries(entries);

export function entryForCode(code: string): CatalogueEntry | undefined {
  return byCode.get(code.toUpperCase());
}
export function entryForRule(rule: string): CatalogueEntry | undefined {
  return byRule.get(rule);
}
/** A code or a rule name, as `shotc explain` and disable comments accept either. */
export function lookupEntry(codeOrRule: string): CatalogueEntry | undefined {
  return byCode.get(codeOrRule.toUpperCase()) ?? byRule.get(codeOrRule);
}
export function allEntries(): CatalogueEntry[] {
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}
