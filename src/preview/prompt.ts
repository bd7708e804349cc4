/**
 * The prompt as it will be sent, with each part marked by where it came from: the look (global
 * sections and LOOK blocks), the cast descriptions, or the clip itself. Parts are told apart by
 * colour and by underline style (dotted, double, solid), and named in a legend and in each part's
 * tooltip, so the distinction never rests on colour alone. Structure (headings such as `Cast:`)
 * is plain text.
 */
import type { PlanClip } from '../core/emit/plan.js';
import { esc } from './html.js';

type Part = PlanClip['promptParts'][number];

export const ORIGINS = [
  { origin: 'look', label: 'From the look', detail: 'the file’s sections and LOOK blocks, repeated in every clip' },
  { origin: 'cast', label: 'From the cast', detail: 'the description of each character who appears' },
  { origin: 'clip', label: 'From this clip', detail: 'its own sections, shots, dialogue and change' },
] as const;

const TITLE: Record<string, string> = Object.fromEntries(ORIGINS.map((o) => [o.origin, o.label]));

export function renderPromptHtml(parts: readonly Part[], options: { label?: string } = {}): string {
  const body = parts
    .map((p) => (p.origin === 'structure' ? esc(p.text) : `<span class="pp pp-${p.origin}" data-origin="${p.origin}" title="${TITLE[p.origin]}">${esc(p.text)}</span>`))
    .join('');
  const chars = parts.reduce((a, p) => a + p.text.length, 0);
  return `<pre class="prompt" tabindex="0" aria-label="${esc(options.label ?? 'Prompt')} (${chars} characters)">${body}</pre>`;
}

/** The key to the prompt's marks, with how many characters of this prompt each origin gave. */
export function renderLegend(parts?: readonly Part[]): string {
  const count = (o: string): number => (parts ?? []).filter((p) => p.origin === o).reduce((a, p) => a + p.text.length, 0);
  // Under a prompt, name only the origins it has; the page's own key names all three.
  const items = ORIGINS.filter((o) => !parts || count(o.origin) > 0).map(
    (o) =>
      `<li><span class="pp pp-${o.origin}" data-origin="${o.origin}">${o.label}</span> <span class="muted">${esc(o.detail)}${parts ? ` — ${count(o.origin)} characters` : ''}</span></li>`,
  );
  return `<ul class="legend" aria-label="Key to the prompt’s marks">${items.join('')}</ul>`;
}
