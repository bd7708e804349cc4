/**
 * Loading a clip's `Reference:` image through the host, once per file and path, for both the
 * reference rules and the emitted plan (MIME type and pixel size).
 */
import type { Host } from '../host.js';
import type { ResolvedFile } from '../resolve/model.js';
import * as P from '../util/path.js';
import { sha256 } from '../util/sha256.js';
import { sniffImage, type ImageInfo } from './sniff.js';

export interface LoadedReference {
  /** As written in the file. */
  written: string;
  /** Resolved against the file's directory. */
  path: string;
  exists: boolean;
  /** Whether the path, symlinks resolved, stays inside the project directory. */
  insideProject: boolean;
  info: ImageInfo | null;
  sha256: string | null;
}

const cache = new WeakMap<ResolvedFile, Map<string, Promise<LoadedReference>>>();

export function loadReference(file: ResolvedFile, host: Host, written: string): Promise<LoadedReference> {
  let perFile = cache.get(file);
  if (!perFile) {
    perFile = new Map();
    cache.set(file, perFile);
  }
  let p = perFile.get(written);
  if (!p) {
    p = load(file, host, written);
    perFile.set(written, p);
  }
  return p;
}

async function load(file: ResolvedFile, host: Host, written: string): Promise<LoadedReference> {
  const path = P.resolve(file.directory, written);
  const root = file.projectRoot;
  let inside = P.isInside(root, path);
  const bytes = await host.readFile(path).catch(() => null);
  if (bytes && inside && host.realPath) {
    const [real, realRoot] = await Promise.all([host.realPath(path), host.realPath(root)]);
    if (real && realRoot) inside = P.isInside(realRoot, real);
  }
  return {
    written,
    path,
    exists: bytes !== null,
    insideProject: inside,
    info: bytes ? sniffImage(bytes) : null,
    sha256: bytes ? sha256(bytes) : null,
  };
}
