/**
 * The first words of what a lexicon pattern can match, for indexing the lexicon by word
 * (`content.words.ts` is generated with it by scripts/gen-content-words.js; a test keeps the two
 * in step).
 */
import { isLetterOrDigit } from './phrases.js';

/**
 * The first words (lower case) of everything a lexicon pattern matches. The patterns use a small
 * part of regular-expression syntax: literals, `(?:…)` groups, `|`, `?`, short character classes,
 * escapes and lookarounds; `\w+` and other repeats may follow the first word but not be part of
 * it. Anything else throws (the generator and a test run it over every entry).
 */
export function firstWords(pattern: string): Set<string> {
  let i = 0;
  /** Each alternative's text up to its first non-word character (later items cannot change its first word). */
  const alternation = (): string[] => {
    const out = sequence();
    while (pattern[i] === '|') {
      i++;
      out.push(...sequence());
    }
    return out;
  };
  const sequence = (): string[] => {
    let acc = [''];
    while (i < pattern.length && pattern[i] !== '|' && pattern[i] !== ')') {
      let options = atom();
      if (pattern[i] === '?') {
        i++;
        options = [...options, ''];
      } else if (pattern[i] === '+' || pattern[i] === '*') {
        // Only a class of word characters may repeat: its run cannot be part of an indexed first word.
        if (options.length !== 1 || options[0] !== '\u0000') throw new Error(`lexicon pattern ${JSON.stringify(pattern)}: a repeat at ${i} is not supported`);
        if (pattern[i++] === '*') options = [...options, ''];
      }
      const next = new Set<string>();
      for (const a of acc) {
        if (ended(a)) next.add(a);
        else for (const o of options) next.add(a + o);
      }
      acc = [...next];
    }
    return acc;
  };
  const atom = (): string[] => {
    const c = pattern[i]!;
    if (c === '(') {
      const look = /^\(\?(?:<?[!=])/.exec(pattern.slice(i));
      if (look) {
        i += look[0].length;
        alternation(); // zero width
        expect(')');
        return [''];
      }
      if (!pattern.startsWith('(?:', i)) throw new Error(`lexicon pattern ${JSON.stringify(pattern)}: use (?:…) groups`);
      i += 3;
      const inner = alternation();
      expect(')');
      return inner;
    }
    if (c === '[') {
      const close = pattern.indexOf(']', i);
      const chars = [...pattern.slice(i + 1, close)];
      if (chars.includes('\\') || chars[0] === '^') throw new Error(`lexicon pattern ${JSON.stringify(pattern)}: class at ${i} is not supported`);
      i = close + 1;
      return chars;
    }
    if (c === '\\') {
      const e = pattern[i + 1]!;
      i += 2;
      // \w stands for a word character: it cannot be part of a first word that we index.
      if (/[a-zA-Z]/.test(e)) return ['\u0000'];
      return [e];
    }
    if ('.^$'.includes(c)) throw new Error(`lexicon pattern ${JSON.stringify(pattern)}: "${c}" at ${i} is not supported`);
    i++;
    return [c.toLowerCase()];
  };
  const expect = (c: string): void => {
    if (pattern[i] !== c) throw new Error(`lexicon pattern ${JSON.stringify(pattern)}: expected "${c}" at ${i}`);
    i++;
  };
  const words = alternation();
  if (i !== pattern.length) throw new Error(`lexicon pattern ${JSON.stringify(pattern)}: unexpected "${pattern[i]}" at ${i}`);
  const out = new Set<string>();
  for (const w of words) {
    let n = 0;
    while (n < w.length && isLetterOrDigit(w.charCodeAt(n))) n++;
    const first = w.slice(0, n);
    if (first === '' || w.charAt(n) === '\u0000') throw new Error(`lexicon pattern ${JSON.stringify(pattern)}: "${w}" has no first word to index`);
    out.add(first);
  }
  return out;
}

/** Whether a partial match has passed its first word. */
function ended(prefix: string): boolean {
  for (let i = 0; i < prefix.length; i++) if (!isLetterOrDigit(prefix.charCodeAt(i))) return true;
  return false;
}
