/**
 * The face detector behind `reference/face`, for Node: face-api's tiny face detector (model
 * weights shipped inside the optional npm package `@vladmandic/face-api`, no downloads) on
 * TensorFlow.js's pure-JavaScript CPU backend, with ffmpeg decoding the image (PNG, JPEG or
 * WebP) and fitting it into the detector's square input. Loaded on first use only, one image at
 * a time (detection is CPU-bound), each image once per process (by content).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { runInThisContext } from 'node:vm';
import { FaceDetectorUnavailable, type DetectedFace, type FaceDetector } from '../core/host.js';
import { sha256 } from '../core/util/sha256.js';
import { findFfTools, FFMPEG_HELP } from '../render/ffmpeg.js';

/**
 * The detector's square input, in pixels. 224 is about twice as fast as 320 on the CPU backend;
 * the cost is that faces smaller than about a sixth of the frame's longer side can be missed
 * (a first frame with a person in it usually shows them larger).
 */
const INPUT = 224;
/** Below this the tiny detector's hits are mostly textures and shadows. */
const MIN_SCORE = 0.5;
const PACKAGE = '@vladmandic/face-api';

/** The parts of face-api's (untyped) bundle used here. */
interface FaceApi {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TensorFlow.js, reached through the bundle.
  tf: any;
  nets: { tinyFaceDetector: { loadFromWeightMap(map: unknown): void } };
  TinyFaceDetectorOptions: new (o: { inputSize: number; scoreThreshold: number }) => unknown;
  detectAllFaces(input: unknown, options: unknown): Promise<Array<{ score: number }>>;
}

let api: Promise<FaceApi> | null = null;

/**
 * face-api's self-contained browser bundle (TensorFlow.js included), evaluated in a scope where
 * `window` is a stand-in: its Node platform code needs Node's `util`, which the browser bundle
 * leaves out, so it must take the browser platform (fetch, performance and TextEncoder are all
 * global in Node 20). The package's own Node builds need the native tfjs-node, which downloads
 * binaries at install. The stand-in is a parameter, so nothing global changes.
 */
async function loadApi(): Promise<FaceApi> {
  const req = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = path.dirname(req.resolve(`${PACKAGE}/package.json`));
  } catch {
    throw new FaceDetectorUnavailable(`the face detector is not installed (npm install ${PACKAGE}@1.7.15, an optional dependency of shotc)`);
  }
  const file = path.join(dir, 'dist', 'face-api.js');
  const code = await readFile(file, 'utf8');
  const wrapped = runInThisContext(`(function (window) {${code}\nreturn faceapi;\n})`, { filename: file }) as (w: object) => FaceApi;
  const faceapi = wrapped({ document: {}, addEventListener() {}, postMessage() {} });
  const tf = faceapi.tf;
  // Production mode: no debug checks, and no "install tfjs-node" banner on the user's terminal.
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
  const manifest = JSON.parse(await readFile(path.join(dir, 'model', 'tiny_face_detector_model-weights_manifest.json'), 'utf8')) as Array<{ weights: unknown[] }>;
  const weights = await readFile(path.join(dir, 'model', 'tiny_face_detector_model.bin'));
  const buffer = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);
  faceapi.nets.tinyFaceDetector.loadFromWeightMap(tf.io.decodeWeights(buffer, manifest.flatMap((g) => g.weights)));
  return faceapi;
}

/** The image as `INPUT`×`INPUT` RGB pixels, scaled to fit and letterboxed. */
function decode(ffmpeg: string, image: Uint8Array): Promise<Buffer> {
  const vf = `scale=${INPUT}:${INPUT}:force_original_aspect_ratio=decrease,pad=${INPUT}:${INPUT}:(ow-iw)/2:(oh-ih)/2`;
  return new Promise((resolve, reject) => {
    const child = execFile(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-i', 'pipe:0', '-vf', vf, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], { encoding: 'buffer', maxBuffer: INPUT * INPUT * 3 + 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`ffmpeg could not decode the image: ${stderr.toString().trim() || err.message}`));
      else if (stdout.length !== INPUT * INPUT * 3) reject(new Error(`ffmpeg returned ${stdout.length} bytes for a ${INPUT}x${INPUT} frame`));
      else resolve(stdout);
    });
    child.stdin?.on('error', () => {});
    child.stdin?.end(image);
  });
}

let shared: FaceDetector | null = null;

/** One detector per process: its model and its results are shared by every file linted. */
export function sharedFaceDetector(): FaceDetector {
  shared ??= nodeFaceDetector();
  return shared;
}

export function nodeFaceDetector(): FaceDetector {
  const results = new Map<string, Promise<DetectedFace[]>>();
  let queue: Promise<unknown> = Promise.resolve();
  const run = async (image: Uint8Array): Promise<DetectedFace[]> => {
    const ffmpeg = findFfTools().ffmpeg;
    if (!ffmpeg) throw new FaceDetectorUnavailable(`ffmpeg, which decodes images for the face detector, was not found; ${FFMPEG_HELP}`);
    api ??= loadApi().catch((e: unknown) => {
      api = null;
      throw e instanceof FaceDetectorUnavailable ? e : new FaceDetectorUnavailable(`the face detector failed to load: ${(e as Error).message}`);
    });
    const faceapi = await api;
    const pixels = await decode(ffmpeg, image);
    const input = faceapi.tf.tensor3d(new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length), [INPUT, INPUT, 3], 'int32');
    try {
      const found = await faceapi.detectAllFaces(input, new faceapi.TinyFaceDetectorOptions({ inputSize: INPUT, scoreThreshold: MIN_SCORE }));
      return found.map((f) => ({ score: f.score })).sort((a, b) => b.score - a.score);
    } finally {
      input.dispose();
    }
  };
  return {
    detect(image) {
      const key = sha256(image);
      let p = results.get(key);
      if (!p) {
        p = queue.then(() => run(image));
        queue = p.catch(() => {});
        results.set(key, p);
        p.catch(() => results.delete(key));
      }
      return p;
    },
  };
}
