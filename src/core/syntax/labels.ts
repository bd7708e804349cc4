/**
 * The label patterns of name and keyed lines (`MARA (quietly):`, `Style:`, `Highlights:`) and of
 * names, each with an ASCII twin. Compiling a pattern with Unicode property classes costs 0.3–0.7
 * ms, a large share of parsing a small file, and most labels are ASCII. A label cannot reach past
 * the line's first `:` or `(`, so when everything before that is ASCII the twin gives the same
 * answer (the property classes hold the same ASCII characters); otherwise the Unicode pattern
 * decides.
 */

import { lazy } from '../util/lazy.js';

// The Unicode patterns are built on first use: creating one costs ~0.3 ms even before it runs.
const NAME = lazy(() => /(\p{Lu}[\p{Lu}\p{Nd}\p{M} .'’-]*?)[ \t]*(?:\(([^()\r\n]*)\)[ \t]*)?:(?=[ \t]|$|[\r\n])/uy);
const NAME_ASCII = /([A-Z][A-Z0-9 .'-]*?)[ \t]*(?:\(([^()\r\n]*)\)[ \t]*)?:(?=[ \t]|$|[\r\n])/y;
const KEY = lazy(() => /(\p{L}[\p{L}\p{M} &/'’-]*?)[ \t]*:(?=[ \t]|$|[\r\n])/uy);
const KEY_ASCII = /([A-Za-z][A-Za-z &/'-]*?)[ \t]*:(?=[ \t]|$|[\r\n])/y;
const SUBKEY = lazy(() => /^(\p{L}[\p{L}\p{M}'’-]*(?: [\p{L}\p{M}&/'’-]+){0,3})[ \t]*:(?:[ \t]+|$)/u);
const SUBKEY_ASCII = /^([A-Za-z][A-Za-z'-]*(?: [A-Za-z&/'-]+){0,3})[ \t]*:(?:[ \t]+|$)/;
const CAST = lazy(() => /^([\p{L}][\p{L}\p{M} .'’-]*?)[ \t]*:[ \t]+(.*)$/u);
const CAST_ASCII = /^([A-Za-z][A-Za-z .'-]*?)[ \t]*:[ \t]+(.*)$/;
const NAME_WORD = lazy(() => /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u);
const NAME_WORD_ASCII = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** A character's label at `at`: group 1 the name, group 2 the parenthetical. */
export function nameLabelAt(text: string, at: number): RegExpExecArray | null {
  return stickyAt(asciiLabel(text, at) ? NAME_ASCII : NAME(), text, at);
}

/** A key's label at `at` (`Style:`, `Grade / Palette:`): group 1 the key. */
export function keyLabelAt(text: string, at: number): RegExpExecArray | null {
  return stickyAt(asciiLabel(text, at) ? KEY_ASCII : KEY(), text, at);
}

/** A sub-key at the start of a section's line (`Highlights: …`): group 1 the label. */
export function subKeyLabel(line: string): RegExpExecArray | null {
  return (asciiLabel(line, 0) ? SUBKEY_ASCII : SUBKEY()).exec(line);
}

/** A cast line written `Name: description`: group 1 the name, group 2 the description. */
export function castLabel(line: string): RegExpExecArray | null {
  return (asciiLabel(line, 0) ? CAST_ASCII : CAST()).exec(line);
}

/** A clip or look name: letters, digits, `_`, `.` and `-`, starting with a letter, digit or `_`. */
export function isNameWord(word: string): boolean {
  return (asciiLabel(word, 0) ? NAME_WORD_ASCII : NAME_WORD()).test(word);
}

function stickyAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Whether the text from `at` is ASCII up to its first `:`, `(` or line break (as far as a label reaches). */
function asciiLabel(text: string, at: number): boolean {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 || c === 40 || c === 10 || c === 13) return true;
    if (c >= 128) return false;
  }
  return true;
}

/** The words of a CLIP header besides its name: a length (`8s`), a size (`1280x720`), a model id. */
export const SECONDS_WORD = /^(\d+(?:\.\d+)?)s$/;
export const SIZE_WORD = /^(\d+)[x×](\d+)$/;
export const MODEL_WORD = /^[a-z][a-z0-9._/:-]*$/;

/** USING, REMIX, EXTEND or EDIT, in any case: a CLIP header word that takes the next as operand. */
export function isHeaderKeyword(word: string): boolean {
  const u = word.toUpperCase();
  return u === 'USING' || u === 'REMIX' || u === 'EXTEND' || u === 'EDIT';
}
