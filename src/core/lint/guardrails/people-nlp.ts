/**
 * Full names the gazetteer does not know, found with compromise's person detection. Only runs on
 * sentences with two or more capitalised words in a row that are not a cast name, a place named
 * after someone, or introduced as a fictional name ("a woman named Sarah Cole"); compromise is
 * imported only when such a sentence exists, and results are cached per sentence.
 */
import type { TextFragment } from '../types.js';
import { fitsLatin1, inRanges, LATIN1, normalise, quotedRanges } from './text.js';

export interface UnknownPerson {
  fragment: TextFragment;
  start: number;
  end: number;
  name: string;
}

/** Two or three capitalised words in a row. */
const CANDIDATE = String.raw`(?<![\p{L}\p{N}'’-])\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}(?![\p{L}\p{N}])`;
/** CANDIDATE for text that `fitsLatin1`. */
const LATIN1_CANDIDATE = new RegExp(String.raw`(?<![${LATIN1.alnum}'’-])[${LATIN1.upper}][${LATIN1.lower}'’-]+(?:\s+[${LATIN1.upper}][${LATIN1.lower}'’-]+){1,2}(?![${LATIN1.alnum}])`, 'g');
/** Built on first use: parsing and compiling it costs ~2 ms. */
let candidate: RegExp | undefined;
/** Capitalised words that are not names: headings, titles, days, places, brands. Sets, not patterns: a lookup needs no compiling. */
const NOT_NAME = new Set(
  'The A An And But Or In On At Of To From With By For As She He They We It His Her Their Our This That These Those Then When While After Before Close Wide Medium Camera Shot Cut Fade Interior Exterior Int Ext Day Night Morning Evening Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Mr Mrs Ms Dr Saint St North South East West New Old Lake Mount Cape Fort Port Street Square Avenue Park Road Bridge Station Hotel Café Cafe'.split(' '),
);
const PLACE_END = new Set(
  'Street Square Avenue Park Road Bridge Station Hotel Airport Tower Building Museum Hall Center Centre Stadium Falls River Lake Beach Bay Island Mountain Mountains Valley Garden Gardens Palace Castle Cathedral Church Market Boulevard Lane Drive Plaza Theatre Theater University College School Hospital Library Memorial Monument City County Desert Forest Canyon Harbour Harbor Pier'.split(' '),
);

const cache = new Map<string, Array<{ start: number; end: number; name: string }>>();
let nlp: Promise<(text: string) => { people(): { json(o: object): Array<{ text: string; offset?: { start: number; length: number } }> } }> | null = null;

/**
 * `givenNames`: a candidate must start with one (the first word of some known person's name), so
 * shot titles and product names ("Arrival Drift", "Black Pro-Mist") never wake compromise.
 */
export async function unknownPeople(fragments: readonly TextFragment[], castNames: ReadonlySet<string>, givenNames: { has(word: string): boolean }): Promise<UnknownPerson[]> {
  const todo: Array<{ f: TextFragment; start: number; end: number; name: string }> = [];
  for (const f of fragments) {
    // A shot's title names the shot.
    if (f.kind === 'title') continue;
    // Quoted words are titles, signs or speech, not people in the frame.
    const quoted = quotedRanges(f.text);
    for (const m of f.text.matchAll(fitsLatin1(f.text) ? LATIN1_CANDIDATE : (candidate ??= new RegExp(CANDIDATE, 'gu')))) {
      if (inRanges(quoted, m.index)) continue;
      const parts = m[0].split(/\s+/);
      // Trim leading words that are not names ("The Beatles" is not a person, "When Mara" is Mara).
      // Leading words that are not a given name are titles or sentence openers: "Detective Anna Kowalski".
      while (parts.length && (NOT_NAME.has(parts[0]!.replace(/['’]s$/, '')) || !givenNames.has(normalise(parts[0]!)))) parts.shift();
      if (parts.length < 2 || parts.some((p) => castNames.has(p) || NOT_NAME.has(p))) continue;
      if (PLACE_END.has(parts[parts.length - 1]!)) continue;
      const name = parts.join(' ').replace(/['’]s$/, '');
      const start = m.index + m[0].lastIndexOf(parts[0]!);
      if (/\b(?:named|called|nicknamed)\s*$/i.test(f.text.slice(Math.max(0, start - 20), start))) continue;
      const after = f.text.slice(start + name.length);
      if (/^\s+\p{Lu}/u.test(after) && PLACE_END.has(after.trim().split(/\s+/)[0] ?? '')) continue;
      todo.push({ f, start, end: start + name.length, name });
    }
  }
  if (!todo.length) return [];
  nlp ??= import('compromise').then((m) => m.default as never);
  const parse = await nlp;
  const out: UnknownPerson[] = [];
  for (const t of todo) {
    const sentence = t.f.text;
    let people = cache.get(sentence);
    if (!people) {
      people = parse(sentence)
        .people()
        .json({ offset: true })
        .flatMap((p) => (p.offset ? [{ start: p.offset.start, end: p.offset.start + p.offset.length, name: p.text }] : []));
      if (cache.size > 5000) cache.clear();
      cache.set(sentence, people);
    }
    if (people.some((p) => p.start <= t.start && t.end <= p.end + 2 && p.name.trim().split(/\s+/).length >= 2)) out.push({ fragment: t.f, start: t.start, end: t.end, name: t.name });
  }
  return out;
}
