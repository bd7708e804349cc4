/** The Host for Node: files on disk, paths relative to a working directory. */
import * as fs from './fs.js';
import * as path from 'node:path';
import type { FaceDetector, Host } from '../core/host.js';

let detector: Promise<FaceDetector> | null = null;

/** The shared face detector, its module (ffmpeg, child processes) loaded at the first image. */
const faceDetector: FaceDetector = {
  async detect(image) {
    detector ??= import('./face-detector.js').then((m) => m.sharedFaceDetector());
    return (await detector).detect(image);
  },
};

export function nodeHost(cwd = process.cwd()): Host {
  const abs = (p: string): string => path.resolve(cwd, p);
  return {
    async readFile(p) {
      try {
        return new Uint8Array(await fs.readFile(abs(p)));
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
    },
    async realPath(p) {
      try {
        return toPosix(await fs.realpath(abs(p)));
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
    },
    cwd: () => toPosix(cwd),
    // Loads nothing until a reference image is checked for faces.
    faceDetector,
  };
}

export function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}
