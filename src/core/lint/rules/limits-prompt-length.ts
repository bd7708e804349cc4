import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/** A rendered prompt longer than the model accepts, or an empty one. */
export const limitsPromptLength: Rule = {
  meta: ruleMeta('SC404', { speed: 'fast' }),
  create(ctx) {
    return {
      clip(clip) {
        const length = ctx.prompt(clip).text.length;
        if (length === 0) {
          const kind = clip.kind.toUpperCase();
          ctx.report({
            span: clip.node.name!.span,
            message:
              clip.kind === 'remix' || clip.kind === 'edit'
                ? `This ${kind} has nothing to send; say the one change to make, e.g. "Change: shift the palette to dusk blue".`
                : `"${clip.name}" has nothing to send; describe the clip with shots, prose or sections.`,
          });
          return;
        }
        const max = clip.card?.maxPromptChars;
        if (!max) return;
        if (length <= max) return;
        ctx.report({
          span: clip.node.name!.span,
          message: `The prompt for "${clip.name}" is ${length.toLocaleString('en-US')} characters; ${clip.model.value} accepts at most ${max.toLocaleString('en-US')}. Shorten the look or split the clip.`,
        });
      },
    };
  },
};
