// Wall time of `shotc compile` on one small file (process start to exit), against bare `node`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function median(cmd, args, runs = 15, env = {}) {
  const samples = [];
  // One run first: after a build, the first quick command writes its code cache.
  spawnSync(cmd, args, { cwd: root, stdio: 'ignore', env: { ...process.env, ...env } });
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { cwd: root, stdio: 'ignore', env: { ...process.env, ...env } });
    samples.push(performance.now() - t0);
    if (r.status !== 0 && args[0] !== '-e') throw new Error(`${args.join(' ')} exited ${r.status}`);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

export function benchCli() {
  const node = median(process.execPath, ['-e', '0']);
  const compile = median(process.execPath, ['bin/shotc.js', 'compile', 'examples/platform.shot']);
  const help = median(process.execPath, ['bin/shotc.js', '--help']);
  const noLint = median(process.execPath, ['bin/shotc.js', 'compile', '--no-lint', 'examples/platform.shot']);
  const noCache = median(process.execPath, ['bin/shotc.js', 'compile', 'examples/platform.shot'], 15, { SHOTC_NO_CODE_CACHE: '1' });
  return { node, compile, help, noLint, noCache };
}

export function printCli(r) {
  console.log('\n## CLI start-up (median of 15 runs, wall time)\n');
  console.log(`node -e 0                            ${r.node.toFixed(0)} ms   (the floor on this machine)`);
  console.log(`shotc --help                         ${r.help.toFixed(0)} ms`);
  console.log(`shotc compile examples/platform.shot ${r.compile.toFixed(0)} ms   (shotc's own share: ${(r.compile - r.node).toFixed(0)} ms; target < 150 ms wall)`);
  console.log(`  with --no-lint                      ${r.noLint.toFixed(0)} ms`);
  console.log(`  without the code cache             ${r.noCache.toFixed(0)} ms   (SHOTC_NO_CODE_CACHE=1: what a run costs when V8 rejects the cache)`);
}

if (import.meta.url === `file://${process.argv[1]}`) printCli(benchCli());
