/**
 * Whether obscenity's English blacklist can match a line, decided without obscenity. Reading a
 * line through obscenity (its character maps, then one regular expression per pattern) costs
 * several milliseconds on first use, at every `shotc compile`, and almost no line needs it. This
 * reads the line the same way from data generated out of obscenity (profanity.data.ts): each
 * character mapped, repeats collapsed, then every form of every pattern tried where it could
 * start. It answers exactly "would a blacklisted pattern match", before obscenity's whitelist, so
 * content.ts asks obscenity only when it says yes (a test holds the two to each other).
 */
import { ASCII_MAP, FROM, PATTERNS, REPEATS, TO } from './profanity.data.js';

interface Form {
  letters: string;
  /** `\b` required before / after. */
  edgeBefore: boolean;
  edgeAfter: boolean;
}

/** Patterns by their first character (an ASCII letter for every pattern in the dataset). */
let formsByFirst: Map<number, Form[]> | null = null;
/**
 * The patterns that can match where the text's first two characters are the key's
 * (first << 7 | second, both ASCII): those with that second character or a wildcard there.
 * Filled as met: asked only where `openings` lets a place through.
 */
const byFirstTwo = new Map<number, readonly Form[]>();
const NO_FORMS: readonly Form[] = [];

export function mayBeProfane(text: string): boolean {
  return mayOpen(text) && matchesSomewhere(text);
}

/**
 * Whether some place of the text, as obscenity reads it, begins four units that some pattern can
 * begin with: read in one pass, without storing the reading. Three are not enough: "then", "turns"
 * and "train" begin as "hentai", "turd" and "tranny" do. Few lines have such a place ("glass"
 * begins as "ass" does), and only those are read again and tried pattern by pattern. A character
 * no pattern names (anything at or above U+0080 after mapping) reads as DEL here, which no pattern
 * names either: a pattern can match either only where it allows any character.
 */
function mayOpen(text: string): boolean {
  const triples = (openings ??= startingTriples());
  const map = (asciiMap ??= asciiTable());
  const limits = (repeats ??= repeatLimits());
  const n = text.length;
  const quads = (quadBits ??= startingQuads());
  // The last three units read, first << 14 | second << 7 | third: zeros before the first, which
  // begin no pattern.
  let tri = 0;
  let last = -1;
  let remaining = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let mapped: number;
    if (c < 128) mapped = map[c]!;
    else {
      let point = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          point = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      mapped = mapNonAscii(point);
    }
    if (mapped === last) {
      if (remaining-- <= 0) continue;
    } else {
      last = mapped;
      remaining = (mapped < 128 ? limits[mapped]! : 1) - 1;
    }
    const unit = mapped < 128 ? mapped : DEL;
    if (triples[tri >>> 3]! & (1 << (tri & 7)) && opens(quads, tri, unit)) return true;
    tri = ((tri << 7) | unit) & 0x1fffff;
    // An astral character is two units.
    if (mapped > 0xffff) {
      if (triples[tri >>> 3]! & (1 << (tri & 7)) && opens(quads, tri, unit)) return true;
      tri = ((tri << 7) | unit) & 0x1fffff;
    }
  }
  // The last three places, with nothing (0) after the end.
  for (let k = 0; k < 3; k++) {
    if (triples[tri >>> 3]! & (1 << (tri & 7)) && opens(quads, tri, 0)) return true;
    tri = (tri << 7) & 0x1fffff;
  }
  return false;
}

/**
 * Whether the four units `tri` (a triple `openings` lets through) and `d` may begin a pattern: a
 * pattern with `d` fourth, or one that takes anything there (it ends before, or has "?").
 */
function opens(quads: Uint32Array, tri: number, d: number): boolean {
  const q = quadHash(tri, d);
  const w = quadHash(tri, ANY_FOURTH);
  return (quads[q >>> 5]! & (1 << (q & 31))) !== 0 || (quads[w >>> 5]! & (1 << (w & 31))) !== 0;
}

/**
 * The fours that begin some pattern (0 past the end; `ANY_FOURTH` for any fourth), by a 16-bit
 * hash: small enough to stay in the processor's nearest cache, though a place it lets through may
 * still begin none.
 */
let quadBits: Uint32Array | null = null;
const ANY_FOURTH = 128;

function quadHash(tri: number, d: number): number {
  return Math.imul((tri << 8) | d, 0x9e3779b1) >>> 16;
}

function startingQuads(): Uint32Array {
  const out = new Uint32Array(1 << 11);
  const at = (letters: string, k: number): number[] => (k >= letters.length || letters.charCodeAt(k) === 63 ? ANY : [letters.charCodeAt(k)]);
  for (const forms of (formsByFirst ??= indexForms()).values()) {
    for (const f of forms) {
      const l = f.letters;
      const fourth = l.length <= 3 || l.charCodeAt(3) === 63 ? ANY_FOURTH : l.charCodeAt(3);
      for (const a of at(l, 0)) for (const b of at(l, 1)) for (const c of at(l, 2)) {
        const q = quadHash((a << 14) | (b << 7) | c, fourth);
        out[q >>> 5]! |= 1 << (q & 31);
      }
    }
  }
  return out;
}

const DEL = 127;

/** `ASCII_MAP` as codes. */
let asciiMap: Uint8Array | undefined;

function asciiTable(): Uint8Array {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) table[c] = ASCII_MAP.charCodeAt(c);
  return table;
}

/** Whether a blacklisted pattern matches: the text read into `units` and each place tried. */
function matchesSomewhere(text: string): boolean {
  const n = read(text);
  const t = units;
  const triples = (openings ??= startingTriples());
  for (let i = 0; i < n; i++) {
    const first = t[i]!;
    const second = i + 1 < n ? t[i + 1]! : 0;
    let candidates: readonly Form[];
    if (first < 128 && second < 128) {
      const third = i + 2 < n ? t[i + 2]! : 0;
      if (third < 128) {
        const bit = (first << 14) | (second << 7) | third;
        if ((triples[bit >>> 3]! & (1 << (bit & 7))) === 0) continue;
      }
      candidates = byFirstTwo.get((first << 7) | second) ?? formsFor(first, second);
    } else candidates = (formsByFirst ??= indexForms()).get(first) ?? NO_FORMS;
    for (let k = 0; k < candidates.length; k++) if (matchesAt(t, n, i, candidates[k]!)) return true;
  }
  return false;
}

/**
 * Which three ASCII characters (first << 14 | second << 7 | third, as bits; 0 past the end) begin
 * some pattern. Most places in a line begin none; a test of two characters let through every
 * place where "an", "ba", "co", "de" … start, which common English is full of.
 */
let openings: Uint8Array | null = null;

function startingTriples(): Uint8Array {
  const out = new Uint8Array(1 << 18);
  const set = (bit: number): void => {
    out[bit >>> 3]! |= 1 << (bit & 7);
  };
  // What a pattern allows at its place k (0–2): its character, or any when it is "?" or has ended.
  const allowed = (letters: string, k: number): number[] => {
    if (k >= letters.length || letters.charCodeAt(k) === 63) return ANY;
    return [letters.charCodeAt(k)];
  };
  for (const forms of (formsByFirst ??= indexForms()).values()) {
    for (const f of forms) {
      for (const a of allowed(f.letters, 0)) {
        if (a >= 128) continue; // matched through the slower path, which a non-ASCII first character takes
        for (const b of allowed(f.letters, 1)) for (const c of allowed(f.letters, 2)) if (b < 128 && c < 128) set((a << 14) | (b << 7) | c);
      }
    }
  }
  return out;
}

const ANY = Array.from({ length: 128 }, (_, i) => i);

function formsFor(first: number, second: number): readonly Form[] {
  const all = (formsByFirst ??= indexForms()).get(first);
  const forms = all ? all.filter((f) => f.letters.length === 1 || f.letters.charCodeAt(1) === second || f.letters.charCodeAt(1) === 63) : NO_FORMS;
  byFirstTwo.set((first << 7) | second, forms.length ? forms : NO_FORMS);
  return forms;
}

/** The text as obscenity matches against it: every code point mapped, runs of one character collapsed to its limit. */
export function asObscenityReads(text: string): string {
  const n = read(text);
  let out = '';
  for (let i = 0; i < n; i++) out += String.fromCharCode(units[i]!);
  return out;
}

/** How many of each ASCII character in a row obscenity keeps (REPEATS, by code). */
let repeats: Uint8Array | undefined;

function repeatLimits(): Uint8Array {
  const limits = new Uint8Array(128).fill(1);
  for (const [c, n] of Object.entries(REPEATS)) if (c.charCodeAt(0) < 128) limits[c.charCodeAt(0)] = n;
  return limits;
}

/** The UTF-16 code units of the text as obscenity reads it (see `read`): reused, as a line is read at a time. */
let units = new Uint16Array(256);

/** Read `text` as obscenity does into `units`; returns how many units it fills. */
function read(text: string): number {
  if (units.length < text.length * 2) units = new Uint16Array(text.length * 2);
  const out = units;
  let n = 0;
  let last = -1;
  let remaining = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const mapped = c < 128 ? ASCII_MAP.charCodeAt(c) : mapNonAscii(c);
    if (mapped === last) {
      if (remaining-- <= 0) continue;
    } else {
      last = mapped;
      remaining = (mapped < 128 ? (repeats ??= repeatLimits())[mapped]! : 1) - 1;
    }
    if (mapped > 0xffff) {
      out[n++] = 0xd800 + ((mapped - 0x10000) >> 10);
      out[n++] = 0xdc00 + ((mapped - 0x10000) & 0x3ff);
    } else out[n++] = mapped;
  }
  return n;
}

function mapNonAscii(c: number): number {
  let lo = 0;
  let hi = FROM.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = FROM[mid]!;
    if (v === c) return TO.charCodeAt(mid);
    if (v < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return c;
}

function indexForms(): Map<number, Form[]> {
  const index = new Map<number, Form[]>();
  for (const p of PATTERNS) {
    // `mayOpen` reads every character beyond ASCII as one no pattern names.
    if (/[^\0-\x7f]/.test(p)) throw new Error(`profanity.data.ts: pattern "${p}" is not ASCII`);
    const edgeBefore = p.startsWith('|');
    const edgeAfter = p.endsWith('|') && p.length > 1;
    const letters = p.slice(edgeBefore ? 1 : 0, edgeAfter ? -1 : undefined);
    const first = letters.charCodeAt(0);
    const list = index.get(first);
    const form = { letters, edgeBefore, edgeAfter };
    if (list) list.push(form);
    else index.set(first, [form]);
  }
  return index;
}

/** Whether form `f` matches at `at` in the first `n` units of `t`. */
function matchesAt(t: Uint16Array, n: number, at: number, f: Form): boolean {
  const end = at + f.letters.length;
  if (end > n) return false;
  for (let k = 1; k < f.letters.length; k++) {
    const p = f.letters.charCodeAt(k);
    if (p !== 63 && p !== t[at + k]) return false; // 63: "?", any character
  }
  if (f.edgeBefore && isWordAt(t, n, at - 1) === isWordAt(t, n, at)) return false;
  if (f.edgeAfter && isWordAt(t, n, end - 1) === isWordAt(t, n, end)) return false;
  return true;
}

/** A word character to `\b` without the `u` flag (outside the text, none). */
function isWordAt(t: Uint16Array, n: number, i: number): boolean {
  if (i < 0 || i >= n) return false;
  const c = t[i]!;
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
