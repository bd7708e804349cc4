import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { SourceFile } from '../source/index.js';
import type { File } from './ast.js';
import { AstBuilder } from './build.js';
import { parseBlock, parsePrelude } from './parser.js';
import { tokenizeBlocks } from './tokens.js';

export interface ParseOptions {
  filename?: string;
}

export interface ParseResult {
  source: SourceFile;
  ast: File;
  /** Syntax diagnostics, in source order. */
  diagnostics: Diagnostic[];
}

/**
 * Parse `.shot` source into an AST and syntax diagnostics. Never throws: whatever the input, the
 * result is a tree (possibly with diagnostics) that the rest of the compiler can work with.
 */
export function parse(input: string | SourceFile, options: ParseOptions = {}): ParseResult {
  const source = typeof input === 'string' ? new SourceFile(input, options.filename) : input;
  try {
    return parseSource(source);
  } catch (e) {
    // A bug in the compiler, not in the user's file: still answer with a diagnostic, not a throw.
    const message = e instanceof Error ? e.message : String(e);
    return {
      source,
      ast: emptyFile(source),
      diagnostics: [diagnostic('SC199', { start: 0, end: 0 }, `The parser failed unexpectedly (${message}); please report this file to the shotc maintainers.`)],
    };
  }
}

function parseSource(source: SourceFile): ParseResult {
  const builder = new AstBuilder(source);
  let file: File | undefined;
  // Each run of lines is parsed and built before the next is read (see `tokenizeBlocks`).
  for (const lexed of tokenizeBlocks(source.text)) {
    builder.addTrivia(lexed.trivia);
    if (file === undefined) {
      const { outline, errors } = parsePrelude(lexed.tokens);
      report(builder, source, errors);
      file = builder.startFile(outline);
    } else {
      const { outline, errors } = parseBlock(lexed.tokens);
      report(builder, source, errors);
      builder.addBlock(file, outline);
    }
  }
  const ast = builder.finishFile(file!);
  const diagnostics = builder.diagnostics.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return { source, ast, diagnostics };
}

function report(builder: AstBuilder, source: SourceFile, errors: ReturnType<typeof parseBlock>['errors']): void {
  for (const err of errors) {
    const tok = err.token;
    const start = Number.isFinite(tok.startOffset) ? tok.startOffset : source.text.length;
    const end = Number.isFinite(tok.endOffset) ? (tok.endOffset ?? start) + 1 : start;
    builder.diagnostics.push(diagnostic('SC199', { start, end }, `This line could not be parsed here: ${err.message}`));
  }
}

function emptyFile(source: SourceFile): File {
  return { kind: 'File', span: { start: 0, end: source.text.length }, frontMatter: null, items: [], blocks: [], trivia: [] };
}
