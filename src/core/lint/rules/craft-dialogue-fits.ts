import { formatTime } from '../../format/format.js';
import type * as A from '../../syntax/ast.js';
import { wordCount } from '../guardrails/text.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/** People speak about 2.5 words a second in natural dialogue (option `wordsPerSecond`). */
export const DEFAULT_WORDS_PER_SECOND = 2.5;

/** Dialogue with more words than can be spoken in the time its shot (or clip) lasts. */
export const craftDialogueFits: Rule = {
  meta: ruleMeta('SC654', { speed: 'fast' }),
  create(ctx) {
    const o = ctx.options['wordsPerSecond'];
    const wps = typeof o === 'number' && o > 0 ? o : DEFAULT_WORDS_PER_SECOND;
    const count = (ds: readonly A.Dialogue[]): number => ds.reduce((n, d) => n + wordCount(d.line.text), 0);
    const check = (ds: readonly A.Dialogue[], seconds: number, what: string): void => {
      if (!ds.length || seconds <= 0) return;
      const n = count(ds);
      const fits = Math.floor(wps * seconds + 1e-9);
      if (n <= fits) return;
      ctx.report({
        span: { start: ds[0]!.span.start, end: ds[ds.length - 1]!.span.end },
        message: `${n} words of dialogue in ${what} of ${formatTime(seconds)} s; at about ${wps} words a second only ${fits} fit, so lines get rushed or cut off. Shorten the lines or give ${what === 'a shot' ? 'the shot' : 'the clip'} more time.`,
      });
    };
    return {
      clip(clip) {
        if (clip.kind === 'remix' || clip.kind === 'edit') return;
        for (const shot of clip.shots) {
          check(shot.items.filter((i): i is A.Dialogue => i.kind === 'Dialogue'), shot.end.value - shot.start.value, 'a shot');
        }
        if (clip.dialogue.length) {
          // Dialogue outside the shots shares the clip's time with the shots' own lines.
          const inShots = clip.shots.flatMap((s) => s.items.filter((i): i is A.Dialogue => i.kind === 'Dialogue'));
          const n = count(inShots);
          const fits = Math.floor(wps * clip.seconds.value + 1e-9);
          if (n + count(clip.dialogue) > fits && n <= fits) check(clip.dialogue, clip.seconds.value - n / wps, 'the time the clip has left');
        }
      },
    };
  },
};
