import type * as A from '../../syntax/ast.js';
import type { Span } from '../../source/index.js';
import { actions, type ActionHit } from '../guardrails/craft.js';
import { spanIn } from '../guardrails/text.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/**
 * More than one subject action in a shot. Counted conservatively: two or more `Action:` lines, or
 * two distinct big actions (run, jump, fight, drive, dance…) in the shot's prose. Small beats in
 * one sentence ("takes four steps, pauses, turns up her collar") are the guide's own advice and
 * never count.
 */
export const craftOneAction: Rule = {
  meta: ruleMeta('SC652', { speed: 'fast' }),
  create(ctx) {
    const hitsByShot = new Map<A.Shot, Array<ActionHit & { span: Span }>>();
    return {
      shot(shot) {
        const lines = shot.items.filter((i): i is A.ShotKeyLine => i.kind === 'ShotKey' && i.shotKey === 'action');
        if (lines.length < 2) return;
        ctx.report({
          span: lines[1]!.key.span,
          message: `This shot has ${lines.length} Action: lines; the prompting guide asks for one clear subject action per shot (in beats if needed). Merge them into one action, or split the shot.`,
          related: [{ message: 'the first action', span: lines[0]!.span }],
        });
      },
      text(f) {
        if (!f.shot || !(f.kind === 'prose' || f.kind === 'trailing' || (f.kind === 'shot-key' && /^action$/i.test(f.label ?? '')))) return;
        const found = actions(f.text);
        if (found.length === 0) return;
        let list = hitsByShot.get(f.shot);
        if (!list) hitsByShot.set(f.shot, (list = []));
        for (const h of found) list.push({ ...h, span: spanIn(f.span, h.start, h.end) });
      },
      end() {
        for (const [shot, hits] of hitsByShot) {
          // Two actions need two hits.
          if (hits.length < 2) continue;
          const lemmas = [...new Set(hits.map((h) => h.lemma))];
          if (lemmas.length < 2) continue;
          const actionLines = shot.items.filter((i) => i.kind === 'ShotKey' && i.shotKey === 'action').length;
          if (actionLines >= 2) continue;
          const second = hits.find((h) => h.lemma === lemmas[1])!;
          const words = lemmas.map((l) => ctx.source.text.slice(hits.find((h) => h.lemma === l)!.span.start, hits.find((h) => h.lemma === l)!.span.end));
          if (words.some((w) => ctx.isAllowed(w))) continue;
          ctx.report({
            span: second.span,
            message: `This shot asks for ${lemmas.length} separate actions (${words.map((w) => `"${w}"`).join(', ')}); the prompting guide asks for one clear subject action per shot. Give each action its own shot.`,
            related: [{ message: 'the first action', span: hits[0]!.span }],
          });
        }
      },
    };
  },
};
