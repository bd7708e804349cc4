/**
 * Getting a rendered asset onto disk safely: streamed to a temp file beside the destination
 * (never held in memory), hashed on the way, checked (non-empty, the length the server announced,
 * the media it should be), and only then renamed into place, so no one ever sees half a file.
 *
 * Assets are not fsynced: the journal records each one's sha256, and every later run checks the
 * file against it before trusting it, so a file lost or torn by a power cut is simply fetched
 * again. (The journal itself is fsynced: it is the one thing that cannot be checked against
 * anything.) Skipping it matters: on ext4 every fsync also flushes other files' pending data, and
 * a render downloading dozens of files at once spent most of its time waiting on them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { sniffImage } from '../core/images/sniff.js';
import type { Probe } from './ffmpeg.js';
import type { AssetKind, Download } from './providers/types.js';

export class VerifyError extends Error {}

export interface Saved {
  sha256: string;
  bytes: number;
}

/** Temp files of ours (`.<name>.<pid>.<hex>.part|tmp`) whose process is gone: left by a killed render. */
export async function removeStaleTemps(dir: string): Promise<number> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const m = /^\..+\.(\d+)\.[0-9a-f]{8}\.(?:part|tmp)$/.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    await fs.rm(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function tempBeside(dest: string): string {
  return path.join(path.dirname(dest), `.${path.basename(dest)}.${process.pid}.${randomBytes(4).toString('hex')}.part`);
}

/** Stream `download` into `dest`; `check` sees the complete temp file before it replaces `dest`. */
/** Bytes held before they are written: the most a download ever keeps in memory. */
const WRITE_BATCH = 1 << 20;

/**
 * Stream `download` into `dest` (whose directory must exist); `check` sees the complete temp
 * file before it replaces `dest`. The body is read straight from its web stream and written in
 * batches of at most WRITE_BATCH bytes: converting to a Node stream pipeline cost more CPU than
 * the download itself.
 */
export async function saveDownload(dest: string, download: Download, check: (file: string, head: Uint8Array) => Promise<void>, signal?: AbortSignal): Promise<Saved> {
  const tmp = tempBeside(dest);
  const hash = createHash('sha256');
  let bytes = 0;
  // The first bytes say what the file is; keep them rather than open the file again to look.
  const head = new Uint8Array(HEAD_BYTES);
  let headLength = 0;
  const reader = download.body.getReader();
  const stop = (): void => void reader.cancel(signal?.reason).catch(() => {});
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const file = await fs.open(tmp, 'w');
    try {
      let batch: Uint8Array[] = [];
      let held = 0;
      for (;;) {
        if (signal?.aborted) throw signal.reason ?? new Error('aborted');
        const { done, value } = await reader.read();
        if (done) break;
        hash.update(value);
        if (headLength < HEAD_BYTES) {
          const take = value.subarray(0, HEAD_BYTES - headLength);
          head.set(take, headLength);
          headLength += take.length;
        }
        bytes += value.length;
        batch.push(value);
        held += value.length;
        if (held >= WRITE_BATCH) {
          await file.writev(batch);
          batch = [];
          held = 0;
        }
      }
      if (signal?.aborted) throw signal.reason ?? new Error('aborted');
      if (batch.length) await file.writev(batch);
    } finally {
      await file.close();
    }
    if (bytes === 0) throw new VerifyError('the download was empty');
    if (download.bytes !== null && download.bytes !== bytes) throw new VerifyError(`the download stopped after ${bytes} of ${download.bytes} bytes`);
    await check(tmp, head.subarray(0, headLength));
    await fs.rename(tmp, dest);
    return { sha256: hash.digest('hex'), bytes };
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/** Copy a file already on disk (a previous --out) into place, atomically (unsynced, as downloads). */
export async function copyInto(dest: string, from: string): Promise<void> {
  const tmp = tempBeside(dest);
  try {
    await fs.copyFile(from, tmp);
    await fs.rename(tmp, dest);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** sha256 of a file, or null when it does not exist. */
export async function hashFile(file: string): Promise<Saved | null> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(file)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EISDIR') return null;
    throw e;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export interface Expectation {
  size: string;
  /** Video length in seconds. */
  seconds: number | null;
}

/** How far a video's length may be from the expected one (a frame or two of encoder rounding). */
export const DURATION_TOLERANCE = 0.2;

/** Check a downloaded asset is what it claims: the media type, and for video its size and length. */
/** Enough of a file's start for its type and, for images, its size. */
const HEAD_BYTES = 64 * 1024;

export async function verifyAsset(file: string, kind: AssetKind, expect: Expectation, probeFile: ((file: string) => Promise<Probe>) | null, knownHead?: Uint8Array): Promise<Probe | null> {
  const head = knownHead ?? (await readHead(file, HEAD_BYTES));
  if (kind.media === 'mp4') {
    if (!(head.length >= 12 && String.fromCharCode(...head.subarray(4, 8)) === 'ftyp')) throw new VerifyError('it is not an MP4 file');
    if (!probeFile) return null;
    let p: Probe;
    try {
      p = await probeFile(file);
    } catch (e) {
      throw new VerifyError(`ffprobe cannot read it (${(e as Error).message})`);
    }
    if (!/mp4|mov/.test(p.formatName)) throw new VerifyError(`ffprobe says it is ${p.formatName}, not MP4`);
    if (!p.video) throw new VerifyError('it has no video stream');
    const size = `${p.video.width}x${p.video.height}`;
    if (size !== expect.size) throw new VerifyError(`it is ${size}, expected ${expect.size}`);
    if (expect.seconds !== null && !(Math.abs(p.video.duration - expect.seconds) <= DURATION_TOLERANCE)) {
      throw new VerifyError(`it lasts ${p.video.duration.toFixed(2)} s, expected ${expect.seconds} s`);
    }
    return p;
  }
  const info = sniffImage(head);
  if (info.format !== kind.media) throw new VerifyError(`it is ${info.format === 'unknown' ? 'not an image' : `a ${info.format.toUpperCase()} image`}, expected ${kind.media.toUpperCase()}`);
  return null;
}

async function readHead(file: string, n: number): Promise<Uint8Array> {
  const h = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await h.read(buf, 0, n, 0);
    return new Uint8Array(buf.subarray(0, bytesRead));
  } finally {
    await h.close();
  }
}
