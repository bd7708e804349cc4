/**
 * Formatting with the project formatter (`shotc fmt`), returned as line edits.
 *
 * Range formatting formats the whole document (a line's canonical form depends on the lines
 * around it: its block, its shot, its indentation level) and returns only the edits whose lines
 * lie inside the selected lines; everything outside the selection stays exactly as it is.
 */
import type { Range, TextEdit } from 'vscode-languageserver';
import { format } from '../../core/format/index.js';
import { diffLines, lineByLine, splitLines, type LineHunk } from '../diff.js';
import type { DocumentState } from '../state.js';

function hunks(state: DocumentState): { hunks: LineHunk[]; before: string[]; after: string[] } {
  return state.memo('format', () => {
    const formatted = format(state.text, { filename: state.source.name });
    const before = splitLines(state.text);
    const after = splitLines(formatted);
    return { hunks: formatted === state.text ? [] : lineByLine(diffLines(before, after), before, after), before, after };
  });
}

function toEdits(state: DocumentState, list: readonly LineHunk[], after: readonly string[]): TextEdit[] {
  const lineCount = state.source.lineCount;
  const at = (line: number): { line: number; character: number } =>
    line < lineCount ? { line, character: 0 } : state.source.positionAt(state.text.length);
  return list.map((h) => ({
    range: { start: at(h.oldStart), end: at(h.oldEnd) },
    newText: after.slice(h.newStart, h.newEnd).join(''),
  }));
}

export function formatDocument(state: DocumentState): TextEdit[] {
  const { hunks: list, after } = hunks(state);
  return toEdits(state, list, after);
}

export function formatRange(state: DocumentState, range: Range): TextEdit[] {
  const { hunks: list, after } = hunks(state);
  // Whole lines from the range's first line to its last (a range ending at column 0 stops before that line).
  const first = range.start.line;
  const last = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  const inside = list.filter((h) => h.oldStart >= first && (h.oldEnd === h.oldStart ? h.oldStart <= last + 1 : h.oldEnd - 1 <= last));
  return toEdits(state, inside, after);
}
