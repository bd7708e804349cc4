import { resolutionInProse, type ProseHit } from '../guardrails/prose.js';
import { inRanges, quotedRanges, spanIn } from '../guardrails/text.js';
import { ruleMeta } from '../meta.js';
import type { ModelCard } from '../../targets/types.js';
import type { Rule } from '../types.js';

/** "In 4K", "1080p", "vertical video": the size setting decides resolution and orientation. */
export const proseResolutionInProse: Rule = {
  meta: ruleMeta('SC602', { speed: 'fast', fixes: { safe: true } }),
  create(ctx) {
    const advice = (hit: ProseHit, card: ModelCard | undefined, clipName: string | null): string => {
      const sizes = card?.sizes ?? [];
      const portrait = sizes.filter((s) => { const [w, h] = s.split('x').map(Number); return h! > w!; });
      const landscape = sizes.filter((s) => { const [w, h] = s.split('x').map(Number); return w! > h!; });
      const pick = hit.kind === 'portrait' ? portrait : hit.kind === 'landscape' ? landscape : [...sizes].sort((a, b) => area(b) - area(a)).slice(0, 2);
      const example = pick[0] ?? (hit.kind === 'portrait' ? '720x1280' : '1280x720');
      const header = clipName ? `\`CLIP ${clipName} ${example}\`` : `\`CLIP name ${example}\``;
      const what = hit.kind === 'resolution' ? 'resolution' : 'orientation';
      const list = pick.length ? ` (${card!.id}: ${pick.join(', ')})` : '';
      return `"${hit.phrase}" does nothing: the ${what} comes from the size setting, never from the prompt. Set \`size: ${example}\` in the front matter or on the clip header, ${header}${list}.`;
    };
    return {
      text(f) {
        if (f.kind === 'dialogue') return;
        const quoted = quotedRanges(f.text);
        const clip = f.clip ?? ctx.file.clips[0] ?? null;
        for (const hit of resolutionInProse(f.text)) {
          if (inRanges(quoted, hit.start) || ctx.isAllowed(hit.phrase)) continue;
          ctx.report({
            span: spanIn(f.span, hit.start, hit.end),
            message: advice(hit, clip?.card, f.clip?.name ?? null),
            fixes: hit.fix ? [{ title: `Remove "${hit.phrase}"`, safe: true, edits: [{ span: spanIn(f.span, hit.fix.start, hit.fix.end), newText: hit.fix.newText }] }] : [],
          });
        }
      },
    };
  },
};

function area(size: string): number {
  const [w, h] = size.split('x').map(Number);
  return (w ?? 0) * (h ?? 0);
}
