/**
 * Diagnostics on the storyboard: each with its severity in words (not colour alone), code, rule,
 * message, place, and the source lines it points at with the range marked — the CLI's code frame,
 * in HTML.
 */
import type { DiagnosticRecord } from '../core/diagnostics/diagnostic.js';
import type { SourceFile } from '../core/source/index.js';
import { esc } from './html.js';

/** At most this many source lines per diagnostic; a longer range ends with an ellipsis. */
const MAX_LINES = 3;

export type SourceLookup = (file: string) => SourceFile | undefined;

function frame(d: DiagnosticRecord, source: SourceFile | undefined): string {
  if (!source) return '';
  const first = d.range.start.line - 1;
  if (first >= source.lineCount) return '';
  const last = Math.min(d.range.end.line - 1, first + MAX_LINES - 1, source.lineCount - 1);
  const width = String(last + 1).length;
  const rows: string[] = [];
  for (let line = first; line <= last; line++) {
    const text = source.lineText(line);
    const from = line === first ? d.range.start.column - 1 : 0;
    const to = line === d.range.end.line - 1 ? d.range.end.column - 1 : text.length;
    const marked =
      to > from
        ? `${esc(text.slice(0, from))}<mark>${esc(text.slice(from, to))}</mark>${esc(text.slice(to))}`
        : `${esc(text.slice(0, from))}<mark class="point" aria-label="here"></mark>${esc(text.slice(from))}`;
    rows.push(`<span class="ln" aria-hidden="true">${String(line + 1).padStart(width)}</span> ${marked}`);
  }
  if (d.range.end.line - 1 > last) rows.push(`<span class="ln" aria-hidden="true">${' '.repeat(width)}</span> …`);
  return `<pre class="frame">${rows.join('\n')}</pre>`;
}

export function renderDiagnostic(d: DiagnosticRecord, sources: SourceLookup): string {
  const at = `${d.file}:${d.range.start.line}:${d.range.start.column}`;
  const notes = [
    ...(d.related ?? []).map((r) => `<li>note: ${esc(r.message)} <span class="muted">(${esc(`${r.file}:${r.range.start.line}:${r.range.start.column}`)})</span></li>`),
    ...(d.fixes ?? []).map((f) => `<li>${f.safe ? 'fix' : 'suggestion'}: ${esc(f.title)}</li>`),
  ];
  return [
    `<li class="diag diag-${d.severity}" data-code="${esc(d.code)}" data-severity="${d.severity}">`,
    `<p class="diag-head"><span class="sev">${d.severity}</span> <code>${esc(d.code)}</code> <span class="muted">${esc(d.rule)}</span> — ${esc(d.message)}</p>`,
    `<p class="diag-at muted">${esc(at)}</p>`,
    frame(d, sources(d.file)),
    notes.length ? `<ul class="diag-notes">${notes.join('')}</ul>` : '',
    '</li>',
  ].join('');
}

export function renderDiagnostics(records: readonly DiagnosticRecord[], sources: SourceLookup): string {
  if (!records.length) return '';
  return `<ul class="diags">${records.map((d) => renderDiagnostic(d, sources)).join('')}</ul>`;
}

/** `1 error, 2 warnings` (empty when there are none). */
export function countLine(records: readonly DiagnosticRecord[]): string {
  const n = (s: string): number => records.filter((r) => r.severity === s).length;
  return [
    [n('error'), 'error'],
    [n('warning'), 'warning'],
    [n('info'), 'note'],
  ]
    .filter(([k]) => (k as number) > 0)
    .map(([k, w]) => `${k} ${w}${k === 1 ? '' : 's'}`)
    .join(', ');
}
