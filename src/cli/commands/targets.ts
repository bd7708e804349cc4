import { findModel, targets, type ModelCard, type Target } from '../../core/targets/index.js';
import { parse, type CommandSpec } from '../args.js';
import { printHelp, type Command } from '../main.js';
import { stderr, stdout } from '../output.js';

const spec: CommandSpec = {
  name: 'targets',
  summary: 'List the video API targets and their models with their limits, or print one model\'s card.',
  usage: 'shotc targets [MODEL] [--format text|json]',
  options: {
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'Output format.', choices: ['text', 'json'], default: 'text' },
  },
  examples: ['shotc targets', 'shotc targets sora-2-pro'],
  maxArgs: 1,
};

function range(xs: readonly number[]): string {
  return xs.map((x) => `${x}`).join(', ');
}

function card(t: Target, m: ModelCard): string {
  const f = Object.entries(m.features)
    .filter(([, v]) => v)
    .map(([k]) => k)
    .join(', ');
  const prices = Object.entries(m.pricePerSecond)
    .map(([s, p]) => `${s} $${p.toFixed(2)}/s`)
    .join(', ');
  const lines = [
    `${m.id} — ${m.label}${m.snapshotOf ? ` (snapshot of ${m.snapshotOf})` : ''}`,
    `  target:    ${t.id} (${t.name}; SDK ${t.sdk.package} ${t.sdk.version})${t.status.live ? '' : ' — not live'}`,
    `  seconds:   ${range(m.seconds)}`,
    ...(m.extendSeconds ? [`  extend:    ${range(m.extendSeconds)} s per extension${m.maxTotalSeconds ? `, ${m.maxTotalSeconds} s in all` : ''}${m.maxExtensions ? `, at most ${m.maxExtensions}` : ''}`] : []),
    `  sizes:     ${m.sizes.join(', ')}`,
    `  prompt:    up to ${m.maxPromptChars.toLocaleString('en-US')} characters`,
    `  features:  ${f || 'none'}`,
    `  price:     ${prices}`,
    ...(m.guideOnly?.sizes || m.guideOnly?.seconds ? [`  guide-only (rejected by the API contract): ${[...(m.guideOnly.sizes ?? []), ...(m.guideOnly.seconds ?? []).map((s) => `${s} s`)].join(', ')}`] : []),
    ...(m.notes ?? []).map((n) => `  note:      ${n}`),
  ];
  return lines.join('\n') + '\n';
}

export const command: Command = {
  spec,
  async run(argv) {
    const parsed = parse<{ format: string }>(spec, argv);
    if (parsed === 'help') return printHelp(spec);
    const which = parsed.args[0];
    const json = parsed.options.format === 'json';
    if (which) {
      for (const t of targets) {
        const m = findModel(t, which);
        if (m) {
          stdout(json ? JSON.stringify({ target: t.id, ...m }, null, 2) + '\n' : card(t, m));
          return 0;
        }
      }
      stderr(`shotc targets: no model "${which}"; run \`shotc targets\` for the list.\n`);
      return 2;
    }
    if (json) {
      stdout(JSON.stringify(targets.map((t) => ({ id: t.id, name: t.name, provider: t.provider, sdk: t.sdk, status: t.status, keyEnv: t.keyEnv, defaultModel: t.defaultModel, models: t.models })), null, 2) + '\n');
      return 0;
    }
    const out: string[] = [];
    for (const t of targets) {
      out.push(`${t.id} — ${t.name} (${t.provider}; SDK ${t.sdk.package} ${t.sdk.version}; key ${t.keyEnv.join(' or ')})`);
      if (!t.status.live && t.status.note) out.push(`  ${t.status.note}`);
      for (const m of t.models) {
        out.push(`  ${m.id.padEnd(26)} ${range(m.seconds).padEnd(12)} s  ${m.sizes.join(' ')}${m.snapshotOf ? `  (snapshot of ${m.snapshotOf})` : ''}`);
      }
      out.push('');
    }
    stdout(out.join('\n'));
    return 0;
  },
};
