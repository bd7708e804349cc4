/** `shotc emulate`: the local Videos API emulator, for rendering without a hosted API or a key. */
import { parse, UsageError, type CommandSpec } from '../args.js';
import { printHelp, type Command } from '../main.js';
import { stderr, stdout } from '../output.js';

export const DEFAULT_PORT = 4242;

const spec: CommandSpec = {
  name: 'emulate',
  summary: 'Run a local emulator of the OpenAI Videos API (Sora 2) that makes real test-card videos.',
  usage: 'shotc emulate [--port N] [--latency MS] [--fail SPEC…] [--state DIR] [--api NAME…]',
  description: [
    'Serves the Videos API contract under /v1 on 127.0.0.1 only: create (JSON and multipart), retrieve, list,',
    'delete, remix, edits, extensions, content (video, thumbnail, spritesheet), characters, and',
    'POST /v1/moderations. Every request is validated against the contract and answered with the API\'s',
    'error shape. Jobs go queued → in_progress → completed over --latency and produce real media with',
    'ffmpeg: an MP4 test card of the requested size and length (prompt excerpt and running timecode),',
    'a WebP thumbnail and a JPEG spritesheet. Any API key is accepted. Prompts that trip shotc\'s',
    'guardrail rules or a small word list end failed with moderation_blocked.',
    '',
    'Faults (--fail, repeatable):',
    '  429:N[:OP]          the next N requests (to OP) answer 429 with Retry-After',
    '  500:N[:OP]          the next N requests (to OP) answer 500 (also 502–504)',
    '  moderation:PATTERN  jobs whose prompt matches PATTERN (regex, case-insensitive) fail moderation_blocked',
    '  OP: create remix edit extend jobs retrieve list delete content characters moderations',
    '',
    'Other video APIs are served on the same port, each under its own prefix, for their SDKs (--api picks;',
    'default all): Runway under /runway (tasks: text/image/video_to_video, tasks/{id}), Google Veo under',
    '/google (Gemini API: predictLongRunning, operations, files download), fal under /fal (queue: submit,',
    'status, result). They make the same real media; --latency and --fail apply to them too (their job',
    'creations count as OP create, their status calls as retrieve, their downloads as content). Their',
    'jobs live in memory only.',
    '',
    'GET /__emulator/stats reports request counts and the number of jobs created.',
  ].join('\n'),
  options: {
    port: { type: 'string', short: 'p', value: 'N', description: 'Port on 127.0.0.1 (0 picks a free one).', default: String(DEFAULT_PORT) },
    latency: { type: 'string', value: 'MS', description: 'Time from creating a job to its completion, in milliseconds.', default: '3000' },
    fail: { type: 'string', multiple: true, value: 'SPEC', description: 'Inject a fault (see above); repeatable.' },
    state: { type: 'string', value: 'DIR', description: 'Keep jobs and media in DIR across restarts (default: memory only).' },
    card: { type: 'string', value: 'KIND', description: 'Test cards show each job\'s prompt, or only size, length and timecode (shared, fast).', choices: ['prompt', 'plain'], default: 'prompt' },
    'retry-after': { type: 'string', value: 'SECONDS', description: 'Retry-After sent with injected 429s.', default: '1' },
    'no-moderation': { type: 'boolean', description: 'Do not check prompts (only --fail moderation:… blocks jobs); for benchmarks.' },
    api: { type: 'string', multiple: true, value: 'NAME', description: 'Serve only these APIs (repeatable): openai, runway, veo, fal (default: all).', choices: ['openai', 'runway', 'veo', 'fal'] },
    quiet: { type: 'boolean', short: 'q', description: 'Do not log requests.' },
  },
  examples: ['shotc emulate', 'shotc emulate --port 0 --latency 500 --fail 429:2 --fail moderation:explosion', 'OPENAI_BASE_URL=http://127.0.0.1:4242/v1 shotc render scene.shot --yes'],
  maxArgs: 0,
};

interface Options {
  port: string;
  latency: string;
  fail?: string[];
  state?: string;
  card: 'prompt' | 'plain';
  'retry-after': string;
  'no-moderation'?: boolean;
  api?: Array<'openai' | 'runway' | 'veo' | 'fal'>;
  quiet?: boolean;
}

function whole(value: string, flag: string, min = 0): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} needs a whole number${min > 0 ? ` of at least ${min}` : ''} (got "${value}")`);
  return n;
}

export const command: Command = {
  spec,
  async run(argv) {
    const parsed = parse<Options>(spec, argv);
    if (parsed === 'help') return printHelp(spec);
    const o = parsed.options;
    const port = whole(o.port, '--port');
    if (port > 65535) throw new UsageError(`--port must be at most 65535 (got ${port})`);
    const latencyMs = whole(o.latency, '--latency');
    const retryAfterSeconds = whole(o['retry-after'], '--retry-after');
    const { startEmulator, parseFault, FaultSpecError, EmulatorError } = await import('../../emulator/index.js');
    let faults;
    try {
      faults = (o.fail ?? []).map(parseFault);
    } catch (e) {
      if (e instanceof FaultSpecError) throw new UsageError(e.message);
      throw e;
    }
    const time = () => new Date().toISOString().slice(11, 23);
    let emulator;
    try {
      emulator = await startEmulator({
        port,
        latencyMs,
        fail: faults,
        card: o.card,
        ...(o.api?.length ? { apis: o.api } : {}),
        retryAfterSeconds,
        ...(o['no-moderation'] ? { moderate: false } : {}),
        ...(o.state ? { stateDir: o.state } : {}),
        ...(o.quiet ? {} : { log: (line: string) => stdout(`${time()} ${line}\n`) }),
      });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'EADDRINUSE') {
        stderr(`shotc emulate: port ${port} is already in use; pick another with --port (0 picks a free one)\n`);
        return 2;
      }
      if (e instanceof EmulatorError) {
        stderr(`shotc emulate: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
    const origin = emulator.url.replace(/\/v1$/, '');
    const u = emulator.urls;
    stdout(
      [
        ...(u.openai
          ? [`shotc emulator (OpenAI Videos API) listening on ${emulator.url}`, `  export OPENAI_BASE_URL=${emulator.url}`, '  export OPENAI_API_KEY=sk-emulator   # any key is accepted']
          : [`shotc emulator listening on ${origin}`]),
        // The other APIs, for `shotc render --target …` (or pass --base-url).
        ...(u.runway ? [`  runway: export RUNWAYML_BASE_URL=${u.runway} RUNWAYML_API_SECRET=emulator`] : []),
        ...(u.veo ? [`  veo:    export GOOGLE_GEMINI_BASE_URL=${u.veo} GEMINI_API_KEY=emulator`] : []),
        ...(u.fal ? [`  fal:    export FAL_BASE_URL=${u.fal} FAL_KEY=emulator`] : []),
        `  latency ${latencyMs} ms per job${faults.length ? `; faults: ${faults.map((f) => f.spec).join(', ')}` : ''}${o.state ? `; state in ${o.state}` : ''}`,
        `  stats: ${origin}/__emulator/stats`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await emulator.close();
    stdout('emulator stopped\n');
    return 0;
  },
};
