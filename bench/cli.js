// Wall time of `shotc compile` on one small file (process start to exit), against bare `node`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(cmd, args, env = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'ignore', env: { ...process.env, ...env } });
  if (r.status !== 0 && args[0] !== '-e') throw new Error(`${args.join(' ')} exited ${r.status}`);
  return performance.now() - t0;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Each command once per round, in an order that rotates, for 15 rounds: on this shared machine the
 * floor (`node -e 0`) drifts by tens of milliseconds within a minute, so shotc's own share is the
 * median of each round's difference, not a difference of medians taken minutes apart.
 */
export function benchCli(rounds = 15) {
  const commands = {
    node: [process.execPath, ['-e', '0']],
    compile: [process.execPath, ['bin/shotc.js', 'compile', 'examples/platform.shot']],
    help: [process.execPath, ['bin/shotc.js', '--help']],
    noLint: [process.execPath, ['bin/shotc.js', 'compile', '--no-lint', 'examples/platform.shot']],
    noCache: [process.execPath, ['bin/shotc.js', 'compile', 'examples/platform.shot'], { SHOTC_NO_CODE_CACHE: '1' }],
  };
  const names = Object.keys(commands);
  // One run of each first: after a build, the first quick command writes its code cache.
  for (const name of names) run(...commands[name]);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + r) % names.length];
      times[name].push(run(...commands[name]));
    }
  }
  const result = Object.fromEntries(names.map((n) => [n, median(times[n])]));
  result.share = median(times.compile.map((t, i) => t - times.node[i]));
  return result;
}

export function printCli(r) {
  console.log('\n## CLI start-up (median of 15 rounds, each running every command once; wall time)\n');
  console.log(`node -e 0                            ${r.node.toFixed(0)} ms   (the floor on this machine)`);
  console.log(`shotc --help                         ${r.help.toFixed(0)} ms`);
  console.log(`shotc compile examples/platform.shot ${r.compile.toFixed(0)} ms   (shotc's own share, median of the rounds' differences: ${r.share.toFixed(0)} ms; target < 150 ms wall)`);
  console.log(`  with --no-lint                      ${r.noLint.toFixed(0)} ms`);
  console.log(`  without the code cache             ${r.noCache.toFixed(0)} ms   (SHOTC_NO_CODE_CACHE=1: what a run costs when V8 rejects the cache)`);
}

if (import.meta.url === `file://${process.argv[1]}`) printCli(benchCli());
