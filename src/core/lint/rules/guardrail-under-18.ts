import { findContent, type ContentHit } from '../guardrails/content.js';
import { spanIn } from '../guardrails/text.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

const WHAT: Record<ContentHit['category'], string> = {
  sexual: 'sexual content',
  nudity: 'nudity',
  violence: 'graphic violence',
  'self-harm': 'self-harm',
  drugs: 'drug use',
  profanity: 'strong language',
  'minors-sexual': 'a minor together with sexual content',
};

/**
 * Content not suitable for under-18 audiences: sexual content, nudity, graphic violence and gore,
 * self-harm, drugs and strong language. Sure hits are errors, uncertain ones warnings; a minor
 * together with sexual content is always an error.
 */
export const guardrailUnder18: Rule = {
  meta: ruleMeta('SC704', { speed: 'fast' }),
  create(ctx) {
    return {
      text(f) {
        for (const h of findContent(f.text)) {
          if (ctx.isAllowed(h.phrase)) continue;
          const what = WHAT[h.category];
          ctx.report({
            span: spanIn(f.span, h.start, h.end),
            severity: h.sure ? 'error' : 'warning',
            message:
              h.category === 'minors-sexual'
                ? `"${h.phrase}" puts ${what} in one line; this is never generated. Remove it.`
                : h.sure
                  ? `"${h.phrase}" is ${what}; the API only generates content suitable for under-18 audiences and will refuse this. Imply it off screen or remove it.`
                  : `"${h.phrase}" may read as ${what}; the API only generates content suitable for under-18 audiences. Keep it mild, or imply it off screen.`,
          });
        }
      },
    };
  },
};
