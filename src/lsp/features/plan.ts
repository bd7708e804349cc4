/**
 * The compiled plan as a Markdown page, for the editor's side panel: per clip the endpoint, what
 * will be rendered and what it costs, the request body, and the full prompt that will be sent.
 */
import type { Plan } from '../../core/emit/plan.js';

function fence(body: string, lang: string): string {
  let ticks = '```';
  while (body.includes(ticks)) ticks += '`';
  return `${ticks}${lang}\n${body}\n${ticks}`;
}

function usd(n: number | null): string {
  return n === null ? 'price unknown' : `$${n.toFixed(2)}`;
}

export function planMarkdown(plan: Plan): string {
  const out: string[] = [];
  out.push(`# ${plan.title}`, '');
  out.push(`${plan.file} → **${plan.target}** · ${plan.clips.length} clip${plan.clips.length === 1 ? '' : 's'} · ${plan.estimate.seconds} s · ${usd(plan.estimate.usd)}`, '');
  if (plan.diagnostics.length) {
    out.push(`## Problems (${plan.diagnostics.length})`, '');
    for (const d of plan.diagnostics) out.push(`- **${d.severity}** ${d.code} (${d.rule}) ${d.file}:${d.range.start.line}:${d.range.start.column} — ${d.message}`);
    out.push('');
  }
  for (const clip of plan.clips) {
    out.push(`## CLIP ${clip.name}`, '');
    const facts = [`\`${clip.request.method} ${clip.request.path}\``, clip.kind, `${clip.output.seconds} s`, clip.output.size, clip.output.model, usd(clip.estimate.usd)];
    out.push(facts.join(' · '), '');
    if (clip.source) out.push(`Starts from: ${clip.source}`, '');
    if (clip.dependsOn.length) out.push(`Renders after: ${clip.dependsOn.join(', ')}`, '');
    if (clip.inputReference) {
      const r = clip.inputReference;
      out.push(`First frame: ${r.path} (${r.mimeType}, ${r.width}x${r.height})`, '');
    }
    out.push(`Cache key: \`${clip.hash}\``, '');
    const { prompt, ...rest } = clip.request.body as Record<string, unknown>;
    out.push('### Request body', '', fence(JSON.stringify({ ...rest, ...(prompt !== undefined ? { prompt: '(below)' } : {}) }, null, 2), 'json'), '');
    if (typeof prompt === 'string') out.push(`### Prompt (${prompt.length} characters)`, '', fence(prompt, 'text'), '');
  }
  return out.join('\n');
}
