/**
 * Reading a character's look from a description: garments with their colour, and hair colour and
 * length. Used by `craft/cast-drift` to notice a clip describing a cast member differently from
 * their CAST entry. Deliberately small: colours and garments are compared by family, so "navy"
 * and "dark blue" agree and only plain contradictions are reported.
 */
import { codePointBefore, foldedAt, isLetter, isLetterDigitOrHyphen, isSpaceAt, isRegExpWordCharAt, mayStartIn, PhraseList } from './phrases.js';
import { memo, normalise } from './text.js';

const COLOUR_FAMILY: Readonly<Record<string, string>> = {
  red: 'red', crimson: 'red', scarlet: 'red', cherry: 'red', ruby: 'red', 'blood-red': 'red', vermilion: 'red',
  burgundy: 'dark red', maroon: 'dark red', wine: 'dark red', oxblood: 'dark red',
  pink: 'pink', rose: 'pink', magenta: 'pink', fuchsia: 'pink', salmon: 'pink',
  orange: 'orange', rust: 'orange', tangerine: 'orange', amber: 'orange',
  yellow: 'yellow', mustard: 'yellow', gold: 'yellow', golden: 'yellow', lemon: 'yellow',
  green: 'green', olive: 'green', emerald: 'green', khaki: 'green', sage: 'green', lime: 'green', teal: 'teal', turquoise: 'teal',
  blue: 'blue', navy: 'blue', cobalt: 'blue', azure: 'blue', indigo: 'blue', denim: 'blue', 'royal-blue': 'blue', 'sky-blue': 'blue', 'dark-blue': 'blue', 'light-blue': 'blue',
  purple: 'purple', violet: 'purple', lilac: 'purple', lavender: 'purple', plum: 'purple', mauve: 'purple',
  brown: 'brown', tan: 'brown', camel: 'brown', chocolate: 'brown', beige: 'beige', cream: 'white', ivory: 'white', 'off-white': 'white',
  black: 'black', white: 'white', grey: 'grey', gray: 'grey', charcoal: 'grey', silver: 'grey',
};

/** Garments by the slot they fill on a body; a different garment in the same slot is a change of look. */
export const GARMENT_SLOT: Readonly<Record<string, string>> = {
  coat: 'outer', overcoat: 'outer', trench: 'outer', 'trench coat': 'outer', jacket: 'outer', parka: 'outer', raincoat: 'outer', blazer: 'outer', anorak: 'outer', cape: 'outer', cloak: 'outer', poncho: 'outer', 'pea coat': 'outer', peacoat: 'outer',
  dress: 'outer', gown: 'outer', suit: 'outer', jumpsuit: 'outer', overalls: 'outer', uniform: 'outer', robe: 'outer', kimono: 'outer', tuxedo: 'outer',
  shirt: 'top', blouse: 'top', 't-shirt': 'top', tshirt: 'top', tee: 'top', sweater: 'top', jumper: 'top', hoodie: 'top', cardigan: 'top', vest: 'top', 'tank top': 'top', turtleneck: 'top', polo: 'top',
  trousers: 'bottom', jeans: 'bottom', pants: 'bottom', skirt: 'bottom', shorts: 'bottom', slacks: 'bottom', leggings: 'bottom',
  hat: 'head', cap: 'head', beanie: 'head', beret: 'head', fedora: 'head', hood: 'head', headscarf: 'head', helmet: 'head',
  boots: 'feet', shoes: 'feet', sneakers: 'feet', trainers: 'feet', heels: 'feet', sandals: 'feet', loafers: 'feet',
  scarf: 'neck', tie: 'neck',
};

const HAIR_COLOUR: Readonly<Record<string, string>> = {
  dark: 'dark', black: 'dark', brown: 'dark', brunette: 'dark', chestnut: 'dark', 'jet-black': 'dark', raven: 'dark',
  blonde: 'light', blond: 'light', fair: 'light', platinum: 'light', 'platinum-blonde': 'light', golden: 'light', 'sandy': 'light', flaxen: 'light',
  red: 'red', ginger: 'red', auburn: 'red', copper: 'red', 'strawberry-blonde': 'red',
  grey: 'grey', gray: 'grey', silver: 'grey', white: 'grey', 'salt-and-pepper': 'grey',
  pink: 'pink', blue: 'blue', green: 'green', purple: 'purple',
};
const HAIR_LENGTH: Readonly<Record<string, string>> = { short: 'short', cropped: 'short', buzzed: 'short', 'buzz-cut': 'short', pixie: 'short', bob: 'short', bobbed: 'short', long: 'long', 'waist-length': 'long', 'shoulder-length': 'medium', 'chin-length': 'short', shaved: 'none', bald: 'none' };

export interface Garment {
  slot: string;
  garment: string;
  colour: string | null;
  family: string | null;
  /** The phrase as written ("navy wool coat"), and where it is in the text. */
  phrase: string;
  start: number;
  end: number;
}

export interface Hair {
  colour: string | null;
  length: string | null;
  phrase: string;
  start: number;
  end: number;
}

export interface Look {
  garments: Garment[];
  hair: Hair | null;
}

const GARMENTS = new PhraseList(Object.keys(GARMENT_SLOT), { ' ': '\\s+', '-': '-?' });
const HAIR = new PhraseList(['hair']);

/**
 * A garment or hair phrase as the regular expressions these searches replaced matched it:
 * `(?<![\p{L}\p{N}-])((?:[\p{L}-]+\s+){0,3}?)(garment|…)s?\b` and
 * `(?<![\p{L}\p{N}-])((?:[\p{L}-]+\s+){1,3})hair\b`, flags `giu`.
 */
export interface LookMatch {
  start: number;
  /** The words before the garment or "hair", each with the whitespace after it (group 1). */
  before: string;
  /** The garment as written, without a plural "s" (group 2), or "hair" as written. */
  noun: string;
  end: number;
}

/**
 * Garments with up to three words (letters and hyphens) before them, as the expression found them:
 * it tries each start from left to right, the first that is at most three words from a garment
 * wins, with the nearest garment from there. A match so takes in as many words before its garment
 * as it can, up to three, but never the previous match.
 */
export function garmentMatches(text: string): LookMatch[] {
  const found: LookMatch[] = [];
  // A garment is matched where a word starts; most lines name none, and are done with in one pass.
  if (!mayStartIn(text, GARMENTS)) return found;
  let any = false;
  for (let at = 0; at < text.length && !any; at++) {
    if (!isLetterDigitOrHyphen(codePointBefore(text, at))) any = GARMENTS.matchAt(text, at, endsGarment) >= 0;
  }
  if (!any) return found;
  for (let start = 0; start < text.length; start++) {
    if (isLetterDigitOrHyphen(codePointBefore(text, start))) continue;
    for (let k = 0, at = start; k <= 3 && at >= 0; k++, at = afterWord(text, at)) {
      const noun = GARMENTS.matchAt(text, at, endsGarment);
      if (noun < 0) continue;
      const end = pluralEnd(text, noun);
      found.push({ start, before: text.slice(start, at), noun: text.slice(at, noun), end });
      start = end - 1;
      break;
    }
  }
  return found;
}

/**
 * Where a garment ending at `end` ends, as `s?\b` after it has it: a plural s if that ends the
 * word, else the garment itself must end it (`\b` sees only ASCII word characters, and ſ and the
 * Kelvin sign); -1 if neither.
 */
function pluralEnd(text: string, end: number): number {
  return foldedAt(text, end) === 115 && !isRegExpWordCharAt(text, end + 1) ? end + 1 : !isRegExpWordCharAt(text, end) ? end : -1;
}

function endsGarment(text: string, end: number): boolean {
  return pluralEnd(text, end) >= 0;
}

function endsHair(text: string, end: number): boolean {
  return !isRegExpWordCharAt(text, end);
}

/** "hair" with the one to three words before it, from the first start that reaches it: as many words as there are (the expression is greedy). */
export function hairMatches(text: string): LookMatch[] {
  const found: LookMatch[] = [];
  // Only ASCII letters fold to those of "hair".
  if (!/hair/i.test(text)) return found;
  for (let start = 0; start < text.length; start++) {
    if (isLetterDigitOrHyphen(codePointBefore(text, start))) continue;
    const words = [start];
    for (let at = afterWord(text, start); at >= 0 && words.length <= 3; at = afterWord(text, at)) words.push(at);
    for (let k = words.length - 1; k >= 1; k--) {
      const at = words[k]!;
      const end = HAIR.matchAt(text, at, endsHair);
      if (end < 0) continue;
      found.push({ start, before: text.slice(start, at), noun: text.slice(at, end), end });
      start = end - 1;
      break;
    }
  }
  return found;
}

/** Where `[\p{L}-]+\s+` matched at `at` ends, or -1: a word of letters and hyphens, and the whitespace after it. */
function afterWord(text: string, at: number): number {
  let j = at;
  for (let c = text.codePointAt(j) ?? -1; c === 45 || isLetter(c); c = text.codePointAt(j) ?? -1) j += c > 0xffff ? 2 : 1;
  if (j === at || !isSpaceAt(text, j)) return -1;
  while (isSpaceAt(text, j)) j++;
  return j;
}

/** Garments and hair in a description. */
export const readLook = memo((text: string): Look => {
  const garments: Garment[] = [];
  for (const m of garmentMatches(text)) {
    const mods = m.before.trim().split(/\s+/).filter(Boolean);
    const garment = normalise(m.noun).replace(/\s+/g, ' ');
    // Only the words just before the garment describe it; stop at a word that is not a colour or material.
    let colour: string | null = null;
    let k = mods.length - 1;
    for (; k >= 0; k--) {
      const w = normalise(mods[k]!);
      if (COLOUR_FAMILY[w]) colour = colour ?? w;
      else if (!MATERIALS.has(w) && !GARMENT_WORDS.has(w)) break;
    }
    const startsAt = k + 1 < mods.length ? m.start + offsetOfWord(m.before, k + 1) : m.start + m.before.length;
    garments.push({
      slot: GARMENT_SLOT[garment] ?? GARMENT_SLOT[garment.replace(/-/g, '')] ?? 'outer',
      garment,
      colour,
      family: colour ? COLOUR_FAMILY[colour]! : null,
      phrase: text.slice(startsAt, m.end),
      start: startsAt,
      end: m.end,
    });
  }
  let hair: Hair | null = null;
  for (const m of hairMatches(text)) {
    const mods = m.before.trim().split(/[\s,]+/).map(normalise);
    let colour: string | null = null;
    let length: string | null = null;
    let first = mods.length;
    for (let k = mods.length - 1; k >= 0; k--) {
      const w = mods[k]!;
      if (HAIR_COLOUR[w] && !colour) colour = HAIR_COLOUR[w]!;
      else if (HAIR_LENGTH[w] && !length) length = HAIR_LENGTH[w]!;
      else if (!HAIR_WORDS.has(w)) break;
      first = k;
    }
    if (!colour && !length) continue;
    const start = m.start + offsetOfWord(m.before, first);
    hair = { colour, length, phrase: text.slice(start, m.end), start, end: m.end };
    break;
  }
  return { garments, hair };
});

// Sets, not alternations: a regular expression costs ~0.05 ms to compile on a first line.
/** Words besides colours and materials that may stand between a garment and its colour. */
const GARMENT_WORDS = new Set(['light', 'dark', 'pale', 'deep', 'bright', 'long', 'short', 'oversized', 'old', 'worn', 'faded', 'heavy', 'thin', 'knee-length', 'floor-length', 'ankle-length']);
/** Words besides colours and lengths that may stand in a description of hair. */
const HAIR_WORDS = new Set(['curly', 'straight', 'wavy', 'messy', 'neat', 'thick', 'thin', 'slicked', 'slicked-back', 'tousled', 'cropped', 'braided', 'and']);
const MATERIALS = new Set(['wool', 'woollen', 'woolen', 'leather', 'silk', 'cotton', 'linen', 'denim', 'velvet', 'tweed', 'suede', 'satin', 'corduroy', 'knit', 'knitted', 'fur', 'canvas', 'nylon', 'waxed', 'quilted', 'sequined', 'lace', 'plaid', 'striped', 'checked', 'floral', 'polka-dot']);

function offsetOfWord(s: string, index: number): number {
  let i = 0;
  let n = 0;
  const re = /[^\s]+/g;
  for (const m of s.matchAll(re)) {
    if (n === index) return m.index;
    n++;
    i = m.index + m[0].length;
  }
  return i;
}

export interface Contradiction {
  what: string;
  /** Where in the clip text the contradicting phrase is. */
  start: number;
  end: number;
  phrase: string;
  /** The cast entry's phrase it contradicts. */
  castPhrase: string;
  /** What to write instead (the cast's phrase), when a plain swap keeps the sentence. */
  replacement: string | null;
}

/** Where a clip's description of a character contradicts the cast's. */
export function contradictions(cast: Look, clip: Look): Contradiction[] {
  const out: Contradiction[] = [];
  for (const g of clip.garments) {
    const same = cast.garments.find((c) => c.slot === g.slot);
    if (!same) continue;
    const sameGarment = same.garment === g.garment;
    if (sameGarment && g.family && same.family && g.family !== same.family) {
      out.push({ what: 'colour', start: g.start, end: g.end, phrase: g.phrase, castPhrase: same.phrase, replacement: same.phrase });
    } else if (!sameGarment && g.slot === 'outer' && g.family && same.family && g.family !== same.family) {
      out.push({ what: 'garment', start: g.start, end: g.end, phrase: g.phrase, castPhrase: same.phrase, replacement: same.phrase });
    }
  }
  if (cast.hair && clip.hair) {
    const colour = cast.hair.colour && clip.hair.colour && cast.hair.colour !== clip.hair.colour;
    const length = cast.hair.length && clip.hair.length && cast.hair.length !== clip.hair.length;
    if (colour || length) out.push({ what: 'hair', start: clip.hair.start, end: clip.hair.end, phrase: clip.hair.phrase, castPhrase: cast.hair.phrase, replacement: cast.hair.phrase });
  }
  return out;
}
