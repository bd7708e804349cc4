/**
 * `shotc render`: compile, show what would be spent, confirm, then submit, follow, download and
 * stitch through the render engine. Everything printed passes through a redactor that knows the
 * API key.
 */
import * as path from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { CompileResult } from '../../core/compile.js';
import { parse, UsageError, type CommandSpec } from '../args.js';
import { withIo } from '../files.js';
import { printHelp, type Command } from '../main.js';
import { colorEnabled, plural } from '../output.js';
import { printPretty, printSummary } from '../report.js';
import { getTarget, targets } from '../../core/targets/index.js';
import { compileOne } from './compile.js';

const spec: CommandSpec = {
  name: 'render',
  summary: 'Render a .shot file: submit each clip, download the videos and stitch the film.',
  usage: 'shotc render FILE [--target T] [--out DIR] [--concurrency N] [--budget USD] [--dry-run] [--yes] [--only CLIP…]',
  description: [
    'Compiles FILE (and refuses to render while it has errors), shows each clip with what it needs and',
    'the cost of the jobs to create, asks before spending (pass --yes when not at a terminal), then',
    'submits clips in dependency order — a REMIX, EXTEND or EDIT waits for its source — polls them,',
    'and downloads each finished clip into DIR as <clip>.mp4, <clip>.thumbnail.webp and',
    '<clip>.spritesheet.jpg (checked with ffprobe before they replace anything).',
    '',
    'The film DIR/<file>.mp4 joins the clips in file order when their sizes match. A REMIX or EDIT',
    'replaces its source in the film; so does an EXTEND, whose video already holds the source',
    'followed by the extension. When several clips derive from one, the last in the file is used.',
    '',
    'A journal in .shotc/ next to FILE records every job before it is created. Running again',
    'creates nothing that already exists: finished clips are reused (and re-downloaded if their',
    'files are missing), running jobs are followed, and a render stopped at any moment — Ctrl-C or',
    'a crash — is picked up without creating a job twice. Only changed clips (and the clips made',
    'from them) are rendered again.',
    '',
    'The API is reached through its official SDK at --base-url (default: the target\'s variable —',
    'OPENAI_BASE_URL, RUNWAYML_BASE_URL, GOOGLE_GEMINI_BASE_URL, FAL_BASE_URL — else the SDK\'s), with',
    'the key from OPENAI_API_KEY, RUNWAYML_API_SECRET, GOOGLE_API_KEY or GEMINI_API_KEY, FAL_KEY, or',
    '--api-key-env. Runway, Veo and fal make one asset per clip, <clip>.mp4. A local base URL (such as',
    '`shotc emulate`) needs no key. ffmpeg and ffprobe come from SHOTC_FFMPEG / SHOTC_FFPROBE, PATH,',
    'or the optional @ffmpeg-installer/@ffprobe-installer packages.',
    '',
    'Exit codes: 0 every clip rendered, 1 a clip failed or was skipped (or the budget or the file',
    'refused), 2 usage or IO error, 130 stopped by Ctrl-C.',
  ].join('\n'),
  options: {
    out: { type: 'string', short: 'o', value: 'DIR', description: 'Where to write the clips and the film (default: out/ next to FILE).' },
    concurrency: { type: 'string', short: 'j', value: 'N', description: 'Jobs in flight at once.', default: '4' },
    budget: { type: 'string', value: 'USD', description: 'Refuse when the estimated cost of new jobs is above this (overrides front matter `budget`).' },
    'dry-run': { type: 'boolean', short: 'n', description: 'Show what would be reused and created; submit nothing.' },
    yes: { type: 'boolean', short: 'y', description: 'Do not ask for confirmation.' },
    only: { type: 'string', multiple: true, value: 'CLIP', description: 'Render only these clips (and the clips they are made from); repeatable or comma-separated.' },
    target: { type: 'string', short: 't', value: 'TARGET', description: `Render for this target instead of the file's (${targets.map((t) => t.id).join(', ')}).` },
    model: { type: 'string', short: 'm', value: 'MODEL', description: "Use this model instead of the file's." },
    'base-url': { type: 'string', value: 'URL', description: 'API base URL (e.g. http://127.0.0.1:4242/v1 for `shotc emulate`).' },
    'api-key-env': { type: 'string', value: 'NAME', description: 'Read the API key from this environment variable.' },
    'no-stitch': { type: 'boolean', description: 'Do not stitch the film.' },
    quiet: { type: 'boolean', short: 'q', description: 'Print no progress, only problems and the result.' },
  },
  examples: [
    'shotc render examples/platform.shot --dry-run',
    'shotc render scene.shot --yes --out renders/',
    'shotc render scene.shot --only arrival-dusk --budget 2',
    'shotc emulate & OPENAI_BASE_URL=http://127.0.0.1:4242/v1 shotc render scene.shot --yes',
  ],
  minArgs: 1,
};

interface Options {
  out?: string;
  concurrency: string;
  budget?: string;
  'dry-run'?: boolean;
  yes?: boolean;
  only?: string[];
  target?: string;
  model?: string;
  'base-url'?: string;
  'api-key-env'?: string;
  'no-stitch'?: boolean;
  quiet?: boolean;
}

const ACTION_TEXT: Record<string, string> = {
  cached: 'reuse',
  download: 'download',
  resume: 'follow job',
  reconcile: 'find job',
  create: 'create',
  retry: 'create again',
};

function usd(n: number | null): string {
  return n === null ? '—' : `$${n.toFixed(2)}`;
}

/** A path as the user would write it: relative to the working directory when inside it. */
function display(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
  } catch {
    return false;
  }
}

export const command: Command = {
  spec,
  async run(argv) {
    const parsed = parse<Options>(spec, argv);
    if (parsed === 'help') return printHelp(spec);
    const { options: o, args } = parsed;
    const [file, ...extra] = args as [string, ...string[]];
    if (extra.length && !o.only) throw new UsageError(`render takes one file (got ${args.length} arguments); to render some clips, use --only`);
    const only = [...(o.only ?? []).flatMap((s) => s.split(',')), ...extra].map((s) => s.trim()).filter(Boolean);
    const concurrency = Number(o.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError(`--concurrency needs a whole number from 1 to 64 (got "${o.concurrency}")`);
    const budgetFlag = o.budget === undefined ? undefined : Number(o.budget.replace(/^\$/, ''));
    if (budgetFlag !== undefined && !(Number.isFinite(budgetFlag) && budgetFlag >= 0)) throw new UsageError(`--budget needs an amount in US dollars, such as 5 or 12.50 (got "${o.budget}")`);
    if (o['base-url'] !== undefined && !/^https?:\/\/[^/]/.test(o['base-url'])) throw new UsageError(`--base-url needs an http(s) URL such as http://127.0.0.1:4242/v1 (got "${o['base-url']}")`);
    if (o.target && !getTarget(o.target)) throw new UsageError(`unknown target "${o.target}"; targets: ${targets.map((t) => t.id).join(', ')}`);
    if (file === '-') throw new UsageError('render needs a file on disk (its journal and outputs live next to it), not standard input');

    const render = await import('../../render/index.js');
    let secret: string | null = null;
    const redact = (s: string): string => render.makeRedactor([secret])(s);
    const out = (s: string): void => void process.stdout.write(redact(s));
    const err = (s: string): void => void process.stderr.write(redact(s));

    try {
      return await withIo('render', async () => {
        const result: CompileResult = await compileOne(file, { ...(o.target ? { target: o.target } : {}), ...(o.model ? { model: o.model } : {}) });
        const records = result.plan.diagnostics;
        if (records.length) {
          printPretty(records, result.sources, err);
          printSummary(records, 1, err);
        }
        const errors = records.filter((r) => r.severity === 'error').length;
        if (errors) {
          err(`shotc render: not rendering ${file}: fix the ${plural(errors, 'error')} above first\n`);
          return 1;
        }
        const { plan } = result;
        const entry = render.providerFor(plan.target);
        if (!entry) {
          err(`shotc render: target "${plan.target}" cannot be rendered yet (renderable: ${render.renderableTargets().join(', ')}); \`shotc compile\` still emits its requests\n`);
          return 2;
        }
        const { selected, unknown } = render.selectClips(plan, only);
        if (unknown.length) {
          const names = plan.clips.map((c) => c.name);
          throw new UsageError(`--only: no clip named ${unknown.map((u) => `"${u}"`).join(', ')} in ${file}; clips: ${names.join(', ') || '(none)'}`);
        }
        if (plan.clips.length === 0) {
          out(`${file} has no clips: nothing to render\n`);
          return 0;
        }

        const shotFile = path.resolve(file);
        const base = path.dirname(shotFile);
        const outDir = o.out ? path.resolve(o.out) : path.join(base, 'out');
        const journal = await render.JournalStore.open(shotFile);
        const assets = entry.assets;
        const assessment = await render.assess(plan, journal.journal, selected, { out: outDir, base }, assets);

        // What will happen, and what it costs.
        const rows = [['CLIP', 'KIND', 'SIZE', 'SECONDS', 'COST', 'ACTION']];
        for (const a of assessment.clips) {
          const spends = a.action === 'create' || a.action === 'retry' || a.action === 'reconcile';
          rows.push([a.clip.name, a.clip.kind, a.clip.output.size, String(a.clip.output.seconds), spends ? usd(a.clip.estimate.usd) : '', `${ACTION_TEXT[a.action]}${a.action === 'create' && a.reason === 'new' ? '' : ` — ${a.reason}`}`]);
        }
        const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
        out(`${plan.title} (${file} → ${result.resolved.target.name}, into ${display(outDir)}/)\n`);
        for (const r of rows) out(`  ${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()}\n`);
        const budget = budgetFlag ?? result.resolved.settings.budget?.value ?? null;
        const spend = assessment.spend;
        out(
          spend.clips
            ? `  to create: ${plural(spend.clips, 'job')}, ${spend.seconds} s, estimated ${usd(spend.usd)}${budget !== null ? ` (budget ${usd(budget)})` : ''}\n`
            : '  nothing to create: every clip is already rendered or running\n',
        );

        if (budget !== null && spend.clips) {
          if (spend.usd === null) {
            err(`shotc render: cannot check the budget: no price is known for ${spend.unpriced.join(', ')}; remove the budget or render those clips separately with --only\n`);
            return 1;
          }
          if (spend.usd > budget + 1e-9) {
            err(`shotc render: the estimate ${usd(spend.usd)} is over the budget of ${usd(budget)}${budgetFlag !== undefined ? ' (--budget)' : ' (front matter `budget`)'}; raise the budget or render fewer clips with --only\n`);
            return 1;
          }
        }
        if (o['dry-run']) {
          out('dry run: nothing was submitted\n');
          return 0;
        }

        // The key is only needed when something talks to the API.
        const baseURL = o['base-url'] ?? (entry.baseUrlEnv ? process.env[entry.baseUrlEnv] || null : null);
        const keyNames = o['api-key-env'] ? [o['api-key-env']] : entry.keyEnv;
        secret = keyNames.map((n) => process.env[n]).find((v) => v !== undefined && v !== '') ?? null;
        if (assessment.needsApi && !secret) {
          if (baseURL && isLoopback(baseURL)) secret = 'shotc-local-no-key';
          else {
            err(`shotc render: no API key: set ${keyNames.join(' or ')}${o['api-key-env'] ? '' : ' (or name another variable with --api-key-env)'}; to render locally, run \`shotc emulate\` and pass its --base-url\n`);
            return 2;
          }
        }

        if (spend.clips && !o.yes) {
          if (!(process.stdin.isTTY && process.stdout.isTTY)) {
            err(`shotc render: refusing to create ${plural(spend.clips, 'job')} (${usd(spend.usd)}) without confirmation: pass --yes\n`);
            return 2;
          }
          const rl = createInterface({ input: process.stdin, output: process.stdout });
          const answer = await rl.question(`Create ${plural(spend.clips, 'job')} for about ${usd(spend.usd)}? [y/N] `).finally(() => rl.close());
          if (!/^y(es)?$/i.test(answer.trim())) {
            out('nothing submitted\n');
            return 1;
          }
        }

        const release = await render.lockRender(shotFile);
        const tools = render.findFfTools();
        if (!tools.ffprobe) err(`shotc render: ffprobe not found, so downloads are only checked by their headers and the film is not stitched: ${render.FFMPEG_HELP}\n`);
        const controller = new AbortController();
        let interrupts = 0;
        const onInterrupt = (): void => {
          interrupts++;
          if (interrupts > 1) {
            err('\nstopped at once; the journal is consistent, run again to continue\n');
            process.exit(130);
          }
          controller.abort();
          reporter.note('stopping… (jobs already created are recorded; run again to pick them up; Ctrl-C again to quit now)');
        };
        const tty = !o.quiet && process.stdout.isTTY === true;
        const names = assessment.clips.map((a) => a.clip.name);
        const reporter = o.quiet
          ? { clip() {}, note() {}, finish() {} }
          : tty
            ? render.ttyReporter(names, { write: out, columns: () => process.stdout.columns ?? 80, rows: () => process.stdout.rows ?? 24, color: colorEnabled(process.stdout) })
            : render.lineReporter(out);
        process.on('SIGINT', onInterrupt);
        process.on('SIGTERM', onInterrupt);
        const started = Date.now();
        let outcome;
        try {
          outcome = await render.runRender({
            plan,
            assessment,
            shotFile,
            outDir,
            provider: async () => (await entry.load())({ apiKey: secret ?? '', baseURL }),
            assets,
            journal,
            concurrency,
            tools,
            events: reporter,
            signal: controller.signal,
            stitch: !o['no-stitch'],
          });
        } finally {
          reporter.finish();
          process.off('SIGINT', onInterrupt);
          process.off('SIGTERM', onInterrupt);
          await journal.settle();
          await release();
        }

        // The result.
        const rel = display;
        const count = (r: string): number => outcome.clips.filter((c) => c.result === r).length;
        const lines: string[] = [];
        for (const c of outcome.clips) {
          if (c.result === 'failed') lines.push(`  ✗ ${c.clip}: ${c.error ? `${c.error.code}: ${c.error.message}` : 'failed'}`);
          else if (c.result === 'skipped') lines.push(`  – ${c.clip}: skipped: ${c.reason ?? ''}`);
          else if (c.result === 'cancelled') lines.push(`  – ${c.clip}: stopped`);
          else lines.push(`  ✓ ${c.clip}: ${rel(c.files['video'] ?? Object.values(c.files)[0] ?? '')}${c.result === 'cached' ? ' (reused)' : ''}`);
        }
        const tally = [`${count('rendered')} rendered`, count('cached') ? `${count('cached')} reused` : '', count('failed') ? `${count('failed')} failed` : '', count('skipped') ? `${count('skipped')} skipped` : '', count('cancelled') ? `${count('cancelled')} stopped` : '']
          .filter(Boolean)
          .join(', ');
        out(`\n${outcome.cancelled ? 'stopped' : 'finished'} in ${render.elapsedText(Date.now() - started)}: ${tally}\n${lines.join('\n')}\n`);
        const film = outcome.film;
        if (film.status === 'stitched' || film.status === 'unchanged') {
          out(`film: ${rel(film.path!)} (${film.seconds!.toFixed(1)} s: ${film.clips.join(', ')})${film.status === 'unchanged' ? ', unchanged' : ''}\n`);
        } else if (!outcome.cancelled && film.reason) {
          (film.status === 'failed' ? err : out)(`film not stitched: ${film.reason}\n`);
        }
        if (outcome.cancelled) {
          out('the journal records every job created; run the same command again to continue\n');
          return 130;
        }
        return count('failed') || count('skipped') || film.status === 'failed' ? 1 : 0;
      });
    } catch (e) {
      if (e instanceof render.JournalError || e instanceof render.LockedError) {
        err(`shotc render: ${e.message}\n`);
        return 2;
      }
      if (e instanceof Error) {
        e.message = redact(e.message);
        if (e.stack) e.stack = redact(e.stack);
      }
      throw e;
    }
  },
};
