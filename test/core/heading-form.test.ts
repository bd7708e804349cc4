import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/fix.js';
import { parse } from '../../src/index.js';

// Headings written loosely (SC116): which lines are read as headings, what the user is told, and
// what the fix writes. The line under test is the file's first; a clip follows so there is one.
function read(line: string) {
  const source = `${line}\n  Scene: a quiet street.\n`;
  const { ast, diagnostics } = parse(source);
  const d = diagnostics.find((x) => x.code === 'SC116');
  const fixed = d ? applyEdits(source, d.fixes![0]!.edits) : source;
  return { block: ast.blocks[0] ?? null, item: ast.items[0] ?? null, d, fixedLine: fixed.split('\n')[0], refixed: parse(fixed).diagnostics.filter((x) => x.code === 'SC116') };
}

describe('a heading written loosely is read as the heading', () => {
  it.each([
    ['CAST:', 'Cast', 'CAST', 'without a colon'],
    ['Cast', 'Cast', 'CAST', 'in capitals'],
    ['cast:', 'Cast', 'CAST', 'in capitals, without a colon'],
    ['CLIP: arrival 4s 1280x720', 'Clip', 'CLIP arrival 4s 1280x720', 'without a colon'],
    ['CLIP:arrival 4s', 'Clip', 'CLIP arrival 4s', 'without a colon'],
    ['Clip arrival 4s 1280x720', 'Clip', 'CLIP arrival 4s 1280x720', 'in capitals'],
    ['clip dusk REMIX arrival', 'Clip', 'CLIP dusk REMIX arrival', 'in capitals'],
    ['Clip b 8s sora-2-pro USING night', 'Clip', 'CLIP b 8s sora-2-pro USING night', 'in capitals'],
  ])('%s', (line, kind, fixedLine, how) => {
    const r = read(line);
    expect(r.block?.kind).toBe(kind);
    expect(r.d?.severity).toBe('warning');
    expect(r.d?.message).toContain(how);
    expect(r.d?.fixes?.[0]?.safe).toBe(true);
    expect(r.fixedLine).toBe(fixedLine);
    expect(r.refixed).toEqual([]);
  });

  it('keeps the name and attributes of a loose clip heading', () => {
    const clip = read('CLIP: arrival 4s 1280x720').block;
    expect(clip).toMatchObject({ kind: 'Clip', name: { text: 'arrival' }, attributes: [{ kind: 'seconds', value: 4 }, { kind: 'size', text: '1280x720' }] });
  });
});

describe('lines that only start with the word stay what they are', () => {
  it.each([
    ['Clip the wings of the paper bird.', 'Prose'],
    ['Clipboard in hand, she waits.', 'Prose'],
    ['Clip arrival sora-2-pro', 'Prose'],
    ['Look night', 'Prose'],
    ['Casting call at dawn.', 'Prose'],
    ['LOOK: 65 mm, fine grain.', 'Section'],
    ['LOOK: night', 'Section'],
    ['Look: grainy', 'Section'],
  ])('%s', (line, kind) => {
    const r = read(line);
    expect(r.block).toBeNull();
    expect(r.item?.kind).toBe(kind);
    expect(r.d).toBeUndefined();
  });
});

describe('LOOK: night, the Look section', () => {
  const source = (using: string, more = '') => `LOOK: night\n  Lighting: sodium lamps.\n${more}CLIP a 4s 1280x720${using}\n  Scene: x.\n`;

  it('is reported when a clip uses a look named night that no heading makes, and the fix makes the heading', () => {
    const text = source(' USING night');
    const [d, ...rest] = parse(text).diagnostics.filter((x) => x.code === 'SC116');
    expect(rest).toEqual([]);
    expect(text.slice(d!.span.start, d!.span.end)).toBe('LOOK:');
    const fixed = applyEdits(text, d!.fixes![0]!.edits);
    expect(fixed.split('\n')[0]).toBe('LOOK night');
    const reread = parse(fixed);
    expect(reread.diagnostics).toEqual([]);
    expect(reread.ast.blocks[0]).toMatchObject({ kind: 'Look', name: { text: 'night' } });
  });

  it('is left alone when no clip uses that look, or a LOOK heading makes it', () => {
    expect(parse(source('')).diagnostics.filter((x) => x.code === 'SC116')).toEqual([]);
    expect(parse(source(' USING night', 'LOOK night\n  Mood: calm.\n')).diagnostics.filter((x) => x.code === 'SC116')).toEqual([]);
  });
});

describe('a heading word as a cast name', () => {
  it('is not read as a character, since CLIP: in capitals is a heading', () => {
    const { ast, diagnostics } = parse('CAST\nclip: a paper bird\nMara: woman in her thirties.\n');
    expect(ast.blocks[0]).toMatchObject({ kind: 'Cast', items: [{ kind: 'Prose' }, { kind: 'CastEntry', name: { text: 'MARA' } }] });
    expect(diagnostics.map((d) => d.code)).toEqual(['SC103', 'SC113']);
  });
});

describe('names joined as one in CAST', () => {
  it('are told they name no character', () => {
    const [d] = parse('CAST\nMARA & JON: a couple in their thirties.\n').diagnostics;
    expect(d).toMatchObject({ code: 'SC103', message: expect.stringContaining('"MARA & JON" is not a character name') });
  });
});

describe('LOOK: night after the cast', () => {
  it('is told it is no heading, once, with the fix that makes it one', () => {
    const source = 'CAST\nMARA: woman in her thirties.\nLOOK: night\n  Lighting: sodium lamps.\nCLIP a 4s 1280x720 USING night\n  Scene: x.\n';
    const found = parse(source).diagnostics;
    expect(found.map((d) => d.code)).toEqual(['SC103']);
    expect(found[0]!.message).toContain('write the heading without a colon: LOOK night');
    const fixed = parse(applyEdits(source, found[0]!.fixes![0]!.edits));
    expect(fixed.diagnostics).toEqual([]);
    expect(fixed.ast.blocks.map((b) => b.kind)).toEqual(['Cast', 'Look', 'Clip']);
  });
});
