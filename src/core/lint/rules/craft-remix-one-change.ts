import { CHANGE_VERBS } from '../guardrails/craft.js';
import { normalise } from '../guardrails/text.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/** Clauses of a change that each start with an imperative ("switch to 85 mm and add rain" → 2). */
export function changeClauses(text: string): Array<{ start: number; verb: string }> {
  const out: Array<{ start: number; verb: string }> = [];
  const re = /(?:^|[;.]\s*|,\s*(?:and\s+|then\s+)?|\s+(?:and|then|also|plus)\s+(?:then\s+|also\s+)?)([\p{L}]+)/gu;
  for (const m of text.matchAll(re)) {
    const verb = normalise(m[1]!);
    if (CHANGE_VERBS.has(verb)) out.push({ start: m.index + m[0].length - m[1]!.length, verb });
  }
  return out;
}

/** A REMIX or EDIT with more than one change (several Change: lines, or one listing several edits). */
export const craftRemixOneChange: Rule = {
  meta: ruleMeta('SC656', { speed: 'fast' }),
  create(ctx) {
    return {
      clip(clip) {
        if (clip.kind !== 'remix' && clip.kind !== 'edit') return;
        const kind = clip.kind.toUpperCase();
        const advice = `the guide asks for one focused change per ${kind}. Make each further change its own clip: \`CLIP ${clip.name}-2 ${kind} ${clip.name}\`.`;
        if (clip.changes.length > 1) {
          ctx.report({
            span: clip.changes[1]!.key.span,
            message: `This ${kind} has ${clip.changes.length} Change: lines; ${advice}`,
            related: [{ message: 'the first change', span: clip.changes[0]!.span }],
          });
          return;
        }
        const change = clip.changes[0];
        if (!change) return;
        const clauses = changeClauses(change.text.text);
        if (clauses.length < 2 || ctx.isAllowed(change.text.text)) return;
        const at = change.text.span.start + clauses[1]!.start;
        ctx.report({
          span: { start: at, end: at + clauses[1]!.verb.length },
          message: `This change asks for ${clauses.length} edits (${clauses.map((c) => `"${c.verb}…"`).join(', ')}); ${advice}`,
        });
      },
    };
  },
};
