import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/**
 * Past this many characters a prompt stops buying control. A complete production brief in the
 * guide's ultra-detailed format (every look section plus a two-shot list) is well under half of
 * it; beyond, details compete for the model's attention and are dropped unpredictably. It is far
 * below the API's own limit (32,000), which `limits/prompt-length` checks.
 */
export const DEFAULT_MAX_CHARS = 4000;

/** A rendered prompt far longer than what helps (option `maxChars`). */
export const craftPromptLength: Rule = {
  meta: ruleMeta('SC655', { speed: 'fast' }),
  create(ctx) {
    const o = ctx.options['maxChars'];
    const max = typeof o === 'number' && o > 0 ? o : DEFAULT_MAX_CHARS;
    return {
      clip(clip) {
        const length = ctx.prompt(clip).text.length;
        // Over the API's own limit is limits/prompt-length's error; say it once.
        if (length <= max || (clip.card && length > clip.card.maxPromptChars)) return;
        ctx.report({
          span: clip.node.name?.span ?? clip.node.heading,
          message: `The prompt for "${clip.name}" is ${length.toLocaleString('en-US')} characters, far past the ${max.toLocaleString('en-US')} that help: the model follows a focused brief more reliably. Move detail the shot does not need into [[ notes ]], or split the clip into shorter clips.`,
        });
      },
    };
  },
};
