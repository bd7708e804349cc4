import { loadReference } from '../../images/load.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/** A `Reference:` image that does not exist. */
export const referenceMissing: Rule = {
  meta: ruleMeta('SC304', { speed: 'slow' }),
  create(ctx) {
    return {
      async reference(ref) {
        if (!ctx.host || !ref.path.text) return;
        const r = await loadReference(ctx.file, ctx.host, ref.path.text);
        if (!r.exists && r.insideProject) {
          ctx.report({ span: ref.path.span, message: `No image at "${ref.path.text}" (looked for ${r.path}); paths are relative to the .shot file.` });
        }
      },
    };
  },
};
