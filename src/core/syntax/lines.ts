/**
 * The line classifier: `.shot` is line-oriented, and the kind of a line comes from how it starts
 * (as in Fountain), so one scan of a line decides its token (`tokens.ts` reads the file line by
 * line with it).
 */
import type { TokenType } from 'chevrotain';
import { isKnownKey, looksLikeMisspeltKey } from './keys.js';
import { isHeaderKeyword, keyLabelAt, MODEL_WORD, nameLabelAt, SECONDS_WORD, SIZE_WORD } from './labels.js';

export type LineKind =
  | 'bom'
  | 'blank'
  | 'comment'
  | 'note'
  | 'frontmatter'
  | 'cast'
  | 'look'
  | 'clip'
  | 'timing'
  | 'name'
  | 'key'
  | 'prose';

/** What the classifier learnt about a line (or, for notes and front matter, a run of lines). */
export interface LineInfo {
  kind: LineKind;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the line terminator (or end of input). */
  end: number;
  /** Indentation width; a tab advances to the next multiple of 4. */
  indent: number;
  /** Whether the indentation mixes tabs and spaces. */
  mixedIndent: boolean;
  /** First non-blank character. */
  contentStart: number;
  /** Just past the last non-blank character of the (last) line, before its terminator. */
  contentEnd: number;
  /** key/name: end of the label or name; timing: end of the second number. */
  labelEnd: number;
  /** key/name: offset of the colon. */
  colon: number;
  /** name: the parenthetical's inner span, or -1. */
  parenStart: number;
  parenEnd: number;
  /** key: whether the label is in the vocabulary (otherwise a likely misspelling). */
  known: boolean;
  /** note/frontmatter: whether it was closed. */
  closed: boolean;
  /** timing: the two numbers' spans. */
  t1Start: number;
  t1End: number;
  t2Start: number;
  t2End: number;
}

// After the end time: the end of the line, a dash, quote or `(` after spaces, a quote or `(`
// directly, or a dash directly followed by a space, quote or `(` (`0.00–2.40—"Arrival"`). Anything
// else ("3-4 commuters wait") keeps the line prose.
const TIMING_RE =
  /(\d+(?::\d{1,2})?(?:\.\d+)?)s?[ \t]*(?:--|[-–—‒])[ \t]*(\d+(?::\d{1,2})?(?:\.\d+)?)s?(?=[ \t]*(?:$|[\r\n])|[ \t]+(?:--|[-–—‒"“”'‘(])|[ \t]*[("“]|(?:--|[-–—‒])[ \t"“(])/y;

/**
 * A classified line, which is also its own Chevrotain token (`tokens.ts` sets its type): one
 * object per line, holding no copy of the line's text. A block's lines stay alive from reading
 * them to building the block's tree, so what a line costs in memory is what the garbage collector
 * may have to copy meanwhile.
 */
export class Line implements LineInfo {
  labelEnd = -1;
  colon = -1;
  parenStart = -1;
  parenEnd = -1;
  known = false;
  closed = true;
  t1Start = -1;
  t1End = -1;
  t2Start = -1;
  t2End = -1;
  /** The token's type, set by the reader (`tokens.ts`); a line that is not a token keeps none. */
  tokenType!: TokenType;
  tokenTypeIdx = 0;

  constructor(
    private readonly source: string,
    public kind: LineKind,
    public readonly start: number,
    public end: number,
    public readonly indent: number,
    public readonly mixedIndent: boolean,
    public readonly contentStart: number,
    public contentEnd: number,
  ) {}

  /** The token's text (made when asked: the parser reads it only to describe an error). */
  get image(): string {
    return this.source.slice(this.start, this.end);
  }

  get startOffset(): number {
    return this.start;
  }

  /** The source text from `from` to `to`. */
  slice(from: number, to: number): string {
    return this.source.slice(from, to);
  }
}

function lineEndAt(text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
    i++;
  }
  return n;
}

function afterTerminator(text: string, eol: number): number {
  if (eol >= text.length) return eol;
  if (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10) return eol + 2;
  return eol + 1;
}

function trimEnd(text: string, from: number, to: number): number {
  let e = to;
  while (e > from) {
    const c = text.charCodeAt(e - 1);
    if (c === 32 || c === 9) e--;
    else break;
  }
  return e;
}

/** Classify the line starting at `offset` (which must be a line start). */
export function classifyLine(text: string, offset: number): Line {
  const n = text.length;
  if (offset === 0 && n > 0 && text.charCodeAt(0) === 0xfeff) {
    return new Line(text, 'bom', offset, 1, 0, false, 0, 1);
  }
  let i = offset;
  let indent = 0;
  let sawTab = false;
  let sawSpace = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      indent++;
      sawSpace = true;
    } else if (c === 9) {
      indent = indent + 4 - (indent % 4);
      sawTab = true;
    } else break;
    i++;
  }
  const eol = lineEndAt(text, i);
  const end = afterTerminator(text, eol);
  const contentStart = i;
  const contentEnd = trimEnd(text, i, eol);
  const mixed = sawTab && sawSpace;
  const info = new Line(text, 'prose', offset, end, indent, mixed, contentStart, contentEnd);
  if (contentStart === eol) {
    info.kind = 'blank';
    return info;
  }
  const c0 = text.charCodeAt(contentStart);
  const c1 = contentStart + 1 < n ? text.charCodeAt(contentStart + 1) : 0;

  // The opening fence may be indented: an indented `---` first line means front matter all the same.
  if (isFence(text, contentStart, contentEnd, '---') && onlyBlankBefore(text, offset)) {
    return frontMatter(text, info, end);
  }
  if (c0 === 47 /* / */ && c1 === 47) {
    info.kind = 'comment';
    return info;
  }
  if (c0 === 91 /* [ */ && c1 === 91) {
    const close = text.indexOf(']]', contentStart + 2);
    if (close !== -1 && close + 2 <= contentEnd) {
      // A note alone on its line; text after `]]` makes it prose with an inline note.
      if (close + 2 === contentEnd) info.kind = 'note';
      return info;
    }
    return multiLineNote(text, info, eol);
  }
  if (c0 === 67 /* C */) {
    if (startsWord(text, contentStart, contentEnd, 'CAST') && contentStart + 4 === contentEnd) {
      info.kind = 'cast';
      info.labelEnd = contentStart + 4;
      return info;
    }
    if (startsWord(text, contentStart, contentEnd, 'CLIP')) {
      info.kind = 'clip';
      info.labelEnd = contentStart + 4;
      return info;
    }
  }
  if (c0 === 76 /* L */ && startsWord(text, contentStart, contentEnd, 'LOOK')) {
    info.kind = 'look';
    info.labelEnd = contentStart + 4;
    return info;
  }
  if ((c0 | 0x20) === 99 /* c */) {
    const loose = looseHeading(text, contentStart, contentEnd);
    if (loose) {
      info.kind = loose.kind;
      info.labelEnd = loose.keywordEnd;
      return info;
    }
  }
  if (c0 >= 48 && c0 <= 57) {
    TIMING_RE.lastIndex = contentStart;
    const m = TIMING_RE.exec(text);
    if (m && m.index === contentStart) {
      info.kind = 'timing';
      info.t1Start = contentStart;
      info.t1End = contentStart + m[1]!.length;
      const secondAt = text.indexOf(m[2]!, info.t1End + 1);
      info.t2Start = secondAt;
      info.t2End = secondAt + m[2]!.length;
      info.labelEnd = TIMING_RE.lastIndex;
      return info;
    }
    return info;
  }
  // Keyed and name lines need a colon; most prose has none near its start.
  const limit = contentEnd < contentStart + 64 ? contentEnd : contentStart + 64;
  let colon = contentStart;
  while (colon < limit && text.charCodeAt(colon) !== 58) colon++;
  if (colon >= limit) return info;
  // Names are capitals (MARA, DR. OKAFOR); keys are mixed case. A capitalised known key
  // (SOUND:) stays a key.
  const nm = nameLabelAt(text, contentStart);
  if (nm && nm.index === contentStart && nm.index + nm[0].length <= contentEnd + 1) {
    const name = nm[1]!;
    if (!isKnownKey(name)) {
      info.kind = 'name';
      info.labelEnd = contentStart + name.length;
      info.colon = contentStart + nm[0].length - 1;
      if (nm[2] !== undefined) {
        const open = text.indexOf('(', info.labelEnd);
        const inner = nm[2];
        const lead = inner.length - inner.replace(/^[ \t]+/, '').length;
        info.parenStart = open + 1 + lead;
        info.parenEnd = Math.max(info.parenStart, open + 1 + inner.replace(/[ \t]+$/, '').length);
      }
      return info;
    }
  }
  const km = keyLabelAt(text, contentStart);
  if (km && km.index === contentStart) {
    const label = km[1]!;
    const known = isKnownKey(label);
    if (known || looksLikeMisspeltKey(label)) {
      info.kind = 'key';
      info.known = known;
      info.labelEnd = contentStart + label.length;
      info.colon = contentStart + km[0].length - 1;
      return info;
    }
  }
  return info;
}

/**
 * A heading written loosely, read as the heading (the builder reports it, with the fix): `CAST:`
 * and `CLIP: name …` with a colon, and `Cast` or `Clip name 8s` not in capitals. Only where the
 * line cannot be anything else: a clip needs a name and a length, size or source after it (`Clip
 * the wings` stays prose); `LOOK:` is the Look section, and `Look name` reads as a sentence.
 */
function looseHeading(text: string, start: number, end: number): { kind: 'cast' | 'clip'; keywordEnd: number } | null {
  if (end - start < 4) return null;
  const word = text.slice(start, start + 4);
  const upper = word.toUpperCase();
  if (upper !== 'CAST' && upper !== 'CLIP') return null;
  let k = start + 4;
  const colon = text.charCodeAt(k) === 58;
  if (colon) k++;
  else if (k < end && text.charCodeAt(k) !== 32 && text.charCodeAt(k) !== 9) return null;
  const rest = text.slice(k, end).trim();
  if (upper === 'CAST') return rest === '' ? { kind: 'cast', keywordEnd: k } : null;
  return (word === upper && colon) || clipHeaderLike(rest) ? { kind: 'clip', keywordEnd: k } : null;
}


/** A name, then words that are all clip attributes, at least one of them a length, size or source. */
function clipHeaderLike(rest: string): boolean {
  const words = rest.split(/[ \t]+/);
  if (words.length < 2) return false;
  let attributes = 0;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (SECONDS_WORD.test(w) || SIZE_WORD.test(w)) attributes++;
    else if (isHeaderKeyword(w) && i + 1 < words.length) {
      attributes++;
      i++;
    } else if (!MODEL_WORD.test(w)) return false;
  }
  return attributes > 0;
}

function startsWord(text: string, at: number, limit: number, word: string): boolean {
  if (!text.startsWith(word, at)) return false;
  const next = at + word.length;
  if (next >= limit) return next === limit;
  const c = text.charCodeAt(next);
  return c === 32 || c === 9;
}

function isFence(text: string, from: number, to: number, fence: string): boolean {
  return to - from === fence.length && text.startsWith(fence, from);
}

/** Front matter opens the file: only blank lines (and a byte-order mark) may come before it. */
function onlyBlankBefore(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}

function isBlankLine(text: string, from: number, eol: number): boolean {
  for (let i = from; i < eol; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Front matter runs to a closing `---` (or `...`); unclosed, it stops at the first blank line. */
function frontMatter(text: string, info: Line, firstEnd: number): Line {
  info.kind = 'frontmatter';
  let pos = firstEnd;
  const n = text.length;
  while (pos < n) {
    const eol = lineEndAt(text, pos);
    const e = trimEnd(text, pos, eol);
    if (isFence(text, pos, e, '---') || isFence(text, pos, e, '...')) {
      info.end = afterTerminator(text, eol);
      info.contentEnd = e;
      return info;
    }
    pos = afterTerminator(text, eol);
  }
  // Unclosed: take the lines up to the first blank one so that the rest of the file still parses.
  info.closed = false;
  pos = firstEnd;
  let lastContentEnd = info.contentEnd;
  while (pos < n) {
    const eol = lineEndAt(text, pos);
    if (isBlankLine(text, pos, eol)) break;
    lastContentEnd = trimEnd(text, pos, eol);
    pos = afterTerminator(text, eol);
  }
  info.end = pos;
  info.contentEnd = lastContentEnd;
  return info;
}

/** `[[` without `]]` on its line: a note continues until `]]`, but never past a blank line. */
function multiLineNote(text: string, info: Line, firstEol: number): Line {
  info.kind = 'note';
  const n = text.length;
  let pos = afterTerminator(text, firstEol);
  while (pos < n) {
    const eol = lineEndAt(text, pos);
    if (isBlankLine(text, pos, eol)) break;
    const close = text.indexOf(']]', pos);
    if (close !== -1 && close < eol) {
      const e = trimEnd(text, pos, eol);
      if (close + 2 === e) {
        info.end = afterTerminator(text, eol);
        info.contentEnd = e;
        return info;
      }
      break;
    }
    pos = afterTerminator(text, eol);
  }
  info.closed = false;
  return info;
}
