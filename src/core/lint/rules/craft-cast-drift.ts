import type { CastMember } from '../../resolve/model.js';
import { contradictions, readLook, type Look } from '../guardrails/wardrobe.js';
import { spanIn } from '../guardrails/text.js';
import { indexOfWord } from '../../util/chars.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/**
 * A clip describing a cast member in a way that contradicts their CAST entry ("MARA in a red
 * dress" when the cast says navy wool coat). Each clip is its own request, so the model would
 * draw a different person. Conservative: only garments in the same slot with a different colour
 * family, and hair colour or length, in the words right after the character's name.
 */
export const craftCastDrift: Rule = {
  meta: ruleMeta('SC657', { speed: 'fast', fixes: { suggestions: true } }),
  create(ctx) {
    const looks = new Map<CastMember, Look>();
    const lookOf = (m: CastMember): Look => {
      let l = looks.get(m);
      if (!l) {
        l = readLook(m.description.text);
        looks.set(m, l);
      }
      return l;
    };
    return {
      text(f) {
        if (!f.clip || f.kind === 'dialogue' || f.kind === 'cast') return;
        for (const member of f.clip.cast) {
          const cast = lookOf(member);
          if (!cast.garments.length && !cast.hair) continue;
          for (let at = indexOfWord(f.text, member.name); at !== -1; at = indexOfWord(f.text, member.name, at + 1)) {
            // The description that follows the name, up to the end of its clause or the next name.
            const rest = f.text.slice(at + member.name.length);
            const stop = rest.search(/[.;!?]|\b[A-Z]{2,}\b/);
            const clause = stop === -1 ? rest : rest.slice(0, stop);
            const base = at + member.name.length;
            for (const c of contradictions(cast, readLook(clause))) {
              if (ctx.isAllowed(c.phrase)) continue;
              ctx.report({
                span: spanIn(f.span, base + c.start, base + c.end),
                message: `${member.name}'s CAST entry says "${c.castPhrase}"; "${c.phrase}" here contradicts it, and since every clip is a separate request the model would draw a different ${member.name}. Keep the cast's description, or change the CAST entry if the look really changes.`,
                related: [{ message: `${member.name} in CAST`, span: member.description.span }],
                fixes: c.replacement ? [{ title: `Use "${c.replacement}"`, safe: false, edits: [{ span: spanIn(f.span, base + c.start, base + c.end), newText: c.replacement }] }] : [],
              });
            }
          }
        }
      },
    };
  },
};
