import { closest } from '../../syntax/keys.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/** A model the target does not have. */
export const limitsModel: Rule = {
  meta: ruleMeta('SC403', { speed: 'fast', fixes: { safe: true } }),
  create(ctx) {
    const reported = new Set<string>();
    return {
      clip(clip) {
        if (clip.card || clip.model.origin === 'source') return;
        const where = clip.model.span && !clip.model.file ? clip.model.span : clip.node.name!.span;
        const key = `${where.start}:${clip.model.value}`;
        if (reported.has(key)) return;
        reported.add(key);
        const target = ctx.file.target;
        const ids = target.models.map((m) => m.id);
        const guess = closest(clip.model.value, ids, 3);
        ctx.report({
          span: where,
          file: clip.model.file,
          message: `${target.name} has no model "${clip.model.value}"${guess ? `; did you mean "${guess}"?` : '.'} Models: ${ids.join(', ')}.`,
          fixes: guess && clip.model.span ? [{ title: `Use ${guess}`, safe: true, edits: [{ span: clip.model.span, newText: guess }] }] : [],
        });
      },
    };
  },
};
