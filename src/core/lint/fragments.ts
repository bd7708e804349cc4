/**
 * Every line of prose in a file, once, as `TextFragment`s: the look (top level and LOOK blocks),
 * the cast, and each clip's sections, prose, changes, shots and dialogue. Text rules (guardrails,
 * craft, prose) scan these instead of walking the AST themselves.
 */
import type { ResolvedClip, ResolvedFile } from '../resolve/model.js';
import type { Span } from '../source/index.js';
import type * as A from '../syntax/ast.js';
import { itemsOfKind, looksOf, sectionsOf } from '../syntax/query.js';
import type { SectionId } from '../syntax/keys.js';
import { isTrimmed } from './guardrails/text.js';
import type { FragmentKind, TextFragment } from './types.js';

export function fragmentsOf(file: ResolvedFile): TextFragment[] {
  const text = file.source.text;
  const out: TextFragment[] = [];
  const push = (
    span: Span,
    kind: FragmentKind,
    clip: ResolvedClip | null,
    shot: A.Shot | null = null,
    section: SectionId | null = null,
    label: string | null = null,
    speaker: string | null = null,
  ): void => {
    if (span.end <= span.start) return;
    const raw = text.slice(span.start, span.end);
    const blanked = raw.indexOf('[[') === -1 ? raw : raw.replace(/\[\[[\s\S]*?(?:\]\]|$)/g, (m) => ' '.repeat(m.length));
    if (blank(blanked)) return;
    out.push({ text: blanked, span, kind, clip, shot, section, label, speaker });
  };
  const sections = (nodes: readonly A.Section[], clip: ResolvedClip | null): void => {
    for (const s of nodes) {
      push(s.value.span, 'section', clip, null, s.section, s.key.text);
      for (const line of s.lines) {
        if (line.kind === 'Line') push(line.span, 'section', clip, null, s.section, s.key.text);
        else for (const l of line.lines) push(l, 'subkey', clip, null, s.section, line.label.text);
      }
    }
  };
  const dialogue = (d: A.Dialogue, clip: ResolvedClip | null, shot: A.Shot | null): void => {
    for (const l of d.lines) push(l, 'dialogue', clip, shot, null, null, d.speaker.text);
  };

  sections(sectionsOf(file.ast.items), null);
  for (const look of looksOf(file.ast)) sections(sectionsOf(look.items), null);
  for (const member of file.cast.values()) for (const l of member.entry.lines) push(l, 'cast', null, null, null, member.name);
  for (const clip of file.clips) {
    for (const item of clip.node.items) {
      switch (item.kind) {
        case 'Section':
          sections([item], clip);
          break;
        case 'Prose':
          push(item.span, 'prose', clip);
          break;
        case 'Change':
          for (const l of item.lines) push(l, 'change', clip);
          break;
        case 'Dialogue':
          dialogue(item, clip, null);
          break;
        case 'Shot':
          if (item.title) push(item.title.span, 'title', clip, item);
          if (item.camera) push(item.camera.span, 'camera', clip, item);
          if (item.trailing) push(item.trailing.span, 'trailing', clip, item);
          for (const si of item.items) {
            if (si.kind === 'Prose') push(si.span, 'prose', clip, item);
            else if (si.kind === 'Dialogue') dialogue(si, clip, item);
            else for (const l of si.lines) push(l, 'shot-key', clip, item, null, si.key.text);
          }
          break;
        default:
          break;
      }
    }
  }
  // Stray top-level prose still reaches prompts as scene text, so it is scanned too.
  for (const p of itemsOfKind(file.ast.items, 'Prose')) push(p.span, 'prose', null);
  return out;
}

/** Whether `s.trim() === ''`, without making the trimmed copy. */
function blank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isTrimmed(s.charCodeAt(i))) return false;
  return true;
}
