import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/** A construct the target cannot do: a remix, edit or extension, or a reference image where it has none. */
export const limitsFeature: Rule = {
  meta: ruleMeta('SC406', { speed: 'fast' }),
  create(ctx) {
    const target = ctx.file.target;
    return {
      clip(clip) {
        const card = clip.card;
        if (!card) return;
        if (clip.kind !== 'create' && !card.features[clip.kind]) {
          ctx.report({ span: clip.source!.span, message: `${target.name} cannot ${clip.kind} a video with ${card.id}; render the change as a new clip.` });
        }
        const refs = clip.references;
        if (!refs.length) return;
        if (clip.kind !== 'create') {
          ctx.report({ span: refs[0]!.key.span, message: `A ${clip.kind.toUpperCase()} starts from its source video, so it cannot take a Reference: image; remove it or make this a new clip.` });
        } else if (!card.features.reference) {
          ctx.report({ span: refs[0]!.key.span, message: `${card.id} on ${target.name} takes no reference image; remove Reference: or choose a model that does.` });
        } else if (refs.length > 1) {
          ctx.report({
            span: refs[1]!.key.span,
            message: `${card.id} takes one first-frame image; this clip gives ${refs.length}. Keep one Reference: line.`,
            related: [{ message: 'first reference', span: refs[0]!.span }],
          });
        }
      },
    };
  },
};
