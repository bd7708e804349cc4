import type { Span } from '../source/index.js';
import { entryForCode } from './catalogue.js';
import type { Diagnostic, Fix, Related, Severity } from './diagnostic.js';

export interface DiagnosticExtras {
  severity?: Severity;
  related?: Related[];
  fixes?: Fix[];
  tags?: Diagnostic['tags'];
  file?: string;
}

/** A diagnostic for a catalogued code; rule and default severity come from the catalogue. */
export function diagnostic(code: string, span: Span, message: string, extras: DiagnosticExtras = {}): Diagnostic {
  const entry = entryForCode(code);
  if (!entry) throw new Error(`unknown diagnostic code ${code}`);
  const d: Diagnostic = { code: entry.code, rule: entry.rule, severity: extras.severity ?? entry.severity, message, span };
  if (extras.file !== undefined) d.file = extras.file;
  if (extras.related?.length) d.related = extras.related;
  if (extras.fixes?.length) d.fixes = extras.fixes;
  if (extras.tags?.length) d.tags = extras.tags;
  return d;
}

export function replace(span: Span, newText: string): { span: Span; newText: string } {
  return { span, newText };
}
