/**
 * Real media for emulated jobs, made with ffmpeg: an MP4 test card (moving `testsrc2` pattern
 * tinted per prompt, the job's header, an excerpt of its prompt and a running timecode, with a
 * quiet tone as audio) of the exact size and duration, a WebP thumbnail (the first frame) and a
 * JPEG spritesheet (ten frames, 5×2). An extension is the source video followed by a new
 * segment whose timecode continues, so its length is the stitched total as the API's is.
 *
 * Cards are cached by content, so an identical request is made once. With `perClipText: false`
 * (`shotc emulate --card plain`) cards carry only size, length and timecode and are shared by
 * every job of that size and length: what benchmarks use so that ffmpeg is not what they measure.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLimiter, type Limiter } from '../render/limit.js';
import { runTool } from '../render/ffmpeg.js';

export interface Assets {
  video: string;
  thumbnail: string;
  spritesheet: string;
}

export interface CardRequest {
  width: number;
  height: number;
  seconds: number;
  /** First line: id, model, size. */
  header: string;
  /** The prompt (an excerpt is shown). */
  prompt: string;
  /** Timecode of the first frame (an extension continues its source's). */
  offset?: number;
}

export const SPRITE_COLUMNS = 5;
export const SPRITE_ROWS = 2;
const FPS = 24;

const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/liberation/LiberationSans-Regular.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  '/Library/Fonts/Arial.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
];
const MONO_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf',
  '/usr/share/fonts/dejavu/DejaVuSansMono.ttf',
  '/usr/share/fonts/TTF/DejaVuSansMono.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf',
  '/System/Library/Fonts/Supplemental/Courier New.ttf',
  'C:\\Windows\\Fonts\\cour.ttf',
];

/** A font file for drawtext (`SHOTC_FONT` wins); null lets ffmpeg ask fontconfig for its default. */
export function findFont(mono = false): string | null {
  const env = process.env['SHOTC_FONT'];
  if (env && existsSync(env)) return env;
  return (mono ? MONO_CANDIDATES : FONT_CANDIDATES).find((f) => existsSync(f)) ?? (mono ? findFont(false) : null);
}

export interface MediaMakerOptions {
  ffmpeg: string;
  /** Where cards are kept (created if missing). */
  dir: string;
  /** Show the prompt excerpt and job header (default true). */
  perClipText?: boolean;
  concurrency?: number;
}

export class MediaMaker {
  private readonly limiter: Limiter;
  private readonly inflight = new Map<string, Promise<Assets>>();
  private readonly perClipText: boolean;
  /** Set when drawtext failed once (an ffmpeg without libfreetype): later cards skip text. */
  private textBroken = false;
  /** Stops running ffmpeg processes on close. */
  private readonly stop = new AbortController();

  constructor(private readonly options: MediaMakerOptions) {
    this.limiter = createLimiter(options.concurrency ?? Math.max(1, os.availableParallelism()));
    this.perClipText = options.perClipText !== false;
  }

  /** A card for a created, remixed or edited video. */
  card(req: CardRequest): Promise<Assets> {
    const r = this.normalise(req);
    return this.once(key('card', r), async (base) => {
      await this.limiter.run(() => this.encodeCard(r, base, true));
      return assetsAt(base);
    });
  }

  /** `source` followed by a new segment of `req.seconds`. */
  extend(source: Assets, sourceSeconds: number, req: CardRequest): Promise<Assets> {
    const r = this.normalise({ ...req, offset: sourceSeconds });
    return this.once(key('extend', { r, source: source.video }), async (base) => {
      await this.limiter.run(async () => {
        const scratch = unique(base);
        const segment = `${scratch}.segment.mp4`;
        await this.encodeCard(r, segment.slice(0, -4), false);
        const list = `${scratch}.concat.txt`;
        await fs.writeFile(list, [source.video, segment].map((f) => `file '${f.replace(/'/g, "'\\''")}'`).join('\n') + '\n');
        const tmp = `${scratch}.mp4`;
        await this.ffmpeg(['-hide_banner', '-loglevel', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', '-movflags', '+faststart', tmp]);
        await this.previews(tmp, sourceSeconds + r.seconds, base);
        await fs.rename(tmp, `${base}.mp4`);
        await Promise.all([fs.rm(segment, { force: true }), fs.rm(list, { force: true })]);
      });
      return assetsAt(base);
    });
  }

  /** Stop every ffmpeg still running and wait for them to exit. */
  async close(): Promise<void> {
    this.stop.abort();
    await Promise.allSettled(this.inflight.values());
  }

  private ffmpeg(args: readonly string[]): Promise<unknown> {
    return runTool(this.options.ffmpeg, args, { signal: this.stop.signal });
  }

  private normalise(req: CardRequest): CardRequest {
    if (this.perClipText) return req;
    return { width: req.width, height: req.height, seconds: req.seconds, header: `${req.width}x${req.height} · ${req.seconds} s`, prompt: '', offset: req.offset ?? 0 };
  }

  private once(k: string, make: (base: string) => Promise<Assets>): Promise<Assets> {
    const base = path.join(this.options.dir, k);
    const existing = this.inflight.get(k);
    if (existing) return existing;
    const p = (async () => {
      if (existsSync(`${base}.mp4`) && existsSync(`${base}.webp`) && existsSync(`${base}.jpg`)) return assetsAt(base);
      await fs.mkdir(this.options.dir, { recursive: true });
      return make(base);
    })();
    this.inflight.set(k, p);
    p.catch(() => this.inflight.delete(k));
    return p;
  }

  /** Encode the card's MP4 (to `${base}.mp4`); with `previews`, its thumbnail and spritesheet in the same pass. */
  private async encodeCard(r: CardRequest, base: string, previews: boolean): Promise<void> {
    // Temp names are unique, so emulators sharing a card directory never write over each other.
    const tmp = unique(base);
    const textFile = `${tmp}.text.txt`;
    const headerFile = `${tmp}.header.txt`;
    const useText = !this.textBroken;
    if (useText) {
      const { lines } = layout(r);
      await fs.writeFile(headerFile, r.header);
      await fs.writeFile(textFile, lines.join('\n'));
    }
    const hue = Number.parseInt(createHash('sha256').update(r.prompt + r.header).digest('hex').slice(0, 4), 16) % 360;
    const tone = 220 + (hue % 12) * 40;
    const video = [`[0:v]hue=h=${hue}`];
    if (useText) video.push(...drawtexts(r, headerFile, textFile));
    const graph = previews
      ? `${video.join(',')},split=3[v][t][s];[t]trim=end_frame=1,setpts=PTS-STARTPTS[tv];${sprite('[s]', r.seconds)}[sv];[1:a]volume=0.15[a]`
      : `${video.join(',')}[v];[1:a]volume=0.15[a]`;
    const args = [
      '-hide_banner', '-loglevel', 'error', '-y',
      '-f', 'lavfi', '-i', `testsrc2=size=${r.width}x${r.height}:rate=${FPS}:duration=${r.seconds}`,
      '-f', 'lavfi', '-i', `sine=frequency=${tone}:sample_rate=48000:duration=${r.seconds}`,
      '-filter_complex', graph,
      '-map', '[v]', '-map', '[a]', ...ENCODE, '-t', String(r.seconds), `${tmp}.mp4`,
      ...(previews ? ['-map', '[tv]', '-frames:v', '1', '-c:v', 'libwebp', '-quality', '80', `${tmp}.webp`, '-map', '[sv]', '-frames:v', '1', '-q:v', '4', `${tmp}.jpg`] : []),
    ];
    try {
      await this.ffmpeg(args);
    } catch (e) {
      if (useText && /drawtext|font|No such filter/i.test((e as Error).message)) {
        this.textBroken = true; // no usable font or no libfreetype: a plain card is still a valid video
        return this.encodeCard(r, base, previews);
      }
      throw e;
    } finally {
      await Promise.all([fs.rm(textFile, { force: true }), fs.rm(headerFile, { force: true })]);
    }
    if (previews) {
      await fs.rename(`${tmp}.webp`, `${base}.webp`);
      await fs.rename(`${tmp}.jpg`, `${base}.jpg`);
    }
    await fs.rename(`${tmp}.mp4`, `${base}.mp4`);
  }

  private async previews(video: string, seconds: number, base: string): Promise<void> {
    const tmp = unique(base);
    await this.ffmpeg([
      '-hide_banner', '-loglevel', 'error', '-y', '-i', video,
      '-filter_complex', `[0:v]split=2[t][s];[t]trim=end_frame=1,setpts=PTS-STARTPTS[tv];${sprite('[s]', seconds)}[sv]`,
      '-map', '[tv]', '-frames:v', '1', '-c:v', 'libwebp', '-quality', '80', `${tmp}.webp`,
      '-map', '[sv]', '-frames:v', '1', '-q:v', '4', `${tmp}.jpg`,
    ]);
    await fs.rename(`${tmp}.webp`, `${base}.webp`);
    await fs.rename(`${tmp}.jpg`, `${base}.jpg`);
  }
}

/** Same encoder settings for every segment, so an extension can be joined without re-encoding. */
const ENCODE = ['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '30', '-pix_fmt', 'yuv420p', '-r', String(FPS), '-g', String(FPS * 2), '-c:a', 'aac', '-b:a', '64k', '-ac', '1', '-movflags', '+faststart'];

function sprite(input: string, seconds: number): string {
  const frames = SPRITE_COLUMNS * SPRITE_ROWS;
  return `${input}fps=${frames}/${seconds},scale=256:-2,tile=${SPRITE_COLUMNS}x${SPRITE_ROWS}`;
}

function unique(base: string): string {
  return `${base}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}

function assetsAt(base: string): Assets {
  return { video: `${base}.mp4`, thumbnail: `${base}.webp`, spritesheet: `${base}.jpg` };
}

function key(kind: string, value: unknown): string {
  return `${kind}-${createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24)}`;
}

function fontSize(r: CardRequest): number {
  return Math.max(12, Math.round(Math.min(r.width, r.height) / 24));
}

/** The prompt excerpt, wrapped to the frame: from the shot list when the prompt has one (that is what differs between clips). */
export function layout(r: CardRequest): { lines: string[]; size: number } {
  const size = fontSize(r);
  const margin = Math.round(size * 1.2);
  const perLine = Math.max(16, Math.floor((r.width - 2 * margin) / (size * 0.56)));
  const maxLines = Math.max(2, Math.floor((r.height * 0.62) / (size * 1.35)) - 2);
  // Multipart uploads carry line breaks as CRLF; a stray \r would draw as a box.
  const prompt = r.prompt.replace(/\r\n?/g, '\n');
  const shotList = prompt.indexOf('Shot list:');
  const text = shotList >= 0 ? prompt.slice(shotList) : prompt;
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > perLine) {
        lines.push(line);
        line = '';
      }
      line = line ? `${line} ${word}` : word.slice(0, perLine);
    }
    if (line) lines.push(line);
    if (lines.length > maxLines) break;
  }
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] = `${lines[maxLines - 1]!.slice(0, perLine - 1)}…`;
  }
  return { lines, size };
}

function drawtexts(r: CardRequest, headerFile: string, textFile: string): string[] {
  const size = fontSize(r);
  const margin = Math.round(size * 1.2);
  const font = findFont();
  const mono = findFont(true);
  const face = (f: string | null) => (f ? `fontfile=${escapeValue(f)}:` : '');
  const box = 'box=1:boxcolor=black@0.62:boxborderw=8:fontcolor=white';
  const offset = r.offset ?? 0;
  return [
    `drawtext=${face(font)}textfile=${escapeValue(headerFile)}:expansion=none:fontsize=${Math.round(size * 1.15)}:x=${margin}:y=${margin}:${box}`,
    `drawtext=${face(font)}textfile=${escapeValue(textFile)}:expansion=none:fontsize=${size}:line_spacing=${Math.round(size * 0.35)}:x=${margin}:y=${margin * 2 + Math.round(size * 1.4)}:${box}`,
    `drawtext=${face(mono)}text='%{pts\\:hms\\:${offset}}':fontsize=${Math.round(size * 1.6)}:x=${margin}:y=h-${margin}-th:${box}`,
  ];
}

/** Escape a path for a filter option value inside a filtergraph (two levels of quoting). */
function escapeValue(s: string): string {
  const option = s.replace(/[\\':]/g, (c) => `\\${c}`);
  return option.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}
