/**
 * Command-line parsing on node:util's parseArgs, with the help text generated from the same
 * option table so the two never disagree.
 */
import { parseArgs } from 'node:util';
import { closest } from '../core/syntax/keys.js';

export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
  }
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Shown in help as `--name VALUE`. */
  value?: string;
  description: string;
  /** Allowed values, checked before the command runs. */
  choices?: readonly string[];
  default?: string | boolean;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** `shotc compile FILE… [options]` */
  usage: string;
  description?: string;
  options: Record<string, OptionSpec>;
  examples?: readonly string[];
  /** Minimum number of positional arguments. */
  minArgs?: number;
  maxArgs?: number;
}

export interface Parsed<O> {
  options: O;
  args: string[];
}

const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'Show this help.' };

export function parse<O>(spec: CommandSpec, argv: readonly string[]): Parsed<O> | 'help' {
  const options = { ...spec.options, help: HELP };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(
        Object.entries(options).map(([k, o]) => [k, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
      ),
    });
  } catch (e) {
    const message = cleanParseError((e as Error).message);
    // `--formt`: name the option meant.
    const unknown = /^unknown option --([^\s=]+)/.exec(message);
    const guess = unknown ? closest(unknown[1]!, Object.keys(options), 2) : undefined;
    throw new UsageError(guess ? `${message}; did you mean --${guess}?` : message, spec.name);
  }
  const values = parsed.values as Record<string, unknown>;
  if (values['help']) return 'help';
  for (const [k, o] of Object.entries(spec.options)) {
    if (values[k] === undefined && o.default !== undefined) values[k] = o.default;
    const v = values[k];
    if (o.choices && v !== undefined) {
      for (const one of Array.isArray(v) ? v : [v]) {
        if (!o.choices.includes(String(one))) throw new UsageError(`--${k} must be one of ${o.choices.join(', ')} (got "${String(one)}")`, spec.name);
      }
    }
  }
  const args = parsed.positionals;
  if (spec.minArgs !== undefined && args.length < spec.minArgs) throw new UsageError(`missing ${spec.minArgs === 1 ? 'an argument' : 'arguments'}; usage: ${spec.usage}`, spec.name);
  if (spec.maxArgs !== undefined && args.length > spec.maxArgs) throw new UsageError(`too many arguments; usage: ${spec.usage}`, spec.name);
  return { options: values as O, args };
}

function cleanParseError(message: string): string {
  return message
    .replace(/^Unknown option '(.+?)'.*$/s, 'unknown option $1')
    .replace(/^Option '(.+?)' argument missing$/, 'option $1 needs a value')
    .replace(/\. To specify a positional argument.*$/s, '');
}

export function helpText(spec: CommandSpec): string {
  const lines = [`Usage: ${spec.usage}`, '', spec.summary];
  if (spec.description) lines.push('', spec.description);
  const all = { ...spec.options, help: HELP };
  const rows = Object.entries(all).map(([k, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${k}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    const extra = o.choices ? ` (${o.choices.join(' | ')})` : '';
    const def = o.default !== undefined && o.default !== false ? ` [default: ${String(o.default)}]` : '';
    return [flag, `${o.description}${extra}${def}`] as const;
  });
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  lines.push('', 'Options:');
  for (const [f, d] of rows) lines.push(`  ${f.padEnd(width)}${d}`);
  if (spec.examples?.length) {
    lines.push('', 'Examples:');
    for (const e of spec.examples) lines.push(`  ${e}`);
  }
  return lines.join('\n') + '\n';
}
