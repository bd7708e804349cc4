import type { ResolvedClip } from '../../resolve/model.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/** Length of the whole chain an extension belongs to, and how many extensions it has. */
function chain(clip: ResolvedClip): { total: number; extensions: number; root: ResolvedClip } {
  let total = 0;
  let extensions = 0;
  let c: ResolvedClip | null = clip;
  let root = clip;
  const seen = new Set<ResolvedClip>();
  while (c && !seen.has(c)) {
    seen.add(c);
    root = c;
    total += c.seconds.value;
    if (c.kind !== 'extend') break;
    extensions++;
    c = c.source?.clip ?? null;
  }
  return { total, extensions, root };
}

/** An extension chain beyond what the model allows (total length, number of extensions). */
export const limitsExtension: Rule = {
  meta: ruleMeta('SC405', { speed: 'fast' }),
  create(ctx) {
    return {
      clip(clip) {
        if (clip.kind !== 'extend' || !clip.card) return;
        const { total, extensions, root } = chain(clip);
        const card = clip.card;
        const span = clip.source?.span ?? clip.node.name!.span;
        const related = root !== clip && root.node.name ? [{ message: `the chain starts at "${root.name}"`, span: root.node.name.span }] : [];
        if (card.maxTotalSeconds !== undefined && total > card.maxTotalSeconds) {
          ctx.report({ span, related, message: `With this extension "${root.name}" runs ${total} s; ${card.id} extends a video to at most ${card.maxTotalSeconds} s in all. Start a new clip instead.` });
        } else if (card.maxExtensions !== undefined && extensions > card.maxExtensions) {
          ctx.report({ span, related, message: `This is extension ${extensions} of "${root.name}"; ${card.id} allows at most ${card.maxExtensions}. Start a new clip instead.` });
        }
      },
    };
  },
};
