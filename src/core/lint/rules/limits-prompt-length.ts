import { renderPrompt } from '../../emit/prompt.js';
import { chainLengths, chainParts } from '../../targets/chain.js';
import { findingsFor } from '../../targets/common.js';
import { modelOf } from '../../targets/types.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/**
 * A rendered prompt longer than the model accepts, or an empty one. A chained clip sends one
 * prompt per request, so each part is measured; a multi-shot model measures each shot's prompt
 * itself (a target finding).
 */
export const limitsPromptLength: Rule = {
  meta: ruleMeta('SC404', { speed: 'fast' }),
  create(ctx) {
    return {
      file(file) {
        for (const f of findingsFor(file, 'prompt-length')) ctx.report({ span: f.span, file: f.file, message: f.message, severity: f.severity, fixes: f.fixes });
      },
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
        if (!max || length <= max) return;
        if (clip.card?.features.multiShot && clip.shots.length > 1) return;
        const chain = chainLengths(clip);
        if (chain) {
          const longest = Math.max(...chainParts(clip, chain).map((p) => renderPrompt(p.clip).text.length));
          if (longest <= max) return;
          ctx.report({
            span: clip.node.name!.span,
            message: `"${clip.name}" is sent as ${chain.length} requests; the longest prompt is ${longest.toLocaleString('en-US')} characters and ${modelOf(clip)} accepts at most ${max.toLocaleString('en-US')}. Shorten the look or split the clip.`,
          });
          return;
        }
        ctx.report({
          span: clip.node.name!.span,
          message: `The prompt for "${clip.name}" is ${length.toLocaleString('en-US')} characters; ${modelOf(clip)} accepts at most ${max.toLocaleString('en-US')}. Shorten the look or split the clip.`,
        });
      },
    };
  },
};
