/** Go to definition, find references and document highlights for clip, look and character names. */
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position } from 'vscode-languageserver';
import { toRange } from '../convert.js';
import { key, nameIndex, occurrenceAt, occurrencesOf } from '../names.js';
import type { DocumentState } from '../state.js';

export function definition(state: DocumentState, position: Position): Location[] {
  const index = nameIndex(state);
  const at = occurrenceAt(index, state.source.offsetAt(position));
  if (!at) return [];
  const defs = index.definitions.get(key(at.kind, at.name)) ?? [];
  return defs.map((d) => ({ uri: state.uri, range: toRange(state.source, d.span) }));
}

export function references(state: DocumentState, position: Position, includeDeclaration: boolean): Location[] {
  const index = nameIndex(state);
  const at = occurrenceAt(index, state.source.offsetAt(position));
  if (!at) return [];
  return occurrencesOf(index, at.kind, at.name)
    .filter((o) => includeDeclaration || o.role !== 'definition')
    .map((o) => ({ uri: state.uri, range: toRange(state.source, o.span) }));
}

export function highlights(state: DocumentState, position: Position): DocumentHighlight[] {
  const index = nameIndex(state);
  const at = occurrenceAt(index, state.source.offsetAt(position));
  if (!at) return [];
  return occurrencesOf(index, at.kind, at.name).map((o) => ({
    range: toRange(state.source, o.span),
    kind: o.role === 'definition' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
