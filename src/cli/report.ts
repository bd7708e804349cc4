/** Printing diagnostics for the terminal (pretty) or for tools (json), and the exit code rule. */
import type { DiagnosticRecord, SourceFile } from '../index.js';
import { renderPretty, summaryLine } from '../core/diagnostics/pretty.js';
import { colorEnabled, stderr, styler } from './output.js';

export function printPretty(records: readonly DiagnosticRecord[], sources: ReadonlyMap<string, SourceFile>, write = stderr, stream: { isTTY?: boolean } = process.stderr): void {
  const paint = styler(colorEnabled(stream));
  for (const r of records) write(renderPretty(r, sources.get(r.file), paint) + '\n');
}

export function printSummary(records: readonly DiagnosticRecord[], files: number, write = stderr, stream: { isTTY?: boolean } = process.stderr): void {
  const paint = styler(colorEnabled(stream));
  write(`${summaryLine(records, paint)} in ${files} file${files === 1 ? '' : 's'}\n`);
}

/** 1 when there are errors or more warnings than allowed, else 0 (as ESLint's --max-warnings). */
export function exitCodeFor(records: readonly DiagnosticRecord[], maxWarnings: number | undefined): number {
  if (records.some((r) => r.severity === 'error')) return 1;
  if (maxWarnings !== undefined && records.filter((r) => r.severity === 'warning').length > maxWarnings) return 1;
  return 0;
}

export function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) return Number.NaN;
  return n === -1 ? undefined : n;
}
