/**
 * Showing a render as it goes. On a terminal: one live line per clip (bar with the API's
 * progress, status, elapsed time) and a total line, redrawn in place at most ten times a
 * second. Elsewhere (CI, pipes, logs): one plain line per change of state.
 */
import type { ClipUpdate, Phase, RenderEvents } from './engine.js';

export interface Reporter extends RenderEvents {
  /** Stop redrawing and leave the final frame on screen. */
  finish(): void;
}

interface Row {
  clip: string;
  phase: Phase;
  progress: number | null;
  videoId: string | null;
  since: number | null;
  until: number | null;
  detail: string;
}

const ACTIVE: ReadonlySet<Phase> = new Set(['reconciling', 'submitting', 'queued', 'in_progress', 'downloading']);
const ENDED: ReadonlySet<Phase> = new Set(['done', 'failed', 'skipped', 'cancelled']);

export function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

function label(row: Row): string {
  switch (row.phase) {
    case 'pending':
      return 'waiting for a slot';
    case 'waiting':
      return row.detail || 'waiting';
    case 'in_progress':
      return 'in progress';
    case 'done':
      return 'done';
    default:
      return row.phase;
  }
}

export interface TtyOptions {
  write: (s: string) => void;
  columns: () => number;
  rows: () => number;
  color: boolean;
  now?: () => number;
}

/** Live bars for a terminal. */
export function ttyReporter(clips: readonly string[], options: TtyOptions): Reporter {
  const now = options.now ?? Date.now;
  const started = now();
  const rows = new Map<string, Row>(clips.map((c) => [c, { clip: c, phase: 'pending', progress: null, videoId: null, since: null, until: null, detail: '' }]));
  const notes: string[] = [];
  const nameWidth = Math.min(24, Math.max(5, ...clips.map((c) => c.length)));
  const paint = (code: string, s: string): string => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  let drawn = 0;
  let dirty = true;
  let finished = false;

  const bar = (row: Row, width: number): string => {
    const p = row.phase === 'done' ? 100 : (row.progress ?? 0);
    const full = Math.round((p / 100) * width);
    const body = '█'.repeat(full) + '░'.repeat(width - full);
    const code = row.phase === 'failed' ? '31' : row.phase === 'done' ? '32' : ACTIVE.has(row.phase) ? '36' : '2';
    return paint(code, body);
  };

  const line = (row: Row, width: number): string => {
    const icon = row.phase === 'done' ? paint('32', '✓') : row.phase === 'failed' ? paint('31', '✗') : row.phase === 'skipped' || row.phase === 'cancelled' ? paint('33', '–') : ACTIVE.has(row.phase) ? paint('36', '•') : ' ';
    const pct = row.phase === 'done' ? '100%' : row.progress === null ? '   —' : `${String(Math.round(row.progress)).padStart(3)}%`;
    const time = row.since === null ? '' : elapsed((row.until ?? now()) - row.since);
    const name = row.clip.length > nameWidth ? `${row.clip.slice(0, nameWidth - 1)}…` : row.clip.padEnd(nameWidth);
    const barWidth = Math.max(6, Math.min(24, width - nameWidth - 40));
    const status = label(row);
    const detail = row.phase === 'failed' || row.phase === 'skipped' ? ` ${row.detail}` : '';
    return truncate(`${icon} ${name} ${bar(row, barWidth)} ${pct}  ${status.padEnd(12)} ${time.padStart(5)}${detail}`, width);
  };

  const frame = (): string[] => {
    const width = Math.max(40, options.columns());
    const all = [...rows.values()];
    const budget = Math.max(3, options.rows() - 2);
    let shown = all;
    if (all.length > budget) {
      const rank = (r: Row): number => (ACTIVE.has(r.phase) ? 0 : r.phase === 'failed' ? 1 : ENDED.has(r.phase) ? 3 : 2);
      shown = [...all].sort((a, b) => rank(a) - rank(b)).slice(0, budget - 1);
      shown.sort((a, b) => clips.indexOf(a.clip) - clips.indexOf(b.clip));
    }
    const lines = shown.map((r) => line(r, width));
    if (shown.length < all.length) lines.push(paint('2', `  … ${all.length - shown.length} more clips`));
    const done = all.filter((r) => r.phase === 'done').length;
    const failed = all.filter((r) => r.phase === 'failed').length;
    const skipped = all.filter((r) => r.phase === 'skipped' || r.phase === 'cancelled').length;
    const running = all.filter((r) => ACTIVE.has(r.phase)).length;
    const parts = [`${done}/${all.length} done`, running ? `${running} running` : '', failed ? paint('31', `${failed} failed`) : '', skipped ? `${skipped} skipped` : '', elapsed(now() - started)].filter(Boolean);
    lines.push(truncate(`  ${paint('1', 'total')} ${parts.join(' · ')}`, width));
    return lines;
  };

  const draw = (): void => {
    if (!dirty && notes.length === 0) return;
    dirty = false;
    let out = drawn ? `\u001b[${drawn}F` : '';
    for (const n of notes.splice(0)) out += `\u001b[2K${n}\n`;
    const lines = frame();
    for (const l of lines) out += `\u001b[2K${l}\n`;
    // Clear what is left of a taller earlier frame.
    for (let i = lines.length; i < drawn; i++) out += '\u001b[2K\n';
    if (drawn > lines.length) out += `\u001b[${drawn - lines.length}F`;
    drawn = lines.length;
    options.write(out);
  };

  options.write('\u001b[?25l');
  const timer = setInterval(() => {
    dirty = true; // elapsed times tick
    draw();
  }, 100);
  timer.unref?.();

  return {
    clip(u: ClipUpdate) {
      const row = rows.get(u.clip);
      if (!row) return;
      row.phase = u.phase;
      if (u.progress !== null) row.progress = u.progress;
      if (u.videoId) row.videoId = u.videoId;
      if (u.since !== null && row.since === null) row.since = u.since;
      if (ACTIVE.has(u.phase) && row.since === null) row.since = now();
      row.until = ENDED.has(u.phase) ? (row.until ?? now()) : null;
      row.detail = u.detail ?? '';
      dirty = true;
    },
    note(message: string) {
      notes.push(message);
    },
    finish() {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      dirty = true;
      draw();
      options.write('\u001b[?25h');
    },
  };
}

/** One line per state change, for logs. */
export function lineReporter(write: (s: string) => void, now: () => number = Date.now): Reporter {
  const last = new Map<string, { phase: Phase; since: number | null }>();
  return {
    clip(u) {
      const prev = last.get(u.clip);
      const since = u.since ?? prev?.since ?? (ACTIVE.has(u.phase) ? now() : null);
      last.set(u.clip, { phase: u.phase, since });
      if (prev?.phase === u.phase) return;
      const time = since !== null && ENDED.has(u.phase) ? ` after ${elapsed(now() - since)}` : '';
      switch (u.phase) {
        case 'pending':
        case 'waiting':
          return;
        case 'reconciling':
          return write(`${u.clip}: looking for the job an interrupted render created\n`);
        case 'submitting':
          return write(`${u.clip}: creating job\n`);
        case 'queued':
        case 'in_progress':
          return write(`${u.clip}: ${u.phase.replace('_', ' ')} (${u.videoId})\n`);
        case 'downloading':
          return write(`${u.clip}: completed${u.videoId ? ` (${u.videoId})` : ''}, downloading\n`);
        case 'done':
          return write(`${u.clip}: done${time}\n`);
        case 'failed':
          return write(`${u.clip}: failed${time}: ${u.detail ?? ''}\n`);
        case 'skipped':
          return write(`${u.clip}: skipped: ${u.detail ?? ''}\n`);
        case 'cancelled':
          return write(`${u.clip}: stopped\n`);
      }
    },
    note(message) {
      write(`${message}\n`);
    },
    finish() {},
  };
}

function truncate(s: string, width: number): string {
  // Count visible characters only (colour codes take no columns).
  let visible = 0;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\u001b') {
      const end = s.indexOf('m', i);
      out += s.slice(i, end + 1);
      i = end;
      continue;
    }
    if (visible >= width - 1) {
      out += '…';
      break;
    }
    out += s[i];
    visible++;
  }
  return out + (out.includes('\u001b[') ? '\u001b[0m' : '');
}
