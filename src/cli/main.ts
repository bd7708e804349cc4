/**
 * The `shotc` command. Each command lives in its own module, loaded only when run, so that
 * `shotc compile` never pays for the SDK, the language server or the renderer.
 */
import { helpText, UsageError, type CommandSpec } from './args.js';
import { stderr, stdout } from './output.js';

export interface Command {
  spec: CommandSpec;
  run(argv: readonly string[]): Promise<number>;
}

interface Entry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

const commands: Entry[] = [
  { name: 'compile', summary: 'Compile .shot files into API requests (the plan).', load: async () => (await import('./commands/compile.js')).command },
  { name: 'lint', summary: 'Check .shot files against model limits, prompt craft and guardrails.', load: async () => (await import('./commands/lint.js')).command },
  { name: 'fmt', summary: 'Format .shot files in the canonical layout.', load: async () => (await import('./commands/fmt.js')).command },
  { name: 'parse', summary: 'Print the syntax tree of a .shot file as JSON.', load: async () => (await import('./commands/parse.js')).command },
  { name: 'explain', summary: 'Explain a diagnostic code or rule (e.g. SC401, timing/gap).', load: async () => (await import('./commands/explain.js')).command },
  { name: 'targets', summary: 'List the video API targets and their models, or show one model.', load: async () => (await import('./commands/targets.js')).command },
  { name: 'render', summary: 'Render a .shot file: submit its clips, download the videos and stitch the film.', load: async () => (await import('./commands/render.js')).command },
  { name: 'emulate', summary: 'Run a local emulator of the OpenAI Videos API that makes real test videos.', load: async () => (await import('./commands/emulate.js')).command },
  { name: 'lsp', summary: 'Run the language server for editors (LSP over stdio).', load: async () => (await import('./commands/lsp.js')).command },
  { name: 'preview', summary: 'Write the storyboard: a self-contained HTML page of the sequence.', load: async () => (await import('./commands/preview.js')).command },
];

/** Commands added by later layers (render, emulate, lsp, preview) register here. */
export function registerCommand(entry: Entry): void {
  commands.push(entry);
}

export const VERSION = '0.1.0';

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'shotc — compile .shot sequences into video model requests, check them, and render them.',
    '',
    'Usage: shotc <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Run `shotc <command> --help` for a command\'s options.',
    'Exit codes: 0 success, 1 problems found (errors, or a failed check), 2 usage or IO error.',
    '',
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic) return main([topic, '--help']);
    stdout(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    stdout(`shotc ${VERSION}\n`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    const guess = commands.find((c) => c.name.startsWith(name.slice(0, 2)));
    stderr(`shotc: unknown command "${name}"${guess ? `; did you mean "${guess.name}"?` : ''}\nRun \`shotc --help\` for the commands.\n`);
    return 2;
  }
  const command = await entry.load();
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      stderr(`shotc ${name}: ${e.message}\nRun \`shotc ${name} --help\` for usage.\n`);
      return 2;
    }
    throw e;
  }
}

export function printHelp(spec: CommandSpec): number {
  stdout(helpText(spec));
  return 0;
}

/** Run as the process: exit code, and no stack trace for anything but an internal bug. */
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (e) {
    const err = e as Error;
    if (process.env['SHOTC_DEBUG']) stderr(`${err.stack ?? err.message}\n`);
    else stderr(`shotc: internal error: ${err.message}\nThis is a bug in shotc; rerun with SHOTC_DEBUG=1 for details and report it.\n`);
    process.exitCode = 3;
  }
}
