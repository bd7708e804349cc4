import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

function orientation(size: string): 'portrait' | 'landscape' | 'square' {
  const [w, h] = size.split('x').map(Number);
  return w! > h! ? 'landscape' : w! < h! ? 'portrait' : 'square';
}

/** A size the model does not allow. The fix keeps the orientation. */
export const limitsSize: Rule = {
  meta: ruleMeta('SC402', { speed: 'fast', fixes: { safe: true } }),
  create(ctx) {
    return {
      clip(clip) {
        const card = clip.card;
        if (!card || clip.size.origin === 'source') return;
        const size = clip.size.value.text;
        if (card.sizes.includes(size)) return;
        const same = card.sizes.filter((s) => orientation(s) === orientation(size));
        const to = same[0] ?? card.sizes[0]!;
        const guide = card.guideOnly?.sizes?.includes(size) ? ` ${size} appears in the prompting guide, but the API contract rejects it.` : '';
        const other = ctx.file.target.models.filter((m) => !m.snapshotOf && m.id !== card.id && m.sizes.includes(size)).map((m) => m.id);
        const hint = other.length ? ` ${other.join(' or ')} can render ${size}.` : '';
        const span = clip.size.span && !clip.size.file ? clip.size.span : clip.node.name!.span;
        ctx.report({
          span,
          message: `${card.id} renders ${card.sizes.join(', ')}; not ${size}.${guide}${hint}`,
          fixes: clip.size.span && !clip.size.file ? [{ title: `Use ${to}`, safe: true, edits: [{ span: clip.size.span, newText: to }] }] : [],
        });
      },
    };
  },
};
