import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/fix.js';
import { parse } from '../../src/index.js';

// Lines in a clip meant as key lines that read as prose (SC115): what is reported, where, and
// what the fix makes of the line.
function check(line: string) {
  const source = `CLIP a 4s 1280x720\n  Scene: a quiet street.\n  0.00–4.00\n    ${line}\n`;
  const found = parse(source).diagnostics.filter((d) => d.code === 'SC115');
  return {
    found,
    fixed: found.length ? applyEdits(source, found[0]!.fixes![0]!.edits).split('\n')[3]!.trim() : null,
    reread: found.length ? parse(applyEdits(source, found[0]!.fixes![0]!.edits)).diagnostics.filter((d) => d.code === 'SC115') : [],
  };
}

describe('a key line that reads as prose', () => {
  it.each([
    ['Reference frames/first.png', 'Reference: frames/first.png'],
    ['reference - b.webp', 'reference: b.webp'],
    ['Reference = shots/a.JPG', 'Reference: shots/a.JPG'],
    ['Camera:dolly in', 'Camera: dolly in'],
    ['Sound:rain on the roof.', 'Sound: rain on the roof.'],
    ['Grade / Palette:teal', 'Grade / Palette: teal'],
  ])('%s', (line, fixed) => {
    const r = check(line);
    expect(r.found).toHaveLength(1);
    expect(r.found[0]!.severity).toBe('warning');
    expect(r.found[0]!.fixes![0]!.safe).toBe(true);
    expect(r.fixed).toBe(fixed);
    expect(r.reread).toEqual([]);
  });

  it.each([
    'Reference shots pinned above the desk.',
    'Reference frames/first.png looks wrong.',
    'At 12:30 the clock stops.',
    'The ratio is 2:1.',
    'Note:this is not a key.',
    'Sound: rain on the roof.',
  ])('leaves %j alone', (line) => {
    expect(check(line).found).toEqual([]);
  });

  it('points at the key and its colon, or at the whole Reference line', () => {
    const source = 'CLIP a 4s 1280x720\n  Sound:rain\n  Reference a.png\n';
    const [sound, ref] = parse(source).diagnostics.filter((d) => d.code === 'SC115');
    expect(source.slice(sound!.span.start, sound!.span.end)).toBe('Sound:');
    expect(source.slice(ref!.span.start, ref!.span.end)).toBe('Reference a.png');
  });

  it('says nothing where a note was taken out of the line (its fix would land in the wrong place)', () => {
    expect(check('Sound:[[todo]]rain').found).toEqual([]);
  });
});
