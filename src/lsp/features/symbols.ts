/**
 * The outline: the front matter, the global look sections, each LOOK with its sections, the cast
 * with its characters, and each clip (its length, size and model as detail) with its shots and
 * their timings.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Span } from '../../core/source/index.js';
import type * as A from '../../core/syntax/ast.js';
import { formatTime } from '../../core/format/format.js';
import { sectionById } from '../../core/syntax/keys.js';
import { itemsOfKind, sectionsOf, shotsOf } from '../../core/syntax/query.js';
import { toRange } from '../convert.js';
import type { DocumentState } from '../state.js';
import { foldingRanges } from './folding.js';

export function documentSymbols(state: DocumentState): DocumentSymbol[] {
  const { ast } = state.parsed;
  const resolved = state.resolved;
  const sym = (name: string, kind: SymbolKind, span: Span, selection: Span, detail?: string, children?: DocumentSymbol[]): DocumentSymbol => {
    const s: DocumentSymbol = {
      name: name.trim() || '(unnamed)',
      kind,
      range: toRange(state.source, span),
      selectionRange: toRange(state.source, selection),
    };
    if (detail) s.detail = detail;
    if (children?.length) s.children = children;
    return s;
  };
  const sections = (items: readonly A.Item[]): DocumentSymbol[] =>
    sectionsOf(items).map((s) => sym(s.section ? sectionById(s.section).name : s.key.text, SymbolKind.Property, s.span, s.key.span, s.value.text || undefined));

  // A block's symbol covers what its fold covers (its trailing notes and comments too).
  const folds = new Map(foldingRanges(state).map((f) => [f.startLine, f.endLine]));
  const extended = (span: Span): Span => {
    const start = state.source.positionAt(span.start).line;
    const end = folds.get(start);
    return end === undefined ? span : { start: span.start, end: Math.max(span.end, state.source.lineEnd(end)) };
  };
  const out: DocumentSymbol[] = [];
  if (ast.frontMatter) {
    const fm = ast.frontMatter;
    out.push(sym(resolved.settings.title ?? 'Settings', SymbolKind.Object, fm.span, { start: fm.span.start, end: fm.span.start + 3 }, 'front matter'));
  }
  out.push(...sections(ast.items));
  for (const block of ast.blocks) {
    if (block.kind === 'Cast') {
      const entries = itemsOfKind(block.items, 'CastEntry').map((e) => sym(e.name.text, SymbolKind.Variable, e.span, e.name.span, e.description.text));
      out.push(sym('CAST', SymbolKind.Namespace, extended(block.span), block.heading, `${entries.length} character${entries.length === 1 ? '' : 's'}`, entries));
    } else if (block.kind === 'Look') {
      out.push(sym(`LOOK ${block.name?.text ?? ''}`, SymbolKind.Class, extended(block.span), block.name?.span ?? block.heading, undefined, sections(block.items)));
    } else {
      const clip = block.name ? resolved.clipByName.get(block.name.text) : undefined;
      const detail = clip && clip.node === block ? clipDetail(clip) : undefined;
      const shots = shotsOf(block).map((s) => sym(shotName(s), SymbolKind.Event, extended(s.span), { start: s.start.span.start, end: s.end.span.end }, s.camera?.text));
      out.push(sym(`CLIP ${block.name?.text ?? ''}`, SymbolKind.Module, extended(block.span), block.name?.span ?? block.heading, detail, [...sections(block.items), ...shots]));
    }
  }
  return out;
}

function shotName(s: A.Shot): string {
  const time = `${formatTime(s.start.value)}–${formatTime(s.end.value)}`;
  return s.title ? `${time} “${s.title.text}”` : time;
}

function clipDetail(clip: { kind: string; seconds: { value: number }; size: { value: { text: string } }; model: { value: string }; source: { name: string } | null }): string {
  const parts = [`${clip.seconds.value}s`, clip.size.value.text, clip.model.value];
  if (clip.source) parts.unshift(`${clip.kind.toUpperCase()} ${clip.source.name}`);
  return parts.join(' · ');
}
