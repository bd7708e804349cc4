/**
 * Diagnostics are plain, serialisable data. Inside the core they carry offsets; `toRecord` turns
 * one into the user-facing shape (1-based line and column) that JSON, SARIF and the plan share.
 */
import type { SourceFile, Span } from '../source/index.js';

export type Severity = 'error' | 'warning' | 'info';

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  /** What applying it does, imperative: "Snap seconds to 8". */
  title: string;
  /** Safe fixes are applied by `--fix`; unsafe ones are suggestions offered in the editor. */
  safe: boolean;
  edits: TextEdit[];
}

export interface Related {
  message: string;
  span: Span;
  /** Another file, when the related place is not in this one (e.g. shotc.yaml). */
  file?: string;
}

export type DiagnosticTag = 'unnecessary' | 'deprecated';

export interface Diagnostic {
  code: string;
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  /** Set when the diagnostic is about another file than the one compiled (e.g. shotc.yaml). */
  file?: string;
  related?: Related[];
  fixes?: Fix[];
  tags?: DiagnosticTag[];
}

export function isError(d: Diagnostic): boolean {
  return d.severity === 'error';
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Source order, then severity, then code: a stable order for every reporter. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    a.span.start - b.span.start ||
    severityRank[a.severity] - severityRank[b.severity] ||
    a.code.localeCompare(b.code) ||
    a.span.end - b.span.end ||
    a.message.localeCompare(b.message)
  );
}

export interface LineColumn {
  /** 1-based line. */
  line: number;
  /** 1-based column in UTF-16 code units. */
  column: number;
  offset: number;
}

export interface RangeRecord {
  start: LineColumn;
  end: LineColumn;
}

export interface DiagnosticRecord {
  code: string;
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  range: RangeRecord;
  related?: { message: string; file: string; range: RangeRecord }[];
  fixes?: { title: string; safe: boolean; edits: { range: RangeRecord; newText: string }[] }[];
  tags?: DiagnosticTag[];
}

export function rangeRecord(source: SourceFile, span: Span): RangeRecord {
  const s = source.positionAt(span.start);
  const e = source.positionAt(span.end);
  return {
    start: { line: s.line + 1, column: s.character + 1, offset: span.start },
    end: { line: e.line + 1, column: e.character + 1, offset: span.end },
  };
}

/**
 * The user-facing form. `sources` resolves a file name to its text when a diagnostic (or a
 * related location) points into another file than `source`.
 */
export function toRecord(
  d: Diagnostic,
  source: SourceFile,
  sources: (name: string) => SourceFile | undefined = () => undefined,
): DiagnosticRecord {
  const own = d.file !== undefined && d.file !== source.name ? (sources(d.file) ?? source) : source;
  const record: DiagnosticRecord = {
    code: d.code,
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    file: own.name,
    range: rangeRecord(own, d.span),
  };
  if (d.related?.length) {
    record.related = d.related.map((r) => {
      const rs = r.file !== undefined && r.file !== source.name ? (sources(r.file) ?? source) : own;
      return { message: r.message, file: rs.name, range: rangeRecord(rs, r.span) };
    });
  }
  if (d.fixes?.length) {
    record.fixes = d.fixes.map((f) => ({
      title: f.title,
      safe: f.safe,
      edits: f.edits.map((e) => ({ range: rangeRecord(own, e.span), newText: e.newText })),
    }));
  }
  if (d.tags?.length) record.tags = [...d.tags];
  return record;
}
