/**
 * Code actions from the diagnostics' own fixes: every fix of every diagnostic under the cursor
 * becomes a quick fix, safe ones first (the first safe fix is the preferred one, applied by
 * "Auto Fix"); suggestions follow. Besides those, a rule can be silenced for one line
 * (`// shotc-disable-next-line RULE`), and `source.fixAll.shotc` applies every safe fix at once,
 * as `shotc lint --fix` does.
 */
import { CodeActionKind, type CodeAction, type Range, type TextEdit } from 'vscode-languageserver';
import type { Diagnostic, Fix } from '../../core/diagnostics/index.js';
import { compatibleFixes } from '../../core/fix.js';
import { allRules } from '../../core/lint/registry.js';
import { intersects, toRange, toSpan } from '../convert.js';
import type { DocumentState } from '../state.js';
import { toLspDiagnostic, type DiagnosticsEnv } from './diagnostics.js';

export const FIX_ALL = `${CodeActionKind.SourceFixAll}.shotc`;

export function codeActions(state: DocumentState, range: Range, diagnostics: readonly Diagnostic[], env: DiagnosticsEnv, only?: readonly string[]): CodeAction[] {
  const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const out: CodeAction[] = [];
  const own = diagnostics.filter((d) => d.file === undefined);
  if (wants(CodeActionKind.QuickFix)) {
    const span = toSpan(state.source, range);
    const quick: CodeAction[] = [];
    const later: CodeAction[] = [];
    for (const d of own) {
      if (!intersects(d.span, span)) continue;
      const lsp = toLspDiagnostic(state, d, env).diagnostic;
      let preferred = false;
      for (const fix of sorted(d.fixes ?? [])) {
        const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit: edit(state, fix.edits) };
        if (fix.safe && !preferred) {
          action.isPreferred = true;
          preferred = true;
        }
        (fix.safe ? quick : later).push(action);
      }
      const disable = disableAction(state, d);
      if (disable) later.push({ ...disable, diagnostics: [lsp] });
    }
    out.push(...quick, ...later);
  }
  if (only && wants(FIX_ALL)) {
    const all = fixAll(state, own);
    if (all) out.push(all);
  }
  return out;
}

function sorted(fixes: readonly Fix[]): Fix[] {
  return [...fixes].sort((a, b) => Number(b.safe) - Number(a.safe));
}

function edit(state: DocumentState, edits: readonly Fix['edits'][number][]): { changes: Record<string, TextEdit[]> } {
  return { changes: { [state.uri]: edits.map((e) => ({ range: toRange(state.source, e.span), newText: e.newText })) } };
}

/** Every diagnostic's first safe fix, those that do not overlap, in one edit. */
export function fixAll(state: DocumentState, diagnostics: readonly Diagnostic[]): CodeAction | null {
  const safe = compatibleFixes(diagnostics.flatMap((d) => (d.fixes ?? []).filter((f) => f.safe).slice(0, 1)));
  if (!safe.length) return null;
  return { title: `Fix all safe problems (${safe.length})`, kind: FIX_ALL, edit: edit(state, safe.flatMap((f) => f.edits)) };
}

/** `// shotc-disable-next-line RULE` above the diagnostic's line. */
function disableAction(state: DocumentState, d: Diagnostic): CodeAction | null {
  // Only the lint rules' diagnostics can be silenced; syntax and resolution problems cannot.
  if (!allRules().some((r) => r.meta.code === d.code)) return null;
  const src = state.source;
  const line = src.positionAt(d.span.start).line;
  const text = src.lineText(line);
  const indent = /^[ \t]*/.exec(text)![0];
  const eol = /\r\n|\n|\r/.exec(state.text)?.[0] ?? '\n';
  return {
    title: `Disable ${d.rule} for this line`,
    kind: CodeActionKind.QuickFix,
    edit: { changes: { [state.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// shotc-disable-next-line ${d.rule}${eol}` }] } },
  };
}
