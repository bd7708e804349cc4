import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format, parse } from '../../src/index.js';
import { withoutSpans } from '../helpers/ast.js';
import { ROOT } from '../helpers/cli.js';
import { mutated, shotDocument } from './generators.js';

const examples = readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.shot'))
  .map((f) => readFileSync(path.join(ROOT, 'examples', f), 'utf8'));

/**
 * The meaning of a document: its AST without positions, with a known key's spelling reduced to
 * the key it names (the formatter writes canonical spellings) and note text with whitespace
 * collapsed (notes are re-indented).
 */
function meaning(text: string): unknown {
  const ast = parse(text).ast;
  const m = withoutSpans(ast) as { trivia: { text: { text: string } }[] };
  for (const t of m.trivia) t.text.text = t.text.text.replace(/\s+/g, ' ').trim();
  // The formatter writes one kind of line ending throughout.
  const fm = (m as unknown as { frontMatter: { yaml: { text: string } } | null }).frontMatter;
  if (fm) fm.yaml.text = fm.yaml.text.split(/\r\n|\n|\r/).map((l) => l.trimEnd()).join('\n').trimEnd();
  const canonicalKeys = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(canonicalKeys);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if ((o['kind'] === 'Section' && o['section']) || (o['kind'] === 'ShotKey' && o['shotKey'])) delete o['key'];
    // CLIP attributes may be written in any order.
    if (o['kind'] === 'Clip') (o['attributes'] as { kind: string }[]).sort((a, b) => a.kind.localeCompare(b.kind));
    Object.values(o).forEach(canonicalKeys);
  };
  canonicalKeys(m);
  return m;
}

const anyDocument = fc.oneof(shotDocument, fc.constantFrom(...examples).chain(mutated), fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 120 }));

describe('parser and formatter properties', () => {
  it('parse never throws, whatever the input, and every diagnostic lies inside the text', () => {
    fc.assert(
      fc.property(anyDocument, (text) => {
        const r = parse(text);
        for (const d of r.diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
          expect(d.span.start).toBeLessThanOrEqual(d.span.end);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('formatting is idempotent', () => {
    fc.assert(
      fc.property(anyDocument, (text) => {
        const once = format(text);
        expect(format(once)).toBe(once);
      }),
      // Found by this property: a comment indented under the last CAST entry lost its indentation,
      // so the next format moved it to the following clip.
      { numRuns: 500, examples: [['\t\uFEFF---\ntitle: x\n---\nCLIP a 4s\n'], ['CAST\nMARA: woman.\n // c\nCLIP a 4s\n']] },
    );
  });

  it('formatting keeps the meaning: parse(format(x)) equals parse(x) ignoring positions', () => {
    fc.assert(
      fc.property(anyDocument, (text) => {
        expect(meaning(format(text))).toEqual(meaning(text));
      }),
      // Found by this property: indentation dropped before a U+FEFF made it a BOM, and "---" front
      // matter; blanks inside a CAST name were collapsed, renaming the character.
      { numRuns: 500, examples: [['\t\uFEFF---\ntitle: x\n---\nCLIP a 4s\n'], ['CAST\nDR  OKAFOR: a surgeon.\n']] },
    );
  });
});
