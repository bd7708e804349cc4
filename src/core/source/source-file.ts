/**
 * A source text with its name and a lazily built line-start table.
 *
 * Offsets are UTF-16 code unit indices into `text`. Positions are 0-based here (as LSP uses them);
 * user-facing output adds one to line and column at the edge.
 */
export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based column in UTF-16 code units. */
  character: number;
}

/** A half-open span `[start, end)` of offsets into a source text. */
export interface Span {
  start: number;
  end: number;
}

export class SourceFile {
  readonly text: string;
  readonly name: string;
  private lineStarts: number[] | undefined;

  constructor(text: string, name = '<input>') {
    this.text = text;
    this.name = name;
  }

  /** Offsets at which each line starts; `\r\n`, `\n` and a lone `\r` all end a line. */
  get lines(): readonly number[] {
    if (this.lineStarts === undefined) this.lineStarts = computeLineStarts(this.text);
    return this.lineStarts;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  positionAt(offset: number): Position {
    const starts = this.lines;
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: clamped - starts[lo]! };
  }

  offsetAt(position: Position): number {
    const starts = this.lines;
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return this.text.length;
    const lineStart = starts[position.line]!;
    const lineEnd = this.lineEnd(position.line, true);
    return Math.min(lineStart + Math.max(0, position.character), lineEnd);
  }

  /** The offset where line `line` ends, before its terminator unless `withTerminator` is false. */
  lineEnd(line: number, beforeTerminator = true): number {
    const starts = this.lines;
    const next = line + 1 < starts.length ? starts[line + 1]! : this.text.length;
    if (!beforeTerminator) return next;
    let end = next;
    if (end > starts[line]! && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > starts[line]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The text of line `line` (0-based) without its terminator. */
  lineText(line: number): string {
    const start = this.lines[line];
    if (start === undefined) return '';
    return this.text.slice(start, this.lineEnd(line));
  }
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
