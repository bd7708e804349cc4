/**
 * The typed AST of a `.shot` file. Every node carries its source span as `[start, end)` offsets;
 * line and column are derived from the file's line table when needed. Comments and notes are
 * nodes too (in `File.trivia`, in source order), so tools can show them and the formatter keeps
 * them; they never reach a prompt.
 */
import type { Span } from '../source/index.js';
import type { SectionId, ShotKeyId } from './keys.js';

export interface Node {
  kind: string;
  span: Span;
}

/** A piece of text from the source with its span. */
export interface Text {
  text: string;
  span: Span;
}

export interface File extends Node {
  kind: 'File';
  frontMatter: FrontMatter | null;
  /** Every item before the first heading, in source order: the look of every clip. */
  items: Item[];
  blocks: Block[];
  /** Comments and notes, in source order. */
  trivia: Trivia[];
}

export interface FrontMatter extends Node {
  kind: 'FrontMatter';
  /** The YAML between the fences. */
  yaml: Text;
  closed: boolean;
}

export type Block = CastBlock | LookBlock | ClipBlock;

export interface CastBlock extends Node {
  kind: 'Cast';
  heading: Span;
  items: Item[];
}

export interface CastEntry extends Node {
  kind: 'CastEntry';
  name: Text;
  /** The description, continuation lines joined with single spaces. */
  description: Text;
  /** Source spans of the description's lines (the first line's text, then continuation lines). */
  lines: Span[];
}

export interface LookBlock extends Node {
  kind: 'Look';
  heading: Span;
  name: Text | null;
  items: Item[];
}

export interface ClipBlock extends Node {
  kind: 'Clip';
  heading: Span;
  name: Text | null;
  attributes: ClipAttribute[];
  /** Everything in the clip, in source order (see `query.ts` for typed views). */
  items: Item[];
}

export type ClipAttribute =
  | { kind: 'seconds'; value: number; span: Span }
  | { kind: 'size'; width: number; height: number; text: string; span: Span }
  | { kind: 'model'; id: string; span: Span }
  | { kind: 'using'; look: Text; span: Span }
  | { kind: 'remix' | 'extend' | 'edit'; source: Text; span: Span };

export interface Section extends Node {
  kind: 'Section';
  /** The key as written. */
  key: Text;
  /** The section it names, or null for an unknown (misspelt) key. */
  section: SectionId | null;
  /** Text on the key's own line, empty when the section only has sub-keys. */
  value: Text;
  lines: SectionLine[];
}

export type SectionLine =
  | { kind: 'Line'; text: Text; span: Span }
  | { kind: 'SubKey'; label: Text; value: Text; span: Span; lines: Span[] };

export interface Reference extends Node {
  kind: 'Reference';
  key: Text;
  path: Text;
  lines: Span[];
}

export interface Change extends Node {
  kind: 'Change';
  key: Text;
  text: Text;
  lines: Span[];
}

export interface Shot extends Node {
  kind: 'Shot';
  start: { value: number; span: Span };
  end: { value: number; span: Span };
  title: Text | null;
  camera: Text | null;
  /** Prose after the title and camera on the timing line itself. */
  trailing: Text | null;
  items: ShotItem[];
}

export type ShotItem = Prose | Dialogue | ShotKeyLine;

export interface ShotKeyLine extends Node {
  kind: 'ShotKey';
  key: Text;
  /** The shot key it names, or null when it is not a shot key (reported). */
  shotKey: ShotKeyId | null;
  value: Text;
  lines: Span[];
}

export interface Prose extends Node {
  kind: 'Prose';
  /** The line with inline `[[notes]]` removed and whitespace collapsed around them. */
  text: Text;
}

export interface Dialogue extends Node {
  kind: 'Dialogue';
  speaker: Text;
  parenthetical: Text | null;
  /** The spoken words, without quotes. */
  line: Text;
  /** Whether the words were quoted (unquoted dialogue is reported). */
  quoted: boolean;
  /** Source spans of the words' lines, quotes included. */
  lines: Span[];
}

export interface Comment extends Node {
  kind: 'Comment';
  text: Text;
}

export interface Note extends Node {
  kind: 'Note';
  text: Text;
  /** Whether the note is inline in a prose line. */
  inline: boolean;
}

export type Trivia = Comment | Note;

/** An item in a block or at the top level, in source order. */
export type Item = Section | Reference | Change | Prose | Dialogue | Shot | CastEntry;
