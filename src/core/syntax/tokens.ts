/**
 * Chevrotain token types. One token per line (or per run of lines for front matter and
 * multi-line notes): every pattern asks the memoised line classifier and matches only its own
 * kind, carrying the classification as the token's payload.
 */
import { createToken, Lexer, type CustomPatternMatcherReturn, type IToken, type TokenType } from 'chevrotain';
import { classifyLine, type LineInfo, type LineKind } from './lines.js';

function lineToken(name: string, kind: LineKind, extra: { group?: string } = {}): TokenType {
  return createToken({
    name,
    line_breaks: true,
    ...(extra.group ? { group: extra.group } : {}),
    pattern: {
      exec(text: string, offset: number): CustomPatternMatcherReturn | null {
        const info = classifyLine(text, offset);
        if (info.kind !== kind) return null;
        const match = [text.slice(offset, info.end)] as CustomPatternMatcherReturn;
        match.payload = info;
        return match;
      },
    },
  });
}

export const Bom = lineToken('Bom', 'bom', { group: Lexer.SKIPPED as string });
export const Blank = lineToken('Blank', 'blank', { group: Lexer.SKIPPED as string });
export const Comment = lineToken('Comment', 'comment', { group: 'trivia' });
export const Note = lineToken('Note', 'note', { group: 'trivia' });
export const FrontMatter = lineToken('FrontMatter', 'frontmatter');
export const CastHeading = lineToken('CastHeading', 'cast');
export const LookHeading = lineToken('LookHeading', 'look');
export const ClipHeading = lineToken('ClipHeading', 'clip');
export const Timing = lineToken('Timing', 'timing');
export const NameLine = lineToken('NameLine', 'name');
export const KeyLine = lineToken('KeyLine', 'key');
export const Prose = lineToken('Prose', 'prose');

export const allTokens: TokenType[] = [
  Bom,
  Blank,
  FrontMatter,
  Comment,
  Note,
  CastHeading,
  LookHeading,
  ClipHeading,
  Timing,
  NameLine,
  KeyLine,
  Prose,
];

let lexer: Lexer | undefined;

/** The one lexer instance (built on first use, so importing the module costs nothing). */
export function shotLexer(): Lexer {
  lexer ??= new Lexer(allTokens, {
    positionTracking: 'onlyOffset',
    ensureOptimizations: false,
    skipValidations: true,
  });
  return lexer;
}

export function lineOf(token: IToken): LineInfo {
  return token.payload as LineInfo;
}
