import { allEntries, lookupEntry } from '../../core/diagnostics/index.js';
import { closest } from '../../core/syntax/keys.js';
import { docFor } from '../../node/docs.js';
import { parse, type CommandSpec } from '../args.js';
import { printHelp, type Command } from '../main.js';
import { stderr, stdout } from '../output.js';

const spec: CommandSpec = {
  name: 'explain',
  summary: 'Explain a diagnostic: what it means, an example that triggers it, and how to fix it.',
  usage: 'shotc explain [CODE | RULE]',
  description: 'Without an argument, lists every code and rule. The same text is in spec/diagnostics.md.',
  options: {},
  examples: ['shotc explain SC401', 'shotc explain timing/gap'],
  maxArgs: 1,
};

export const command: Command = {
  spec,
  async run(argv) {
    const parsed = parse<Record<string, never>>(spec, argv);
    if (parsed === 'help') return printHelp(spec);
    const which = parsed.args[0];
    if (!which) {
      const entries = allEntries();
      const width = Math.max(...entries.map((e) => e.rule.length)) + 2;
      stdout(entries.map((e) => `${e.code}  ${e.rule.padEnd(width)}${e.severity.padEnd(9)}${e.summary}\n`).join(''));
      return 0;
    }
    const entry = lookupEntry(which);
    if (!entry) {
      const entries = allEntries();
      const guess = closest(which, entries.map((e) => e.rule), 2) ?? closest(which, entries.map((e) => e.code), 1);
      stderr(`shotc explain: no diagnostic "${which}"${guess ? `; did you mean ${guess}?` : '.'} Run \`shotc explain\` for the list.\n`);
      return 2;
    }
    const doc = await docFor(entry.code);
    stdout(doc ?? `${entry.code} ${entry.rule} (${entry.severity})\n\n${entry.summary}\n`);
    return 0;
  },
};
