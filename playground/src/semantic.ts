/**
 * What only the parser knows, drawn over the line-based highlighting after each compile: a
 * `Highlights:` line is a sub-key only under a section (context the line classifier does not
 * have), so its label is marked from the AST itself. Marks are mapped through edits until the
 * next compile replaces them.
 */
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import type { CompileResult } from '../../src/index.js';
import type * as A from '../../src/core/syntax/ast.js';

const subKey = Decoration.mark({ class: 'cm-shot-subkey' });

export const setSemantic = StateEffect.define<DecorationSet>();

const field = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(set, tr) {
    for (const e of tr.effects) if (e.is(setSemantic)) return e.value;
    return set.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

function sections(items: readonly A.Item[]): A.Section[] {
  return items.filter((i): i is A.Section => i.kind === 'Section');
}

/** The decorations for a compile of `length` characters of text. */
export function semanticMarks(result: CompileResult, length: number): DecorationSet {
  const ast = result.resolved.ast;
  const all = [...sections(ast.items), ...ast.blocks.flatMap((b) => sections(b.items))];
  const ranges = all
    .flatMap((s) => s.lines)
    .filter((l): l is Extract<A.SectionLine, { kind: 'SubKey' }> => l.kind === 'SubKey')
    .filter((l) => l.label.span.end <= length && l.label.span.end > l.label.span.start)
    .map((l) => subKey.range(l.label.span.start, l.label.span.end));
  return Decoration.set(ranges, true);
}

export const semantic: Extension = field;
