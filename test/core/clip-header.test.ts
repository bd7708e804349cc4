import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/fix.js';
import { parse } from '../../src/index.js';

// What a user reads and applies for a repeated clip attribute: the message, the place of the
// first one, and a fix that leaves the header with the first.
describe('a repeated clip attribute', () => {
  it.each([
    ['CLIP a 8s 1280x720 4s', 'length', 'CLIP a 8s 1280x720'],
    ['CLIP a 720x1280 8s 1280x720', 'size', 'CLIP a 720x1280 8s'],
    ['CLIP a sora-2 4s sora-2-pro', 'model', 'CLIP a sora-2 4s'],
    ['CLIP a REMIX b EXTEND c', 'source (REMIX, EXTEND or EDIT)', 'CLIP a REMIX b'],
  ])('%s', (header, noun, fixed) => {
    const source = `${header}\n  Scene: a quiet street.\n`;
    const [d, ...rest] = parse(source).diagnostics.filter((x) => x.code === 'SC105');
    expect(rest).toEqual([]);
    expect(d!.message).toBe(`This clip already has a ${noun}; remove one of them.`);
    expect(d!.related?.[0]?.message).toBe(`the ${noun} given first`);
    const fix = d!.fixes?.[0];
    expect(fix?.title).toBe(`Remove the repeated ${noun}`);
    expect(applyEdits(source, fix!.edits).split('\n')[0]).toBe(fixed);
  });
});
