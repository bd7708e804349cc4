import * as path from 'node:path';
import YAML from 'yaml';
import { compile, type CompileResult } from '../../core/compile.js';
import { getTarget, targets } from '../../core/targets/index.js';
import { nodeHost, toPosix } from '../../node/host.js';
import { writeFileAtomic } from '../../node/atomic.js';
import { parse, UsageError, type CommandSpec } from '../args.js';
import { readSource, withIo } from '../files.js';
import { printHelp, type Command } from '../main.js';
import { stdout } from '../output.js';
import { exitCodeFor, parseMaxWarnings, printPretty, printSummary } from '../report.js';
import { planSummary } from '../summary.js';

const spec: CommandSpec = {
  name: 'compile',
  summary: 'Compile .shot files into one API request per clip (the plan).',
  usage: 'shotc compile FILE… [--format json|yaml|text] [--out DIR] [options]',
  description:
    'Prints the plan: per clip the request (endpoint and body), the reference image, dependencies, a content\n' +
    'hash and a cost estimate. Several files print a JSON array. With --out, writes DIR/plan.json and one\n' +
    'DIR/<clip>.request.json per clip instead (atomically). Diagnostics go to standard error.',
  options: {
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'Output format.', choices: ['json', 'yaml', 'text'], default: 'json' },
    out: { type: 'string', short: 'o', value: 'DIR', description: 'Write plan.json and one request file per clip into DIR.' },
    target: { type: 'string', short: 't', value: 'TARGET', description: `Compile for this target instead of the file's (${targets.map((t) => t.id).join(', ')}).` },
    model: { type: 'string', value: 'MODEL', description: 'Use this model for clips that do not name one.' },
    'max-warnings': { type: 'string', value: 'N', description: 'Exit 1 when there are more than N warnings.' },
    'no-lint': { type: 'boolean', description: 'Skip the lint rules (syntax and settings are still checked).' },
    quiet: { type: 'boolean', short: 'q', description: 'Print only errors on standard error.' },
  },
  examples: ['shotc compile examples/platform.shot', 'shotc compile examples/*.shot --format text', 'shotc compile scene.shot --out build/ --max-warnings 0'],
  minArgs: 1,
};

interface Options {
  format: 'json' | 'yaml' | 'text';
  out?: string;
  target?: string;
  model?: string;
  'max-warnings'?: string;
  'no-lint'?: boolean;
  quiet?: boolean;
}

export async function compileOne(file: string, opts: { target?: string; model?: string; lint?: boolean }): Promise<CompileResult> {
  const text = await readSource(file);
  const name = file === '-' ? '<stdin>' : toPosix(file);
  return compile(text, {
    filename: name,
    host: nodeHost(),
    ...(opts.target ? { target: opts.target } : {}),
    ...(opts.model ? { model: opts.model } : {}),
    lint: opts.lint !== false,
  });
}

export const command: Command = {
  spec,
  async run(argv) {
    const parsed = parse<Options>(spec, argv);
    if (parsed === 'help') return printHelp(spec);
    const { options: o, args } = parsed;
    const maxWarnings = parseMaxWarnings(o['max-warnings']);
    if (Number.isNaN(maxWarnings)) throw new UsageError('--max-warnings needs a whole number (-1 for no limit)');
    if (o.target && !getTarget(o.target)) throw new UsageError(`unknown target "${o.target}"; targets: ${targets.map((t) => t.id).join(', ')}`);
    return withIo('compile', async () => {
      const results: CompileResult[] = [];
      for (const file of args) results.push(await compileOne(file, { ...(o.target ? { target: o.target } : {}), ...(o.model ? { model: o.model } : {}), lint: !o['no-lint'] }));
      const records = results.flatMap((r) => r.plan.diagnostics);
      const shown = o.quiet ? records.filter((r) => r.severity === 'error') : records;
      const sources = new Map(results.flatMap((r) => [...r.sources]));
      printPretty(shown, sources);
      if (shown.length) printSummary(shown, results.length);
      const plans = results.map((r) => r.plan);
      if (o.out) {
        const written = await writePlans(o.out, results);
        stdout(written.map((w) => `wrote ${w}\n`).join(''));
      } else if (o.format === 'text') {
        stdout(results.map((r) => planSummary(r)).join('\n'));
      } else if (o.format === 'yaml') {
        stdout(YAML.stringify(plans.length === 1 ? plans[0] : plans, { lineWidth: 0 }));
      } else {
        stdout(JSON.stringify(plans.length === 1 ? plans[0] : plans, null, 2) + '\n');
      }
      return exitCodeFor(records, maxWarnings);
    });
  },
};

/** DIR/plan.json and DIR/<clip>.request.json (per file in DIR/<stem>/ when there are several). */
async function writePlans(dir: string, results: readonly CompileResult[]): Promise<string[]> {
  const written: string[] = [];
  for (const r of results) {
    const base = results.length === 1 ? dir : path.join(dir, path.basename(r.plan.file).replace(/\.shot$/, ''));
    const planPath = path.join(base, 'plan.json');
    await writeFileAtomic(planPath, JSON.stringify(r.plan, null, 2) + '\n');
    written.push(planPath);
    for (const clip of r.plan.clips) {
      const p = path.join(base, `${clip.name}.request.json`);
      const request = { ...clip.request, inputReference: clip.inputReference, dependsOn: clip.dependsOn, hash: clip.hash };
      await writeFileAtomic(p, JSON.stringify(request, null, 2) + '\n');
      written.push(p);
    }
  }
  return written;
}
