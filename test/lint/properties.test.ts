/**
 * Properties of the text matchers and fixes, over generated text: the matchers never throw and
 * only point inside the text; the safe prose fixes leave no prose/* diagnostic behind and no
 * doubled spaces or stranded punctuation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCharacters } from '../../src/core/lint/guardrails/characters.js';
import { findContent } from '../../src/core/lint/guardrails/content.js';
import { findMusic } from '../../src/core/lint/guardrails/music.js';
import { findPeople, loadGazetteer } from '../../src/core/lint/guardrails/people.js';
import { lengthInProse, resolutionInProse } from '../../src/core/lint/guardrails/prose.js';
import { compatibleFixes, applyEdits } from '../../src/core/fix.js';
import { lintText } from './helpers.js';

const WORDS = ['Tom', 'Hanks', 'Spider-Man', 'plays', '"Wonderwall"', 'by', 'the', 'a', 'in', '4K', 'vertical', 'video', '20-second', 'naked', 'Drake', 'singer', 'Storm', 'X-Men', 'Beyoncé', '🚆', 'café', ',', '.', '"', 'theme', 'from', 'Jaws', 'Mr.', 'St.', "'s", 'named', 'Square'];
const text = fc.oneof(fc.string({ maxLength: 80 }), fc.array(fc.constantFrom(...WORDS), { maxLength: 14 }).map((w) => w.join(' ')));

describe('the guardrail and prose matchers', () => {
  it('never throw, and every hit is a non-empty stretch inside the text', async () => {
    const g = await loadGazetteer();
    fc.assert(
      fc.property(text, (t) => {
        const spans = [
          ...findPeople(g, t),
          ...findCharacters(t),
          ...findMusic(t, { soundSection: true }),
          ...findContent(t),
          ...lengthInProse(t),
          ...resolutionInProse(t),
        ];
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(t.length);
          expect(s.end).toBeGreaterThan(s.start);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('the safe prose fixes', () => {
  const subject = fc.constantFrom('a commuter platform', 'rain on a window', 'a dancer on a rooftop', 'the harbour at dusk');
  const length = fc.constantFrom('', 'A 20-second video of ', 'An 8 second clip of ');
  const resolution = fc.constantFrom('', ' in 4K', ', 16:9', ' at 1080p resolution');
  const after = fc.constantFrom('', ' Make it longer.', ' Lasting 12 seconds.');

  it('remove every length and resolution request and leave clean prose', async () => {
    await fc.assert(
      fc.asyncProperty(length, subject, resolution, after, async (l, s, r, a) => {
        const prose = `${l || s[0]!.toUpperCase()}${l ? s : s.slice(1)}${r}.${a}`;
        let source = `Style: 1970s drama.\n\nCLIP c 4s 1280x720\n  ${prose}\n`;
        for (let pass = 0; pass < 5; pass++) {
          const found = (await lintText(source)).filter((d) => d.rule.startsWith('prose/'));
          const safe = compatibleFixes(found.flatMap((d) => (d.diagnostic.fixes ?? []).filter((f) => f.safe).slice(0, 1)));
          if (!safe.length) break;
          source = applyEdits(source, safe.flatMap((f) => f.edits));
        }
        expect((await lintText(source)).filter((d) => d.rule.startsWith('prose/')).map((d) => d.text)).toEqual([]);
        const line = source.split('\n')[3]!.trim();
        expect(line).not.toMatch(/ {2}| [.,]|,\.|^\W/);
        expect(line.toLowerCase()).toContain(s.slice(1));
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
