import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../src/core/fix.js';
import { parse } from '../../src/index.js';

// Prose outside any section that starts with a section's key: what the user is offered first.
function firstFix(line: string, where: 'top' | 'look' = 'top') {
  const source = where === 'top' ? `${line}\nCLIP a 4s 1280x720\n  Scene: x.\n` : `LOOK night\n  ${line}\nCLIP a 4s 1280x720 USING night\n  Scene: x.\n`;
  const d = parse(source).diagnostics.find((x) => x.code === 'SC102');
  if (!d) throw new Error(`no SC102 for ${line}`);
  const fix = d.fixes![0]!;
  return { message: d.message, title: fix.title, fixed: applyEdits(source, fix.edits).split('\n')[where === 'top' ? 0 : 1]!.trim(), fixes: d.fixes!.map((f) => f.title) };
}

describe('stray prose that starts with a section key', () => {
  it.each([
    ['Style 1970s drama, warm halation.', 'Style: 1970s drama, warm halation.', 'Style'],
    ['Style:noir.', 'Style: noir.', 'Style'],
    ['Grade / Palette teal and amber.', 'Grade / Palette: teal and amber.', 'Grade / Palette'],
    ['Grade teal and amber.', 'Grade: teal and amber.', 'Grade / Palette'],
    ['lighting — low sun through haze.', 'lighting: low sun through haze.', 'Lighting & Atmosphere'],
    ['Format & Look 65 mm, fine grain.', 'Format & Look: 65 mm, fine grain.', 'Format & Look'],
  ])('%s', (line, fixed, section) => {
    const r = firstFix(line);
    expect(r.fixed).toBe(fixed);
    expect(r.message).toContain(`the ${section} section`);
    expect(r.fixes[1]).toBe('Make it a Scene: section');
  });

  it('in a LOOK too', () => {
    expect(firstFix('Mood quiet relief.', 'look').fixed).toBe('Mood: quiet relief.');
  });

  it.each(['A quiet platform at dawn.', 'Style', 'Styles vary across the film.', 'Colour: teal and orange.'])('no key offered for %j', (line) => {
    expect(firstFix(line).fixes).toEqual(['Make it a Scene: section']);
  });

  it('does not flag the same words as a clip’s prose', () => {
    const { diagnostics } = parse('CLIP a 4s 1280x720\n  Lighting flickers overhead.\n');
    expect(diagnostics.filter((d) => d.code === 'SC102')).toEqual([]);
  });
});

describe('what the message says is missing', () => {
  it('a colon after the key', () => {
    expect(firstFix('Style 1970s drama.').message).toContain('put a colon after "Style"');
  });
  it('a space after the colon', () => {
    expect(firstFix('Style:noir.').message).toContain('put a space after "Style:"');
  });
});

describe('Clip and a name, outside any clip', () => {
  it.each([
    ['Clip arrival', 'CLIP arrival'],
    ['clip: arrival', 'CLIP arrival'],
  ])('%s is offered the heading %s, which puts the shot below it in a clip', (line, heading) => {
    const source = `${line}\n  0.00–4.00\n    Rain.\n`;
    const { diagnostics } = parse(source);
    const d = diagnostics.find((x) => x.code === 'SC102')!;
    expect(d.message).toContain(`write the heading in capitals: ${heading}`);
    expect(d.fixes![0]!.safe).toBe(false);
    const fixed = applyEdits(source, d.fixes![0]!.edits);
    expect(fixed.split('\n')[0]).toBe(heading);
    expect(parse(fixed).diagnostics).toEqual([]);
  });
});
