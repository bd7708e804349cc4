import { ruleMeta } from '../meta.js';
import { headerSecondsEdit, nearest, retimeFix, splitFix } from '../fixes.js';
import type { Rule } from '../types.js';
import type { Fix } from '../../diagnostics/index.js';

/** A clip length the target does not allow (create: the model's lengths; extend: extension lengths). */
export const limitsSeconds: Rule = {
  meta: ruleMeta('SC401', { speed: 'fast', fixes: { safe: true, suggestions: true } }),
  create(ctx) {
    return {
      clip(clip) {
        const card = clip.card;
        if (!card || clip.kind === 'remix' || clip.kind === 'edit') return;
        const allowed = clip.kind === 'extend' ? (card.extendSeconds ?? []) : card.seconds;
        if (clip.kind === 'extend' && !card.features.extend) return;
        const s = clip.seconds;
        if (allowed.some((a) => Math.abs(a - s.value) < 1e-9) || !allowed.length) return;
        const to = nearest(allowed, s.value);
        const guideOnly = (clip.kind === 'extend' ? card.guideOnly?.extendSeconds : card.guideOnly?.seconds) ?? [];
        const what = clip.kind === 'extend' ? 'An extension' : `A ${clip.model.value} clip`;
        const list = allowed.map((a) => `${a}`).join(', ');
        let message = `${what} can be ${list} seconds long; this one is ${s.value} s`;
        if (s.origin === 'shots') message += ' (where its last shot ends)';
        if (s.origin === 'front matter' || s.origin === 'config') message += ` (the ${s.origin} default)`;
        message += guideOnly.includes(s.value) ? `. ${s.value} s appears in the prompting guide, but the API contract rejects it.` : '.';
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
