/**
 * ffprobe for many files, cheaply. Starting a process from Node forks the whole renderer, and the
 * fork's cost grows with its memory: measured here, about 7 ms from a 46 MB process but 20–50 ms
 * from the 150 MB renderer, with the event loop blocked all the while — a hundred clips lost
 * seconds to it. So probes go through a few small, long-lived shells that start ffprobe for each
 * file they are sent (a shell forks in well under a millisecond). Where there is no POSIX shell,
 * or for a path a line-based protocol cannot carry, ffprobe is started directly.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseProbe, probe, PROBE_ARGS, ToolError, type Probe } from './ffmpeg.js';

const END = '\u001e';
const SCRIPT = `while IFS= read -r f; do "$0" ${PROBE_ARGS.join(' ')} "$f" 2>&1; printf '${END}%d\\n' "$?"; done`;

interface Helper {
  child: ChildProcessWithoutNullStreams;
  busy: boolean;
  buffer: string;
  pending: { resolve: (p: Probe) => void; reject: (e: Error) => void; file: string } | null;
}

export class Prober {
  private readonly helpers: Helper[] = [];
  private readonly queue: Array<{ file: string; resolve: (p: Probe) => void; reject: (e: Error) => void }> = [];
  private readonly shell = process.platform !== 'win32' && existsSync('/bin/sh');
  private closed = false;

  constructor(
    readonly ffprobe: string,
    private readonly size = 2,
  ) {}

  probe(file: string, signal?: AbortSignal): Promise<Probe> {
    if (!this.shell || this.closed || /[\n\r]/.test(file)) return probe(this.ffprobe, file, signal);
    return new Promise((resolve, reject) => {
      this.queue.push({ file, resolve, reject });
      this.pump();
    });
  }

  /** End the helpers (they also end on their own when this process exits). */
  close(): void {
    this.closed = true;
    for (const h of this.helpers) h.child.stdin.end();
    for (const q of this.queue.splice(0)) probe(this.ffprobe, q.file).then(q.resolve, q.reject);
  }

  private pump(): void {
    while (this.queue.length) {
      let helper = this.helpers.find((h) => !h.busy);
      if (!helper && this.helpers.length < this.size) helper = this.start();
      if (!helper) return;
      const job = this.queue.shift()!;
      helper.busy = true;
      helper.pending = job;
      hold(helper, true);
      helper.child.stdin.write(`${job.file}\n`);
    }
  }

  private start(): Helper {
    const child = spawn('/bin/sh', ['-c', SCRIPT, this.ffprobe], { stdio: ['pipe', 'pipe', 'pipe'] });
    const helper: Helper = { child, busy: false, buffer: '', pending: null };
    hold(helper, false);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      helper.buffer += d;
      const at = helper.buffer.indexOf(END);
      const nl = at >= 0 ? helper.buffer.indexOf('\n', at) : -1;
      if (nl < 0) return;
      const output = helper.buffer.slice(0, at);
      const code = Number(helper.buffer.slice(at + 1, nl));
      helper.buffer = helper.buffer.slice(nl + 1);
      const job = helper.pending!;
      helper.pending = null;
      helper.busy = false;
      hold(helper, false);
      if (code === 0) {
        try {
          job.resolve(parseProbe(output));
        } catch (e) {
          job.reject(new ToolError(`ffprobe printed what is not JSON: ${(e as Error).message}`));
        }
      } else {
        job.reject(new ToolError(`ffprobe exited with ${code}: ${output.trim().split('\n').slice(-3).join(' ')}`));
      }
      this.pump();
    });
    const fail = (): void => {
      const i = this.helpers.indexOf(helper);
      if (i >= 0) this.helpers.splice(i, 1);
      // The file in hand is probed directly; the helper is not restarted for it.
      if (helper.pending) probe(this.ffprobe, helper.pending.file).then(helper.pending.resolve, helper.pending.reject);
      helper.pending = null;
      this.pump();
    };
    child.on('error', fail);
    child.on('close', fail);
    this.helpers.push(helper);
    return helper;
  }
}

/** An idle helper must not keep the process alive; a busy one must (someone awaits its answer). */
function hold(helper: Helper, busy: boolean): void {
  const streams = [helper.child.stdin, helper.child.stdout, helper.child.stderr] as unknown as Array<{ ref?: () => void; unref?: () => void }>;
  if (busy) {
    helper.child.ref();
    for (const s of streams) s.ref?.();
  } else {
    helper.child.unref();
    for (const s of streams) s.unref?.();
  }
}
