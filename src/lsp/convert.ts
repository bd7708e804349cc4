/**
 * Between the core's offsets and LSP positions. Both count UTF-16 code units, and `SourceFile`
 * breaks lines on `\r\n`, `\n` and a lone `\r` exactly as the LSP specification does, so the
 * conversion is exact with no re-encoding.
 */
import type { Range } from 'vscode-languageserver';
import type { SourceFile, Span } from '../core/source/index.js';
import { pathToFileURL, fileURLToPath } from 'node:url';

export function toRange(source: SourceFile, span: Span): Range {
  return { start: source.positionAt(span.start), end: source.positionAt(span.end) };
}

export function toSpan(source: SourceFile, range: Range): Span {
  return { start: source.offsetAt(range.start), end: source.offsetAt(range.end) };
}

/** Whether two half-open spans share a character, or touch when either is empty. */
export function intersects(a: Span, b: Span): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end;
  return a.start < b.end && b.start < a.end;
}

/** Whether `offset` lies in `span`, its end included (a cursor right after a word is on it). */
export function touches(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** The absolute POSIX path of a `file:` URI, or null for other schemes (untitled buffers). */
export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    const p = fileURLToPath(uri);
    return p.replace(/\\/g, '/');
  } catch {
    return null;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}
