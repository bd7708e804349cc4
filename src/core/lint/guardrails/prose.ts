/**
 * Phrases that ask in prose for what only an API parameter decides: the clip's length and its
 * size (resolution, orientation, aspect ratio). The model never reads them as settings, so they
 * do nothing except crowd the prompt. Each hit says how to remove it cleanly when that is possible.
 */
import { lazy } from '../../util/lazy.js';
import { article, memo, overlapping, removal } from './text.js';

export interface ProseHit {
  start: number;
  end: number;
  /** The phrase as written. */
  phrase: string;
  /** Replacement for a clean fix (null when no safe rewrite exists). */
  fix: { start: number; end: number; newText: string } | null;
  /** For resolution hits: which setting answers it. */
  kind: 'length' | 'resolution' | 'portrait' | 'landscape';
}

const NUM = String.raw`(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty(?:-five)?|sixty|ninety)`;
const UNIT = String.raw`(?:seconds?|secs?|minutes?|mins?)`;
const MEDIUM = String.raw`(?:video|clip|film|movie|sequence|spot|ad|commercial|reel|animation|short)`;

const removeAll = (text: string, start: number, end: number): ProseHit['fix'] => ({ ...removal(text, start, end), newText: '' });

/** "A 20-second video of…" → "A video of…": drop the modifier, keep the article right for the next word. */
function dropModifier(text: string, m: RegExpExecArray, articleGroup: string, next: string): ProseHit['fix'] {
  const a = articleGroup;
  const capital = a[0] === a[0]!.toUpperCase() && a[0] !== a[0]!.toLowerCase();
  const art = /^the$/i.test(a) ? a : article(next, capital);
  const end = m.index + m[0].length - next.length;
  return { start: m.index, end, newText: `${art} ` };
}

/**
 * A test of whether `text` may hold any of `words` (lower-case ASCII, or patterns for lower-case
 * text without flags) as a pattern with the `iu` flags matches them, so that each pattern is compiled and run only where it can match: compiling
 * one costs 0.2–0.8 ms, and most lines that pass a rule's first test match none. Under `iu` an ASCII
 * letter matches itself in either case and nothing else but the Kelvin sign, which matches 'k' and
 * lower-cases to it, and 'ſ', which matches 's' but does not: a text with 'ſ' may hold anything.
 */
function mayHold(text: string): (...words: Array<string | RegExp>) => boolean {
  const lower = text.toLowerCase();
  const longS = lower.includes('ſ');
  return (...words) => {
    if (longS) return true;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (typeof w === 'string' ? lower.includes(w) : w.test(lower)) return true;
    }
    return false;
  };
}

/** How MAKE_RE's first alternative starts, in lower case: "keeps walking" is not it. */
const MAKE_START = /\b(?:make|making|keep)\s+(?:it|this|the)\b/;

/** Calls `fn` on each match of the global pattern `re` in `text`. */
function each(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) fn(m);
}

const MODIFIER_RE = lazy(() => new RegExp(String.raw`\b(an?|the)\s+${NUM}[- ]${UNIT}(?:[- ]long)?\s+(${MEDIUM}s?)\b`, 'giu'));
const LASTING_RE = lazy(() => new RegExp(String.raw`\b(?:lasting|that lasts|runs for|running time(?: of)?|duration(?: of)?:?|length(?: of)?:?)\s+(?:about\s+|around\s+|approximately\s+|exactly\s+)?${NUM}\s*(?:s\b|${UNIT}\b)(?:\s+long\b)?`, 'giu'));
const LONG_RE = lazy(() => new RegExp(String.raw`\b(?:(?:is|be|at|about)\s+)?${NUM}[- ]${UNIT}[- ]long\b`, 'giu'));
const MAKE_RE = lazy(() => new RegExp(String.raw`\b(?:make|making|keep)\s+(?:it|this|the\s+${MEDIUM})\s+(?:longer|shorter|${NUM}\s+${UNIT}(?:\s+long)?)\b|\b(?:lengthen|shorten)\s+(?:it|the\s+${MEDIUM})\b`, 'giu'));

// The first test of each rule: some word that one of its patterns needs (see `mayHold` in
// lengthHits and resolutionHits), or 'ſ' or the Kelvin sign (`folds`). A digit alone is not
// enough: camera notes ("32 mm") and titles have them. A constant: a pattern literal in the
// function would be a new object at every call.
const MAY_BE_LENGTH = /sec|min|last|run|duration|length|mak|keep|shorten/i;
const MAY_BE_SIZE = /hd|[248]k|0p|\d\s?[x×]|vertical|portrait|horizontal|landscape|widescreen|9:16|16:9/i;
const WIDTH_BY_HEIGHT = /\b\d{3,4}\s?[x×]\s?\d{3,4}\b/gu;

/**
 * Whether `text` has 'ſ' or the Kelvin sign, which the patterns (flags `iu`) read as 's' and 'k':
 * such a line may hold anything. Apart from the first tests: in those, Node 20's V8 matches no 'ſ'
 * (`MAY_BE_LENGTH` with "|ſ" added fails on "ſ" itself).
 */
function folds(text: string): boolean {
  return text.indexOf('ſ') !== -1 || text.indexOf('\u212a') !== -1;
}

// Most lines mention no length or size at all, and are done with after the first test. The rest is
// a function of its own: its closures would make V8 allocate their context at every call.
export const lengthInProse = memo((text: string): ProseHit[] => (MAY_BE_LENGTH.test(text) || folds(text) ? lengthHits(text) : NO_HITS));
export const resolutionInProse = memo((text: string): ProseHit[] => (MAY_BE_SIZE.test(text) || folds(text) ? resolutionHits(text) : NO_HITS));

/** Shared by the lines with none (memo keeps no empty array either). */
const NO_HITS: ProseHit[] = [];

function lengthHits(text: string): ProseHit[] {
  const hits: ProseHit[] = [];
  const add = (start: number, end: number, fix: ProseHit['fix']): void => {
    if (overlapping(hits, start, end) !== -1) return;
    hits.push({ start, end, phrase: text.slice(start, end), fix, kind: 'length' });
  };
  // Each pattern runs only where the words it needs are: every UNIT starts "sec" or "min".
  const may = mayHold(text);
  const unit = may('sec', 'min');
  // "a 20-second video", "an eight second clip", "the 10-second-long film"
  if (unit) each(MODIFIER_RE(), text, (m) => add(m.index, m.index + m[0].length, dropModifier(text, m, m[1]!, m[2]!)));
  // "lasting 20 seconds", "duration: 4s", "running time of 30 seconds", "20 seconds long"
  if (may('last', 'run', 'duration', 'length')) each(LASTING_RE(), text, (m) => add(m.index, m.index + m[0].length, removeAll(text, m.index, m.index + m[0].length)));
  if (unit && may('long')) each(LONG_RE(), text, (m) => add(m.index, m.index + m[0].length, removeAll(text, m.index, m.index + m[0].length)));
  // "make it longer", "make the video 30 seconds", "extend the clip"
  if (may('lengthen', 'shorten') || may(MAKE_START)) each(MAKE_RE(), text, (m) => add(m.index, m.index + m[0].length, wholeSentence(text, m.index, m.index + m[0].length)));
  return hits.sort((a, b) => a.start - b.start);
}

/** Remove the phrase only when it is its whole sentence ("Make it longer."); else no safe fix. */
function wholeSentence(text: string, start: number, end: number): ProseHit['fix'] {
  const before = text.slice(0, start);
  const sStart = Math.max(before.lastIndexOf('.'), before.lastIndexOf('!'), before.lastIndexOf('?'), before.lastIndexOf(';')) + 1;
  if (before.slice(sStart).trim() !== '') return null;
  const close = text.slice(end).match(/^[.!?;]?/)![0];
  let e = end + close.length;
  if (text.slice(e).trim() !== '' && !/^\s/.test(text.slice(e))) return null;
  // The sentence goes with the space before it ("A street. Make it longer." → "A street."), or,
  // first in its line, with the space after it.
  if (sStart === 0 && text[e] === ' ') e += 1;
  return { start: sStart, end: e, newText: '' };
}

const RES = String.raw`(?:4k|8k|2k|uhd|ultra[- ]hd|full[- ]hd|hd|fhd|1080p|720p|2160p|1440p|4320p)`;

const IN_RES_RE = lazy(() => new RegExp(String.raw`\b(?:in|at)\s+${RES}(?:\s+resolution)?\b`, 'giu'));
const BARE_RES_RE = lazy(() => new RegExp(String.raw`\b(?:4k|8k|uhd|1080p|720p|2160p|1440p|4320p)(?:\s+resolution)?\b`, 'giu'));
const ORIENT_RE = lazy(() => new RegExp(String.raw`\b(?:(an?)\s+)?(?:in\s+)?(vertical|portrait|horizontal|landscape|widescreen)\s+(video|format|orientation|mode|aspect ratio)(s?)\b`, 'giu'));
const RATIO_RE = lazy(() => new RegExp(String.raw`\b(?:in\s+)?(9:16|16:9)(?:\s+(?:aspect ratio|format|frame))?\b`, 'giu'));

function resolutionHits(text: string): ProseHit[] {
  const hits: ProseHit[] = [];
  const add = (start: number, end: number, fix: ProseHit['fix'], kind: ProseHit['kind']): void => {
    if (overlapping(hits, start, end) !== -1) return;
    hits.push({ start, end, phrase: text.slice(start, end), fix, kind });
  };
  // As in lengthInProse: every RES has "hd", "4k", "8k", "2k" or "0p" in it.
  const may = mayHold(text);
  const res = may('hd', '4k', '8k', '2k', '0p');
  // "in 4K", "at 1080p resolution", "in ultra HD"
  if (res) each(IN_RES_RE(), text, (m) => add(m.index, m.index + m[0].length, removeAll(text, m.index, m.index + m[0].length), 'resolution'));
  // "4K footage", "1080p", "8K resolution" (bare HD/2K are too ambiguous without "in"/"at")
  if (res) each(BARE_RES_RE(), text, (m) => add(m.index, m.index + m[0].length, removeAll(text, m.index, m.index + m[0].length), 'resolution'));
  // "1920x1080" written in prose
  if (text.includes('x') || text.includes('×')) each(WIDTH_BY_HEIGHT, text, (m) => add(m.index, m.index + m[0].length, removeAll(text, m.index, m.index + m[0].length), 'resolution'));
  // "a vertical video", "in portrait mode", "landscape orientation"
  if (may('vertical', 'portrait', 'horizontal', 'landscape', 'widescreen')) {
    each(ORIENT_RE(), text, (m) => {
      const kind = /vertical|portrait/i.test(m[2]!) ? 'portrait' : 'landscape';
      const noun = m[3]!.toLowerCase();
      let fix: ProseHit['fix'];
      if (m[1] && noun === 'video') {
        // "a vertical video of" → "a video of"
        fix = { start: m.index, end: m.index + m[0].length - m[3]!.length - m[4]!.length, newText: `${article(m[3]!, m[1][0] === 'A')} ` };
      } else if (/^in\s/i.test(m[0].slice(m[1] ? m[1].length + 1 : 0)) || noun !== 'video') {
        fix = removeAll(text, m.index, m.index + m[0].length);
      } else fix = null;
      add(m.index, m.index + m[0].length, fix, kind);
    });
  }
  // "16:9", "9:16 aspect ratio"
  if (text.includes('9:16') || text.includes('16:9')) each(RATIO_RE(), text, (m) => add(m.index, m.index + m[0].length, removeAll(text, m.index, m.index + m[0].length), m[1] === '9:16' ? 'portrait' : 'landscape'));
  return hits.sort((a, b) => a.start - b.start);
}
