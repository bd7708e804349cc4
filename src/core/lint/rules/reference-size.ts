import { loadReference } from '../../images/load.js';
import { REFERENCE_FORMATS } from '../../images/sniff.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/** A `Reference:` image whose pixel size is not exactly the clip's size (the API rejects it). */
export const referenceSize: Rule = {
  meta: ruleMeta('SC307', { speed: 'slow', fixes: { suggestions: true } }),
  create(ctx) {
    return {
      async reference(ref, clip) {
        if (!ctx.host || !ref.path.text) return;
        const r = await loadReference(ctx.file, ctx.host, ref.path.text);
        const info = r.info;
        if (!info || !REFERENCE_FORMATS.includes(info.format) || info.width === null || info.height === null) return;
        const size = clip.size.value;
        if (info.width === size.width && info.height === size.height) return;
        const imageSize = `${info.width}x${info.height}`;
        const allowed = clip.card?.sizes.includes(imageSize);
        const sizeAt = clip.size.origin === 'clip' && clip.size.span ? clip.size.span : null;
        ctx.report({
          span: ref.path.span,
          message: `"${ref.path.text}" is ${imageSize} but the clip is ${size.text}; a first frame must match the clip size exactly. Resize the image to ${size.text}${allowed ? ` or make the clip ${imageSize}` : ''}.`,
          related: clip.size.span && !clip.size.file ? [{ message: 'the clip size', span: clip.size.span }] : [],
          fixes:
            allowed && sizeAt
              ? [{ title: `Make the clip ${imageSize}`, safe: false, edits: [{ span: sizeAt, newText: imageSize }] }]
              : allowed && clip.node.name
                ? [{ title: `Make the clip ${imageSize}`, safe: false, edits: [{ span: { start: clip.node.name.span.end, end: clip.node.name.span.end }, newText: ` ${imageSize}` }] }]
                : [],
        });
      },
    };
  },
};
