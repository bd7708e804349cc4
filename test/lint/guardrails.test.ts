/**
 * The guardrails' accuracy on the held-out prompts (written before the rules were tuned and never
 * tuned on), with floors a little below what they measure so accuracy never silently drops; and
 * the shipped people list agrees with the data it is built from.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, memoryHost } from '../../src/index.js';
import { ROOT } from '../helpers/cli.js';
// @ts-expect-error -- plain JavaScript modules without type declarations
import { evaluate, GUARDRAILS, loadCases } from '../../bench/guardrails.js';
// @ts-expect-error -- plain JavaScript modules without type declarations
import { render } from '../../scripts/gen-people.js';

interface RuleScore {
  precision: number;
  recall: number;
  tp: number;
  misses: string[];
  falseAlarms: Array<{ text: string }>;
}

/** Measured on the held-out half when these floors were set: 1.000 for every rule. */
const FLOOR = { precision: 0.95, recall: 0.95 };

describe('guardrail accuracy on the held-out prompts', () => {
  const cases = loadCases('heldout') as Array<{ text: string; labels: string[] }>;

  it('has enough labelled prompts, each with known labels, and hard negatives', () => {
    const all = [...cases, ...(loadCases('tuning') as typeof cases)];
    expect(all.length).toBeGreaterThanOrEqual(250);
    const known = new Set((GUARDRAILS as string[]).map((r) => r.slice('guardrail/'.length)));
    for (const c of all) for (const l of c.labels) expect(known, c.text).toContain(l);
    const negatives = cases.filter((c) => c.labels.length === 0).map((c) => c.text);
    for (const hard of ['A girl called Ruby', 'Trafalgar Square', 'A robin on a branch', 'A killer whale', 'A glass of champagne']) {
      expect(negatives.some((t) => t.includes(hard)), hard).toBe(true);
    }
  });

  it(`keeps precision and recall of every guardrail at or above ${FLOOR.precision}`, async () => {
    const result = (await evaluate(cases, { compile, memoryHost })) as { perRule: Record<string, RuleScore> };
    for (const rule of GUARDRAILS as string[]) {
      const s = result.perRule[rule]!;
      const detail = `${rule}: missed ${JSON.stringify(s.misses)}; false alarms ${JSON.stringify(s.falseAlarms.map((f) => f.text))}`;
      expect(s.tp, detail).toBeGreaterThan(15);
      expect(s.precision, detail).toBeGreaterThanOrEqual(FLOOR.precision);
      expect(s.recall, detail).toBeGreaterThanOrEqual(FLOOR.recall);
    }
  }, 120_000);
});

describe('the real-person gazetteer', () => {
  it('ships Pantheon 1.0 unmodified', () => {
    const shipped = readFileSync(path.join(ROOT, 'data/public-figures/pantheon-1.0.tsv'));
    expect(createHash('sha256').update(shipped).digest('hex')).toBe('2f47e77ba45ee8847cc9100911e1d02d87d40b7cd38d86f116bae7167ef66269');
  });

  it('is the module scripts/gen-people.js builds from data/public-figures (regenerate after editing the data)', () => {
    const generated = (render() as { text: string }).text;
    expect(readFileSync(path.join(ROOT, 'src/core/lint/guardrails/people.data.ts'), 'utf8')).toBe(generated);
  });

  it('finds Pantheon names, added names and aliases, and leaves one-word names that are words alone', async () => {
    const rule = async (prose: string): Promise<string[]> => {
      const { diagnostics } = await compile(`Style: documentary.\n\nCLIP c 4s\n  ${prose}\n`, { filename: 'g.shot', host: memoryHost() });
      return diagnostics.filter((d) => d.rule === 'guardrail/real-person').map((d) => d.message.replace(/ \(.*/, ''));
    };
    expect(await rule('Marie Curie examines a vial.')).toEqual(['"Marie Curie"']);
    expect(await rule('Queen Elizabeth II waves.')).toEqual(['"Elizabeth II of the United Kingdom"']);
    expect(await rule('Pedro Pascal drinks coffee.')).toEqual(['"Pedro Pascal"']);
    expect(await rule('A prince in a paper crown; Sting the bee.')).toEqual([]);
    expect(await rule('The singer Sting plays bass.')).toEqual(['"Sting"']);
  });
});
