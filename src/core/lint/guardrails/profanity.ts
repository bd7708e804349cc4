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

let formsByFirst: Map<number, Form[]> | null = null;

export function mayBeProfane(text: string): boolean {
  const t = asObscenityReads(text);
  const forms = (formsByFirst ??= indexForms());
  for (let i = 0; i < t.length; i++) {
    const candidates = forms.get(t.charCodeAt(i));
    if (candidates) for (const f of candidates) if (matchesAt(t, i, f)) return true;
  }
  return false;
}

/** The text as obscenity matches against it: every code point mapped, runs of one character collapsed to its limit. */
export function asObscenityReads(text: string): string {
  let out = '';
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
      remaining = (mapped < 128 ? REPEATS[String.fromCharCode(mapped)] ?? 1 : 1) - 1;
    }
    out += String.fromCodePoint(mapped);
  }
  return out;
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

function matchesAt(t: string, at: number, f: Form): boolean {
  const end = at + f.letters.length;
  if (end > t.length) return false;
  for (let k = 1; k < f.letters.length; k++) {
    const p = f.letters.charCodeAt(k);
    if (p !== 63 && p !== t.charCodeAt(at + k)) return false; // 63: "?", any character
  }
  if (f.edgeBefore && isWordAt(t, at - 1) === isWordAt(t, at)) return false;
  if (f.edgeAfter && isWordAt(t, end - 1) === isWordAt(t, end)) return false;
  return true;
}

/** A word character to `\b` without the `u` flag. */
function isWordAt(t: string, i: number): boolean {
  const c = t.charCodeAt(i); // NaN outside the text: not a word character
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
