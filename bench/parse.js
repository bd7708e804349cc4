// Parse and compile throughput of .shot against yaml's parse of the same storyboard as YAML and
// JSON.parse of it as JSON, measured in one run, at 1 KB … 10 MB (time should be linear in size).
// Everything compared is timed side by side (rounds.js); a ratio is the median of the rounds'
// ratios, printed with its spread.
import * as os from 'node:os';
import YAML from 'yaml';
import { compile, parse } from '../dist/index.js';
import { forgetTexts } from '../dist/core/lint/guardrails/text.js';
import { corpus } from './corpus.js';
import { median, ratio, rounds } from './rounds.js';

const SIZES = [
  ['1 KB', 1_000],
  ['30 KB', 30_000],
  ['160 KB', 160_000],
  ['1 MB', 1_000_000],
  ['10 MB', 10_000_000],
];

const mb = (bytes, s) => bytes / 1e6 / s;
const fmt = (x, d = 1) => x.toFixed(d).padStart(7);
const range = (r) => `${r.median.toFixed(1)}x (${r.min.toFixed(1)}–${r.max.toFixed(1)})`;

export async function benchParse({ quick = false } = {}) {
  const sizes = quick ? SIZES.slice(0, 4) : SIZES;
  const inputs = sizes.map(([label, size]) => ({ label, ...corpus(size) }));

  // Linearity: every size's parse in the same rounds, so a drift in the machine's speed moves them
  // together. JSON.parse of the same storyboards runs in those rounds too: how linear V8's native
  // parser, which also builds a tree, manages to be on this machine.
  const jsonOf = new Map(inputs.map((x) => [x.label, JSON.stringify(x.data)]));
  const linear = await rounds(
    Object.fromEntries(inputs.flatMap((x) => [[x.label, () => parse(x.shot)], [`json ${x.label}`, () => JSON.parse(jsonOf.get(x.label))]])),
    { budget: quick ? 3 : 6, minRounds: 5 },
  );

  const rows = [];
  for (const x of inputs) {
    const { label, shot, data, clips } = x;
    const yaml = YAML.stringify(data, { lineWidth: 0 });
    const json = jsonOf.get(label);
    const plan = JSON.stringify((await compile(shot, { filename: 'bench.shot', lint: false })).plan);
    const big = shot.length >= 5_000_000;
    const t = await rounds(
      {
        parse: () => parse(shot),
        // Each compile starts with nothing remembered, as `shotc compile` does (the linter memoises
        // per line for the language server, which would make every run after the first nearly free).
        compile: () => {
          forgetTexts();
          return compile(shot, { filename: 'bench.shot', lint: true });
        },
        yaml: () => YAML.parse(yaml),
        json: () => JSON.parse(json),
        planJson: () => JSON.parse(plan),
      },
      // yaml takes seconds per run at 10 MB: two rounds there.
      { budget: big ? 0 : 4, minRounds: big ? 2 : 5 },
    );
    rows.push({
      label,
      size: shot.length,
      clips,
      lines: shot.split('\n').length,
      tShot: median(t.parse),
      tCompile: median(t.compile),
      tYaml: median(t.yaml),
      tJson: median(t.json),
      tPlanJson: median(t.planJson),
      parseX: ratio(t.yaml, t.parse),
      compileX: ratio(t.yaml, t.compile),
      perByte: linear[label].map((s) => s / shot.length),
      jsonPerByte: linear[`json ${label}`].map((s) => s / json.length),
      yamlBytes: yaml.length,
      jsonBytes: json.length,
      planBytes: plan.length,
    });
  }
  // What a parsed file costs to keep (the language server keeps one per open document): the heap
  // the result holds, per byte of source. Needs --expose-gc, which `npm run bench` passes.
  if (typeof globalThis.gc === 'function') {
    const held = [];
    for (const [row, x] of rows.map((r, i) => [r, inputs[i]])) {
      globalThis.gc();
      const before = process.memoryUsage().heapUsed;
      // Small files: hold enough results to weigh about a megabyte of source, past the heap's noise.
      const copies = Math.ceil(1e6 / x.shot.length);
      for (let i = 0; i < copies; i++) held.push(parse(x.shot));
      globalThis.gc();
      row.treeBytes = (process.memoryUsage().heapUsed - before) / (copies * x.shot.length);
      held.length = 0;
    }
  }
  const ref = rows.find((r) => r.label === '1 MB') ?? rows[rows.length - 1];
  for (const r of rows) {
    r.linearity = ratio(r.perByte, ref.perByte);
    r.jsonLinearity = ratio(r.jsonPerByte, ref.jsonPerByte);
  }
  return rows;
}

export function printParse(rows) {
  console.log('\n## Parse and compile throughput (same storyboard as .shot, YAML and JSON)\n');
  console.log('size     clips    lines  .shot parse MB/s  lines/s   compile MB/s   yaml MB/s  JSON MB/s  parse÷yaml (time)     compile÷yaml (time)   plan JSON.parse MB/s');
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(7)} ${String(r.clips).padStart(6)} ${String(r.lines).padStart(8)} ${fmt(mb(r.size, r.tShot))}          ${fmt(r.lines / r.tShot / 1e3, 0)}k   ${fmt(mb(r.size, r.tCompile))}      ${fmt(mb(r.yamlBytes, r.tYaml), 2)}   ${fmt(mb(r.jsonBytes, r.tJson), 0)}    ${range(r.parseX).padEnd(20)}  ${range(r.compileX).padEnd(20)}  ${fmt(mb(r.planBytes, r.tPlanJson), 0)}`,
    );
  }
  console.log(
    `\nlinearity (parse time per byte relative to 1 MB, measured in the same rounds; 1.00 = linear): ${rows.map((r) => `${r.label} ${r.linearity.median.toFixed(2)} (${r.linearity.min.toFixed(2)}–${r.linearity.max.toFixed(2)})`).join(', ')}`,
  );
  console.log(
    `JSON.parse of the same storyboards in those rounds, for reference:                        ${rows.map((r) => `${r.label} ${r.jsonLinearity.median.toFixed(2)} (${r.jsonLinearity.min.toFixed(2)}–${r.jsonLinearity.max.toFixed(2)})`).join(', ')}`,
  );
  if (rows.every((r) => r.treeBytes !== undefined)) {
    console.log(`heap held by a parse result, per byte of source: ${rows.map((r) => `${r.label} ${r.treeBytes.toFixed(1)}`).join(', ')}`);
  }
  console.log('ratios: median of side-by-side rounds (range over rounds). targets: .shot parse ≥ 10x faster than yaml on the same storyboard; full compile ≥ 4x; time per byte within 1.2x across sizes.');
  // The compile (and its garbage collector's helper threads) suffers more than yaml from a busy
  // machine, so its ratio drops when another process shares the CPUs.
  console.log(`load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')} on ${os.cpus().length} CPUs (the bench itself counts for about 1; more means another process shared them, and the compile ratios read low)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printParse(await benchParse({ quick: process.argv.includes('--quick') }));
}
