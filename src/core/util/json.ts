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
 * straight into the hash. `head`: a start that a string of the value shares with strings of values
 * hashed before it (a prompt's Style and look); it changes only the time taken.
 */
export function stableSha256(value: unknown, head = ''): string {
  // Hashing is synchronous, so one hasher serves every call; it remembers the last value's blocks, as
  // the requests of one plan hashed in turn share their start (model, Style, the look), and where
  // it was after a string's `head` (`Sha256.jsonAfter`).
  const h = (shared ??= new Sha256({ rememberPrefix: true })).reset();
  writeStable(h, value, head);
  return h.hex();
}

let shared: Sha256 | undefined;

function writeStable(h: Sha256, value: unknown, head: string): void {
  if (typeof value === 'string') {
    if (head && value.length > head.length) h.jsonAfter(head, value);
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
      writeStable(h, value[i], head);
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
    writeStable(h, v, head);
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
