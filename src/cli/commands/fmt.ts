import { format } from '../../core/format/index.js';
import { writeFileAtomic } from '../../node/atomic.js';
import { parse, UsageError, type CommandSpec } from '../args.js';
import { readSource, withIo } from '../files.js';
import { printHelp, type Command } from '../main.js';
import { stderr, stdout } from '../output.js';

const spec: CommandSpec = {
  name: 'fmt',
  summary: 'Format .shot files in the one canonical layout.',
  usage: 'shotc fmt [--check | --write] FILE…',
  description:
    'Without --check or --write, prints the formatted file (one file, or - for standard input).\n' +
    'Formatting never rewraps prose and keeps comments and notes; it changes indentation, key spellings,\n' +
    'timing lines, CLIP attribute order and blank lines.',
  options: {
    check: { type: 'boolean', short: 'c', description: 'Exit 1 and list the files that are not formatted; change nothing.' },
    write: { type: 'boolean', short: 'w', description: 'Rewrite the files in place (atomically); only files that change are written.' },
  },
  examples: ['shotc fmt scene.shot', 'shotc fmt --check examples/*.shot', 'shotc fmt --write examples/*.shot'],
  minArgs: 1,
};

export const command: Command = {
  spec,
  async run(argv) {
    const parsed = parse<{ check?: boolean; write?: boolean }>(spec, argv);
    if (parsed === 'help') return printHelp(spec);
    const { options: o, args } = parsed;
    if (o.check && o.write) throw new UsageError('use either --check or --write, not both');
    if (!o.check && !o.write && args.length > 1) throw new UsageError('printing handles one file; use --write or --check for several');
    if (o.write && args.includes('-')) throw new UsageError('--write cannot write standard input');
    return withIo('fmt', async () => {
      let unformatted = 0;
      for (const file of args) {
        const text = await readSource(file);
        const out = format(text, { filename: file });
        if (!o.check && !o.write) {
          stdout(out);
          continue;
        }
        if (out === text) continue;
        unformatted++;
        if (o.check) stderr(`${file}: not formatted (run shotc fmt --write ${file})\n`);
        else {
          await writeFileAtomic(file, out);
          stderr(`formatted ${file}\n`);
        }
      }
      if (o.check && unformatted === 0) stderr(`${args.length} file${args.length === 1 ? '' : 's'} formatted correctly\n`);
      return o.check && unformatted > 0 ? 1 : 0;
    });
  },
};
