/**
 * Finding content not suitable for under-18 audiences: the curated lexicons in `content.data.ts`
 * plus `obscenity` for profanity and slurs (its whitelist, extended here, keeps innocent words
 * that contain a bad one: "Scunthorpe", "a blue tit", "cockpit"). Minors together with sexual
 * content or nudity in the same line are always an error.
 */
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { LEXICON, MINORS, type Category } from './content.data.js';
import { FIRST_WORDS } from './content.words.js';
import { memo } from './text.js';

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

/** Letters and digits: a lexicon match starts at the first letter of such a run and ends at the last of one. */
const RUN = /[\p{L}\p{N}]+/gu;

/**
 * Lexicon entries by the first word of what they match (lower case; content.words.ts, generated
 * from the patterns). Most lines hold none of these words, so they never run an entry's regular
 * expression: one alternation of all entries cost ~8 ms to compile, most of a small file's lint.
 */
let entriesByFirstWord: Map<string, number[]> | null = null;
const entryRegExps: Array<RegExp | undefined> = [];

function scan(text: string): ContentHit[] {
  const hits: ContentHit[] = [];
  const add = (h: ContentHit): void => {
    const overlap = hits.findIndex((x) => h.start < x.end && x.start < h.end);
    if (overlap === -1) hits.push(h);
    else if (h.sure && !hits[overlap]!.sure) hits[overlap] = h;
  };
  for (const m of lexiconMatches(text)) {
    const [, category, sure] = LEXICON[m.entry]!;
    add({ start: m.start, end: m.end, category, sure, phrase: text.slice(m.start, m.end) });
  }
  for (const m of profanity().getAllMatches(text, true)) {
    const word = englishDataset.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord ?? '';
    const end = m.endIndex + 1;
    const category: Category = SEXUAL.has(word) || MILD_SEXUAL.has(word) ? 'sexual' : 'profanity';
    add({ start: m.startIndex, end, category, sure: STRONG.has(word) || SEXUAL.has(word), phrase: text.slice(m.startIndex, end) });
  }
  if (hits.some((h) => h.category === 'sexual' || h.category === 'nudity') && minors.test(text)) {
    for (const h of hits) if (h.category === 'sexual' || h.category === 'nudity') Object.assign(h, { category: 'minors-sexual', sure: true });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * Where lexicon entries match, as one alternation of all entries would find them: the leftmost
 * match first, the earliest entry at a place, the next search after its end.
 */
export function lexiconMatches(text: string): Array<{ start: number; end: number; entry: number }> {
  const byWord = (entriesByFirstWord ??= indexByFirstWord());
  const out: Array<{ start: number; end: number; entry: number }> = [];
  let after = 0;
  for (const w of text.matchAll(RUN)) {
    if (w.index < after) continue;
    const entries = byWord.get(w[0].toLowerCase());
    if (!entries) continue;
    for (const k of entries) {
      const re = (entryRegExps[k] ??= new RegExp(String.raw`(?:${LEXICON[k]![0]})(?![\p{L}\p{N}])`, 'iuy'));
      re.lastIndex = w.index;
      const m = re.exec(text);
      if (!m) continue;
      out.push({ start: w.index, end: w.index + m[0].length, entry: k });
      after = w.index + m[0].length;
      break;
    }
  }
  return out;
}

function indexByFirstWord(): Map<string, number[]> {
  const index = new Map<string, number[]>();
  FIRST_WORDS.forEach((words, k) => {
    for (const word of words.split(' ')) {
      const entries = index.get(word);
      if (!entries) index.set(word, [k]);
      else if (entries[entries.length - 1] !== k) entries.push(k);
    }
  });
  return index;
}
