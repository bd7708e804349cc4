// `npm run bench`: every benchmark, figures printed (never asserted). Each runs in its own
// process so one's heap does not colour another's timings.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import * as os from 'node:os';

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const only = process.argv.filter((a) => !a.startsWith('-')).slice(2);

const benches = [
  ['parse', 'parse.js', 'parse and compile throughput vs yaml and JSON.parse'],
  ['cli', 'cli.js', 'CLI start-up'],
  ['lsp', 'lsp.js', 'language server latency and memory'],
  ['guardrails', 'guardrails.js', 'guardrail precision and recall on the held-out set'],
  ['render', 'render.js', 'render scheduling overhead and memory'],
];

console.log(`# shotc benchmarks — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString()}`);
let failed = 0;
for (const [name, file, what] of benches) {
  if (only.length && !only.includes(name)) continue;
  const script = path.join(here, file);
  if (!existsSync(script)) {
    console.log(`\n## ${what}\n\n(no ${file} yet)`);
    continue;
  }
  const r = spawnSync(process.execPath, ['--expose-gc', script, ...(quick ? ['--quick'] : [])], { stdio: 'inherit', cwd: path.join(here, '..') });
  if (r.status !== 0) {
    failed++;
    console.log(`\n(${file} exited ${r.status})`);
  }
}
process.exitCode = failed ? 1 : 0;
