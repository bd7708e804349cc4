/**
 * Completion, by where the cursor is:
 * - at the start of a line: section keys and their aliases (top level, LOOK, CLIP); `Reference:`
 *   and `Change:` in a clip; sub-keys under a section that has them (Grade / Palette:
 *   Highlights, Mids, Blacks); shot keys and cast names (for dialogue) under a shot's timing line;
 *   CAST, LOOK and CLIP headings at column 0;
 * - in a CLIP header after the name: the lengths and sizes the clip's model allows, the target's
 *   models, USING/REMIX/EXTEND/EDIT; clip names after REMIX/EXTEND/EDIT (earlier clips only) and
 *   look names after USING;
 * - after `Reference:`: folders and images (JPEG, PNG, WebP) relative to the file;
 * - in the front matter: setting names and values; in `// shotc-disable…` comments: rule names.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Position,
  type Range,
} from 'vscode-languageserver';
import { allEntries } from '../../core/diagnostics/index.js';
import { formatTime } from '../../core/format/format.js';
import { parseYaml } from '../../core/frontmatter/yaml.js';
import type { ImageInfo } from '../../core/images/sniff.js';
import type { ResolvedClip } from '../../core/resolve/model.js';
import { CORE_SETTING_KEYS } from '../../core/settings/schema.js';
import type * as A from '../../core/syntax/ast.js';
import { ALL_KEY_SPELLINGS, CLIP_KEYS, SECTIONS, SHOT_KEYS, lookupSection, normalizeKey } from '../../core/syntax/keys.js';
import { clipsOf, itemsOfKind, looksOf, shotsOf } from '../../core/syntax/query.js';
import { findModel, price, type ModelCard } from '../../core/targets/types.js';
import { targets } from '../../core/targets/index.js';
import * as P from '../../core/util/path.js';
import type { DocumentState } from '../state.js';

export interface DirEntry {
  name: string;
  directory: boolean;
}

export interface CompletionEnv {
  /** Whether the client takes snippets (`$1` placeholders). */
  snippets: boolean;
  /** A client command that opens completion again (after `USING `, a folder, …), if it has one. */
  retrigger?: { title: string; command: string };
  readDir(dir: string): Promise<DirEntry[] | null>;
  /** Format and pixel size of an image file, from its first bytes. */
  imageInfo?(path: string): Promise<ImageInfo | null>;
}

const IMAGE = /\.(png|jpe?g|webp)$/i;
const SECONDS = /^\d+(?:\.\d+)?s$/;
const SIZE = /^\d+[x×]\d+$/;
const SOURCE_WORDS = ['REMIX', 'EXTEND', 'EDIT'];

/**
 * Completions at `position`. `lineText` is the cursor's line as it is now: `state` may be the
 * analysis of a slightly older version when every edit since was made on this line (see
 * `Workspace.stable`), because then every other line — all that decides the context — is the same.
 */
export async function completion(state: DocumentState, position: Position, env: CompletionEnv, lineText?: string): Promise<CompletionItem[]> {
  const src = state.source;
  const lineStart = src.lines[Math.min(position.line, src.lineCount - 1)]!;
  const line = lineText ?? src.lineText(position.line);
  const before = line.slice(0, position.character);
  const ctx: Ctx = { state, env, lineStart, before, position };
  const ast = state.parsed.ast;

  const fm = ast.frontMatter;
  if (fm && lineStart >= fm.yaml.span.start && lineStart < Math.max(fm.yaml.span.end, fm.yaml.span.start + 1)) return frontMatter(ctx);
  if (/^\s*\/\//.test(before)) return directive(ctx);
  const clip = /^\s*CLIP[ \t]+(.*)$/.exec(before);
  if (clip) return clipHeader(ctx, clip[1]!);
  const ref = /^\s*Reference[ \t]*:[ \t]*(.*)$/i.exec(before);
  if (ref) return reference(ctx, ref[1]!);
  const start = /^([ \t]*)([\p{L}][\p{L}\p{M}\p{Nd} &/'’.-]*)?$/u.exec(before);
  if (start) {
    const partial = start[2] ?? '';
    if (/\s/.test(partial) && !ALL_KEY_SPELLINGS.some((k) => k.toLowerCase().startsWith(partial.toLowerCase()))) return [];
    return lineStartItems(ctx, start[1]!, partial);
  }
  const timing = /^([ \t]*)([\d.]*)$/.exec(before);
  if (timing) return shotSnippet(ctx, timing[1]!, timing[2]!);
  return [];
}

interface Ctx {
  state: DocumentState;
  env: CompletionEnv;
  lineStart: number;
  before: string;
  position: Position;
}

function rangeBack(ctx: Ctx, length: number): Range {
  return { start: { line: ctx.position.line, character: ctx.position.character - length }, end: ctx.position };
}

function item(ctx: Ctx, partialLength: number, label: string, kind: CompletionItemKind, insert: string, extra: Partial<CompletionItem> = {}): CompletionItem {
  const snippet = ctx.env.snippets && /\$\d|\$\{/.test(insert);
  const text = snippet ? insert : insert.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d/g, '');
  const it: CompletionItem = { label, kind, textEdit: { range: rangeBack(ctx, partialLength), newText: text }, ...extra };
  if (snippet) it.insertTextFormat = InsertTextFormat.Snippet;
  return it;
}

function indentWidth(ws: string): number {
  let w = 0;
  for (const c of ws) w = c === '\t' ? w + 4 - (w % 4) : w + 1;
  return w;
}

function indentOf(state: DocumentState, offset: number): number {
  const pos = state.source.positionAt(offset);
  const lineText = state.text.slice(state.source.lines[pos.line]!, offset);
  return indentWidth(lineText.match(/^[ \t]*/)![0]);
}

// ── line starts ───────────────────────────────────────────────────────────────────────────────

function lineStartItems(ctx: Ctx, ws: string, partial: string): CompletionItem[] {
  const { state, lineStart } = ctx;
  const ast = state.parsed.ast;
  const indent = indentWidth(ws);
  let block: A.Block | null = null;
  for (const b of ast.blocks) {
    if (b.heading.start >= lineStart) break;
    block = b;
  }
  const items = block ? block.items : ast.items;
  let prev: A.Item | null = null;
  for (const i of items) {
    if (i.span.start >= lineStart) break;
    prev = i;
  }
  const out: CompletionItem[] = [];
  const deeper = prev !== null && indent > indentOf(state, prev.span.start);

  if (deeper && prev?.kind === 'Shot' && block?.kind === 'Clip') {
    out.push(...shotKeyItems(ctx, partial), ...castItems(ctx, partial, prev));
    return out;
  }
  if (deeper && prev?.kind === 'Section') {
    const info = prev.section ? lookupSection(prev.key.text) : undefined;
    if (!info?.subKeys.length) return [];
    const present = new Set(prev.lines.flatMap((l) => (l.kind === 'SubKey' ? [normalizeKey(l.label.text)] : [])));
    info.subKeys.forEach((k, i) => {
      if (present.has(normalizeKey(k))) return;
      out.push(item(ctx, partial.length, k, CompletionItemKind.Field, `${k}: `, { detail: `sub-key of ${info.name}`, sortText: `0${i}` }));
    });
    return out;
  }
  if (block?.kind === 'Cast') return indent === 0 ? headingItems(ctx, partial) : [];
  out.push(...sectionItems(ctx, partial));
  if (block?.kind === 'Clip') {
    out.push(...clipKeyItems(ctx, partial, block));
    out.push(...castItems(ctx, partial, null));
  }
  if (indent === 0) out.push(...headingItems(ctx, partial));
  return out;
}

function sectionItems(ctx: Ctx, partial: string): CompletionItem[] {
  const out: CompletionItem[] = [];
  SECTIONS.forEach((s, i) => {
    const documentation = { kind: MarkupKind.Markdown, value: `${s.description}\n\n\`\`\`shot\n${s.example}\n\`\`\`` };
    out.push(item(ctx, partial.length, s.name, CompletionItemKind.Property, `${s.name}: `, { detail: 'look section', documentation, sortText: `1${String(i).padStart(2, '0')}` }));
    for (const a of s.aliases) {
      out.push(item(ctx, partial.length, a, CompletionItemKind.Property, `${a}: `, { detail: `short for ${s.name}`, documentation, sortText: `2${String(i).padStart(2, '0')}${a}` }));
    }
  });
  return out;
}

function shotKeyItems(ctx: Ctx, partial: string): CompletionItem[] {
  return SHOT_KEYS.map((k, i) =>
    item(ctx, partial.length, k.name, CompletionItemKind.Property, `${k.name}: `, { detail: 'shot key', documentation: k.description, sortText: `1${i}` }),
  );
}

function clipKeyItems(ctx: Ctx, partial: string, block: A.ClipBlock): CompletionItem[] {
  const source = block.attributes.find((a) => a.kind === 'remix' || a.kind === 'extend' || a.kind === 'edit');
  const out: CompletionItem[] = [];
  for (const k of CLIP_KEYS) {
    if (k.id === 'reference' && (source || itemsOfKind(block.items, 'Reference').length)) continue;
    if (k.id === 'change' && (!source || source.kind === 'extend')) continue;
    const insert = k.id === 'change' ? 'Change: ' : 'Reference: ';
    out.push(
      item(ctx, partial.length, k.name, CompletionItemKind.Property, insert, {
        detail: 'clip key',
        documentation: k.description,
        sortText: `0${k.name}`,
        ...(k.id === 'reference' && ctx.env.retrigger ? { command: ctx.env.retrigger } : {}),
      }),
    );
  }
  return out;
}

function castItems(ctx: Ctx, partial: string, shot: A.Shot | null): CompletionItem[] {
  if (partial && partial !== partial.toUpperCase()) return [];
  const cast = [...ctx.state.resolved.cast.values()];
  return cast.map((m, i) =>
    item(ctx, partial.length, m.name, CompletionItemKind.Variable, `${m.name}: "$0"`, {
      detail: shot ? 'dialogue' : 'dialogue (clip level)',
      documentation: m.description.text,
      sortText: `0${String(i).padStart(3, '0')}`,
    }),
  );
}

function headingItems(ctx: Ctx, partial: string): CompletionItem[] {
  if (partial && !/^[A-Z]+$/i.test(partial)) return [];
  const ast = ctx.state.parsed.ast;
  const out = [
    item(ctx, partial.length, 'CLIP', CompletionItemKind.Keyword, `CLIP \${1:name} \${2:${ctx.state.resolved.target.defaultSeconds}s}`, {
      detail: 'a clip: one request to the video model',
      sortText: '30',
    }),
    item(ctx, partial.length, 'LOOK', CompletionItemKind.Keyword, 'LOOK ${1:name}', { detail: 'a look that clips use with USING', sortText: '31' }),
  ];
  if (!ast.blocks.some((b) => b.kind === 'Cast')) out.push(item(ctx, partial.length, 'CAST', CompletionItemKind.Keyword, 'CAST', { detail: 'the characters, one per line', sortText: '32' }));
  return out;
}

function shotSnippet(ctx: Ctx, ws: string, partial: string): CompletionItem[] {
  const { state, lineStart } = ctx;
  const ast = state.parsed.ast;
  let block: A.Block | null = null;
  for (const b of ast.blocks) {
    if (b.heading.start >= lineStart) break;
    block = b;
  }
  if (block?.kind !== 'Clip' || indentWidth(ws) === 0) return [];
  const previous = shotsOf(block).filter((s) => s.span.start < lineStart);
  const last = previous[previous.length - 1];
  const from = last ? last.end.value : 0;
  const clip = ctx.state.resolved.clips.find((c) => c.node === block);
  const to = clip && clip.seconds.value > from ? clip.seconds.value : from + 2;
  const start = formatTime(from);
  return [
    item(ctx, partial.length, `${start}–${formatTime(to)} shot`, CompletionItemKind.Snippet, `${start}–\${1:${formatTime(to)}} — "\${2:Title}" (\${3:camera})`, {
      detail: last ? `a shot starting where the last one ends` : 'the first shot',
      filterText: start,
    }),
  ];
}

// ── CLIP headers ──────────────────────────────────────────────────────────────────────────────

function clipHeader(ctx: Ctx, rest: string): CompletionItem[] {
  const words = rest.split(/[ \t]+/);
  const partial = words.pop() ?? '';
  if (words.length === 0) return [];
  const { state, lineStart } = ctx;
  const ast = state.parsed.ast;
  const name = words[0]!;
  const prevWord = words[words.length - 1]!.toUpperCase();
  if (SOURCE_WORDS.includes(prevWord)) {
    return clipsOf(ast)
      .filter((c) => c.name && c.heading.start < lineStart && c.name.text !== name)
      .map((c, i) => {
        const resolved = state.resolved.clipByName.get(c.name!.text);
        return item(ctx, partial.length, c.name!.text, CompletionItemKind.Module, c.name!.text, {
          detail: resolved ? `${resolved.seconds.value}s · ${resolved.size.value.text} · ${resolved.model.value}` : 'clip',
          sortText: String(99999 - i).padStart(5, '0'),
        });
      });
  }
  if (prevWord === 'USING') {
    return looksOf(ast)
      .filter((l) => l.name)
      .map((l) => item(ctx, partial.length, l.name!.text, CompletionItemKind.Class, l.name!.text, { detail: 'look' }));
  }
  // Attributes: what the header already has decides what is left to offer.
  let kind: ResolvedClip['kind'] = 'create';
  let seconds = false;
  let size = false;
  let modelWord: string | undefined;
  let using = false;
  const target = state.resolved.target;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    const upper = w.toUpperCase();
    if (SOURCE_WORDS.includes(upper)) {
      kind = upper.toLowerCase() as ResolvedClip['kind'];
      i++;
    } else if (upper === 'USING') {
      using = true;
      i++;
    } else if (SECONDS.test(w)) seconds = true;
    else if (SIZE.test(w)) size = true;
    else if (findModel(target, w)) modelWord = w;
  }
  const resolved = state.resolved.clips.find((c) => c.node.heading.start >= lineStart && c.node.heading.start < lineStart + ctx.before.length + 1);
  const modelId = modelWord ?? (resolved && resolved.kind === 'create' ? resolved.model.value : undefined) ?? defaultModel(state);
  const card = findModel(target, modelId) ?? findModel(target, target.defaultModel)!;
  const sizeText = resolved?.size.value.text ?? target.defaultSize;
  const out: CompletionItem[] = [];
  const editing = kind === 'remix' || kind === 'edit';
  if (!seconds && !editing) out.push(...secondsItems(ctx, partial, card, kind, sizeText, resolved));
  if (!size && kind === 'create') {
    card.sizes.forEach((s, i) => {
      const [w, h] = s.split('x').map(Number);
      out.push(
        item(ctx, partial.length, s, CompletionItemKind.Value, s, {
          detail: `${w! > h! ? 'landscape' : 'portrait'} · ${card.id}`,
          sortText: `2${i}`,
          documentation: `${card.id} renders ${card.sizes.join(', ')}.`,
        }),
      );
    });
  }
  if (!modelWord && kind === 'create') {
    target.models.forEach((m, i) => {
      out.push(
        item(ctx, partial.length, m.id, CompletionItemKind.EnumMember, m.id, {
          detail: m.label,
          documentation: { kind: MarkupKind.Markdown, value: modelDoc(m) },
          sortText: `3${String(i).padStart(2, '0')}`,
        }),
      );
    });
  }
  const keyword = (word: string, detail: string, sort: string): void => {
    out.push(item(ctx, partial.length, word, CompletionItemKind.Keyword, `${word} `, { detail, sortText: sort, ...(ctx.env.retrigger ? { command: ctx.env.retrigger } : {}) }));
  };
  if (!using && !editing) keyword('USING', 'use a LOOK', '40');
  if (kind === 'create' && words.length === 1) {
    if (card.features.remix) keyword('REMIX', 'remix an earlier clip with one change', '41');
    if (card.features.extend) keyword('EXTEND', 'continue an earlier clip', '42');
    if (card.features.edit) keyword('EDIT', 'edit an earlier clip with one change', '43');
  }
  return out;
}

/** The model a clip gets when its header names none: the front matter's, shotc.yaml's, or the target's. */
function defaultModel(state: DocumentState): string {
  return state.memo('default-model', () => {
    const fm = state.parsed.ast.frontMatter;
    const layers = [fm ? parseYaml(fm.yaml.text, fm.yaml.span.start).data : null, state.config?.yaml.data];
    for (const data of layers) {
      const model = data && typeof data === 'object' ? (data as Record<string, unknown>)['model'] : undefined;
      if (typeof model === 'string' && findModel(state.resolved.target, model)) return model;
    }
    return state.resolved.target.defaultModel;
  });
}

function secondsItems(ctx: Ctx, partial: string, card: ModelCard, kind: string, size: string, clip: ResolvedClip | undefined): CompletionItem[] {
  const allowed = kind === 'extend' ? (card.extendSeconds ?? []) : card.seconds;
  const shotsEnd = clip?.shots.length ? clip.shots[clip.shots.length - 1]!.end.value : undefined;
  return allowed.map((s, i) => {
    const cost = price(card, size, s);
    const fits = shotsEnd !== undefined && Math.abs(shotsEnd - s) < 1e-9;
    return item(ctx, partial.length, `${s}s`, CompletionItemKind.Value, `${s}s`, {
      detail: `${kind === 'extend' ? 'extension' : card.id} · ${cost === null ? 'no price' : `$${cost.toFixed(2)} at ${size}`}${fits ? ' · matches the shots' : ''}`,
      sortText: `1${fits ? '0' : '1'}${String(i).padStart(2, '0')}`,
      preselect: fits,
    });
  });
}

function modelDoc(m: ModelCard): string {
  const prices = Object.entries(m.pricePerSecond).map(([s, p]) => `${s}: $${p.toFixed(2)}/s`);
  return [`**${m.label}**`, '', `Sizes: ${m.sizes.join(', ')}`, `Lengths: ${m.seconds.join(', ')} s`, prices.length ? `Price: ${prices.join('; ')}` : ''].filter((l) => l !== '').join('\n\n');
}

// ── Reference: paths ──────────────────────────────────────────────────────────────────────────

async function reference(ctx: Ctx, typed: string): Promise<CompletionItem[]> {
  const slash = typed.lastIndexOf('/');
  const dirPart = typed.slice(0, slash + 1);
  const partial = typed.slice(slash + 1);
  const dir = P.resolve(ctx.state.directory, dirPart || '.');
  const entries = await ctx.env.readDir(dir);
  if (!entries) return [];
  const block = [...ctx.state.parsed.ast.blocks].reverse().find((b) => b.heading.start < ctx.lineStart);
  const clip = block?.kind === 'Clip' ? ctx.state.resolved.clips.find((c) => c.node === block) : undefined;
  const want = clip?.size.value.text;
  const hidden = partial.startsWith('.');
  const out: CompletionItem[] = [];
  const images = entries.filter((e) => !e.directory && IMAGE.test(e.name) && (hidden || !e.name.startsWith('.'))).slice(0, 200);
  const infos = await Promise.all(images.map((e) => (ctx.env.imageInfo ? ctx.env.imageInfo(P.join(dir, e.name)) : Promise.resolve(null))));
  for (const e of entries) {
    if (!e.directory || (!hidden && e.name.startsWith('.')) || e.name === 'node_modules') continue;
    out.push(item(ctx, partial.length, `${e.name}/`, CompletionItemKind.Folder, `${e.name}/`, { sortText: `1${e.name}`, ...(ctx.env.retrigger ? { command: ctx.env.retrigger } : {}) }));
  }
  images.forEach((e, i) => {
    const info = infos[i];
    const dims = info?.width && info.height ? `${info.width}x${info.height}` : null;
    const matches = want !== undefined && dims === want;
    const detail = info ? `${info.format.toUpperCase()}${dims ? ` ${dims}` : ''}${want && dims ? (matches ? ' · matches the clip' : ` · the clip is ${want}`) : ''}` : 'image';
    out.push(item(ctx, partial.length, e.name, CompletionItemKind.File, e.name, { detail, sortText: `0${matches ? 0 : 1}${e.name}` }));
  });
  return out;
}

// ── front matter and directives ───────────────────────────────────────────────────────────────

function frontMatter(ctx: Ctx): CompletionItem[] {
  const { state, before } = ctx;
  const target = state.resolved.target;
  const keyMatch = /^([A-Za-z_-]*)$/.exec(before);
  if (keyMatch) {
    const keys = [...CORE_SETTING_KEYS, ...Object.keys(target.settings)];
    return keys.map((k, i) => item(ctx, keyMatch[1]!.length, k, CompletionItemKind.Property, k === 'lint' ? 'lint:\n  ' : `${k}: `, { detail: 'setting', sortText: String(i).padStart(2, '0') }));
  }
  const value = /^(model|size|target|seconds)[ \t]*:[ \t]*(\S*)$/.exec(before);
  if (!value) return [];
  const partial = value[2]!;
  const card = findModel(target, defaultModel(state)) ?? findModel(target, target.defaultModel)!;
  switch (value[1]) {
    case 'model':
      return target.models.map((m, i) => item(ctx, partial.length, m.id, CompletionItemKind.EnumMember, m.id, { detail: m.label, sortText: String(i).padStart(2, '0') }));
    case 'size':
      return card.sizes.map((s) => item(ctx, partial.length, s, CompletionItemKind.Value, s, { detail: card.id }));
    case 'seconds':
      return card.seconds.map((s) => item(ctx, partial.length, String(s), CompletionItemKind.Value, String(s), { detail: `${card.id} length` }));
    default:
      return targets.map((t) => item(ctx, partial.length, t.id, CompletionItemKind.EnumMember, t.id, { detail: t.name }));
  }
}

function directive(ctx: Ctx): CompletionItem[] {
  const m = /^\s*\/\/\s*shotc-(?:disable-next-line|disable|enable)\b(.*)$/.exec(ctx.before);
  if (!m) return [];
  const partial = /[^\s,]*$/.exec(m[1]!)![0];
  return allEntries().map((e) =>
    item(ctx, partial.length, e.rule, CompletionItemKind.EnumMember, e.rule, { detail: `${e.code} · ${e.severity}`, documentation: e.summary, filterText: `${e.rule} ${e.code}` }),
  );
}
