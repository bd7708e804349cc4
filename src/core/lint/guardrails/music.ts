/**
 * Finding copyrighted music in prose. A title, artist or film theme is only music in a music
 * phrase: a music word before a quoted title (`the radio plays "Wonderwall"`), a credit ("a song
 * by Taylor Swift", "Drake's …", "a Daft Punk track"), a music verb before an artist ("blasts
 * Metallica"), or "the theme from Jaws". A quote right after a speech verb is dialogue, never a
 * title; public-domain songs and classical composers are fine to name.
 */
import { ARTISTS, CLASSICAL, PUBLIC_DOMAIN, THEMES, TITLES } from './music.data.js';
import { nameTokens } from './names.js';
import { inRanges, LineWords, lineWords, memo, NormSet, overlapping, quotedRanges } from './text.js';

export interface MusicHit {
  start: number;
  end: number;
  /** What was found, for the message: a title, an artist or a film's theme. */
  kind: 'title' | 'artist' | 'theme' | 'unknown-title' | 'style';
  name: string;
  /** false: a quoted title we do not know, or "in the style of" (a warning). */
  sure: boolean;
}

interface Entry {
  name: string;
  common: boolean;
}

class PhraseIndex {
  private readonly byFirst = new Map<string, Array<{ tokens: string[]; entry: Entry }>>();

  constructor(list: string) {
    for (const raw of list.split('|')) {
      const common = raw.endsWith('~');
      const name = common ? raw.slice(0, -1) : raw;
      const tokens = nameTokens(name);
      if (!tokens.length) continue;
      const l = this.byFirst.get(tokens[0]!) ?? [];
      l.push({ tokens, entry: { name, common } });
      this.byFirst.set(tokens[0]!, l);
    }
    for (const l of this.byFirst.values()) l.sort((a, b) => b.tokens.length - a.tokens.length);
  }

  /** Whether some entry starts with the word `norm`. */
  starts(norm: string): boolean {
    return this.byFirst.has(norm);
  }

  /** The words entries start with. */
  firsts(): Iterable<string> {
    return this.byFirst.keys();
  }

  /** The longest entry starting at word `i` of `ws` (the words of `text`), with how many words it spans. */
  at(ws: LineWords, i: number, text: string): { entry: Entry; n: number } | null {
    for (const c of this.byFirst.get(ws.norm(i)) ?? []) {
      const n = c.tokens.length;
      if (i + n > ws.count) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = ws.norm(i + k) === c.tokens[k] && /^[\s,:!.'’&/+-]*$/.test(text.slice(ws.ends[i + k - 1]!, ws.starts[i + k]!));
      if (ok) return { entry: c.entry, n };
    }
    return null;
  }

  /** Whether the whole of `s` is an entry. */
  has(s: string): Entry | null {
    // Its own reading: this is asked while a line's words are being read.
    const ws = new LineWords().read(s);
    if (!ws.count) return null;
    const m = this.at(ws, 0, s);
    return m && m.n === ws.count ? m.entry : null;
  }
}

let lists: { artists: PhraseIndex; titles: PhraseIndex; themes: PhraseIndex; safe: PhraseIndex; classical: PhraseIndex; firsts: NormSet } | null = null;
function data(): NonNullable<typeof lists> {
  if (!lists) {
    const artists = new PhraseIndex(ARTISTS);
    const titles = new PhraseIndex(TITLES);
    const themes = new PhraseIndex(THEMES);
    // What the scan's names and titles start with, to pass over a word without its normal form.
    const firsts = new NormSet([...artists.firsts(), ...titles.firsts(), ...themes.firsts()]);
    lists = { artists, titles, themes, safe: new PhraseIndex(PUBLIC_DOMAIN), classical: new PhraseIndex(CLASSICAL), firsts };
  }
  return lists;
}

const MUSIC_BEFORE = /\b(?:plays?|playing|played|sings?|singing|sang|raps?|rapping|rapped|croons?|crooning|belts? out|belting out|serenades?|serenading|strums?|strumming|hums?|humming|hummed|whistles?|whistling|blasts?|blasting|blares?|blaring|performs?|performing|covers?|covering|dances?\s+to|dancing\s+to|listens?\s+to|listening\s+to|karaoke|soundtrack|score|song|track|tune|single|anthem|theme|music|radio|jukebox|record player|stereo|speakers?|headphones|cover of|rendition of|version of|sound of|tune of|strains of|melody of|chorus of|bgm|needle drop)\b[^.;!?"“]{0,30}$/i;
const MUSIC_AFTER = /^[\s,)]*(?:plays|is playing|starts playing|begins playing|comes on|blares|blasts|fills the|echoes|swells|on the radio|from the (?:radio|speakers?|jukebox|stereo)|by\s+\p{Lu})/u;
const SPEECH_BEFORE = /\b(?:say|says|said|saying|whispers?|whispered|shouts?|shouted|yells?|yelled|asks?|asked|repl(?:y|ies|ied)|mutters?|muttered|tells?|told|calls? out|screams?|screamed|reads?|cr(?:y|ies|ied)|exclaims?|answers?|murmurs?|mouths?|spells?|writes?|wrote|labell?ed|signs? (?:that )?reads?|captioned)\b[^"“]{0,15}$/i;
const CREDIT_BEFORE = /\b(?:songs?|tracks?|music|album|records?|hits?|singles?|tunes?|ballads?|cover|anthem|playlist|remix|discography|by)\s+(?:by\s+|from\s+)?$/i;
const VERB_BEFORE = /\b(?:plays?|playing|played|blasts?|blasting|blares?|blaring|listens?\s+to|listening\s+to|dances?\s+to|dancing\s+to|sings?\s+along\s+to|singing\s+along\s+to|cranks?|cranking|jams?\s+to|jamming\s+to|puts?\s+on|covers?|covering)\s+(?:some\s+|old\s+|classic\s+)?$/i;
const CREDIT_AFTER = /^(?:['’]s)?\s+(?:songs?|tracks?|music|album|records?|hits?|singles?|tunes?|ballad|anthem|playlist|concert|tour|cover|remix|classic|banger|"|“)/i;
const STYLE_BEFORE = /\b(?:in the style of|sounds? like|soundalike of|sound-alike of|like a song by)\s+$/i;
const THEME_BEFORE = /\b(?:theme|theme tune|theme song|score|soundtrack|main title|music|fanfare|march)\s+(?:from|of|to)\s+(?:the\s+)?$/i;
const THEME_AFTER = /^\s+(?:theme|theme tune|theme song|score|soundtrack|main title|fanfare|march)\b/i;

/** Music named in `text`; an artist whose name is a cast member's is the user's own character. */
export function findMusic(text: string, opts: { soundSection?: boolean; castNames?: ReadonlySet<string> } = {}): readonly MusicHit[] {
  const hits = (opts.soundSection ? scanSound : scanProse)(text);
  const cast = opts.castNames;
  return hits.length && cast?.size ? notCast(hits, text, cast) : hits;
}

// Apart from findMusic: a closure there would cost a context on every call (see phrases.ts).
function notCast(hits: readonly MusicHit[], text: string, cast: ReadonlySet<string>): MusicHit[] {
  return hits.filter((h) => !((h.kind === 'artist' || h.kind === 'style') && cast.has(text.slice(h.start).split(/\s/)[0]!)));
}

const scanProse = memo((text: string) => scan(text, false));
const scanSound = memo((text: string) => scan(text, true));

function scan(text: string, soundSection: boolean): MusicHit[] {
  const d = data();
  const hits: MusicHit[] = [];
  const quotes = quotedRanges(text);

  // 1. Quoted titles in a music phrase.
  for (const [s, e] of quotes) {
    const inner = text.slice(s + 1, e - (/["”]$/.test(text.slice(s, e)) ? 1 : 0)).replace(/[\s,.!?]+$/, '').trim();
    if (!inner) continue;
    const before = text.slice(Math.max(0, s - 60), s);
    const after = text.slice(e, e + 60);
    if (SPEECH_BEFORE.test(before)) continue;
    const musical = MUSIC_BEFORE.test(before) || MUSIC_AFTER.test(after) || (soundSection && !/[.!?]$/.test(inner));
    if (!musical) continue;
    if (d.safe.has(inner)) continue;
    const known = d.titles.has(inner);
    const credited = /^[\s,]*by\s+\p{Lu}/u.test(after);
    hits.push({ start: s, end: e, kind: known || credited ? 'title' : 'unknown-title', name: inner, sure: (known !== null && !known.common) || credited });
  }

  const ws = lineWords(text);
  for (let i = 0; i < ws.count; i++) {
    if (!ws.capitalised(i) || !d.firsts.mayHave(ws, i)) continue;
    const norm = ws.norm(i);
    const start = ws.starts[i]!;
    if (!(d.themes.starts(norm) || d.artists.starts(norm) || d.titles.starts(norm)) || inRanges(quotes, start)) continue;
    const before = text.slice(Math.max(0, start - 40), start);
    // 2. Film and show themes: "the theme from Jaws", "the Star Wars theme".
    const theme = d.themes.at(ws, i, text);
    if (theme) {
      const end = ws.ends[i + theme.n - 1]!;
      if ((THEME_BEFORE.test(before) || THEME_AFTER.test(text.slice(end))) && overlapping(hits, start, end) === -1) {
        hits.push({ start, end, kind: 'theme', name: theme.entry.name, sure: true });
        i += theme.n - 1;
        continue;
      }
    }
    // 3. Artists in a credit or after a music verb.
    const artist = d.artists.at(ws, i, text);
    if (artist) {
      const end = ws.ends[i + artist.n - 1]!;
      const after = text.slice(end, end + 40);
      const style = STYLE_BEFORE.test(before);
      if ((style || CREDIT_BEFORE.test(before) || VERB_BEFORE.test(before) || CREDIT_AFTER.test(after)) && overlapping(hits, start, end) === -1) {
        hits.push({ start, end, kind: style ? 'style' : 'artist', name: artist.entry.name, sure: !style });
        i += artist.n - 1;
        continue;
      }
    }
    // 4. Well-known titles written without quotes, beside a music word.
    const title = d.titles.at(ws, i, text);
    if (title && !title.entry.common && title.n >= 1) {
      const end = ws.ends[i + title.n - 1]!;
      const sentence = sentenceAround(text, start, end);
      const rest = sentence.replace(text.slice(start, end), ' ');
      if (/\b(?:plays?|playing|sings?|singing|hums?|humming|song|track|tune|music|radio|jukebox|soundtrack|blasts?|blaring|performs?|performing|dances? to|dancing to)\b/i.test(rest) && !d.safe.has(title.entry.name) && overlapping(hits, start, end) === -1) {
        hits.push({ start, end, kind: 'title', name: title.entry.name, sure: true });
        i += title.n - 1;
      }
    }
  }
  return hits.length > 1 ? hits.sort((a, b) => a.start - b.start) : hits;
}

/** Whether `[start, end)` is credited as music ("a song by NAME", "NAME's song"): not a depiction. */
export function isMusicCredit(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 40);
  return CREDIT_BEFORE.test(before) || VERB_BEFORE.test(before) || STYLE_BEFORE.test(before) || CREDIT_AFTER.test(after);
}

/** Whether a name at `[start, end)` is a film's theme ("the Batman theme", "the theme from Jaws"). */
export function isThemeName(text: string, start: number, end: number): boolean {
  return THEME_BEFORE.test(text.slice(Math.max(0, start - 40), start)) || THEME_AFTER.test(text.slice(end, end + 40));
}

/** Classical composers are out of copyright. */
export function isClassical(name: string): boolean {
  return data().classical.has(name) !== null;
}

function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !/[.!?;]/.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !/[.!?;]/.test(text[e]!)) e++;
  return text.slice(s, e);
}
