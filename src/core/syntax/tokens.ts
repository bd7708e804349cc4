/**
 * The token types and the reader that makes the token stream. `.shot` has one token per line (or
 * per run of lines for front matter and multi-line notes), and the classifier alone decides which:
 * the reader walks the file a line at a time and each classified line becomes its own token, so
 * nothing is tried twice and nothing is copied.
 */
import { createToken, type IToken, type TokenType } from 'chevrotain';
import { classifyLine, Line, type LineKind } from './lines.js';

/** Any line that can continue a keyed line or a name line. */
export const ContentLine = createToken({ name: 'ContentLine' });

export const FrontMatter = createToken({ name: 'FrontMatter' });
export const CastHeading = createToken({ name: 'CastHeading' });
export const LookHeading = createToken({ name: 'LookHeading' });
export const ClipHeading = createToken({ name: 'ClipHeading' });
export const Timing = createToken({ name: 'Timing' });
export const NameLine = createToken({ name: 'NameLine', categories: [ContentLine] });
export const KeyLine = createToken({ name: 'KeyLine', categories: [ContentLine] });
export const Prose = createToken({ name: 'Prose', categories: [ContentLine] });

/** Every token type the parser sees. */
export const allTokens: TokenType[] = [ContentLine, FrontMatter, CastHeading, LookHeading, ClipHeading, Timing, NameLine, KeyLine, Prose];

/** The token type of each kind of line the parser sees; the other kinds are skipped or trivia. */
const TOKEN_OF: Partial<Record<LineKind, TokenType>> = {
  frontmatter: FrontMatter,
  cast: CastHeading,
  look: LookHeading,
  clip: ClipHeading,
  timing: Timing,
  name: NameLine,
  key: KeyLine,
  prose: Prose,
};

export interface Lexed {
  /** The lines the parser reads, in order. */
  tokens: Line[];
  /** Comments and notes, in order. */
  trivia: Line[];
}

const HEADINGS: ReadonlySet<TokenType> = new Set([CastHeading, LookHeading, ClipHeading]);

/**
 * Read `text` into tokens a block at a time: first the lines before any heading (front matter and
 * the look of every clip), then each heading with the lines up to the next. Blank lines and a
 * byte-order mark are skipped. Never fails: every line has a kind.
 *
 * The parser reads, and the AST builder builds, each block before the next is read, so a file's
 * lines are never all alive at once: in a large file the garbage collector copies one block's
 * lines, not every line of the file, while the tree grows.
 */
export function* tokenizeBlocks(text: string): Generator<Lexed, void, void> {
  let tokens: Line[] = [];
  let trivia: Line[] = [];
  const n = text.length;
  let offset = 0;
  while (offset < n) {
    const line = classifyLine(text, offset);
    const type = TOKEN_OF[line.kind];
    if (type) {
      if (HEADINGS.has(type)) {
        yield { tokens, trivia };
        tokens = [];
        trivia = [];
      }
      line.tokenType = type;
      line.tokenTypeIdx = type.tokenTypeIdx!;
      tokens.push(line);
    } else if (line.kind === 'comment' || line.kind === 'note') {
      trivia.push(line);
    }
    offset = line.end;
  }
  yield { tokens, trivia };
}

/** The line a token is (the parser's end-of-input token is none). */
export function lineOf(token: IToken): Line | undefined {
  return token instanceof Line ? token : undefined;
}
