import { loadReference } from '../../images/load.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/** A `Reference:` path that leaves the project directory (by `..`, an absolute path or a symlink). */
export const referenceOutsideProject: Rule = {
  meta: ruleMeta('SC305', { speed: 'slow' }),
  create(ctx) {
    return {
      async reference(ref) {
        if (!ctx.host || !ref.path.text) return;
        const r = await loadReference(ctx.file, ctx.host, ref.path.text);
        if (r.insideProject) return;
        ctx.report({
          span: ref.path.span,
          message: `"${ref.path.text}" is outside the project (${ctx.file.projectRoot}); copy the image into the project so the sequence renders the same anywhere.`,
        });
      },
    };
  },
};
