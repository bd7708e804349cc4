/**
 * Joining clip videos into the film with ffmpeg. When every clip has the same codecs, frame
 * rate and audio layout (clips from one API do) the concat demuxer copies the streams: fast and
 * lossless. Otherwise the concat filter re-encodes. Sizes must match: a film cannot change
 * resolution mid-way, and scaling would be a creative decision that is not ours to make.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { probe, runTool, type Probe } from './ffmpeg.js';
import { tempBeside } from './files.js';
import { syncDir } from '../node/atomic.js';

export class StitchError extends Error {}

export interface StitchInput {
  clip: string;
  file: string;
}

export interface Stitched {
  seconds: number;
  reencoded: boolean;
}

/** Why these clips cannot be stitched, or null when they can. */
export function sizeProblem(inputs: ReadonlyArray<{ clip: string; probe: Probe }>): string | null {
  const sizes = new Map<string, string[]>();
  for (const { clip, probe: p } of inputs) {
    const size = p.video ? `${p.video.width}x${p.video.height}` : 'no video';
    sizes.set(size, [...(sizes.get(size) ?? []), clip]);
  }
  if (sizes.size <= 1) return null;
  return `the clips differ in size: ${[...sizes].map(([size, clips]) => `${clips.join(', ')} ${size}`).join('; ')}`;
}

export async function stitch(ffmpeg: string, ffprobe: string, inputs: readonly StitchInput[], dest: string, signal?: AbortSignal): Promise<Stitched> {
  const probes = await Promise.all(inputs.map(async (i) => ({ clip: i.clip, probe: await probe(ffprobe, i.file, signal) })));
  const problem = sizeProblem(probes);
  if (problem) throw new StitchError(problem);
  const expected = probes.reduce((sum, p) => sum + (p.probe.video?.duration ?? 0), 0);
  const tmp = tempBeside(dest);
  const first = probes[0]!.probe;
  const same = probes.every(({ probe: p }) => compatible(first, p));
  const quiet = ['-hide_banner', '-loglevel', 'error', '-y'];
  try {
    if (same) {
      const list = tmp.replace(/\.part$/, '.tmp');
      await fs.writeFile(list, inputs.map((i) => `file '${path.resolve(i.file).replace(/'/g, "'\\''")}'`).join('\n') + '\n');
      try {
        await runTool(ffmpeg, [...quiet, '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', '-movflags', '+faststart', '-f', 'mp4', tmp], signal ? { signal } : {});
      } finally {
        await fs.rm(list, { force: true });
      }
    } else {
      const audio = probes.every(({ probe: p }) => p.audio !== null);
      const streams = inputs.map((_, i) => (audio ? `[${i}:v][${i}:a]` : `[${i}:v]`)).join('');
      const graph = `${streams}concat=n=${inputs.length}:v=1:a=${audio ? 1 : 0}[v]${audio ? '[a]' : ''}`;
      await runTool(
        ffmpeg,
        [
          ...quiet,
          ...inputs.flatMap((i) => ['-i', i.file]),
          '-filter_complex', graph,
          '-map', '[v]', ...(audio ? ['-map', '[a]', '-c:a', 'aac', '-b:a', '128k'] : ['-an']),
          '-c:v', 'libx264', '-preset', 'medium', '-crf', '18', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', '-f', 'mp4', tmp,
        ],
        signal ? { signal } : {},
      );
    }
    const made = await probe(ffprobe, tmp, signal);
    const seconds = made.video?.duration ?? NaN;
    if (!(Math.abs(seconds - expected) <= 0.1 * inputs.length + 0.1)) throw new StitchError(`the stitched film lasts ${seconds.toFixed(2)} s, but its clips add up to ${expected.toFixed(2)} s`);
    const h = await fs.open(tmp, 'r+');
    await h.sync().finally(() => h.close());
    await fs.rename(tmp, dest);
    await syncDir(path.dirname(dest));
    return { seconds, reencoded: !same };
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

function compatible(a: Probe, b: Probe): boolean {
  if (!a.video || !b.video) return false;
  if (a.video.codec !== b.video.codec || a.video.pixFmt !== b.video.pixFmt || a.video.frameRate !== b.video.frameRate) return false;
  if ((a.audio === null) !== (b.audio === null)) return false;
  if (a.audio && b.audio && (a.audio.codec !== b.audio.codec || a.audio.sampleRate !== b.audio.sampleRate || a.audio.channels !== b.audio.channels)) return false;
  return true;
}
