import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IToken } from 'chevrotain';
import { lexShot, shotLexer } from '../../src/core/syntax/tokens.js';
import { mutated, shotDocument } from '../property/generators.js';

const view = (t: IToken) => ({ image: t.image, startOffset: t.startOffset, type: t.tokenType.name, tokenTypeIdx: t.tokenTypeIdx, payload: t.payload as unknown });

/** lexShot must make exactly the tokens the Chevrotain lexer makes. */
function same(text: string): void {
  const lexed = shotLexer().tokenize(text);
  const direct = lexShot(text);
  expect(lexed.errors).toEqual([]);
  expect(direct.tokens.map(view)).toEqual(lexed.tokens.map(view));
  expect(direct.trivia.map(view)).toEqual((lexed.groups['trivia'] ?? []).map(view));
}

describe('lexShot', () => {
  it('makes the Chevrotain lexer’s tokens for the examples and a long storyboard', () => {
    for (const dir of ['examples', 'examples/broken']) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.shot'))) same(readFileSync(`${dir}/${f}`, 'utf8'));
    }
    const clips = Array.from({ length: 60 }, (_, i) =>
      [`CLIP clip-${i} 8s`, `  0.00–3.20 — "Arrival ${i}" (32 mm, slow dolly left)`, '    The train glides in.', `  3.20–8.00 — "Turn ${i}"`, '    MARA (quietly): "Stay close."', ''].join('\n'),
    );
    same(['---', 'title: Long', '---', 'Style: 35 mm.', 'Grade:', '  Highlights: amber.', '', 'CAST', 'MARA: a woman.', '', ...clips].join('\n'));
  });

  it('makes the Chevrotain lexer’s tokens for odd input', () => {
    for (const text of ['', '\ufeff', '\ufeffCLIP a\n', '\r\n\r', 'a\rb\r\nc\n', '---\ntitle: x\n', '---\nunclosed', '/* note\nstill', '  \t \n\t\tCLIP x 4s\n  0–2 — "a"\n', 'MARA (quietly): "hi"\n']) same(text);
  });

  it('makes the Chevrotain lexer’s tokens for generated and mutated documents', () => {
    fc.assert(fc.property(shotDocument, (doc) => same(doc)), { numRuns: 150 });
    fc.assert(fc.property(shotDocument.chain((doc) => mutated(doc)), (doc) => same(doc)), { numRuns: 150 });
  });
});
