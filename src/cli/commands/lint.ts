import { toRecord, type Diagnostic, type DiagnosticRecord } from '../../core/diagnostics/index.js';
import { applyEdits, compatibleFixes } from '../../core/fix.js';
import { getTarget, targets } from '../../core/targets/index.js';
import { writeFileAtomic } from '../../node/atomic.js';
import { parse, UsageError, type CommandSpec } from '../args.js';
import { withIo } from '../files.js';
import { printHelp, type Command } from '../main.js';
import { stderr, stdout } from '../output.js';
import { exitCodeFor, parseMaxWarnings, printPretty, printSummary } from '../report.js';
import { compileOne } from './compile.js';
import { reporters } from '../reporters.js';

const spec: CommandSpec = {
  name: 'lint',
  summary: 'Check .shot files against model limits, prompt craft and content guardrails.',
  usage: 'shotc lint FILE… [--format pretty|json|sarif|github] [--fix] [--max-warnings N]',
  description:
    'Runs every rule, including the slow ones that read reference images. Rules are configured with `lint:`\n' +
    'in the front matter or shotc.yaml, and silenced inline with `// shotc-disable-next-line RULE`.\n' +
    '--fix applies the safe fixes and rewrites the files atomically; suggestions are left to the editor.',
  options: {
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'Output format.', choices: Object.keys(reporters), default: 'pretty' },
    fix: { type: 'boolean', description: 'Apply safe fixes in place.' },
    'max-warnings': { type: 'string', value: 'N', description: 'Exit 1 when there are more than N warnings.' },
    target: { type: 'string', short: 't', value: 'TARGET', description: 'Check against this target instead of the file\'s.' },
    quiet: { type: 'boolean', short: 'q', description: 'Report errors only.' },
    moderate: { type: 'boolean', description: 'Also send each clip\'s prompt (and reference image) to OpenAI\'s moderation endpoint (needs OPENAI_API_KEY).' },
    'base-url': { type: 'string', value: 'URL', description: 'API base URL for --moderate (default: OPENAI_BASE_URL, else OpenAI).' },
  },
  examples: ['shotc lint examples/*.shot', 'shotc lint scene.shot --fix', 'shotc lint **/*.shot --format sarif > shotc.sarif'],
  minArgs: 1,
};

interface Options {
  format: string;
  fix?: boolean;
  'max-warnings'?: string;
  target?: string;
  quiet?: boolean;
  moderate?: boolean;
  'base-url'?: string;
}

const MAX_FIX_PASSES = 10;

export const command: Command = {
  spec,
  async run(argv) {
    const parsed = parse<Options>(spec, argv);
    if (parsed === 'help') return printHelp(spec);
    const { options: o, args } = parsed;
    const maxWarnings = parseMaxWarnings(o['max-warnings']);
    if (Number.isNaN(maxWarnings)) throw new UsageError('--max-warnings needs a whole number (-1 for no limit)');
    if (o.target && !getTarget(o.target)) throw new UsageError(`unknown target "${o.target}"; targets: ${targets.map((t) => t.id).join(', ')}`);
    if (o.fix && args.includes('-')) throw new UsageError('--fix cannot rewrite standard input');
    const apiKey = process.env['OPENAI_API_KEY'];
    if (o.moderate && !apiKey) throw new UsageError('--moderate needs an API key in OPENAI_API_KEY');
    if (o['base-url'] && !o.moderate) throw new UsageError('--base-url is only used with --moderate');
    const moderation = o.moderate ? await import('../moderate.js') : null;
    const client = moderation?.moderationClient({ apiKey: apiKey!, ...((o['base-url'] ?? process.env['OPENAI_BASE_URL']) ? { baseURL: o['base-url'] ?? process.env['OPENAI_BASE_URL'] } : {}) });
    return withIo('lint', async () => {
      const all: DiagnosticRecord[] = [];
      const sources = new Map();
      for (const file of args) {
        const opts = o.target ? { target: o.target } : {};
        let result = await compileOne(file, opts);
        if (o.fix) {
          let fixed = 0;
          for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
            const safe = compatibleFixes(result.diagnostics.filter((d: Diagnostic) => d.file === undefined).flatMap((d) => (d.fixes ?? []).filter((f) => f.safe).slice(0, 1)));
            if (!safe.length) break;
            const text = applyEdits(result.resolved.source.text, safe.flatMap((f) => f.edits));
            if (text === result.resolved.source.text) break;
            await writeFileAtomic(file, text);
            fixed += safe.length;
            result = await compileOne(file, opts);
          }
          if (fixed) stderr(`${file}: applied ${fixed} fix${fixed === 1 ? '' : 'es'}\n`);
        }
        const moderated = moderation && client ? await moderation.moderateFile(client, file, result) : [];
        const records = [...result.diagnostics, ...moderated].map((d) => toRecord(d, result.resolved.source, (n) => result.sources.get(n)));
        all.push(...(o.quiet ? records.filter((r) => r.severity === 'error') : records));
        for (const [k, v] of result.sources) sources.set(k, v);
      }
      if (o.format === 'pretty') {
        printPretty(all, sources, stdout, process.stdout);
        printSummary(all, args.length, stdout, process.stdout);
      } else {
        stdout(await reporters[o.format]!(all, { cwd: process.cwd() }));
      }
      return exitCodeFor(all, maxWarnings);
    });
  },
};
