/**
 * The storyboard page: one self-contained HTML file (inline CSS and SVG, images as data: URIs, no
 * scripts, no network) built from the plan, the resolved model and the gathered assets. A pure
 * function: the same input gives the same bytes, so it can be tested whole and reused anywhere.
 */
import type { Plan } from '../core/emit/plan.js';
import type { ResolvedFile } from '../core/resolve/model.js';
import type { SourceFile } from '../core/source/index.js';
import type { DiagnosticRecord } from '../core/diagnostics/diagnostic.js';
import type { RenderAssets, StoryboardAssets } from './assets.js';
import { countLine, renderDiagnostics, type SourceLookup } from './diagnostics.js';
import { clipId, duration, esc, usd } from './html.js';
import { renderLegend, renderPromptHtml } from './prompt.js';
import { STORYBOARD_CSS } from './styles.js';
import { renderTimeline } from './timeline.js';
import { buildView, timing, type ClipView, type StoryboardView } from './view.js';

export interface StoryboardInput {
  plan: Plan;
  resolved: ResolvedFile;
  assets?: StoryboardAssets;
  /** Named in the footer, e.g. `shotc 0.1.0`. */
  generator?: string;
}

const KIND_WORD: Record<string, string> = { create: 'CREATE', remix: 'REMIX', extend: 'EXTEND', edit: 'EDIT' };

export function renderStoryboard(input: StoryboardInput): string {
  const { plan, resolved } = input;
  const view = buildView(plan, resolved);
  const sources = sourceLookup(resolved);
  const { perClip, fileLevel } = groupDiagnostics(plan.diagnostics, view);
  const render = input.assets?.render ?? null;
  const counts = countLine(plan.diagnostics);
  const body = [
    '<header class="sheet-head">',
    `<p class="muted">Storyboard · <code>${esc(plan.file)}</code> · ${esc(resolved.target.name)}</p>`,
    `<h1>${esc(plan.title)}</h1>`,
    `<p>${esc(overview(view))}</p>`,
    counts ? `<p><strong>${esc(counts)}</strong> — listed under each clip${fileLevel.length ? ' and below' : ''}.</p>` : '',
    resolved.target.status.live || !resolved.target.status.note ? '' : `<p class="note">${esc(resolved.target.status.note)}</p>`,
    '</header>',
    filmSection(view, render),
    `<section class="overview" aria-labelledby="h-timeline"><h2 id="h-timeline">Timeline</h2>${renderTimeline(view)}</section>`,
    `<section class="legend-box" aria-labelledby="h-legend"><h2 id="h-legend">Reading the prompts</h2>`,
    `<p class="note">Each prompt below is exactly what will be sent. Marked parts show where the text came from; unmarked text is the structure shotc adds.</p>`,
    renderLegend(),
    '</section>',
    fileLevel.length
      ? `<section class="file-diags" aria-labelledby="h-file-diags"><h2 id="h-file-diags">Diagnostics for the whole file</h2>${renderDiagnostics(fileLevel, sources)}</section>`
      : '',
    ...view.clips.map((c) => clipSection(c, input.assets ?? {}, perClip.get(c.name) ?? [], sources)),
    `<footer>Made${input.generator ? ` by ${esc(input.generator)}` : ''} from <code>${esc(plan.file)}</code>. This page is self-contained: no network, images inline${render?.film || Object.values(render?.clips ?? {}).some((c) => c.video) ? '; videos play from the files next to it' : ''}.</footer>`,
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${esc(input.generator ?? 'shotc')}">`,
    // Nothing may be fetched from the network; media only from the page itself or files beside it.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; media-src 'self' data:">`,
    `<title>${esc(plan.title)} — storyboard</title>`,
    `<style>${STORYBOARD_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body.filter(Boolean),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function overview(view: StoryboardView): string {
  if (!view.clips.length) return 'No clips yet.';
  return `${view.clips.length} clip${view.clips.length === 1 ? '' : 's'} · running time ${duration(view.film.seconds)} · ${duration(view.generatedSeconds)} generated · estimated ${usd(view.usd)}`;
}

function sourceLookup(resolved: ResolvedFile): SourceLookup {
  const map = new Map<string, SourceFile>([[resolved.source.name, resolved.source]]);
  if (resolved.config) map.set(resolved.config.source.name, resolved.config.source);
  return (file) => map.get(file);
}

/** Diagnostics inside a clip's extent go with the clip; the rest (front matter, looks, cast, config) with the file. */
function groupDiagnostics(records: readonly DiagnosticRecord[], view: StoryboardView): { perClip: Map<string, DiagnosticRecord[]>; fileLevel: DiagnosticRecord[] } {
  const perClip = new Map<string, DiagnosticRecord[]>();
  const fileLevel: DiagnosticRecord[] = [];
  for (const d of records) {
    const at = d.range.start.offset;
    const clip = d.file === view.file ? view.clips.find((c) => c.span.end > c.span.start && at >= c.span.start && at < c.span.end) : undefined;
    if (clip) perClip.set(clip.name, [...(perClip.get(clip.name) ?? []), d]);
    else fileLevel.push(d);
  }
  return { perClip, fileLevel };
}

const INLINE_NOTE = 'Videos are not inside this page (they would make it huge): they play from the files next to it, so keep the page and its folder together.';

function filmSection(view: StoryboardView, render: RenderAssets | null): string {
  if (!render) {
    return `<p class="note screen-only">Not rendered yet: after <code>shotc render ${esc(view.file)}</code>, run <code>shotc preview</code> again to see each clip’s video, thumbnail and spritesheet here.</p>`;
  }
  const source = render.from === 'journal' ? 'the render journal' : `the files in <code>${esc(render.dir)}</code>`;
  if (!render.film) return `<p class="note">Rendered media from ${source}; no stitched film yet.</p>`;
  return [
    '<section class="film" aria-labelledby="h-film">',
    `<h2 id="h-film">The film</h2>`,
    `<video controls preload="metadata" src="${esc(render.film)}"></video>`,
    `<p class="note">${esc(duration(view.film.seconds))}, stitched from ${esc(view.film.clips.join(' → '))}. Media from ${source}. ${INLINE_NOTE}</p>`,
    `<p class="print-only">Film: <code>${esc(render.film)}</code></p>`,
    '</section>',
  ].join('');
}

function fact(label: string, value: string, wide = false): string {
  return `<div${wide ? ' class="wide"' : ''}><dt>${esc(label)}</dt><dd>${value}</dd></div>`;
}

function clipSection(c: ClipView, assets: StoryboardAssets, diags: readonly DiagnosticRecord[], sources: SourceLookup): string {
  const p = c.plan;
  const from = c.source ? (c.sourceInFile ? `<a href="#${clipId(c.source)}">${esc(c.source)}</a>` : `<code>${esc(c.source)}</code>`) : '';
  const counts = countLine(diags);
  const facts = [
    fact('Model', esc(c.model)),
    fact('Size', esc(c.size)),
    fact('Seconds', esc(duration(c.seconds)) + (c.kind === 'extend' ? ' added' : '')),
    fact('Cost', esc(usd(c.usd))),
    fact('Request', `<code>${esc(`${p.request.method} ${p.request.path}`)}</code>`, p.request.path.length > 12),
    p.dependsOn.length ? fact('Waits for', p.dependsOn.map((d) => `<a href="#${clipId(d)}">${esc(d)}</a>`).join(', ')) : '',
    c.cast.length ? fact('Cast', esc(c.cast.join(', '))) : '',
    fact('Cache key', `<code title="${esc(p.hash)}">${esc(p.hash.slice(7, 19))}</code>`),
  ];
  return [
    `<section class="clip" id="${clipId(c.name)}" data-clip="${esc(c.name)}" aria-labelledby="${clipId(c.name)}-h">`,
    '<header class="clip-head">',
    `<h2 id="${clipId(c.name)}-h">${c.index + 1}. ${esc(c.name)}</h2>`,
    `<span class="badge badge-${c.kind}">${KIND_WORD[c.kind]}</span>`,
    from ? `<span>of ${from}</span>` : '',
    counts ? `<span class="muted">${esc(counts)}</span>` : '',
    '</header>',
    `<dl class="facts">${facts.join('')}</dl>`,
    media(c, assets),
    shotsTable(c),
    `<h3>Prompt</h3>`,
    renderLegend(p.promptParts),
    renderPromptHtml(p.promptParts, { label: `Prompt for ${c.name}` }),
    diags.length ? `<h3>Diagnostics</h3>${renderDiagnostics(diags, sources)}` : '',
    '</section>',
  ].join('');
}

function media(c: ClipView, assets: StoryboardAssets): string {
  const items: string[] = [];
  const ref = assets.references?.[c.name];
  if (ref) {
    items.push(
      ref.src !== null
        ? `<figure class="reference"><img src="${ref.src}" alt="Reference frame ${esc(ref.path)}"${ref.width && ref.height ? ` width="${ref.width}" height="${ref.height}"` : ''}><figcaption>First frame: <code>${esc(ref.path)}</code>${ref.width && ref.height ? ` (${ref.width}×${ref.height})` : ''}</figcaption></figure>`
        : `<figure class="reference"><div class="missing">Reference <code>${esc(ref.path)}</code>: ${esc(ref.why)}.</div><figcaption>First frame</figcaption></figure>`,
    );
  }
  const r = assets.render?.clips[c.name];
  if (r) {
    if (r.stale) items.push(`<p class="note">Rendered from an earlier version of this clip; render again to update it.</p>`);
    if (r.error) items.push(`<div class="missing">Render ${esc(r.status ?? 'failed')}: ${esc(r.error)}</div>`);
    if (r.video) {
      items.push(
        `<figure class="video"><video controls preload="none" src="${esc(r.video)}"${r.thumbnail ? ` poster="${r.thumbnail}"` : ''}></video><figcaption>Video: <code>${esc(r.video)}</code> (plays from the file next to this page)</figcaption></figure>`,
      );
    }
    if (r.thumbnail) items.push(`<figure class="thumb${r.video ? ' print-only' : ''}"><img src="${r.thumbnail}" alt="Thumbnail of ${esc(c.name)}"><figcaption>Thumbnail</figcaption></figure>`);
    if (r.spritesheet) items.push(`<figure class="sprites"><img class="sprites" src="${r.spritesheet}" alt="Spritesheet of ${esc(c.name)}: frames across the clip"><figcaption>Spritesheet</figcaption></figure>`);
    if (!r.video && !r.thumbnail && !r.spritesheet && !r.error) items.push(`<p class="note">Not rendered yet${r.status ? ` (${esc(r.status)})` : ''}.</p>`);
  }
  return items.length ? `<div class="media">${items.join('')}</div>` : '';
}

function shotsTable(c: ClipView): string {
  if (c.change && !c.shots.length) return `<h3>Change</h3><p>${esc(c.change)}</p>`;
  if (!c.shots.length) return '';
  const rows = c.shots.map(
    (s) =>
      `<tr><td class="t">${esc(timing(s))}</td><td>${s.title ? `<strong>${esc(s.title)}</strong>` : '<span class="muted">—</span>'}</td><td><em>${esc(s.camera ?? '')}</em></td><td>${
        s.lines.length ? `<ul>${s.lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : ''
      }</td></tr>`,
  );
  return `<h3>Shots</h3><table class="shots"><thead><tr><th scope="col">Time</th><th scope="col">Title</th><th scope="col">Camera</th><th scope="col">Action and dialogue</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
