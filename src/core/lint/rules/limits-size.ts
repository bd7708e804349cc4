import { findingsFor, frames } from '../../targets/common.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

function orientation(size: string): 'portrait' | 'landscape' | 'square' {
  const [w, h] = size.split('x').map(Number);
  return w! > h! ? 'landscape' : w! < h! ? 'portrait' : 'square';
}

/**
 * A size the model does not allow — or, where text-to-video takes fewer sizes than
 * image-to-video (`card.textSizes`), a size that needs a first frame. The fix keeps the
 * orientation. Also the target's own size findings.
 */
export const limitsSize: Rule = {
  meta: ruleMeta('SC402', { speed: 'fast', fixes: { safe: true } }),
  create(ctx) {
    return {
      file(file) {
        for (const f of findingsFor(file, 'size')) ctx.report({ span: f.span, file: f.file, message: f.message, severity: f.severity, fixes: f.fixes });
      },
      clip(clip) {
        const card = clip.card;
        if (!card || clip.size.origin === 'source') return;
        const size = clip.size.value.text;
        const fromText = clip.kind === 'create' && !frames(clip).first && card.textSizes !== undefined;
        const sizes = fromText ? card.textSizes! : card.sizes;
        if (sizes.includes(size)) return;
        const same = sizes.filter((s) => orientation(s) === orientation(size));
        const to = same[0] ?? sizes[0]!;
        const span = clip.size.span && !clip.size.file ? clip.size.span : clip.node.name!.span;
        const fixes = clip.size.span && !clip.size.file ? [{ title: `Use ${to}`, safe: true, edits: [{ span: clip.size.span, newText: to }] }] : [];
        if (fromText && card.sizes.includes(size)) {
          ctx.report({ span, message: `${card.id} makes ${sizes.join(', ')} from text; ${size} needs a first frame (a Reference: image of that size).`, fixes });
          return;
        }
        const guide = card.guideOnly?.sizes?.includes(size) ? ` ${size} appears in the prompting guide, but the API contract rejects it.` : '';
        const other = ctx.file.target.models.filter((m) => !m.snapshotOf && m.id !== card.id && m.sizes.includes(size)).map((m) => m.id);
        const hint = other.length ? ` ${other.join(' or ')} can render ${size}.` : '';
        ctx.report({ span, message: `${card.id} renders ${card.sizes.join(', ')}; not ${size}.${guide}${hint}`, fixes });
      },
    };
  },
};
