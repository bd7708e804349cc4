/**
 * Finding content not suitable for under-18 audiences: the curated lexicons in `content.data.ts`
 * plus `obscenity` for profanity and slurs (its whitelist, extended here, keeps innocent words
 * that contain a bad one: "Scunthorpe", "a blue tit", "cockpit"). Minors together with sexual
 * content or nudity in the same line are always an error.
 */
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { LEXICON, MINORS, type Category } from './content.data.js';
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

/** All lexicon entries in one alternation (one pass per line); group k + 1 is entry k. */
let lexicon: RegExp | null = null;
const minors = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${MINORS})(?![\p{L}\p{N}])`, 'iu');

/**
 * Results per line of text: the language server re-lints on every keystroke, and only the line
 * being typed changes, so every other line is a lookup.
 */
export const findContent: (text: string) => readonly ContentHit[] = memo((text) => scan(text));

function scan(text: string): ContentHit[] {
  lexicon ??= new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${LEXICON.map(([p]) => `(${p.replace(/\((?!\?)/g, '(?:')})`).join('|')})(?![\p{L}\p{N}])`, 'giu');
  const hits: ContentHit[] = [];
  const add = (h: ContentHit): void => {
    const overlap = hits.findIndex((x) => h.start < x.end && x.start < h.end);
    if (overlap === -1) hits.push(h);
    else if (h.sure && !hits[overlap]!.sure) hits[overlap] = h;
  };
  lexicon.lastIndex = 0;
  for (const m of text.matchAll(lexicon)) {
    const k = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
    const [, category, sure] = LEXICON[k]!;
    add({ start: m.index, end: m.index + m[0].length, category, sure, phrase: m[0] });
  }
  for (const m of profanity().getAllMatches(text, true)) {
    const word = englishDataset.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord ?? '';
    const end = m.endIndex + 1;
    const category: Category = SEXUAL.has(word) || MILD_SEXUAL.has(word) ? 'sexual' : 'profanity';
    add({ start: m.startIndex, end, category, sure: STRONG.has(word) || SEXUAL.has(word), phrase: text.slice(m.startIndex, end) });
  }
  const minor = minors.exec(text);
  if (minor && hits.some((h) => h.category === 'sexual' || h.category === 'nudity')) {
    for (const h of hits) if (h.category === 'sexual' || h.category === 'nudity') Object.assign(h, { category: 'minors-sexual', sure: true });
  }
  return hits.sort((a, b) => a.start - b.start);
}
