import type { Span } from '../../source/index.js';
import type { ResolvedClip } from '../../resolve/model.js';
import { attribute } from '../../syntax/query.js';
import { audioOn, findingsFor, uses } from '../../targets/common.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/** Where a clip first asks for sound: a line of dialogue, a shot's Sound line or a Sound section. */
function soundAt(clip: ResolvedClip): { span: Span; what: string } | null {
  const spoken = [...clip.dialogue, ...clip.shots.flatMap((s) => s.items.filter((i) => i.kind === 'Dialogue'))].sort((a, b) => a.span.start - b.span.start)[0];
  if (spoken) return { span: spoken.speaker.span, what: 'its dialogue' };
  for (const shot of clip.shots) {
    for (const item of shot.items) if (item.kind === 'ShotKey' && item.key.text.toLowerCase() === 'sound') return { span: item.key.span, what: 'its Sound line' };
  }
  const section = clip.sections.find((s) => s.id === 'sound');
  const node = section?.nodes[0];
  return node ? { span: node.key.span, what: 'the Sound section' } : null;
}

/**
 * What the API would silently not do: settings a clip gives that its kind ignores (a REMIX keeps its
 * source's length, size and model), sound asked of a silent model, target settings the clip's model
 * does not take, and the target's own findings of this kind.
 */
export const limitsIgnored: Rule = {
  meta: ruleMeta('SC407', { speed: 'fast', fixes: { safe: true } }),
  create(ctx) {
    const reported = new Set<string>();
    const once = (key: string): boolean => (reported.has(key) ? false : (reported.add(key), true));
    return {
      file(file) {
        for (const f of findingsFor(file, 'ignored')) ctx.report({ span: f.span, file: f.file, message: f.message, severity: f.severity, fixes: f.fixes, tags: ['unnecessary'] });
      },
      clip(clip) {
        const card = clip.card;
        const file = ctx.file;
        if (card) {
          for (const [key, s] of Object.entries(file.settings.extras)) {
            if (uses(card, key) || !once(`setting:${key}:${card.id}`)) continue;
            ctx.report({ span: s.span ?? clip.node.name!.span, file: s.file, message: `${key} is not taken by ${card.id} on ${file.target.name}; it is not sent for "${clip.name}".`, tags: ['unnecessary'] });
          }
          if ((clip.kind === 'create' || clip.kind === 'extend') && !audioOn(file, clip)) {
            const at = soundAt(clip);
            if (at && once(`sound:${at.span.start}:${card.id}`)) {
              const why = card.features.audio ? 'audio: false turns its sound off' : `${card.id} makes silent video`;
              ctx.report({ span: at.span, message: `"${clip.name}" asks for sound (${at.what}), but ${why}: it is described in the prompt and never heard. Choose a model with sound or leave it out.` });
            }
          }
        }
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
