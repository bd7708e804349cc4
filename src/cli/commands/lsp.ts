import { parse, type CommandSpec } from '../args.js';
import { printHelp, VERSION, type Command } from '../main.js';
import { stderr } from '../output.js';

const spec: CommandSpec = {
  name: 'lsp',
  summary: 'Run the language server (diagnostics, completion, hover, formatting, rename, quick fixes).',
  usage: 'shotc lsp [--stdio]',
  description:
    'Speaks the Language Server Protocol over standard input and output; editors start it themselves.\n' +
    'Set-up for VS Code, Neovim, Helix and Zed is in docs/editors.md.',
  options: {
    stdio: { type: 'boolean', description: 'Use standard input and output (the default and only transport).' },
    clientProcessId: { type: 'string', value: 'PID', description: 'Exit when this process ends (editors pass it).' },
  },
  examples: ['shotc lsp --stdio'],
  maxArgs: 0,
};

export const command: Command = {
  spec,
  async run(argv) {
    const parsed = parse<{ stdio?: boolean; clientProcessId?: string }>(spec, argv);
    if (parsed === 'help') return printHelp(spec);
    if (process.stdin.isTTY) stderr('shotc lsp: waiting for an editor to speak LSP on standard input (see docs/editors.md); press Ctrl-C to stop.\n');
    // Loaded here, and only here, so that no other command pays for the server.
    const { runStdio } = await import('../../lsp/stdio.js');
    runStdio(VERSION);
    // The connection keeps the process alive and exits it on the client's `exit` notification.
    return new Promise<number>(() => {});
  },
};
