import { parse as parseShot } from '../../core/syntax/parse.js';
import { toRecord } from '../../core/diagnostics/index.js';
import { parse, type CommandSpec } from '../args.js';
import { readSource, withIo } from '../files.js';
import { printHelp, type Command } from '../main.js';
import { stdout } from '../output.js';
import { exitCodeFor, printPretty } from '../report.js';

const spec: CommandSpec = {
  name: 'parse',
  summary: 'Print the syntax tree of a .shot file as JSON (for tools and debugging).',
  usage: 'shotc parse FILE [--format json]',
  description: 'Spans are [start, end) UTF-16 offsets; --positions adds 1-based line:column to every span.',
  options: {
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'Output format.', choices: ['json'], default: 'json' },
    positions: { type: 'boolean', description: 'Add "loc" (1-based line and column) next to every span.' },
  },
  examples: ['shotc parse examples/platform.shot | jq .blocks[0]'],
  minArgs: 1,
  maxArgs: 1,
};

export const command: Command = {
  spec,
  async run(argv) {
    const parsed = parse<{ format: string; positions?: boolean }>(spec, argv);
    if (parsed === 'help') return printHelp(spec);
    const file = parsed.args[0]!;
    return withIo('parse', async () => {
      const result = parseShot(await readSource(file), { filename: file === '-' ? '<stdin>' : file });
      const records = result.diagnostics.map((d) => toRecord(d, result.source));
      printPretty(records, new Map([[result.source.name, result.source]]));
      const replacer = parsed.options.positions
        ? (key: string, value: unknown): unknown => {
            if (value && typeof value === 'object' && 'start' in value && 'end' in value && typeof (value as { start: unknown }).start === 'number') {
              const s = value as { start: number; end: number };
              const a = result.source.positionAt(s.start);
              const b = result.source.positionAt(s.end);
              return { ...s, loc: `${a.line + 1}:${a.character + 1}-${b.line + 1}:${b.character + 1}` };
            }
            return value;
          }
        : undefined;
      stdout(JSON.stringify({ file: result.source.name, ast: result.ast, diagnostics: records }, replacer, 2) + '\n');
      return exitCodeFor(records, undefined);
    });
  },
};
