// Wall time of `shotc compile` on one small file (process start to exit), against bare `node`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { median, rounds } from './rounds.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'ignore', env: { ...process.env, ...env } });
  if (r.status !== 0 && args[0] !== '-e') throw new Error(`${args.join(' ')} exited ${r.status}`);
}

/**
 * Each command once per round (rounds.js), 15 rounds: the floor (`node -e 0`) drifts by tens of
 * milliseconds within a minute here, so shotc's own share is the median of each round's
 * difference, not a difference of medians. The warm-up runs also write the quick commands' code
 * cache after a build.
 */
export async function benchCli() {
  const command = (args, env) => () => run(process.execPath, args, env);
  const times = await rounds(
    {
      node: command(['-e', '0']),
      compile: command(['bin/shotc.js', 'compile', 'examples/platform.shot']),
      help: command(['bin/shotc.js', '--help']),
      noLint: command(['bin/shotc.js', 'compile', '--no-lint', 'examples/platform.shot']),
      noCache: command(['bin/shotc.js', 'compile', 'examples/platform.shot'], { SHOTC_NO_CODE_CACHE: '1' }),
    },
    { minRounds: 15 },
  );
  const ms = (xs) => median(xs) * 1000;
  const result = Object.fromEntries(Object.entries(times).map(([n, xs]) => [n, ms(xs)]));
  result.share = ms(times.compile.map((t, i) => t - times.node[i]));
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

if (import.meta.url === `file://${process.argv[1]}`) printCli(await benchCli());
