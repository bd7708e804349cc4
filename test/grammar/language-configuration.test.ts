/**
 * grammar/language-configuration.json, read the way VS Code reads it: every regex is a string or
 * `{ pattern, flags }` compiled with `new RegExp`. Where the configuration and the grammar must
 * agree (what a toggled comment looks like), the grammar is asked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IGrammar } from 'vscode-textmate';
import { format } from '../../src/index.js';
import { ROOT } from '../helpers/cli.js';
import { loadShotGrammar, scopesOf, tokenize } from './textmate.js';

type RegexSpec = string | { pattern: string; flags?: string };
interface LanguageConfiguration {
  comments: { lineComment: string; blockComment: [string, string] };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  wordPattern: RegexSpec;
  indentationRules: { increaseIndentPattern: RegexSpec; decreaseIndentPattern: RegexSpec };
  folding: { offSide: boolean; markers: { start: RegexSpec; end: RegexSpec } };
}

const config = JSON.parse(readFileSync(path.join(ROOT, 'grammar', 'language-configuration.json'), 'utf8')) as LanguageConfiguration;

/** As VS Code's languageConfigurationExtensionPoint does. */
function regex(spec: RegexSpec): RegExp {
  return typeof spec === 'string' ? new RegExp(spec, '') : new RegExp(spec.pattern, spec.flags);
}

/** VS Code adds the g flag to a word pattern and scans the line with it. */
function words(line: string): string[] {
  const re = regex(config.wordPattern);
  return [...line.matchAll(new RegExp(re.source, re.flags + 'g'))].map((m) => m[0]);
}

let grammar: IGrammar;
beforeAll(async () => {
  grammar = (await loadShotGrammar()).grammar;
});

describe('the language configuration', () => {
  it('toggles line comments with // and block comments with [[ ]], which the grammar reads as a comment and a note', () => {
    expect(config.comments).toEqual({ lineComment: '//', blockComment: ['[[', ']]'] });
    const line = 'Style: warm light';
    const commented = `${config.comments.lineComment} ${line}`;
    expect(scopesOf(tokenize(grammar, commented), commented, ` ${line}`)).toContain('comment.line.double-slash.shot');
    const [open, close] = config.comments.blockComment;
    const noted = `${open} ${line} ${close}`;
    expect(scopesOf(tokenize(grammar, noted), noted, ` ${line} `)).toContain('comment.block.note.shot');
  });

  it('pairs brackets and closes quotes, curly quotes, parentheses and [[ automatically', () => {
    expect(config.brackets).toEqual([['(', ')']]);
    expect(config.autoClosingPairs.map((p) => [p.open, p.close])).toEqual([
      ['"', '"'],
      ['“', '”'],
      ['(', ')'],
      ['[[', ']]'],
    ]);
    // notIn names VS Code's standard token types, which come from the scopes' first segment.
    for (const p of config.autoClosingPairs) for (const t of p.notIn ?? []) expect(['string', 'comment', 'regex']).toContain(t);
    expect(config.surroundingPairs).toEqual([
      ['"', '"'],
      ['“', '”'],
      ['(', ')'],
      ['[', ']'],
    ]);
  });

  it('keeps clip names, video ids, models, sizes and times as one word each', () => {
    expect(words('CLIP arrival-dusk REMIX video_abc123 sora-2-pro 1280x720 12s')).toEqual([
      'CLIP',
      'arrival-dusk',
      'REMIX',
      'video_abc123',
      'sora-2-pro',
      '1280x720',
      '12s',
    ]);
    expect(words('  0.00–2.40 — "Arrival Drift" (32 mm)')).toEqual(['0.00', '2.40', 'Arrival', 'Drift', '32', 'mm']);
    expect(words('MARA’s coat, DR. OKAFOR: "Café?"')).toEqual(['MARA', 's', 'coat', 'DR', 'OKAFOR', 'Café']);
  });

  it('indents after a CLIP or LOOK heading, a timing line and a key or name that has no text yet', () => {
    const increase = regex(config.indentationRules.increaseIndentPattern);
    for (const line of ['CLIP arrival 4s', 'CLIP', 'LOOK night', '  0.00–2.40 — "Arrival Drift" (32 mm, dolly)', '  2.40-4', '  1:00 -- 1:04.5s (pan)', 'Grade / Palette:', '    MARA (quietly):']) {
      expect(increase.test(line), line).toBe(true);
    }
    for (const line of ['CAST', 'MARA: woman in her thirties', 'Style: warm', '    The train glides in.', '  2-4 people wait', '// CLIP x', 'CLIPPED']) {
      expect(increase.test(line), line).toBe(false);
    }
  });

  it('outdents a line that becomes a heading', () => {
    const decrease = regex(config.indentationRules.decreaseIndentPattern);
    for (const line of ['  CLIP next 8s', '    LOOK day', '  CAST']) expect(decrease.test(line), line).toBe(true);
    for (const line of ['  Camera: slow push', '  CASTING', '  CLIPPED wings']) expect(decrease.test(line), line).toBe(false);
  });

  it('folds by indentation, and between // region and // endregion comments', () => {
    expect(config.folding.offSide).toBe(true);
    const start = regex(config.folding.markers.start);
    const end = regex(config.folding.markers.end);
    expect(start.test('// region Act one')).toBe(true);
    expect(start.test('  // #region')).toBe(true);
    expect(end.test('// endregion')).toBe(true);
    expect(start.test('// regional trains')).toBe(false);
    const text = '// region Act one\nStyle: warm\n// endregion\n';
    const lines = tokenize(grammar, text);
    expect(scopesOf(lines, text, ' region Act one')).toContain('comment.line.double-slash.shot');
    expect(scopesOf(lines, text, ' endregion')).toContain('comment.line.double-slash.shot');
  });

  it('lets off-side folding fold every CLIP and LOOK of a formatted file: their lines are indented under them', () => {
    const dir = path.join(ROOT, 'examples');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.shot'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const lines = format(readFileSync(path.join(dir, file), 'utf8')).split('\n');
      const heading = (line: string): boolean => /^(CLIP|LOOK)(\s|$)|^CAST\s*$/.test(line);
      const trivia = (line: string): boolean => line.trim() === '' || /^\s*(\/\/|\[\[)/.test(line);
      // A comment at column 0 just above a heading belongs to that heading, not to the fold above.
      const leadsIntoHeading = (i: number): boolean => {
        let j = i;
        while (j < lines.length && trivia(lines[j]!)) j++;
        return j === lines.length || heading(lines[j]!);
      };
      let inBlock = false;
      lines.forEach((line, i) => {
        if (heading(line)) inBlock = !line.startsWith('CAST');
        else if (inBlock && line.trim() !== '' && !leadsIntoHeading(i)) expect(/^\s/.test(line), `${file}:${i + 1} ${line}`).toBe(true);
      });
    }
  });
});
