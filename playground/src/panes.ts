/**
 * The output panes: the timeline (the storyboard's own, from `src/preview`), the plan's requests
 * per clip, the rendered prompt per clip with its origins marked, and the problems list.
 */
import type { CompileResult } from '../../src/index.js';
import { buildView, countLine, renderDiagnostics, renderLegend, renderPromptHtml, renderTimeline } from '../../src/preview/index.js';
import { esc, usd } from './dom.js';

export function timelinePane(r: CompileResult): string {
  return renderTimeline(buildView(r.plan, r.resolved), { idPrefix: 'pg', href: () => null });
}

export function planPane(r: CompileResult): string {
  const { plan } = r;
  if (!plan.clips.length) return '<p class="empty">No clips yet: add a <code>CLIP name 4s</code> heading.</p>';
  const clips = plan.clips.map((c) => {
    const shown = { request: c.request, inputReference: c.inputReference, dependsOn: c.dependsOn, output: c.output, estimate: c.estimate, hash: c.hash };
    return `<details class="request" data-clip="${esc(c.name)}" open><summary><strong>${esc(c.name)}</strong> <code>${esc(`${c.request.method} ${c.request.path}`)}</code> <span class="muted">${c.output.seconds} s · ${esc(usd(c.estimate.usd))}</span></summary><pre>${esc(JSON.stringify(shown, null, 2))}</pre></details>`;
  });
  return `<p class="muted">${plan.clips.length} request${plan.clips.length === 1 ? '' : 's'} for <code>${esc(plan.target)}</code> · ${plan.estimate.seconds} s · estimated ${esc(usd(plan.estimate.usd))}</p>${clips.join('')}`;
}

export function promptsPane(r: CompileResult): string {
  const { plan } = r;
  if (!plan.clips.length) return '<p class="empty">No clips yet.</p>';
  return (
    renderLegend() +
    plan.clips
      .map((c) => `<section class="prompt-clip" data-clip="${esc(c.name)}"><h3>${esc(c.name)} <span class="muted">${c.kind}</span></h3>${renderPromptHtml(c.promptParts, { label: `Prompt for ${c.name}` })}</section>`)
      .join('')
  );
}

export function problemsPane(r: CompileResult): string {
  const records = r.plan.diagnostics;
  if (!records.length) return '<p class="empty">No problems.</p>';
  return `<p><strong>${esc(countLine(records))}</strong></p>${renderDiagnostics(records, (f) => r.sources.get(f))}`;
}
