import { closest } from '../../syntax/keys.js';
import { findingsFor } from '../../targets/common.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/**
 * A model the target does not have. A model of another target is not an error: the target uses its
 * nearest model (stand-ins.ts), and this rule says which, as information, so one file compiles for
 * every target with one switch. Also the target's own model findings (a model on the wrong backend).
 */
export const limitsModel: Rule = {
  meta: ruleMeta('SC403', { speed: 'fast', fixes: { safe: true } }),
  create(ctx) {
    const reported = new Set<string>();
    return {
      file(file) {
        for (const f of findingsFor(file, 'model')) ctx.report({ span: f.span, file: f.file, message: f.message, severity: f.severity, fixes: f.fixes });
      },
      clip(clip) {
        if (clip.model.origin === 'source') return;
        const target = ctx.file.target;
        const where = clip.model.span && !clip.model.file ? clip.model.span : clip.node.name!.span;
        const key = `${where.start}:${clip.model.value}`;
        if (reported.has(key)) return;
        if (clip.card && clip.card.id !== clip.model.value) {
          reported.add(key);
          const id = clip.card.id;
          ctx.report({
            span: where,
            file: clip.model.file,
            severity: 'info',
            message: `"${clip.model.value}" is not a ${target.name} model; this file renders with ${id}, its nearest model. Name a ${target.id} model (or pass --model) to choose another.`,
            fixes: clip.model.span ? [{ title: `Use ${id}`, safe: false, edits: [{ span: clip.model.span, newText: id }] }] : [],
          });
          return;
        }
        if (clip.card) return;
        reported.add(key);
        const ids = target.models.map((m) => m.id);
        const guess = closest(clip.model.value, ids, 3);
        ctx.report({
          span: where,
          file: clip.model.file,
          message: `${target.name} has no model "${clip.model.value}"${guess ? `; did you mean "${guess}"?` : '.'} Models: ${ids.join(', ')}.`,
          fixes: guess && clip.model.span ? [{ title: `Use ${guess}`, safe: true, edits: [{ span: clip.model.span, newText: guess }] }] : [],
        });
      },
    };
  },
};
