/**
 * Finding copyrighted characters in prose: the curated list in `characters.data.ts`, indexed by
 * first word. Names must be written as names (capitalised). Names that are also ordinary words or
 * first names need a cue from their franchise in the same line ("Storm from the X-Men", "Link
 * draws the Master Sword").
 */
import { CHARACTERS, FRANCHISE_CUES } from './characters.data.js';
import { nameTokens } from './names.js';
import { lineWords, memo, NormSet } from './text.js';

export interface Character {
  name: string;
  franchise: string;
  owner: string;
  match: 'u' | 'a' | 'k';
}

export interface CharacterHit {
  character: Character;
  start: number;
  end: number;
  /** The franchise cue found near it, if any. */
  cue: string | null;
}

interface Form {
  tokens: string[];
  character: Character;
}

/**
 * One of a franchise's cue patterns, with the text each of its alternatives' matches start with:
 * a text holding none of those cannot match, and is not searched. Built on first use: compiling a
 * pattern costs ~1 ms, and most texts a character's name is in hold none of its cues.
 */
interface Cue {
  source: string;
  ignoreCase: boolean;
  /** Per alternative, the text its matches start with (lower case when ignoring case). */
  starts: string[];
  re?: RegExp;
}

let index: Map<string, Form[]> | null = null;
/** The index's first words, to pass over a word without making its normal form. */
let firsts: NormSet | null = null;
const cueCache = new Map<string, Cue[]>();

function build(): Map<string, Form[]> {
  const byFirst = new Map<string, Form[]>();
  for (const line of CHARACTERS.split('\n')) {
    if (!line.trim()) continue;
    const [forms, franchise, owner, match] = line.split(';') as [string, string, string, Character['match']];
    const names = forms.split('|');
    const character: Character = { name: names[0]!, franchise, owner, match };
    for (const n of names) {
      // "Spider-Man" is also written "Spiderman" and "Spider Man".
      const variants = new Set([n, n.replace(/-/g, ' '), n.replace(/-/g, '')]);
      for (const v of variants) {
        const tokens = nameTokens(v);
        if (!tokens.length) continue;
        const list = byFirst.get(tokens[0]!) ?? [];
        if (!list.some((f) => f.character === character && f.tokens.join(' ') === tokens.join(' '))) list.push({ tokens, character });
        byFirst.set(tokens[0]!, list);
      }
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return byFirst;
}

function cues(franchise: string): Cue[] {
  let r = cueCache.get(franchise);
  if (!r) {
    const parts = (FRANCHISE_CUES[franchise] ?? '').split('|').filter(Boolean);
    // Capitalised cues are names and match as written; lower-case ones in any case.
    const named = parts.filter((p) => /^[\p{Lu}\d]/u.test(p));
    const plain = parts.filter((p) => !/^[\p{Lu}\d]/u.test(p));
    r = [];
    if (named.length) r.push(cue(named, false));
    if (plain.length) r.push(cue(plain, true));
    cueCache.set(franchise, r);
  }
  return r;
}

function cue(alternatives: string[], ignoreCase: boolean): Cue {
  const source = String.raw`(?<![\p{L}\p{N}])(?:${alternatives.join('|')})(?![\p{L}\p{N}])`;
  return { source, ignoreCase, starts: alternatives.map((a) => literalStart(a, ignoreCase)) };
}

/**
 * The text every match of a cue alternative (a pattern) starts with: its characters up to the
 * first one that is special, optional or not ASCII (escaped punctuation is literal), in lower case
 * when ignoring case. ASCII, so that only 'ſ' needs care: under the `iu` flags it matches 's' but
 * does not lower-case to it (the Kelvin sign, which matches 'k', lower-cases to 'k').
 */
function literalStart(alternative: string, ignoreCase: boolean): string {
  let out = '';
  for (let i = 0; i < alternative.length; i++) {
    let c = alternative[i]!;
    if (c === '\\') c = /[!-/:-@[-`{-~]/.test(alternative[++i] ?? '') ? alternative[i]! : '';
    else if ('^$.*+?()[]{}|'.includes(c)) break;
    const next = alternative[i + 1];
    if (!c || c > '~' || next === '?' || next === '*' || next === '{') break;
    out += c;
  }
  return ignoreCase ? out.toLowerCase() : out;
}

/** The first of `franchise`'s cues in `text` outside the name at [start, end), or null. */
export function findCue(text: string, franchise: string, start: number, end: number): string | null {
  const blanked = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  let lower: string | undefined;
  for (const c of cues(franchise)) {
    const hay = c.ignoreCase ? (lower ??= blanked.toLowerCase()) : blanked;
    if (!(c.ignoreCase && hay.includes('ſ')) && !c.starts.some((s) => hay.includes(s))) continue;
    const m = (c.re ??= new RegExp(c.source, c.ignoreCase ? 'iu' : 'u')).exec(blanked);
    if (m) return m[0];
  }
  return null;
}

/** Characters named in `text`, except where the name is a cast member's (the user's own character). */
export function findCharacters(text: string, opts: { castNames?: ReadonlySet<string> } = {}): readonly CharacterHit[] {
  const hits = scan(text);
  const cast = opts.castNames;
  return hits.length && cast?.size ? notCast(hits, cast) : hits;
}

// Apart from findCharacters: a closure there would cost a context on every call (see phrases.ts).
function notCast(hits: ReadonlyArray<CharacterHit & { first: string }>, cast: ReadonlySet<string>): CharacterHit[] {
  return hits.filter((h) => !cast.has(h.first));
}

const scan = memo((text: string): Array<CharacterHit & { first: string }> => {
  index ??= build();
  const firstWords = (firsts ??= new NormSet(index.keys()));
  const ws = lineWords(text);
  const hits: Array<CharacterHit & { first: string }> = [];
  for (let i = 0; i < ws.count; i++) {
    // A name is written as one: a word in lower case starts none (and most words are), nor do
    // most capitalised ones.
    if (!ws.capitalised(i) || !firstWords.mayHave(ws, i)) continue;
    const forms = index.get(ws.norm(i));
    if (!forms) continue;
    for (const form of forms) {
      const n = form.tokens.length;
      if (i + n > ws.count) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = ws.norm(i + k) === form.tokens[k] && /^[\s]+$/.test(text.slice(ws.ends[i + k - 1]!, ws.starts[i + k]!));
      if (!ok) continue;
      const start = ws.starts[i]!;
      const end = ws.ends[i + n - 1]!;
      if (/\b(?:named|called|nicknamed)\s*$/i.test(text.slice(Math.max(0, start - 20), start))) break;
      const c = form.character;
      const cue = c.match === 'u' ? null : findCue(text, c.franchise, start, end);
      if (c.match === 'k' && !cue) continue;
      hits.push({ character: c, start, end, cue, first: ws.written(i) });
      i += n - 1;
      break;
    }
  }
  return hits;
});

/** A generic description to offer in place of a character, by franchise. */
export function genericFor(c: Character): string {
  switch (c.franchise) {
    case 'marvel':
    case 'dc':
      return 'an original masked superhero';
    case 'starwars':
    case 'doctorwho':
    case 'terminator':
    case 'robocop':
      return 'an original science-fiction character';
    case 'pokemon':
    case 'ghibli':
    case 'doraemon':
      return 'an original small cartoon creature';
    case 'mario':
    case 'zelda':
    case 'kirby':
    case 'metroid':
    case 'sonic':
    case 'pacman':
    case 'halo':
    case 'tombraider':
    case 'godofwar':
    case 'witcher':
    case 'mgs':
    case 'minecraft':
    case 'silenthill':
    case 'assassins':
    case 'finalfantasy':
    case 'streetfighter':
    case 'megaman':
    case 'crash':
    case 'spyro':
      return 'an original video-game hero';
    case 'dragonball':
    case 'naruto':
    case 'onepiece':
    case 'sailormoon':
    case 'jjk':
    case 'demonslayer':
    case 'aot':
    case 'deathnote':
    case 'bleach':
    case 'astroboy':
      return 'an original anime-style hero';
    case 'elmstreet':
    case 'friday13':
    case 'halloween':
    case 'childsplay':
    case 'it':
    case 'scream':
    case 'hannibal':
      return 'an original horror villain';
    case 'potter':
      return 'an original young wizard';
    case 'tolkien':
      return 'an original fantasy character';
    case 'barbie':
    case 'transformers':
    case 'mlp':
    case 'thomas':
      return 'an original toy character';
    default:
      return 'an original cartoon character';
  }
}
