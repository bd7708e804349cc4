/**
 * "Use standard scope names so every theme colours them": measured, not hoped. Each scope the
 * grammar gives to something a writer should see (a heading, a name, a time, a key, a note …)
 * is resolved against the 65 themes of tm-themes (VS Code's own Dark+ and Light+, GitHub,
 * Monokai, Solarized, Dracula, One Dark Pro, Nord …) with vscode-textmate's theme matcher; a
 * scope counts as coloured when the theme gives it a foreground other than the editor's or a
 * font style.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import vsctm, { type IRawTheme } from 'vscode-textmate';
import { ROOT } from '../helpers/cli.js';
import { loadShotGrammar, splitLines, tokenize } from './textmate.js';

const SAMPLE = [
  '---',
  'title: Themes # a yaml comment',
  '---',
  '// a comment',
  'Style: warm [[ a note ]]',
  'Grade / Palette:',
  '  Highlights: amber',
  'LOOK night',
  'CAST',
  'MARA (soft): woman in her thirties',
  'CLIP arrival 8s 1280x720 sora-2 USING night REMIX before EXTEND video_123',
  '  Reference: frames/first.png',
  '  Change: warmer',
  '  0.00–2.40s — "Arrival" (32 mm, dolly)',
  '    Camera: slow push',
  '    MARA (quietly): "We made it."',
  '  2.40-4 — untitled beat',
].join('\n');

/** Scopes that mark errors: themes may leave them to squiggles, which the language server draws. */
const ERROR_SCOPE = /^invalid\./;
/** Popular themes in which every scope must be coloured. */
const MUST = ['dark-plus', 'light-plus', 'github-dark', 'github-light', 'monokai', 'one-dark-pro', 'dracula', 'solarized-dark', 'solarized-light'];

interface ThemeFile {
  name?: string;
  type?: string;
  colors?: Record<string, string>;
  tokenColors?: IRawTheme['settings'];
}

function rawTheme(theme: ThemeFile): IRawTheme {
  const fg = theme.colors?.['editor.foreground'] ?? (theme.type === 'light' ? '#000000' : '#ffffff');
  const bg = theme.colors?.['editor.background'] ?? (theme.type === 'light' ? '#ffffff' : '#000000');
  return { name: theme.name ?? '', settings: [{ settings: { foreground: fg, background: bg } }, ...(theme.tokenColors ?? [])] };
}

const FOREGROUND_MASK = 0x00ff8000;
const FONT_STYLE_MASK = 0x00007800;

/** Per visible scope, whether this theme colours it (default foreground has colour id 1). */
async function coloured(theme: ThemeFile): Promise<Map<string, boolean>> {
  const { grammar } = await loadShotGrammar({ yaml: false, theme: rawTheme(theme) });
  const named = tokenize(grammar, SAMPLE);
  const out = new Map<string, boolean>();
  let stack = vsctm.INITIAL;
  splitLines(SAMPLE).forEach((text, line) => {
    const binary = grammar.tokenizeLine2(text, stack);
    stack = binary.ruleStack;
    for (const token of named[line]!) {
      const scope = token.scopes.filter((s) => s.endsWith('.shot') && !s.startsWith('meta.') && !s.startsWith('punctuation.') && !s.startsWith('source.')).pop();
      if (!scope || ERROR_SCOPE.test(scope)) continue;
      let metadata = 0;
      for (let i = 0; i < binary.tokens.length; i += 2) if (binary.tokens[i]! <= token.start) metadata = binary.tokens[i + 1]!;
      const yes = ((metadata & FOREGROUND_MASK) >>> 15) !== 1 || (metadata & FONT_STYLE_MASK) !== 0;
      out.set(scope, (out.get(scope) ?? true) && yes);
    }
  });
  return out;
}

const themeDir = path.join(ROOT, 'node_modules', 'tm-themes', 'themes');
const results = new Map<string, Map<string, boolean>>();

beforeAll(async () => {
  for (const file of readdirSync(themeDir).filter((f) => f.endsWith('.json')).sort()) {
    results.set(file.replace(/\.json$/, ''), await coloured(JSON.parse(readFileSync(path.join(themeDir, file), 'utf8')) as ThemeFile));
  }
}, 120_000);

describe('grammar scopes in real themes', () => {
  it('loads the theme collection and finds every kind of scope in the sample', () => {
    expect(results.size).toBeGreaterThan(50);
    const scopes = [...results.get('dark-plus')!.keys()].sort();
    for (const s of ['keyword.control.clip.shot', 'entity.name.tag.clip.shot', 'constant.numeric.timing.shot', 'keyword.other.section.shot', 'entity.other.attribute-name.sub-key.shot', 'entity.name.function.character.dialogue.shot', 'string.quoted.double.dialogue.shot', 'markup.italic.camera.shot', 'comment.block.note.shot']) {
      expect(scopes).toContain(s);
    }
  });

  it.each(MUST)('colours every scope in %s', (theme) => {
    const uncoloured = [...results.get(theme)!].filter(([, yes]) => !yes).map(([s]) => s);
    expect(uncoloured).toEqual([]);
  });

  it('colours every scope in at least 90% of all themes', () => {
    const misses = new Map<string, string[]>();
    for (const [theme, scopes] of results) for (const [scope, yes] of scopes) if (!yes) misses.set(scope, [...(misses.get(scope) ?? []), theme]);
    const tooRare = [...misses].filter(([, themes]) => themes.length > results.size * 0.1).map(([scope, themes]) => `${scope}: ${themes.length} themes`);
    expect(tooRare).toEqual([]);
  });
});
