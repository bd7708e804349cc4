// Render overhead: how close `shotc render`'s engine gets to the ideal schedule, and whether its
// memory stays flat as the clip count grows (downloads are streamed, never buffered).
//
// The emulator runs as its own process with a fixed latency per job (`shotc emulate --card plain
// --no-moderation`: every job of one size and length shares one test card and prompts are not
// checked, so neither ffmpeg nor the lint rules are what is measured).
// Each clip count renders in a fresh child process of this script, which reports its wall time
// and peak RSS. The ideal schedule is ceil(clips / concurrency) × latency + downloads, where
// downloads is measured: the same clips fetched and checked again, with the same concurrency and
// nothing else to do. A stricter bound is shown too, as if downloads overlapped the jobs
// perfectly: the larger of ceil(clips / concurrency) × latency + one clip's downloads, and
// the downloads alone.
//
//   node bench/render.js [--quick] [--latency MS] [--concurrency N] [--clips 10,50,100]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const quick = process.argv.includes('--quick');
const latency = Number(arg('latency', '300'));
const concurrency = Number(arg('concurrency', '10'));

function sequence(clips, tag) {
  const lines = ['---', `title: Bench ${clips}`, 'model: sora-2', 'size: 1280x720', '---', 'Style: plain test card.', ''];
  for (let i = 0; i < clips; i++) lines.push(`CLIP c${i} 4s`, `  Bench clip ${i} of ${clips} (${tag}).`, '');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Child: render one sequence in this process and report.
if (process.argv[2] === '--child') {
  const [, , , dir, url] = process.argv;
  const { compileFile } = await import(path.join(root, 'dist/node/index.js'));
  const render = await import(path.join(root, 'dist/render/index.js'));
  const file = path.join(dir, 'bench.shot');
  const t0 = performance.now();
  const { plan } = await compileFile(file);
  const journal = await render.JournalStore.open(file);
  const entry = render.providerFor(plan.target);
  const { selected } = render.selectClips(plan, null);
  const outDir = path.join(dir, 'out');
  const assessment = await render.assess(plan, journal.journal, selected, { out: outDir, base: dir }, entry.assets);
  const downloads = [];
  const started = new Map();
  const events = {
    clip(u) {
      if (u.phase === 'downloading') started.set(u.clip, performance.now());
      if (u.phase === 'done' && started.has(u.clip)) downloads.push(performance.now() - started.get(u.clip));
    },
    note() {},
  };
  // Loading the SDK is start-up (bench/cli.js measures that), not scheduling: do it before the clock.
  const factory = await entry.load();
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const outcome = await render.runRender({
    plan,
    assessment,
    shotFile: file,
    outDir,
    provider: async () => factory({ apiKey: 'bench', baseURL: url }),
    assets: entry.assets,
    journal,
    concurrency,
    tools: render.findFfTools(),
    events,
    signal: new AbortController().signal,
    stitch: false,
  });
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const failed = outcome.clips.filter((c) => c.result !== 'rendered').length;
  // The same clips again into an empty directory: every job is done, so this is downloads only —
  // how fast this machine can fetch and check them, a bound no schedule can beat.
  const again = path.join(dir, 'out-again');
  const downloadsOnly = await render.assess(plan, journal.journal, selected, { out: again, base: dir }, entry.assets);
  const t3 = performance.now();
  await render.runRender({
    plan,
    assessment: downloadsOnly,
    shotFile: file,
    outDir: again,
    provider: async () => factory({ apiKey: 'bench', baseURL: url }),
    assets: entry.assets,
    journal,
    concurrency,
    tools: render.findFfTools(),
    events: { clip() {}, note() {} },
    signal: new AbortController().signal,
    stitch: false,
  });
  const allDownloadsMs = performance.now() - t3;
  downloads.sort((a, b) => a - b);
  process.stdout.write(
    JSON.stringify({ clips: plan.clips.length, failed, compileMs: t1 - t0, renderMs: t2 - t1, allDownloadsMs, downloadMs: downloads[Math.floor(downloads.length / 2)] ?? 0, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n',
  );
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------
// Parent.
if (!existsSync(path.join(root, 'dist/render/index.js'))) {
  console.error('bench/render.js needs a build: npm run build');
  process.exit(2);
}
const counts = (arg('clips', quick ? '10,30' : '10,50,100') ?? '').split(',').map(Number);
console.log(`\n## render: scheduling overhead and memory (latency ${latency} ms per job, concurrency ${concurrency})\n`);

const emulator = spawn(process.execPath, [path.join(root, 'bin/shotc.js'), 'emulate', '--port', '0', '--latency', String(latency), '--card', 'plain', '--no-moderation', '--quiet'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  let out = '';
  emulator.stdout.setEncoding('utf8').on('data', (d) => {
    out += d;
    const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(out);
    if (m) resolve(m[1]);
  });
  emulator.on('exit', (code) => reject(new Error(`the emulator exited ${code}`)));
});

/** CPU seconds the emulator has used so far (Linux /proc; null elsewhere). */
function emulatorCpu() {
  try {
    const fields = readFileSync(`/proc/${emulator.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function run(clips, tag) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shotc-bench-render-'));
  writeFileSync(path.join(dir, 'bench.shot'), sequence(clips, tag));
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', dir, url, '--concurrency', String(concurrency)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`render of ${clips} clips failed (exit ${r.status}, signal ${r.signal}): ${r.stderr}${r.stdout}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

try {
  // Warm up: the emulator makes the shared card, and the OS caches the binaries.
  run(1, 'warm-up');
  const rows = [];
  for (const clips of counts) {
    const before = emulatorCpu();
    const m = run(clips, `run ${Date.now()}`);
    const after = emulatorCpu();
    const waves = Math.ceil(clips / concurrency) * latency;
    const ideal = waves + m.allDownloadsMs;
    const overlap = Math.max(waves + m.downloadMs, m.allDownloadsMs);
    rows.push([clips, m.renderMs, m.allDownloadsMs, ideal, m.renderMs / ideal, overlap, m.renderMs / overlap, m.cpuMs, before === null || after === null ? null : (after - before) * 1000, m.maxRssMb, m.failed]);
  }
  const fmt = (n, d = 0) => (n === null ? '—' : n.toFixed(d));
  console.log('| clips | wall (ms) | downloads (ms) | ideal (ms) | wall / ideal | overlap bound (ms) | wall / bound | renderer CPU (ms) | emulator CPU (ms) | peak RSS (MB) | failed |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [clips, wall, dls, ideal, ratio, overlap, ratio2, cpu, emu, rss, failed] of rows) {
    console.log(`| ${clips} | ${fmt(wall)} | ${fmt(dls)} | ${fmt(ideal)} | ${fmt(ratio, 2)}× | ${fmt(overlap)} | ${fmt(ratio2, 2)}× | ${fmt(cpu)} | ${fmt(emu)} | ${fmt(rss, 1)} | ${failed} |`);
  }
  console.log('\nIdeal: ceil(clips / concurrency) × latency + downloads (the same clips fetched and checked again, alone).');
  console.log('Overlap bound: as if downloads hid entirely behind later jobs — max(waves + one clip\'s downloads, downloads).');
  const load = os.loadavg()[0];
  console.log('\nWall time is the engine from first submit to last download (compiling excluded); target ≤ 1.15× ideal.');
  console.log('Peak RSS is the whole render process; it should not grow with the number of clips.');
  console.log(`Load average during the run: ${load.toFixed(1)} on ${os.cpus().length} CPUs (renderer and emulator share them; a busy machine stretches the wall time).`);
} finally {
  emulator.kill('SIGINT');
}
