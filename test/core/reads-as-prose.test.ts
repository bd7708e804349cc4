import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/fix.js';
import { parse } from '../../src/index.js';

// Lines in a clip meant as key or dialogue lines that read as prose (SC115): what is reported, where, and
// what the fix makes of the line.
function check(line: string) {
  const source = `CLIP a 4s 1280x720\n  Scene: a quiet street.\n  0.00–4.00\n    ${line}\n`;
  const found = parse(source).diagnostics.filter((d) => d.code === 'SC115');
  const fix = found[0]?.fixes?.[0];
  const after = fix ? applyEdits(source, fix.edits) : null;
  return {
    found,
    fixed: after ? after.split('\n')[3]!.trim() : null,
    reread: after ? parse(after).diagnostics.filter((d) => d.code === 'SC115') : [],
  };
}

describe('a key or dialogue line that reads as prose', () => {
  it.each([
    ['Reference frames/first.png', 'Reference: frames/first.png'],
    ['reference - b.webp', 'reference: b.webp'],
    ['Reference = shots/a.JPG', 'Reference: shots/a.JPG'],
    ['Camera:dolly in', 'Camera: dolly in'],
    ['Sound:rain on the roof.', 'Sound: rain on the roof.'],
    ['Grade / Palette:teal', 'Grade / Palette: teal'],
    ['MARA "Over here."', 'MARA: "Over here."'],
    ['MARA (whispering) "Over here."', 'MARA (whispering): "Over here."'],
    ['DR. OKAFOR “Hold still.”', 'DR. OKAFOR: “Hold still.”'],
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
    'TV "static" fills the room.',
    'A "closed" sign swings.',
    'MARA: "Over here."',
  ])('leaves %j alone', (line) => {
    expect(check(line).found).toEqual([]);
  });

  it('points at the key and its colon, the whole Reference line, or the speaker', () => {
    const source = 'CLIP a 4s 1280x720\n  Sound:rain\n  Reference a.png\n  MARA (quietly) "Go."\n';
    const [sound, ref, said] = parse(source).diagnostics.filter((d) => d.code === 'SC115');
    expect(source.slice(sound!.span.start, sound!.span.end)).toBe('Sound:');
    expect(source.slice(ref!.span.start, ref!.span.end)).toBe('Reference a.png');
    expect(source.slice(said!.span.start, said!.span.end)).toBe('MARA (quietly)');
  });

  it('makes the fixed line dialogue', () => {
    const r = check('MARA (quietly) "We made it."');
    const fixed = parse(`CLIP a 4s 1280x720\n  0.00–4.00\n    ${r.fixed}\n`).ast.blocks[0]!;
    const shot = fixed.items[0] as { items: { kind: string; line?: { text: string } }[] };
    expect(shot.items[0]).toMatchObject({ kind: 'Dialogue', line: { text: 'We made it.' } });
  });

  it('moves USING, REMIX, EXTEND or EDIT on a line of its own to the CLIP line', () => {
    for (const [line, header] of [
      ['USING night', 'CLIP b 4s 1280x720 USING night'],
      ['REMIX a', 'CLIP b 4s 1280x720 REMIX a'],
    ]) {
      const source = `LOOK night\n  Scene: dark.\nCLIP a 4s 1280x720\n  Scene: x.\nCLIP b 4s 1280x720\n  Scene: y.\n  ${line}\n  0.00–4.00\n    Rain.\n`;
      const [d, ...rest] = parse(source).diagnostics.filter((x) => x.code === 'SC115');
      expect(rest).toEqual([]);
      expect(d!.fixes![0]!.safe).toBe(true);
      const fixed = applyEdits(source, d!.fixes![0]!.edits);
      expect(fixed.split('\n')[4]).toBe(header);
      expect(fixed).not.toContain(`  ${line}\n`);
      expect(parse(fixed).diagnostics.filter((x) => x.code === 'SC115')).toEqual([]);
    }
  });

  it('offers no move when the CLIP line already has a look or a source, which would make it an error', () => {
    const source = 'CLIP b 4s 1280x720 EXTEND a\n  REMIX a\n';
    const [d] = parse(source).diagnostics.filter((x) => x.code === 'SC115');
    expect(d!.message).toContain('already has a source');
    expect(d!.fixes ?? []).toEqual([]);
  });

  it('leaves USING in prose of more words, or outside a clip, to other rules', () => {
    expect(check('USING night vision, she scans the yard.').found).toEqual([]);
    expect(parse('USING night\nCLIP a 4s 1280x720\n  Scene: x.\n').diagnostics.map((d) => d.code)).toEqual(['SC102']);
  });

  it('names joined as one speaker: reported, with no fix', () => {
    for (const line of ['MARA & JON: "Hi!"', 'MARA/JON (together): “Hi!”']) {
      const [d, ...rest] = check(line).found;
      expect(rest).toEqual([]);
      expect(d!.message).toContain('a dialogue line has one speaker');
      expect(d!.fixes ?? []).toEqual([]);
    }
    expect(check('MARA & JON wave: "Hi!" is all they say.').found).toEqual([]);
  });

  it('says nothing where a note was taken out of the line (its fix would land in the wrong place)', () => {
    expect(check('Sound:[[todo]]rain').found).toEqual([]);
  });
});

describe('times joined by "to"', () => {
  it('are a timing line once joined by a dash, as the suggestion does', () => {
    const source = 'CLIP a 8s 1280x720\n  0.00–4.00\n    Rain.\n  4.00 to 8.00 — "Turn"\n    She turns.\n';
    const [d, ...rest] = parse(source).diagnostics.filter((x) => x.code === 'SC114');
    expect(rest).toEqual([]);
    expect(source.slice(d!.span.start, d!.span.end)).toBe('4.00 to 8.00 — "Turn"');
    expect(d!.fixes![0]).toMatchObject({ title: 'Write 4.00–8.00', safe: false });
    const fixed = parse(applyEdits(source, d!.fixes![0]!.edits));
    expect(fixed.diagnostics).toEqual([]);
    expect(fixed.ast.blocks[0]!.items.map((i) => i.kind)).toEqual(['Shot', 'Shot']);
  });

  it('leave "4 to 5 people wait" alone', () => {
    expect(parse('CLIP a 8s 1280x720\n  4 to 5 people wait.\n').diagnostics).toEqual([]);
  });
});
