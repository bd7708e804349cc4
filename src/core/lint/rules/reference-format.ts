import { REFERENCE_FORMATS } from '../../images/sniff.js';
import { loadReference } from '../../images/load.js';
import { extname } from '../../util/path.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

const EXTENSION_FORMAT: Record<string, string> = {
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.webp': 'webp',
  '.gif': 'gif',
  '.bmp': 'bmp',
  '.heic': 'heic',
  '.heif': 'heic',
  '.avif': 'heic',
};

/** A `Reference:` file that is not JPEG, PNG or WebP, judged by its bytes (not its name). */
export const referenceFormat: Rule = {
  meta: ruleMeta('SC306', { speed: 'slow' }),
  create(ctx) {
    return {
      async reference(ref) {
        if (!ctx.host || !ref.path.text) return;
        const r = await loadReference(ctx.file, ctx.host, ref.path.text);
        if (!r.exists || !r.insideProject || !r.info || REFERENCE_FORMATS.includes(r.info.format)) return;
        const found = r.info.format === 'unknown' ? 'not an image this compiler recognises' : `a ${r.info.format.toUpperCase()} image`;
        // Mention the name only when it claims another format than the bytes show.
        const ext = extname(ref.path.text).toLowerCase();
        const claimed = EXTENSION_FORMAT[ext];
        const named = claimed && claimed !== r.info.format ? ` (despite its ${ext} name)` : '';
        ctx.report({ span: ref.path.span, message: `"${ref.path.text}" is ${found}${named}; reference images must be JPEG, PNG or WebP. Convert it, e.g. with ffmpeg -i in out.png.` });
      },
    };
  },
};
