/**
 * What each line *is*, once as the compiler reads it and once as the TextMate grammar colours
 * it, so that tests can hold the two in step.
 *
 * The parser's reading starts from `classifyLine` (the lexer's view of every line) and takes
 * context from the AST: a `Highlights:` line indented under `Grade:` is a sub-key, a `MARA:` line
 * under CAST defines a character and under a timing line speaks.
 */
import type * as Ast from '../../src/core/syntax/ast.js';
import { classifyLine, parse } from '../../src/core/syntax/index.js';
import { firstTokenScopes, type Token } from './textmate.js';

export type Role =
  | 'frontmatter'
  | 'comment'
  | 'note'
  | 'cast'
  | 'look'
  | 'clip'
  | 'timing'
  | 'section'
  | 'sub-key'
  | 'shot-key'
  | 'clip-key'
  | 'cast-name'
  | 'speaker'
  | 'text';

/** The role a line's first token has in the grammar, from its most specific scope outwards. */
export function grammarRole(scopes: readonly string[]): Role {
  const table: [string, Role][] = [
    ['comment.line.double-slash.shot', 'comment'],
    ['comment.block.note.shot', 'note'],
    ['keyword.control.cast.shot', 'cast'],
    ['keyword.control.look.shot', 'look'],
    ['keyword.control.clip.shot', 'clip'],
    ['constant.numeric.timing.shot', 'timing'],
    ['keyword.other.section.shot', 'section'],
    ['entity.other.attribute-name.sub-key.shot', 'sub-key'],
    ['entity.other.attribute-name.shot-key.shot', 'shot-key'],
    ['keyword.other.clip-key.shot', 'clip-key'],
    ['entity.name.function.character.cast.shot', 'cast-name'],
    ['entity.name.function.character.dialogue.shot', 'speaker'],
    ['meta.frontmatter.shot', 'frontmatter'],
  ];
  for (let i = scopes.length - 1; i >= 0; i--) {
    const hit = table.find(([scope]) => scopes[i] === scope);
    if (hit) return hit[1];
  }
  return 'text';
}

export function grammarRoles(lines: Token[][]): (Role | undefined)[] {
  return firstTokenScopes(lines).map((s) => (s ? grammarRole(s) : undefined));
}

/** The coarse kinds `classifyLine` knows (it cannot tell a sub-key from a section key). */
export type Kind = 'frontmatter' | 'comment' | 'note' | 'cast' | 'look' | 'clip' | 'timing' | 'key' | 'name' | 'text';

export function coarse(role: Role): Kind {
  if (role === 'section' || role === 'sub-key' || role === 'shot-key' || role === 'clip-key') return 'key';
  if (role === 'cast-name' || role === 'speaker') return 'name';
  return role;
}

export interface ParserReading {
  /** Per line: the role the compiler gives it; undefined for blank lines and unchecked lines. */
  roles: (Role | undefined)[];
  /** Per line: the kind `classifyLine` gives it (a run of lines for front matter and notes). */
  kinds: (Kind | undefined)[];
  /**
   * Lines whose role comes from their context rather than their kind: lines that continue the
   * keyed or named line above them, and `Mara: …` prose that CAST reads as a character.
   */
  contextual: Set<number>;
}

/**
 * How the compiler reads each line. A misspelt key (`Stlye:`) is read as a key by the compiler
 * (it says "did you mean Style?") but is plain text to the grammar, which cannot spell-check; its
 * line is expected as text and its continuation lines are left unchecked.
 */
export function parserReading(text: string): ParserReading {
  const { ast, source } = parse(text);
  const count = source.lineCount;
  const lineOf = (offset: number): number => source.positionAt(offset).line;
  const blank = (line: number): boolean => source.lineText(line).trim() === '';
  const roles: (Role | undefined)[] = Array.from({ length: count }, (_, l) => (blank(l) ? undefined : 'text'));
  const continuation = new Set<number>();
  const unchecked = new Set<number>();

  const known = (offset: number): boolean => {
    const info = classifyLine(text, source.lines[lineOf(offset)]!);
    return info.kind !== 'key' || info.known;
  };
  const continues = (node: { span: { start: number; end: number } }, mark = continuation): void => {
    for (let l = lineOf(node.span.start) + 1; l <= lineOf(Math.max(node.span.start, node.span.end - 1)); l++) mark.add(l);
  };
  const keyed = (node: Ast.Section | Ast.ShotKeyLine | Ast.Reference | Ast.Change, role: Role): void => {
    continues(node);
    if (!known(node.key.span.start)) {
      continues(node, unchecked);
      return;
    }
    roles[lineOf(node.key.span.start)] = role;
  };
  const item = (it: Ast.Item | Ast.ShotItem): void => {
    switch (it.kind) {
      case 'Section':
        keyed(it, 'section');
        for (const sl of it.lines) if (sl.kind === 'SubKey') roles[lineOf(sl.label.span.start)] = 'sub-key';
        return;
      case 'Reference':
      case 'Change':
        keyed(it, 'clip-key');
        return;
      case 'ShotKey':
        keyed(it, 'shot-key');
        return;
      case 'CastEntry':
        continues(it);
        roles[lineOf(it.name.span.start)] = 'cast-name';
        if (classifyLine(text, source.lines[lineOf(it.name.span.start)]!).kind === 'prose') continuation.add(lineOf(it.name.span.start));
        return;
      case 'Dialogue':
        continues(it);
        roles[lineOf(it.speaker.span.start)] = 'speaker';
        return;
      case 'Shot':
        roles[lineOf(it.start.span.start)] = 'timing';
        it.items.forEach(item);
        return;
      default:
        return;
    }
  };
  ast.items.forEach(item);
  for (const block of ast.blocks) {
    roles[lineOf(block.heading.start)] = block.kind === 'Cast' ? 'cast' : block.kind === 'Look' ? 'look' : 'clip';
    block.items.forEach(item);
  }
  if (ast.frontMatter && !ast.frontMatter.closed) {
    // Unclosed, the compiler ends it at the first blank line; the grammar cannot see that far
    // ahead and ends it at the first line that cannot be YAML (a heading, // or [[).
    for (let l = lineOf(ast.frontMatter.span.end) + 1; l < count && !/^(CAST\s*$|(CLIP|LOOK)(\s|$)|\/\/|\[\[)/.test(source.lineText(l)); l++) unchecked.add(l);
  }
  if (ast.frontMatter) {
    for (let l = lineOf(ast.frontMatter.span.start); l <= lineOf(ast.frontMatter.span.end); l++) if (!blank(l)) roles[l] = 'frontmatter';
  }
  for (const t of ast.trivia) {
    const first = lineOf(t.span.start);
    if (t.kind === 'Comment') {
      roles[first] = 'comment';
      continuation.delete(first);
    } else if (!t.inline) {
      for (let l = first; l <= lineOf(t.span.end - 1); l++) {
        roles[l] = 'note';
        continuation.delete(l);
      }
    } else if (t.span.start === source.lines[first]! + source.lineText(first).search(/\S/)) {
      roles[first] = 'note';
    }
  }
  for (const l of unchecked) {
    if (roles[l] !== 'comment' && roles[l] !== 'note') roles[l] = undefined;
    continuation.add(l);
  }

  // The lexer's view: one classification per token, which may span lines.
  const kinds: (Kind | undefined)[] = Array.from({ length: count }, () => undefined);
  let offset = 0;
  while (offset < text.length) {
    const info = classifyLine(text, offset);
    const kind: Kind | undefined =
      info.kind === 'blank' || info.kind === 'bom'
        ? undefined
        : info.kind === 'key'
          ? info.known
            ? 'key'
            : 'text'
          : info.kind === 'prose'
            ? text.startsWith('[[', info.contentStart)
              ? 'note'
              : 'text'
            : info.kind;
    for (let l = lineOf(info.start); l <= lineOf(Math.max(info.start, info.end - 1)); l++) kinds[l] = blank(l) ? undefined : kind;
    offset = info.end > offset ? info.end : offset + 1;
  }
  return { roles, kinds, contextual: continuation };
}
