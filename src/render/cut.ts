/**
 * The cut: which rendered clips make up the stitched film, in which order. Pure.
 *
 * - Every created clip opens a slot, in file order.
 * - A REMIX or EDIT of a clip in the file takes its source's slot: it is a new version of that
 *   shot, so the film shows it instead of the source.
 * - An EXTEND also takes its source's slot: the API returns the source and the extension as one
 *   stitched video, so showing both would play the source twice.
 * - When several clips derive from one slot, the last in file order wins; the others are
 *   alternate takes, rendered but not in the film.
 * - A REMIX, EDIT or EXTEND of a literal `video_…` id (not a clip in this file) opens its own slot.
 */
import type { Plan } from '../core/emit/plan.js';

export interface Cut {
  /** Clip names in film order. */
  clips: string[];
  /** Rendered clips left out of the film, with the clip that replaced each. */
  replaced: Array<{ clip: string; by: string }>;
}

export function planCut(plan: Pick<Plan, 'clips'>): Cut {
  const names = new Set(plan.clips.map((c) => c.name));
  const slotOf = new Map<string, number>();
  const slots: string[] = [];
  for (const clip of plan.clips) {
    const source = clip.kind === 'create' ? null : clip.source;
    const slot = source && names.has(source) ? slotOf.get(source) : undefined;
    if (slot === undefined) {
      slotOf.set(clip.name, slots.length);
      slots.push(clip.name);
    } else {
      slotOf.set(clip.name, slot);
      slots[slot] = clip.name;
    }
  }
  const inFilm = new Set(slots);
  const replaced = plan.clips.filter((c) => !inFilm.has(c.name)).map((c) => ({ clip: c.name, by: slots[slotOf.get(c.name)!]! }));
  return { clips: slots, replaced };
}
