import { formatTime } from '../../format/format.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/** A shot that starts after the previous one ends: the model has nothing to show in between. */
export const timingGap: Rule = {
  meta: ruleMeta('SC502', { speed: 'fast', fixes: { safe: true } }),
  create(ctx) {
    return {
      clip(clip) {
        for (let i = 1; i < clip.shots.length; i++) {
          const prev = clip.shots[i - 1]!;
          const shot = clip.shots[i]!;
          if (shot.start.value <= prev.end.value + 1e-9) continue;
          ctx.report({
            span: shot.start.span,
            message: `Nothing is planned from ${formatTime(prev.end.value)} to ${formatTime(shot.start.value)} s; start this shot where the previous one ends.`,
            related: [{ message: 'previous shot ends here', span: prev.end.span }],
            fixes: [{ title: `Start at ${formatTime(prev.end.value)}`, safe: true, edits: [{ span: shot.start.span, newText: formatTime(prev.end.value) }] }],
          });
        }
      },
    };
  },
};
