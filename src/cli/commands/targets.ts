import { targets, type ModelCard, type Target } from '../../core/targets/index.js';
import { parse, type CommandSpec } from '../args.js';
import { printHelp, type Command } from '../main.js';
import { stderr, stdout } from '../output.js';

const spec: CommandSpec = {
  name: 'targets',
  summary: 'List the video API targets and their models with their limits, or print one model\'s card.',
  usage: 'shotc targets [TARGET | MODEL] [--format text|json]',
  description: [
    'Without an argument, lists every target (the video APIs shotc compiles for) with its models,',
    'their lengths and sizes. With a target id (sora-2, runway, veo, fal), lists that target only.',
    'With a model id, prints the model\'s card: lengths, sizes, extensions, images it takes, prompt',
    'limit, features, the target settings it uses, and prices (with where they come from).',
  ].join('\n'),
  options: {
    format: { type: 'string', short: 'f', value: 'FORMAT', description: 'Output format.', choices: ['text', 'json'], default: 'text' },
  },
  examples: ['shotc targets', 'shotc targets veo', 'shotc targets sora-2-pro', 'shotc targets fal-ai/kling-video/v3/pro --format json'],
  maxArgs: 1,
};

/** `2, 3, 4, 5` → `2–5`; other lists as written. */
function range(xs: readonly number[]): string {
  const run = xs.length > 2 && xs.every((x, i) => i === 0 || x === xs[i - 1]! + 1);
  return run ? `${xs[0]}–${xs[xs.length - 1]}` : xs.map((x) => `${x}`).join(', ');
}

function card(t: Target, m: ModelCard): string {
  const f = Object.entries(m.features)
    .filter(([, v]) => v)
    .map(([k]) => (k === 'lastFrame' ? 'last frame' : k === 'multiShot' ? 'multi-shot' : k === 'reference' ? 'first frame' : k))
    .join(', ');
  const prices = Object.entries(m.pricePerSecond)
    .map(([s, p]) => `${s} $${p.toFixed(3).replace(/0$/, '')}/s`)
    .join(', ');
  const bySize = Object.entries(m.secondsBySize ?? {});
  const lines = [
    `${m.id} — ${m.label}${m.snapshotOf ? ` (snapshot of ${m.snapshotOf})` : ''}`,
    `  target:    ${t.id} (${t.name}; SDK ${t.sdk.package} ${t.sdk.version})${t.status.live ? '' : ' — not live'}`,
    `  seconds:   ${range(m.seconds)}${bySize.length ? `; ${[...new Set(bySize.map(([, v]) => range(v)))].join(' / ')} s at ${bySize.map(([s]) => s).join(', ')}` : ''}${m.secondsWithReferences ? `; ${range(m.secondsWithReferences)} s with reference images` : ''}`,
    ...(m.extendSeconds && m.features.extend
      ? [
          `  extend:    ${range(m.extendSeconds)} s per extension${m.maxTotalSeconds ? `, ${m.maxTotalSeconds} s in all` : ''}${m.maxExtensions ? `, at most ${m.maxExtensions}` : ''}${m.extendSizes ? `; ${m.extendSizes.join(', ')} only` : ''}${m.chain ? '; longer clips are made as a chain (name, name~2, …)' : ''}`,
        ]
      : []),
    `  sizes:     ${m.sizes.map((s) => (m.apiSizes?.[s] ? `${s} (${m.apiSizes[s]})` : s)).join(', ')}`,
    ...(m.textSizes ? [`  from text: ${m.textSizes.join(', ')} (other sizes need a first frame)`] : []),
    `  images:    ${imagesLine(m)}`,
    ...(m.shotSeconds ? [`  shots:     ${m.shotSeconds.min}–${m.shotSeconds.max} s each${m.shotSeconds.whole ? ', whole seconds' : ''}`] : []),
    `  prompt:    up to ${m.maxPromptChars.toLocaleString('en-US')} characters${m.features.multiShot ? ' (per shot in a multi-shot request)' : ''}`,
    `  features:  ${f || 'none'}${m.features.audio ? '' : ' (silent video)'}`,
    ...(Object.keys(t.settings).length ? [`  settings:  ${(m.settings ?? Object.keys(t.settings)).join(', ')}`] : []),
    `  price:     ${prices || 'unknown'}`,
    ...(m.priceNote ? [`             ${m.priceNote}`] : []),
    ...(m.guideOnly?.sizes || m.guideOnly?.seconds ? [`  guide-only (rejected by the API contract): ${[...(m.guideOnly.sizes ?? []), ...(m.guideOnly.seconds ?? []).map((s) => `${s} s`)].join(', ')}`] : []),
    ...(m.notes ?? []).map((n) => `  note:      ${n}`),
  ];
  return lines.join('\n') + '\n';
}

function imagesLine(m: ModelCard): string {
  if (!m.features.reference) return 'none';
  const parts = [m.features.text === false ? 'first frame (required)' : 'first frame'];
  if (m.features.lastFrame) parts.push('last frame (a second Reference:)');
  if (m.maxReferenceImages) parts.push(`up to ${m.maxReferenceImages} reference images${m.referenceTypes ? ` (${m.referenceTypes.join(', ')})` : ''}`);
  return parts.join(', ');
}

function list(t: Target): string[] {
  const out = [`${t.id} — ${t.name} (${t.provider}; SDK ${t.sdk.package} ${t.sdk.version}; key ${t.keyEnv.join(' or ')})`];
  if (!t.status.live && t.status.note) out.push(`  ${t.status.note}`);
  const width = Math.max(...t.models.map((m) => m.id.length)) + 2;
  for (const m of t.models) {
    out.push(`  ${m.id.padEnd(width)} ${range(m.seconds).padEnd(12)} s  ${m.sizes.join(' ')}${m.snapshotOf ? `  (snapshot of ${m.snapshotOf})` : ''}`);
  }
  out.push('');
  return out;
}

const json = (t: Target): Record<string, unknown> => ({ id: t.id, name: t.name, provider: t.provider, sdk: t.sdk, status: t.status, keyEnv: t.keyEnv, defaultModel: t.defaultModel, settings: Object.keys(t.settings), models: t.models });

export const command: Command = {
  spec,
  async run(argv) {
    const parsed = parse<{ format: string }>(spec, argv);
    if (parsed === 'help') return printHelp(spec);
    const which = parsed.args[0];
    const asJson = parsed.options.format === 'json';
    if (which) {
      const target = targets.find((t) => t.id === which);
      if (target) {
        stdout(asJson ? JSON.stringify(json(target), null, 2) + '\n' : list(target).join('\n'));
        return 0;
      }
      // Model ids are unique across targets; no stand-ins here: the card is the model's own.
      for (const t of targets) {
        const m = t.models.find((x) => x.id === which);
        if (m) {
          stdout(asJson ? JSON.stringify({ target: t.id, ...m }, null, 2) + '\n' : card(t, m));
          return 0;
        }
      }
      stderr(`shotc targets: no target or model "${which}"; run \`shotc targets\` for the list.\n`);
      return 2;
    }
    if (asJson) {
      stdout(JSON.stringify(targets.map(json), null, 2) + '\n');
      return 0;
    }
    stdout(targets.flatMap(list).join('\n'));
    return 0;
  },
};
