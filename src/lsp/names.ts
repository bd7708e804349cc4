/**
 * Every place a clip, look or character is named: its definition (`CLIP arrival`, `LOOK night`,
 * `MARA:` under CAST) and its uses — REMIX/EXTEND/EDIT sources, `USING`, dialogue speakers and
 * whole-word mentions of a character in prose. Definition, references, rename, highlights,
 * semantic tokens and hover all read this one index.
 *
 * Prose mentions are indexed for characters only. Clip and look names are ordinary words as
 * often as not ("arrival", "night"); renaming a look must not rewrite "a night train".
 */
import type { Span } from '../core/source/index.js';
import type * as A from '../core/syntax/ast.js';
import { fragmentsOf } from '../core/lint/fragments.js';
import type { FragmentKind } from '../core/lint/types.js';
import { castBlocksOf, clipsOf, itemsOfKind, looksOf, sourceOf } from '../core/syntax/query.js';
import type { DocumentState } from './state.js';

export type NameKind = 'clip' | 'look' | 'character';
export type NameRole = 'definition' | 'source' | 'using' | 'speaker' | 'mention';

export interface NameOccurrence {
  kind: NameKind;
  name: string;
  span: Span;
  role: NameRole;
  /** For mentions: the kind of prose they sit in. */
  in?: FragmentKind;
}

export interface NameIndex {
  /** Every occurrence, in source order. */
  all: NameOccurrence[];
  /** Definitions by `kind:name` (more than one when a name is defined twice). */
  definitions: Map<string, NameOccurrence[]>;
}

const VIDEO_ID = /^video_[A-Za-z0-9_-]+$/;

export function key(kind: NameKind, name: string): string {
  return `${kind}:${name}`;
}

/** Every occurrence, prose mentions included (references, rename, highlights, semantic tokens). */
export function nameIndex(state: DocumentState): NameIndex {
  return state.memo('names', () => {
    const index = structure(state);
    const all = [...index.all, ...mentions(state, index)].sort((a, b) => a.span.start - b.span.start);
    return { all, definitions: index.definitions };
  });
}

/**
 * The name under the cursor, for hover. Mentions in prose are looked for (in the whole file)
 * only when the words at the cursor spell a character's name, so hovering a CLIP header or a
 * key never pays for scanning every line of prose.
 */
export function nameAt(state: DocumentState, offset: number): NameOccurrence | undefined {
  const index = structure(state);
  const hit = occurrenceAt(index, offset);
  if (hit) return hit;
  const src = state.source;
  const line = src.positionAt(offset).line;
  const lineStart = src.lines[line]!;
  const text = src.lineText(line);
  const at = offset - lineStart;
  const cast = [...index.definitions.keys()].filter((k) => k.startsWith('character:')).map((k) => k.slice('character:'.length));
  if (!cast.some((name) => mentionOffsets(text, name).some((i) => i <= at && at <= i + name.length))) return undefined;
  return occurrenceAt(nameIndex(state), offset);
}

/** Definitions and the structural uses: sources, USING, speakers (no prose scan). */
function structure(state: DocumentState): NameIndex {
  return state.memo('names:structure', () => build(state));
}

function mentions(state: DocumentState, index: NameIndex): NameOccurrence[] {
  const cast = [...index.definitions.keys()].filter((k) => k.startsWith('character:')).map((k) => k.slice('character:'.length));
  const out: NameOccurrence[] = [];
  if (!cast.length) return out;
  for (const f of fragmentsOf(state.resolved)) {
    for (const name of cast) {
      for (const at of mentionOffsets(f.text, name)) {
        out.push({ kind: 'character', name, span: { start: f.span.start + at, end: f.span.start + at + name.length }, role: 'mention', in: f.kind });
      }
    }
  }
  return out;
}

function build(state: DocumentState): NameIndex {
  const ast = state.parsed.ast;
  const all: NameOccurrence[] = [];
  const definitions = new Map<string, NameOccurrence[]>();
  const define = (kind: NameKind, name: A.Text): void => {
    const o: NameOccurrence = { kind, name: name.text, span: name.span, role: 'definition' };
    all.push(o);
    const k = key(kind, name.text);
    const list = definitions.get(k);
    if (list) list.push(o);
    else definitions.set(k, [o]);
  };

  for (const block of castBlocksOf(ast)) for (const entry of itemsOfKind(block.items, 'CastEntry')) define('character', entry.name);
  for (const look of looksOf(ast)) if (look.name) define('look', look.name);
  const clips = clipsOf(ast);
  for (const clip of clips) if (clip.name) define('clip', clip.name);

  const cast = new Set([...definitions.keys()].filter((k) => k.startsWith('character:')).map((k) => k.slice('character:'.length)));
  const speaker = (d: A.Dialogue): void => {
    if (cast.has(d.speaker.text)) all.push({ kind: 'character', name: d.speaker.text, span: d.speaker.span, role: 'speaker' });
  };
  const items = (list: readonly A.Item[]): void => {
    for (const item of list) {
      if (item.kind === 'Dialogue') speaker(item);
      else if (item.kind === 'Shot') for (const si of item.items) if (si.kind === 'Dialogue') speaker(si);
    }
  };
  items(ast.items);
  for (const block of ast.blocks) items(block.items);

  for (const clip of clips) {
    const src = sourceOf(clip);
    if (src && !VIDEO_ID.test(src.source.text)) all.push({ kind: 'clip', name: src.source.text, span: src.source.span, role: 'source' });
    for (const a of clip.attributes) if (a.kind === 'using') all.push({ kind: 'look', name: a.look.text, span: a.look.span, role: 'using' });
  }

  all.sort((a, b) => a.span.start - b.span.start);
  return { all, definitions };
}

/**
 * Offsets of whole-word mentions of `name` in `text`, with the compiler's rule (`mentions` in
 * resolve.ts): a name in capitals matches case-sensitively, `MARA's` counts, `MARAT` does not.
 */
export function mentionOffsets(text: string, name: string): number[] {
  const caps = name === name.toUpperCase();
  const hay = caps ? text : text.toLowerCase();
  const needle = caps ? name : name.toLowerCase();
  const out: number[] = [];
  if (!needle) return out;
  let i = hay.indexOf(needle);
  while (i !== -1) {
    if (!isWordChar(hay, i - 1) && !isWordChar(hay, i + needle.length)) out.push(i);
    i = hay.indexOf(needle, i + needle.length);
  }
  return out;
}

const WORD = /[\p{L}\p{N}_]/u;
function isWordChar(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return WORD.test(s.charAt(i));
}

/** The occurrence under the cursor (a cursor right after a name is on it). */
export function occurrenceAt(index: NameIndex, offset: number): NameOccurrence | undefined {
  let best: NameOccurrence | undefined;
  for (const o of index.all) {
    if (o.span.start > offset) break;
    if (offset <= o.span.end) best = o;
  }
  return best;
}

export function occurrencesOf(index: NameIndex, kind: NameKind, name: string): NameOccurrence[] {
  return index.all.filter((o) => o.kind === kind && o.name === name);
}
