/**
 * The phrase finder stands in for case-insensitive Unicode alternations (flags `giu`), so its
 * character tests are held to the regular expression classes they replace over every character,
 * and its search to an alternation of the same phrases over generated text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointBefore, findPhrases, foldedAt, isLetter, isLetterDigitOrHyphen, isLetterOrDigit, isSpaceAt, isRegExpWordCharAt, PhraseList, type Gaps } from '../../src/core/lint/guardrails/phrases.js';

const ALL_CODE_POINTS = Array.from({ length: 0x110000 }, (_, c) => c);
const BMP = ALL_CODE_POINTS.slice(0, 0x10000);

describe('the character tests', () => {
  it('read letters, digits and hyphens as the classes do with the flags iu, on every code point', () => {
    const letter = /^\p{L}$/iu;
    const letterOrDigit = /^[\p{L}\p{N}]$/iu;
    const withHyphen = /^[\p{L}\p{N}-]$/iu;
    const wrong = ALL_CODE_POINTS.filter((c) => {
      const s = String.fromCodePoint(c);
      return isLetter(c) !== letter.test(s) || isLetterOrDigit(c) !== letterOrDigit.test(s) || isLetterDigitOrHyphen(c) !== withHyphen.test(s);
    });
    expect(wrong).toEqual([]);
  });

  it('fold a character to the ASCII letter it matches case-insensitively, and only then', () => {
    const anyLetter = /^[a-z]$/iu;
    const wrong = BMP.filter((c) => {
      const s = String.fromCharCode(c);
      const folded = foldedAt(s, 0);
      const isAscii = folded >= 97 && folded <= 122;
      return isAscii !== anyLetter.test(s) || (isAscii && !new RegExp(`^${String.fromCharCode(folded)}$`, 'iu').test(s));
    });
    expect(wrong).toEqual([]);
    expect(foldedAt('ſ\u212a', 0)).toBe(115);
    expect(foldedAt('ſ\u212a', 1)).toBe(107);
  });

  it('see word characters as \\b does with the flags iu, and whitespace as \\s', () => {
    const boundary = /^a\b/iu;
    const space = /^\s$/u;
    const wrong = BMP.filter((c) => {
      const s = String.fromCharCode(c);
      return isRegExpWordCharAt(s, 0) === boundary.test(`a${s}`) || isSpaceAt(s, 0) !== space.test(s);
    });
    expect(wrong).toEqual([]);
    expect([isRegExpWordCharAt('a', 1), isSpaceAt('a', 1), isRegExpWordCharAt('a', -1)]).toEqual([false, false, false]);
  });

  it('read the code point before a place as a lookbehind does, pairs of surrogates whole', () => {
    expect(codePointBefore('a𝐀b', 0)).toBe(-1);
    expect(codePointBefore('a𝐀b', 1)).toBe(97);
    expect(codePointBefore('a𝐀b', 3)).toBe(0x1d400);
    expect(codePointBefore('\udc00b', 1)).toBe(0xdc00);
    expect(codePointBefore('\ud835\ud835b', 2)).toBe(0xd835);
  });
});

/** The alternation a list stands for, built as craft.ts and wardrobe.ts built theirs. */
function alternation(phrases: readonly string[], gaps: Gaps, notAfter: string): RegExp {
  const source = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/-/g, gaps['-'] ?? '-').replace(/ /g, gaps[' '] ?? ' '))
    .join('|');
  return new RegExp(String.raw`(?<![\p{L}\p{N}${notAfter}])(?:${source})(?![\p{L}\p{N}-])`, 'giu');
}

const spans = (text: string, re: RegExp): Array<{ start: number; end: number }> => [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

describe('a phrase list', () => {
  const phrases = ['pan', 'pan left', 'whip pan', 'in', 'push in', 'push', 'pushes', 'high-quality', 'kick', 'sass'];
  const lists: Array<[Gaps, string]> = [
    [{ ' ': '[- ]?' }, '-'],
    [{ ' ': '\\s+' }, "'’-"],
    [{ ' ': '\\s+', '-': '-?' }, '-'],
  ];
  const vocabulary = [...new Set(phrases.flatMap((p) => p.split(/[ -]/))), 'the', 'a', 'panic', 'inn', 'é', 'İ', '𝐀', 'ſ', '\u212a', '\u0345', '4'];
  const separators = [' ', '  ', '-', "'", '’', ', ', '. ', '\n', '\t', '\u00a0', '_', ''];
  const text = fc
    .array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...separators), fc.constantFrom('lower', 'Title', 'UPPER')), { minLength: 1, maxLength: 10 })
    .map((parts) => parts.map(([w, sep, c]) => (c === 'UPPER' ? w.toUpperCase() : c === 'Title' ? w.charAt(0).toUpperCase() + w.slice(1) : w) + sep).join(''));

  it.each(lists)('finds what the alternation finds, with gaps %j, not after letters, digits or %j', (gaps, notAfter) => {
    const list = new PhraseList(phrases, gaps);
    const re = alternation(phrases, gaps, notAfter);
    fc.assert(
      fc.property(text, (t) => {
        const found = findPhrases(t, list, notAfter);
        expect(found.map(({ start, end }) => ({ start, end }))).toEqual(spans(t, re));
        // Each is the list's first phrase, longest first, that matches there, as the alternation takes it.
        for (const f of found) {
          const one = (p: string): RegExpExecArray | null => {
            const re = new RegExp(alternation([p], gaps, notAfter).source, 'iuy');
            re.lastIndex = f.start;
            return re.exec(t);
          };
          const phrase = list.phrases.find((p) => one(p) !== null);
          expect(f.phrase).toBe(phrase);
          expect(f.start + one(f.phrase)![0].length).toBe(f.end);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('tries the longest phrase first, folds ſ and the Kelvin sign, and leaves words that go on', () => {
    const list = new PhraseList(phrases, { ' ': '[- ]?' });
    const found = (t: string): string[] => findPhrases(t, list, '-').map(({ start, end }) => t.slice(start, end));
    expect(found('Whip-pan, then PAN LEFT; pushin, push-in and pushes')).toEqual(['Whip-pan', 'PAN LEFT', 'pushin', 'push-in', 'pushes']);
    expect(found('\u212aICK ſaſs panic 𝐀pan pan𝐀 -pan pan- pané')).toEqual(['\u212aICK', 'ſaſs']);
  });

  it('finds a list’s phrases in a line read before the list was made', () => {
    // A line's places are read once for every list: a list made later must not miss them.
    const line = 'a slow zoom in';
    expect(findPhrases(line, new PhraseList(['slow']), '-')).toEqual([{ start: 2, end: 6, phrase: 'slow' }]);
    expect(findPhrases(line, new PhraseList(['zoom']), '-')).toEqual([{ start: 7, end: 11, phrase: 'zoom' }]);
  });

  it('searches lists made after the first 31, which have no bit in the table of places, all the same', () => {
    const many = Array.from({ length: 40 }, (_, i) => new PhraseList(i % 2 ? ['pan left', 'pan'] : ['whip pan']));
    expect(many.some((l) => l.bit === 0)).toBe(true);
    const line = 'A whip pan, then pan left.';
    for (const l of many) {
      expect(findPhrases(line, l, '-').map((m) => m.phrase)).toEqual(l.phrases.includes('pan left') ? ['pan', 'pan left'] : ['whip pan']);
    }
  });

  it('refuses a phrase its letter-by-letter comparison cannot read', () => {
    for (const p of ['Pan', 'pan  left', 'pan-', "o'clock", 'é']) expect(() => new PhraseList([p]).matchAt('x', 0, () => true), p).toThrow(/Phrases must be/);
  });
});
