/** Applying fixes: non-overlapping text edits, applied from the end so offsets stay valid. */
import type { Fix, TextEdit } from './diagnostics/index.js';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/** The fixes that can be applied together (first come, first served; overlapping ones wait). */
export function compatibleFixes(fixes: readonly Fix[]): Fix[] {
  const taken: TextEdit[] = [];
  const chosen: Fix[] = [];
  const overlaps = (a: TextEdit, b: TextEdit): boolean =>
    a.span.start < b.span.end && b.span.start < a.span.end || (a.span.start === b.span.start && (a.span.start === a.span.end || b.span.start === b.span.end));
  for (const f of fixes) {
    if (f.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    chosen.push(f);
    taken.push(...f.edits);
  }
  return chosen;
}
