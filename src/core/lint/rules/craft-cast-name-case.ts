import type { CastMember } from '../../resolve/model.js';
import { spanIn } from '../guardrails/text.js';
import { indexOfWord } from '../../util/chars.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/**
 * "Mara walks in" in a clip that never writes MARA: cast names are matched in capitals (so that
 * WILL or MAY in a cast never catch the words), which leaves this clip without MARA's description
 * and the model draws a stranger. Spoken words are left alone: a name said aloud is no appearance.
 */
export const craftCastNameCase: Rule = {
  meta: ruleMeta('SC659', { speed: 'fast', fixes: { suggestions: true } }),
  create(ctx) {
    // Each member's name as a sentence writes it: "Mara", "Dr. Okafor", "Jo-Ann".
    const written = new Map<CastMember, string>();
    for (const member of ctx.file.cast.values()) {
      const title = member.name.toLowerCase().replace(/(^|[\s.'’-])(\p{Ll})/gu, (_, before: string, c: string) => before + c.toUpperCase());
      if (title !== member.name) written.set(member, title);
    }
    return {
      text(f) {
        if (!f.clip || f.kind === 'dialogue' || f.kind === 'cast' || written.size === 0) return;
        for (const [member, title] of written) {
          if (f.clip.cast.includes(member)) continue;
          for (let i = indexOfWord(f.text, title); i !== -1; i = indexOfWord(f.text, title, i + 1)) {
            const span = spanIn(f.span, i, i + title.length);
            ctx.report({
              span,
              message: `"${title}" is not ${member.name}: cast names are found in capitals, so this clip leaves out ${member.name}'s description and the model draws someone new. Write ${member.name}.`,
              related: [{ message: `${member.name} in CAST`, span: member.entry.name.span }],
              fixes: [{ title: `Write ${member.name}`, safe: false, edits: [{ span, newText: member.name }] }],
            });
          }
        }
      },
    };
  },
};
