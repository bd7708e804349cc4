/** The Host for Node: files on disk, paths relative to a working directory. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Host } from '../core/host.js';
import { sharedFaceDetector } from './face-detector.js';

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
    faceDetector: sharedFaceDetector(),
  };
}

export function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}
