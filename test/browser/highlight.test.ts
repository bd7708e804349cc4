/**
 * The playground's highlighting agrees with the parser: for every line, the kind the editor's
 * tokenizer sees is the kind the compiler's line classifier gives when it scans the whole file —
 * on the examples, on tricky hand-written documents and on generated ones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLine } from '../../src/core/syntax/index.js';
import { highlightLine, startState, type SeenKind } from '../../playground/src/highlight.js';
import { ROOT } from '../helpers/cli.js';

/** Line kinds as the parser sees them: one classifier scan over the whole text. */
function parserKinds(text: string): SeenKind[] {
  const kinds: SeenKind[] = [];
  let offset = 0;
  while (offset < text.length) {
    const info = classifyLine(text, offset);
    if (info.kind === 'bom') {
      offset = info.end;
      continue;
    }
    // A multi-line construct covers every line up to `info.end`.
    const body = info.kind === 'frontmatter' ? 'frontmatter-body' : 'note-body';
    let first = true;
    for (let at = offset; at < info.end; ) {
      kinds.push(first ? info.kind : body);
      first = false;
      const nl = text.indexOf('\n', at);
      at = nl === -1 || nl >= info.end ? info.end : nl + 1;
    }
    offset = info.end;
  }
  if (text.endsWith('\n') || text === '') kinds.push('blank');
  return kinds;
}

/** Line kinds as the editor sees them: one line at a time, with look-ahead, as CodeMirror feeds it. */
function editorKinds(text: string): SeenKind[] {
  const lines = text.split('\n');
  const state = startState();
  return lines.map((line, i) => highlightLine(line, state, (n) => lines[i + n] ?? null).kind);
}

/** Segments tile each line: in order, without overlap, ending at the line's end. */
function segmentsCover(text: string): boolean {
  const lines = text.split('\n');
  const state = startState();
  return lines.every((line, i) => {
    const segs = highlightLine(line, state, (n) => lines[i + n] ?? null).segments;
    let pos = 0;
    for (const s of segs) {
      if (s.end < pos || (s.end === pos && line.length > 0)) return false;
      pos = s.end;
    }
    return pos === line.length;
  });
}

const examples = readdirSync(path.join(ROOT, 'examples'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.shot'))
  .map((f) => [f, readFileSync(path.join(ROOT, 'examples', f), 'utf8')] as const);

describe('playground highlighting follows the line classifier', () => {
  it.each(examples)('agrees with the parser on every line of examples/%s', (_, text) => {
    expect(editorKinds(text)).toEqual(parserKinds(text));
  });

  it.each([
    ['closed front matter with a blank line in it', '---\ntitle: A\n\nmodel: sora-2\n---\nStyle: noir.\n'],
    ['unclosed front matter stops at the first blank line', '---\ntitle: A\nmodel: sora-2\n\nStyle: noir.\nCLIP a 4s\n'],
    ['a `---` line after content is prose', 'Style: noir.\n---\n'],
    ['front matter after leading blank lines', '\n  \n---\ntitle: A\n---\nStyle: a.\n'],
    ['a multi-line note', 'CLIP a 4s\n  [[ first line\n  second line ]]\n  Scene: x.\n'],
    ['an unclosed note covers only its first line', 'CLIP a 4s\n  [[ open\n  Scene: x.\n\nCAST\n'],
    ['a note broken by a blank line', '[[ open\n\nStyle: a ]]\n'],
    ['a byte-order mark before front matter', '\ufeff---\ntitle: A\n---\nStyle: a.\n'],
    ['shots, dialogue, keys and misspelt keys', 'CLIP a 8s USING night\n  0.00–4.00 — "One" (35 mm)\n    MARA (quietly): "Hi."\n    Camra: slow push\n  4–8 "Two"\n    Action: she turns.\n'],
  ])('agrees on %s', (_, text) => {
    expect(editorKinds(text)).toEqual(parserKinds(text));
    expect(segmentsCover(text)).toBe(true);
  });

  it('agrees on generated documents built from .shot line shapes', () => {
    const line = fc.constantFrom(
      '---',
      '...',
      'title: A',
      '',
      '  ',
      'Style: noir.',
      'Grade / Palette:',
      '  Highlights: amber.',
      'CAST',
      'MARA: a woman.',
      'LOOK night',
      'CLIP a 4s',
      'CLIP b REMIX a',
      '  0.00–2.00 — "Title" (35 mm)',
      '    She turns. [[ note ]]',
      '    MARA: "Hello."',
      '[[ a note ]]',
      '[[ opens',
      'closes ]]',
      'text ]] more',
      '// comment',
      'Camra: typo',
      'plain prose line',
      '\t mixed indent',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 24 }), (lines) => {
        const text = lines.join('\n');
        expect(editorKinds(text)).toEqual(parserKinds(text));
        expect(segmentsCover(text)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
