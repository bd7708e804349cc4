import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDiagnostics, type Diagnostic } from '../../src/core/diagnostics/index.js';
import { lintFast } from '../../src/core/lint/engine.js';
import { IncrementalLinter } from '../../src/lsp/incremental.js';
import { DocumentState } from '../../src/lsp/state.js';
import { ROOT } from '../helpers/cli.js';
import { SAMPLE } from './fixtures.js';

/** What the CLI's fast rules report for the text: a full run, plus the target's own per clip. */
function full(text: string): Diagnostic[] {
  const state = new DocumentState({ uri: 'untitled:x.shot', path: null, version: 1, text, config: null });
  const file = state.resolved;
  return [...lintFast(file), ...file.clips.flatMap((c) => file.target.emit(c, state.prompt(c).text, file).diagnostics)].sort(compareDiagnostics);
}

function incremental(linter: IncrementalLinter, text: string, version: number): Diagnostic[] {
  const state = new DocumentState({ uri: 'untitled:x.shot', path: null, version, text, config: null, linter });
  const file = state.resolved;
  const result = linter.run({ resolved: file, clipExtras: (c) => file.target.emit(c, state.prompt(c).text, file).diagnostics, configGeneration: 0 }).sort(compareDiagnostics);
  // What the server does between messages after a full run: fill the per-clip cache.
  while (linter.warm(Number.POSITIVE_INFINITY));
  return result;
}

const EXAMPLES = readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.shot'))
  .map((f) => readFileSync(path.join(ROOT, 'examples', f), 'utf8'));

/** Edits that make and break the things rules look at: lengths, timings, names, sources, prose. */
const PIECES = [
  'CLIP ', 'REMIX ', 'EXTEND ', 'USING ', 'night', 'arrival', 'MARA', ' in a red dress', '8s', '10s', '1792x1024', 'sora-2-pro', '0.00–2.40 — "',
  '\n  4.00–9.00 — "x"\n    runs, jumps and drives.\n', '\n', '  ', 'Style: ', 'Camera: dolly in, then pan left', 'a 20-second video in 4K', '"', '[[', ']]',
  '// shotc-disable-next-line craft/vague\n', 'beautiful cinematic', 'Mickey Mouse', 'x',
];

describe('incremental fast rules', () => {
  it('equal a full run on every example, then reuse every clip when nothing changed', () => {
    for (const text of [SAMPLE, ...EXAMPLES]) {
      const linter = new IncrementalLinter();
      expect(incremental(linter, text, 1)).toEqual(full(text));
      expect(incremental(linter, text, 2)).toEqual(full(text));
      expect(linter.lastLinted).toBe(0);
    }
  });

  it('lints a cold file in one full run, then re-lints only the edited clip and moves the others', () => {
    const clips = Array.from({ length: 30 }, (_, i) => `CLIP c${i} 8s\n  0.00–4.00 — "A ${i}"\n    The train glides in.\n  4.00–9.00 — "B"\n    MARA waits.\n`).join('\n');
    const text = `---\nsize: 1280x720\n---\nStyle: film.\n\nCAST\nMARA: woman.\n\n${clips}`;
    const linter = new IncrementalLinter();
    incremental(linter, text, 1);
    expect(linter.lastLinted).toBe(30);
    const at = text.indexOf('The train', text.indexOf('CLIP c3 '));
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const after = incremental(linter, edited, 2);
    expect(linter.lastLinted).toBe(1);
    expect(after).toEqual(full(edited));
    // The clips below moved by one character, and so did their diagnostics.
    expect(after.some((d) => d.code === 'SC501' || d.code === 'SC401' || d.code === 'SC503')).toBe(true);
  });

  it("equal a full run after any sequence of edits", { timeout: 180_000 }, () => {
    const docs = [SAMPLE, ...EXAMPLES];
    fc.assert(
      fc.property(
        fc.nat({ max: docs.length - 1 }),
        fc.array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 30 }), insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((p) => p.join('')) }), { minLength: 1, maxLength: 6 }),
        (doc, edits) => {
          let text = docs[doc]!;
          const linter = new IncrementalLinter();
          incremental(linter, text, 1);
          edits.forEach((e, i) => {
            const at = e.at % (text.length + 1);
            text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.cut));
            expect(incremental(linter, text, i + 2)).toEqual(full(text));
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
