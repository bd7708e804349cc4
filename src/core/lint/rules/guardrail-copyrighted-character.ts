import { findCharacters, genericFor } from '../guardrails/characters.js';
import { isThemeName } from '../guardrails/music.js';
import { replaceFix } from '../guardrails/replace.js';
import { inRanges, quotedRanges, spanIn } from '../guardrails/text.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/**
 * Copyrighted characters (curated list with franchise and owner). A name that is also a word or a
 * first name counts only with a cue from its franchise nearby; an ambiguous one without a cue,
 * or one only spoken in dialogue, is a warning.
 */
export const guardrailCopyrightedCharacter: Rule = {
  meta: ruleMeta('SC702', { speed: 'fast', fixes: { suggestions: true } }),
  create(ctx) {
    const castNames = new Set(ctx.file.cast.keys());
    return {
      castMember(m) {
        for (const h of findCharacters(m.name)) {
          if (h.character.match !== 'u' || ctx.isAllowed(m.name)) continue;
          ctx.report({
            span: { start: m.entry.name.span.start + h.start, end: m.entry.name.span.start + h.end },
            message: `The cast member ${m.name} is ${h.character.name}, a copyrighted character (${h.character.owner}); the API refuses copyrighted characters. Create an original character with its own name.`,
          });
        }
      },
      text(f) {
        const quoted = quotedRanges(f.text);
        for (const h of findCharacters(f.text, { castNames })) {
          const phrase = f.text.slice(h.start, h.end);
          // "The Batman theme" is music, reported by guardrail/copyrighted-music.
          if (ctx.isAllowed(phrase) || isThemeName(f.text, h.start, h.end)) continue;
          const spoken = f.kind === 'dialogue' || inRanges(quoted, h.start);
          const sure = !spoken && (h.character.match === 'u' || h.cue !== null);
          const c = h.character;
          const because = h.cue ? ` (with "${h.cue}" nearby)` : '';
          const generic = genericFor(c);
          ctx.report({
            span: spanIn(f.span, h.start, h.end),
            severity: sure ? 'error' : 'warning',
            message: sure
              ? `"${phrase}"${because} is ${c.name}, a copyrighted character (${c.owner}); the API refuses copyrighted characters. Describe ${generic} in your own words instead.`
              : spoken
                ? `"${phrase}" names ${c.name}, a copyrighted character (${c.owner}); spoken, it is likely fine, but if the clip shows the character the API will refuse it.`
                : `"${phrase}" may be ${c.name}, a copyrighted character (${c.owner}), which the API refuses. If you mean someone else, add them to CAST or to \`lint: allow\`.`,
            fixes: spoken ? [] : [replaceFix(`Replace with "${generic}"`, f.text, f.span, h.start, h.end, generic)],
          });
        }
      },
    };
  },
};
