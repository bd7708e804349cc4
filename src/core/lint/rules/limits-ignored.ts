import { ruleMeta } from '../meta.js';
import { attribute } from '../../syntax/query.js';
import type { Rule } from '../types.js';

/** Settings a clip gives that the API ignores for that kind of clip (they would silently do nothing). */
export const limitsIgnored: Rule = {
  meta: ruleMeta('SC407', { speed: 'fast', fixes: { safe: true } }),
  create(ctx) {
    return {
      clip(clip) {
        if (clip.kind === 'create') {
          for (const c of clip.changes) {
            ctx.report({ span: c.key.span, message: 'Change: only means something in a REMIX or EDIT clip; here it is sent as part of the scene. Describe the scene instead, or make this clip a REMIX/EDIT of another.', tags: ['unnecessary'] });
          }
          return;
        }
        const external = clip.source?.videoId !== null && clip.source?.videoId !== undefined;
        const drop = (span: { start: number; end: number }, what: string, why: string): void => {
          let s = span.start;
          const text = ctx.source.text;
          while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
          ctx.report({ span, message: `${what} ${why}`, tags: ['unnecessary'], fixes: [{ title: `Remove ${what}`, safe: true, edits: [{ span: { start: s, end: span.end }, newText: '' }] }] });
        };
        const kind = clip.kind.toUpperCase();
        const seconds = attribute(clip.node, 'seconds');
        if (seconds && clip.kind !== 'extend' && !external) drop(seconds.span, `The length ${seconds.value}s`, `is ignored: a ${kind} keeps the length of its source.`);
        const size = attribute(clip.node, 'size');
        if (size) drop(size.span, `The size ${size.text}`, `is ignored: a ${kind} keeps the size of its source.`);
        const model = attribute(clip.node, 'model');
        if (model) drop(model.span, `The model ${model.id}`, `is ignored: a ${kind} uses the model of its source.`);
      },
    };
  },
};
