/**
 * Name, key and sub-key labels are matched with an ASCII pattern when the label's stretch is
 * ASCII, and with the Unicode pattern otherwise. The Unicode patterns are the definition (spec
 * "Keyed lines" and "Names"); these properties hold the pair to them on lines full of the
 * characters where the two could part: accented and non-Latin capitals, combining marks, curly
 * apostrophes, digits, astral letters, parentheses and colons.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { castLabel, isNameWord, keyLabelAt, nameLabelAt, subKeyLabel } from '../../src/core/syntax/labels.js';

const NAME = /(\p{Lu}[\p{Lu}\p{Nd}\p{M} .'’-]*?)[ \t]*(?:\(([^()\r\n]*)\)[ \t]*)?:(?=[ \t]|$|[\r\n])/uy;
const KEY = /(\p{L}[\p{L}\p{M} &/'’-]*?)[ \t]*:(?=[ \t]|$|[\r\n])/uy;
const SUBKEY = /^(\p{L}[\p{L}\p{M}'’-]*(?: [\p{L}\p{M}&/'’-]+){0,3})[ \t]*:(?:[ \t]+|$)/u;
const CAST = /^([\p{L}][\p{L}\p{M} .'’-]*?)[ \t]*:[ \t]+(.*)$/u;
const NAME_WORD = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u;

const pieces = ['MARA', 'DR. OKAFOR', 'Style', 'Grade / Palette', 'Highlights', 'O’BRIEN', "O'NEIL", 'ÉLODIE', 'Élodie', 'ΣΟΦΙΑ', 'e\u0301', 'Ş', '𝐀', '2', 'J-5', 'a_b', 'x.y'];
const glue = [' ', '  ', '\t', ':', ': ', ' (quietly)', '(beat)', '(', ')', ' — ', '’', '-', '.', '&', '/', '\n', '\r\n', ''];
const line = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...glue), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.join(''));

const same = (a: RegExpExecArray | null, b: RegExpExecArray | null): void => {
  expect(a && { index: a.index, groups: [...a] }).toEqual(b && { index: b.index, groups: [...b] });
};

describe('label patterns', () => {
  it('match names and keys at a line start exactly as the Unicode patterns do', () => {
    fc.assert(
      fc.property(line, fc.nat(3), (text, k) => {
        const at = Math.min(k, text.length);
        NAME.lastIndex = at;
        same(nameLabelAt(text, at), NAME.exec(text));
        KEY.lastIndex = at;
        same(keyLabelAt(text, at), KEY.exec(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('match sub-keys, cast lines and names exactly as the Unicode patterns do', () => {
    fc.assert(
      fc.property(line, (text) => {
        same(subKeyLabel(text), SUBKEY.exec(text));
        same(castLabel(text), CAST.exec(text));
        expect(isNameWord(text)).toBe(NAME_WORD.test(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('read non-ASCII labels through the Unicode patterns', () => {
    expect(nameLabelAt('ÉLODIE (softly): "Non."', 0)?.[1]).toBe('ÉLODIE');
    expect(nameLabelAt('O’BRIEN: hi', 0)?.[1]).toBe('O’BRIEN');
    expect(keyLabelAt('Éclairage: low key', 0)?.[1]).toBe('Éclairage');
    expect(subKeyLabel('Négatifs: lifted')?.[1]).toBe('Négatifs');
    expect(isNameWord('café-scène')).toBe(true);
    expect(isNameWord('arrival dusk')).toBe(false);
  });
});
