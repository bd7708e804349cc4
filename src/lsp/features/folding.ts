/**
 * Folding: the front matter, each CAST/LOOK/CLIP block, each shot with its lines, keyed lines
 * with continuation lines, multi-line notes and runs of comment lines.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Span } from '../../core/source/index.js';
import type * as A from '../../core/syntax/ast.js';
import type { DocumentState } from '../state.js';

export function foldingRanges(state: DocumentState): FoldingRange[] {
  const { ast } = state.parsed;
  const src = state.source;
  const out: FoldingRange[] = [];
  const add = (span: Span, kind?: FoldingRangeKind): void => {
    const startLine = src.positionAt(span.start).line;
    const endLine = src.positionAt(Math.max(span.start, span.end - 1)).line;
    if (endLine > startLine) out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  const items = (list: readonly A.Item[]): void => {
    for (const item of list) {
      add(item.span);
      if (item.kind === 'Shot') for (const si of item.items) add(si.span);
    }
  };
  if (ast.frontMatter) add(ast.frontMatter.span, FoldingRangeKind.Region);
  items(ast.items);
  for (const block of ast.blocks) {
    add(block.span, FoldingRangeKind.Region);
    items(block.items);
  }
  let run: Span | null = null;
  let runEndLine = -2;
  for (const t of ast.trivia) {
    if (t.kind === 'Note') {
      if (!t.inline) add(t.span, FoldingRangeKind.Comment);
      continue;
    }
    const line = src.positionAt(t.span.start).line;
    if (run && line === runEndLine + 1) run = { start: run.start, end: t.span.end };
    else {
      if (run) add(run, FoldingRangeKind.Comment);
      run = t.span;
    }
    runEndLine = line;
  }
  if (run) add(run, FoldingRangeKind.Comment);
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
