/** Shared by the render and emulator tests: a real emulator, real ffmpeg, real files. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.js';
import { JournalSchema, type Journal } from '../../src/render/journal.js';
import { BIN, runCli, type CliResult } from '../helpers/cli.js';

/**
 * Test cards are content-addressed, so every emulator in the test run can share one cache and
 * make each card once (tests that need fresh media use prompts of their own).
 */
export const MEDIA_CACHE = path.join(os.tmpdir(), 'shotc-test-media-cache');

export function testEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ latencyMs: 300, mediaDir: MEDIA_CACHE, checkResponses: true, retryAfterSeconds: 1, ...options });
}

export const KEY = 'sk-test-9f8e7d6c5b4a39281706f5e4d3c2b1a0';

/** `shotc render` against an emulator, as a user runs it (a real process). */
export function render(emulator: Emulator, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliResult> {
  return runCli(['render', ...args], { cwd: options.cwd, env: { OPENAI_BASE_URL: emulator.url, OPENAI_API_KEY: KEY, ...options.env } });
}

/** A five-clip sequence: a create with a reference frame, an extension chain, and an edit. */
export const SEQUENCE = `---
title: Test Sequence
model: sora-2
size: 1280x720
---
Style: grainy 16 mm documentary, handheld.

CLIP opening 4s
  Reference: frame.png
  A lighthouse keeper climbs the spiral stairs at dawn.

CLIP harbour 4s
  Fishing boats leave the harbour in thick fog.

CLIP harbour-more EXTEND harbour 4s
  The last boat disappears into the fog.

CLIP closing 4s
  The lamp turns off as the sun rises over the sea.

CLIP closing-blue EDIT closing
  Change: shift the grade to a cold blue.
`;

/** The film of SEQUENCE: opening, harbour-more (harbour + 4 s), closing-blue. */
export const SEQUENCE_FILM = { clips: ['opening', 'harbour-more', 'closing-blue'], seconds: 4 + 8 + 4 };

/** Two clips: a create and its remix (the language page's sample, shortened). */
export function pair(tag: string): string {
  return `---
model: sora-2
size: 1280x720
---
Style: 1970s romantic drama, 35 mm, warm halation.

CLIP arrival 4s
  The train glides in; a woman steps onto the wet platform (${tag}).

CLIP arrival-dusk REMIX arrival
  Change: shift the palette to dusk blue.
`;
}

export async function project(dir: string, text = SEQUENCE, name = 'seq.shot'): Promise<string> {
  await fs.writeFile(path.join(dir, name), text);
  if (text.includes('frame.png') && !existsSync(path.join(dir, 'frame.png'))) await image(path.join(dir, 'frame.png'), '1280x720');
  return path.join(dir, name);
}

/** A real PNG of the given size (ffmpeg). */
export async function image(file: string, size: string): Promise<void> {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `color=c=0x336699:size=${size}`, '-frames:v', '1', file]);
  if (r.status !== 0) throw new Error(`ffmpeg could not make ${file}: ${r.stderr}`);
}

export interface Probed {
  format: string;
  width: number;
  height: number;
  /** Video stream length in seconds. */
  seconds: number;
  codec: string;
  audio: boolean;
}

/** What ffprobe says a file is. */
export function ffprobe(file: string): Probed {
  const r = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=format_name:stream=codec_type,codec_name,width,height,duration', '-of', 'json', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffprobe ${file}: ${r.stderr}`);
  const data = JSON.parse(r.stdout) as { format: { format_name: string }; streams: Array<Record<string, string | number>> };
  const v = data.streams.find((s) => s['codec_type'] === 'video')!;
  return {
    format: data.format.format_name,
    width: Number(v['width']),
    height: Number(v['height']),
    seconds: Number(v['duration'] ?? NaN),
    codec: String(v['codec_name']),
    audio: data.streams.some((s) => s['codec_type'] === 'audio'),
  };
}

export function journalOf(shotFile: string): Journal {
  const file = path.join(path.dirname(shotFile), '.shotc', `${path.basename(shotFile, '.shot')}.journal.json`);
  return JournalSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Every file under `dir`, recursively. */
export function allFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

/** Wait until `check` holds (polled), or fail with `what`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Start `shotc render` as a child we can kill. */
export function spawnRender(emulator: Emulator, args: readonly string[], cwd: string) {
  const child = spawn(process.execPath, [BIN, 'render', ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', OPENAI_BASE_URL: emulator.url, OPENAI_API_KEY: KEY },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

export function journalExists(shotFile: string): boolean {
  return existsSync(path.join(path.dirname(shotFile), '.shotc', `${path.basename(shotFile, '.shot')}.journal.json`));
}

export function readJournalLoose(shotFile: string): Journal | null {
  try {
    return journalOf(shotFile);
  } catch {
    return null;
  }
}
