/**
 * The canonical printer. `.shot` layout never depends on line width, so a visitor that prints
 * each line in its canonical form suffices: two-space indentation per level, canonical key
 * spellings, `0.00–2.40 — "Title" (camera)` timing lines, CLIP attributes in a fixed order, one
 * blank line before each heading and at most one between items (kept only where the source has one). Prose is never rewrapped: every
 * line of text keeps its words, only its indentation changes. Comments and notes stay where they
 * were, relative to the lines around them.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import type { SourceFile, Span } from '../source/index.js';
import type * as A from '../syntax/ast.js';
import { lookupShotKey, normalizeKey, sectionById } from '../syntax/keys.js';
import { parse } from '../syntax/parse.js';

export interface FormatOptions {
  filename?: string;
}

/** Format `.shot` source into its canonical layout. Never throws; unparseable lines are kept as written. */
export function format(source: string, options: FormatOptions = {}): string {
  const result = parse(source, options);
  return printFile(result.ast, result.source, result.diagnostics);
}

const INDENT = '  ';

export function printFile(ast: A.File, source: SourceFile, diagnostics: readonly Diagnostic[]): string {
  return new Printer(ast, source, diagnostics).print();
}

class Printer {
  private readonly out: string[] = [];
  private ti = 0;
  private readonly text: string;
  private readonly eol: string;
  /** A blank line before the next trivia or line (before a heading: before its comments). */
  private pendingBlank = false;
  /** A blank line right before the next line itself, after any trivia that precedes it. */
  private itemBlank = false;
  private readonly broken: Span[];
  private readonly keepSpelling: Set<A.Section>;

  constructor(
    private readonly ast: A.File,
    private readonly source: SourceFile,
    diagnostics: readonly Diagnostic[],
  ) {
    this.text = source.text;
    const firstEol = /\r\n|\n|\r/.exec(this.text);
    this.eol = firstEol?.[0] === '\r\n' ? '\r\n' : '\n';
    // Lines with syntax errors in their heads are printed as written, so nothing is lost.
    this.broken = diagnostics.filter((d) => d.severity === 'error' && d.code.startsWith('SC1')).map((d) => d.span);
    this.keepSpelling = sectionsWrittenTwoWays([ast.items, ...ast.blocks.map((b) => b.items)]);
  }

  print(): string {
    const { ast } = this;
    if (ast.frontMatter) this.frontMatter(ast.frontMatter);
    this.items(ast.items, 0, false, ast.blocks[0]?.span.start ?? Number.POSITIVE_INFINITY);
    ast.blocks.forEach((block, i) => {
      this.block(block, ast.blocks[i + 1]?.span.start ?? Number.POSITIVE_INFINITY);
      // Comments and notes indented under the block's last lines stay in the block, and stay
      // indented (under CAST too): at column 0 they would be read as the next block's comments.
      this.flushIndentedTrivia(ast.blocks[i + 1]?.span.start ?? Number.POSITIVE_INFINITY, 0, 1);
    });
    this.flushTrivia(Number.POSITIVE_INFINITY, 0);
    while (this.out.length && this.out[this.out.length - 1] === '') this.out.pop();
    // A byte-order mark the file starts with stays (editors that wrote it expect it back). A
    // U+FEFF that begins the first line's text after indentation the layout drops gets one too:
    // at the very start it would be read as a BOM, and "\uFEFF---" as front matter.
    const bom = this.text.charCodeAt(0) === 0xfeff || this.out[0]?.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    return this.out.length ? bom + this.out.join(this.eol) + this.eol : bom;
  }

  // ── output ────────────────────────────────────────────────────────────────────────────────

  private emit(indent: number, line: string, anchor: number): void {
    this.flushTrivia(anchor, indent);
    if ((this.pendingBlank || this.itemBlank) && this.out.length && this.out[this.out.length - 1] !== '') this.out.push('');
    this.pendingBlank = false;
    this.itemBlank = false;
    this.out.push(INDENT.repeat(indent) + line);
  }

  private requestBlank(): void {
    if (this.out.length) this.pendingBlank = true;
  }

  /** Whether the source has a blank line right before the line that contains `offset`. */
  private blankBefore(offset: number): boolean {
    const line = this.source.positionAt(offset).line;
    if (line === 0) return false;
    return /^[ \t]*$/.test(this.source.lineText(line - 1));
  }

  private flushTrivia(before: number, indent: number): void {
    const trivia = this.ast.trivia;
    while (this.ti < trivia.length && trivia[this.ti]!.span.start < before) {
      const t = trivia[this.ti++]!;
      if (t.kind === 'Note' && t.inline) continue;
      if (this.blankBefore(t.span.start) && this.out.length) this.pendingBlank = true;
      const lines = this.raw(t.span).split(/\r\n|\n|\r/);
      if (this.pendingBlank && this.out.length && this.out[this.out.length - 1] !== '') this.out.push('');
      this.pendingBlank = false;
      for (const l of lines) this.out.push(INDENT.repeat(indent) + trimBlanks(l));
      // An unclosed note ends at the next blank line; keep that line or the note would grow.
      if (t.kind === 'Note' && !this.isClosedNote(t)) this.pendingBlank = true;
    }
  }

  private isClosedNote(t: A.Note): boolean {
    return this.raw(t.span).trimEnd().endsWith(']]');
  }

  /** Flush trivia before `limit` that is indented deeper than `than` columns, at `indent`. */
  private flushIndentedTrivia(limit: number, than: number, indent: number): void {
    const trivia = this.ast.trivia;
    while (this.ti < trivia.length) {
      const t = trivia[this.ti]!;
      if (t.span.start >= limit) return;
      if (t.kind === 'Note' && t.inline) {
        this.ti++;
        continue;
      }
      if (this.columnOf(t.span.start) <= than) return;
      this.flushTrivia(t.span.start + 1, indent);
    }
  }

  private columnOf(offset: number): number {
    const pos = this.source.positionAt(offset);
    const lineStart = offset - pos.character;
    let col = 0;
    for (let i = lineStart; i < offset; i++) col = this.text.charCodeAt(i) === 9 ? col + 4 - (col % 4) : col + 1;
    return col;
  }

  private raw(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  private isBroken(span: Span): boolean {
    return this.broken.some((b) => b.start >= span.start && b.start < Math.max(span.end, span.start + 1));
  }

  /** The source line containing `offset`, trimmed. */
  private rawLine(offset: number): string {
    return trimBlanks(this.source.lineText(this.source.positionAt(offset).line));
  }

  // ── structure ─────────────────────────────────────────────────────────────────────────────

  private frontMatter(fm: A.FrontMatter): void {
    this.emit(0, '---', fm.span.start);
    const body = this.raw(fm.yaml.span).replace(/(?:[ \t]*(?:\r\n|\n|\r))*[ \t]*$/, '');
    if (body.length) for (const l of body.split(/\r\n|\n|\r/)) this.out.push(l.replace(/[ \t]+$/, ''));
    // An unclosed front matter stays unclosed: closing it is a fix (SC104), not formatting.
    if (fm.closed) this.out.push('---');
  }

  private block(block: A.Block, limit: number): void {
    this.requestBlank();
    if (block.kind === 'Cast') {
      this.emit(0, 'CAST', block.heading.start);
      this.items(block.items, 0, true, limit);
      return;
    }
    if (block.kind === 'Look') {
      const line = this.isBroken(block.heading) || !block.name ? this.rawLine(block.heading.start) : `LOOK ${block.name.text}`;
      this.emit(0, line, block.heading.start);
      this.items(block.items, 1, true, limit);
      return;
    }
    this.emit(0, this.clipHeader(block), block.heading.start);
    this.items(block.items, 1, true, limit);
  }

  private clipHeader(clip: A.ClipBlock): string {
    if (!clip.name || this.isBroken(clip.heading)) return this.rawLine(clip.heading.start);
    const parts = ['CLIP', clip.name.text];
    const order: A.ClipAttribute['kind'][] = ['remix', 'extend', 'edit', 'seconds', 'size', 'model', 'using'];
    const attrs = [...clip.attributes].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
    for (const a of attrs) {
      switch (a.kind) {
        case 'seconds':
          parts.push(`${a.value}s`);
          break;
        case 'size':
          parts.push(a.text);
          break;
        case 'model':
          parts.push(a.id);
          break;
        case 'using':
          parts.push('USING', a.look.text);
          break;
        default:
          parts.push(a.kind.toUpperCase(), a.source.text);
      }
    }
    return parts.join(' ');
  }

  /** `limit`: where the enclosing block ends (trivia past it belongs to what follows). */
  private items(items: readonly A.Item[], indent: number, afterHeading: boolean, limit: number): void {
    items.forEach((item, i) => {
      if ((i > 0 || !afterHeading) && this.blankBefore(item.span.start) && this.out.length) this.itemBlank = true;
      if (i === 0 && afterHeading) this.pendingBlank = false;
      this.item(item, indent, items[i + 1]?.span.start ?? limit);
    });
  }

  private item(item: A.Item, indent: number, next: number): void {
    switch (item.kind) {
      case 'Section':
        return this.section(item, indent);
      case 'Reference':
      case 'Change':
        return this.keyedLines(item.key.span.start, `${item.kind}: `, item.lines, indent);
      case 'Prose':
        return this.emit(indent, this.raw(item.span), item.span.start);
      case 'Dialogue':
        return this.dialogue(item, indent);
      case 'Shot':
        return this.shot(item, indent, next);
      case 'CastEntry':
        return this.castEntry(item, indent);
    }
  }

  private keyedLines(anchor: number, head: string, lines: readonly Span[], indent: number): void {
    const [first, ...more] = lines;
    const value = first ? this.raw(first) : '';
    this.emit(indent, value ? head + value : head.trimEnd(), anchor);
    for (const l of more) this.emit(indent + 1, this.raw(l), l.start);
  }

  private section(s: A.Section, indent: number): void {
    const key = s.section && !this.keepSpelling.has(s) ? sectionById(s.section).name : s.key.text;
    this.keyedLines(s.key.span.start, `${key}: `, [s.value.span], indent);
    for (const line of s.lines) {
      if (line.kind === 'Line') {
        this.emit(indent + 1, this.raw(line.span), line.span.start);
      } else {
        this.keyedLines(line.label.span.start, `${line.label.text}: `, line.lines, indent + 1);
      }
    }
  }

  private dialogue(d: A.Dialogue, indent: number): void {
    const head = d.parenthetical ? `${d.speaker.text} (${d.parenthetical.text}): ` : `${d.speaker.text}: `;
    this.keyedLines(d.speaker.span.start, head, d.lines, indent);
  }

  private castEntry(c: A.CastEntry, indent: number): void {
    const [first, ...more] = c.lines;
    const headEnd = first ? first.start : c.span.end;
    // Collapse blanks in the head, but not inside the name (it is an identifier: "DR  OKAFOR" is
    // not "DR OKAFOR") nor inside a parenthetical (its text is the description's).
    const head =
      c.name.text +
      this.raw({ start: c.name.span.end, end: headEnd })
        .replace(/[ \t]*:[ \t]*$/, ': ')
        .replace(/(\([^)]*\))|[ \t]+/g, (m, paren: string | undefined) => paren ?? ' ');
    this.keyedLines(c.span.start, head.endsWith(': ') ? head : `${head.trimEnd()} `, first ? [first, ...more] : [], indent);
  }

  private shot(shot: A.Shot, indent: number, limit: number): void {
    const headSpan = { start: shot.start.span.start, end: shot.trailing?.span.end ?? shot.camera?.span.end ?? shot.title?.span.end ?? shot.end.span.end };
    this.emit(indent, this.isBroken(headSpan) ? this.rawLine(shot.span.start) : this.timingLine(shot), shot.span.start);
    shot.items.forEach((item, i) => {
      if (i > 0 && this.blankBefore(item.span.start)) this.itemBlank = true;
      if (item.kind === 'ShotKey') {
        const known = item.shotKey ? lookupShotKey(item.key.text)?.name : undefined;
        this.keyedLines(item.key.span.start, `${known ?? item.key.text}: `, item.lines, indent + 1);
      } else this.item(item, indent + 1, limit);
    });
    this.flushIndentedTrivia(limit, this.columnOf(shot.span.start), indent + 1);
  }

  private timingLine(shot: A.Shot): string {
    let line = `${formatTime(shot.start.value)}–${formatTime(shot.end.value)}`;
    if (shot.title) {
      const t = shot.title.text;
      line += !t.includes('"') ? ` — "${t}"` : !t.includes('”') ? ` — “${t}”` : ` — ${t}`;
    }
    if (shot.camera) line += ` (${shot.camera.text})`;
    // Inline notes between the title and the camera note are kept, after them.
    const headEnd = shot.trailing?.span.start ?? Number.POSITIVE_INFINITY;
    for (const t of this.ast.trivia) {
      if (t.kind === 'Note' && t.inline && t.span.start > shot.end.span.end && t.span.start < headEnd && t.span.end <= (shot.trailing?.span.start ?? this.source.lineEnd(this.source.positionAt(shot.span.start).line))) {
        line += ` ${this.raw(t.span)}`;
      }
    }
    // After a title or camera a dash sets the prose off; with neither, a dash would make the prose
    // a title, so it follows the times as written (it opens with a quote that opens no title).
    if (shot.trailing) line += shot.title || shot.camera ? ` — ${this.raw(shot.trailing.span)}` : ` ${this.raw(shot.trailing.span)}`;
    return line;
  }
}

/**
 * Sections that one block writes under two different names of the same section (`Wardrobe:` then
 * `Props:`). The resolver reads the second name as a sub-heading, so printing both in the
 * canonical spelling would change the prompt: these keep the spelling they were written with.
 */
function sectionsWrittenTwoWays(lists: readonly (readonly A.Item[])[]): Set<A.Section> {
  const keep = new Set<A.Section>();
  for (const items of lists) {
    const groups = new Map<string, A.Section[]>();
    for (const item of items) {
      if (item.kind !== 'Section' || !item.section) continue;
      const group = groups.get(item.section);
      if (group) group.push(item);
      else groups.set(item.section, [item]);
    }
    for (const group of groups.values()) {
      if (new Set(group.map((s) => normalizeKey(s.key.text))).size > 1) for (const s of group) keep.add(s);
    }
  }
  return keep;
}

/** Only spaces and tabs are indentation: other whitespace (a stray byte-order mark) is content. */
function trimBlanks(s: string): string {
  return s.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** Seconds with at least two decimals, more only when the value needs them. */
export function formatTime(value: number): string {
  const hundredths = Math.round(value * 100);
  if (Math.abs(value * 100 - hundredths) < 1e-6) return (hundredths / 100).toFixed(2);
  return String(value);
}
