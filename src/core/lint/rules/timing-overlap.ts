import { formatTime } from '../../format/format.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/** A shot that starts before the previous one ends. The fix starts it where the previous one ends. */
export const timingOverlap: Rule = {
  meta: ruleMeta('SC501', { speed: 'fast', fixes: { safe: true } }),
  create(ctx) {
    return {
      clip(clip) {
        for (let i = 1; i < clip.shots.length; i++) {
          const prev = clip.shots[i - 1]!;
          const shot = clip.shots[i]!;
          if (shot.start.value >= prev.end.value - 1e-9) continue;
          ctx.report({
            span: shot.start.span,
            message: `This shot starts at ${formatTime(shot.start.value)} s, before the previous one ends (${formatTime(prev.end.value)} s); a shot list plays one shot at a time.`,
            related: [{ message: 'previous shot ends here', span: prev.end.span }],
            fixes: prev.end.value < shot.end.value ? [{ title: `Start at ${formatTime(prev.end.value)}`, safe: true, edits: [{ span: shot.start.span, newText: formatTime(prev.end.value) }] }] : [],
          });
        }
      },
    };
  },
};
