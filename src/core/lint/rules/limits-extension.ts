import type { ResolvedClip } from '../../resolve/model.js';
import { chainLengths } from '../../targets/chain.js';
import { findingsFor } from '../../targets/common.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/**
 * Length of the whole chain an extension belongs to, and how many extensions it has (a clip the
 * compiler itself builds as a chain counts its own extensions).
 */
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
    if (c.kind !== 'extend') {
      extensions += Math.max(0, (chainLengths(c)?.length ?? 1) - 1);
      break;
    }
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
      file(file) {
        for (const f of findingsFor(file, 'extension')) ctx.report({ span: f.span, file: f.file, message: f.message, severity: f.severity, fixes: f.fixes });
      },
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
