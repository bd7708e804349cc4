import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/fix.js';
import { parse } from '../../src/index.js';

// Spoken words in single quotes (SC108): quoted as the writer sees it, unquoted as the language reads it.
describe('dialogue in single quotes', () => {
  it.each([
    ["MARA: 'We made it.'", 'MARA: "We made it."'],
    ['MARA (quietly): ‘We made it.’', 'MARA (quietly): “We made it.”'],
  ])('%s', (line, fixed) => {
    const source = `CLIP a 4s 1280x720\n  0.00–4.00\n    ${line}\n`;
    const [d, ...rest] = parse(source).diagnostics.filter((x) => x.code === 'SC108');
    expect(rest).toEqual([]);
    expect(d!.message).toContain('single quotes');
    expect(d!.fixes![0]!.safe).toBe(true);
    const after = applyEdits(source, d!.fixes![0]!.edits);
    expect(after.split('\n')[2]!.trim()).toBe(fixed);
    const reread = parse(after);
    expect(reread.diagnostics).toEqual([]);
    expect(reread.ast.blocks[0]!.items[0]).toMatchObject({ items: [{ kind: 'Dialogue', line: { text: 'We made it.' }, quoted: true }] });
  });

  it("leaves words that only start with an apostrophe to the unquoted-words warning", () => {
    const [d] = parse("CLIP a 4s 1280x720\n  MARA: 'Tis the season.\n").diagnostics.filter((x) => x.code === 'SC108');
    expect(d!.message).not.toContain('single quotes');
  });
});
