import { Sha256 } from './sha256.js';

/**
 * JSON with object keys sorted, so equal values always serialise (and hash) identically. The
 * definition `stableSha256` follows (it hashes this text without building it).
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = sortedKeys(obj).filter((k) => obj[k] !== undefined);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(',')}}`;
}

/**
 * `sha256(stableStringify(value))` as hex, without building the JSON text: the value is written
 * straight into the hash. `split`: a string of the value in two (a prompt: the Style and look that
 * other values' prompts start with, and the rest); it changes only the time taken.
 */
export function stableSha256(value: unknown, split?: Split): string {
  // Hashing is synchronous, so one hasher serves every call; it remembers the last value's blocks, as
  // the requests of one plan hashed in turn share their start (model, Style, the look), and where
  // it was after a head (`Sha256.jsonOf`).
  const h = (shared ??= new Sha256({ rememberPrefix: true })).reset();
  writeStable(h, value, split);
  return h.hex();
}

/** A string of the value (`whole`, that very string) known in two parts: a head other values' strings start with too, and the rest. */
export interface Split {
  whole: string;
  head: string;
  rest: string;
}

let shared: Sha256 | undefined;

function writeStable(h: Sha256, value: unknown, split: Split | undefined): void {
  if (typeof value === 'string') {
    // The same string, as a rule: the prompt sent is the prompt rendered.
    if (split && value === split.whole) h.jsonOf(split.head, split.rest);
    else h.json(value);
    return;
  }
  if (value === null || typeof value !== 'object') {
    h.text(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    h.text('[');
    for (let i = 0; i < value.length; i++) {
      if (i) h.text(',');
      writeStable(h, value[i], split);
    }
    h.text(']');
    return;
  }
  const obj = value as Record<string, unknown>;
  const keys = sortedKeys(obj);
  h.text('{');
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (!first) h.text(',');
    first = false;
    h.json(k);
    h.text(':');
    writeStable(h, v, split);
  }
  h.text('}');
}

/**
 * The object's keys in `sort()`'s order (UTF-16 code units, as `<` compares strings), sorted in
 * place by insertion: a request has a handful of keys, and `Array.prototype.sort` allocated a
 * work array per call, several per clip.
 */
function sortedKeys(obj: Record<string, unknown>): string[] {
  const keys = Object.keys(obj);
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}
