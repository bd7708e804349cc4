/**
 * The prompt renderer: each clip's full brief in the prompting guide's structure. Style first;
 * the look sections under their canonical headings; the cast members who appear; the scene; the
 * shot list in the guide's notation with each shot's lines; dialogue as a block with speaker
 * labels; Camera Notes and Finishing last. A REMIX or EDIT sends only its change (the source
 * video already carries the look). Deterministic: the same input gives the same bytes.
 *
 * Settings (seconds, size, model) are API parameters and never appear as prose.
 */
import { formatTime } from '../format/format.js';
import type { Fragment, ResolvedClip, ResolvedSection, SectionOrigin } from '../resolve/model.js';
import type * as A from '../syntax/ast.js';
import { SHOT_KEYS, type SectionId } from '../syntax/keys.js';

/** Which part of the source a piece of the prompt came from (the storyboard tells them apart). */
export type PromptOrigin = 'look' | 'cast' | 'clip' | 'structure';

export interface PromptPart {
  origin: PromptOrigin;
  text: string;
}

export interface RenderedPrompt {
  text: string;
  parts: PromptPart[];
  /**
   * `text` in two, when it starts with a head that the prompts of other clips rendered with it
   * share (Style and the look, the same string for each): hashing the plan resumes after the head.
   */
  split?: { head: string; rest: string };
}

const AFTER_SHOTS: ReadonlySet<SectionId> = new Set(['camera-notes', 'finishing']);

/**
 * Pieces of prompt text with their origins, merged into parts (adjacent pieces of one origin) only
 * at the end, so building allocates the final strings once instead of growing them piece by piece.
 */
class PromptBuilder {
  private readonly origins: PromptOrigin[] = [];
  private readonly texts: string[] = [];
  /** A start rendered before (see `Head`), then the pieces added after it. */
  private head: Head | null = null;

  get empty(): boolean {
    return (this.head === null || this.head.text === '') && this.texts.length === 0;
  }

  /** Start with `head` (only on an empty builder). */
  startWith(head: Head): void {
    this.head = head;
  }

  add(origin: PromptOrigin, text: string): void {
    if (text === '') return;
    this.origins.push(origin);
    this.texts.push(text);
  }

  /** Add pieces rendered before (`[origin, text, origin, text, …]`, no empty texts). */
  addAll(pieces: readonly string[]): void {
    for (let i = 0; i < pieces.length; i += 2) {
      this.origins.push(pieces[i] as PromptOrigin);
      this.texts.push(pieces[i + 1]!);
    }
  }

  /** Start a new block (a blank line between blocks). */
  block(): void {
    if (!this.empty) this.add('structure', '\n\n');
  }

  line(): void {
    this.add('structure', '\n');
  }

  build(): RenderedPrompt {
    const { origins, texts, head } = this;
    // Runs of pieces with one origin are the parts: [first piece, end piece) each.
    const runs: number[] = [];
    for (let i = 0; i < texts.length; ) {
      let j = i + 1;
      while (j < texts.length && origins[j] === origins[i]) j++;
      runs.push(i, j);
      i = j;
    }
    // Trailing blank lines never carry meaning (a head never ends with one).
    while (runs.length && origins[runs[runs.length - 2]!] === 'structure' && blank(texts, runs[runs.length - 2]!, runs[runs.length - 1]!)) runs.length -= 2;
    const end = runs.length ? runs[runs.length - 1]! : 0;
    if (end < texts.length) texts.length = end;
    // The head is not copied: the prompt is the head's text and the rest joined after it, a rope
    // that hashing reads in its two parts (`split`) and that only writing the plan flattens.
    const rest = texts.length === 1 ? texts[0]! : texts.join('');
    const headText = head ? head.text : '';
    const text = headText === '' ? rest : rest === '' ? headText : headText + rest;
    // A part of several pieces is a slice of the rest (which shares its characters).
    const parts: PromptPart[] = head ? head.parts.slice() : [];
    let at = 0;
    for (let r = 0; r < runs.length; r += 2) {
      const i = runs[r]!;
      const j = runs[r + 1]!;
      let length = 0;
      for (let k = i; k < j; k++) length += texts[k]!.length;
      const origin = origins[i]!;
      const piece = j === i + 1 ? texts[i]! : rest.slice(at, at + length);
      // The first run may continue the head's last part (the same origin across the seam).
      if (r === 0 && parts.length && parts[parts.length - 1]!.origin === origin) {
        const last = parts[parts.length - 1]!;
        parts[parts.length - 1] = { origin, text: last.text + piece };
      } else parts.push({ origin, text: piece });
      at += length;
    }
    return headText !== '' && rest !== '' ? { text, parts, split: { head: headText, rest } } : { text, parts };
  }
}

/**
 * The start of a prompt that clips share: Style and the look sections, rendered once for a run of
 * clips with the same sections (most clips of a storyboard inherit one look). Its parts are shared
 * by the prompts that start with it.
 */
interface Head {
  /** The sections it renders. */
  style: ResolvedSection | undefined;
  look: readonly ResolvedSection[];
  text: string;
  parts: readonly PromptPart[];
}

function blank(texts: readonly string[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (texts[k]!.trim() !== '') return false;
  return true;
}

function originOf(o: SectionOrigin): PromptOrigin {
  return o.kind === 'clip' ? 'clip' : 'look';
}

function join(fragments: readonly Fragment[]): string {
  if (fragments.length === 1) return fragments[0]!.text.trim();
  let out = '';
  for (const f of fragments) {
    const t = f.text.trim();
    if (t) out = out ? `${out} ${t}` : t;
  }
  return out;
}

/** A section rendered on its own: its pieces, and whether it says anything at all. */
interface SectionPieces {
  pieces: string[];
  empty: boolean;
}

/**
 * What one compile renders once: each section (most clips inherit the same look sections, the
 * same objects). A Map, not a WeakMap: it lives as long as the compile's prompts, and a look-up
 * in it is several times quicker, twice per section of every clip.
 */
export interface PromptMemo {
  sections: Map<ResolvedSection, SectionPieces>;
  /** The last head rendered: consecutive clips usually share it. */
  head?: Head;
}

function sectionPieces(s: ResolvedSection, memo: PromptMemo | undefined): SectionPieces {
  const known = memo?.sections.get(s);
  if (known) return known;
  const origin = originOf(s.origin);
  const head = join(s.head);
  const pieces: string[] = ['structure', `${s.label}:`];
  if (head) pieces.push('structure', ' ', origin, head);
  let empty = head === '';
  for (const sub of s.subs) {
    pieces.push('structure', '\n', 'structure', `${sub.label}:`);
    const t = join(sub.text);
    if (t) {
      pieces.push('structure', ' ', originOf(sub.origin), t);
      empty = false;
    }
  }
  const r = { pieces, empty };
  memo?.sections.set(s, r);
  return r;
}

function section(b: PromptBuilder, s: ResolvedSection, memo: PromptMemo | undefined, extra: readonly Fragment[] = []): void {
  if (extra.length === 0) {
    b.addAll(sectionPieces(s, memo).pieces);
    return;
  }
  const origin = originOf(s.origin);
  const head = join(s.head);
  const more = join(extra);
  b.add('structure', `${s.label}:`);
  if (head) {
    b.add('structure', ' ');
    b.add(origin, head);
  }
  if (more) {
    b.add('structure', ' ');
    b.add('clip', more);
  }
  for (const sub of s.subs) {
    b.line();
    b.add('structure', `${sub.label}:`);
    const t = join(sub.text);
    if (t) {
      b.add('structure', ' ');
      b.add(originOf(sub.origin), t);
    }
  }
}

function shotLine(b: PromptBuilder, shot: A.Shot): void {
  b.add('structure', `${formatTime(shot.start.value)}–${formatTime(shot.end.value)}`);
  if (shot.title) {
    b.add('structure', ' — "');
    b.add('clip', shot.title.text);
    b.add('structure', '"');
  }
  if (shot.camera) {
    b.add('structure', ' (');
    b.add('clip', shot.camera.text);
    b.add('structure', ')');
  }
  if (shot.trailing?.text) {
    b.line();
    b.add('clip', shot.trailing.text);
  }
  for (const item of shot.items) {
    if (item.kind === 'Dialogue' || !itemText(item)) continue;
    b.line();
    if (item.kind === 'ShotKey') {
      b.add('structure', `${item.shotKey ? shotKeyName(item.shotKey) : item.key.text}: `);
      b.add('clip', item.value.text);
    } else b.add('clip', item.text.text);
  }
}

function shotKeyName(id: A.ShotKeyLine['shotKey']): string {
  return SHOT_KEYS.find((k) => k.id === id)!.name;
}

function itemText(item: A.ShotItem): string {
  return item.kind === 'Prose' ? item.text.text : item.kind === 'ShotKey' ? item.value.text : item.line.text;
}

function dialogueLine(b: PromptBuilder, d: A.Dialogue): void {
  b.add('structure', '- ');
  b.add('clip', d.speaker.text);
  if (d.parenthetical) {
    b.add('structure', ' (');
    b.add('clip', d.parenthetical.text.trim());
    b.add('structure', ')');
  }
  b.add('structure', ': "');
  b.add('clip', d.line.text);
  b.add('structure', '"');
}

/**
 * Prompts rendered once per clip and shared (lint measures them, emit sends them), with the
 * sections they share rendered once.
 */
export function promptCache(): (clip: ResolvedClip) => RenderedPrompt {
  const prompts = new Map<ResolvedClip, RenderedPrompt>();
  const memo: PromptMemo = { sections: new Map() };
  return (clip) => {
    let p = prompts.get(clip);
    if (!p) {
      p = renderPrompt(clip, memo);
      prompts.set(clip, p);
    }
    return p;
  };
}

/** Style, then the look sections (each block after a blank line). */
function renderHead(b: PromptBuilder, style: ResolvedSection | undefined, look: readonly ResolvedSection[], memo: PromptMemo | undefined): void {
  if (style) {
    b.block();
    section(b, style, memo);
  }
  if (look.length) {
    b.block();
    look.forEach((s, i) => {
      if (i) b.line();
      section(b, s, memo);
    });
  }
}

/** The head for Style and these look sections: the last one, when it has the same sections. */
function headOf(style: ResolvedSection | undefined, look: readonly ResolvedSection[], memo: PromptMemo): Head {
  const last = memo.head;
  if (last && last.style === style && last.look.length === look.length && last.look.every((s, i) => s === look[i])) return last;
  const b = new PromptBuilder();
  renderHead(b, style, look, memo);
  const { text, parts } = b.build();
  for (const p of parts) Object.freeze(p);
  const head: Head = { style, look, text, parts };
  memo.head = head;
  return head;
}

export function renderPrompt(clip: ResolvedClip, memo?: PromptMemo): RenderedPrompt {
  const b = new PromptBuilder();
  const changeOnly = clip.kind === 'remix' || clip.kind === 'edit';
  // An empty section (a bare `Sound:`) says nothing; a label alone would only confuse the model.
  const sections: ResolvedSection[] = [];
  for (const s of clip.sections) if ((!changeOnly || s.origin.kind === 'clip') && !sectionPieces(s, memo).empty) sections.push(s);

  if (changeOnly) {
    for (const c of clip.changes) {
      if (!c.text.text) continue;
      if (!b.empty) b.line();
      b.add('clip', c.text.text);
    }
  }

  const style = sections.find((s) => s.id === 'style');
  const look = sections.filter((s) => s.id !== 'style' && s.id !== 'scene' && !(s.id && AFTER_SHOTS.has(s.id)));
  if (!changeOnly && memo) b.startWith(headOf(style, look, memo));
  else renderHead(b, style, look, memo);
  if (clip.cast.length) {
    b.block();
    b.add('structure', 'Cast:');
    for (const m of clip.cast) {
      b.line();
      b.add('structure', `${m.name}: `);
      b.add('cast', m.description.text);
    }
  }
  const scene = sections.find((s) => s.id === 'scene');
  // A Change: in a new clip has no source to change; it is sent as scene text (and reported).
  const prose: Fragment[] = [];
  for (const p of clip.prose) prose.push(p.text);
  if (!changeOnly) for (const c of clip.changes) prose.push(c.text);
  if (prose.length > 1) prose.sort((a, b) => a.span.start - b.span.start);
  if (scene || prose.some((p) => p.text)) {
    b.block();
    if (scene) section(b, scene, memo, prose);
    else {
      b.add('structure', 'Scene: ');
      b.add('clip', join(prose));
    }
  }
  if (clip.shots.length) {
    b.block();
    b.add('structure', 'Shot list:');
    for (const shot of clip.shots) {
      b.line();
      shotLine(b, shot);
    }
  }
  // Words nobody says (`TOM:` with nothing after it, reported as SC112) are not sent.
  const dialogue: A.Dialogue[] = [];
  for (const d of clip.dialogue) if (d.line.text.trim() !== '') dialogue.push(d);
  for (const s of clip.shots) for (const i of s.items) if (i.kind === 'Dialogue' && i.line.text.trim() !== '') dialogue.push(i);
  if (dialogue.length) {
    if (dialogue.length > 1) dialogue.sort((x, y) => x.span.start - y.span.start);
    b.block();
    b.add('structure', 'Dialogue:');
    for (const d of dialogue) {
      b.line();
      dialogueLine(b, d);
    }
  }
  for (const s of sections) {
    if (!(s.id && AFTER_SHOTS.has(s.id))) continue;
    b.block();
    section(b, s, memo);
  }
  return b.build();
}
