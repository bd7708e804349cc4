/**
 * The normalised words of a name in the curated lists (characters, music), as `words()` gives
 * them, at start: most names are plain ASCII words separated by single spaces, which need neither
 * the word pattern nor Unicode normalisation (building the lists took ~8 ms that way).
 */
import { words } from './text.js';

const PLAIN = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

export function nameTokens(name: string): string[] {
  return PLAIN.test(name) ? name.toLowerCase().split(' ') : words(name).map((w) => w.norm);
}
