/**
 * The local Videos API emulator: `startEmulator()` for tests and the demo, `shotc emulate` for
 * people. Serves the OpenAI Videos contract (and `/v1/moderations`) on 127.0.0.1 with real media.
 */
import { mkdtempSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FFMPEG_HELP, findFfTools } from '../render/ffmpeg.js';
import { parseFault, type Fault } from './faults.js';
import { MediaMaker } from './media.js';
import { openaiModerations } from './providers/openai-moderations.js';
import { openaiVideos, type VideosOptions } from './providers/openai-videos.js';
import { falEmulator, FAL_PREFIX } from './providers/fal.js';
import { runwayEmulator, RUNWAY_PREFIX } from './providers/runway.js';
import { veoEmulator, VEO_PREFIX } from './providers/veo.js';
import { startServer, type EmulatorProvider } from './server.js';

export { parseFault, FaultSpecError, OPERATION_GROUPS, type Fault } from './faults.js';
export { loadContract, type Contract } from './contract.js';
export { CONTRACT_FILE } from './providers/openai-videos.js';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Creation to completion, per job (default 3000 ms). */
  latencyMs?: number;
  /** `--fail` specs (`429:2`, `500:1:retrieve`, `moderation:PATTERN`) or parsed faults. */
  fail?: ReadonlyArray<string | Fault>;
  /** Persist jobs and media here across restarts. */
  stateDir?: string;
  /** Where test cards are cached (default: `stateDir/media`, else a temp dir removed on close). Share it between emulators to make each card once. */
  mediaDir?: string;
  /** `prompt` (default): cards show the job and its prompt; `plain`: size, length and timecode only, shared by all jobs (for benchmarks). */
  card?: 'prompt' | 'plain';
  retryAfterSeconds?: number;
  /** Accept only this key (a wrong one is answered 401, echoing it). */
  apiKey?: string;
  createDelayMs?: number;
  contentDelayMs?: number;
  expiresAfterSeconds?: number;
  /** Validate every JSON response against the contract (on in tests). */
  checkResponses?: boolean;
  /** Check prompts with the guardrail rules and word list (default true). */
  moderate?: boolean;
  log?: (line: string) => void;
  /** The APIs to serve (default all): OpenAI Videos under /v1, Runway under /runway, Veo (Gemini API) under /google, fal under /fal. */
  apis?: readonly EmulatedApi[];
}

export const EMULATED_APIS = ['openai', 'runway', 'veo', 'fal'] as const;
export type EmulatedApi = (typeof EMULATED_APIS)[number];

/** Jobs made by one of the other APIs (Runway, Veo, fal). */
export interface MountedStats {
  creates: number;
  createsByKind: Record<string, number>;
  jobs: number;
}

export interface EmulatorStats {
  requests: Record<string, number>;
  faultsInjected: number;
  /** Jobs created (create, remix, edit and extend calls that succeeded). */
  creates: number;
  createsByKind: Record<'create' | 'remix' | 'edit' | 'extend', number>;
  jobs: number;
  moderations: number;
  runway?: MountedStats;
  veo?: MountedStats;
  fal?: MountedStats;
}

export interface Emulator {
  /** The base URL for the SDK (`http://127.0.0.1:PORT/v1`). */
  url: string;
  port: number;
  /** Each served API's base URL for its SDK (`runway`: `http://127.0.0.1:PORT/runway`, …). */
  urls: Partial<Record<EmulatedApi, string>>;
  stats(): EmulatorStats;
  /** Change delays and add faults while running (tests stage crashes with these). */
  configure(change: { createDelayMs?: number; contentDelayMs?: number; fail?: ReadonlyArray<string | Fault> }): void;
  close(): Promise<void>;
}

export class EmulatorError extends Error {}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const faults = (options.fail ?? []).map((f) => (typeof f === 'string' ? parseFault(f) : f));
  const { ffmpeg } = findFfTools();
  if (!ffmpeg) throw new EmulatorError(`the emulator makes real videos with ffmpeg, which was not found: ${FFMPEG_HELP}`);
  let tempDir: string | null = null;
  const mediaDir = options.mediaDir ?? (options.stateDir ? path.join(options.stateDir, 'media') : (tempDir = mkdtempSync(path.join(os.tmpdir(), 'shotc-emulator-'))));
  const media = new MediaMaker({ ffmpeg, dir: mediaDir, perClipText: options.card !== 'plain' });
  const log = options.log;
  // Read live by the provider, so `configure()` takes effect on the next request.
  const tunable: VideosOptions = {
    media,
    faults,
    createDelayMs: options.createDelayMs ?? 0,
    contentDelayMs: options.contentDelayMs ?? 0,
    ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}),
    ...(options.stateDir ? { stateDir: options.stateDir } : {}),
    ...(options.expiresAfterSeconds !== undefined ? { expiresAfterSeconds: options.expiresAfterSeconds } : {}),
    ...(options.moderate !== undefined ? { moderate: options.moderate } : {}),
    ...(log ? { log } : {}),
  };
  const apis = new Set<EmulatedApi>(options.apis ?? EMULATED_APIS);
  const videos = openaiVideos(tunable);
  await videos.ready.catch((e: Error) => {
    throw new EmulatorError(e.message);
  });
  const moderations = openaiModerations();
  // The other APIs put the emulator's own address in the URLs they return (outputs, queue URLs).
  let origin = '';
  const shared = { media, faults, ...(options.latencyMs !== undefined ? { latencyMs: options.latencyMs } : {}), ...(options.moderate !== undefined ? { moderate: options.moderate } : {}), ...(log ? { log } : {}) };
  const others: EmulatorProvider[] = [];
  if (apis.has('runway')) others.push(runwayEmulator({ ...shared, origin: () => origin }));
  if (apis.has('veo')) others.push(veoEmulator(shared));
  if (apis.has('fal')) others.push(falEmulator({ ...shared, origin: () => origin }));
  const server = await startServer({
    providers: [...(apis.has('openai') ? [videos, moderations] : []), ...others],
    faults,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.retryAfterSeconds !== undefined ? { retryAfterSeconds: options.retryAfterSeconds } : {}),
    ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
    ...(options.checkResponses ? { checkResponses: true } : {}),
    ...(log ? { log } : {}),
  });
  origin = server.url.replace(/\/v1$/, '');
  const urls: Partial<Record<EmulatedApi, string>> = {};
  if (apis.has('openai')) urls.openai = server.url;
  if (apis.has('runway')) urls.runway = `${origin}${RUNWAY_PREFIX}`;
  if (apis.has('veo')) urls.veo = `${origin}${VEO_PREFIX}`;
  if (apis.has('fal')) urls.fal = `${origin}${FAL_PREFIX}`;
  return {
    url: server.url,
    port: server.port,
    urls,
    stats: () =>
      ({
        requests: Object.fromEntries(server.requests),
        faultsInjected: server.faultsInjected,
        ...videos.stats?.(),
        ...moderations.stats?.(),
        ...Object.assign({}, ...others.map((o) => o.stats?.() ?? {})),
      }) as EmulatorStats,
    configure(change) {
      if (change.createDelayMs !== undefined) tunable.createDelayMs = change.createDelayMs;
      if (change.contentDelayMs !== undefined) tunable.contentDelayMs = change.contentDelayMs;
      for (const f of change.fail ?? []) faults.push(typeof f === 'string' ? parseFault(f) : f);
    },
    async close() {
      await server.close();
      await media.close();
      if (tempDir) await fs.rm(tempDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
