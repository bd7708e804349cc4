/**
 * Finding content not suitable for under-18 audiences: the curated lexicons in `content.data.ts`
 * plus `obscenity` for profanity and slurs (its whitelist, extended here, keeps innocent words
 * that contain a bad one: "Scunthorpe", "a blue tit", "cockpit"), asked only about lines where
 * one of its blacklisted patterns matches (profanity.ts decides that without it). Minors together
 * with sexual content or nudity in the same line are always an error.
 */
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { LEXICON, MINORS, type Category } from './content.data.js';
import { FIRST_WORDS } from './content.words.js';
import { isAsciiAlnum, isLetter, isLetterOrDigit } from './phrases.js';
import { mayBeProfane } from './profanity.js';
import { isLatin, latinAlnum, memo, NORM_HASH_SEED, normHash, NormSet, overlapping } from './text.js';

export interface ContentHit {
  start: number;
  end: number;
  category: Category | 'minors-sexual';
  sure: boolean;
  phrase: string;
}

/** obscenity's words by what they are; anything unlisted is mild profanity (a warning). */
const STRONG = new Set(['fuck', 'cunt', 'twat', 'abo', 'abeed', 'africoon', 'arabush', 'boonga', 'chingchong', 'chink', 'kike', 'nigger', 'fag', 'tranny', 'spastic', 'retard', 'slut', 'whore']);
const SEXUAL = new Set(['anal', 'bestiality', 'blowjob', 'buttplug', 'cum', 'deepthroat', 'dildo', 'doggystyle', 'double penetration', 'ejaculate', 'felch', 'fellatio', 'finger bang', 'fisting', 'gangbang', 'handjob', 'hentai', 'incest', 'jerk off', 'jizz', 'lubejob', 'masturbate', 'orgasm', 'orgy', 'porn', 'rape', 'semen', 'sex', 'penis', 'vagina']);
const MILD_SEXUAL = new Set(['cock', 'pussy', 'tit', 'boob', 'hooker', 'cuck']);
const OUR_WHITELIST = ['rappel', 'rappels', 'rappelled', 'rappelling', 'rappeling', 'blue tit', 'great tit', 'coal tit', 'tit for tat', 'titmouse', 'pussy willow', 'pussycat', 'moby dick', 'spotted dick', 'dick van dyke', 'dick tracy', 'philip k. dick', 'cock-a-doodle-doo', 'cocker spaniel', 'peacock', 'cockpit', 'cockroach', 'cockatoo', 'cockerel', 'shuttlecock', 'stopcock', 'weathercock', 'hancock', 'hitchcock', 'woodcock', 'scunthorpe', 'sussex', 'essex', 'middlesex', 'sextant', 'sextet', 'therapist', 'grape', 'drape', 'rapeseed', 'sextuplets', 'dickens', 'bass', 'assassin', 'cumin', 'cumulus', 'document', 'circumstance', 'shitake', 'shiitake', 'uranus'];

let matcher: RegExpMatcher | null = null;
function profanity(): RegExpMatcher {
  if (!matcher) {
    const built = englishDataset.build();
    matcher = new RegExpMatcher({ ...built, whitelistedTerms: [...(built.whitelistedTerms ?? []), ...OUR_WHITELIST], ...englishRecommendedTransformers });
  }
  return matcher;
}

const minors = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${MINORS})(?![\p{L}\p{N}])`, 'iu');

/**
 * Results per line of text: the language server re-lints on every keystroke, and only the line
 * being typed changes, so every other line is a lookup.
 */
export const findContent: (text: string) => readonly ContentHit[] = memo((text) => scan(text));

/**
 * Lexicon entries by the first word of what they match (lower case; content.words.ts, generated
 * from the patterns). Most lines hold none of these words, so they never run an entry's regular
 * expression: one alternation of all entries cost ~8 ms to compile, most of a small file's lint.
 */
let entriesByFirstWord: Map<string, number[]> | null = null;
/**
 * Each entry's pattern for lower-case text, ending before an ASCII letter or digit: ~20x cheaper
 * to compile than the case-insensitive Unicode form, which runs only where a match is followed
 * by a non-ASCII letter (or lower-casing changed the text's length).
 */
const lowerRegExps: Array<RegExp | undefined> = [];
const exactRegExps: Array<RegExp | undefined> = [];

function scan(text: string): ContentHit[] {
  const hits: ContentHit[] = [];
  const matches = lexiconMatches(text);
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    const [, category, sure] = LEXICON[m.entry]!;
    add(hits, { start: m.start, end: m.end, category, sure, phrase: text.slice(m.start, m.end) });
  }
  if (mayBeProfane(text)) {
    for (const m of profanity().getAllMatches(text, true)) {
      const end = m.endIndex + 1;
      // obscenity reads digits as letters ("455" as "ass"); a match with no letter at all is a
      // number (a take, a room, a year), never a word in disguise.
      if (!hasLetter(text, m.startIndex, end)) continue;
      const word = englishDataset.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord ?? '';
      const category: Category = SEXUAL.has(word) || MILD_SEXUAL.has(word) ? 'sexual' : 'profanity';
      add(hits, { start: m.startIndex, end, category, sure: STRONG.has(word) || SEXUAL.has(word), phrase: text.slice(m.startIndex, end) });
    }
  }
  if (hits.some((h) => h.category === 'sexual' || h.category === 'nudity') && minors.test(text)) {
    for (const h of hits) if (h.category === 'sexual' || h.category === 'nudity') Object.assign(h, { category: 'minors-sexual', sure: true });
  }
  return hits.length > 1 ? hits.sort((a, b) => a.start - b.start) : hits;
}

/** Whether `text` has a letter in [start, end). */
function hasLetter(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isLetter(text.codePointAt(i)!)) return true;
  return false;
}

/** Add `h` unless it overlaps a hit, which a sure hit replaces when that one is not. */
function add(hits: ContentHit[], h: ContentHit): void {
  const overlap = overlapping(hits, h.start, h.end);
  if (overlap === -1) hits.push(h);
  else if (h.sure && !hits[overlap]!.sure) hits[overlap] = h;
}

/**
 * Where lexicon entries match, as one alternation of all entries would find them: the leftmost
 * match first, the earliest entry at a place, the next search after its end.
 */
export function lexiconMatches(text: string): Array<{ start: number; end: number; entry: number }> {
  const byWord = (entriesByFirstWord ??= indexByFirstWord());
  const out: Array<{ start: number; end: number; entry: number }> = [];
  // Latin text lower-cases to the same length but for "İ" (to two characters), and needs no
  // folding beyond that but for "ſ" (see below).
  if (isLatin(text) && text.indexOf('İ') === -1 && text.indexOf('ſ') === -1) {
    latinMatches(text, byWord, out);
    return out;
  }
  const lower = text.toLowerCase();
  // Case-insensitively "ſ" (long s) is an "s", which lower-casing does not make it; the Kelvin sign
  // lower-cases to "k". No other character matches an ASCII letter.
  const longS = text.includes('ſ');
  const sameLength = lower.length === text.length && !longS;
  let after = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    // ASCII first: most characters are, and need no decoding.
    if (c < 128 ? !isAsciiAlnum(c) : !isLetterOrDigit(text.codePointAt(i)!)) {
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? codePointWidth(text, i) : 1;
      continue;
    }
    let j = i + codePointWidth(text, i);
    for (;;) {
      if (j >= n) break;
      const d = text.charCodeAt(j);
      if (d < 128) {
        if (!isAsciiAlnum(d)) break;
        j++;
      } else if (isLetterOrDigit(text.codePointAt(j)!)) j += codePointWidth(text, j);
      else break;
    }
    const entries = i >= after && (!sameLength || firstWords!.mayHaveAt(lower, i, j)) ? byWord.get(sameLength ? lower.slice(i, j) : foldCase(text.slice(i, j), longS)) : undefined;
    if (entries) after = firstEntry(entries, text, lower, sameLength, i, out, after);
    i = j;
  }
  return out;
}

/**
 * `lexiconMatches` of Latin text without "İ" or "ſ": its letters and digits are told from a table,
 * and a word is looked up only when the hash of its letters, lower-cased as read, may be a first
 * word's (`firstWords`), or it has a letter beyond ASCII. Most words are no first word, and the
 * text is lower-cased only once one may be.
 */
function latinMatches(text: string, byWord: Map<string, number[]>, out: Array<{ start: number; end: number; entry: number }>): void {
  const first = firstWords!;
  let lower: string | undefined;
  let after = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    let c = text.charCodeAt(i);
    if (!latinAlnum(c)) {
      i++;
      continue;
    }
    let hash = NORM_HASH_SEED;
    let beyondAscii = 0;
    let j = i;
    do {
      beyondAscii |= c & ~127;
      hash = normHash(hash, c >= 65 && c <= 90 ? c + 32 : c);
      c = ++j < n ? text.charCodeAt(j) : 0;
    } while (j < n && latinAlnum(c));
    if (i >= after && (beyondAscii !== 0 || first.hasHash(hash))) {
      lower ??= text.toLowerCase();
      const entries = byWord.get(lower.slice(i, j));
      if (entries) after = firstEntry(entries, text, lower, true, i, out, after);
    }
    i = j;
  }
}

/** Add the first of `entries` that matches at `at` to `out`: where the next search may start (`after` when none matches). */
function firstEntry(entries: readonly number[], text: string, lower: string, sameLength: boolean, at: number, out: Array<{ start: number; end: number; entry: number }>, after: number): number {
  for (const k of entries) {
    const end = matchAt(k, text, lower, sameLength, at);
    if (end < 0) continue;
    out.push({ start: at, end, entry: k });
    return end;
  }
  return after;
}

/** The first words, to look a word up only when it may be one (made with the index). */
let firstWords: NormSet | null = null;

/** How many code units the code point at `i` takes. */
function codePointWidth(text: string, i: number): number {
  return text.codePointAt(i)! > 0xffff ? 2 : 1;
}

function foldCase(word: string, longS: boolean): string {
  const lower = word.toLowerCase();
  return longS ? lower.replace(/ſ/g, 's') : lower;
}

/** Where entry k's match starting at `at` ends, or -1 (`sameLength`: the lower-cased text lines up with the text). */
function matchAt(k: number, text: string, lower: string, sameLength: boolean, at: number): number {
  if (sameLength) {
    const re = (lowerRegExps[k] ??= new RegExp(`(?:${LEXICON[k]![0]})(?![a-z0-9])`, 'y'));
    re.lastIndex = at;
    const m = re.exec(lower);
    if (!m) return -1;
    const end = at + m[0].length;
    if (end >= text.length || text.charCodeAt(end) < 128) return end;
  }
  const re = (exactRegExps[k] ??= new RegExp(String.raw`(?:${LEXICON[k]![0]})(?![\p{L}\p{N}])`, 'iuy'));
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? at + m[0].length : -1;
}

function indexByFirstWord(): Map<string, number[]> {
  const index = new Map<string, number[]>();
  firstWords = new NormSet(FIRST_WORDS.flatMap((words) => words.split(' ')));
  FIRST_WORDS.forEach((words, k) => {
    for (const word of words.split(' ')) {
      const entries = index.get(word);
      if (!entries) index.set(word, [k]);
      else if (entries[entries.length - 1] !== k) entries.push(k);
    }
  });
  return index;
}
