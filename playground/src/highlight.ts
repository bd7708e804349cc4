/**
 * `.shot` highlighting from the compiler's own line classifier (`classifyLine`), so the editor
 * colours a line as whatever the parser will take it for. The language is line-oriented; the only
 * state carried between lines is whether any content came yet (front matter opens only before it)
 * and whether we are inside the front matter or a multi-line note, the two constructs the
 * classifier reads across lines. No CodeMirror here: a pure function a test can compare with the
 * parser.
 */
import { classifyLine, type LineKind } from '../../src/core/syntax/index.js';

/** Highlighting tag names as CodeMirror's StreamLanguage reads them (`name.modifier`). */
export type Style =
  | 'comment'
  | 'docComment'
  | 'meta'
  | 'heading'
  | 'keyword'
  | 'variableName.definition'
  | 'variableName'
  | 'number'
  | 'unit'
  | 'string'
  | 'propertyName'
  | 'invalid'
  | 'labelName'
  | 'emphasis'
  | 'punctuation'
  | 'attributeName'
  | null;

export interface Segment {
  /** Offset in the line just past this segment. */
  end: number;
  style: Style;
}

export interface HighlightState {
  line: number;
  /** Whether a non-blank line came before: front matter may only open before any content. */
  sawContent: boolean;
  /** Lines still to come of a multi-line front matter or note, as the classifier measured it. */
  rest: number;
  restKind: 'frontmatter' | 'note' | null;
}

export const startState = (): HighlightState => ({ line: 0, sawContent: false, rest: 0, restKind: null });

export function copyState(s: HighlightState): HighlightState {
  return { ...s };
}

/** The `n`th line after the current one, or null past the end (CodeMirror's `stream.lookAhead`). */
export type LookAhead = (n: number) => string | null;

/** What the line is, as the highlighter sees it: the classifier's kind, or a continuation line. */
export type SeenKind = LineKind | 'frontmatter-body' | 'note-body';

const isFence = (l: string): boolean => {
  const t = l.replace(/[ \t]+$/, '');
  return t === '---' || t === '...';
};

/**
 * How many lines the front matter or note starting at `line` covers: the lines that could
 * belong to it are joined and handed to `classifyLine`, which decides exactly as for the parser.
 */
function coveredLines(line: string, prefix: string, lookAhead: LookAhead, kind: 'frontmatter' | 'note'): number {
  const lines = [line];
  for (let n = 1; ; n++) {
    const next = lookAhead(n);
    if (next === null) break;
    lines.push(next);
    if (kind === 'note' ? next.trim() === '' || next.includes(']]') : isFence(next)) break;
  }
  const text = lines.join('\n');
  const shift = prefix.length;
  const info = classifyLine(prefix + text, shift);
  let covered = 0;
  for (let i = 0, start = 0; i < lines.length; start += lines[i]!.length + 1, i++) if (start + shift < info.end) covered++;
  return Math.max(1, covered);
}

/** Split one line (without its terminator) into styled segments, advancing the state. */
export function highlightLine(line: string, state: HighlightState, lookAhead: LookAhead = () => null): { kind: SeenKind; segments: Segment[] } {
  if (state.line === 0 && line.charCodeAt(0) === 0xfeff) {
    // A byte-order mark is its own token; the first line proper starts after it.
    const r = highlightLine(line.slice(1), state, lookAhead);
    return { kind: r.kind, segments: [{ end: 1, style: null }, ...r.segments.map((x) => ({ end: x.end + 1, style: x.style }))] };
  }
  state.line++;
  // The classifier sees the line after what came before; all that matters of it is whether it
  // held anything but blanks, so a one-character stand-in does.
  const prefix = state.sawContent ? '.\n' : '\n';
  if (line.trim() !== '') state.sawContent = true;
  if (state.rest > 0) {
    state.rest--;
    if (state.restKind === 'note') return { kind: 'note-body', segments: [{ end: line.length, style: 'docComment' }] };
    return { kind: 'frontmatter-body', segments: isFence(line) ? [{ end: line.length, style: 'meta' }] : yamlLine(line) };
  }
  const info = classifyLine(prefix + line, prefix.length);
  const shift = prefix.length;
  const at = (offset: number): number => offset - shift;
  switch (info.kind) {
    case 'bom':
    case 'blank':
      return { kind: info.kind, segments: [{ end: line.length, style: null }] };
    case 'frontmatter':
    case 'note':
      if (info.kind === 'frontmatter' || !info.closed) {
        state.rest = coveredLines(line, prefix, lookAhead, info.kind) - 1;
        state.restKind = info.kind;
      }
      return { kind: info.kind, segments: [{ end: line.length, style: info.kind === 'note' ? 'docComment' : 'meta' }] };
    case 'comment':
      return { kind: info.kind, segments: [{ end: line.length, style: 'comment' }] };
    case 'cast':
      return { kind: info.kind, segments: [{ end: line.length, style: 'heading' }] };
    case 'look':
    case 'clip':
      return { kind: info.kind, segments: heading(line, at(info.contentStart), info.kind) };
    case 'timing':
      return { kind: info.kind, segments: timingLine(line, info, at) };
    case 'name': {
      const segs: Segment[] = [{ end: at(info.contentStart), style: null }, { end: at(info.labelEnd), style: 'labelName' }];
      if (info.parenStart !== -1) segs.push({ end: at(info.parenStart) - 1, style: null }, { end: at(info.parenEnd) + 1, style: 'emphasis' });
      segs.push({ end: at(info.colon) + 1, style: 'punctuation' });
      const rest = line.slice(at(info.colon) + 1);
      // A quoted remainder is dialogue; otherwise it is a cast description (prose).
      segs.push(...prose(line, at(info.colon) + 1, /^\s*["“]/.test(rest) ? 'string' : null));
      return { kind: info.kind, segments: tidy(segs) };
    }
    case 'key':
      return {
        kind: info.kind,
        segments: tidy([
          { end: at(info.contentStart), style: null },
          { end: at(info.labelEnd), style: info.known ? 'propertyName' : 'invalid' },
          { end: at(info.colon) + 1, style: 'punctuation' },
          ...prose(line, at(info.colon) + 1, null),
        ]),
      };
    case 'prose':
      return { kind: info.kind, segments: tidy(prose(line, 0, null)) };
  }
}

/** Prose with its inline `[[notes]]` marked (notes never reach a prompt). */
function prose(line: string, from: number, style: Style): Segment[] {
  const out: Segment[] = [];
  let i = from;
  for (;;) {
    const open = line.indexOf('[[', i);
    const close = open === -1 ? -1 : line.indexOf(']]', open + 2);
    if (open === -1 || close === -1) break;
    out.push({ end: open, style }, { end: close + 2, style: 'docComment' });
    i = close + 2;
  }
  out.push({ end: line.length, style });
  return out;
}

const ATTRIBUTE = /(\S+)/g;

/** `CLIP name 8s 1280x720 sora-2-pro REMIX other USING night` and `LOOK night`. */
function heading(line: string, start: number, kind: 'clip' | 'look'): Segment[] {
  const segs: Segment[] = [{ end: start, style: null }, { end: start + 4, style: 'keyword' }];
  ATTRIBUTE.lastIndex = start + 4;
  let word = 0;
  let after: string | null = null;
  for (let m = ATTRIBUTE.exec(line); m; m = ATTRIBUTE.exec(line)) {
    const w = m[1]!;
    segs.push({ end: m.index, style: null });
    let style: Style;
    if (w.startsWith('//')) {
      segs.push({ end: line.length, style: 'comment' });
      break;
    }
    if (word === 0) style = 'variableName.definition';
    else if (after) style = 'variableName';
    else if (/^(REMIX|EXTEND|EDIT|USING)$/.test(w)) style = 'keyword';
    else if (/^\d+(\.\d+)?s$/.test(w) || /^\d+x\d+$/.test(w)) style = 'number';
    else style = 'attributeName';
    after = style === 'keyword' ? w : null;
    segs.push({ end: m.index + w.length, style });
    word++;
  }
  segs.push({ end: line.length, style: null });
  return tidy(segs);
}

function timingLine(line: string, info: ReturnType<typeof classifyLine>, at: (n: number) => number): Segment[] {
  const segs: Segment[] = [
    { end: at(info.t1Start), style: null },
    { end: at(info.t1End), style: 'number' },
    { end: at(info.t2Start), style: 'punctuation' },
    { end: at(info.t2End), style: 'number' },
  ];
  let i = at(info.t2End);
  const rest = line.slice(i);
  // Optional `— "Title"` then `(camera)`, as the prompting guide writes a shot.
  const m = /^(s?[ \t]*(?:--|[-–—‒])?[ \t]*)(["“][^"”]*["”])?([ \t]*)(\([^()]*\))?/.exec(rest);
  if (m) {
    segs.push({ end: i + m[1]!.length, style: 'punctuation' });
    i += m[1]!.length;
    if (m[2]) segs.push({ end: (i += m[2].length), style: 'string' });
    i += m[3]!.length;
    segs.push({ end: i, style: null });
    if (m[4]) segs.push({ end: (i += m[4].length), style: 'emphasis' });
  }
  segs.push(...prose(line, i, null));
  return tidy(segs);
}

function yamlLine(line: string): Segment[] {
  const m = /^(\s*)([A-Za-z_][\w-]*)(\s*:)/.exec(line);
  if (!m) return [{ end: line.length, style: line.trim().startsWith('#') ? 'comment' : 'string' }];
  return tidy([
    { end: m[1]!.length, style: null },
    { end: m[1]!.length + m[2]!.length, style: 'propertyName' },
    { end: m[0].length, style: 'punctuation' },
    { end: line.length, style: 'string' },
  ]);
}

/** Drop empty and out-of-order segments; merge neighbours of one style. */
function tidy(segs: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const s of segs) {
    if (s.end <= pos) continue;
    const last = out[out.length - 1];
    if (last && last.style === s.style) last.end = s.end;
    else out.push({ end: s.end, style: s.style });
    pos = s.end;
  }
  return out;
}
