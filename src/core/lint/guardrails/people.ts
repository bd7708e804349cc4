/**
 * The real-person gazetteer: every name and alias from `people.data.ts`, looked up by its first
 * normalised word, so a text is scanned in one pass with a lookup per word (longest match wins).
 * The data module stores the forms sorted by first word, so a lookup is a binary search of one
 * string and nothing is built at start (building a map of every name cost ~30 ms and much garbage
 * per process); each word's forms are parsed once, when first looked up (see `loadGazetteer`).
 *
 * A multi-word name matches when written as a name (first and last word capitalised: "Tom
 * Hanks", "Leonardo da Vinci"); a distinctive one-word name ("Zendaya") when capitalised; a
 * one-word name that is also a word or a common first name ("Drake", "Prince", "Madonna") only
 * with a cue next to it ("the rapper Drake", "dressed as Prince").
 */
import { capitalised, words, type Word } from './text.js';

export interface Person {
  name: string;
  occupation: string;
}

interface Form {
  tokens: string[];
  /** m: several words; n: distinctive single name; c: single name that needs a cue. */
  flag: 'm' | 'n' | 'c';
  person: Person;
}

const NONE: readonly Form[] = [];

export class Gazetteer {
  private readonly cache = new Map<string, readonly Form[]>();
  private readonly persons = new Map<number, Person>();
  /** First words of the multi-word names: the given names a full name may start with. */
  readonly givenNames: { has(word: string): boolean } = { has: (word) => this.forms(word).some((f) => f.flag === 'm') };

  /**
   * @param people One person per line: display name, tab, occupation index.
   * @param index One line per first word, sorted: the word, then tab-separated forms (flag, offset
   *   of the person's line in `people`, the other words), longest first.
   */
  constructor(
    private readonly people: string,
    private readonly index: string,
    private readonly occupations: readonly string[],
  ) {}

  /** The names starting with `first` (a normalised word), longest first. */
  forms(first: string): readonly Form[] {
    let forms = this.cache.get(first);
    if (!forms) {
      forms = this.parse(first);
      if (this.cache.size >= 50_000) this.cache.clear();
      this.cache.set(first, forms);
    }
    return forms;
  }

  private parse(first: string): readonly Form[] {
    const at = this.find(first);
    if (at < 0) return NONE;
    const end = this.index.indexOf('\n', at);
    const cols = this.index.slice(at, end < 0 ? this.index.length : end).split('\t');
    const forms: Form[] = [];
    for (let i = 1; i < cols.length; i++) {
      const parts = cols[i]!.split(' ');
      const head = parts[0]!;
      parts[0] = first;
      forms.push({ tokens: parts, flag: head[0] as Form['flag'], person: this.person(Number(head.slice(1))) });
    }
    return forms;
  }

  /** Offset of the index line for `key`, or -1: a binary search over the sorted lines. */
  private find(key: string): number {
    const data = this.index;
    let lo = 0;
    let hi = data.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = data.lastIndexOf('\n', mid - 1) + 1;
      const tab = data.indexOf('\t', start);
      const k = data.slice(start, tab);
      if (k === key) return start;
      if (key < k) hi = start;
      else {
        const next = data.indexOf('\n', tab);
        if (next < 0) return -1;
        lo = next + 1;
      }
    }
    return -1;
  }

  private person(offset: number): Person {
    let p = this.persons.get(offset);
    if (!p) {
      const tab = this.people.indexOf('\t', offset);
      const occupation = Number(this.people.slice(tab + 1, this.people.indexOf('\n', tab)));
      p = { name: this.people.slice(offset, tab), occupation: this.occupations[occupation] ?? 'PUBLIC FIGURE' };
      this.persons.set(offset, p);
    }
    return p;
  }
}

export interface PersonHit {
  person: Person;
  start: number;
  end: number;
  /** Whether a cue was needed and found (for the message). */
  cue: string | null;
}

/** Words a name may contain in lower case ("Leonardo da Vinci", "Charles de Gaulle"). */
const PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'di', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'bin', 'ibn', 'al', 'el', 'of', 'the', 'y', 'e', 'zu', 'ter', 'ten', 'st']);

/** A capitalised word right after a name turns it into a place or thing named after someone. */
const NAMED_AFTER = new Set(
  'street st square sq bridge station airport park avenue ave boulevard blvd building memorial center centre hall tower stadium arena museum library hotel road rd lane drive way place university college school hospital monument theatre theater terminal institute award awards prize day cup trophy falls river lake mountain mountains island islands bay beach county city tunnel expressway highway dam foundation gardens garden zoo cathedral church chapel palace castle continental navigator town heights gallery crater sea strait glacier peninsula desert range canal plaza mall market quay pier harbour harbor port fort'.split(' '),
);

/** Words just before a name that make it a fictional character's name, not a real person's. */
const NAMED = /\b(?:named|called|nicknamed|christened|dubbed)\s*$/i;

/** Cues that make a one-word name that is also a word ("Prince", "Drake") mean the person. */
const CUE_BEFORE = /\b(?:singer|rapper|musician|pop star|popstar|superstar|star|legend|icon|celebrity|actor|actress|footballer|player|striker|boxer|athlete|president|prime minister|king|queen|emperor|empress|pope|saint|st\.?|prophet|philosopher|painter|poet|composer|general|the real|famous|dressed (?:up )?as|costumed as|disguised as|impersonating|impersonates|lookalike of|look-alike of|resembling|who looks like|looks like|channell?ing)\s+$/i;
const CUE_AFTER = /^(?:'s|’s)?\s+(?:performs|performing|in concert|on stage|live on stage|lookalike|look-alike|impersonator|concert|tour|the singer|the rapper|the musician|the actor|the actress)\b|^,\s+the\s+(?:singer|rapper|musician|actor|actress|pop star|footballer|president)\b/i;

/** Real people named in `text`; `skip` filters out stretches another rule owns (e.g. song credits). */
export function findPeople(g: Gazetteer, text: string, opts: { castNames?: ReadonlySet<string> } = {}): PersonHit[] {
  const ws = words(text);
  const hits: PersonHit[] = [];
  for (let i = 0; i < ws.length; i++) {
    const forms = g.forms(ws[i]!.norm);
    for (const form of forms) {
      const n = form.tokens.length;
      if (i + n > ws.length) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = ws[i + k]!.norm === form.tokens[k];
      if (!ok) continue;
      const first = ws[i]!;
      const last = ws[i + n - 1]!;
      // Adjacent in the text too: "Tom. Hanks" is not a name.
      let joined = true;
      for (let k = i; k < i + n - 1 && joined; k++) joined = /^(?:\.?[ \t]+|\.)$/.test(text.slice(ws[k]!.end, ws[k + 1]!.start));
      if (!joined) continue;
      if (!capitalised(first) || (!capitalised(last) && !PARTICLES.has(last.norm))) continue;
      const before = text.slice(Math.max(0, first.start - 40), first.start);
      const after = text.slice(last.end, last.end + 40);
      if (NAMED.test(before)) break;
      // "George Washington Bridge", "John F. Kennedy International Airport": a place, not the person.
      if (namesAPlace(ws, i + n, text, last.end)) break;
      let cue: string | null = null;
      if (form.flag !== 'm') {
        if (opts.castNames?.has(first.text)) break;
        if (form.flag === 'c') {
          const b = CUE_BEFORE.exec(before);
          const a = CUE_AFTER.exec(after);
          if (!b && !a) continue;
          cue = (b ?? a)![0].trim();
        }
      }
      hits.push({ person: form.person, start: first.start, end: last.end, cue });
      i += n - 1;
      break;
    }
  }
  return hits;
}

function namesAPlace(ws: readonly Word[], from: number, text: string, end: number): boolean {
  let at = end;
  for (let k = from; k < Math.min(ws.length, from + 3); k++) {
    const w = ws[k]!;
    if (!/^\s+$/.test(text.slice(at, w.start)) || !capitalised(w)) return false;
    if (NAMED_AFTER.has(w.norm)) return true;
    at = w.end;
  }
  return false;
}

let loading: Promise<Gazetteer> | null = null;

/**
 * The gazetteer, once per process. The data module (≈470 KB) is imported lazily so that bundles
 * which never run the slow rules never load it.
 */
export function loadGazetteer(): Promise<Gazetteer> {
  loading ??= import('./people.data.js').then((d) => new Gazetteer(d.PEOPLE, d.FORMS, d.OCCUPATIONS));
  return loading;
}

/** How a person is described in a suggestion: "an actor", "a soccer player". */
export function occupationNoun(occupation: string): string {
  const o = occupation.toLowerCase();
  const map: Record<string, string> = {
    nobleman: 'noble', 'religious figure': 'religious figure', 'social activist': 'activist', businessperson: 'businessperson', creator: 'video creator', 'public figure': 'person',
    'soccer player': 'footballer', 'military personnel': 'military officer', 'film director': 'film director', 'martial arts': 'martial artist', 'american football player': 'football player',
  };
  return map[o] ?? o;
}
