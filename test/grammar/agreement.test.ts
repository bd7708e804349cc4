/**
 * The grammar colours a file the way the compiler reads it: for every non-blank line, the first
 * token's scope names the same thing the parser made of the line (a heading, a timing line, a
 * section key, a sub-key, a character in CAST, a speaker, a comment, a note, front matter, or
 * text), and, for lines that do not continue the line above, the same kind `classifyLine` gives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IGrammar } from 'vscode-textmate';
import { ALL_KEY_SPELLINGS } from '../../src/core/syntax/keys.js';
import { ROOT } from '../helpers/cli.js';
import { coarse, grammarRoles, parserReading } from './roles.js';
import { loadShotGrammar, splitLines, tokenize } from './textmate.js';

let grammar: IGrammar;
beforeAll(async () => {
  grammar = (await loadShotGrammar()).grammar;
});

/** Lines where grammar and parser disagree, described for a failure message. */
function disagreements(text: string): string[] {
  const lines = splitLines(text);
  const colours = grammarRoles(tokenize(grammar, text));
  const { roles, kinds, contextual } = parserReading(text);
  const out: string[] = [];
  lines.forEach((line, l) => {
    const g = colours[l];
    if (roles[l] !== undefined && g !== roles[l]) out.push(`line ${l + 1} ${JSON.stringify(line)}: grammar ${g}, parser ${roles[l]}`);
    if (g !== undefined && kinds[l] !== undefined && !contextual.has(l) && coarse(g) !== kinds[l]) {
      out.push(`line ${l + 1} ${JSON.stringify(line)}: grammar ${g}, classifyLine ${kinds[l]}`);
    }
  });
  return out;
}

function examples(dir = path.join(ROOT, 'examples')): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.shot'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

describe('grammar and parser agree', () => {
  const files = examples();

  it('finds the examples', () => {
    expect(files.map((f) => path.relative(ROOT, f))).toContain(path.join('examples', 'platform.shot'));
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f] as const))('on every line of %s', (_name, file) => {
    expect(disagreements(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('on a document with every kind of line in every context', () => {
    const text = [
      '---',
      'title: Every line',
      '',
      'seconds: 8',
      '---',
      'Style: warm [[ inline ]] light',
      'GRADE/PALETTE:',
      '  Highlights: amber',
      '    still amber',
      '  // a comment between sub-keys',
      '  Palette anchors: teal',
      'Stlye: a misspelt key',
      '  Highlights: its continuation',
      '[[ a note',
      'over two lines ]]',
      'MARA: "dialogue outside a clip"',
      'LOOK night',
      '  Lighting: sodium',
      '  Reference: in a look',
      '  0.00–4.00 a shot in a look',
      'CAST',
      'MARA: woman in her thirties,',
      '  navy coat',
      'Mara: lower-case name',
      'Sound: a key in CAST',
      'CLIP a 8s USING night',
      '  Reference: frames/a.png',
      '  Change: one change',
      '  Camera Notes: keep the eyeline low',
      '  0.00–4.00 — "One" (32 mm)',
      '    The train glides in.',
      '    Camera: slow push',
      '      continuing the camera',
      '    MARA (quietly): "We made',
      '      it."',
      '    // a comment in a shot',
      '  Camera: a shot-only key at the timing line\'s level',
      '  DR. OKAFOR: "dialogue at the timing line\'s level"',
      '  4.00-8.00 (pan)',
      '  Action: still the shot',
      '  Style: back to the clip',
      '  [[ x ]] prose that starts with a note',
      '  2-4 people wait',
      '    CLIP b REMIX a',
      '  Change: warmer',
    ].join('\n');
    expect(disagreements(text)).toEqual([]);
  });

  it('on generated documents', () => {
    fc.assert(
      fc.property(shotDocument(), (text) => {
        expect(disagreements(text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

// ── a generator of .shot documents: every kind of line, in random order and indentation ──────

function shotDocument(): fc.Arbitrary<string> {
  const indent = fc.constantFrom('', '  ', '    ');
  const key = fc
    .constantFrom(...ALL_KEY_SPELLINGS)
    .chain((k) => fc.constantFrom(k, k.toLowerCase(), k.toUpperCase(), k.replace(/ ?& ?/, ' and '), k.replace(/ ?([&/]) ?/g, '$1')));
  const value = fc.constantFrom('', ' warm light', ' amber lift [[ check ]]', ' "quoted" words');
  const keyLine = fc.tuple(indent, key, value).map(([i, k, v]) => `${i}${k}:${v}`);
  const subKeyLine = fc
    .tuple(indent, fc.constantFrom('Highlights', 'Mids', 'Palette anchors', 'Negative fill', 'Poster frame'), value)
    .map(([i, k, v]) => `${i}${k}:${v}`);
  const nameLine = fc
    .tuple(
      indent,
      fc.constantFrom('MARA', 'DR. OKAFOR', 'JO-ANN', 'MARA 2'),
      fc.constantFrom('', ' (quietly)', ' (V.O.)'),
      fc.constantFrom('', ' "We made it."', ' “Curly quotes.”', ' "Opens', ' closes."', ' woman in her thirties'),
    )
    .map(([i, n, p, s]) => `${i}${n}${p}:${s}`);
  const time = fc.constantFrom('0', '0.00', '2.40', '4s', '1:02.5', '12');
  const timingLine = fc
    .tuple(
      indent,
      time,
      fc.constantFrom('–', '—', '-', '--', ' – ', ' - '),
      time,
      fc.constantFrom(
        '',
        ' — "Arrival Drift"',
        '—"Direct"',
        '- (direct)',
        ' "Title" (32 mm, dolly)',
        ' “Curly” (pan)',
        ' "Unclosed” title',
        ' (50 mm (anamorphic))',
        ' — untitled beat (pan)',
        ' -- "T" (c) — trailing [[ n ]]',
        ' people wait',
        '-ish',
      ),
    )
    .map(([i, a, d, b, r]) => `${i}${a}${d}${b}${r}`);
  const prose = fc
    .tuple(
      indent,
      fc.constantFrom(
        'The train glides in.',
        'MARA waits by the door',
        '[[ a note ]] then prose',
        'prose with [[ an inline note ]]',
        '2-4 people wait',
        '--- not a fence',
        'CASTING call',
        'see https://example.com/a',
      ),
    )
    .map(([i, p]) => i + p);
  const heading = fc.tuple(
    fc.constantFrom('', '  '),
    fc.constantFrom(
      'CAST',
      'LOOK night',
      'LOOK',
      'CLIP arrival 8s',
      'CLIP b REMIX arrival',
      'CLIP 4s',
      'CLIP c EXTEND video_1 sora-2 USING night',
      // Written loosely: read as headings (SC116), or not, by the same rules in both.
      'CAST:',
      'Cast',
      'cast:',
      'LOOK: night',
      'LOOK:night',
      'LOOK: 65 mm, fine grain',
      'Look night',
      'CLIP: d 4s',
      'CLIP:e',
      'Clip f 4s 1280x720',
      'clip g sora-2 remix f',
      'Clip the wings',
      'Clip h using',
      'Clipboard 4s',
    ),
  ).map(([i, h]) => i + h);
  const trivia = fc.tuple(indent, fc.constantFrom('// a comment', '[[ a note ]]')).map(([i, t]) => i + t);
  const blank = fc.constantFrom('', '  ');
  const line = fc.oneof(
    { arbitrary: keyLine, weight: 4 },
    { arbitrary: subKeyLine, weight: 2 },
    { arbitrary: nameLine, weight: 3 },
    { arbitrary: timingLine, weight: 3 },
    { arbitrary: prose, weight: 3 },
    { arbitrary: heading, weight: 2 },
    { arbitrary: trivia, weight: 1 },
    { arbitrary: blank, weight: 1 },
  );
  const frontMatter = fc.constantFrom('', '---\ntitle: x\nmodel: sora-2\n---\n', '---\n---\n', '\n  \n---\ntitle: x\n---\n', '---\ntitle: x\n...\n---\n');
  return fc.tuple(frontMatter, fc.array(line, { maxLength: 40 })).map(([fm, lines]) => fm + lines.join('\n'));
}
