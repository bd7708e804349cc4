/**
 * examples/: real sequences compile cleanly with their real reference images and are already in
 * canonical format; the files in examples/broken/ produce exactly the diagnostics they list; the
 * plan `shotc compile --format json` prints for each of them is a valid Plan (spec/output.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { format, PlanSchema, type Plan } from '../src/index.js';
import { compileFile } from '../src/node/index.js';
import { ROOT, runCli } from './helpers/cli.js';

const DIR = path.join(ROOT, 'examples');
// Compiling runs every rule, the slow ones too (reference images, guardrail word lists): generous
// limits keep a loaded machine from failing a correct example.
const SLOW = 120_000;
const shotFiles = (dir: string): string[] =>
  readdirSync(path.join(DIR, dir))
    .filter((f) => f.endsWith('.shot'))
    .sort()
    .map((f) => (dir ? `${dir}/${f}` : f));
const examples = shotFiles('');
const broken = shotFiles('broken');

/**
 * The diagnostics a file documents in `// expect: LINE:COLUMN SEVERITY CODE RULE` comments
 * (`// expect: none` for none), or null when it documents none.
 */
function documented(text: string): string[] | null {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.startsWith('// expect: '))
    .map((l) => l.slice('// expect: '.length).trim());
  if (!lines.length) return null;
  return lines.length === 1 && lines[0] === 'none' ? [] : lines;
}

/** The ```json excerpt=FILE blocks of spec/output.md. */
function outputExcerpts(): { file: string; json: string; line: number }[] {
  const lines = readFileSync(path.join(ROOT, 'spec', 'output.md'), 'utf8').split('\n');
  const out: { file: string; json: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^```json excerpt=(\S+)$/.exec(lines[i]!);
    if (!m) continue;
    const start = i + 1;
    while (i + 1 < lines.length && lines[i + 1] !== '```') i++;
    out.push({ file: m[1]!, json: lines.slice(start, i + 1).join('\n'), line: start });
  }
  return out;
}

/** `actual` cut down to the keys `expected` names (arrays element by element): a subset check with a readable diff. */
function project(actual: unknown, expected: unknown): unknown {
  if (Array.isArray(expected) && Array.isArray(actual)) return actual.map((a, i) => (i < expected.length ? project(a, expected[i]) : a));
  if (isObject(expected) && isObject(actual)) {
    return Object.fromEntries(Object.keys(expected).map((k) => [k, k in actual ? project(actual[k], expected[k]) : '‹missing›']));
  }
  return actual;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Each file compiled once (the tests below look at the same plans from different sides). */
const plans = new Map<string, Promise<Plan>>();
function planOf(file: string): Promise<Plan> {
  let p = plans.get(file);
  if (!p) {
    p = compileFile(file, { cwd: ROOT }).then((r) => r.plan);
    plans.set(file, p);
  }
  return p;
}

async function diagnosticsOf(file: string): Promise<string[]> {
  const plan = await planOf(`examples/${file}`);
  return plan.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.code} ${d.rule}`);
}

describe('examples/', () => {
  it('has at least eight examples besides the broken ones, each indexed in examples/README.md', () => {
    expect(examples.length).toBeGreaterThanOrEqual(9);
    const readme = readFileSync(path.join(DIR, 'README.md'), 'utf8');
    for (const f of [...examples, ...broken]) expect(readme, f).toContain(`(${f})`);
  });

  for (const file of examples) {
    it(`${file} compiles with no errors or warnings (or exactly the diagnostics it documents)`, async () => {
      const got = await diagnosticsOf(file);
      const want = documented(readFileSync(path.join(DIR, file), 'utf8'));
      if (want) expect(got).toEqual(want);
      else expect(got.filter((d) => !/ info /.test(d))).toEqual([]);
    }, SLOW);

    it(`${file} is in canonical format`, () => {
      const text = readFileSync(path.join(DIR, file), 'utf8');
      expect(format(text, { filename: file })).toBe(text);
    });
  }

  it('kitchen-sink.shot says at its top which diagnostics it carries', () => {
    const text = readFileSync(path.join(DIR, 'kitchen-sink.shot'), 'utf8');
    expect(documented(text)).not.toBeNull();
  });

  for (const file of broken) {
    it(`${file} produces exactly the diagnostics it lists`, async () => {
      const want = documented(readFileSync(path.join(DIR, file), 'utf8'));
      expect(want, `${file} lists its diagnostics in // expect: lines`).not.toBeNull();
      expect(want!.length, `${file} shows at least one diagnostic`).toBeGreaterThan(0);
      expect(await diagnosticsOf(file)).toEqual(want);
    }, SLOW);
  }

  it('sends the reference frames as the clips’ first frames, in PNG, JPEG and WebP', async () => {
    const plan = await planOf('examples/reference-frames.shot');
    expect(plan.clips.map((c) => [c.name, c.inputReference, c.output.size])).toEqual([
      ['test-card', { path: 'frames/test-card-1280x720.png', mimeType: 'image/png', width: 1280, height: 720 }, '1280x720'],
      ['dusk', { path: 'frames/dusk-gradient-720x1280.jpg', mimeType: 'image/jpeg', width: 720, height: 1280 }, '720x1280'],
      ['sea', { path: 'frames/sea-gradient-1280x720.webp', mimeType: 'image/webp', width: 1280, height: 720 }, '1280x720'],
    ]);
  }, SLOW);

  for (const block of outputExcerpts()) {
    it(`spec/output.md:${block.line} is an excerpt of the plan of ${block.file}`, async () => {
      const plan = await planOf(block.file);
      const excerpt = JSON.parse(block.json) as unknown;
      expect(project(JSON.parse(JSON.stringify(plan)), excerpt)).toEqual(excerpt);
    }, SLOW);
  }

  it('prints, for every example, a plan that `shotc compile --format json` makes and PlanSchema accepts', async () => {
    const files = [...examples, ...broken].map((f) => `examples/${f}`);
    const r = await runCli(['compile', '--format', 'json', ...files]);
    // The broken examples have errors, so the exit code says so; the plans are printed all the same.
    expect(r.code).toBe(1);
    const plans = JSON.parse(r.stdout) as unknown[];
    expect(plans).toHaveLength(files.length);
    plans.forEach((p, i) => {
      const parsed = PlanSchema.safeParse(p);
      expect(parsed.success, `${files[i]}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
      expect(parsed.data?.file).toBe(files[i]);
    });
  }, SLOW);
});
