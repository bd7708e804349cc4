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
}

const AFTER_SHOTS: ReadonlySet<SectionId> = new Set(['camera-notes', 'finishing']);

class PromptBuilder {
  readonly parts: PromptPart[] = [];

  add(origin: PromptOrigin, text: string): void {
    if (text === '') return;
    const last = this.parts[this.parts.length - 1];
    if (last && last.origin === origin) last.text += text;
    else this.parts.push({ origin, text });
  }

  /** Start a new block (a blank line between blocks). */
  block(): void {
    if (this.parts.length) this.add('structure', '\n\n');
  }

  line(): void {
    this.add('structure', '\n');
  }

  build(): RenderedPrompt {
    // Trailing blank lines never carry meaning.
    while (this.parts.length && this.parts[this.parts.length - 1]!.origin === 'structure' && this.parts[this.parts.length - 1]!.text.trim() === '') this.parts.pop();
    return { text: this.parts.map((p) => p.text).join(''), parts: this.parts };
  }
}

function originOf(o: SectionOrigin): PromptOrigin {
  return o.kind === 'clip' ? 'clip' : 'look';
}

function join(fragments: readonly Fragment[]): string {
  return fragments
    .map((f) => f.text.trim())
    .filter(Boolean)
    .join(' ');
}

function section(b: PromptBuilder, s: ResolvedSection, extra: readonly Fragment[] = []): void {
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

export function renderPrompt(clip: ResolvedClip): RenderedPrompt {
  const b = new PromptBuilder();
  const changeOnly = clip.kind === 'remix' || clip.kind === 'edit';
  // An empty section (a bare `Sound:`) says nothing; a label alone would only confuse the model.
  const sections = (changeOnly ? clip.sections.filter((s) => s.origin.kind === 'clip') : clip.sections).filter(
    (s) => join(s.head) !== '' || s.subs.some((sub) => join(sub.text) !== ''),
  );

  if (changeOnly) {
    for (const c of clip.changes) {
      if (!c.text.text) continue;
      if (b.parts.length) b.line();
      b.add('clip', c.text.text);
    }
  }

  const style = sections.find((s) => s.id === 'style');
  if (style) {
    b.block();
    section(b, style);
  }
  const look = sections.filter((s) => s.id !== 'style' && s.id !== 'scene' && !(s.id && AFTER_SHOTS.has(s.id)));
  if (look.length) {
    b.block();
    look.forEach((s, i) => {
      if (i) b.line();
      section(b, s);
    });
  }
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
  const prose = [...clip.prose.map((p) => p.text), ...(changeOnly ? [] : clip.changes.map((c) => c.text))]
    .sort((a, b) => a.span.start - b.span.start)
    .map((t) => ({ text: t.text, span: t.span }));
  if (scene || prose.some((p) => p.text)) {
    b.block();
    if (scene) section(b, scene, prose);
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
  const dialogue = [...clip.dialogue, ...clip.shots.flatMap((s) => s.items.filter((i): i is A.Dialogue => i.kind === 'Dialogue'))]
    .filter((d) => d.line.text.trim() !== '')
    .sort((x, y) => x.span.start - y.span.start);
  if (dialogue.length) {
    b.block();
    b.add('structure', 'Dialogue:');
    for (const d of dialogue) {
      b.line();
      dialogueLine(b, d);
    }
  }
  for (const s of sections.filter((x) => x.id && AFTER_SHOTS.has(x.id))) {
    b.block();
    section(b, s);
  }
  return b.build();
}
