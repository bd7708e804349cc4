/**
 * The human rendering of diagnostics: a rustc-style code frame with the file, line and column,
 * the line itself and carets under the range, then related places and fixes.
 *
 *   error[SC401] limits/seconds: A sora-2 clip can be 4, 8, 12 seconds long; this one is 10 s.
 *     --> examples/a.shot:12:14
 *      |
 *   12 | CLIP arrival 10s
 *      |              ^^^
 *      = fix: Change the length to 12 s
 */
import type { SourceFile } from '../source/index.js';
import type { DiagnosticRecord, Severity } from './diagnostic.js';

export interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  blue(s: string): string;
}

export const noPaint: Paint = { bold: (s) => s, dim: (s) => s, red: (s) => s, yellow: (s) => s, cyan: (s) => s, blue: (s) => s };

function severityColor(p: Paint, s: Severity): (x: string) => string {
  return s === 'error' ? p.red : s === 'warning' ? p.yellow : p.cyan;
}

/** Expand tabs for display so carets line up (a tab is 4 columns, as in the parser). */
function expand(line: string, upto: number): { text: string; col: number } {
  let out = '';
  let col = 0;
  let at = 0;
  for (let i = 0; i < line.length; i++) {
    if (i === upto) at = col;
    if (line[i] === '\t') {
      const n = 4 - (col % 4);
      out += ' '.repeat(n);
      col += n;
    } else {
      out += line[i];
      col++;
    }
  }
  if (upto >= line.length) at = col + (upto - line.length);
  return { text: out, col: at };
}

export function renderPretty(d: DiagnosticRecord, source: SourceFile | undefined, paint: Paint = noPaint): string {
  const color = severityColor(paint, d.severity);
  const out: string[] = [];
  out.push(`${paint.bold(color(`${d.severity}[${d.code}]`))} ${paint.dim(d.rule)}: ${paint.bold(d.message)}`);
  const { start, end } = d.range;
  out.push(`  ${paint.blue('-->')} ${d.file}:${start.line}:${start.column}`);
  if (source && start.line - 1 < source.lineCount) {
    const lineNo = String(start.line);
    const gutter = ' '.repeat(lineNo.length);
    const raw = source.lineText(start.line - 1);
    const first = expand(raw, start.column - 1);
    const lastCol = end.line === start.line ? end.column - 1 : raw.length;
    const last = expand(raw, Math.max(lastCol, start.column - 1));
    const width = Math.max(1, last.col - first.col);
    out.push(`${gutter} ${paint.blue('|')}`);
    out.push(`${paint.blue(lineNo)} ${paint.blue('|')} ${first.text}`);
    out.push(`${gutter} ${paint.blue('|')} ${' '.repeat(first.col)}${color('^'.repeat(width))}${end.line > start.line ? color(' …') : ''}`);
    for (const r of d.related ?? []) out.push(`${gutter} ${paint.blue('=')} note: ${r.message} (${r.file}:${r.range.start.line}:${r.range.start.column})`);
    for (const f of d.fixes ?? []) out.push(`${gutter} ${paint.blue('=')} ${f.safe ? 'fix' : 'suggestion'}: ${f.title}`);
  } else {
    for (const r of d.related ?? []) out.push(`   = note: ${r.message} (${r.file}:${r.range.start.line}:${r.range.start.column})`);
    for (const f of d.fixes ?? []) out.push(`   = ${f.safe ? 'fix' : 'suggestion'}: ${f.title}`);
  }
  return out.join('\n') + '\n';
}

export function summaryLine(records: readonly DiagnosticRecord[], paint: Paint = noPaint): string {
  const n = (s: Severity): number => records.filter((r) => r.severity === s).length;
  const e = n('error');
  const w = n('warning');
  const i = n('info');
  const parts = [
    e ? paint.red(`${e} error${e === 1 ? '' : 's'}`) : '',
    w ? paint.yellow(`${w} warning${w === 1 ? '' : 's'}`) : '',
    i ? paint.cyan(`${i} note${i === 1 ? '' : 's'}`) : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no problems';
}
