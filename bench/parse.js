// Parse and compile throughput of .shot against yaml's parse of the same storyboard as YAML and
// JSON.parse of it as JSON, measured in one run, at 1 KB … 10 MB (time should be linear in size).
//
// This machine is shared: its speed drifts by a third within a minute. So what is compared is
// measured side by side — in rounds, each timing every contender once, in turn — and a ratio is
// the median of the rounds' ratios, printed with its spread. Measured one after the other, a ratio
// would mostly show how busy the machine was in each stretch.
import YAML from 'yaml';
import { compile, parse } from '../dist/index.js';
import { forgetTexts } from '../dist/core/lint/guardrails/text.js';
import { corpus } from './corpus.js';

const SIZES = [
  ['1 KB', 1_000],
  ['30 KB', 30_000],
  ['160 KB', 160_000],
  ['1 MB', 1_000_000],
  ['10 MB', 10_000_000],
];

/**
 * Time `contenders` (name → function) in rounds. Each is first warmed up (0.3 s, at least one
 * run) and given a batch of runs lasting ~20 ms, so a 1 KB parse is not timed at the timer's
 * resolution; then each round times one batch of each, in an order that rotates, until `budget`
 * seconds have passed (at least `minRounds`, at most 100). Returns each round's seconds per run.
 */
async function rounds(contenders, { budget, minRounds = 3 }) {
  const names = Object.keys(contenders);
  const batch = {};
  for (const name of names) {
    const fn = contenders[name];
    let best = Infinity;
    const warm = performance.now();
    do {
      const t0 = performance.now();
      await fn();
      best = Math.min(best, (performance.now() - t0) / 1000);
    } while ((performance.now() - warm) / 1000 < 0.3 && best < 1);
    batch[name] = Math.max(1, Math.ceil(0.02 / Math.max(best, 1e-7)));
  }
  const times = Object.fromEntries(names.map((n) => [n, []]));
  const start = performance.now();
  for (let r = 0; r < 100 && (r < minRounds || (performance.now() - start) / 1000 < budget); r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + r) % names.length];
      const fn = contenders[name];
      const t0 = performance.now();
      for (let i = 0; i < batch[name]; i++) await fn();
      times[name].push((performance.now() - t0) / 1000 / batch[name]);
    }
  }
  return times;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The median and range of a / b over rounds. */
function ratio(a, b) {
  const rs = a.map((x, i) => x / b[i]);
  return { median: median(rs), min: Math.min(...rs), max: Math.max(...rs) };
}

const mb = (bytes, s) => bytes / 1e6 / s;
const fmt = (x, d = 1) => x.toFixed(d).padStart(7);
const range = (r) => `${r.median.toFixed(1)}x (${r.min.toFixed(1)}–${r.max.toFixed(1)})`;

export async function benchParse({ quick = false } = {}) {
  const sizes = quick ? SIZES.slice(0, 4) : SIZES;
  const inputs = sizes.map(([label, size]) => ({ label, ...corpus(size) }));

  // Linearity: every size's parse in the same rounds, so a drift in the machine's speed moves them together.
  const linear = await rounds(Object.fromEntries(inputs.map((x) => [x.label, () => parse(x.shot)])), { budget: quick ? 3 : 6, minRounds: 5 });

  const rows = [];
  for (const x of inputs) {
    const { label, shot, data, clips } = x;
    const yaml = YAML.stringify(data, { lineWidth: 0 });
    const json = JSON.stringify(data);
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
      yamlBytes: yaml.length,
      jsonBytes: json.length,
      planBytes: plan.length,
    });
  }
  const ref = rows.find((r) => r.label === '1 MB') ?? rows[rows.length - 1];
  for (const r of rows) r.linearity = ratio(r.perByte, ref.perByte);
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
  console.log('ratios: median of side-by-side rounds (range over rounds). targets: .shot parse ≥ 10x faster than yaml on the same storyboard; full compile ≥ 4x; time per byte within 1.2x across sizes.');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printParse(await benchParse({ quick: process.argv.includes('--quick') }));
}
