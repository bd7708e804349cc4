/**
 * fast-check arbitraries for `.shot` documents: a well-formed-ish skeleton built from the
 * language's line kinds (headings, sections with continuations and sub-keys, shots with their
 * lines, dialogue, comments, notes), with random indentation, blank lines, tabs, CRLF, Unicode.
 */
import fc from 'fast-check';

const word = fc.constantFrom('train', 'platform', 'amber', 'haze', 'window', 'glass', 'breath', 'coat', 'dusk', 'neon', '35 mm', '180°', 'café', '雨の駅', '—', 'wet', 'slow', 'MARA', 'JON', 'MARA’s', '“quoted”');
const prose = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' ').replace(/^\S/, (c) => c.toUpperCase()) + '.');
const name = fc.constantFrom('arrival', 'arrival-dusk', 'b2', 'night_walk', 'end');
const sectionKey = fc.constantFrom('Style', 'Format & Look', 'format', 'Lenses', 'Grade / Palette', 'grade/palette', 'Lighting & Atmosphere', 'Location', 'Wardrobe', 'Props', 'Sound', 'Mood', 'Camera Notes', 'Finishing', 'Scene', 'Stlye');
const subKey = fc.constantFrom('Highlights', 'Mids', 'Blacks', 'Bounce', 'Main subject');
const shotKey = fc.constantFrom('Camera', 'Action', 'Purpose', 'Sound', 'Lens');
const dash = fc.constantFrom('–', '—', '-', '--');
const time = fc.integer({ min: 0, max: 1200 }).map((n) => (n / 100).toFixed(fc.sample(fc.constantFrom(1, 2), 1)[0]));
const indent = fc.constantFrom('', '  ', '    ', '\t', ' \t');

const comment = prose.map((p) => `// ${p}`);
const note = prose.map((p) => `[[ ${p} ]]`);
const trivia = fc.oneof(comment, note);

const section = fc.tuple(sectionKey, fc.option(prose), fc.array(fc.oneof(fc.tuple(subKey, prose).map(([k, p]) => `${k}: ${p}`), prose), { maxLength: 3 }), indent).map(
  ([k, v, more, ind]) => [`${ind}${k}:${v ? ` ${v}` : ''}`, ...more.map((m) => `${ind}  ${m}`)].join('\n'),
);

const dialogue = fc.tuple(fc.constantFrom('MARA', 'JON', 'DR. OKAFOR'), fc.option(fc.constantFrom('quietly', 'whispering', 'O.S.')), prose, fc.constantFrom('"', '“')).map(
  ([n, p, line, q]) => `${n}${p ? ` (${p})` : ''}: ${q}${line}${q === '“' ? '”' : '"'}`,
);

// Prose after the times needs a title or camera before it, or to open with a quote that opens no
// title (`0.00–2.00 'Open' (24 mm)`).
const timingLine = fc.tuple(time, dash, time, fc.option(prose), fc.option(fc.constantFrom('32 mm, slow dolly left', '50 mm, arc in', 'handheld')), fc.option(prose), fc.constantFrom("'", '‘', '”')).map(
  ([a, d, b, title, cam, trailing, quote]) =>
    `${a}${d}${b}${title ? ` — "${title.replace(/"/g, '')}"` : ''}${cam ? ` (${cam})` : ''}${trailing ? (title || cam ? ` ${trailing}` : ` ${quote}${trailing}`) : ''}`,
);

const shot = fc.tuple(timingLine, fc.array(fc.oneof(prose, dialogue, fc.tuple(shotKey, prose).map(([k, p]) => `${k}: ${p}`), trivia), { maxLength: 4 })).map(
  ([t, lines]) => [`  ${t}`, ...lines.map((l) => `    ${l}`)].join('\n'),
);

const attrs = fc.array(fc.constantFrom('4s', '8s', '12s', '1280x720', '720x1280', 'sora-2-pro', 'sora-2', 'USING night', 'REMIX arrival', 'EXTEND arrival'), { maxLength: 3 });
// Lines meant as something else that read as prose (SC115), and headings written loosely (SC116).
const readsAsProse = fc.constantFrom('  Reference frames/a.png', '  Sound:rain on the roof', '  MARA (quietly) "Not yet."', '  USING night', '  REMIX arrival');
const clipWord = fc.constantFrom('CLIP', 'CLIP', 'CLIP', 'CLIP:', 'Clip', 'clip:');
const clip = fc.tuple(clipWord, name, attrs, fc.array(fc.oneof(section, shot, prose.map((p) => `  ${p}`), dialogue.map((d) => `  ${d}`), trivia, fc.constant('  Reference: frames/a.png'), fc.constant('  Change: warmer light'), readsAsProse), { maxLength: 5 })).map(
  ([w, n, a, items]) => [`${w} ${[n, ...a].join(' ')}`, ...items].join('\n'),
);
const look = fc.tuple(fc.constantFrom('LOOK ', 'LOOK ', 'LOOK: '), name, fc.array(section, { maxLength: 3 })).map(([w, n, s]) => [`${w}${n}`, ...s].join('\n'));
const cast = fc
  .tuple(fc.constantFrom('CAST', 'CAST', 'CAST:', 'Cast'), fc.array(fc.tuple(fc.constantFrom('MARA', 'JON', 'Mara'), prose).map(([n, p]) => `${n}: ${p}`), { maxLength: 3 }))
  .map(([w, e]) => [w, ...e].join('\n'));
const frontMatter = fc.constantFrom('---\ntitle: Morning\nmodel: sora-2-pro\nsize: 1280x720\n---', '---\nseconds: 8\n---', '---\ntitle: [unclosed\n---', '---\nmodle: x', '');

export const shotDocument = fc
  .tuple(frontMatter, fc.array(fc.oneof(section, trivia, prose), { maxLength: 4 }), fc.array(fc.oneof(clip, look, cast), { maxLength: 4 }), fc.array(fc.constantFrom('', '\n'), { maxLength: 3 }), fc.boolean())
  .map(([fm, top, blocks, blanks, crlf]) => {
    const text = [fm, ...top, ...blocks.flatMap((b) => [...blanks, b])].filter((x, i) => i > 0 || x !== '').join('\n') + '\n';
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

/** A document with random edits: characters inserted, deleted or replaced anywhere. */
export function mutated(base: string): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(base.length), fc.nat(6), fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\t', ':', '"', '“', '(', ')', '[', ']', '-', '—', '/', '0', '4', '.', 'C', 'L', 'X', '\r', '\uFEFF'), maxLength: 4 }));
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let s = base;
    for (const [at, del, ins] of edits) {
      const i = Math.min(at, s.length);
      s = s.slice(0, i) + ins + s.slice(i + del);
    }
    return s;
  });
}
