import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/**
 * A clip that no `Style:` applies to (not at the top level, not in its LOOK, not in the clip).
 * The guide puts style first because it frames everything after it; without one the model picks
 * a generic look, and clips cut together stop matching.
 */
export const craftStyleFirst: Rule = {
  meta: ruleMeta('SC658', { speed: 'fast' }),
  create(ctx) {
    return {
      clip(clip) {
        // A REMIX or EDIT sends only its change; the source video carries the style.
        if (clip.kind === 'remix' || clip.kind === 'edit') return;
        if (clip.sections.some((s) => s.id === 'style' && (s.head.length || s.subs.length))) return;
        ctx.report({
          span: clip.node.name?.span ?? clip.node.heading,
          message: `No Style applies to "${clip.name}". Start the file with one line that frames the whole look, e.g. "Style: 1970s romantic drama, 35 mm film with warm halation", so every clip shares it.`,
        });
      },
    };
  },
};
