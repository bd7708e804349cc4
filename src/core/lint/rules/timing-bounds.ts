import { formatTime } from '../../format/format.js';
import { retimeFix } from '../fixes.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/** Shots must start at 0, end after they start, and end exactly at the clip's length. */
export const timingBounds: Rule = {
  meta: ruleMeta('SC503', { speed: 'fast', fixes: { safe: true, suggestions: true } }),
  create(ctx) {
    return {
      clip(clip) {
        const shots = clip.shots;
        if (!shots.length || clip.kind === 'remix' || clip.kind === 'edit') return;
        for (const shot of shots) {
          if (shot.end.value <= shot.start.value) {
            ctx.report({ span: { start: shot.start.span.start, end: shot.end.span.end }, message: `This shot ends (${formatTime(shot.end.value)} s) before it starts (${formatTime(shot.start.value)} s); write START–END.` });
          }
        }
        const first = shots[0]!;
        if (first.start.value !== 0) {
          ctx.report({
            span: first.start.span,
            message: `The first shot starts at ${formatTime(first.start.value)} s; a clip's shots start at 0.00.`,
            fixes: [{ title: 'Start at 0.00', safe: true, edits: [{ span: first.start.span, newText: formatTime(0) }] }],
          });
        }
        const last = shots[shots.length - 1]!;
        const seconds = clip.seconds;
        if (seconds.origin === 'shots' || Math.abs(last.end.value - seconds.value) < 1e-9) return;
        const where = seconds.origin === 'clip' ? 'the clip header' : seconds.origin === 'target default' ? `${ctx.file.target.name}'s default` : `the ${seconds.origin}`;
        ctx.report({
          span: last.end.span,
          message: `The shots end at ${formatTime(last.end.value)} s but the clip is ${seconds.value} s long (from ${where}); the last shot must end at ${formatTime(seconds.value)}.`,
          related: seconds.span && !seconds.file ? [{ message: 'the clip length', span: seconds.span }] : [],
          fixes: [
            ...(last.start.value < seconds.value ? [{ title: `End the last shot at ${formatTime(seconds.value)}`, safe: true, edits: [{ span: last.end.span, newText: formatTime(seconds.value) }] }] : []),
            retimeFix(clip, seconds.value, false),
          ],
        });
      },
    };
  },
};
