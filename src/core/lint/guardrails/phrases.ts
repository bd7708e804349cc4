/**
 * Finding the phrases of a word list in text without a regular expression. The craft and wardrobe
 * rules used to search with one alternation of all their phrases, case-insensitive and
 * Unicode-aware (flags `giu`, `\p{L}` lookarounds); V8 takes 0.5–5 ms to compile each of those,
 * which a one-shot CLI run pays on the first line every rule reads. Here candidates are looked up
 * by their first letter and compared letter by letter, with the alternation's results exactly: its
 * case folding, word edges and gaps between words, the leftmost place first and there the first
 * phrase in its order (test/lint/phrases.test.ts and craft-words.test.ts hold each search to the
 * expression it replaced).
 */

/**
 * What a space or a hyphen in a phrase stands for in the text, written as the regular expression
 * the alternation had in its place; unlisted, each stands for itself.
 */
export interface Gaps {
  ' '?: '[- ]?' | '\\s+';
  '-'?: '-?';
}

const SPACE = 32;
const HYPHEN = 45;

/** Phrases to search for, tried longest first at a place, as the alternations listed them. */
export class PhraseList {
  readonly phrases: readonly string[];
  private readonly space: Gaps[' '];
  private readonly hyphen: Gaps['-'];
  /** Phrases by the code of their first letter, longest first; built on the first search. */
  private byFirstLetter: Map<number, string[]> | null = null;
  /**
   * The phrases that can match where the text's first three characters (as it folds them) are
   * these: by the first letter (a–z), then by the next two (`nextIndex`). A phrase stays a
   * candidate while its characters agree with the text's, until it ends or reaches a gap (which
   * may take nothing, so what follows is not at a fixed place). Longest first, as in
   * `byFirstLetter`; filled as met, a first letter's table only once a word starts with it. Most
   * words then have a handful of candidates, not every phrase of their letter.
   */
  private readonly byStart: Array<Array<readonly string[] | undefined> | undefined> = new Array(26);
  /** The list's bit in `maskAt`'s answers; 0 for a list made after the first 31, searched without them. */
  readonly bit: number;

  constructor(phrases: readonly string[], gaps: Gaps = {}) {
    this.phrases = [...phrases].sort((a, b) => b.length - a.length);
    this.space = gaps[' '];
    this.hyphen = gaps['-'];
    this.bit = lists.length < 31 ? 1 << lists.length : 0;
    if (this.bit !== 0) {
      lists.push(this);
      // What is known of the lists before this one says nothing of it.
      MASKS.fill(0);
      startsText = undefined;
    }
  }

  /**
   * Where the alternation `(?:p1|p2|…)` followed by what `fits` tests matches at `at`: the end of
   * the first phrase, longest first, that matches there and whose end `fits` accepts, or -1. (When
   * `fits` fails the expression backtracks into the next phrase, and so does this.)
   */
  matchAt(text: string, at: number, fits: (text: string, end: number) => boolean): number {
    const first = foldedAt(text, at);
    if (first < 97 || first > 122) return -1;
    const candidates = this.candidatesAt(first, nextIndex(letterAt(text, at + 1), letterAt(text, at + 2)));
    return candidates.length ? this.matchFirst(text, at, candidates, fits) : -1;
  }

  /** The phrases that can match where the text folds to letter `first` (a–z), then to what `key` (`nextIndex`) says. */
  candidatesAt(first: number, key: number): readonly string[] {
    // Made with its length, so the table stays a flat array however it is filled.
    const table = (this.byStart[first - 97] ??= new Array<readonly string[] | undefined>(27 * 27));
    return table[key] ?? (table[key] = this.candidates(first, key));
  }

  /** `matchAt` for the candidates there; the phrase that matched is then `matched`. */
  matchFirst(text: string, at: number, candidates: readonly string[], fits: (text: string, end: number) => boolean): number {
    for (let k = 0; k < candidates.length; k++) {
      const end = this.matchOne(text, at, candidates[k]!);
      if (end >= 0 && fits(text, end)) {
        this.matched = candidates[k]!;
        return end;
      }
    }
    return -1;
  }

  /** The phrase of the list (as listed) that the last match found by `matchAt` or `matchFirst` is. */
  matched = '';

  /**
   * The phrases that may start with these three characters. Apart from `matchAt`: a closure there
   * would make V8 allocate a context for its variables on every call, not only on the rare ones
   * that fill the table.
   */
  private candidates(first: number, key: number): readonly string[] {
    const all = (this.byFirstLetter ??= this.index()).get(first) ?? [];
    const second = Math.floor(key / 27);
    const third = key % 27;
    return all.filter((p) => agreesAt(p, 1, second ? second + 96 : 0) && agreesAt(p, 2, third ? third + 96 : 0));
  }

  /**
   * Where `phrase` ends if it starts at `at`, or -1. A gap is always followed by a letter, which
   * neither a space nor a hyphen can match, so taking all the gap can is the only way to match and
   * there is nothing to backtrack.
   */
  private matchOne(text: string, at: number, phrase: string): number {
    let j = at;
    for (let k = 0; k < phrase.length; k++) {
      const p = phrase.charCodeAt(k);
      const gap = p === SPACE ? this.space : p === HYPHEN ? this.hyphen : undefined;
      if (gap === '\\s+') {
        if (!isSpaceAt(text, j)) return -1;
        do j++;
        while (isSpaceAt(text, j));
      } else if (gap === '[- ]?') {
        const c = text.charCodeAt(j);
        if (c === HYPHEN || c === SPACE) j++;
      } else if (gap === '-?') {
        if (text.charCodeAt(j) === HYPHEN) j++;
      } else if (foldedAt(text, j) === p) j++;
      else return -1;
    }
    return j;
  }

  private index(): Map<number, string[]> {
    // `matchOne` folds only ASCII letters and needs a letter after each gap. All phrases in one
    // test: run on each, the expression would be compiled to machine code on its 20th run.
    if (!/^(?:[a-z]+(?:[ -][a-z]+)*\n)*$/.test(this.phrases.map((p) => `${p}\n`).join(''))) {
      throw new Error(`Phrases must be lower-case words separated by single spaces or hyphens: ${this.phrases.filter((p) => !/^[a-z]+(?:[ -][a-z]+)*$/.test(p)).join(', ')}`);
    }
    const index = new Map<number, string[]>();
    for (const phrase of this.phrases) {
      const first = phrase.charCodeAt(0);
      const list = index.get(first);
      if (list) list.push(phrase);
      else index.set(first, [phrase]);
    }
    return index;
  }
}

/** The lists with a bit, by bit. */
const lists: PhraseList[] = [];

/**
 * For each first letter (a–z) and `nextIndex` of the next two: the bits of the lists that have
 * candidates there, and `KNOWN` once that is known. A line's places are looked up here once
 * (`startsIn`), and every list then skips the places, and most lines, where it has none.
 */
const MASKS = new Uint32Array(26 * 27 * 27);
const KNOWN = 0x80000000;

function maskAt(first: number, key: number): number {
  const at = (first - 97) * 27 * 27 + key;
  let mask = MASKS[at]!;
  if (mask === 0) {
    mask = KNOWN;
    for (const list of lists) if (list.candidatesAt(first, key).length) mask |= list.bit;
    MASKS[at] = mask;
  }
  return mask;
}

/**
 * Where a first letter's candidates for `second` and `third` (a–z, or 0 for anything else) are
 * kept. Past the first letter, a character that is no letter a–z agrees with the same phrases as
 * the end of the text does (those that end or have a gap first), so all are 0.
 */
function nextIndex(second: number, third: number): number {
  return (second ? second - 96 : 0) * 27 + (third ? third - 96 : 0);
}

/** The letter a–z the text folds to at `i`, or 0 for anything else and past the end. */
function letterAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = foldedAt(text, i);
  return c >= 97 && c <= 122 ? c : 0;
}

/**
 * Whether `phrase` can agree with a text whose character `k` places in is `c`: it has ended by
 * then, has a gap before or at `k` (after which places shift), or has `c` there.
 */
function agreesAt(phrase: string, k: number, c: number): boolean {
  for (let i = 1; i <= k; i++) {
    if (i >= phrase.length) return true;
    const p = phrase.charCodeAt(i);
    if (p === SPACE || p === HYPHEN) return true;
    if (i === k) return p === c;
  }
  return true;
}

/**
 * The phrases that `(?<![\p{L}\p{N}${notAfter}])(?:p1|p2|…)(?![\p{L}\p{N}-])`, flags `giu`, finds:
 * whole words, each search starting after the previous match. `notAfter` lists the characters
 * other than letters and digits a phrase may not follow.
 */
export function findPhrases(text: string, list: PhraseList, notAfter: string): readonly PhraseMatch[] {
  let found: PhraseMatch[] | null = null;
  const count = startsIn(text);
  const bit = list.bit;
  // Most lines have no place where a list's phrases can start: that is known from the line's masks.
  if (bit !== 0 && (startsMask & bit) === 0) return NONE;
  const at = starts;
  let from = 0;
  for (let k = 0; k < count; k++) {
    if (bit !== 0 && (masks[k]! & bit) === 0) continue;
    const i = at[k]!;
    if (i < from) continue;
    // Most places start none of the list's phrases: that is asked first, as it is the cheapest.
    const candidates = list.candidatesAt(firsts[k]!, keys[k]!);
    if (candidates.length === 0) continue;
    const before = codePointBefore(text, i);
    if (isLetterOrDigit(before) || (before >= 0 && holds(notAfter, before))) continue;
    const end = list.matchFirst(text, i, candidates, endsWord);
    if (end < 0) continue;
    (found ??= []).push({ start: i, end, phrase: list.matched });
    from = end;
  }
  // Most lines hold none of a list's phrases: they share one empty answer.
  return found ?? NONE;
}

/** A phrase found: where, and which of the list's phrases it is (as listed, however it is written). */
export interface PhraseMatch {
  start: number;
  end: number;
  phrase: string;
}

/** Read-only by type, not frozen (see `NOTHING` in text.ts). */
const NONE: readonly PhraseMatch[] = [];

/** Whether `chars` (all in the BMP) holds code point `c`, without making a string of it. */
function holds(chars: string, c: number): boolean {
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
  return false;
}

/** Whether a phrase ending at `end` ends a word there (what `(?![\p{L}\p{N}-])` tests). */
function endsWord(text: string, end: number): boolean {
  return !isLetterDigitOrHyphen(text.codePointAt(end) ?? -1);
}

/**
 * Where in the text last asked about a phrase may start (`startsIn`): a letter a–z as the text
 * folds it (every phrase starts with one), not right after an ASCII letter or digit (then it is
 * inside a word; the rest of what may not come before is each search's). With each place, its
 * letter and the `nextIndex` of the two characters after it, which pick a list's candidates
 * there. The craft rules search a line for several lists in turn, so the line is read once for
 * all of them.
 */
let starts = new Int32Array(64);
let firsts = new Uint8Array(64);
let keys = new Uint16Array(64);
/** Each place's `maskAt`, and all of them together. */
let masks = new Uint32Array(64);
let startsMask = 0;
let startsText: string | undefined;
let startsCount = 0;

function startsIn(text: string): number {
  if (text === startsText) return startsCount;
  if (starts.length < text.length) {
    starts = new Int32Array(text.length);
    firsts = new Uint8Array(text.length);
    keys = new Uint16Array(text.length);
    masks = new Uint32Array(text.length);
  }
  let n = 0;
  let all = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const first = foldedAt(text, i);
    if (first >= 97 && first <= 122) {
      const key = nextIndex(letterAt(text, i + 1), letterAt(text, i + 2));
      const mask = maskAt(first, key);
      starts[n] = i;
      firsts[n] = first;
      keys[n] = key;
      masks[n] = mask;
      all |= mask;
      n++;
    }
    // Nothing right after an ASCII letter or digit is a place: the rest of such a run is passed
    // over, and the character after it.
    if (isAsciiAlnum(text.charCodeAt(i))) {
      do i++;
      while (i < length && isAsciiAlnum(text.charCodeAt(i)));
    }
  }
  startsText = text;
  startsCount = n;
  startsMask = all;
  return n;
}

/** Whether a phrase of `list` can start anywhere in `text` (false only when none surely can). */
export function mayStartIn(text: string, list: PhraseList): boolean {
  startsIn(text);
  return list.bit === 0 || (startsMask & list.bit) !== 0;
}

/**
 * The code unit at `i` as a case-insensitive Unicode expression compares it with a lower-case
 * ASCII letter: upper-case ASCII letters, the long s "ſ" and the Kelvin sign (U+212A) fold to theirs
 * (no other character folds to an ASCII letter), anything else stays itself.
 */
export function foldedAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) return c + 32;
  if (c === 0x17f) return 115;
  if (c === 0x212a) return 107;
  return c;
}

/** Whether the code unit at `i` is a word character to `\b` with the flags `iu`: ASCII ones, and ſ and the Kelvin sign, which fold to ASCII letters. */
export function isRegExpWordCharAt(text: string, i: number): boolean {
  const c = foldedAt(text, i);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

/** Whether the code unit at `i` is whitespace to `\s`. */
export function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === SPACE || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The code point that ends just before `i`, as a lookbehind reads it, or -1 at the start. */
export function codePointBefore(text: string, i: number): number {
  if (i <= 0) return -1;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

let letterRe: RegExp | undefined;
let digitRe: RegExp | undefined;

/**
 * Whether code point `c` is in `\p{L}` with the flags `iu`. Case-insensitively a class also takes
 * what folds into it, which adds one character to the letters: U+0345, a combining mark whose
 * folding is the Greek letter ι. The `u`-only forms are compiled because they cost a fifth as much,
 * and only once a character outside ASCII and the punctuation block (curly quotes, dashes) is read.
 */
export function isLetter(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c >= 0x2000 && c <= 0x206f) return false;
  return c === 0x345 || (letterRe ??= /^\p{L}$/u).test(String.fromCodePoint(c));
}

/** Whether `c` is an ASCII letter or digit: what `isLetterOrDigit` says of ASCII, decided without more. */
export function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** Whether code point `c` is in `[\p{L}\p{N}]` with the flags `iu`. */
export function isLetterOrDigit(c: number): boolean {
  if (c < 128) return isAsciiAlnum(c);
  if (c >= 0x2000 && c <= 0x206f) return false;
  return isLetter(c) || (digitRe ??= /^\p{N}$/u).test(String.fromCodePoint(c));
}

/** Whether code point `c` is in `[\p{L}\p{N}-]` with the flags `iu`: what a whole phrase may not touch. */
export function isLetterDigitOrHyphen(c: number): boolean {
  return c === HYPHEN || isLetterOrDigit(c);
}
