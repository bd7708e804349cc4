/** Building blocks for rule fixes: nearest allowed values, header edits, retiming shots. */
import type { Fix, TextEdit } from '../diagnostics/index.js';
import { formatTime } from '../format/format.js';
import type { ResolvedClip } from '../resolve/model.js';
import type { SourceFile } from '../source/index.js';
import { attribute, sourceOf } from '../syntax/query.js';

/** The allowed value nearest to `x`; on a tie, the larger (it keeps everything the shots describe). */
export function nearest(allowed: readonly number[], x: number): number {
  let best = allowed[0]!;
  for (const v of allowed) {
    const d = Math.abs(v - x);
    const bd = Math.abs(best - x);
    if (d < bd || (d === bd && v > best)) best = v;
  }
  return best;
}

/** Edit that sets the clip header's length to `seconds` (replacing it or adding it). */
export function headerSecondsEdit(clip: ResolvedClip, seconds: number): TextEdit {
  const attr = attribute(clip.node, 'seconds');
  if (attr) return { span: attr.span, newText: `${seconds}s` };
  const after = sourceOf(clip.node)?.span.end ?? clip.node.name!.span.end;
  return { span: { start: after, end: after }, newText: ` ${seconds}s` };
}

/** Edits that scale every shot's times so the shots run from 0 to `seconds`, tiling the clip. */
export function retimeEdits(clip: ResolvedClip, seconds: number): TextEdit[] {
  const shots = clip.shots;
  if (!shots.length) return [];
  const first = shots[0]!.start.value;
  const last = shots[shots.length - 1]!.end.value;
  const span = last - first;
  if (span <= 0) return [];
  const scale = (t: number): number => Math.round(((t - first) / span) * seconds * 100) / 100;
  const edits: TextEdit[] = [];
  let prevEnd = 0;
  shots.forEach((shot, i) => {
    const start = i === 0 ? 0 : prevEnd;
    const end = i === shots.length - 1 ? seconds : Math.max(start, scale(shot.end.value));
    edits.push({ span: shot.start.span, newText: formatTime(start) }, { span: shot.end.span, newText: formatTime(end) });
    prevEnd = end;
  });
  return edits;
}

export function retimeFix(clip: ResolvedClip, seconds: number, withHeader: boolean): Fix {
  const edits = retimeEdits(clip, seconds);
  if (withHeader) edits.push(headerSecondsEdit(clip, seconds));
  return { title: `Retime the shots to fill ${seconds} s`, safe: false, edits };
}

/**
 * Split a clip whose shots run longer than the target allows into consecutive clips of allowed
 * lengths, cut at shot boundaries. Returns null when no such split exists.
 */
export function splitFix(clip: ResolvedClip, allowed: readonly number[], source: SourceFile): Fix | null {
  const shots = clip.shots;
  const n = shots.length;
  if (n < 2 || clip.kind !== 'create') return null;
  const eps = 1e-6;
  // best[i] = a partition of shots[0..i) into groups of allowed lengths (fewest groups).
  const best: (number[] | null)[] = new Array(n + 1).fill(null);
  best[0] = [];
  for (let i = 0; i < n; i++) {
    if (!best[i]) continue;
    for (let j = i + 1; j <= n; j++) {
      const len = shots[j - 1]!.end.value - shots[i]!.start.value;
      if (allowed.some((a) => Math.abs(a - len) < eps) && (!best[j] || best[j]!.length > best[i]!.length + 1)) best[j] = [...best[i]!, j];
    }
  }
  const cuts = best[n];
  if (!cuts || cuts.length < 2) return null;
  const text = source.text;
  const node = clip.node;
  const header = text.slice(node.heading.start, node.heading.end);
  const firstShot = shots[0]!.span.start;
  const lineStart = (o: number): number => o - source.positionAt(o).character;
  // Clip-level lines before the first shot (sections, Reference:, prose) go into every part.
  const preamble = text.slice(source.lineEnd(source.positionAt(node.heading.start).line, false), lineStart(firstShot));
  const parts: string[] = [];
  let from = 0;
  cuts.forEach((to, k) => {
    const group = shots.slice(from, to);
    const t0 = group[0]!.start.value;
    const len = group[group.length - 1]!.end.value - t0;
    const name = `${clip.name}-${k + 1}`;
    let head = header.replace(/^(CLIP\s+)\S+/, `$1${name}`);
    head = /\s\d+(\.\d+)?s(\s|$)/.test(head) ? head.replace(/(\s)\d+(\.\d+)?s(?=\s|$)/, `$1${len}s`) : `${head} ${len}s`;
    let body = text.slice(lineStart(group[0]!.span.start), k === cuts.length - 1 ? node.span.end : lineStart(shots[to]!.span.start));
    // Shift this group's times so it starts at 0, editing from the end so offsets stay valid.
    const base = lineStart(group[0]!.span.start);
    const edits = group.flatMap((s) => [
      { at: s.start.span, v: s.start.value - t0 },
      { at: s.end.span, v: s.end.value - t0 },
    ]);
    for (const e of edits.sort((a, b) => b.at.start - a.at.start)) {
      body = body.slice(0, e.at.start - base) + formatTime(Math.round(e.v * 100) / 100) + body.slice(e.at.end - base);
    }
    parts.push(`${head}\n${preamble}${body.replace(/\s+$/, '')}`);
    from = to;
  });
  return {
    title: `Split into ${cuts.length} clips (${cuts.map((to, k) => `${shots[to - 1]!.end.value - shots[k === 0 ? 0 : cuts[k - 1]!]!.start.value} s`).join(' + ')})`,
    safe: false,
    edits: [{ span: { start: node.span.start, end: node.span.end }, newText: parts.join('\n\n') }],
  };
}
