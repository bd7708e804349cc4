/**
 * Renaming a clip, look or character: every occurrence in the index changes together. The new
 * name is checked first — a name the parser would read as something else, or one already taken,
 * is refused with a message saying why, and nothing changes.
 */
import { ResponseError, ErrorCodes, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import { isKnownKey } from '../../core/syntax/keys.js';
import { toRange } from '../convert.js';
import { key, nameIndex, occurrenceAt, occurrencesOf, type NameKind, type NameOccurrence } from '../names.js';
import type { DocumentState } from '../state.js';

const NAME_WORD = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u;
const CHARACTER = /^\p{Lu}[\p{Lu}\p{Nd}\p{M} .'’-]*$/u;
const KEYWORDS = new Set(['USING', 'REMIX', 'EXTEND', 'EDIT', 'CLIP', 'LOOK', 'CAST']);

function refuse(message: string): never {
  throw new ResponseError(ErrorCodes.InvalidRequest, message);
}

function target(state: DocumentState, position: Position): NameOccurrence {
  const index = nameIndex(state);
  const at = occurrenceAt(index, state.source.offsetAt(position));
  if (!at) refuse('Only clip, look and character names can be renamed; put the cursor on one.');
  if (!index.definitions.has(key(at.kind, at.name))) {
    refuse(`There is no ${at.kind} named "${at.name}" in this file to rename; define it first.`);
  }
  return at;
}

export function prepareRename(state: DocumentState, position: Position): { range: Range; placeholder: string } {
  const at = target(state, position);
  return { range: toRange(state.source, at.span), placeholder: at.name };
}

/** Why `name` cannot be a new name for a `kind`, or null when it can. */
export function invalidName(kind: NameKind, name: string): string | null {
  if (kind === 'character') {
    if (!CHARACTER.test(name) || name !== name.toUpperCase() || name.trim() !== name) {
      return `"${name}" is not a character name; write it in capitals (letters, digits, spaces, . ' -), e.g. MARA or DR. OKAFOR.`;
    }
    if (isKnownKey(name)) return `"${name}" is a section key, so "${name}:" would not be read as a character; choose another name.`;
    return null;
  }
  if (!NAME_WORD.test(name)) return `"${name}" is not a valid ${kind} name; use letters, digits, -, _ and . with no spaces.`;
  if (KEYWORDS.has(name.toUpperCase())) return `"${name}" is a keyword; choose another ${kind} name.`;
  if (/^\d+(?:\.\d+)?s$/.test(name) || /^\d+[x×]\d+$/.test(name)) return `"${name}" reads as a length or a size; choose another ${kind} name.`;
  if (/^video_/.test(name)) return `"${name}" reads as a video id; choose another ${kind} name.`;
  return null;
}

export function rename(state: DocumentState, position: Position, newName: string): WorkspaceEdit {
  const at = target(state, position);
  if (newName === at.name) return { changes: { [state.uri]: [] } };
  const why = invalidName(at.kind, newName);
  if (why) refuse(why);
  const index = nameIndex(state);
  if (index.definitions.has(key(at.kind, newName))) refuse(`A ${at.kind} named "${newName}" already exists; names must be unique.`);
  const edits = occurrencesOf(index, at.kind, at.name).map((o) => ({ range: toRange(state.source, o.span), newText: newName }));
  return { changes: { [state.uri]: edits } };
}
