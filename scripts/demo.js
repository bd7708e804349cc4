// `npm run demo`: compile every example, start the Videos API emulator in this process, render
// examples/three-clips.shot into out/ through the real `shotc render`, and say where the film is.
// No API key and no network: the emulator listens on 127.0.0.1 and makes its videos with ffmpeg.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
if (!existsSync('dist/shotc.js') || !existsSync('dist/emulator/index.js')) {
  console.log('building first (npm run build)…');
  const built = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const { compileFile } = await import('../dist/node/index.js');
const { startEmulator } = await import('../dist/emulator/index.js');
const { main } = await import('../dist/shotc.js');

// A key or gateway in the environment must not leak into the demo (nor the demo into it).
delete process.env.OPENAI_API_KEY;
delete process.env.OPENAI_BASE_URL;

console.log('# 1. Compile every example\n');
const examples = readdirSync('examples').filter((f) => f.endsWith('.shot')).sort();
for (const name of examples) {
  const { plan } = await compileFile(path.join('examples', name));
  const errors = plan.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = plan.diagnostics.filter((d) => d.severity === 'warning').length;
  const usd = plan.estimate.usd === null ? '—' : `$${plan.estimate.usd.toFixed(2)}`;
  console.log(`  ${name.padEnd(26)} ${String(plan.clips.length).padStart(2)} clip${plan.clips.length === 1 ? ' ' : 's'}  ${String(plan.estimate.seconds).padStart(3)} s  ${usd.padStart(7)}  ${errors} errors, ${warnings} warnings`);
}

console.log('\n# 2. Start the Videos API emulator (loopback, real ffmpeg media)\n');
let emulator;
try {
  // Its state lives beside the render journal, so a second demo finds the same jobs.
  emulator = await startEmulator({ port: 0, latencyMs: 2500, stateDir: path.join('examples', '.shotc', 'emulator') });
} catch (e) {
  console.error(`cannot start the emulator: ${e.message}`);
  process.exit(2);
}
console.log(`  ${emulator.url}\n`);

const file = 'examples/three-clips.shot';
console.log(`# 3. shotc render ${file} --out out --yes --base-url ${emulator.url}\n`);
let code;
try {
  code = await main(['render', file, '--out', 'out', '--yes', '--base-url', emulator.url]);
} finally {
  await emulator.close();
}
const film = path.join('out', 'three-clips.mp4');
if (code === 0 && existsSync(film)) {
  const page = path.join('out', 'three-clips.storyboard.html');
  console.log(`\n# 4. shotc preview ${file} --out ${page}\n`);
  const previewed = await main(['preview', file, '--out', page, '--render-dir', 'out', '--quiet']);
  console.log(`\nThe film is ${path.resolve(film)}; each clip, its thumbnail and spritesheet are next to it in out/.`);
  if (previewed === 0) console.log(`The storyboard, with the clips in it, is ${path.resolve(page)} (open it in a browser).`);
  console.log('Run `npm run demo` again: nothing is created twice (the journal in examples/.shotc/ remembers every job).');
} else {
  console.log(`\nshotc render exited ${code}`);
}
process.exitCode = code;
