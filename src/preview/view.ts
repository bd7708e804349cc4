/**
 * What the storyboard shows, gathered once from the plan and the resolved model: per clip its
 * output, cost, source and shots as a crew reads them. The timeline, the page and the playground
 * all draw from this view, so they never disagree about a clip.
 */
import type { Plan, PlanClip } from '../core/emit/plan.js';
import { formatTime } from '../core/format/format.js';
import type { ClipKind, ResolvedClip, ResolvedFile } from '../core/resolve/model.js';
import type { Span } from '../core/source/index.js';
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
 * The stitched film, by the render layer's cut: created clips in file order; a REMIX or EDIT
 * takes its source's place; an EXTEND's video is source plus extension, so it takes the source's
 * place with the two lengths added. A clip made from an outside video stands on its own.
 */
export function filmCut(plan: Plan): FilmCut {
  const cut: { name: string; seconds: number }[] = [];
  const slot = new Map<string, number>();
  for (const c of plan.clips) {
    const at = c.source !== null ? slot.get(c.source) : undefined;
    if (c.kind === 'create' || at === undefined) {
      slot.set(c.name, cut.length);
      cut.push({ name: c.name, seconds: c.output.seconds });
      continue;
    }
    // A remix or edit keeps its source video's length (which, after an EXTEND, is the total).
    const seconds = c.kind === 'extend' ? cut[at]!.seconds + c.output.seconds : cut[at]!.seconds;
    cut[at] = { name: c.name, seconds };
    slot.set(c.name, at);
  }
  return { clips: cut.map((c) => c.name), seconds: cut.reduce((a, c) => a + c.seconds, 0) };
}

/** `0.00–2.40`, as the guide writes timings. */
export function timing(shot: ShotView): string {
  return `${formatTime(shot.start)}–${formatTime(shot.end)}`;
}
