/**
 * Real image files for tests, made by ffmpeg (never hand-made headers): reference frames of an
 * exact pixel size in the formats a video API takes (PNG, JPEG, WebP) and one it does not (GIF).
 * The picture is SMPTE colour bars — abstract, small, and obviously a test card.
 *
 * Also the `<!-- files: … -->` declarations that spec and documentation examples use to say which
 * images they need, e.g. `<!-- files: frames/first.png=png:1280x720, old.png=gif:1280x720 -->`
 * (path = format:WIDTHxHEIGHT; the path's extension need not match the format, on purpose).
 * `…=png:1280x720:face` draws a face instead of the bars (an illustrated face, drawn as SVG in
 * test/lint/fixtures/drawn-face.svg, that face detectors find) for `reference/face`.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export type ImageFormat = 'png' | 'jpeg' | 'webp' | 'gif';

export interface ImageDeclaration {
  /** Path relative to the example's directory. */
  path: string;
  format: ImageFormat;
  width: number;
  height: number;
  /** What the picture shows: colour bars (default) or a drawn face. */
  picture?: 'bars' | 'face';
}

const FACE_SVG = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'lint', 'fixtures', 'drawn-face.svg');

const ENCODERS: Record<ImageFormat, string[]> = {
  png: ['-c:v', 'png', '-f', 'image2pipe'],
  jpeg: ['-c:v', 'mjpeg', '-q:v', '6', '-f', 'image2pipe'],
  webp: ['-c:v', 'libwebp', '-lossless', '1', '-f', 'webp'],
  gif: ['-f', 'gif'],
};

const cache = new Map<string, Promise<Uint8Array>>();

/** The bytes of a `width`×`height` test card in `format` (made once per process). */
export function makeImage(format: ImageFormat, width: number, height: number, picture: 'bars' | 'face' = 'bars'): Promise<Uint8Array> {
  const key = `${format}:${width}x${height}:${picture}`;
  let p = cache.get(key);
  if (!p) {
    p = encode(format, width, height, picture);
    cache.set(key, p);
  }
  return p;
}

function encode(format: ImageFormat, width: number, height: number, picture: 'bars' | 'face'): Promise<Uint8Array> {
  // JPEG needs even dimensions in the default yuvj420p; full-range 4:4:4 avoids that limit.
  const pixfmt = format === 'jpeg' ? ['-pix_fmt', 'yuvj444p'] : [];
  const side = Math.round(Math.min(width, height) * 0.8);
  const input =
    picture === 'face'
      ? ['-f', 'lavfi', '-i', `color=c=0x6d7f8f:s=${width}x${height}`, '-i', FACE_SVG, '-filter_complex', `[1]scale=${side}:${side}[f];[0][f]overlay=(W-w)/2:(H-h)/2`]
      : ['-f', 'lavfi', '-i', `smptebars=s=${width}x${height}`];
  const args = ['-hide_banner', '-loglevel', 'error', ...input, '-frames:v', '1', ...pixfmt, ...ENCODERS[format], '-'];
  return new Promise((resolve, reject) => {
    execFile('ffmpeg', args, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`ffmpeg could not make a ${format} ${width}x${height}: ${stderr.toString() || err.message}`));
      else resolve(new Uint8Array(stdout));
    });
  });
}

const DECLARATION = /^([^=,\s][^=,]*?)=(png|jpeg|webp|gif):(\d+)x(\d+)(?::(face))?$/;

/**
 * The images declared in a markdown comment `<!-- files: a.png=png:1280x720, … -->`; null when
 * `line` is not such a comment. A malformed entry throws: a typo in a declaration must not turn
 * into a silently missing file.
 */
export function parseFilesComment(line: string): ImageDeclaration[] | null {
  const m = /^<!--\s*files:\s*(.*?)\s*-->$/.exec(line.trim());
  if (!m) return null;
  return m[1]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const d = DECLARATION.exec(entry);
      if (!d) throw new Error(`bad file declaration "${entry}"; write PATH=FORMAT:WIDTHxHEIGHT with FORMAT png, jpeg, webp or gif`);
      return { path: d[1]!, format: d[2] as ImageFormat, width: Number(d[3]), height: Number(d[4]), ...(d[5] ? { picture: 'face' as const } : {}) };
    });
}

/** The declared images as path → bytes (for an in-memory host). */
export async function declaredFiles(decls: readonly ImageDeclaration[]): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const d of decls) out[d.path] = await makeImage(d.format, d.width, d.height, d.picture);
  return out;
}

/** Write the declared images under `dir`. */
export async function writeDeclaredFiles(dir: string, decls: readonly ImageDeclaration[]): Promise<void> {
  for (const d of decls) {
    const file = path.join(dir, d.path);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, await makeImage(d.format, d.width, d.height, d.picture));
  }
}
