/**
 * Words, normalised words and the unknown-person candidates are found with small patterns on text
 * whose letters, numbers and marks are all Latin (Latin-1 for the candidates; nearly every line
 * is), and with the Unicode patterns only on other text: compiling a pattern with Unicode classes
 * costs 0.3–1.5 ms.
 * The results must be exactly what the Unicode patterns alone gave: the originals are kept here as
 * the oracle, compared on every code point and on generated text.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { unknownPeople } from '../../src/core/lint/guardrails/people-nlp.js';
import { fitsLatin1, LATIN1, lineWords, normalise, NormSet, wordCount, words, type Word } from '../../src/core/lint/guardrails/text.js';
import type { TextFragment } from '../../src/core/lint/types.js';

// People found by a stand-in for compromise: runs of capitalised words (some of one word), so the
// comparison is of the candidates, not of compromise.
vi.mock('compromise', () => ({
  default: (text: string) => ({
    people: () => ({
      json: () => [...text.matchAll(/\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{Ll}'’]+)*/gu)].map((m) => ({ text: m[0], offset: { start: m.index, length: m[0].length } })),
    }),
  }),
}));

// ---- The originals. ----

const OLD_WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

function oldNormalise(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase();
}

function oldWords(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(OLD_WORD)) {
    let t = m[0];
    if (/['’]s$/i.test(t)) t = t.slice(0, -2);
    out.push({ text: t, norm: oldNormalise(t), start: m.index, end: m.index + t.length });
  }
  return out;
}

function oldWordCount(text: string): number {
  const re = new RegExp(OLD_WORD.source, 'gu');
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

const CANDIDATE = /(?<![\p{L}\p{N}'’-])\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}(?![\p{L}\p{N}])/gu;
const NOT_NAME = /^(?:The|A|An|And|But|Or|In|On|At|Of|To|From|With|By|For|As|She|He|They|We|It|His|Her|Their|Our|This|That|These|Those|Then|When|While|After|Before|Close|Wide|Medium|Camera|Shot|Cut|Fade|Interior|Exterior|Int|Ext|Day|Night|Morning|Evening|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Mr|Mrs|Ms|Dr|Saint|St|North|South|East|West|New|Old|Lake|Mount|Cape|Fort|Port|Street|Square|Avenue|Park|Road|Bridge|Station|Hotel|Café|Cafe)$/;
const PLACE_END = /^(?:Street|Square|Avenue|Park|Road|Bridge|Station|Hotel|Airport|Tower|Building|Museum|Hall|Center|Centre|Stadium|Falls|River|Lake|Beach|Bay|Island|Mountains?|Valley|Garden|Gardens|Palace|Castle|Cathedral|Church|Market|Boulevard|Lane|Drive|Plaza|Theatre|Theater|University|College|School|Hospital|Library|Memorial|Monument|City|County|Desert|Forest|Canyon|Harbour|Harbor|Pier)$/;
const oldCache = new Map<string, Array<{ start: number; end: number; name: string }>>();

async function oldUnknownPeople(fragments: readonly TextFragment[], castNames: ReadonlySet<string>, givenNames: { has(word: string): boolean }) {
  const todo: Array<{ f: TextFragment; start: number; end: number; name: string }> = [];
  for (const f of fragments) {
    if (f.kind === 'title') continue;
    const quoted = quotedRanges(f.text);
    for (const m of f.text.matchAll(CANDIDATE)) {
      if (quoted.some(([s, e]) => m.index >= s && m.index < e)) continue;
      const parts = m[0].split(/\s+/);
      while (parts.length && (NOT_NAME.test(parts[0]!.replace(/['’]s$/, '')) || !givenNames.has(oldNormalise(parts[0]!)))) parts.shift();
      if (parts.length < 2 || parts.some((p) => castNames.has(p) || NOT_NAME.test(p))) continue;
      if (PLACE_END.test(parts[parts.length - 1]!)) continue;
      const name = parts.join(' ').replace(/['’]s$/, '');
      const start = m.index + m[0].lastIndexOf(parts[0]!);
      if (/\b(?:named|called|nicknamed)\s*$/i.test(f.text.slice(Math.max(0, start - 20), start))) continue;
      const after = f.text.slice(start + name.length);
      if (/^\s+\p{Lu}/u.test(after) && PLACE_END.test(after.trim().split(/\s+/)[0] ?? '')) continue;
      todo.push({ f, start, end: start + name.length, name });
    }
  }
  if (!todo.length) return [];
  const parse = (await import('compromise')).default as unknown as (text: string) => { people(): { json(o: object): Array<{ text: string; offset?: { start: number; length: number } }> } };
  const out: Array<{ fragment: TextFragment; start: number; end: number; name: string }> = [];
  for (const t of todo) {
    const sentence = t.f.text;
    let people = oldCache.get(sentence);
    if (!people) {
      people = parse(sentence)
        .people()
        .json({ offset: true })
        .flatMap((p) => (p.offset ? [{ start: p.offset.start, end: p.offset.start + p.offset.length, name: p.text }] : []));
      oldCache.set(sentence, people);
    }
    if (people.some((p) => p.start <= t.start && t.end <= p.end + 2 && p.name.trim().split(/\s+/).length >= 2)) out.push({ fragment: t.f, start: t.start, end: t.end, name: t.name });
  }
  return out;
}

function quotedRanges(text: string): Array<[number, number]> {
  return [...text.matchAll(/"[^"]*"?|“[^”]*”?/g)].map((m) => [m.index, m.index + m[0].length]);
}

// ---- Every code point. ----

/** Each code point as a string, with the lone surrogates. */
function* codePoints(): Generator<string> {
  for (let c = 0; c <= 0x10ffff; c++) yield c >= 0xd800 && c <= 0xdfff ? String.fromCharCode(c) : String.fromCodePoint(c);
}

describe('the Latin-1 patterns', () => {
  it('have the Unicode classes’ members on every character of text that fits Latin-1', () => {
    const classes = [
      [/^[\p{L}\p{N}]$/u, new RegExp(`^[${LATIN1.alnum}]$`)],
      [/^\p{Lu}$/u, new RegExp(`^[${LATIN1.upper}]$`)],
      [/^\p{Ll}$/u, new RegExp(`^[${LATIN1.lower}]$`)],
    ] as const;
    let fitting = 0;
    for (const c of codePoints()) {
      if (!fitsLatin1(c)) continue;
      fitting++;
      expect(c.length, c).toBe(1);
      expect(/\p{M}/u.test(c), c).toBe(false);
      for (const [unicode, latin1] of classes) expect(latin1.test(c), `${unicode.source} U+${c.charCodeAt(0).toString(16)}`).toBe(unicode.test(c));
    }
    // Latin-1 and the symbols ('—', '’', '“', '€', '→', '★' and the like).
    expect(fitting).toBeGreaterThan(1500);
  });

  it('find the words and counts the Unicode pattern finds, around every character of the BMP', () => {
    const same = (a: readonly Word[], b: readonly Word[]): boolean => a.length === b.length && a.every((w, i) => w.text === b[i]!.text && w.norm === b[i]!.norm && w.start === b[i]!.start && w.end === b[i]!.end);
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [ch, `Ab${ch}9’s ${ch}x-${ch}`, `a${ch}b’c ${ch}’d.${ch}`]) if (!same(words(t), oldWords(t)) || !same(asWords(t), oldWords(t)) || wordCount(t) !== oldWordCount(t)) wrong.push(t);
    }
    expect(wrong).toEqual([]);
  });

  it('normalise every code point as before', () => {
    const wrong: string[] = [];
    for (const c of codePoints()) for (const t of [c, `É${c}e\u0301`]) if (normalise(t) !== oldNormalise(t)) wrong.push(t);
    expect(wrong).toEqual([]);
  });
});

/** `lineWords(text)` read out as words. */
function asWords(text: string): Word[] {
  const ws = lineWords(text);
  return Array.from({ length: ws.count }, (_, i) => ({ text: ws.written(i), norm: ws.norm(i), start: ws.starts[i]!, end: ws.ends[i]! }));
}

// ---- Generated text. ----

const NAMES = ['Dvořák', 'Ğül', 'ǈubo', 'Anna', 'Tom', 'Sarah', 'Hanks', 'Kowalski', 'Cole', "O'Brien", 'Smith-Jones', 'Émile', 'Zoë', 'Dürer', 'Øyvind', 'Ægir', 'Þór', 'Ōta', 'Łukasz', 'İsmet', 'Ĳsbrand', 'ǅemal', 'Ωmega', 'Жанна', '𝐀lex', 'Maµ', 'Aª', 'Beyoncé', 'Mara', 'MARA'];
const NOT_NAMES = ['The', 'When', 'Street', 'Café', 'Cafe', 'Mr', 'St', 'Station', 'Mountain', 'Mountains', 'Bridge', 'Lake', 'Monday'];
const OTHER = ['walks', 'into', 'the', 'a', 'named', 'called', 'nicknamed', 'and', "'s", '’s', 'x', '12', '4K', '½', '²', 'ß', 'ÿ', 'µ', 'º', '×', '÷', '°', '—', '–', '…', '★', '♪', '€', '→', 'ˆ', 'ι', '\u0301', '\u0345', '\u2070', 'ⁱ', 'ℂ', 'Ⓐ', '🚆', '𝟎', '\ud835', '\udc00', 'ſ', '\u212a', 'e\u0301'];
const GAPS = [' ', ' ', ' ', '', '  ', '\n', '\t', '\u00a0', '\u2003', '-', '’', "'", '.', ', ', '. ', '"', '“', '”'];
const token = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NAMES) }, { weight: 2, arbitrary: fc.constantFrom(...NOT_NAMES) }, { weight: 3, arbitrary: fc.constantFrom(...OTHER) });
const text = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.tuple(token, fc.constantFrom(...GAPS)), { maxLength: 14 }).map((ts) => ts.map(([t, g]) => t + g).join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

describe('a set of normal forms', () => {
  it('never passes over a word whose normal form it holds, and passes over words it does not', () => {
    fc.assert(
      fc.property(text, (t) => {
        const ws = lineWords(t);
        const norms = Array.from({ length: ws.count }, (_, i) => ws.norm(i));
        const held = new NormSet(norms.filter((_, i) => i % 2 === 0));
        for (let i = 0; i < ws.count; i += 2) expect(held.mayHave(ws, i), norms[i]).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // A line of more words than the reading first makes room for.
    const long = Array.from({ length: 150 }, (_, i) => (i % 3 ? `word${i}` : `Name${i}’s`)).join(' ');
    expect(asWords(long)).toEqual(oldWords(long));
    const ws = lineWords('Ann walks with Tom and Émile');
    const set = new NormSet(['tom']);
    expect([0, 1, 2, 3, 4, 5].map((i) => set.mayHave(ws, i))).toEqual([false, false, false, true, false, true]);
  });
});

describe('words, wordCount and normalise on generated text', () => {
  it('are what the Unicode patterns give', () => {
    fc.assert(
      fc.property(text, (t) => {
        // Words make their strings when asked: compare what a rule reads.
        expect(words(t).map(({ text, norm, start, end }) => ({ text, norm, start, end }))).toEqual(oldWords(t));
        expect(asWords(t)).toEqual(oldWords(t));
        expect(wordCount(t)).toBe(oldWordCount(t));
        expect(normalise(t)).toBe(oldNormalise(t));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('unknownPeople on generated text', () => {
  const fragment = fc.tuple(text, fc.constantFrom('prose', 'prose', 'title', 'dialogue')).map(([t, kind]) => ({ text: t, kind, span: { start: 0, end: t.length } }) as unknown as TextFragment);
  const words = [...NAMES, ...NOT_NAMES, ...OTHER];

  it('finds the candidates the Unicode pattern finds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fragment, { minLength: 1, maxLength: 3 }), fc.subarray(words), fc.subarray(words), async (fragments, cast, given) => {
        const castNames = new Set(cast);
        const givenNames = new Set(given.map(oldNormalise));
        expect(await unknownPeople(fragments, castNames, givenNames)).toEqual(await oldUnknownPeople(fragments, castNames, givenNames));
      }),
      { numRuns: 3000 },
    );
  });

  it('treats names joined to other words as the Unicode pattern does', async () => {
    const given = new Set(['anna', 'tom', 'emile', 'zoe']);
    for (const t of ['Anna-Tom Hanks walks.', "O'Tom Hanks", '’Tom Hanks', 'x Tom Hanks', '9Tom Hanks', 'ÿTom Hanks', '×Tom Hanks', 'Tom Hanks-Smith', 'Tom Hanksé', 'Tom Hanks½', 'Tom Hanks²x', 'Émile Zoë Dürer', 'Tom\u00a0Hanks', 'Tom\u2003Hanks', 'Tom Hanks\u0301']) {
      const f = { text: t, kind: 'prose', span: { start: 0, end: t.length } } as unknown as TextFragment;
      expect(await unknownPeople([f], new Set(), given), t).toEqual(await oldUnknownPeople([f], new Set(), given));
    }
  });

  it('still finds the names the stand-in for compromise finds', async () => {
    const f = { text: 'Later Anna Kowalski meets Émile Dürer at the Grand Station.', kind: 'prose', span: { start: 0, end: 58 } } as unknown as TextFragment;
    const found = await unknownPeople([f], new Set(), new Set(['anna', 'emile']));
    expect(found.map((p) => p.name)).toEqual(['Anna Kowalski', 'Émile Dürer']);
  });
});
