/**
 * Diagnostics in LSP form: severity, code with a link to its documentation, related places,
 * tags, and the file they belong to (a problem in shotc.yaml is reported on shotc.yaml).
 */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic as LspDiagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../../core/diagnostics/index.js';
import type { SourceFile } from '../../core/source/index.js';
import { toRange } from '../convert.js';
import type { DocumentState } from '../state.js';

export interface DiagnosticsEnv {
  /** A URL of the code's documentation, when the docs are installed. */
  docHref(code: string): string | undefined;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Where a diagnostic's `file` points: the document itself or its shotc.yaml. */
function fileOf(state: DocumentState, file: string | undefined): { uri: string; source: SourceFile } {
  const config = state.config;
  if (file !== undefined && config && file === config.path) return { uri: config.uri, source: config.source };
  return { uri: state.uri, source: state.source };
}

export function toLspDiagnostic(state: DocumentState, d: Diagnostic, env: DiagnosticsEnv): { uri: string; diagnostic: LspDiagnostic } {
  const own = fileOf(state, d.file);
  const out: LspDiagnostic = {
    range: toRange(own.source, d.span),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'shotc',
    message: d.message,
    data: { rule: d.rule },
  };
  const href = env.docHref(d.code);
  if (href) out.codeDescription = { href };
  if (d.tags?.length) {
    out.tags = d.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r): DiagnosticRelatedInformation => {
      const where = r.file !== undefined ? fileOf(state, r.file) : own;
      return { location: { uri: where.uri, range: toRange(where.source, r.span) }, message: r.message };
    });
  }
  return { uri: own.uri, diagnostic: out };
}

/** The document's diagnostics by the URI they belong to (the document first). */
export function diagnosticsByUri(state: DocumentState, diagnostics: readonly Diagnostic[], env: DiagnosticsEnv): Map<string, LspDiagnostic[]> {
  const byUri = new Map<string, LspDiagnostic[]>([[state.uri, []]]);
  for (const d of diagnostics) {
    const { uri, diagnostic } = toLspDiagnostic(state, d, env);
    let list = byUri.get(uri);
    if (!list) byUri.set(uri, (list = []));
    list.push(diagnostic);
  }
  return byUri;
}
