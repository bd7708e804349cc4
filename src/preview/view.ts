/**
 * What the storyboard shows, gathered once from the plan and the resolved model: per clip its
 * output, cost, source and shots as a crew reads them. The timeline, the page and the playground
 * all draw from this view, so they never disagree about a clip.
 */
import type { Plan, PlanClip } from '../core/emit/plan.js';
import { formatTime } from '../core/format/format.js';
import type { ClipKind, ResolvedClip, ResolvedFile } from '../core/resolve/model.js';
import type { Span } from '../core/source/index.js';
import { planCut } from '../render/cut.js';
import type * as A from '../core/syntax/ast.js';

export interface ShotView {
  start: number;
  end: number;
  title: string | null;
  camera: string | null;
  /** The shot's lines as written: beats, `Key: value` lines and dialogue. */
  lines: string[];
}

export interface ClipView {
  index: number;
  name: string;
  kind: ClipKind;
  seconds: number;
  usd: number | null;
  model: string;
  size: string;
  /** The clip or `video_…` id a REMIX, EXTEND or EDIT starts from. */
  source: string | null;
  /** Whether `source` names a clip of this file (drawn as a link) rather than an outside video. */
  sourceInFile: boolean;
  shots: ShotView[];
  /** A REMIX or EDIT's one change. */
  change: string | null;
  cast: string[];
  /** The clip's extent in the source, for placing diagnostics. */
  span: Span;
  plan: PlanClip;
  resolved: ResolvedClip | undefined;
}

export interface StoryboardView {
  title: string;
  file: string;
  target: string;
  clips: ClipView[];
  /** Seconds of video generated, all clips together. */
  generatedSeconds: number;
  usd: number | null;
  film: FilmCut;
}

export interface FilmCut {
  /** The clips whose videos make up the stitched film, in order. */
  clips: string[];
  seconds: number;
}

export function buildView(plan: Plan, resolved: ResolvedFile): StoryboardView {
  const names = new Set(plan.clips.map((c) => c.name));
  const clips = plan.clips.map((c, index): ClipView => {
    const r = resolved.clipByName.get(c.name);
    return {
      index,
      name: c.name,
      kind: c.kind,
      seconds: c.output.seconds,
      usd: c.estimate.usd,
      model: c.output.model,
      size: c.output.size,
      source: c.source,
      sourceInFile: c.source !== null && names.has(c.source),
      shots: (r?.shots ?? []).map(shotView),
      change: r?.changes.map((x) => x.text.text).filter(Boolean).join(' ') || null,
      cast: r?.cast.map((m) => m.name) ?? [],
      span: r?.node.span ?? { start: 0, end: 0 },
      plan: c,
      resolved: r,
    };
  });
  return {
    title: plan.title,
    file: plan.file,
    target: plan.target,
    clips,
    generatedSeconds: plan.estimate.seconds,
    usd: plan.estimate.usd,
    film: filmCut(plan),
  };
}

function shotView(shot: A.Shot): ShotView {
  const lines: string[] = [];
  if (shot.trailing?.text) lines.push(shot.trailing.text);
  for (const item of shot.items) {
    if (item.kind === 'Prose') {
      if (item.text.text) lines.push(item.text.text);
    } else if (item.kind === 'ShotKey') lines.push(`${item.key.text}: ${item.value.text}`);
    else lines.push(`${item.speaker.text}${item.parenthetical ? ` (${item.parenthetical.text.trim()})` : ''}: “${item.line.text}”`);
  }
  return { start: shot.start.value, end: shot.end.value, title: shot.title?.text ?? null, camera: shot.camera?.text ?? null, lines };
}

/**
 * The stitched film: the render layer's own cut (`planCut`: created clips in file order, a REMIX,
 * EDIT or EXTEND in its source's place), with each video's length — an extension's video is its
 * source's plus the extension, a remix or edit keeps its source's length.
 */
export function filmCut(plan: Plan): FilmCut {
  const byName = new Map(plan.clips.map((c) => [c.name, c]));
  const order = new Map(plan.clips.map((c, i) => [c.name, i]));
  const lengths = new Map<string, number>();
  const videoSeconds = (c: PlanClip): number => {
    const known = lengths.get(c.name);
    if (known !== undefined) return known;
    // Only an earlier clip can be a source (a later one is an error already reported), so this ends.
    const from = c.kind !== 'create' && c.source !== null ? byName.get(c.source) : undefined;
    const source = from && order.get(from.name)! < order.get(c.name)! ? from : undefined;
    const s = !source ? c.output.seconds : c.kind === 'extend' ? videoSeconds(source) + c.output.seconds : videoSeconds(source);
    lengths.set(c.name, s);
    return s;
  };
  const clips = planCut(plan).clips;
  return { clips, seconds: clips.reduce((a, name) => a + videoSeconds(byName.get(name)!), 0) };
}

/** `0.00–2.40`, as the guide writes timings. */
export function timing(shot: ShotView): string {
  return `${formatTime(shot.start)}–${formatTime(shot.end)}`;
}
