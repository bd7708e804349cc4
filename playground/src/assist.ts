/**
 * Completion and hover, where they are cheap: the key vocabulary from the core's `keys.ts` (the
 * same table the parser, formatter and language server read), clip attributes from the target's
 * model cards, and names (clips, looks, cast) from the last compile.
 */
import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import type { Extension } from '@codemirror/state';
import { hoverTooltip } from '@codemirror/view';
import type { CompileResult } from '../../src/index.js';
import { CLIP_KEYS, lookupClipKey, lookupSection, lookupShotKey, SECTIONS, SHOT_KEYS } from '../../src/core/syntax/index.js';
import { esc, usd } from './dom.js';

type Latest = () => CompileResult | null;

const HEADINGS: Completion[] = [
  { label: 'CLIP', apply: 'CLIP ', type: 'keyword', detail: 'a clip: one API request', info: 'CLIP name 8s [1280x720] [sora-2-pro] [USING look] [REMIX|EXTEND|EDIT clip]' },
  { label: 'CAST', type: 'keyword', detail: 'the characters', info: 'One line per character: MARA: woman in her thirties, navy wool coat…' },
  { label: 'LOOK', apply: 'LOOK ', type: 'keyword', detail: 'a named look', info: 'Sections under it apply to clips that say USING name.' },
];

const SECTION_OPTIONS: Completion[] = SECTIONS.map((s) => ({ label: `${s.name}:`, apply: `${s.name}: `, type: 'property', detail: 'section', info: s.description }));
const SHOT_OPTIONS: Completion[] = SHOT_KEYS.map((k) => ({ label: `${k.name}:`, apply: `${k.name}: `, type: 'property', detail: 'shot key', info: k.description }));
const CLIP_KEY_OPTIONS: Completion[] = CLIP_KEYS.map((k) => ({ label: `${k.name}:`, apply: `${k.name}: `, type: 'property', detail: 'clip key', info: k.description }));

function clipAttributes(result: CompileResult | null, before: string, docBefore: string): Completion[] {
  const prev = /(\S+)\s+\S*$/.exec(before)?.[1];
  if (prev === 'REMIX' || prev === 'EXTEND' || prev === 'EDIT') {
    // Only clips above this one can be a source.
    const names = [...docBefore.matchAll(/^[ \t]*CLIP[ \t]+(\S+)/gm)].map((m) => m[1]!);
    return names.map((n) => ({ label: n, type: 'variable', detail: 'clip above' }));
  }
  if (prev === 'USING') return [...(result?.resolved.looks.keys() ?? [])].map((n) => ({ label: n, type: 'variable', detail: 'look' }));
  const target = result?.resolved.target;
  const models = target?.models ?? [];
  const seconds = [...new Set(models.flatMap((m) => m.seconds))].sort((a, b) => a - b);
  const sizes = [...new Set(models.flatMap((m) => m.sizes))];
  return [
    ...seconds.map((s) => ({ label: `${s}s`, type: 'constant', detail: 'seconds' })),
    ...sizes.map((s) => ({ label: s, type: 'constant', detail: `size (${models.filter((m) => m.sizes.includes(s) && !m.snapshotOf).map((m) => m.id).join(', ')})` })),
    ...models.map((m) => ({ label: m.id, type: 'class', detail: 'model', info: m.label })),
    ...['REMIX', 'EXTEND', 'EDIT'].map((k) => ({ label: k, apply: `${k} `, type: 'keyword', detail: `${k.toLowerCase()} an earlier clip` })),
    { label: 'USING', apply: 'USING ', type: 'keyword', detail: 'use a LOOK' },
  ];
}

function complete(latest: Latest) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const line = ctx.state.doc.lineAt(ctx.pos);
    const before = line.text.slice(0, ctx.pos - line.from);
    if (/^\s*CLIP\s+\S+\s/.test(before)) {
      const word = /\S*$/.exec(before)![0];
      return { from: ctx.pos - word.length, options: clipAttributes(latest(), before, ctx.state.doc.sliceString(0, line.from)), validFor: /^\S*$/ };
    }
    const m = /^(\s*)([A-Za-z][A-Za-z &/]*)?$/.exec(before);
    if (!m || (!m[2] && !ctx.explicit)) return null;
    const indented = m[1]!.length > 0;
    const cast = [...(latest()?.resolved.cast.keys() ?? [])].map((n) => ({ label: `${n}:`, apply: `${n}: "`, type: 'variable', detail: 'dialogue' }));
    const options = indented ? [...SHOT_OPTIONS, ...CLIP_KEY_OPTIONS, ...SECTION_OPTIONS, ...cast] : [...HEADINGS, ...SECTION_OPTIONS];
    return { from: line.from + m[1]!.length, options, validFor: /^[A-Za-z][A-Za-z &/]*$/ };
  };
}

function keyHover(label: string): string | null {
  const section = lookupSection(label);
  if (section) return `<strong>${esc(section.name)}</strong> — section<p>${esc(section.description)}</p><pre>${esc(section.example)}</pre>`;
  const shotKey = lookupShotKey(label);
  if (shotKey) return `<strong>${esc(shotKey.name)}</strong> — shot key<p>${esc(shotKey.description)}</p>`;
  const clipKey = lookupClipKey(label);
  if (clipKey) return `<strong>${esc(clipKey.name)}</strong> — clip key<p>${esc(clipKey.description)}</p>`;
  return null;
}

function hover(latest: Latest) {
  return hoverTooltip((view, pos) => {
    const line = view.state.doc.lineAt(pos);
    const col = pos - line.from;
    const text = line.text;
    let html: string | null = null;
    let from = pos;
    let to = pos;
    const clip = /^(\s*CLIP\s+)(\S+)/.exec(text);
    const key = /^(\s*)([A-Za-z][A-Za-z &/'’-]*?)\s*:/.exec(text);
    const result = latest();
    if (clip && col >= clip[1]!.length && col <= clip[0].length) {
      const c = result?.plan.clips.find((x) => x.name === clip[2]);
      if (c) {
        html = `<strong>${esc(c.name)}</strong> — ${c.kind}${c.source ? ` of ${esc(c.source)}` : ''}<p>${esc(c.output.model)}, ${esc(c.output.size)}, ${c.output.seconds} s, ${esc(usd(c.estimate.usd))}</p><p><code>${esc(`${c.request.method} ${c.request.path}`)}</code></p>`;
        from = line.from + clip[1]!.length;
        to = line.from + clip[0].length;
      }
    } else if (key && col >= key[1]!.length && col <= key[1]!.length + key[2]!.length) {
      const cast = result?.resolved.cast.get(key[2]!);
      html = cast ? `<strong>${esc(cast.name)}</strong> — cast<p>${esc(cast.description.text)}</p>` : keyHover(key[2]!);
      from = line.from + key[1]!.length;
      to = from + key[2]!.length;
    }
    if (!html) return null;
    const content = html;
    return {
      pos: from,
      end: to,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'hover';
        dom.innerHTML = content;
        return { dom };
      },
    };
  });
}

export function assist(latest: Latest): Extension {
  return [autocompletion({ override: [complete(latest)] }), hover(latest)];
}
