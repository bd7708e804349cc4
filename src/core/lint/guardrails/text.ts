/**
 * Small text helpers shared by the prose, craft and guardrail rules: words with their offsets,
 * normalised for matching (case, accents, curly apostrophes), quoted stretches, sentences, and
 * edits that remove a phrase without leaving doubled spaces or dangling commas.
 */
import type { Span } from '../../source/index.js';
import { isAsciiAlnum } from './phrases.js';

/**
 * `fn` remembered per text. The language server lints on every keystroke and only the line being
 * typed changes, so every other line's result is a lookup. All memoised functions share one table
 * of texts, and the text looked up last is remembered: the rules call one function after another
 * on the same line, so each line is looked up once, not once per function. Bounded: cleared when
 * full.
 */
export function memo<T>(fn: (text: string) => T): (text: string) => Remembered<T> {
  const id = memos++;
  // Which functions found nothing in a text is kept as bits of a small integer.
  if (id >= 30) throw new Error('memo(): at most 30 functions can share the table of texts');
  const bit = 1 << id;
  return (text) => {
    if (text !== lastText) select(text);
    const known = lastRecord;
    if (typeof known === 'number') {
      if (known & bit) return NOTHING as Remembered<T>;
    } else if (known[id] !== undefined) return known[id] as Remembered<T>;
    let r: unknown = fn(text);
    // `fn` may have read other texts (and made another the current one) or filled this one's record.
    if (text !== lastText) select(text);
    lastChanged = true;
    const record = lastRecord;
    // Most lines have nothing to report: a bit says so, and the table keeps no object per line and
    // rule for the garbage collector to copy.
    if (Array.isArray(r) && r.length === 0) {
      r = NOTHING;
      if (typeof record === 'number') {
        lastRecord = record | bit;
        return r as Remembered<T>;
      }
    }
    if (typeof record === 'number') {
      const all = new Array<unknown>(memos);
      for (let i = 0; i < memos; i++) if (record & (1 << i)) all[i] = NOTHING;
      all[id] = r;
      lastRecord = all;
    } else record[id] = r;
    return r as Remembered<T>;
  };
}

/** Make `text` the current text: the last one goes into the table (once, however many functions read it). */
function select(text: string): void {
  if (lastText !== undefined && lastChanged) records.set(lastText, lastRecord);
  let known = records.get(text);
  if (known === undefined) {
    if (records.size >= MAX_TEXTS) records.clear();
    known = 0;
  }
  lastText = text;
  lastRecord = known;
  lastChanged = false;
}

/**
 * Read-only by type, not frozen: V8 iterates a frozen array with `for…of` through the generic
 * iterator protocol, allocating on every loop, and the rules loop over these results per line.
 */
const NOTHING: readonly never[] = [];

/** What a memoised function gives: shared between callers, so an array comes read-only. */
export type Remembered<T> = T extends ReadonlyArray<infer E> ? readonly E[] : T;

/**
 * Forget every remembered text: a long-running host can free the memory, and a benchmark measures
 * what a first compile of a file costs (`shotc compile` runs once per process).
 */
export function forgetTexts(): void {
  records.clear();
  lastWordsOf = undefined;
  lastWords = [];
  lineWordsOf = undefined;
  lastText = undefined;
  lastRecord = 0;
  lastChanged = false;
}

/**
 * Texts remembered before the table is cleared. Clearing a table that cannot hold every line of a
 * file means no line is ever found again; 200,000 lines covers a 10 MB storyboard (the memoised
 * functions used to keep 20,000 texts each).
 */
const MAX_TEXTS = 200_000;
let memos = 0;
/**
 * What is remembered of each text: the functions known to find nothing in it, as bits (most texts
 * never need more), or, once one finds something, every function's result by its index.
 */
type TextRecord = number | unknown[];
const records = new Map<string, TextRecord>();
let lastText: string | undefined;
let lastRecord: TextRecord = 0;
/** Whether `lastRecord` has news for the table. */
let lastChanged = false;

export interface Word {
  /** As written. */
  readonly text: string;
  /** Lower case, accents removed, curly apostrophes straightened. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A word of a line, its strings made when first asked for: the rules that read words (names of
 * characters, artists, people) look at the capitalised ones and what follows them, so most words
 * of a line never need theirs.
 */
class LineWord implements Word {
  private written: string | undefined;
  private normal: string | undefined;

  constructor(
    private readonly line: string,
    readonly start: number,
    readonly end: number,
    /** All lower-case ASCII: its own normal form. */
    private readonly plain: boolean,
  ) {}

  get text(): string {
    return (this.written ??= this.line.slice(this.start, this.end));
  }

  get norm(): string {
    return (this.normal ??= this.plain ? this.text : normalise(this.text));
  }

  /** See `capitalised`: read from the line, without making the word's string. */
  capitalised(): boolean {
    return capitalAt(this.line, this.start);
  }
}

/*
 * Most text needs no Unicode classes. When its letters, numbers and marks are all Latin (Latin-1,
 * and Latin Extended-A and -B, U+0100–U+024F, which are all letters), a class such as
 * `[\p{L}\p{N}]` matches on it what its part below U+0250 does, there are no surrogate pairs for
 * the `u` flag to read, and a pattern with small classes and no `u` flag finds exactly what its
 * Unicode form would. V8 takes 0.3–1.5 ms to compile a pattern with Unicode classes (~0.03 ms with
 * small ones), which a one-shot run on a small file pays for each such pattern.
 */

/**
 * Punctuation and symbols beyond Latin-1 that are never a letter, number or mark and have no case:
 * General Punctuation ('—', '’', '“', '…', '•'), currency signs, '™', arrows, mathematical and
 * technical symbols, box drawing, shapes and miscellaneous symbols ('★', '♪').
 */
const SYMBOLS = String.raw`\u2000-\u206f\u20a0-\u20cf\u2122\u2190-\u23ff\u2500-\u26ff`;
const BEYOND_LATIN1 = new RegExp(`[^\\0-\\xff${SYMBOLS}]`);
const BEYOND_LATIN = new RegExp(`[^\\0-\\u024f${SYMBOLS}]`);
/** Below U+0370 the only marks are the combining diacritics, U+0300–U+036F. */
const BEYOND_DIACRITICS = new RegExp(`[^\\0-\\u036f${SYMBOLS}]`);

/** Whether every letter, number and mark in `text` is in Latin-1: then patterns can use `LATIN1`'s classes. */
export function fitsLatin1(text: string): boolean {
  return !BEYOND_LATIN1.test(text);
}

/** `[\p{L}\p{N}]`, `\p{Lu}` and `\p{Ll}` within Latin-1, for patterns on text that `fitsLatin1`. */
export const LATIN1 = {
  alnum: String.raw`0-9A-Za-z\xaa\xb2\xb3\xb5\xb9\xba\xbc-\xbe\xc0-\xd6\xd8-\xf6\xf8-\xff`,
  upper: String.raw`A-Z\xc0-\xd6\xd8-\xde`,
  lower: String.raw`a-z\xb5\xdf-\xf6\xf8-\xff`,
};

/** Letters and digits, joined by an apostrophe, hyphen or full stop. */
const WORD = String.raw`[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*`;
// The Unicode forms are built on first use: parsing their classes alone costs ~0.2 ms.
let word: RegExp | undefined;
let count: RegExp | undefined;

/** Lower case without accents: "Beyoncé" → "beyonce", "PELÉ" → "pele". */
export function normalise(s: string): string {
  // ASCII has no accents or curly apostrophes: most words are only lower-cased.
  if (ASCII.test(s)) return s.toLowerCase();
  const d = s.normalize('NFD');
  const bare = BEYOND_DIACRITICS.test(d) ? d.replace(/\p{M}/gu, '') : d.replace(/[\u0300-\u036f]/g, '');
  return bare.replace(/’/g, "'").toLowerCase();
}

const ASCII = /^[\0-\x7f]*$/;

/**
 * The words of `text`, in order; shared, do not modify. Only the last line's are remembered, not
 * every line's like what the rules find in them: a line's words are many small objects, and kept
 * they would be copied by every garbage collection. The rules read a line one after another, so
 * the last line's words are the ones asked for again.
 */
export function words(text: string): readonly Word[] {
  if (text === lastWordsOf) return lastWords;
  const read = forWords.read(text);
  const out: Word[] = new Array(read.count);
  for (let i = 0; i < read.count; i++) out[i] = new LineWord(text, read.starts[i]!, read.ends[i]!, read.isPlain(i));
  lastWordsOf = text;
  lastWords = out;
  return out;
}

let lastWordsOf: string | undefined;
let lastWords: readonly Word[] = [];

/**
 * A line's words as `words` finds them, read into typed arrays: no object per word, and the
 * strings of a word made when asked for. The rules that look names up read every line's words
 * and most lines name no one.
 */
export class LineWords {
  text = '';
  count = 0;
  starts = new Int32Array(32);
  ends = new Int32Array(32);
  /** Per word, 1 when it is all lower-case ASCII (its own normal form). */
  private plain = new Uint8Array(32);
  /** Normal forms made so far: word i's is `norms[i]` when `normsOf[i]` is this reading's number. */
  private readonly norms: string[] = [];
  private normsOf = new Int32Array(32);
  private reading = 0;

  /** Read `text`'s words, in place of the last line's. */
  read(text: string): this {
    this.text = text;
    this.count = 0;
    this.reading = (this.reading + 1) | 0;
    if (isLatin(text)) latinWords(text, this);
    else for (const m of text.matchAll((word ??= new RegExp(WORD, 'gu')))) this.add(m.index, m.index + m[0].length, false);
    return this;
  }

  /** Add WORD's match [start, end). A trailing possessive belongs to the name, not to the word: "Swift's" matches "swift". */
  add(start: number, end: number, plain: boolean): void {
    const n = this.count;
    if (n === this.starts.length) this.grow();
    const text = this.text;
    const possessive = end - start >= 2 && (text.charCodeAt(end - 1) | 32) === 115 && (text.charCodeAt(end - 2) === 39 || text.charCodeAt(end - 2) === 0x2019);
    this.starts[n] = start;
    this.ends[n] = possessive ? end - 2 : end;
    this.plain[n] = plain ? 1 : 0;
    this.count = n + 1;
  }

  isPlain(i: number): boolean {
    return this.plain[i] === 1;
  }

  /** Word `i` as written. */
  written(i: number): string {
    return this.text.slice(this.starts[i]!, this.ends[i]!);
  }

  /** Word `i` normalised (`Word.norm`). */
  norm(i: number): string {
    if (this.normsOf[i] === this.reading) return this.norms[i]!;
    const w = this.written(i);
    const n = this.plain[i] === 1 ? w : normalise(w);
    this.norms[i] = n;
    this.normsOf[i] = this.reading;
    return n;
  }

  /** Whether word `i` starts with a capital letter or a digit (`capitalised`). */
  capitalised(i: number): boolean {
    return capitalAt(this.text, this.starts[i]!);
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const plain = new Uint8Array(size);
    const normsOf = new Int32Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    plain.set(this.plain);
    normsOf.set(this.normsOf);
    this.starts = starts;
    this.ends = ends;
    this.plain = plain;
    this.normsOf = normsOf;
  }
}

/**
 * A set of normal forms (`Word.norm`) that words are checked against before their normal form is
 * made: by a hash (`normHash`) of their letters, read from the line. A word of the set is always
 * said to be in it; a word beyond ASCII (but for '’', which normalises to "'") always may be.
 */
export class NormSet {
  private readonly bits = new Uint32Array(1 << 11);

  constructor(norms: Iterable<string>) {
    for (const n of norms) {
      let hash = NORM_HASH_SEED;
      for (let i = 0; i < n.length; i++) hash = normHash(hash, n.charCodeAt(i));
      this.bits[(hash >>> 5) & 2047]! |= 1 << (hash & 31);
    }
  }

  /** Whether word `i` of `ws` may be in the set (false only when it surely is not). */
  mayHave(ws: LineWords, i: number): boolean {
    return this.mayHaveAt(ws.text, ws.starts[i]!, ws.ends[i]!);
  }

  /** Whether the word `text[start, end)` may be in the set. */
  mayHaveAt(text: string, start: number, end: number): boolean {
    let hash = NORM_HASH_SEED;
    for (let k = start; k < end; k++) {
      let c = text.charCodeAt(k);
      if (c >= 65 && c <= 90) c += 32;
      else if (c === 0x2019) c = 39;
      else if (c >= 128) return true;
      hash = normHash(hash, c);
    }
    return this.hasHash(hash);
  }

  /** Whether a word whose letters (in lower case, ASCII) hash to `hash` may be in the set. */
  hasHash(hash: number): boolean {
    return (this.bits[(hash >>> 5) & 2047]! & (1 << (hash & 31))) !== 0;
  }
}

/** FNV-1a, a character at a time: `hash` starts at `NORM_HASH_SEED`. */
export function normHash(hash: number, c: number): number {
  return Math.imul(hash ^ c, FNV_PRIME);
}

const FNV_PRIME = 16777619;

export const NORM_HASH_SEED = 0x811c9dc5 | 0;

/** `words`' reading (its objects are made from it). */
const forWords = new LineWords();
/** `lineWords`' reading: apart from `words`', as a rule reading one may ask for the other of another text. */
const forLines = new LineWords();
let lineWordsOf: string | undefined;

/**
 * The words of `text` as a `LineWords`; shared, do not modify, and read before asking for another
 * line's. Only the last line's are remembered, as with `words`.
 */
export function lineWords(text: string): LineWords {
  if (text !== lineWordsOf) {
    forLines.read(text);
    lineWordsOf = text;
  }
  return forLines;
}

/**
 * What each code unit below U+0250 is to a word of Latin text (nothing `BEYOND_LATIN`), as bits:
 * `ALNUM`, a letter or digit (WORD's class there is Latin-1's letters and digits and Latin
 * Extended, U+0100–U+024F, all letters: the curated names include "Dvořák"); `CHANGES`, a letter
 * that normalising changes (upper case, or beyond ASCII). Read from a table, as every character of
 * every line of prose is.
 */
const ALNUM = 1;
const CHANGES = 2;
const LATIN_CLASS = latinClasses();

function latinClasses(): Uint8Array {
  const table = new Uint8Array(0x250);
  for (let c = 0; c < 0x250; c++) {
    const alnum =
      c < 128
        ? isAsciiAlnum(c)
        : c >= 0x100 || c === 0xaa || c === 0xb2 || c === 0xb3 || c === 0xb5 || c === 0xb9 || c === 0xba || (c >= 0xbc && c <= 0xbe) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
    if (alnum) table[c] = ALNUM | (c > 122 || (c >= 65 && c <= 90) ? CHANGES : 0);
  }
  return table;
}

/**
 * Whether nothing in `text` is beyond Latin (Latin-1, Latin Extended-A and -B) but punctuation and
 * symbols: then `latinAlnum` tells its letters and digits.
 */
export function isLatin(text: string): boolean {
  // Asked of a line by several readers in turn.
  if (text !== latinOf) {
    latinOf = text;
    latin = !BEYOND_LATIN.test(text);
  }
  return latin;
}

let latinOf: string | undefined;
let latin = true;

/** Whether code unit `c` of Latin text (`isLatin`) is in `[\p{L}\p{N}]`. */
export function latinAlnum(c: number): boolean {
  // Not through `latinClass`: read for every character of a line, and V8 inlines this form.
  return c < 0x250 && (LATIN_CLASS[c]! & ALNUM) !== 0;
}

/** The `LATIN_CLASS` bits of code unit `c` of Latin text (above the table, none: nothing there is a letter). */
function latinClass(c: number): number {
  return c < 0x250 ? LATIN_CLASS[c]! : 0;
}

/**
 * WORD's matches in Latin text, read without an expression (one made a match object per word):
 * added to `out` (reading `text`) when given; how many there are.
 */
function latinWords(text: string, out: LineWords | null): number {
  let found = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let bits = latinClass(text.charCodeAt(i));
    if ((bits & ALNUM) === 0) {
      i++;
      continue;
    }
    const start = i;
    // Whether normalising would change the word (else it is its own normal form).
    let changes = 0;
    for (;;) {
      do {
        changes |= bits;
        bits = ++i < n ? latinClass(text.charCodeAt(i)) : 0;
      } while (bits & ALNUM);
      if (i + 1 >= n) break;
      // A joiner continues the word only when a letter or digit follows it.
      const c = text.charCodeAt(i);
      if (c !== 39 && c !== 0x2019 && c !== 45 && c !== 46) break;
      bits = latinClass(text.charCodeAt(i + 1));
      if ((bits & ALNUM) === 0) break;
      if (c === 0x2019) changes |= CHANGES;
      i++;
    }
    found++;
    if (out) out.add(start, i, (changes & CHANGES) === 0);
  }
  return found;
}

/** Whether a word starts with a capital letter or a digit (as a name does). */
export function capitalised(w: Word): boolean {
  return w instanceof LineWord ? w.capitalised() : capitalAt(w.text, 0);
}

function capitalAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  const ch = s[i]!;
  return ch !== ch.toLowerCase();
}

/** The index of the first of `spans` that overlaps [start, end), or -1. */
export function overlapping(spans: ReadonlyArray<{ start: number; end: number }>, start: number, end: number): number {
  for (let i = 0; i < spans.length; i++) if (start < spans[i]!.end && spans[i]!.start < end) return i;
  return -1;
}

/** How many words `words(text)` finds. */
export const wordCount = memo((text: string): number => {
  if (isLatin(text)) return latinWords(text, null);
  const re = (count ??= new RegExp(WORD, 'gu'));
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text)) n++;
  return n;
});

/** Not frozen, as `NOTHING`. */
const NO_RANGES: ReadonlyArray<[number, number]> = [];

/** [start, end) ranges of text inside double quotes (straight or curly), quotes included. Shared: do not modify. */
export const quotedRanges = memo((text: string): ReadonlyArray<[number, number]> => {
  // Most lines quote nothing.
  if (text.indexOf('"') === -1 && text.indexOf('“') === -1) return NO_RANGES;
  const out: Array<[number, number]> = [];
  const re = /"[^"]*"?|“[^”]*”?/g;
  for (const m of text.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  return out;
});

export function inRanges(ranges: ReadonlyArray<[number, number]>, at: number): boolean {
  for (let i = 0; i < ranges.length; i++) if (at >= ranges[i]![0] && at < ranges[i]![1]) return true;
  return false;
}

/** `.`, `!`, `?` or `;`. */
function isStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 59;
}

/** What `String.prototype.trim` removes: white space and line terminators. */
export function isTrimmed(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The sentence around `at`: from after the previous `.`, `!`, `?` or `;` to the next one. */
export function sentenceAt(text: string, at: number): { start: number; end: number } {
  let s = at;
  while (s > 0 && !isStop(text.charCodeAt(s - 1))) s--;
  let e = at;
  while (e < text.length && !isStop(text.charCodeAt(e))) e++;
  return { start: s, end: e };
}

/** Sentences of a line, as [start, end) ranges (terminators excluded). Shared: do not modify. */
export const sentences = memo((text: string): ReadonlyArray<[number, number]> => {
  const out: Array<[number, number]> = [];
  let s = 0;
  // Whether the sentence so far has anything but white space.
  let content = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? -1 : text.charCodeAt(i);
    if (c === -1 || isStop(c)) {
      if (content) out.push([s, i]);
      s = i + 1;
      content = false;
    } else if (!content && !isTrimmed(c)) content = true;
  }
  return out;
});

/**
 * The span to delete to remove `text[start, end)` cleanly: with one neighbouring space, and with a
 * comma that would otherwise be left dangling ("a street, in 4K, at night" → "a street, at night").
 * Returns null when the phrase is the whole sentence's subject and removing it would leave a
 * fragment that reads wrong (callers then offer no safe fix).
 */
export function removal(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  const before = text.slice(0, s);
  const after = text.slice(e);
  if (/,\s*$/.test(before) && /^\s*,/.test(after)) {
    // ", in 4K," → ","
    s = before.replace(/\s*$/, '').length;
    e = e + (after.match(/^\s*/)?.[0].length ?? 0);
    return { start: s, end: e };
  }
  if (/,\s*$/.test(before) && /^\s*([.!?;]|$)/.test(after)) {
    // "a street, in 4K." → "a street."
    s = before.replace(/,\s*$/, '').length;
    return { start: s, end: e };
  }
  if (/ $/.test(before) && (/^[ .,!?;:)]/.test(after) || after === '')) {
    s -= 1;
    return { start: s, end: e };
  }
  if (/^ /.test(after)) e += 1;
  return { start: s, end: e };
}

/** Offset the fragment-relative range to a source span. */
export function spanIn(fragmentSpan: Span, start: number, end: number): Span {
  return { start: fragmentSpan.start + start, end: fragmentSpan.start + end };
}

/** "a" or "an" for the word that follows (by its first sound, roughly). */
export function article(next: string, capital: boolean): string {
  const vowel = /^(?:[aeio]|u(?!ni|se|sa|su|ro|ti)|hour|honest|heir|8|11|18|80)/i.test(next);
  const a = vowel ? 'an' : 'a';
  return capital ? a[0]!.toUpperCase() + a.slice(1) : a;
}

/** Whether a phrase (already normalised, space-separated) occurs at word `i` of `ws`. */
export function phraseAt(ws: readonly Word[], i: number, phrase: readonly string[]): boolean {
  if (i + phrase.length > ws.length) return false;
  for (let k = 0; k < phrase.length; k++) if (ws[i + k]!.norm !== phrase[k]) return false;
  return true;
}
