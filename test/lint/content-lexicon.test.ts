/**
 * The under-18 lexicon is searched word by word: a line's words are looked up in an index of what
 * each entry's matches start with, and only those entries run. These tests hold that index to the
 * patterns (generated, and regenerated after an edit) and the search to what one alternation of
 * every entry finds, which is the lexicon's meaning.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEXICON } from '../../src/core/lint/guardrails/content.data.js';
import { lexiconMatches } from '../../src/core/lint/guardrails/content.js';
import { firstWords } from '../../src/core/lint/guardrails/lexicon-words.js';
import { ROOT } from '../helpers/cli.js';
// @ts-expect-error -- plain JavaScript module without type declarations
import { render } from '../../scripts/gen-content-words.js';

/** The lexicon as one regular expression: group k + 1 is entry k. */
const ALTERNATION = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${LEXICON.map(([p]) => `(${p.replace(/\((?!\?)/g, '(?:')})`).join('|')})(?![\p{L}\p{N}])`, 'giu');

function byAlternation(text: string): Array<{ start: number; end: number; entry: number }> {
  return [...text.matchAll(ALTERNATION)].map((m) => ({ start: m.index, end: m.index + m[0].length, entry: m.findIndex((g, i) => i > 0 && g !== undefined) - 1 }));
}

describe('the under-18 lexicon index', () => {
  it('is the module scripts/gen-content-words.js builds from content.data.ts (regenerate after editing the lexicon)', () => {
    expect(readFileSync(path.join(ROOT, 'src/core/lint/guardrails/content.words.ts'), 'utf8')).toBe(render(LEXICON, firstWords));
  });

  it('reads the first words of each alternative, through groups, optional parts, classes and lookarounds', () => {
    expect([...firstWords('(?:have|has) sex')]).toEqual(['have', 'has']);
    expect([...firstWords('porn(?:o|ography)?')].sort()).toEqual(['porn', 'porno', 'pornography']);
    expect([...firstWords('rape[sd]?|strip ?tease')].sort()).toEqual(['rape', 'raped', 'rapes', 'strip', 'striptease']);
    expect([...firstWords("(?<!chicken )breasts?|od\\'?s on|x-rated")].sort()).toEqual(['breast', 'breasts', 'od', 'ods', 'x']);
    expect([...firstWords('stabs (?:the \\w+) dead')]).toEqual(['stabs']);
  });

  it('refuses patterns whose first word it cannot list, rather than index them wrongly', () => {
    for (const p of ['\\w+ing', 'kill\\w*', 'sex.', '(sex)', 'a+', ' space', '[^a]b']) expect(() => firstWords(p), p).toThrow(/lexicon pattern/);
  });
});

describe('searching the lexicon word by word', () => {
  const vocabulary = [
    ...new Set(LEXICON.flatMap(([p]) => p.toLowerCase().split(/[^a-z']+/).filter((w) => w.length > 0))),
    'the', 'a', 'her', 'his', 'off', 'chicken', 'blood', 'of', 'crows', 'Sex', 'SEX', 'Naked', 'x', 'rated', 'élan', 'nude’s', '4', '2nd', 'İstanbul', 'ǅ', '𝐀x', 'ſex', 'naſty', '\u212aills', '\u0345',
  ];
  const separators = [' ', ' ', ' ', ', ', '-', "'", '. ', '’', '_', ''];
  const text = fc
    .array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...separators), fc.boolean()), { minLength: 1, maxLength: 14 })
    .map((parts) => parts.map(([w, sep, upper]) => (upper ? w[0]!.toUpperCase() + w.slice(1) : w) + sep).join(''));

  it('finds what one alternation of every entry finds: the same places, the same entries', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(lexiconMatches(t)).toEqual(byAlternation(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the alternation on chosen lines, also next to astral, dotted and accented letters', () => {
    const samples = ['They have sex.', 'A striptease at the club', 'She was raped', "He od's on pills", 'A chicken breast and breasts', 'Blood spatter everywhere', 'He stabs the guard repeatedly', 'Rolls a joint.', '𝐀x-rated', 'x-rated𝐀', 'İstanbul nude', 'NUDEé nude', 'They have ſex.', 'a \u0345naked', 'sex\u0345'];
    for (const s of samples) {
      expect(lexiconMatches(s), s).toEqual(byAlternation(s));
    }
    expect(samples.filter((s) => lexiconMatches(s).length === 0)).toEqual(['𝐀x-rated', 'x-rated𝐀', 'a \u0345naked', 'sex\u0345']);
  });
});
