/**
 * A line diff (Myers' O(ND) algorithm) to turn "the formatted text" into small edits: the editor
 * keeps the cursor, folds and undo steps of the lines that did not change.
 */

export interface LineHunk {
  /** Replace old lines [oldStart, oldEnd) … */
  oldStart: number;
  oldEnd: number;
  /** … with new lines [newStart, newEnd). */
  newStart: number;
  newEnd: number;
}

/** Lines with their terminators, so joining them gives the text back exactly. */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** Past this many differences a single hunk is cheaper than the exact diff, and as useful. */
const MAX_D = 1000;

export function diffLines(a: readonly string[], b: readonly string[]): LineHunk[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0) return [{ oldStart: pre, oldEnd: pre + n, newStart: pre, newEnd: pre + m }];
  const hunks = myers(a, b, pre, n, m);
  return hunks ?? [{ oldStart: pre, oldEnd: pre + n, newStart: pre, newEnd: pre + m }];
}

function myers(a: readonly string[], b: readonly string[], off: number, n: number, m: number): LineHunk[] | null {
  const max = Math.min(n + m, MAX_D);
  const size = 2 * max + 1;
  let v: Int32Array = new Int32Array(size);
  const trace: Int32Array[] = [];
  let found = -1;
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!) ? v[max + k + 1]! : v[max + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[off + x] === b[off + y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break outer;
      }
    }
  }
  if (found < 0) return null;
  // Walk back through the trace, collecting the edit script as (x, y) steps.
  type Step = { kind: 'del' | 'ins'; x: number; y: number };
  const steps: Step[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    v = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[max + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    if (down) steps.push({ kind: 'ins', x: prevX, y: prevY });
    else steps.push({ kind: 'del', x: prevX, y: prevY });
    x = prevX;
    y = prevY;
  }
  steps.reverse();
  // Merge adjacent steps into hunks.
  const hunks: LineHunk[] = [];
  for (const s of steps) {
    const oldAt = off + s.x;
    const newAt = off + s.y;
    const last = hunks[hunks.length - 1];
    const adjacent = last && last.oldEnd === oldAt && last.newEnd === newAt;
    const h = adjacent ? last : { oldStart: oldAt, oldEnd: oldAt, newStart: newAt, newEnd: newAt };
    if (s.kind === 'del') h.oldEnd++;
    else h.newEnd++;
    if (!adjacent) hunks.push(h);
  }
  return hunks;
}

/**
 * Split each hunk into one-line replacements (old line i → new line i) plus what is left over,
 * skipping lines that are equal: a re-indented block becomes one edit per changed line, so a
 * range can take the edits of its own lines only.
 */
export function lineByLine(hunks: readonly LineHunk[], a: readonly string[], b: readonly string[]): LineHunk[] {
  const out: LineHunk[] = [];
  for (const h of hunks) {
    const pairs = Math.min(h.oldEnd - h.oldStart, h.newEnd - h.newStart);
    for (let i = 0; i < pairs; i++) {
      if (a[h.oldStart + i] === b[h.newStart + i]) continue;
      out.push({ oldStart: h.oldStart + i, oldEnd: h.oldStart + i + 1, newStart: h.newStart + i, newEnd: h.newStart + i + 1 });
    }
    if (h.oldEnd - h.oldStart !== h.newEnd - h.newStart) {
      out.push({ oldStart: h.oldStart + pairs, oldEnd: h.oldEnd, newStart: h.newStart + pairs, newEnd: h.newEnd });
    }
  }
  return out;
}
