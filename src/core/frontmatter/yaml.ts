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
  // Each quote error takes the next value left open with that quote.
  const searched: Record<string, number> = { '"': 0, "'": 0 };
  for (const e of [...doc.errors, ...doc.warnings]) {
    const quote = e.code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(e.message)?.[1] : undefined;
    const open = quote ? unclosedQuote(yamlText, quote, searched[quote]!) : -1;
    if (open >= 0) {
      searched[quote!] = open + 1;
      // yaml reports a quote that never closes where the text ends; the user needs its start.
      errors.push({ span: { start: base + open, end: base + open + 1 }, message: `this ${quote} quote is never closed; end the value with ${quote}`, warning: false });
      continue;
    }
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

/**
 * Where the first value from the line after offset `from` that opens with `quote` and does not
 * close it on its own line starts (a quoted value may go on over lines, but one left open runs to
 * the end), or -1.
 */
function unclosedQuote(text: string, quote: string, from: number): number {
  const valueStart = /^[ \t]*(?:-[ \t]+)?(?:[^\s#"'][^:#\n]*:[ \t]+)?/;
  let lineStart = from === 0 ? 0 : text.indexOf('\n', from) + 1;
  if (lineStart === 0 && from > 0) return -1;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const at = valueStart.exec(line)![0].length;
    if (line[at] === quote && !closesOnLine(line, at + 1, quote)) return lineStart + at;
    lineStart = lineEnd + 1;
  }
  return -1;
}

/** Whether `line` from `from` holds the closing `quote` ('' escapes ' and \" escapes " in YAML). */
function closesOnLine(line: string, from: number, quote: string): boolean {
  for (let i = from; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') i++;
    else if (line[i] === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return true;
    }
  }
  return false;
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
