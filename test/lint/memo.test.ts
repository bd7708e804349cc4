import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forgetTexts, memo } from '../../src/core/lint/guardrails/text.js';

// Memoised functions that count their calls; `vowels` reads other texts while it runs, as a rule's
// helper may (the table must still file each result under its own text).
const calls = { words: 0, vowels: 0, length: 0 };
const wordsOf = memo((t: string) => {
  calls.words++;
  return t.split(' ').filter(Boolean);
});
const vowelsOf = memo((t: string) => {
  calls.vowels++;
  // This text's words, then another text's: both through the table, the other one last.
  wordsOf(t);
  wordsOf(`${t}!`);
  return [...t].filter((c) => 'aeiou'.includes(c));
});
const lengthOf = memo((t: string) => {
  calls.length++;
  return t.length;
});

describe('memo: results remembered per text', () => {
  it('gives what the function gives, computes each (function, text) once, and shares nothing between texts', () => {
    const texts = fc.array(fc.constantFrom('', ' ', 'a', 'b c', 'the cat', 'xyz', 'aeiou u', 'b c!', 'a!'), { minLength: 1, maxLength: 30 });
    const which = fc.array(fc.constantFrom(0, 1, 2), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(texts, which, (ts, ws) => {
        forgetTexts();
        const seen = new Set<string>();
        for (let i = 0; i < ts.length; i++) {
          const t = ts[i]!;
          const before = { ...calls };
          const f = ws[i % ws.length]!;
          const key = `${f}:${t}`;
          if (f === 0) expect(wordsOf(t)).toEqual(t.split(' ').filter(Boolean));
          else if (f === 1) expect(vowelsOf(t)).toEqual([...t].filter((c) => 'aeiou'.includes(c)));
          else expect(lengthOf(t)).toBe(t.length);
          const ran = f === 0 ? calls.words - before.words : f === 1 ? calls.vowels - before.vowels : calls.length - before.length;
          expect(ran, key).toBe(seen.has(key) ? 0 : 1);
          seen.add(key);
          // What `vowels` asked of `words` along the way is remembered too.
          if (f === 1) seen.add(`0:${t}`).add(`0:${t}!`);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('forgets everything on forgetTexts', () => {
    forgetTexts();
    lengthOf('abc');
    const n = calls.length;
    lengthOf('abc');
    expect(calls.length).toBe(n);
    forgetTexts();
    lengthOf('abc');
    expect(calls.length).toBe(n + 1);
  });
});
