/**
 * The core's only window on the outside world. The CLI and the language server pass a Node host
 * (files on disk); the playground passes an in-memory one. Paths are POSIX-style.
 */
export interface Host {
  /** The file's bytes, or null when it does not exist. */
  readFile(path: string): Promise<Uint8Array | null>;
  /** The path with symlinks resolved, or null when it does not exist (for project-escape checks). */
  realPath?(path: string): Promise<string | null>;
  /** Absolute directory that relative paths are resolved against. */
  cwd?(): string;
  /** Finds human faces in reference images (`reference/face`); hosts without one skip that check. */
  faceDetector?: FaceDetector;
}

export interface DetectedFace {
  /** Detector confidence, 0–1. */
  score: number;
}

/**
 * A face detector the host provides (in Node, `src/node/face-detector.ts`), so the core stays
 * free of model weights and native code. `detect` rejects with a `FaceDetectorUnavailable` when
 * the detector cannot run here (not installed, no image decoder).
 */
export interface FaceDetector {
  detect(image: Uint8Array): Promise<DetectedFace[]>;
}

export class FaceDetectorUnavailable extends Error {
  override readonly name = 'FaceDetectorUnavailable';
}

/** A host backed by a map of path → contents, for tests, browsers and embedding. */
export function memoryHost(files: Record<string, string | Uint8Array> = {}, cwd = '/'): Host {
  const enc = new TextEncoder();
  const norm = (p: string): string => (p.startsWith('/') ? p : `${cwd.replace(/\/$/, '')}/${p}`).replace(/\/\.\//g, '/');
  const table = new Map(Object.entries(files).map(([k, v]) => [norm(k), typeof v === 'string' ? enc.encode(v) : v]));
  return {
    async readFile(path) {
      return table.get(norm(path)) ?? null;
    },
    async realPath(path) {
      return table.has(norm(path)) ? norm(path) : null;
    },
    cwd: () => cwd,
  };
}
