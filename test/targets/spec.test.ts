import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { targets } from '../../src/index.js';
import { ROOT } from '../helpers/cli.js';

/** spec/targets.md documents every model and every setting of each target, and no setting that does not exist. */
const doc = readFileSync(path.join(ROOT, 'spec', 'targets.md'), 'utf8');
const SECTIONS: Record<string, string> = { runway: '## Runway', veo: '## Google Veo 3.1', fal: '## fal' };

function section(heading: string): string {
  const start = doc.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const next = doc.indexOf('\n## ', start + heading.length + 2);
  return doc.slice(start, next === -1 ? undefined : next);
}

/** The first column of the settings table (the one whose header is `setting`). */
function documentedSettings(text: string): string[] {
  const table = text.slice(text.indexOf('| setting |'));
  return [...table.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]!);
}

describe('spec/targets.md', () => {
  for (const [id, heading] of Object.entries(SECTIONS)) {
    const target = targets.find((t) => t.id === id)!;
    it(`documents ${id}'s models and exactly its settings`, () => {
      const text = section(heading);
      for (const m of target.models) expect(text, m.id).toContain(`\`${m.id}\``);
      expect(documentedSettings(text).sort()).toEqual(Object.keys(target.settings).sort());
    });
  }

  it('names every target, its SDK version and its key variables', () => {
    for (const t of targets) {
      expect(doc).toContain(`| \`${t.id}\` |`);
      expect(doc).toContain(`\`${t.sdk.package}\` ${t.sdk.version}`);
      for (const k of t.keyEnv) expect(doc).toContain(`\`${k}\``);
    }
  });
});
