/**
 * The front matter nearly every file has — a few `key: plain value` lines — read without the YAML
 * parser. Building yaml's document (CST, nodes, then plain data) cost more than the rest of a
 * small file's compile; this reader accepts only text whose YAML meaning is beyond doubt and
 * answers `null` for everything else, which then goes to `yaml` as before. The oracle test holds
 * it to yaml's own result on generated text.
 */
import type { ParsedYaml, YamlEntry } from './yaml.js';

/** Keys read here: a letter, then letters, digits, `_` or `-` (at most 64 characters). */
function isKeyChar(c: number, first: boolean): boolean {
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return first ? letter : letter || (c >= 48 && c <= 57) || c === 95 || c === 45;
}

/** Characters that give a plain scalar's first character a YAML meaning (or a non-string type). */
const AWKWARD_FIRST = new Set('-?:,[]{}#&*!|>\'"%@`~+.'.split('').map((c) => c.charCodeAt(0)));

/** A character a value may hold here: printable, and neither a tab nor a line or format break. */
function isPlainChar(c: number): boolean {
  if (c < 0x80) return c >= 0x20 && c !== 0x7f;
  return c >= 0xa0 && c !== 0x2028 && c !== 0x2029 && c !== 0xfeff && !(c >= 0xd800 && c <= 0xdfff) && c < 0xfffe;
}

const DECIMAL = /^[0-9]{1,15}(?:\.[0-9]{1,15})?$/;
/** The core schema's other typed forms: left to yaml. */
const TYPED = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/** Parse `text` (at offset `base` of its file) if it is flat `key: value` lines; else `null`. */
export function parseFlatYaml(text: string, base: number): ParsedYaml | null {
  const data: Record<string, unknown> = {};
  const entries: YamlEntry[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    const next = end + 1;
    if (end < n && end > i && text.charCodeAt(end - 1) === 13) end--;
    const first = text.charCodeAt(i);
    if (first === 35 /* # */) {
      i = next;
      continue;
    }
    if (first === 32 || i === end) {
      // Only a blank line may start with a space here; anything indented belongs to a nested value.
      let j = i;
      while (j < end && text.charCodeAt(j) === 32) j++;
      if (j < end) return null;
      i = next;
      continue;
    }
    let k = i;
    while (k < end && k - i < 64 && isKeyChar(text.charCodeAt(k), k === i)) k++;
    if (k === i || text.charCodeAt(k) !== 58 /* : */ || text.charCodeAt(k + 1) !== 32) return null;
    const key = text.slice(i, k);
    if (Object.prototype.hasOwnProperty.call(data, key)) return null;
    let v = k + 2;
    while (v < end && text.charCodeAt(v) === 32) v++;
    let e = end;
    while (e > v && text.charCodeAt(e - 1) === 32) e--;
    if (v === e || AWKWARD_FIRST.has(text.charCodeAt(v))) return null;
    for (let j = v; j < e; j++) {
      const c = text.charCodeAt(j);
      if (!isPlainChar(c)) return null;
      // `: ` starts a mapping, ` #` a comment; a trailing `:` is a key.
      if (c === 58 && (j + 1 === e || text.charCodeAt(j + 1) === 32)) return null;
      if (c === 35 && text.charCodeAt(j - 1) === 32) return null;
    }
    const raw = text.slice(v, e);
    let value: string | number = raw;
    if (DECIMAL.test(raw)) value = Number(raw);
    else if (TYPED.test(raw)) return null;
    data[key] = value;
    entries.push({ path: [key], key: { start: base + i, end: base + k }, value: { start: base + v, end: base + e } });
    i = next;
  }
  return { data: entries.length ? data : null, entries, errors: [] };
}
