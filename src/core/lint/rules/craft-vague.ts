import { vagueWords } from '../guardrails/craft.js';
import { inRanges, quotedRanges, removal, spanIn } from '../guardrails/text.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/** Vague wording (beautiful, cinematic, epic…) where the guide asks for concrete visual cues. */
export const craftVague: Rule = {
  meta: ruleMeta('SC653', { speed: 'fast', fixes: { suggestions: true } }),
  create(ctx) {
    return {
      text(f) {
        if (f.kind === 'dialogue') return;
        const quoted = quotedRanges(f.text);
        for (const v of vagueWords(f.text)) {
          if (inRanges(quoted, v.start) || ctx.isAllowed(v.word)) continue;
          const cut = removal(f.text, v.start, v.end);
          // Removing an adjective is clean only when a word follows it ("a beautiful street").
          const clean = /^\s+[\p{L}]/u.test(f.text.slice(v.end)) && !/^\s+(?:and|or|but)\b/i.test(f.text.slice(v.end));
          ctx.report({
            span: spanIn(f.span, v.start, v.end),
            message: `"${v.word}" is vague; the model fills it with a generic look. Instead, ${v.advice}.`,
            fixes: clean ? [{ title: `Remove "${v.word}"`, safe: false, edits: [{ span: spanIn(f.span, cut.start, cut.end), newText: '' }] }] : [],
          });
        }
      },
    };
  },
};
