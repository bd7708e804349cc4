/**
 * guardrail/under-18 asks obscenity about a line only when profanity.ts says one of obscenity's
 * blacklisted patterns matches it. These tests hold that answer to obscenity's own (a matcher with
 * the same dataset and transformers, without the whitelist, which only takes matches away), and
 * the generated data to the installed obscenity.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { describe, expect, it } from 'vitest';
import { FROM } from '../../src/core/lint/guardrails/profanity.data.js';
import { asObscenityReads, mayBeProfane } from '../../src/core/lint/guardrails/profanity.js';
import { ROOT } from '../helpers/cli.js';
// @ts-expect-error -- plain JavaScript module without type declarations
import { loadCases } from '../../bench/guardrails.js';
// @ts-expect-error -- plain JavaScript module without type declarations
import { render } from '../../scripts/gen-profanity-index.js';

const blacklist = new RegExpMatcher({ blacklistedTerms: englishDataset.build().blacklistedTerms, ...englishRecommendedTransformers });

describe('the profanity index', () => {
  it('is the module scripts/gen-profanity-index.js builds from the installed obscenity (regenerate after upgrading it)', () => {
    expect(readFileSync(path.join(ROOT, 'src/core/lint/guardrails/profanity.data.ts'), 'utf8')).toBe(render());
  }, 60_000);

  const words = ['fuck', 'f*ck', 'fuuuuck', 'FUCK', 'phuck', 'sh1t', 'shit', 'shiiit', 'a$$', 'ass', 'assassin', 'bitch', 'b1tch', 'cock', 'cockpit', 'peacock', 'dick', 'Dickens', 'tit', 'title', 'titmouse', 'sex', 'sexy', 'sussex', 'semen', 'seemen', 'sssemen', 'anal', 'analysis', 'canal', 'cum', 'cumulus', 'fu', 'full', 'rape', 'grape', 'n1gger', 'porn', 'pr0n', 'orgasm', 'gasm', 'cunt', 'scunthorpe', 'whore', 'wh0re', 'dog', 'style', 'doggystyle', 'blowjob', 'bl0wjob', 'hooker', 'the', 'a', 'train', 'glides', 'her', 'collar', 'window', 'breath', 'MARA', 'glass', 'halation'];
  const glue = [' ', ' ', '', '-', '.', ', ', '\n', '—', '’', '_', '0', '1'];
  const confusable = fc.constantFrom(...FROM.slice(0, 400), ...FROM.slice(-200)).map((c) => String.fromCodePoint(c));
  const line = fc
    .array(fc.oneof({ arbitrary: fc.constantFrom(...words), weight: 6 }, { arbitrary: fc.constantFrom(...glue), weight: 4 }, { arbitrary: confusable, weight: 1 }, { arbitrary: fc.string({ maxLength: 3 }), weight: 1 }), { minLength: 1, maxLength: 12 })
    .map((parts) => parts.join(''));

  it('says a blacklisted pattern matches exactly when obscenity finds one', () => {
    fc.assert(
      fc.property(line, (text) => {
        expect(mayBeProfane(text)).toBe(blacklist.hasMatch(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with obscenity on the guardrail prompts and every example line', () => {
    const texts = [...(loadCases('heldout') as Array<{ text: string }>), ...(loadCases('tuning') as Array<{ text: string }>)].map((c) => c.text);
    for (const dir of ['examples', 'examples/broken']) {
      for (const f of readdirShots(path.join(ROOT, dir))) texts.push(...readFileSync(f, 'utf8').split('\n'));
    }
    const disagree = texts.filter((t) => mayBeProfane(t) !== blacklist.hasMatch(t));
    expect(disagree).toEqual([]);
    // Most lines never reach obscenity.
    expect(texts.filter((t) => mayBeProfane(t)).length / texts.length).toBeLessThan(0.2);
  });

  it('reads text as obscenity does: leet speak, look-alike letters and repeats', () => {
    expect(asObscenityReads('Sh1iiit, $$EEEX')).toBe('shit, sseex');
    expect(asObscenityReads('fυck 𝐟uck')).toBe('fuck fuck');
  });
});

function readdirShots(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.shot'))
    .map((f) => path.join(dir, f));
}
