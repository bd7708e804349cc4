/**
 * YAML (front matter and shotc.yaml) parsed with `yaml`, errors and key positions mapped to
 * offsets in the containing file.
 */
import { isMap, isPair, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import type { Span } from '../source/index.js';
import { parseFlatYaml } from './flat.js';

export interface YamlEntry {
  /** The key path, e.g. ['lint', 'craft/vague']. */
  path: string[];
  key: Span;
  value: Span | null;
}

export interface YamlError {
  span: Span;
  message: string;
  warning: boolean;
}

export interface ParsedYaml {
  /** The plain data (null when empty). */
  data: unknown;
  entries: YamlEntry[];
  errors: YamlError[];
}

/** Parse `yamlText`, which starts at offset `base` of its file. */
export function parseYaml(yamlText: string, base: number): ParsedYaml {
  return parseFlatYaml(yamlText, base) ?? parseWithYaml(yamlText, base);
}

/** Parse `yamlText` with `yaml` itself (what {@link parseFlatYaml} declines). */
export function parseWithYaml(yamlText: string, base: number): ParsedYaml {
  const doc = parseDocument(yamlText, { prettyErrors: false, strict: true, uniqueKeys: true });
  const errors: YamlError[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const start = base + e.pos[0];
    const end = Math.max(start + 1, base + e.pos[1]);
    errors.push({ span: { start, end: Math.min(end, base + yamlText.length) }, message: cleanMessage(e.message), warning: e.name === 'YAMLWarning' });
  }
  const entries: YamlEntry[] = [];
  collect(doc.contents as YamlNode | null, [], base, entries, 0);
  let data: unknown = null;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 }) ?? null;
    } catch (e) {
      errors.push({ span: { start: base, end: base + yamlText.length }, message: (e as Error).message, warning: false });
    }
  }
  return { data, entries, errors };
}

function cleanMessage(message: string): string {
  // yaml's messages end with a position excerpt when prettyErrors is on; keep the first line.
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function collect(node: YamlNode | null, path: string[], base: number, out: YamlEntry[], depth: number): void {
  if (!node || depth > 3 || !isMap(node)) return;
  for (const item of node.items) {
    if (!isPair(item)) continue;
    const k = item.key as YamlNode | null;
    if (!k || !isScalar(k) || !k.range) continue;
    const keyPath = [...path, String(k.value)];
    const v = item.value as YamlNode | null;
    const vr = v && v.range ? { start: base + v.range[0], end: base + v.range[1] } : null;
    out.push({ path: keyPath, key: { start: base + k.range[0], end: base + k.range[1] }, value: vr });
    collect(v, keyPath, base, out, depth + 1);
  }
}

/** The span to report for a settings path: the value if known, else the key, else `fallback`. */
export function spanForPath(entries: readonly YamlEntry[], path: readonly (string | number)[], fallback: Span): Span {
  for (let n = path.length; n > 0; n--) {
    const want = path.slice(0, n).map(String);
    const hit = entries.find((e) => e.path.length === want.length && e.path.every((p, i) => p === want[i]));
    if (hit) return n === path.length ? (hit.value ?? hit.key) : hit.key;
  }
  return fallback;
}
