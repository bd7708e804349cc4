/**
 * Extension chains: a clip longer than a model makes in one request, built as a create followed by
 * extensions of the video so far. The plan shows each request as its own entry — `name`,
 * `name~2`, `name~3` — each an EXTEND of the one before, so the render engine, the journal and the
 * cut need nothing new: the last part is the whole clip.
 *
 * Only for models whose card says `chain: true` (an extension continues the same shot, as Veo's
 * and LTX-2's do). Pure.
 */
import type { ResolvedClip } from '../resolve/model.js';
import type * as A from '../syntax/ast.js';
import type { ModelCard } from './types.js';

/** Separates a chained clip's name from its part number: `arrival~2`. */
export const PART_MARK = '~';

export function partName(name: string, index: number): string {
  return index === 0 ? name : `${name}${PART_MARK}${index + 1}`;
}

const EPS = 1e-9;

/** Lengths a model may create at `size` (its `secondsBySize` narrows `seconds`). */
export function createSeconds(card: ModelCard, size: string): readonly number[] {
  return card.secondsBySize?.[size] ?? card.seconds;
}

/**
 * The lengths of the parts that make `seconds` on this model — a create length then extension
 * lengths — or null when no chain makes it (or the model does not chain). Fewest parts first, then
 * the longest first part, so a chain cuts as rarely and as late as it can.
 */
export function chainFor(card: ModelCard, seconds: number, size: string): number[] | null {
  if (!card.chain || !card.features.extend || !card.extendSeconds?.length) return null;
  if (card.extendSizes && !card.extendSizes.includes(size)) return null;
  if (card.maxTotalSeconds !== undefined && seconds > card.maxTotalSeconds + EPS) return null;
  const bases = [...createSeconds(card, size)].sort((a, b) => b - a);
  const steps = [...card.extendSeconds].sort((a, b) => b - a);
  const maxExt = card.maxExtensions ?? 20;
  for (let k = 1; k <= maxExt; k++) {
    for (const base of bases) {
      const rest = sumOf(seconds - base, k, steps);
      if (rest) return [base, ...rest];
    }
  }
  return null;
}

/** `k` lengths from `steps` (longest first) that add up to `total`, or null. */
function sumOf(total: number, k: number, steps: readonly number[]): number[] | null {
  if (k === 0) return Math.abs(total) < EPS ? [] : null;
  if (total < EPS) return null;
  const max = steps[0]!;
  const min = steps[steps.length - 1]!;
  if (total > k * max + EPS || total < k * min - EPS) return null;
  for (const s of steps) {
    const rest = sumOf(total - s, k - 1, steps);
    if (rest) return [s, ...rest];
  }
  return null;
}

/** The chain a create clip needs: when its length is not one the model makes at once, but a chain can. */
export function chainLengths(clip: ResolvedClip): number[] | null {
  const card = clip.card;
  if (clip.kind !== 'create' || !card?.chain) return null;
  const size = clip.size.value.text;
  if (createSeconds(card, size).some((s) => Math.abs(s - clip.seconds.value) < EPS)) return null;
  const lengths = chainFor(card, clip.seconds.value, size);
  return lengths && lengths.length > 1 ? lengths : null;
}

/** Lengths a chain can make near `seconds` (for suggestions), ascending, at most `count`. */
export function chainLengthsNear(card: ModelCard, seconds: number, size: string, count = 3): number[] {
  if (!card.chain) return [];
  const found: number[] = [];
  const limit = card.maxTotalSeconds ?? seconds * 2 + 30;
  for (let d = 0; d <= limit && found.length < count * 2; d++) {
    for (const s of d === 0 ? [seconds] : [seconds - d, seconds + d]) {
      if (s > 0 && Number.isInteger(s) && !found.includes(s) && chainFor(card, s, size)) found.push(s);
    }
  }
  return found
    .sort((a, b) => Math.abs(a - seconds) - Math.abs(b - seconds) || a - b)
    .slice(0, count)
    .sort((a, b) => a - b);
}

export interface ChainPart {
  /** Plan entry name (`name`, `name~2`, …). */
  name: string;
  index: number;
  /** Where the part starts and ends in the clip, in seconds. */
  start: number;
  end: number;
  /** The part as a clip of its own: its length, its shots retimed from 0, and its source. */
  clip: ResolvedClip;
  /** Shots cut by this part's boundaries (described in both parts). */
  split: A.Shot[];
}

/**
 * The parts of a chained clip. Each part keeps the clip's look, cast and scene; it takes the shots
 * that fall in its time, retimed to start at 0. A shot across a boundary is described in both parts
 * (clamped to each), its dialogue only in the part where it starts. Clip-level dialogue goes with
 * the first part; a first frame too.
 */
export function chainParts(clip: ResolvedClip, lengths: readonly number[]): ChainPart[] {
  const parts: ChainPart[] = [];
  let start = 0;
  lengths.forEach((length, index) => {
    const end = start + length;
    const name = partName(clip.name, index);
    const shots: A.Shot[] = [];
    const split: A.Shot[] = [];
    for (const shot of clip.shots) {
      const s = Math.max(shot.start.value, start);
      const e = Math.min(shot.end.value, end);
      if (e - s <= EPS) continue;
      const continued = shot.start.value < start - EPS;
      if (continued || shot.end.value > end + EPS) split.push(shot);
      // A line is spoken once: in the part where its shot starts.
      const items = continued ? shot.items.filter((i) => i.kind !== 'Dialogue') : shot.items;
      shots.push({ ...shot, items, start: { ...shot.start, value: round(s - start) }, end: { ...shot.end, value: round(e - start) } });
    }
    const previous = parts[index - 1];
    const part: ResolvedClip =
      index === 0
        ? { ...clip, seconds: { ...clip.seconds, value: length }, shots }
        : {
            ...clip,
            name,
            kind: 'extend',
            seconds: { ...clip.seconds, value: length },
            source: { kind: 'extend', name: previous!.name, span: clip.node.name?.span ?? clip.node.span, clip: previous!.clip, videoId: null },
            shots,
            dialogue: [],
            references: [],
            changes: [],
            dependsOn: [previous!.name],
          };
    parts.push({ name, index, start, end, clip: part, split });
    start = end;
  });
  return parts;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
