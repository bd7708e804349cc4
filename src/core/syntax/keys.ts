/**
 * The vocabulary of keyed lines: look sections, shot keys and the clip's own keys.
 *
 * Keys are matched case-insensitively after normalising spacing around `&` and `/` (so
 * `grade/palette`, `Grade / Palette` and `GRADE/PALETTE` are one key). This table is the single
 * source for the lexer, the resolver, the formatter's canonical spelling, completion and hover.
 */

export type SectionId =
  | 'style'
  | 'format'
  | 'lenses'
  | 'grade'
  | 'lighting'
  | 'location'
  | 'wardrobe'
  | 'sound'
  | 'mood'
  | 'camera-notes'
  | 'finishing'
  | 'scene';

export type ShotKeyId = 'camera' | 'lens' | 'action' | 'purpose' | 'sound' | 'lighting' | 'mood' | 'framing';

export type ClipKeyId = 'reference' | 'change';

export interface SectionInfo {
  id: SectionId;
  /** Canonical spelling, as the prompting guide writes it and the formatter prints it. */
  name: string;
  aliases: readonly string[];
  /** What it controls, for hover and docs. */
  description: string;
  example: string;
  /** Well-known sub-keys offered by completion (any `Label:` line under a section is a sub-key). */
  subKeys: readonly string[];
}

export const SECTIONS: readonly SectionInfo[] = [
  {
    id: 'style',
    name: 'Style',
    aliases: [],
    description: 'The overall aesthetic, stated first so the model carries it through every shot.',
    example: 'Style: 1970s romantic drama, 35 mm with natural flares and warm halation.',
    subKeys: [],
  },
  {
    id: 'format',
    name: 'Format & Look',
    aliases: ['Format', 'Look'],
    description: 'Capture format and texture: shutter, sensor or film emulation, grain.',
    example: 'Format & Look: 180° shutter; digital capture emulating 65 mm photochemical contrast; fine grain.',
    subKeys: [],
  },
  {
    id: 'lenses',
    name: 'Lenses & Filtration',
    aliases: ['Lenses', 'Lens', 'Filtration'],
    description: 'Focal lengths, lens family and filters in front of the lens.',
    example: 'Lenses & Filtration: 32 mm / 50 mm spherical primes; Black Pro-Mist 1/4.',
    subKeys: [],
  },
  {
    id: 'grade',
    name: 'Grade / Palette',
    aliases: ['Grade', 'Palette'],
    description: 'Colour grade and palette anchors; sub-keys Highlights, Mids and Blacks override one by one.',
    example: 'Grade / Palette:\n  Highlights: clean morning sunlight with amber lift.\n  Mids: balanced neutrals.\n  Blacks: soft and neutral.',
    subKeys: ['Highlights', 'Mids', 'Blacks', 'Palette anchors'],
  },
  {
    id: 'lighting',
    name: 'Lighting & Atmosphere',
    aliases: ['Lighting', 'Atmosphere'],
    description: 'Light sources and their quality, bounce, practicals and atmosphere (haze, rain).',
    example: 'Lighting & Atmosphere: low sun through the canopy; thin haze; sodium practicals.',
    subKeys: ['Key', 'Bounce', 'Negative fill', 'Practical', 'Atmos'],
  },
  {
    id: 'location',
    name: 'Location & Framing',
    aliases: ['Location', 'Framing'],
    description: 'Where it happens and how the frame is layered.',
    example: 'Location & Framing: commuter platform, wet concrete, train arriving screen left.',
    subKeys: ['Foreground', 'Midground', 'Background', 'Avoid'],
  },
  {
    id: 'wardrobe',
    name: 'Wardrobe / Props / Extras',
    aliases: ['Wardrobe', 'Props', 'Extras'],
    description: 'What people wear and carry, and who else is in frame.',
    example: 'Wardrobe / Props / Extras: commuters in dark coats; a folded newspaper.',
    subKeys: ['Main subject', 'Extras', 'Props'],
  },
  {
    id: 'sound',
    name: 'Sound',
    aliases: [],
    description: 'What is heard: diegetic sound, ambience, music cues (no copyrighted songs).',
    example: 'Sound: diegetic only — rail screech, brakes hiss, a muffled announcement.',
    subKeys: [],
  },
  {
    id: 'mood',
    name: 'Mood',
    aliases: [],
    description: 'The emotional tone of the sequence.',
    example: 'Mood: quiet relief after a long night.',
    subKeys: [],
  },
  {
    id: 'camera-notes',
    name: 'Camera Notes',
    aliases: [],
    description: 'Why the coverage reads: eyelines, what to keep in focus, what to avoid.',
    example: 'Camera Notes: keep the eyeline low and level; let the flare kiss the lens edge.',
    subKeys: [],
  },
  {
    id: 'finishing',
    name: 'Finishing',
    aliases: [],
    description: 'Mix, grain, poster frame and other finishing instructions.',
    example: 'Finishing: fine-grain overlay; mild halation on practicals.\n  Poster frame: MARA at the window.',
    subKeys: ['Mix', 'Poster frame'],
  },
  {
    id: 'scene',
    name: 'Scene',
    aliases: ['Description'],
    description: 'Free prose description of what happens, for clips without a shot list or context for all.',
    example: 'Scene: a commuter platform at dawn as the first train arrives.',
    subKeys: [],
  },
];

export interface ShotKeyInfo {
  id: ShotKeyId;
  name: string;
  description: string;
}

export const SHOT_KEYS: readonly ShotKeyInfo[] = [
  { id: 'camera', name: 'Camera', description: 'The one camera setup or move of this shot.' },
  { id: 'lens', name: 'Lens', description: 'Focal length or lens for this shot.' },
  { id: 'action', name: 'Action', description: 'The one clear subject action, in beats.' },
  { id: 'purpose', name: 'Purpose', description: 'Why the shot exists in the cut (the guide ends each shot with it).' },
  { id: 'sound', name: 'Sound', description: 'A sound cue for this shot.' },
  { id: 'lighting', name: 'Lighting', description: 'A lighting change within this shot.' },
  { id: 'mood', name: 'Mood', description: 'The feeling of this shot.' },
  { id: 'framing', name: 'Framing', description: 'Framing and composition of this shot.' },
];

export interface ClipKeyInfo {
  id: ClipKeyId;
  name: string;
  description: string;
}

export const CLIP_KEYS: readonly ClipKeyInfo[] = [
  {
    id: 'reference',
    name: 'Reference',
    description: 'An image (JPEG, PNG or WebP, exactly the clip size, no human faces) used as the first frame; path relative to the file.',
  },
  {
    id: 'change',
    name: 'Change',
    description: 'The one focused change a REMIX or EDIT clip makes to its source.',
  },
];

const normalized = new Map<string, string>();

/** Normalise a written key for lookup: case, spacing around `&` and `/`, and `and` for `&`. */
export function normalizeKey(label: string): string {
  let n = normalized.get(label);
  if (n === undefined) {
    if (normalized.size > 4096) normalized.clear();
    n = normalizeUncached(label);
    normalized.set(label, n);
  }
  return n;
}

function normalizeUncached(label: string): string {
  return label
    .toLowerCase()
    .replace(/\s+and\s+/g, '&')
    .replace(/\s*([&/])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export type KeyMeaning =
  | { kind: 'section'; section: SectionInfo }
  | { kind: 'clip'; key: ClipKeyInfo };

const sectionIndex = new Map<string, SectionInfo>();
for (const s of SECTIONS) {
  sectionIndex.set(normalizeKey(s.name), s);
  for (const a of s.aliases) sectionIndex.set(normalizeKey(a), s);
}
const shotIndex = new Map<string, ShotKeyInfo>(SHOT_KEYS.map((k) => [normalizeKey(k.name), k]));
const clipIndex = new Map<string, ClipKeyInfo>(CLIP_KEYS.map((k) => [normalizeKey(k.name), k]));

function lookup<T>(index: Map<string, T>, label: string): T | undefined {
  return index.get(label.toLowerCase()) ?? index.get(normalizeKey(label));
}
export function lookupSection(label: string): SectionInfo | undefined {
  return lookup(sectionIndex, label);
}
export function lookupShotKey(label: string): ShotKeyInfo | undefined {
  return lookup(shotIndex, label);
}
export function lookupClipKey(label: string): ClipKeyInfo | undefined {
  return lookup(clipIndex, label);
}
export function sectionById(id: SectionId): SectionInfo {
  return SECTIONS.find((s) => s.id === id)!;
}

/** Every spelling a key line may use, in any context. */
export const ALL_KEY_SPELLINGS: readonly string[] = [
  ...SECTIONS.flatMap((s) => [s.name, ...s.aliases]),
  ...SHOT_KEYS.map((k) => k.name),
  ...CLIP_KEYS.map((k) => k.name),
];

const allIndex = new Set(ALL_KEY_SPELLINGS.map(normalizeKey));

/** Labels repeat across lines and files; remember the verdicts (bounded, so memory stays flat). */
function memo(fn: (label: string) => boolean): (label: string) => boolean {
  const cache = new Map<string, boolean>();
  return (label) => {
    let v = cache.get(label);
    if (v === undefined) {
      if (cache.size > 4096) cache.clear();
      v = fn(label);
      cache.set(label, v);
    }
    return v;
  };
}

export const isKnownKey = memo((label) => allIndex.has(label.toLowerCase()) || allIndex.has(normalizeKey(label)));

/** Optimal string alignment distance, bounded: returns `max + 1` as soon as it is exceeded. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[cols - 1]!;
}

/** The closest spelling among `candidates` within `max` edits, for "did you mean" messages. */
const normalizedCache = new Map<string, string>();
function normalizedOnce(c: string): string {
  let n = normalizedCache.get(c);
  if (n === undefined) {
    n = normalizeKey(c);
    normalizedCache.set(c, n);
  }
  return n;
}

export function closest(word: string, candidates: readonly string[], max = 2): string | undefined {
  const w = normalizeKey(word);
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of candidates) {
    const nc = normalizedOnce(c);
    if (Math.abs(nc.length - w.length) > max) continue;
    const d = editDistance(w, nc, max);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** Whether a label not in the vocabulary is close enough to a key to be a misspelt one. */
export const looksLikeMisspeltKey = memo((label) => {
  if (label.length < 4) return false;
  const words = label.trim().split(/\s+/);
  if (words.length > 3) return false;
  const first = label.charCodeAt(0);
  if (!(first >= 65 && first <= 90)) return false;
  return closest(label, ALL_KEY_SPELLINGS, label.length >= 7 ? 2 : 1) !== undefined;
});

/** A section's key at the start of a stray line, written without the `: ` that makes it a key. */
export interface BareKey {
  section: SectionInfo;
  /** Where the key, as written, ends in the line. */
  keyEnd: number;
  /** Where the text after it starts (past blanks, a dash or a colon between them). */
  textStart: number;
}

/**
 * The section key a line of prose starts with, when the line reads as that key without its colon
 * (`Style 1970s drama`, `Grade / Palette — teal`) or without the space after it (`Style:noir.`);
 * null when it does not. The longest key wins (`Grade / Palette` over `Grade`).
 */
export function bareSectionKey(line: string): BareKey | null {
  let best: BareKey | null = null;
  const n = line.length;
  const blank = (i: number): boolean => line[i] === ' ' || line[i] === '\t';
  let i = 0;
  for (let words = 0; words < 4 && i < n; words++) {
    while (i < n && !blank(i) && line[i] !== ':') i++;
    const section = lookupSection(line.slice(0, i));
    if (section) {
      let j = i;
      if (line[j] === ':') j++;
      else {
        while (j < n && blank(j)) j++;
        if (line[j] === '-' || line[j] === '–' || line[j] === '—') j++;
      }
      while (j < n && blank(j)) j++;
      if (j < n && j > i) best = { section, keyEnd: i, textStart: j };
    }
    if (line[i] === ':') break;
    while (i < n && blank(i)) i++;
  }
  return best;
}

/**
 * Where the colon is when a line starts with a known key and a colon with no space after it
 * (`Sound:rain on the roof`), which reads as prose; -1 otherwise. Only the first 32 characters
 * are looked at: no key is longer.
 */
export function keyColonWithoutSpace(line: string): number {
  const colon = line.indexOf(':');
  if (colon < 1 || colon > 32 || colon + 1 >= line.length) return -1;
  const next = line.charCodeAt(colon + 1);
  return next !== 32 && next !== 9 && isKnownKey(line.slice(0, colon)) ? colon : -1;
}
