/**
 * Semantic tokens. The TextMate grammar already colours what a line's shape shows; these tokens
 * add what only the compiler knows — which words are clip, look and character names (a character
 * mentioned in prose, a clip named after REMIX) — and give editors without TextMate grammars
 * (Neovim, Helix, Zed) the same colouring.
 *
 * The legend follows the grammar's intent: headings and USING/REMIX/EXTEND/EDIT are keywords;
 * clip names functions and look names types (entity.name.*); characters variables; section,
 * sub- and shot keys properties (attribute names); times, lengths and sizes numbers; models enum
 * members (support constants); shot titles, dialogue and reference paths strings; camera notes
 * and parentheticals parameters; comments comments and crew notes comments with `documentation`.
 */
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { Span } from '../../core/source/index.js';
import type * as A from '../../core/syntax/ast.js';
import { nameIndex } from '../names.js';
import type { DocumentState } from '../state.js';

const TYPES = ['keyword', 'function', 'type', 'variable', 'property', 'number', 'enumMember', 'string', 'parameter', 'comment'] as const;
const MODIFIERS = ['declaration', 'documentation', 'readonly'] as const;
type TokenType = (typeof TYPES)[number];
type Modifier = (typeof MODIFIERS)[number];

export const legend: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

interface Token {
  start: number;
  end: number;
  type: TokenType;
  mods: number;
}

const NAME_TYPE = { clip: 'function', look: 'type', character: 'variable' } as const;
/** Mentions inside these are already strings or parameters; tokens cannot nest. */
const NO_MENTIONS = new Set(['dialogue', 'title', 'camera']);

function bits(mods: readonly Modifier[]): number {
  let b = 0;
  for (const m of mods) b |= 1 << MODIFIERS.indexOf(m);
  return b;
}

export function semanticTokens(state: DocumentState): SemanticTokens {
  const text = state.text;
  const tokens: Token[] = [];
  const add = (span: Span, type: TokenType, mods: readonly Modifier[] = []): void => {
    if (span.end > span.start) tokens.push({ start: span.start, end: span.end, type, mods: bits(mods) });
  };
  const word = (at: number, length: number, type: TokenType): void => add({ start: at, end: at + length }, type);
  const { ast } = state.parsed;

  for (const o of nameIndex(state).all) {
    if (o.role === 'mention' && o.in && NO_MENTIONS.has(o.in)) continue;
    add(o.span, NAME_TYPE[o.kind], o.role === 'definition' ? ['declaration'] : []);
  }
  const quoted = (span: Span): Span => {
    const open = text.charAt(span.start - 1);
    const close = text.charAt(span.end);
    return open === '"' || open === '“' ? { start: span.start - 1, end: close === '"' || close === '”' ? span.end + 1 : span.end } : span;
  };
  const dialogue = (d: A.Dialogue): void => {
    add(d.speaker.span, 'variable');
    if (d.parenthetical) add(d.parenthetical.span, 'parameter');
    for (const l of d.lines) add(l, 'string');
  };
  const items = (list: readonly A.Item[]): void => {
    for (const item of list) {
      switch (item.kind) {
        case 'Section':
          add(item.key.span, 'property');
          for (const l of item.lines) if (l.kind === 'SubKey') add(l.label.span, 'property');
          break;
        case 'Reference':
          add(item.key.span, 'property');
          for (const l of item.lines) add(l, 'string');
          break;
        case 'Change':
          add(item.key.span, 'property');
          break;
        case 'Dialogue':
          dialogue(item);
          break;
        case 'CastEntry':
          add(item.name.span, 'variable', ['declaration']);
          break;
        case 'Shot':
          add(item.start.span, 'number');
          add(item.end.span, 'number');
          if (item.title) add(quoted(item.title.span), 'string');
          if (item.camera) add(item.camera.span, 'parameter');
          for (const si of item.items) {
            if (si.kind === 'Dialogue') dialogue(si);
            else if (si.kind === 'ShotKey') add(si.key.span, 'property');
          }
          break;
        default:
          break;
      }
    }
  };
  items(ast.items);
  for (const block of ast.blocks) {
    word(block.heading.start, 4, 'keyword');
    if (block.kind === 'Clip') {
      for (const a of block.attributes) {
        switch (a.kind) {
          case 'seconds':
          case 'size':
            add(a.span, 'number');
            break;
          case 'model':
            add(a.span, 'enumMember');
            break;
          case 'using':
            word(a.span.start, 5, 'keyword');
            break;
          default:
            word(a.span.start, a.kind.length, 'keyword');
            if (/^video_/.test(a.source.text)) add(a.source.span, 'string');
        }
      }
    }
    items(block.items);
  }
  for (const t of ast.trivia) add(t.span, 'comment', t.kind === 'Note' ? ['documentation'] : []);

  // Sort, drop overlaps (the first token wins: names were added first), split at line ends.
  tokens.sort((a, b) => a.start - b.start || b.end - a.end);
  const builder = new SemanticTokensBuilder();
  const src = state.source;
  let lastEnd = -1;
  for (const t of tokens) {
    if (t.start < lastEnd) continue;
    lastEnd = t.end;
    const type = TYPES.indexOf(t.type);
    let pos = src.positionAt(t.start);
    const end = src.positionAt(t.end);
    while (pos.line < end.line) {
      const lineEnd = src.lineEnd(pos.line);
      const length = lineEnd - src.lines[pos.line]! - pos.character;
      if (length > 0) builder.push(pos.line, pos.character, length, type, t.mods);
      const next = pos.line + 1;
      // Continue on the next line at its first non-blank character.
      let c = src.lines[next]!;
      while (c < t.end && (text.charCodeAt(c) === 32 || text.charCodeAt(c) === 9)) c++;
      pos = src.positionAt(c);
    }
    if (end.character > pos.character) builder.push(pos.line, pos.character, end.character - pos.character, type, t.mods);
  }
  return builder.build();
}
