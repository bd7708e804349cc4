import type * as A from '../../syntax/ast.js';
import { CAMERA_SUBJECT, cameraMoves, type MoveHit } from '../guardrails/craft.js';
import { sentences } from '../guardrails/text.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';
import type { Span } from '../../source/index.js';

/**
 * More than one camera move in a shot. Moves are counted in the timing line's camera note, in
 * `Camera:` lines, and in prose sentences about the camera ("the camera pans…"); elsewhere "pan"
 * and "tilt" are too often something else (a frying pan, a tilted head).
 */
export const craftOneCameraMove: Rule = {
  meta: ruleMeta('SC651', { speed: 'fast' }),
  create(ctx) {
    // Each move found, with its place in the source.
    const byShot = new Map<A.Shot, MoveHit[]>();
    const add = (shot: A.Shot, text: string, at: Span, from = 0, to = text.length): void => {
      const moves = cameraMoves(from === 0 && to === text.length ? text : text.slice(from, to));
      if (moves.length === 0) return;
      let list = byShot.get(shot);
      if (!list) byShot.set(shot, (list = []));
      const offset = at.start + from;
      for (const h of moves) list.push({ kind: h.kind, start: offset + h.start, end: offset + h.end });
    };
    return {
      text(f) {
        if (!f.shot) return;
        if (f.kind === 'camera' || (f.kind === 'shot-key' && /^camera$/i.test(f.label ?? ''))) add(f.shot, f.text, f.span);
        else if (f.kind === 'prose' || f.kind === 'trailing') {
          // A sentence about the camera names it; a line that does not has no such sentence.
          if (!CAMERA_SUBJECT.test(f.text)) return;
          for (const [s, e] of sentences(f.text)) if (CAMERA_SUBJECT.test(f.text.slice(s, e))) add(f.shot, f.text, f.span, s, e);
        }
      },
      end() {
        for (const [, hits] of byShot) {
          // Most shots have one move: two kinds need two hits.
          if (hits.length < 2) continue;
          const kinds = [...new Set(hits.map((h) => h.kind))];
          if (kinds.length < 2) continue;
          const second = hits.find((h) => h.kind === kinds[1])!;
          const text = (h: MoveHit): string => ctx.source.text.slice(h.start, h.end);
          if (ctx.isAllowed(text(second))) continue;
          const first = hits[0]!;
          ctx.report({
            span: { start: second.start, end: second.end },
            message: `This shot has ${kinds.length} camera moves (${kinds.join(', ')}); the prompting guide asks for one clear camera move per shot. Keep one, or split the shot where the move changes.`,
            related: [{ message: `the first move ("${text(first)}")`, span: { start: first.start, end: first.end } }],
          });
        }
      },
    };
  },
};
