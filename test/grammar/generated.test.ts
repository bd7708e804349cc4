/**
 * grammar/shot.tmLanguage.json is generated (grammar/generate-tmlanguage.js) from the key
 * vocabulary; these tests keep the committed file current and the vocabulary in step with
 * src/core/syntax/keys.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IGrammar } from 'vscode-textmate';
import { ALL_KEY_SPELLINGS, isKnownKey, SHOT_KEYS, lookupSection } from '../../src/core/syntax/keys.js';
import { ROOT } from '../helpers/cli.js';
import { grammarRole, grammarRoles } from './roles.js';
import { GRAMMAR_PATH, loadShotGrammar, scopesOf, tokenize } from './textmate.js';

let grammar: IGrammar;
beforeAll(async () => {
  grammar = (await loadShotGrammar()).grammar;
});

function roleOfKey(line: string, key: string): string {
  return grammarRole(scopesOf(tokenize(grammar, line), line, key));
}

describe('grammar/shot.tmLanguage.json', () => {
  it('is what `npm run grammar` writes', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'grammar', 'generate-tmlanguage.js'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('is a grammar for .shot files with scope source.shot', () => {
    const json = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as { scopeName: string; fileTypes: string[] };
    expect(json.scopeName).toBe('source.shot');
    expect(json.fileTypes).toEqual(['shot']);
  });

  it('knows every key spelling of keys.ts, in any case', () => {
    for (const spelling of ALL_KEY_SPELLINGS) {
      for (const key of [spelling, spelling.toLowerCase(), spelling.toUpperCase()]) {
        expect(roleOfKey(`${key}: text`, key), key).toMatch(/^(section|clip-key)$/);
      }
    }
  });

  it('knows no other keys: a word that keys.ts does not know is text or a character', () => {
    for (const word of ['Notes', 'Beat', 'Colour', 'Grades', 'Lights']) {
      expect(isKnownKey(word)).toBe(false);
      expect(grammarRoles(tokenize(grammar, `${word}: text`))[0], word).toBe('text');
      expect(roleOfKey(`CLIP a\n  ${word.toUpperCase()}: "text"`, word.toUpperCase()), word).toBe('speaker');
    }
  });

  it('keeps exactly the shot-only keys of keys.ts in a shot at the timing line\'s level', () => {
    const shotOnly = SHOT_KEYS.filter((k) => !lookupSection(k.name)).map((k) => k.name);
    expect(shotOnly.length).toBeGreaterThan(0);
    for (const k of SHOT_KEYS) {
      const text = `CLIP a 4s\n  0.00–4.00\n  ${k.name}: x\n`;
      const scopes = scopesOf(tokenize(grammar, text), text, k.name);
      expect(scopes.includes('meta.shot.shot'), k.name).toBe(shotOnly.includes(k.name));
    }
  });
});
