/**
 * Settings from the CLI, the front matter and shotc.yaml, in that order of precedence, each key
 * validated with zod and reported at its exact place.
 */
import * as z from 'zod/mini';
import english from 'zod/v4/locales/en.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { spanForPath, type ParsedYaml, type YamlEntry } from '../frontmatter/yaml.js';
import type { Span } from '../source/index.js';
import { CoreSettingsSchema, type LintSettings } from '../settings/schema.js';
import { closest } from '../syntax/keys.js';
import { lazy } from '../util/lazy.js';
import type { Target } from '../targets/types.js';
import type { Origin, ResolvedSettings, Setting } from './model.js';

export interface SettingsLayer {
  origin: Extract<Origin, 'front matter' | 'config'>;
  /** Set for shotc.yaml: diagnostics point into that file. */
  file?: string;
  yaml: ParsedYaml;
  /** Span to report at when a problem has no better place (the fences, the file start). */
  fallback: Span;
}

export interface CliOverrides {
  target?: string;
  model?: string;
  budget?: number;
  size?: string;
  seconds?: number;
}

export interface LayerValues {
  layer: SettingsLayer;
  values: Record<string, unknown>;
}

export function settingSpan(layer: SettingsLayer, key: string): Span {
  return spanForPath(layer.yaml.entries, [key], layer.fallback);
}

/** Check one layer against the core keys and the target's keys; returns the valid values. */
export function validateLayer(layer: SettingsLayer, target: Target, out: Diagnostic[]): Record<string, unknown> {
  const extras = { file: layer.file };
  const data = layer.yaml.data;
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    out.push(diagnostic('SC202', layer.fallback, `Settings must be "key: value" lines, e.g. "model: sora-2-pro"; this is a ${Array.isArray(data) ? 'list' : typeof data}.`, extras));
    return {};
  }
  const shape: Record<string, z.core.$ZodType> = { ...CoreSettingsSchema.shape, ...target.settings };
  const known = Object.keys(shape);
  const values: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(data as Record<string, unknown>)) {
    const schema = shape[key];
    const span = settingSpan(layer, key);
    if (!schema) {
      const keySpan = keyOnly(layer.yaml.entries, key) ?? span;
      const guess = closest(key, known, 2);
      out.push(
        diagnostic('SC201', keySpan, guess ? `Unknown setting "${key}"; did you mean "${guess}"? It is ignored.` : `Unknown setting "${key}" (ignored). Settings are: ${known.join(', ')}.`, {
          ...extras,
          fixes: guess ? [{ title: `Rename to "${guess}"`, safe: true, edits: [{ span: keySpan, newText: guess }] }] : [],
        }),
      );
      continue;
    }
    // Settings are a handful of small values: zod's generated fast path would cost more to compile
    // than it saves. Messages are English only for reporting (zod leaves the locale to the app).
    const parsed = z.safeParse(schema, raw, { jitless: true });
    if (!parsed.success) {
      for (const issue of z.safeParse(schema, raw, { jitless: true, error: englishErrors() }).error!.issues) {
        const where = spanForPath(layer.yaml.entries, [key, ...issue.path.map(String)], span);
        // `1280 x 720`, `1280×720`, `1280*720`, `1280 by 720`: the size meant, written another way.
        const size = key === 'size' && typeof raw === 'string' ? /^\s*(\d+)\s*(?:[x×*]|\s+by\s+)\s*(\d+)\s*$/i.exec(raw) : null;
        const fixes = size ? [{ title: `Write ${size[1]}x${size[2]}`, safe: true, edits: [{ span: where, newText: `${size[1]}x${size[2]}` }] }] : [];
        out.push(diagnostic('SC202', where, `Setting "${[key, ...issue.path].join('.')}": ${describeIssue(issue)}.`, { ...extras, fixes }));
      }
      continue;
    }
    values[key] = parsed.data;
  }
  return values;
}

function keyOnly(entries: readonly YamlEntry[], key: string): Span | undefined {
  return entries.find((e) => e.path.length === 1 && e.path[0] === key)?.key;
}

const englishErrors = lazy(() => english().localeError);

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  // "rule: loud" — say what each form would have taken, not zod's "invalid input".
  if (issue.code === 'invalid_union' && issue.errors.length > 1 && issue.errors.every((e) => e.length === 1 && (e[0]!.code === 'invalid_type' || e[0]!.code === 'invalid_value'))) {
    return `expected ${issue.errors.map((e) => describeIssue(e[0]!).replace(/^expected /, '')).join(', or ')}`;
  }
  return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
}

/** zod's type names as a settings file's author reads them. */
const TYPE_WORDS: Readonly<Record<string, string>> = { tuple: 'a [value, options] list', array: 'a list', object: 'a set of "key: value" lines', string: 'text', number: 'a number', boolean: 'true or false' };

/** The first layer (highest precedence first) that sets `key`. */
export function pick<T>(layers: readonly LayerValues[], key: string): Setting<T> | null {
  for (const { layer, values } of layers) {
    if (values[key] !== undefined) {
      const s: Setting<T> = { value: values[key] as T, origin: layer.origin, span: settingSpan(layer, key) };
      if (layer.file) s.file = layer.file;
      return s;
    }
  }
  return null;
}

export function mergeSettings(layers: readonly LayerValues[], target: Target, targetSetting: Setting<string>): ResolvedSettings {
  const title = pick<string>(layers, 'title');
  const budget = pick<number>(layers, 'budget');
  const lint: LintSettings = {};
  const lintSpans: ResolvedSettings['lintSpans'] = [];
  // Lowest precedence first, so the front matter's rule settings win over the config's.
  for (const { layer, values } of [...layers].reverse()) {
    const l = values['lint'] as LintSettings | undefined;
    if (!l) continue;
    for (const [k, v] of Object.entries(l)) {
      if (k === 'allow' || k === 'allowPatterns') {
        const prev = (lint[k] as string[] | undefined) ?? [];
        lint[k] = [...prev, ...(v as string[])];
        continue;
      }
      lint[k] = v as LintSettings[string];
      // Point at the rule's name (an unknown rule is reported there), not at its severity.
      const span = layer.yaml.entries.find((e) => e.path.length === 2 && e.path[0] === 'lint' && e.path[1] === k)?.key ?? spanForPath(layer.yaml.entries, ['lint', k], layer.fallback);
      lintSpans.push(layer.file ? { file: layer.file, path: ['lint', k], span } : { path: ['lint', k], span });
    }
  }
  const extras: Record<string, Setting<unknown>> = {};
  for (const key of Object.keys(target.settings)) {
    const s = pick<unknown>(layers, key);
    if (s) extras[key] = s;
  }
  return { title: title?.value ?? null, target: targetSetting, budget, lint, lintSpans, extras };
}
