import { FaceDetectorUnavailable } from '../../host.js';
import { loadReference } from '../../images/load.js';
import { REFERENCE_FORMATS } from '../../images/sniff.js';
import * as P from '../../util/path.js';
import { ruleMeta } from '../meta.js';
import type { Rule } from '../types.js';

/**
 * A human face in a `Reference:` image: the API rejects input images with faces of humans. The
 * detector comes from the host (`Host.faceDetector`), so the core carries no model; a host
 * without one skips the check, and one whose detector cannot run says so once per file.
 */
export const referenceFace: Rule = {
  meta: ruleMeta('SC308', { speed: 'slow' }),
  create(ctx) {
    let toldUnavailable = false;
    return {
      async reference(ref) {
        const detector = ctx.host?.faceDetector;
        if (!ctx.host || !detector || !ref.path.text) return;
        const r = await loadReference(ctx.file, ctx.host, ref.path.text);
        if (!r.exists || !r.insideProject || !r.info || !REFERENCE_FORMATS.includes(r.info.format)) return;
        const bytes = await ctx.host.readFile(P.resolve(ctx.file.directory, ref.path.text)).catch(() => null);
        if (!bytes) return;
        try {
          const faces = await detector.detect(bytes);
          if (!faces.length) return;
          const sure = Math.round(faces[0]!.score * 100);
          ctx.report({
            span: ref.path.span,
            message: `"${ref.path.text}" shows ${faces.length === 1 ? 'a human face' : `${faces.length} human faces`} (detector confidence ${sure}%); video APIs refuse reference images with human faces (Sora 2 rejects them outright). Use a frame without people, or drop the Reference: and describe the first frame in prose.`,
          });
        } catch (e) {
          // Not being able to check is worth one line per file, never a failure of the lint.
          const unavailable = e instanceof FaceDetectorUnavailable || (e as Error | undefined)?.name === 'FaceDetectorUnavailable';
          if (unavailable && toldUnavailable) return;
          toldUnavailable ||= unavailable;
          ctx.report({ span: ref.path.span, severity: 'info', message: `Could not check "${ref.path.text}" for human faces: ${(e as Error).message}.` });
        }
      },
    };
  },
};
