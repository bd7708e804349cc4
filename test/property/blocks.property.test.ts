/**
 * `parse` reads, parses and builds a file a block at a time (tokens.ts says why). The whole grammar
 * still describes the file: run over all of its lines at once, as the parser used to be, it must
 * give the same tree and the same diagnostics.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { SourceFile } from '../../src/core/source/index.js';
import { AstBuilder } from '../../src/core/syntax/build.js';
import { shotParser } from '../../src/core/syntax/parser.js';
import { tokenizeBlocks } from '../../src/core/syntax/tokens.js';
import { ROOT } from '../helpers/cli.js';
import { mutated, shotDocument } from './generators.js';

const examples = readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.shot'))
  .map((f) => readFileSync(path.join(ROOT, 'examples', f), 'utf8'));

/** The whole file's lines through the `file` rule in one go, then built. */
function parseWhole(text: string) {
  const source = new SourceFile(text);
  const runs = [...tokenizeBlocks(text)];
  const parser = shotParser();
  parser.input = runs.flatMap((r) => r.tokens);
  const outline = parser.file();
  const errors = parser.errors.length;
  const builder = new AstBuilder(source);
  builder.addTrivia(runs.flatMap((r) => r.trivia));
  const ast = builder.finishFile(builder.startFile(outline));
  const diagnostics = builder.diagnostics.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  return { ast, diagnostics, errors };
}

describe('reading a file a block at a time', () => {
  it('gives the tree and diagnostics of the whole grammar run over every line at once', () => {
    fc.assert(
      fc.property(fc.oneof(shotDocument, fc.constantFrom(...examples).chain(mutated), fc.string({ maxLength: 200 })), (text) => {
        const streamed = parse(text);
        const whole = parseWhole(text);
        expect(streamed.ast).toEqual(whole.ast);
        // The grammar accepts every line in every block: neither way reports a line it cannot parse.
        expect(whole.errors).toBe(0);
        expect(streamed.diagnostics).toEqual(whole.diagnostics);
      }),
      { numRuns: 400 },
    );
  });
});
