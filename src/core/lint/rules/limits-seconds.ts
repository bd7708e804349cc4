import { ruleMeta } from '../meta.js';
import { headerSecondsEdit, nearest, retimeFix, splitFix } from '../fixes.js';
import type { Rule } from '../types.js';
import type { Fix } from '../../diagnostics/index.js';
import { chainFor, chainLengthsNear, createSeconds } from '../../targets/chain.js';
import { findingsFor } from '../../targets/common.js';
import { modelOf } from '../../targets/types.js';

/**
 * A clip length the target does not allow (create: the model's lengths, narrowed by size where the
 * card says so; extend: extension lengths). A model that chains (`card.chain`) makes longer clips
 * as a create and extensions, so those lengths are fine. Also the target's own length findings.
 */
export const limitsSeconds: Rule = {
  meta: ruleMeta('SC401', { speed: 'fast', fixes: { safe: true, suggestions: true } }),
  create(ctx) {
    return {
      file(file) {
        for (const f of findingsFor(file, 'seconds')) ctx.report({ span: f.span, file: f.file, message: f.message, severity: f.severity, fixes: f.fixes });
      },
      clip(clip) {
        const card = clip.card;
        if (!card || clip.kind === 'remix' || clip.kind === 'edit') return;
        const size = clip.size.value.text;
        const allowed = clip.kind === 'extend' ? (card.extendSeconds ?? []) : createSeconds(card, size);
        if (clip.kind === 'extend' && !card.features.extend) return;
        const s = clip.seconds;
        if (allowed.some((a) => Math.abs(a - s.value) < 1e-9) || !allowed.length) return;
        if (clip.kind === 'create' && chainFor(card, s.value, size)) return;
        const to = nearest(allowed, s.value);
        const guideOnly = (clip.kind === 'extend' ? card.guideOnly?.extendSeconds : card.guideOnly?.seconds) ?? [];
        const what = clip.kind === 'extend' ? 'An extension' : `A ${modelOf(clip)} clip${card.secondsBySize?.[size] ? ` at ${size}` : ''}`;
        const list = allowed.map((a) => `${a}`).join(', ');
        let message = `${what} can be ${list} seconds long; this one is ${s.value} s`;
        if (s.origin === 'shots') message += ' (where its last shot ends)';
        if (s.origin === 'front matter' || s.origin === 'config') message += ` (the ${s.origin} default)`;
        message += guideOnly.includes(s.value) ? `. ${s.value} s appears in the prompting guide, but the API contract rejects it.` : '.';
        if (clip.kind === 'create' && card.chain) {
          const near = chainLengthsNear(card, s.value, size).filter((n) => !allowed.includes(n));
          message += near.length
            ? ` Longer clips are made as a clip and ${card.extendSeconds?.length === 1 ? `${card.extendSeconds[0]}-second ` : ''}extensions: ${near.join(', ')} s would work.`
            : card.extendSizes && !card.extendSizes.includes(size)
              ? ` ${size} video cannot be extended (only ${card.extendSizes.join(', ')}), so it cannot run longer.`
              : '';
        }
        const fixes: Fix[] = [];
        if (s.origin === 'clip' || s.origin === 'front matter') {
          fixes.push({ title: `Change the length to ${to} s`, safe: clip.shots.length === 0, edits: [{ span: s.span!, newText: s.origin === 'clip' ? `${to}s` : String(to) }] });
        }
        if (clip.shots.length) {
          fixes.push(retimeFix(clip, to, s.origin !== 'shots'));
          if (s.origin === 'shots') fixes.push({ title: `Set the clip to ${to} s (shots unchanged)`, safe: false, edits: [headerSecondsEdit(clip, to)] });
          const max = Math.max(...allowed);
          if (s.value > max) {
            const split = splitFix(clip, allowed, ctx.source);
            if (split) fixes.unshift(split);
          }
        }
        ctx.report({ span: s.span && !s.file ? s.span : clip.node.name!.span, message, fixes });
      },
    };
  },
};
