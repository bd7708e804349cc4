/**
 * Finding and running ffmpeg and ffprobe. `SHOTC_FFMPEG` / `SHOTC_FFPROBE` win when set. Then
 * ffmpeg comes from PATH, else the optional npm package `@ffmpeg-installer/ffmpeg`. ffprobe comes
 * from the optional `@ffprobe-installer/ffprobe` first, when it runs here, else PATH: a render
 * probes every clip it downloads, and that static build starts several times faster than a
 * distribution's dynamically linked one (measured: about 0.01 s of CPU against 0.1 s per call).
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

export interface FfTools {
  ffmpeg: string | null;
  ffprobe: string | null;
}

export const FFMPEG_HELP =
  'install it (Debian/Ubuntu: apt install ffmpeg; macOS: brew install ffmpeg), put it on PATH, or set SHOTC_FFMPEG (and SHOTC_FFPROBE) to the executables';

let cached: FfTools | undefined;

export function findFfTools(env: NodeJS.ProcessEnv = process.env): FfTools {
  if (cached && env === process.env) return cached;
  const exe = process.platform === 'win32' ? '.exe' : '';
  const explicitFfmpeg = env['SHOTC_FFMPEG'] || null;
  const explicitFfprobe = env['SHOTC_FFPROBE'] || (explicitFfmpeg ? sibling(explicitFfmpeg, 'ffprobe') : null);
  const tools: FfTools = {
    ffmpeg: explicitFfmpeg ?? onPath(`ffmpeg${exe}`, env) ?? fromPackage('@ffmpeg-installer/ffmpeg'),
    ffprobe: (explicitFfprobe && executable(explicitFfprobe) ? explicitFfprobe : null) ?? runs(fromPackage('@ffprobe-installer/ffprobe')) ?? onPath(`ffprobe${exe}`, env),
  };
  if (env === process.env) cached = tools;
  return tools;
}

function sibling(file: string, name: string): string {
  return path.join(path.dirname(file), name + path.extname(file));
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    if (executable(file)) return file;
  }
  return null;
}

/** The binary, if it starts on this machine (a packaged build may not suit it). */
function runs(file: string | null): string | null {
  if (!file) return null;
  const r = spawnSync(file, ['-version'], { stdio: 'ignore', timeout: 10_000 });
  return r.status === 0 ? file : null;
}

function fromPackage(name: string): string | null {
  try {
    const found = createRequire(import.meta.url)(name) as { path?: string };
    return found.path && executable(found.path) ? found.path : null;
  } catch {
    return null; // optional dependency not installed, or no binary for this platform
  }
}

export class ToolError extends Error {}

/** Run a tool to completion; on failure the error carries the last lines of its stderr. */
export function runTool(file: string, args: readonly string[], options: { signal?: AbortSignal } = {}): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(options.signal ? { signal: options.signal } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (stderr.length > 64_000) stderr = stderr.slice(-32_000);
    });
    child.on('error', (e) => reject(e.name === 'AbortError' ? e : new ToolError(`${path.basename(file)} could not start: ${e.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ stdout, stderr });
      else {
        const tail = stderr.trim().split('\n').slice(-4).join('\n');
        reject(new ToolError(`${path.basename(file)} ${signal ? `was killed (${signal})` : `exited with ${code}`}${tail ? `: ${tail}` : ''}`));
      }
    });
  });
}

export interface Probe {
  formatName: string;
  /** The container's duration in seconds (AAC priming can make it a few ms longer than the picture). */
  duration: number;
  /** `duration` is the video stream's own length: what "a 4-second clip" means. */
  video: { codec: string; width: number; height: number; pixFmt: string; frameRate: string; duration: number } | null;
  audio: { codec: string; sampleRate: number; channels: number } | null;
}

export const PROBE_ARGS = ['-v', 'error', '-show_entries', 'format=format_name,duration:stream=codec_type,codec_name,width,height,pix_fmt,r_frame_rate,sample_rate,channels,duration', '-of', 'json'];

export async function probe(ffprobe: string, file: string, signal?: AbortSignal): Promise<Probe> {
  const { stdout } = await runTool(ffprobe, [...PROBE_ARGS, file], signal ? { signal } : {});
  return parseProbe(stdout);
}

export function parseProbe(stdout: string): Probe {
  const data = JSON.parse(stdout) as {
    format?: { format_name?: string; duration?: string };
    streams?: Array<Record<string, string | number | undefined>>;
  };
  const v = data.streams?.find((s) => s['codec_type'] === 'video');
  const a = data.streams?.find((s) => s['codec_type'] === 'audio');
  return {
    formatName: data.format?.format_name ?? '',
    duration: Number(data.format?.duration ?? NaN),
    video: v ? { codec: String(v['codec_name']), width: Number(v['width']), height: Number(v['height']), pixFmt: String(v['pix_fmt']), frameRate: String(v['r_frame_rate']), duration: Number(v['duration'] ?? data.format?.duration ?? NaN) } : null,
    audio: a ? { codec: String(a['codec_name']), sampleRate: Number(a['sample_rate']), channels: Number(a['channels']) } : null,
  };
}
