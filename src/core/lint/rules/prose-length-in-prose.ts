import { lengthInProse } from '../guardrails/prose.js';
import { inRanges, quotedRanges, spanIn } from '../guardrails/text.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/** "A 20-second video", "make it longer": the length is the clip's seconds, never prose. */
export const proseLengthInProse: Rule = {
  meta: ruleMeta('SC601', { speed: 'fast', fixes: { safe: true } }),
  create(ctx) {
    return {
      text(f) {
        if (f.kind === 'dialogue') return;
        const quoted = quotedRanges(f.text);
        for (const hit of lengthInProse(f.text)) {
          if (inRanges(quoted, hit.start) || ctx.isAllowed(hit.phrase)) continue;
          const where = f.clip ? `the clip header (\`CLIP ${f.clip.name} 8s\`)` : 'the clip header (`CLIP name 8s`)';
          ctx.report({
            span: spanIn(f.span, hit.start, hit.end),
            message: `"${hit.phrase}" does nothing: the model never reads a length from the prompt. Set the length in ${where} or with \`seconds:\` in the front matter.`,
            fixes: hit.fix ? [{ title: `Remove "${hit.phrase}"`, safe: true, edits: [{ span: spanIn(f.span, hit.fix.start, hit.fix.end), newText: hit.fix.newText }] }] : [],
          });
        }
      },
    };
  },
};
