import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, compatibleFixes } from '../../src/core/fix.js';
import { compile, memoryHost, type Diagnostic } from '../../src/index.js';
import { ROOT } from '../helpers/cli.js';
import { mutated, shotDocument } from './generators.js';

const examples = readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.shot'))
  .map((f) => readFileSync(path.join(ROOT, 'examples', f), 'utf8'));

async function diagnosticsOf(text: string): Promise<Diagnostic[]> {
  return (await compile(text, { filename: 'scene.shot', host: memoryHost({}) })).diagnostics;
}

/** What `shotc lint --fix` does: apply the first safe fix of each diagnostic, pass after pass. */
function safeFixes(diagnostics: readonly Diagnostic[]) {
  return compatibleFixes(diagnostics.filter((d) => d.file === undefined).flatMap((d) => (d.fixes ?? []).filter((f) => f.safe).slice(0, 1)));
}

const syntaxErrors = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'error' && /^SC1/.test(d.code)).length;

describe('safe fixes', () => {
  it('converge, never add a syntax error, and leave no safe fix behind', async () => {
    const anyDocument = fc.oneof(shotDocument, fc.constantFrom(...examples).chain(mutated));
    let fixedSome = 0;
    await fc.assert(
      fc.asyncProperty(anyDocument, async (original) => {
        let text = original;
        let diagnostics = await diagnosticsOf(text);
        const before = syntaxErrors(diagnostics);
        let passes = 0;
        for (let fixes = safeFixes(diagnostics); fixes.length; fixes = safeFixes(diagnostics)) {
          // Each pass changes the text (a fix that edits nothing would loop for ever).
          const next = applyEdits(text, fixes.flatMap((f) => f.edits));
          expect(next, fixes.map((f) => f.title).join('; ')).not.toBe(text);
          text = next;
          if (passes === 0) fixedSome++;
          diagnostics = await diagnosticsOf(text);
          expect(++passes, `still fixing after 10 passes: ${safeFixes(diagnostics).map((f) => f.title).join('; ')}`).toBeLessThanOrEqual(10);
        }
        expect(syntaxErrors(diagnostics)).toBeLessThanOrEqual(before);
      }),
      // Found by this property: "Close the quote" at the end of a line that ends in an unclosed
      // [[ note put the quote inside the note, every pass, and the note's fix never got a turn.
      // And: a Reference line in a shot outside any clip was offered its colon, and a misspelt key
      // at the top was offered Reference:, each making a misplaced Reference: line, an error.
      { numRuns: 150, examples: [['CLIP a 4s 1280x720\n  0.00–4.00\n    DR. OKAFOR: "[[Only on the nights that matter."\n'], ['Clip arrival\n  0.00–0.00\n  Reference frames/a.png\n'], ['C/ Reference: the first frame.\nCLIP a 4s 1280x720\n  Scene: x.\n']] },
    );
    // The documents are made to need fixes often enough for this to say something.
    expect(fixedSome).toBeGreaterThan(15);
  });
});
