/** `shotc compile --format text`: a readable table of clips, lengths, sizes, cost and dependencies. */
import type { CompileResult } from '../core/compile.js';

function usd(n: number | null): string {
  return n === null ? '—' : `$${n.toFixed(2)}`;
}

export function planSummary(result: CompileResult): string {
  const { plan, resolved } = result;
  const target = resolved.target;
  const lines: string[] = [];
  lines.push(`${plan.title}  (${plan.file} → ${target.name})`);
  if (!target.status.live && target.status.note) lines.push(`note: ${target.status.note}`);
  const rows: string[][] = [['CLIP', 'KIND', 'MODEL', 'SIZE', 'SECONDS', 'COST', 'FROM']];
  for (const c of plan.clips) {
    rows.push([c.name, c.kind, c.output.model, c.output.size, String(c.output.seconds), usd(c.estimate.usd), c.source ?? '']);
  }
  rows.push(['total', '', '', '', `${plan.estimate.seconds}`, usd(plan.estimate.usd), '']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) lines.push(`  ${r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()}`);
  for (const c of plan.clips) {
    const clip = resolved.clipByName.get(c.part?.of ?? c.name);
    const shots = clip?.shots.length ?? 0;
    const cast = clip?.cast.map((m) => m.name).join(', ');
    const images = (c.images ?? []).filter((i) => i.role !== 'first');
    const details = [
      `${c.request.method} ${c.request.path}`,
      c.part ? `part ${c.part.index} of ${c.part.count} of ${c.part.of}, from ${c.part.start} s` : shots ? `${shots} shot${shots === 1 ? '' : 's'}` : '',
      cast ? `cast: ${cast}` : '',
      c.inputReference ? `first frame: ${c.inputReference.path}` : '',
      ...images.map((i) => `${i.role === 'last' ? 'last frame' : `${i.role} reference`}: ${i.path}`),
    ]
      .filter(Boolean)
      .join('; ');
    lines.push(`  ${c.name}: ${details}`);
    // How the clip maps onto the target when it is not one-to-one (multi-shot, chains, stand-ins).
    for (const m of c.mapping ?? []) lines.push(`    mapping: ${m}`);
  }
  const errors = plan.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = plan.diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors || warnings) lines.push(`  ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}
