/**
 * Hover: a key says what it controls, with an example; a CLIP header shows the resolved clip —
 * length, size and model with where each came from, cost, the shots' timings and the full prompt
 * that will be sent; a character shows their description; a look its sections; a diagnostic's
 * code its documentation.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { entryForCode, lookupEntry, type Diagnostic } from '../../core/diagnostics/index.js';
import { estimateClip } from '../../core/emit/emit.js';
import { formatTime } from '../../core/format/format.js';
import type { Origin, ResolvedClip, Setting } from '../../core/resolve/model.js';
import type { Span } from '../../core/source/index.js';
import type * as A from '../../core/syntax/ast.js';
import { lookupClipKey, lookupSection, lookupShotKey, sectionById } from '../../core/syntax/keys.js';
import { sectionsOf } from '../../core/syntax/query.js';
import { toRange, touches } from '../convert.js';
import { locate } from '../locate.js';
import { nameAt } from '../names.js';
import type { DocumentState } from '../state.js';

export interface HoverEnv {
  /** Documentation sections of spec/diagnostics.md, by code. */
  docs: ReadonlyMap<string, string>;
}

/**
 * The hover at `position`. With `clipsOnly` (answering from a slightly older analysis), a hover
 * about a character or a look — which gathers from every clip — is not answered (undefined).
 */
export function hover(state: DocumentState, position: Position, diagnostics: readonly Diagnostic[], env: HoverEnv, options: { clipsOnly?: boolean } = {}): Hover | null | undefined {
  const offset = state.source.offsetAt(position);
  const parts: string[] = [];
  let span: Span | null = null;
  const take = (markdown: string | null, at: Span): void => {
    if (!markdown) return;
    parts.push(markdown);
    span ??= at;
  };

  const ast = state.parsed.ast;
  const { block, item, shotItem } = locate(ast, offset);
  const occurrence = nameAt(state, offset);
  if (options.clipsOnly && occurrence && occurrence.kind !== 'clip') return undefined;

  if (occurrence?.kind === 'clip') {
    const clip = state.resolved.clipByName.get(occurrence.name);
    if (clip) take(clipHover(state, clip), occurrence.span);
  } else if (occurrence?.kind === 'character') {
    take(characterHover(state, occurrence.name), occurrence.span);
  } else if (occurrence?.kind === 'look') {
    take(lookHover(state, occurrence.name), occurrence.span);
  } else if (block?.kind === 'Clip' && touches(block.heading, offset)) {
    const clip = state.resolved.clips.find((c) => c.node === block);
    if (clip) take(clipHover(state, clip), block.heading);
  }
  if (!parts.length) {
    const key = keyAt(shotItem ?? item, offset);
    if (key) take(keyHover(key.label, key.kind, key.section), key.span);
  }
  const comment = ast.trivia.find((t) => t.kind === 'Comment' && touches(t.span, offset));
  if (comment) {
    const w = wordAt(state.text, offset, comment.span);
    const entry = w ? lookupEntry(w.text) : undefined;
    if (w && entry) take(codeHover(entry.code, env), w.span);
  }
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (!touches(d.span, offset) || d.file !== undefined || seen.has(d.code)) continue;
    seen.add(d.code);
    take(codeHover(d.code, env), d.span);
  }
  if (!parts.length || !span) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: toRange(state.source, span) };
}

// ── keys ──────────────────────────────────────────────────────────────────────────────────────

interface KeyAt {
  label: string;
  kind: 'section' | 'sub' | 'shot' | 'clip';
  section?: A.Section;
  span: Span;
}

function keyAt(node: A.Item | A.ShotItem | null, offset: number): KeyAt | null {
  if (!node) return null;
  switch (node.kind) {
    case 'Section': {
      if (touches(node.key.span, offset)) return { label: node.key.text, kind: 'section', span: node.key.span };
      for (const l of node.lines) if (l.kind === 'SubKey' && touches(l.label.span, offset)) return { label: l.label.text, kind: 'sub', section: node, span: l.label.span };
      return null;
    }
    case 'ShotKey':
      return touches(node.key.span, offset) ? { label: node.key.text, kind: 'shot', span: node.key.span } : null;
    case 'Reference':
    case 'Change':
      return touches(node.key.span, offset) ? { label: node.key.text, kind: 'clip', span: node.key.span } : null;
    default:
      return null;
  }
}

function keyHover(label: string, kind: KeyAt['kind'], section?: A.Section): string | null {
  if (kind === 'section') {
    const s = lookupSection(label);
    if (!s) return null;
    const aliases = s.aliases.length ? ` (also written ${s.aliases.map((a) => `\`${a}\``).join(', ')})` : '';
    const subs = s.subKeys.length ? `\n\nSub-keys: ${s.subKeys.map((k) => `\`${k}:\``).join(', ')} on indented lines.` : '';
    return `**${s.name}**${aliases} — look section\n\n${s.description}${subs}\n\n${fence(s.example, 'shot')}`;
  }
  if (kind === 'shot') {
    const k = lookupShotKey(label);
    return k ? `**${k.name}** — shot key\n\n${k.description}` : null;
  }
  if (kind === 'clip') {
    const k = lookupClipKey(label);
    return k ? `**${k.name}** — clip key\n\n${k.description}` : null;
  }
  const parent = section?.section ? sectionById(section.section) : undefined;
  if (!parent) return null;
  const known = parent.subKeys.find((k) => k.toLowerCase() === label.toLowerCase());
  return `**${known ?? label}** — sub-key of ${parent.name}\n\nA clip or LOOK that sets \`${known ?? label}:\` under ${parent.name} overrides this sub-key alone; the others are inherited.`;
}

// ── clips ─────────────────────────────────────────────────────────────────────────────────────

function origin(state: DocumentState, clip: ResolvedClip, s: Setting<unknown>): string {
  const names: Record<Origin, string> = {
    clip: 'clip header',
    shots: "last shot's end",
    'front matter': 'front matter',
    config: 'shotc.yaml',
    source: `source clip ${clip.source?.name ?? ''}`.trim(),
    'target default': `${state.resolved.target.name} default`,
    cli: 'command line',
  };
  return names[s.origin];
}

const KIND: Record<ResolvedClip['kind'], string> = { create: 'new clip', remix: 'remix', extend: 'extension', edit: 'edit' };

function clipHover(state: DocumentState, clip: ResolvedClip): string {
  const file = state.resolved;
  const prompt = state.prompt(clip);
  const request = file.target.emit(clip, prompt.text, file).request;
  const estimate = estimateClip(clip);
  const perSecond = clip.card?.pricePerSecond[clip.size.value.text];
  const lines: string[] = [];
  const from = clip.source ? ` of ${clip.source.name}` : '';
  lines.push(`**CLIP ${clip.name}** — ${KIND[clip.kind]}${from} · \`${request.method} ${request.path}\``);
  lines.push('');
  lines.push('| | | from |', '|---|---|---|');
  lines.push(`| Seconds | ${clip.seconds.value} | ${origin(state, clip, clip.seconds)} |`);
  lines.push(`| Size | ${clip.size.value.text} | ${origin(state, clip, clip.size)} |`);
  lines.push(`| Model | ${clip.model.value} | ${origin(state, clip, clip.model)} |`);
  lines.push(
    `| Cost | ${estimate.usd === null ? 'unknown' : usd(estimate.usd)} | ${perSecond !== undefined ? `${usd(perSecond)}/s at ${clip.size.value.text}` : `no price for ${clip.model.value} at ${clip.size.value.text}`} |`,
  );
  if (clip.shots.length) {
    const sum = clip.shots.reduce((a, s) => a + Math.max(0, s.end.value - s.start.value), 0);
    const first = clip.shots[0]!;
    const last = clip.shots[clip.shots.length - 1]!;
    lines.push('', `Shots: ${clip.shots.length}, ${formatTime(first.start.value)}–${formatTime(last.end.value)}; their timings sum to ${formatTime(sum)} s${Math.abs(sum - clip.seconds.value) > 1e-9 ? ` (the clip is ${clip.seconds.value} s)` : ''}.`);
  }
  if (clip.look) lines.push('', `Look: USING ${clip.look.name}`);
  if (clip.cast.length) lines.push('', `Cast: ${clip.cast.map((m) => m.name).join(', ')}`);
  lines.push('', `**Prompt** (${prompt.text.length} characters):`, '', fence(prompt.text, 'text'));
  return lines.join('\n');
}

function usd(n: number): string {
  return `$${n < 1 ? n.toFixed(2) : (Math.round(n * 100) / 100).toFixed(2)}`;
}

// ── characters and looks ──────────────────────────────────────────────────────────────────────

function characterHover(state: DocumentState, name: string): string | null {
  const member = state.resolved.cast.get(name);
  if (!member) return null;
  const clips = state.resolved.clips.filter((c) => c.cast.includes(member)).map((c) => c.name);
  const appears = clips.length ? `\n\nAppears in: ${clips.join(', ')} (the description is sent with each).` : '\n\nAppears in no clip yet.';
  return `**${name}** — character\n\n${member.description.text}${appears}`;
}

function lookHover(state: DocumentState, name: string): string | null {
  const look = state.resolved.looks.get(name);
  if (!look) return null;
  const sections = sectionsOf(look.items).map((s) => `- **${s.section ? sectionById(s.section).name : s.key.text}:** ${s.value.text || s.lines.map((l) => (l.kind === 'Line' ? l.text.text : `${l.label.text}: ${l.value.text}`)).join('; ')}`);
  const users = state.resolved.clips.filter((c) => c.look?.name === name).map((c) => c.name);
  return [
    `**LOOK ${name}**`,
    '',
    sections.length ? sections.join('\n') : 'No sections yet.',
    '',
    users.length ? `Used by: ${users.join(', ')} (their own sections override these, section by section).` : 'No clip uses it yet (`USING ' + name + '` in a CLIP header).',
  ].join('\n');
}

// ── diagnostic codes ──────────────────────────────────────────────────────────────────────────

function codeHover(code: string, env: HoverEnv): string | null {
  const entry = entryForCode(code);
  if (!entry) return null;
  const doc = env.docs.get(entry.code);
  const body = doc ? doc.replace(/^##[^\n]*\n+/, '').trim() : entry.summary;
  return `**${entry.code}** \`${entry.rule}\` (${entry.severity} by default)\n\n${body}`;
}

function wordAt(text: string, offset: number, within: Span): { text: string; span: Span } | null {
  const isWord = (c: string): boolean => /[A-Za-z0-9/_-]/.test(c);
  let s = offset;
  let e = offset;
  while (s > within.start && isWord(text.charAt(s - 1))) s--;
  while (e < within.end && isWord(text.charAt(e))) e++;
  return e > s ? { text: text.slice(s, e), span: { start: s, end: e } } : null;
}

function fence(body: string, lang: string): string {
  let ticks = '```';
  while (body.includes(ticks)) ticks += '`';
  return `${ticks}${lang}\n${body}\n${ticks}`;
}
