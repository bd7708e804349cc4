/**
 * The pictures and videos a storyboard shows, gathered before rendering so that rendering stays
 * a pure function. Reference frames are read through the core's `Host` (browser-safe, so the
 * playground can use it too); rendered media is found by the command, which reads the disk.
 */
import type { CompileResult } from '../core/compile.js';
import type { Host } from '../core/host.js';
import { sniffImage } from '../core/images/sniff.js';
import * as P from '../core/util/path.js';
import { dataUri } from './base64.js';

export type ReferenceAsset =
  /** `src` is a data: URI, so the page stays one self-contained file. */
  | { path: string; src: string; width: number | null; height: number | null }
  /** Written in the file but not readable: `why` says what is wrong. */
  | { path: string; src: null; why: string };

export interface RenderedClip {
  /** The clip's mp4, as a URL relative to the storyboard (videos are too big to inline). */
  video: string | null;
  /** data: URIs. */
  thumbnail: string | null;
  spritesheet: string | null;
  /** Status from the render journal, when there is one (`completed`, `failed`, …). */
  status?: string;
  /** Why the clip has no video (a failed job's error), from the journal. */
  error?: string;
  /** The file changed since this clip was rendered: the video shows an older version. */
  stale?: boolean;
}

export interface RenderAssets {
  /** Where the media came from: the render journal, or files found in the output directory. */
  from: 'journal' | 'files';
  /** The output directory as the reader should see it (relative to the storyboard). */
  dir: string;
  /** The stitched film, relative to the storyboard. */
  film: string | null;
  clips: Record<string, RenderedClip>;
}

export interface StoryboardAssets {
  references?: Record<string, ReferenceAsset>;
  render?: RenderAssets | null;
}

/** Formats every browser shows inline (a wrong format is still a diagnostic; here it is just not drawn). */
const SHOWN = new Set(['png', 'jpeg', 'webp', 'gif']);

/** Each clip's first `Reference:` image, read through the host and inlined. */
export async function loadReferences(result: CompileResult, host: Host): Promise<Record<string, ReferenceAsset>> {
  const out: Record<string, ReferenceAsset> = {};
  for (const clip of result.resolved.clips) {
    const ref = clip.references[0];
    if (!ref || !ref.path.text) continue;
    const written = ref.path.text;
    const path = P.resolve(result.resolved.directory, written);
    const bytes = await host.readFile(path).catch(() => null);
    if (!bytes) {
      out[clip.name] = { path: written, src: null, why: 'not found' };
      continue;
    }
    const info = sniffImage(bytes);
    const mime = SHOWN.has(info.format) ? info.mimeType : null;
    if (!mime) {
      out[clip.name] = { path: written, src: null, why: 'not a JPEG, PNG or WebP image' };
      continue;
    }
    out[clip.name] = { path: written, src: dataUri(bytes, mime), width: info.width, height: info.height };
  }
  return out;
}
