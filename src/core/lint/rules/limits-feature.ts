import { findingsFor, frames } from '../../targets/common.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/**
 * A construct the target cannot do: a remix, edit or extension; a reference image where it takes
 * none, a last frame (a second `Reference:`) where it takes only a first, text alone where it needs
 * a first frame; an extension of a size it cannot extend. Also the target's own feature findings
 * (reference image counts and kinds, person controls, …).
 */
export const limitsFeature: Rule = {
  meta: ruleMeta('SC406', { speed: 'fast' }),
  create(ctx) {
    const target = ctx.file.target;
    return {
      file(file) {
        for (const f of findingsFor(file, 'feature')) ctx.report({ span: f.span, file: f.file, message: f.message, severity: f.severity, fixes: f.fixes });
      },
      clip(clip) {
        const card = clip.card;
        if (!card) return;
        if (clip.kind !== 'create' && !card.features[clip.kind]) {
          ctx.report({ span: clip.source!.span, message: `${target.name} cannot ${clip.kind} a video with ${card.id}; render the change as a new clip.` });
        }
        if (clip.kind === 'extend' && card.features.extend && card.extendSizes && !card.extendSizes.includes(clip.size.value.text)) {
          ctx.report({ span: clip.source!.span, message: `${card.id} extends ${card.extendSizes.join(', ')} video only; "${clip.source!.name}" is ${clip.size.value.text}.` });
        }
        const refs = clip.references;
        if (clip.kind === 'create' && card.features.text === false && !frames(clip).first) {
          ctx.report({ span: clip.node.name!.span, message: `${card.id} makes video from a first frame only; add a Reference: image or choose a model that works from text.` });
        }
        if (!refs.length) return;
        if (clip.kind !== 'create') {
          ctx.report({ span: refs[0]!.key.span, message: `A ${clip.kind.toUpperCase()} starts from its source video, so it cannot take a Reference: image; remove it or make this a new clip.` });
        } else if (!card.features.reference) {
          ctx.report({ span: refs[0]!.key.span, message: `${card.id} on ${target.name} takes no reference image; remove Reference: or choose a model that does.` });
        } else if (refs.length === 2 && !card.features.lastFrame) {
          ctx.report({
            span: refs[1]!.key.span,
            message: `${card.id} takes one first-frame image; a second Reference: is a last frame, which it does not take. Keep one Reference: line.`,
            related: [{ message: 'first reference', span: refs[0]!.span }],
          });
        } else if (refs.length > 2 || (refs.length > 1 && !card.features.lastFrame)) {
          ctx.report({
            span: refs[card.features.lastFrame ? 2 : 1]!.key.span,
            message: card.features.lastFrame
              ? `${card.id} takes a first frame and a last frame; this clip gives ${refs.length} Reference: lines. Keep two.`
              : `${card.id} takes one first-frame image; this clip gives ${refs.length}. Keep one Reference: line.`,
            related: [{ message: 'first reference', span: refs[0]!.span }],
          });
        }
      },
    };
  },
};
