/**
 * Folding: the front matter, each CAST/LOOK/CLIP block (to the last line before the next
 * heading), each shot and each keyed line with the lines indented under it (comments and notes
 * included), multi-line notes and runs of comment lines.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Span } from '../../core/source/index.js';
import type * as A from '../../core/syntax/ast.js';
import type { DocumentState } from '../state.js';

export function foldingRanges(state: DocumentState): FoldingRange[] {
  return state.memo('folding', () => compute(state));
}

function compute(state: DocumentState): FoldingRange[] {
  const { ast } = state.parsed;
  const src = state.source;
  const out: FoldingRange[] = [];
  const lineOf = (offset: number): number => src.positionAt(offset).line;
  const indentOf = (line: number): number | null => {
    const text = src.lineText(line);
    const m = /^[ \t]*/.exec(text)![0];
    if (m.length === text.length) return null;
    let w = 0;
    for (const c of m) w = c === '\t' ? w + 4 - (w % 4) : w + 1;
    return w;
  };
  /** The last line of what starts at `startLine`: lines indented deeper than it, up to `limitLine`. */
  const extend = (startLine: number, endLine: number, limitLine: number, offside: boolean): number => {
    const base = indentOf(startLine) ?? 0;
    let end = endLine;
    for (let l = endLine + 1; l < limitLine; l++) {
      const indent = indentOf(l);
      if (indent === null) continue;
      if (offside && indent <= base) break;
      // A comment at column 0 after a block introduces what follows, not the block.
      if (!offside && indent === 0 && /^(\/\/|\[\[)/.test(src.lineText(l))) break;
      end = l;
    }
    return end;
  };
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind): void => {
    if (endLine > startLine) out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  const lastLine = (span: Span): number => lineOf(Math.max(span.start, span.end - 1));
  const items = (list: readonly A.Item[], limitLine: number): void => {
    list.forEach((item, i) => {
      const start = lineOf(item.span.start);
      const next = list[i + 1];
      const limit = next ? lineOf(next.span.start) : limitLine;
      add(start, extend(start, lastLine(item.span), limit, true));
      if (item.kind === 'Shot') {
        item.items.forEach((si, j) => {
          const s = lineOf(si.span.start);
          const n = item.items[j + 1];
          add(s, extend(s, lastLine(si.span), n ? lineOf(n.span.start) : limit, true));
        });
      }
    });
  };
  if (ast.frontMatter) add(lineOf(ast.frontMatter.span.start), lastLine(ast.frontMatter.span), FoldingRangeKind.Region);
  const firstBlock = ast.blocks[0] ? lineOf(ast.blocks[0].span.start) : src.lineCount;
  items(ast.items, firstBlock);
  ast.blocks.forEach((block, i) => {
    const start = lineOf(block.span.start);
    const next = ast.blocks[i + 1];
    const limit = next ? lineOf(next.span.start) : src.lineCount;
    add(start, extend(start, lastLine(block.span), limit, false), FoldingRangeKind.Region);
    items(block.items, limit);
  });
  let run: { start: number; end: number } | null = null;
  for (const t of ast.trivia) {
    if (t.kind === 'Note') {
      if (!t.inline) add(lineOf(t.span.start), lastLine(t.span), FoldingRangeKind.Comment);
      continue;
    }
    const line = lineOf(t.span.start);
    if (run && line === run.end + 1) run.end = line;
    else {
      if (run) add(run.start, run.end, FoldingRangeKind.Comment);
      run = { start: line, end: line };
    }
  }
  if (run) add(run.start, run.end, FoldingRangeKind.Comment);
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
