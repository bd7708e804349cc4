#!/usr/bin/env node
/**
 * Precision and recall of the guardrail rules on the labelled prompts in
 * test/fixtures/guardrails/ (held-out half by default; `--split tuning|all`, `--verbose` lists
 * every miss and false alarm). Each prompt is compiled as the prose of one clip, with every rule
 * on, and a rule "fires" when it reports anything (error or warning) — so warnings count against
 * precision too. Runs on the built library (`npm run build` first), or on SHOTC_LIB.
 *
 *   node bench/guardrails.js [--split heldout|tuning|all] [--verbose] [--json]
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GUARDRAILS = ['guardrail/real-person', 'guardrail/copyrighted-character', 'guardrail/copyrighted-music', 'guardrail/under-18'];

/** The labelled prompts of one split: `{ text, labels }` with labels as rule names without the prefix. */
export function loadCases(split) {
  const read = (name) =>
    readFileSync(path.join(ROOT, 'test/fixtures/guardrails', `${name}.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l));
  return split === 'all' ? [...read('tuning'), ...read('heldout')] : read(split);
}

/** The .shot file a prompt is checked in: the prompt is the prose of one clip. */
export function shotFor(text) {
  return `Style: documentary realism, 35 mm.\n\nCLIP c 4s\n  ${text}\n`;
}

/** Run the rules over every case; `compile` and `memoryHost` come from the library under test. */
export async function evaluate(cases, { compile, memoryHost }) {
  const stats = Object.fromEntries(GUARDRAILS.map((r) => [r, { tp: 0, fp: 0, fn: 0, misses: [], falseAlarms: [] }]));
  const started = performance.now();
  for (const c of cases) {
    const { diagnostics } = await compile(shotFor(c.text), { filename: 'guardrails.shot', host: memoryHost() });
    const fired = new Set(diagnostics.map((d) => d.rule).filter((r) => r.startsWith('guardrail/')));
    for (const rule of GUARDRAILS) {
      const want = c.labels.includes(rule.slice('guardrail/'.length));
      const got = fired.has(rule);
      const s = stats[rule];
      if (want && got) s.tp++;
      else if (got) {
        s.fp++;
        s.falseAlarms.push({ text: c.text, said: diagnostics.filter((d) => d.rule === rule).map((d) => d.message) });
      } else if (want) {
        s.fn++;
        s.misses.push(c.text);
      }
    }
  }
  const perRule = Object.fromEntries(
    Object.entries(stats).map(([rule, s]) => [rule, { ...s, precision: s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1, recall: s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1 }]),
  );
  return { cases: cases.length, ms: performance.now() - started, perRule };
}

async function main() {
  const args = process.argv.slice(2);
  const split = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'heldout';
  const lib = await import(process.env.SHOTC_LIB ? pathToFileURL(path.resolve(process.env.SHOTC_LIB)).href : pathToFileURL(path.join(ROOT, 'dist/index.js')).href);
  // Cold start: the first file with a name in it loads the gazetteer, the lexicons and compromise.
  const cold = performance.now();
  await lib.compile(shotFor('Tom Hanks and Anna Kowalski hum "Wonderwall" near gore.'), { filename: 'cold.shot', host: lib.memoryHost() });
  const coldMs = performance.now() - cold;
  const result = await evaluate(loadCases(split), lib);
  if (args.includes('--json')) {
    console.log(JSON.stringify({ ...result, coldMs }, (k, v) => (k === 'misses' || k === 'falseAlarms' ? undefined : v), 2));
    return;
  }
  console.log(`guardrails on the ${split} split: ${result.cases} prompts in ${result.ms.toFixed(0)} ms (${(result.ms / result.cases).toFixed(1)} ms per one-clip file, all rules); cold start ${coldMs.toFixed(0)} ms`);
  console.log('rule                              precision  recall   tp  fp  fn');
  for (const [rule, s] of Object.entries(result.perRule)) {
    console.log(`${rule.padEnd(34)}${s.precision.toFixed(3).padStart(9)}${s.recall.toFixed(3).padStart(8)}${String(s.tp).padStart(5)}${String(s.fp).padStart(4)}${String(s.fn).padStart(4)}`);
    if (args.includes('--verbose')) {
      for (const m of s.misses) console.log(`   missed: ${m}`);
      for (const f of s.falseAlarms) console.log(`   false alarm: ${f.text}\n      ${f.said.join('\n      ')}`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
