/**
 * The timeline: the sequence as an SVG strip. Clips are blocks whose widths are proportional to
 * their seconds, laid end to end in file order; shots sit inside at their timings with their
 * titles and camera notes; REMIX, EXTEND and EDIT are arcs from the source clip, labelled (so the
 * kind never rests on colour alone). The layout is plain data so the playground and tests can
 * reason about it; `renderTimeline` turns it into markup.
 */
import { clipId, duration, esc, plural, usd } from './html.js';
import { timing, type ClipView, type ShotView, type StoryboardView } from './view.js';

export interface TimelineOptions {
  /** Prefix for ids inside the SVG (markers, clip paths), unique per page. */
  idPrefix?: string;
  /** Where a clip block links to; default `#clip-<name>` (the storyboard's section). */
  href?: (clip: ClipView) => string | null;
}

interface ShotBox {
  shot: ShotView;
  x: number;
  width: number;
}

interface ClipBox {
  clip: ClipView;
  /** Seconds from the start of the strip. */
  at: number;
  x: number;
  width: number;
  shots: ShotBox[];
}

interface LinkBox {
  from: ClipBox;
  to: ClipBox;
  kind: string;
}

export interface TimelineLayout {
  width: number;
  height: number;
  /** Top of the clip blocks: below the lane for link arcs when there are links. */
  top: number;
  /** SVG units per second of video. */
  scale: number;
  clips: ClipBox[];
  links: LinkBox[];
  ticks: { x: number; seconds: number }[];
}

const PAD = 16;
const LINK_H = 48;
const HEAD_H = 40;
const SHOT_H = 100;
const AXIS_H = 30;
/** A short sequence still fills a page's width; a long one keeps each second readable (it scrolls). */
const MIN_WIDTH = 960;
const MIN_SCALE = 24;
const CHAR = 0.56;

export function timelineLayout(view: StoryboardView): TimelineLayout {
  const total = view.clips.reduce((a, c) => a + c.seconds, 0);
  const scale = total > 0 ? Math.max(MIN_WIDTH / total, MIN_SCALE) : 0;
  const clips: ClipBox[] = [];
  let at = 0;
  for (const clip of view.clips) {
    const x = PAD + at * scale;
    const width = clip.seconds * scale;
    const shots = clip.shots.map((shot) => {
      const s = Math.max(0, Math.min(shot.start, clip.seconds));
      const e = Math.max(s, Math.min(shot.end, clip.seconds));
      return { shot, x: x + s * scale, width: (e - s) * scale };
    });
    clips.push({ clip, at, x, width, shots });
    at += clip.seconds;
  }
  const byName = new Map(clips.map((c) => [c.clip.name, c]));
  const links: LinkBox[] = [];
  for (const to of clips) {
    const from = to.clip.sourceInFile && to.clip.source ? byName.get(to.clip.source) : undefined;
    if (from) links.push({ from, to, kind: to.clip.kind });
  }
  const step = tickStep(scale);
  const ticks: TimelineLayout['ticks'] = [];
  if (total > 0) for (let s = 0; s <= total + 1e-9; s += step) ticks.push({ x: PAD + s * scale, seconds: s });
  const top = links.length ? LINK_H : 8;
  return { width: Math.max(PAD * 2 + total * scale, MIN_WIDTH / 2), height: top + HEAD_H + SHOT_H + AXIS_H, top, scale, clips, links, ticks };
}

/** Ticks at least ~48 units apart, on round numbers of seconds. */
function tickStep(scale: number): number {
  for (const s of [1, 2, 5, 10, 15, 30, 60, 120, 300, 600]) if (s * scale >= 48) return s;
  return 1200;
}

/** Greedy word wrap to `max` characters a line, at most `lines` lines, with an ellipsis when cut. */
export function wrap(text: string, max: number, lines: number): string[] {
  if (max < 2 || lines < 1) return [];
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let cur = '';
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i]!;
    const next = cur ? `${cur} ${w}` : w;
    if (next.length <= max) {
      cur = next;
      continue;
    }
    if (cur) out.push(cur);
    if (out.length === lines) break;
    cur = w.length > max ? `${w.slice(0, max - 1)}…` : w;
  }
  if (out.length < lines && cur) out.push(cur);
  else if (out.length === lines && i < words.length) {
    const last = out[lines - 1]!;
    out[lines - 1] = last.length >= max ? `${last.slice(0, max - 1)}…` : `${last}…`;
  }
  return out;
}

function textLines(lines: readonly string[], x: number, y: number, lineHeight: number, cls: string): string {
  return lines.map((l, i) => `<text class="${cls}" x="${n(x)}" y="${n(y + i * lineHeight)}">${esc(l)}</text>`).join('');
}

function n(v: number): string {
  return String(Math.round(v * 100) / 100);
}

const KIND_LABEL: Record<string, string> = { create: 'CREATE', remix: 'REMIX', extend: 'EXTEND', edit: 'EDIT' };

function clipTitle(c: ClipView): string {
  const from = c.source ? ` of ${c.source}` : '';
  return `${c.name}: ${c.kind}${from}, ${duration(c.seconds)}, ${usd(c.usd)}${c.shots.length ? `, ${plural(c.shots.length, 'shot')}` : ''}`;
}

function shotsMarkup(box: ClipBox, top: number, prefix: string): string {
  const out: string[] = [];
  box.shots.forEach((s, i) => {
    const id = `${prefix}-s${box.clip.index}-${i}`;
    const cw = (size: number): number => Math.floor((s.width - 10) / (size * CHAR));
    const title = s.shot.title ? wrap(`“${s.shot.title}”`, cw(12), 2) : [];
    const camera = s.shot.camera ? wrap(s.shot.camera, cw(11), 2) : [];
    const room = 6 - title.length - camera.length;
    const beat = s.shot.lines[0] ? wrap(s.shot.lines[0], cw(11), Math.max(0, room - 1)) : [];
    const label = [`${timing(s.shot)}`, s.shot.title ? `“${s.shot.title}”` : '', s.shot.camera ? `(${s.shot.camera})` : '', ...s.shot.lines].filter(Boolean).join(' ');
    let y = top + 14;
    out.push(
      `<g class="tl-shot" data-start="${s.shot.start}" data-end="${s.shot.end}"><title>${esc(label)}</title>`,
      `<clipPath id="${id}"><rect x="${n(s.x)}" y="${n(top)}" width="${n(s.width)}" height="${SHOT_H}"/></clipPath>`,
      `<rect class="tl-shot-box" x="${n(s.x)}" y="${n(top)}" width="${n(s.width)}" height="${SHOT_H}"/>`,
      `<g clip-path="url(#${id})">`,
      `<text class="tl-time" x="${n(s.x + 5)}" y="${n(y)}">${esc(timing(s.shot))}</text>`,
    );
    y += 15;
    out.push(textLines(title, s.x + 5, y, 14, 'tl-title'));
    y += title.length * 14;
    out.push(textLines(camera, s.x + 5, y, 13, 'tl-camera'));
    y += camera.length * 13;
    out.push(textLines(beat, s.x + 5, y, 13, 'tl-beat'), '</g></g>');
  });
  if (!box.shots.length) {
    const c = box.clip;
    const what = c.change ? `Change: ${c.change}` : c.kind === 'create' ? 'No shot list: the scene prose is the prompt.' : '';
    const lines = wrap(what, Math.floor((box.width - 10) / (11 * CHAR)), 5);
    out.push(textLines(lines, box.x + 5, top + 16, 14, 'tl-beat'));
  }
  return out.join('');
}

export function renderTimeline(view: StoryboardView, options: TimelineOptions = {}): string {
  const prefix = options.idPrefix ?? 'tl';
  const href = options.href ?? ((c: ClipView) => `#${clipId(c.name)}`);
  const L = timelineLayout(view);
  const top = L.top;
  const shotTop = top + HEAD_H;
  const body: string[] = [];
  body.push(
    `<defs><marker id="${prefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">`,
    `<path class="tl-arrow" d="M0 0L10 5L0 10z"/></marker></defs>`,
  );
  for (const box of L.clips) {
    const c = box.clip;
    const id = `${prefix}-c${c.index}`;
    const link = href(c);
    const chars = Math.floor((box.width - 12) / (13 * CHAR));
    const meta = `${KIND_LABEL[c.kind]}${c.source ? ` of ${c.source}` : ''} · ${duration(c.seconds)} · ${usd(c.usd)}`;
    body.push(
      `<g class="tl-clip tl-${c.kind}" data-clip="${esc(c.name)}" data-kind="${c.kind}" data-seconds="${c.seconds}">`,
      `<title>${esc(clipTitle(c))}</title>`,
      `<clipPath id="${id}"><rect x="${n(box.x)}" y="${top}" width="${n(box.width)}" height="${HEAD_H}"/></clipPath>`,
      link ? `<a href="${esc(link)}">` : '',
      `<rect class="tl-block" x="${n(box.x)}" y="${top}" width="${n(box.width)}" height="${HEAD_H + SHOT_H}"/>`,
      `<g clip-path="url(#${id})">`,
      `<text class="tl-name" x="${n(box.x + 6)}" y="${top + 16}">${esc(wrap(c.name, chars, 1)[0] ?? '')}</text>`,
      `<text class="tl-meta" x="${n(box.x + 6)}" y="${top + 32}">${esc(wrap(meta, Math.floor((box.width - 12) / (10.5 * CHAR)), 1)[0] ?? '')}</text>`,
      '</g>',
      link ? '</a>' : '',
      shotsMarkup(box, shotTop, prefix),
      '</g>',
    );
  }
  for (const l of L.links) {
    const fx = l.from.x + l.from.width / 2;
    const tx = l.to.x + l.to.width / 2 - 4;
    const lift = (LINK_H - 14) / 0.75;
    const mid = (fx + tx) / 2;
    body.push(
      `<g class="tl-link tl-${l.kind}" data-from="${esc(l.from.clip.name)}" data-to="${esc(l.to.clip.name)}" data-kind="${l.kind}">`,
      `<title>${esc(`${l.to.clip.name} is a ${l.kind} of ${l.from.clip.name}`)}</title>`,
      `<path class="tl-arc" d="M${n(fx)} ${top}C${n(fx)} ${n(top - lift)} ${n(tx)} ${n(top - lift)} ${n(tx)} ${top - 1}" marker-end="url(#${prefix}-arrow)"/>`,
      `<text class="tl-link-label" x="${n(mid)}" y="${n(top - 0.75 * lift - 4)}" text-anchor="middle">${KIND_LABEL[l.kind]}</text>`,
      '</g>',
    );
  }
  const axisY = shotTop + SHOT_H;
  body.push(`<g class="tl-axis"><line x1="${PAD}" y1="${axisY}" x2="${n(L.width - PAD)}" y2="${axisY}"/>`);
  for (const t of L.ticks) {
    body.push(`<line x1="${n(t.x)}" y1="${axisY}" x2="${n(t.x)}" y2="${axisY + 5}"/><text x="${n(t.x)}" y="${axisY + 18}" text-anchor="middle">${t.seconds}s</text>`);
  }
  body.push('</g>');
  const summary = timelineSummary(view);
  const desc = view.clips.map((c) => clipTitle(c)).join('; ');
  return [
    `<figure class="timeline">`,
    `<div class="tl-scroll">`,
    `<svg class="tl" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(L.width)} ${L.height}" width="${n(L.width)}" height="${L.height}" style="min-width:${Math.round(Math.min(L.width, MIN_WIDTH) * 0.65)}px" role="img" aria-labelledby="${prefix}-t ${prefix}-d" data-scale="${n(L.scale)}">`,
    `<title id="${prefix}-t">Timeline of ${esc(view.title)}</title><desc id="${prefix}-d">${esc(desc || 'No clips.')}</desc>`,
    ...body,
    '</svg></div>',
    `<figcaption class="tl-summary">${summary}</figcaption>`,
    '</figure>',
  ].join('');
}

/** Running time and cost, in words (HTML). */
export function timelineSummary(view: StoryboardView): string {
  if (!view.clips.length) return 'No clips yet: add a <code>CLIP name 4s</code> heading.';
  const parts = [
    `<strong>Running time ${esc(duration(view.film.seconds))}</strong> <span class="muted">(the stitched film: ${esc(view.film.clips.join(' → '))})</span>`,
    `${esc(plural(view.clips.length, 'clip'))}, ${esc(duration(view.generatedSeconds))} generated`,
    `<strong>estimated cost ${esc(usd(view.usd))}</strong>`,
  ];
  return parts.join(' · ');
}
