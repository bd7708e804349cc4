/**
 * CST → AST. The grammar has grouped lines into blocks, keyed lines with their continuations and
 * shots with their lines; here each line gets its meaning in its context, and every line that is
 * out of place or malformed gets one precise diagnostic. Nothing is dropped: a misplaced line
 * still becomes a node, so the formatter and the prompt keep it.
 */
import type { IToken } from 'chevrotain';
import { diagnostic, replace, type Diagnostic, type Fix } from '../diagnostics/index.js';
import type { SourceFile, Span } from '../source/index.js';
import type * as A from './ast.js';
import {
  bareSectionKey,
  closest,
  keyColonWithoutSpace,
  lookupClipKey,
  lookupSection,
  lookupShotKey,
  SECTIONS,
  SHOT_KEYS,
  ALL_KEY_SPELLINGS,
} from './keys.js';
import { castLabel, isHeaderKeyword, isNameWord, MODEL_WORD, SECONDS_WORD, SIZE_WORD, subKeyLabel } from './labels.js';
import { classifyLine, type LineInfo } from './lines.js';
import { lineOf } from './tokens.js';
import type { Outline, OutlineBlock, OutlineItem } from './parser.js';

function info(t: IToken): LineInfo {
  return lineOf(t)!;
}

type Context = 'top' | 'cast' | 'look' | 'clip';

/** `Reference frames/first.png` (or `Reference - …`, `Reference = …`): a Reference: line without its colon. */
const REFERENCE_WITHOUT_COLON = /^(reference)(?:[ \t]+|[ \t]*[-–—=][ \t]*)(\S+\.(?:png|jpe?g|webp|gif|bmp|heic|avif|tiff?))$/i;
/** `4.00 to 8.00`: two times joined by "to" instead of a dash (groups: start, " to ", end). */
const TIMES_JOINED_BY_TO = /^(\d+(?::\d{1,2})?(?:\.\d+)?s?)([ \t]+to[ \t]+)(\d+(?::\d{1,2})?(?:\.\d+)?s?)(?=$|[ \t])/i;
/** `Clip arrival` or `clip: arrival`: a clip heading not in capitals with only a word after it (groups: the word and colon, the word after). */
const CLIP_WITH_NAME_ONLY = /^((?!CLIP)[Cc][Ll][Ii][Pp]:?)[ \t]*(\S+)$/;
/** The words that start headings, in any case. */
const HEADING_WORD = /^(?:cast|clip|look)$/i;
/** `MARA & JON: …`: capitals joined by & / + as if one name (group 1), then an optional (parenthetical), up to the text after the colon. */
const GROUP_LABEL = /^(\p{Lu}[\p{Lu}\p{Nd} .'’-]*[ \t]*[&/+][ \t]*\p{Lu}[\p{Lu}\p{Nd} .'’&/+-]*?)(?:[ \t]*\([^()]*\))?[ \t]*:[ \t]+/u;
/** `USING night` on a line of its own, meant for the CLIP line. */
const HEADER_ATTRIBUTE_LINE = /^(USING|REMIX|EXTEND|EDIT)[ \t]+(\S+)$/;
/** `MARA (quietly) "We made it."`: a dialogue line without the colon after the name. */
const DIALOGUE_WITHOUT_COLON = /^([A-Z][A-Z0-9.'’-]*(?: [A-Z0-9.'’-]+)*)([ \t]*\([^()]*\))?[ \t]+["“][^"“”]*["”]$/;
const SHOT_KEY_NAMES = SHOT_KEYS.map((k) => k.name);
const SECTION_NAMES = SECTIONS.flatMap((s) => [s.name, ...s.aliases]);
const KEY_SPELLINGS_OUTSIDE_CLIPS = ALL_KEY_SPELLINGS.filter((k) => !lookupClipKey(k));

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];
  readonly trivia: A.Trivia[] = [];
  private readonly text: string;
  /** The clip being built, and its heading, where a stray `USING night` line is moved to. */
  private clip: { heading: Span; block: A.ClipBlock } | null = null;

  constructor(private readonly source: SourceFile) {
    this.text = source.text;
  }

  private t(start: number, end: number): A.Text {
    return { text: this.text.slice(start, end), span: { start, end } };
  }

  private report(code: string, span: Span, message: string, extras: Parameters<typeof diagnostic>[3] = {}): void {
    this.diagnostics.push(diagnostic(code, span, message, extras));
  }

  /** The file, from what comes before the first heading; `addBlock` adds each block as it is read. */
  startFile(prelude: Outline): A.File {
    const fmTok = prelude.frontMatter;
    return {
      kind: 'File',
      span: { start: 0, end: this.text.length },
      frontMatter: fmTok ? this.frontMatter(fmTok) : null,
      items: prelude.items.map((item) => this.item(item, 'top')),
      blocks: prelude.blocks.map((b) => this.block(b)),
      trivia: this.trivia,
    };
  }

  addBlock(file: A.File, block: OutlineBlock): void {
    file.blocks.push(this.block(block));
  }

  /** Comments and notes, in any order: `finishFile` sorts them. */
  addTrivia(tokens: readonly IToken[]): void {
    for (const tok of tokens) this.trivium(tok);
  }

  finishFile(file: A.File): A.File {
    this.trivia.sort((a, b) => a.span.start - b.span.start);
    this.lookWithColon(file);
    return file;
  }

  /**
   * `LOOK: night` is the Look section (an alias of Format & Look), which is what `LOOK: 65 mm film`
   * means; when a clip uses a look called night and no LOOK heading makes one, it was meant as
   * that heading.
   */
  private lookWithColon(file: A.File): void {
    const used = new Set<string>();
    const made = new Set<string>();
    for (const b of file.blocks) {
      if (b.kind === 'Clip') for (const a of b.attributes) if (a.kind === 'using') used.add(a.look.text);
      if (b.kind === 'Look' && b.name) made.add(b.name.text);
    }
    if (used.size === 0) return;
    const check = (items: readonly A.Item[]): void => {
      for (const item of items) {
        if (item.kind !== 'Section' || item.key.text !== 'LOOK' || !used.has(item.value.text) || made.has(item.value.text)) continue;
        const colon = this.text.indexOf(':', item.key.span.end);
        const span = { start: item.key.span.start, end: colon + 1 };
        this.report('SC116', span, `This is read as the Look section, but a clip uses a look named ${item.value.text}: a LOOK heading has no colon.`, {
          fixes: [{ title: `Write LOOK ${item.value.text}`, safe: true, edits: [replace(span, 'LOOK')] }],
        });
      }
    };
    check(file.items);
    // (In CAST, a `LOOK: night` line is already reported, with this fix, as out of place.)
    for (const b of file.blocks) if (b.kind !== 'Cast') check(b.items);
  }

  // ── trivia ────────────────────────────────────────────────────────────────────────────────

  private trivium(tok: IToken): void {
    const li = info(tok);
    const span = { start: li.contentStart, end: li.contentEnd };
    this.indentCheck(li);
    if (li.kind === 'comment') {
      this.trivia.push({ kind: 'Comment', span, text: this.t(li.contentStart + 2, li.contentEnd) });
      return;
    }
    if (!li.closed) {
      this.report('SC109', { start: li.contentStart, end: li.contentStart + 2 }, 'This note is never closed; end it with ]] (notes cannot span a blank line).', {
        fixes: [{ title: 'Close the note at the end of the line', safe: true, edits: [replace({ start: li.contentEnd, end: li.contentEnd }, ' ]]')] }],
      });
      this.trivia.push({ kind: 'Note', span, text: this.t(li.contentStart + 2, li.contentEnd), inline: false });
      return;
    }
    this.trivia.push({ kind: 'Note', span, text: this.t(li.contentStart + 2, li.contentEnd - 2), inline: false });
  }

  private indentCheck(li: LineInfo): void {
    if (li.mixedIndent) {
      this.report('SC110', { start: li.start, end: li.contentStart }, 'This indentation mixes tabs and spaces; a tab counts as 4 columns. Use one kind (shotc fmt rewrites it with spaces).');
    }
  }

  // ── front matter ──────────────────────────────────────────────────────────────────────────

  private frontMatter(tok: IToken): A.FrontMatter {
    const li = info(tok);
    const open = li.contentStart;
    // The YAML starts after the opening fence's line terminator.
    let yamlStart = open + 3;
    while (yamlStart < li.end && this.text.charCodeAt(yamlStart) !== 10 && this.text.charCodeAt(yamlStart) !== 13) yamlStart++;
    if (this.text.charCodeAt(yamlStart) === 13 && this.text.charCodeAt(yamlStart + 1) === 10) yamlStart += 2;
    else if (yamlStart < li.end) yamlStart++;
    let yamlEnd: number;
    if (li.closed) {
      // Back from the closing fence to the start of its line.
      yamlEnd = li.contentEnd - 3;
      while (yamlEnd > yamlStart && this.text.charCodeAt(yamlEnd - 1) !== 10 && this.text.charCodeAt(yamlEnd - 1) !== 13) yamlEnd--;
    } else {
      yamlEnd = Math.max(yamlStart, li.end);
      this.report('SC104', { start: open, end: open + 3 }, 'The front matter is never closed; add a line with --- after the settings.', {
        fixes: [{ title: 'Close the front matter', safe: true, edits: [replace({ start: li.end, end: li.end }, this.eolAt(li.end) === '' ? '\n---\n' : '---\n')] }],
      });
    }
    if (yamlEnd < yamlStart) yamlEnd = yamlStart;
    return { kind: 'FrontMatter', span: { start: open, end: li.contentEnd }, yaml: this.t(yamlStart, yamlEnd), closed: li.closed };
  }

  private eolAt(offset: number): string {
    const prev = this.text.charCodeAt(offset - 1);
    return prev === 10 || prev === 13 ? '\n' : '';
  }

  // ── blocks ────────────────────────────────────────────────────────────────────────────────

  private block(node: OutlineBlock): A.Block {
    const heading = node.heading;
    const li = info(heading);
    this.indentCheck(li);
    const headingSpan = { start: li.contentStart, end: li.contentEnd };
    const ctx: Context = li.kind === 'cast' ? 'cast' : li.kind === 'look' ? 'look' : 'clip';
    this.headingForm(li, ctx.toUpperCase());
    let block: A.Block;
    if (ctx === 'cast') block = { kind: 'Cast', span: headingSpan, heading: headingSpan, items: [] };
    else if (ctx === 'look') block = { kind: 'Look', span: headingSpan, heading: headingSpan, name: this.lookName(li), items: [] };
    else {
      block = { kind: 'Clip', span: headingSpan, heading: headingSpan, name: null, attributes: [], items: [] };
      this.clipHeader(li, block);
      block.attributes = fit(block.attributes);
    }
    this.clip = block.kind === 'Clip' ? { heading: headingSpan, block } : null;
    block.items = node.items.map((it) => this.item(it, ctx));
    const last = block.items[block.items.length - 1];
    block.span = { start: headingSpan.start, end: last ? Math.max(headingSpan.end, last.span.end) : headingSpan.end };
    return block;
  }

  /** A heading written with a colon or not in capitals (`CLIP: arrival 8s`, `Cast`) is read as one, and reported. */
  private headingForm(li: LineInfo, keyword: string): void {
    const written = this.text.slice(li.contentStart, li.labelEnd);
    if (written === keyword) return;
    const span = { start: li.contentStart, end: li.labelEnd };
    // `CLIP:arrival` needs the space the colon stood for.
    const next = this.text.charCodeAt(li.labelEnd);
    const canonical = li.labelEnd < li.contentEnd && next !== 32 && next !== 9 ? `${keyword} ` : keyword;
    const how = written.toUpperCase() === keyword ? 'in capitals' : written.endsWith(':') && written.slice(0, -1) === keyword ? 'without a colon' : 'in capitals, without a colon';
    this.report('SC116', span, `Write the heading as ${keyword}, ${how}; it is read as one.`, {
      fixes: [{ title: `Write ${keyword}`, safe: true, edits: [replace(span, canonical)] }],
    });
  }

  private lookName(li: LineInfo): A.Text | null {
    const words = this.words(li.labelEnd, li.contentEnd);
    if (words.length === 0) {
      this.report('SC106', { start: li.contentStart, end: li.contentEnd }, 'LOOK needs a name, e.g. `LOOK night`; clips use it with `USING night`.');
      return null;
    }
    const [first, ...rest] = words;
    if (!isNameWord(first!.text)) {
      this.report('SC106', first!.span, `"${first!.text}" is not a valid look name; use letters, digits, - and _.`);
    }
    if (rest.length) {
      const span = { start: rest[0]!.span.start, end: rest[rest.length - 1]!.span.end };
      this.report('SC106', span, 'A LOOK heading takes one name; put the look\'s sections on the lines below it.');
    }
    return first!;
  }

  private words(from: number, to: number): A.Text[] {
    const out: A.Text[] = [];
    let i = from;
    while (i < to) {
      while (i < to && (this.text.charCodeAt(i) === 32 || this.text.charCodeAt(i) === 9)) i++;
      const s = i;
      while (i < to && this.text.charCodeAt(i) !== 32 && this.text.charCodeAt(i) !== 9) i++;
      if (i > s) out.push(this.t(s, i));
    }
    return out;
  }

  /** Add `a` to the clip's attributes, unless one of its group (`what`, in messages) is there already. */
  private addAttribute(block: A.ClipBlock, a: A.ClipAttribute, group: string, what: string): void {
    // `what` is a noun with its article ("a length"); the fix names "the repeated length".
    const noun = what.replace(/^an? /, '');
    let prev: A.ClipAttribute | undefined;
    for (const x of block.attributes) if (attributeGroup(x) === group) prev = x;
    if (prev) {
      this.report('SC105', a.span, `This clip already has ${what}; remove one of them.`, {
        related: [{ message: `the ${noun} given first`, span: prev.span }],
        fixes: [{ title: `Remove the repeated ${noun}`, safe: false, edits: [replace(this.withLeadingSpace(a.span), '')] }],
      });
      return;
    }
    block.attributes.push(a);
  }

  private clipHeader(li: LineInfo, block: A.ClipBlock): void {
    const words = this.words(li.labelEnd, li.contentEnd);
    const headSpan = { start: li.contentStart, end: li.labelEnd };
    let i = 0;
    const first = words[0];
    if (!first || this.attributeLike(first.text)) {
      this.report('SC105', first ? first.span : headSpan, 'A CLIP needs a name right after CLIP, e.g. `CLIP arrival 8s`.');
    } else {
      if (!isNameWord(first.text)) {
        this.report('SC105', first.span, `"${first.text}" is not a valid clip name; use letters, digits, -, _ and . (no spaces).`);
      }
      block.name = first;
      i = 1;
    }
    for (; i < words.length; i++) {
      const w = words[i]!;
      const upper = w.text.toUpperCase();
      if (isHeaderKeyword(upper)) {
        const operand = words[i + 1];
        if (!operand || isHeaderKeyword(operand.text)) {
          const what = upper === 'USING' ? 'a look name' : 'a clip name or a video_… id';
          this.report('SC105', w.span, `${upper} needs ${what} after it.`);
          continue;
        }
        i++;
        const span = { start: w.span.start, end: operand.span.end };
        if (upper === 'USING') this.addAttribute(block, { kind: 'using', look: operand, span }, 'using', 'a USING look');
        else this.addAttribute(block, { kind: upper.toLowerCase() as 'remix' | 'extend' | 'edit', source: operand, span }, 'source', 'a source (REMIX, EXTEND or EDIT)');
        continue;
      }
      const sec = SECONDS_WORD.exec(w.text);
      if (sec) {
        this.addAttribute(block, { kind: 'seconds', value: Number(sec[1]), span: w.span }, 'seconds', 'a length');
        continue;
      }
      const size = SIZE_WORD.exec(w.text);
      if (size) {
        this.addAttribute(block, { kind: 'size', width: Number(size[1]), height: Number(size[2]), text: `${size[1]}x${size[2]}`, span: w.span }, 'size', 'a size');
        continue;
      }
      if (/^\d+(\.\d+)?$/.test(w.text) && words[i + 1] && /^(s|sec|secs|seconds?)$/i.test(words[i + 1]!.text)) {
        const span = { start: w.span.start, end: words[i + 1]!.span.end };
        this.report('SC105', span, `Write the length as ${w.text}s (no space).`, {
          fixes: [{ title: `Write ${w.text}s`, safe: true, edits: [replace(span, `${w.text}s`)] }],
        });
        this.addAttribute(block, { kind: 'seconds', value: Number(w.text), span }, 'seconds', 'a length');
        i++;
        continue;
      }
      if (MODEL_WORD.test(w.text)) {
        this.addAttribute(block, { kind: 'model', id: w.text, span: w.span }, 'model', 'a model');
        continue;
      }
      this.report('SC105', w.span, `"${w.text}" is not a clip attribute; expected a length (8s), a size (1280x720), a model (sora-2-pro), USING look, or REMIX/EXTEND/EDIT clip.`);
    }
  }

  private withLeadingSpace(span: Span): Span {
    let s = span.start;
    while (s > 0 && (this.text.charCodeAt(s - 1) === 32 || this.text.charCodeAt(s - 1) === 9)) s--;
    return { start: s, end: span.end };
  }

  private attributeLike(w: string): boolean {
    return SECONDS_WORD.test(w) || SIZE_WORD.test(w) || isHeaderKeyword(w);
  }

  // ── items ─────────────────────────────────────────────────────────────────────────────────

  private item(node: OutlineItem, ctx: Context): A.Item {
    switch (node.kind) {
      case 'keyed':
        return this.keyed(node.head, node.rest, ctx);
      case 'named':
        return this.named(node.head, node.rest, ctx);
      case 'shot':
        return this.shot(node.head, node.lines, ctx);
      default:
        return this.prose(node.head, ctx);
    }
  }

  private keyed(head: IToken, rest: IToken[], ctx: Context): A.Item {
    const li = info(head);
    this.indentCheck(li);
    const keyText = this.t(li.contentStart, li.labelEnd);
    const label = keyText.text;
    if (ctx === 'cast') {
      const span = { start: li.contentStart, end: li.contentEnd };
      const name = label === 'LOOK' ? this.valueText(li).text : '';
      if (name && isNameWord(name)) {
        // `LOOK: night` after the cast: a LOOK heading written with a colon.
        const keySpan = { start: li.contentStart, end: li.colon + 1 };
        this.report('SC103', span, `CAST holds only character lines, and "LOOK:" is the Look section; to start a look named ${name} here, write the heading without a colon: LOOK ${name}.`, {
          fixes: [{ title: `Write LOOK ${name}`, safe: true, edits: [replace(keySpan, 'LOOK')] }],
        });
      } else {
        this.report('SC103', span, `CAST holds only character lines (NAME: description); move "${label}:" above CAST or into a LOOK or CLIP.`);
      }
      return this.section(head, rest, null, keyText);
    }
    const clipKey = lookupClipKey(label);
    if (clipKey) {
      const value = this.valueText(li);
      if (ctx !== 'clip') {
        this.report('SC103', keyText.span, `${clipKey.name}: belongs inside a CLIP; move it under the clip it is for.`);
      }
      if (value.text === '') this.report('SC112', keyText.span, clipKey.id === 'reference' ? 'Reference: needs an image path, e.g. `Reference: frames/first.png`.' : 'Change: needs the one change to make, e.g. `Change: shift the palette to dusk blue`.');
      const { lines, ...joined } = this.joinContinuation(value, rest);
      const span = { start: li.contentStart, end: Math.max(li.contentEnd, joined.span.end) };
      if (clipKey.id === 'reference') return { kind: 'Reference', span, key: keyText, path: joined, lines };
      return { kind: 'Change', span, key: keyText, text: joined, lines };
    }
    const section = lookupSection(label);
    if (!section) {
      const shotKey = lookupShotKey(label);
      if (shotKey && li.known) {
        this.report('SC111', keyText.span, `${shotKey.name}: describes one shot; put it under a shot's timing line (e.g. 0.00–4.00), or use a look section such as Camera Notes.`);
      } else {
        // Outside a clip, Reference: and Change: would be out of place: no fix makes them.
        this.unknownKey(keyText, ctx === 'clip' ? SECTION_NAMES.concat(['Reference', 'Change']) : SECTION_NAMES, ctx === 'clip');
      }
    }
    return this.section(head, rest, section?.id ?? null, keyText);
  }

  private unknownKey(keyText: A.Text, candidates: readonly string[], inClip = true): void {
    const guess = closest(keyText.text, candidates, keyText.text.length >= 7 ? 2 : 1) ?? closest(keyText.text, inClip ? ALL_KEY_SPELLINGS : KEY_SPELLINGS_OUTSIDE_CLIPS, 2);
    const fixes = guess ? [{ title: `Change "${keyText.text}" to "${guess}"`, safe: true, edits: [replace(keyText.span, guess)] }] : [];
    this.report('SC101', keyText.span, guess ? `Unknown key "${keyText.text}"; did you mean "${guess}"?` : `Unknown key "${keyText.text}".`, { fixes });
  }

  private valueAfterColon(li: LineInfo): A.Text {
    let s = li.colon + 1;
    while (s < li.contentEnd && (this.text.charCodeAt(s) === 32 || this.text.charCodeAt(s) === 9)) s++;
    return this.t(s, Math.max(s, li.contentEnd));
  }

  /** A value and its continuation lines, joined with single spaces, and the lines' spans. */
  private joinContinuation(value: A.Text, rest: IToken[]): A.Text & { lines: Span[] } {
    const lines: Span[] = [value.span];
    if (rest.length === 0) return { text: value.text, span: value.span, lines };
    const parts = value.text ? [value.text] : [];
    let start = value.text ? value.span.start : -1;
    let end = value.span.end;
    for (const tok of rest) {
      const li = info(tok);
      this.indentCheck(li);
      const line = this.stripNotes(li.contentStart, li.contentEnd);
      if (line) parts.push(line);
      if (start < 0) start = li.contentStart;
      end = li.contentEnd;
      lines.push({ start: li.contentStart, end: li.contentEnd });
    }
    return { text: parts.join(' '), span: { start: start < 0 ? value.span.start : start, end }, lines: fit(lines) };
  }

  private section(head: IToken, rest: IToken[], id: A.Section['section'], keyText: A.Text): A.Section {
    const li = info(head);
    const value = this.valueText(li);
    const lines: A.SectionLine[] = [];
    let subIndent = -1;
    for (const tok of rest) {
      const cl = info(tok);
      this.indentCheck(cl);
      const lineText = this.text.slice(cl.contentStart, cl.contentEnd);
      const last = lines[lines.length - 1];
      if (last && last.kind === 'SubKey' && cl.indent > subIndent) {
        const more = this.stripNotes(cl.contentStart, cl.contentEnd);
        last.value = { text: last.value.text ? `${last.value.text} ${more}` : more, span: { start: last.value.text ? last.value.span.start : cl.contentStart, end: cl.contentEnd } };
        last.span = { start: last.span.start, end: cl.contentEnd };
        last.lines.push({ start: cl.contentStart, end: cl.contentEnd });
        continue;
      }
      const m = subKeyLabel(lineText);
      if (m) {
        const labelEnd = cl.contentStart + m[1]!.length;
        let vs = cl.contentStart + m[0].length;
        if (vs > cl.contentEnd) vs = cl.contentEnd;
        lines.push({
          kind: 'SubKey',
          label: this.t(cl.contentStart, labelEnd),
          value: { text: this.stripNotes(vs, cl.contentEnd), span: { start: vs, end: cl.contentEnd } },
          span: { start: cl.contentStart, end: cl.contentEnd },
          lines: [{ start: vs, end: cl.contentEnd }],
        });
        subIndent = cl.indent;
        continue;
      }
      lines.push({ kind: 'Line', text: { text: this.stripNotes(cl.contentStart, cl.contentEnd), span: { start: cl.contentStart, end: cl.contentEnd } }, span: { start: cl.contentStart, end: cl.contentEnd } });
    }
    if (value.text === '' && lines.length === 0) {
      this.report('SC112', keyText.span, `"${keyText.text}:" has no text; write it on the same line or on indented lines below, or remove it.`, {
        tags: ['unnecessary'],
      });
    }
    const end = lines.length ? lines[lines.length - 1]!.span.end : li.contentEnd;
    for (const line of lines) if (line.kind === 'SubKey') line.lines = fit(line.lines);
    return { kind: 'Section', span: { start: li.contentStart, end }, key: keyText, section: id, value, lines: fit(lines) };
  }

  private valueText(li: LineInfo): A.Text {
    const v = this.valueAfterColon(li);
    return { text: this.stripNotes(v.span.start, v.span.end), span: v.span };
  }

  /** Text of `[start, end)` with inline `[[notes]]` removed (and recorded as trivia). */
  private stripNotes(start: number, end: number): string {
    const raw = this.text.slice(start, end);
    if (raw.indexOf('[[') === -1) return raw;
    let out = '';
    let i = 0;
    while (i < raw.length) {
      const open = raw.indexOf('[[', i);
      if (open === -1) {
        out += raw.slice(i);
        break;
      }
      const close = raw.indexOf(']]', open + 2);
      out += raw.slice(i, open);
      if (close === -1) {
        const span = { start: start + open, end: start + raw.length };
        this.report('SC109', { start: start + open, end: start + open + 2 }, 'This note is never closed; end it with ]] on the same line.', {
          fixes: [{ title: 'Close the note at the end of the line', safe: true, edits: [replace({ start: end, end }, ' ]]')] }],
        });
        this.trivia.push({ kind: 'Note', span, text: this.t(start + open + 2, end), inline: true });
        break;
      }
      this.trivia.push({ kind: 'Note', span: { start: start + open, end: start + close + 2 }, text: this.t(start + open + 2, start + close), inline: true });
      i = close + 2;
    }
    return out.replace(/[ \t]{2,}/g, ' ').trim();
  }

  private named(head: IToken, rest: IToken[], ctx: Context): A.Item {
    const li = info(head);
    this.indentCheck(li);
    const speaker = this.t(li.contentStart, li.labelEnd);
    const paren = li.parenStart >= 0 ? this.t(li.parenStart, li.parenEnd) : null;
    if (ctx === 'cast') {
      const value = this.valueText(li);
      const { lines, ...desc } = this.joinContinuation(value, rest);
      const description = paren ? { text: `(${paren.text}) ${desc.text}`.trim(), span: { start: paren.span.start - 1, end: Math.max(desc.span.end, paren.span.end + 1) } } : desc;
      if (description.text === '') {
        this.report('SC112', speaker.span, `${speaker.text} has no description; describe them once here (age, clothes, hair) so every clip shows the same person.`);
      }
      return {
        kind: 'CastEntry',
        span: { start: li.contentStart, end: Math.max(li.contentEnd, description.span.end) },
        name: speaker,
        description,
        lines,
      };
    }
    const d = this.dialogue(li, rest, speaker, paren);
    if (ctx !== 'clip') {
      this.report('SC103', speaker.span, ctx === 'look' ? 'Dialogue belongs in a CLIP, not in a LOOK.' : `Dialogue belongs in a CLIP; to describe ${speaker.text} for every clip, put the line under CAST.`);
    }
    return d;
  }

  private dialogue(li: LineInfo, rest: IToken[], speaker: A.Text, paren: A.Text | null): A.Dialogue {
    const value = this.valueText(li);
    const lastTok = rest[rest.length - 1];
    const end = lastTok ? info(lastTok).contentEnd : li.contentEnd;
    const { lines, ...full } = this.joinContinuation(value, rest);
    const open = full.text.charAt(0);
    const isOpen = open === '"' || open === '“';
    const close = full.text.charAt(full.text.length - 1);
    const closes = full.text.length >= 2 && (close === '"' || close === '”');
    const span = { start: li.contentStart, end };
    if (isOpen && closes) {
      const inner = full.text.slice(1, -1);
      return { kind: 'Dialogue', span, speaker, parenthetical: paren, line: { text: inner, span: { start: full.span.start + 1, end: full.span.end - 1 } }, quoted: true, lines };
    }
    if (isOpen) {
      // A quote closed at the end of a line that ends in an unclosed [[ note would be inside the
      // note: the note's own fix (SC109) comes first.
      const raw = this.text.slice(full.span.start, end);
      const inNote = raw.lastIndexOf('[[') > raw.lastIndexOf(']]');
      this.report('SC108', { start: full.span.start, end: full.span.start + 1 }, `${speaker.text}'s line opens a quote that never closes; end the spoken words with ".`, {
        fixes: inNote ? [] : [{ title: 'Close the quote', safe: true, edits: [replace({ start: end, end }, open === '“' ? '”' : '"')] }],
      });
      return { kind: 'Dialogue', span, speaker, parenthetical: paren, line: { text: full.text.slice(1), span: { start: full.span.start + 1, end: full.span.end } }, quoted: false, lines };
    }
    if (full.text === '') {
      this.report('SC112', speaker.span, `${speaker.text}: has no words; write the spoken line in quotes, e.g. ${speaker.text}: "We made it."`);
    } else if (this.singleQuoted(full)) {
      // 'We made it.' or ‘We made it.’: quoted, but with quotes that stay part of the words.
      const curly = this.text.charCodeAt(full.span.start) === 0x2018;
      this.report('SC108', full.span, `${speaker.text}'s words are in single quotes, which are read as part of the words; use double quotes (${speaker.text}: "${full.text.slice(1, -1)}").`, {
        fixes: [{ title: 'Use double quotes', safe: true, edits: [replace({ start: full.span.start, end: full.span.start + 1 }, curly ? '“' : '"'), replace({ start: full.span.end - 1, end: full.span.end }, curly ? '”' : '"')] }],
      });
    } else {
      this.report('SC108', full.span, `${speaker.text}: is read as dialogue; put the spoken words in quotes, or write the action as prose ("${speaker.text} ${full.text.charAt(0).toLowerCase()}${full.text.slice(1)}").`, {
        fixes: [{ title: 'Quote the spoken words', safe: false, edits: [replace({ start: full.span.start, end: full.span.start }, '"'), replace({ start: full.span.end, end: full.span.end }, '"')] }],
      });
    }
    return { kind: 'Dialogue', span, speaker, parenthetical: paren, line: full, quoted: false, lines };
  }

  /** Words between single quotes, as written in the source (so the quotes can be replaced). */
  private singleQuoted(words: A.Text): boolean {
    const t = words.text;
    if (t.length < 2) return false;
    const open = t.charCodeAt(0);
    const close = t.charCodeAt(t.length - 1);
    return (open === 39 || open === 0x2018) && (close === 39 || close === 0x2019) && this.text.charCodeAt(words.span.start) === open && this.text.charCodeAt(words.span.end - 1) === close;
  }

  private prose(tok: IToken, ctx: Context): A.Item {
    const li = info(tok);
    this.indentCheck(li);
    const span = { start: li.contentStart, end: li.contentEnd };
    const text = { text: this.stripNotes(li.contentStart, li.contentEnd), span };
    if (ctx === 'cast') {
      // `Mara: woman in her thirties` — a cast line with the name not in capitals. (Not `Clip: …`:
      // in capitals, with its colon, that is a heading.)
      const m = castLabel(text.text);
      if (m && !HEADING_WORD.test(m[1]!) && text.text === this.text.slice(li.contentStart, li.contentEnd)) {
        const nameSpan = { start: li.contentStart, end: li.contentStart + m[1]!.length };
        const upper = m[1]!.toUpperCase();
        this.report('SC113', nameSpan, `Write character names in capitals (${upper}) so the compiler can find them in shots and dialogue.`, {
          fixes: [{ title: `Write ${upper}`, safe: true, edits: [replace(nameSpan, upper)] }],
        });
        const ds = li.contentEnd - m[2]!.length;
        return { kind: 'CastEntry', span, name: { text: upper, span: nameSpan }, description: this.t(ds, li.contentEnd), lines: [{ start: ds, end: li.contentEnd }] };
      }
      const group = GROUP_LABEL.exec(text.text);
      this.report('SC103', span, group
        ? `"${group[1]}" is not a character name: a name is letters, digits, spaces and . ' - only. Give each character a line of their own.`
        : 'CAST holds only character lines (NAME: description); move this line into a section or a clip.');
      return { kind: 'Prose', span, text };
    }
    if (ctx === 'top' || ctx === 'look') {
      this.strayProse(li, text.text, ctx);
    } else if (!this.readsAsProse(li, text.text) && (text.text.charCodeAt(0) >= 48 && text.text.charCodeAt(0) <= 57)) {
      this.looksLikeTiming(li, text.text);
    }
    return { kind: 'Prose', span, text };
  }

  /** Prose in a clip that starts like a timing line: `2.00–4.00 Turn`, `4.00 to 8.00 — "Two"`. */
  private looksLikeTiming(li: LineInfo, line: string): void {
    const span = { start: li.contentStart, end: li.contentEnd };
    const to = TIMES_JOINED_BY_TO.exec(line);
    if (to && line.length === li.contentEnd - li.contentStart) {
      const joined = `${to[1]}–${to[3]}${line.slice(to[0].length)}`;
      if (classifyLine(joined, 0).kind === 'timing') {
        const gap = { start: li.contentStart + to[1]!.length, end: li.contentStart + to[1]!.length + to[2]!.length };
        this.report('SC114', span, `This line looks like a shot timing line, but its times are joined by "to"; join them with a dash (${to[1]}–${to[3]}).`, {
          fixes: [{ title: `Write ${to[1]}–${to[3]}`, safe: false, edits: [replace(gap, '–')] }],
        });
        return;
      }
    }
    if (/^\d+(?:[.:]\d+)*s?\s*(?:--|[-–—‒])/.test(line) && /\d[.:]\d/.test(line.slice(0, 12))) {
      this.report('SC114', span, 'This line looks like a shot timing line but is not one; write it as START–END, then an optional "Title" and (camera), e.g. 0.00–2.40 — "Arrival" (32 mm, dolly left).');
    }
  }

  /** Prose outside any section: a warning, with the key it starts with made a key where it does. */
  private strayProse(li: LineInfo, line: string, ctx: 'top' | 'look'): void {
    const span = { start: li.contentStart, end: li.contentEnd };
    const scene: Fix = { title: 'Make it a Scene: section', safe: false, edits: [replace({ start: li.contentStart, end: li.contentStart }, 'Scene: ')] };
    // (Only where the line is as written: a note taken out of it would shift the fix.)
    const asWritten = line.length === li.contentEnd - li.contentStart;
    const clipName = asWritten ? CLIP_WITH_NAME_ONLY.exec(line) : null;
    if (clipName && isNameWord(clipName[2]!)) {
      // `Clip arrival`: a CLIP heading not in capitals, with nothing after the name to make it one.
      const word = { start: li.contentStart, end: li.contentStart + clipName[1]!.length };
      this.report('SC102', span, `This prose is outside any section; if it starts a clip, write the heading in capitals: CLIP ${clipName[2]}.`, {
        fixes: [{ title: `Write CLIP ${clipName[2]}`, safe: false, edits: [replace(word, 'CLIP')] }, scene],
      });
      return;
    }
    const bare = asWritten ? bareSectionKey(line) : null;
    if (bare) {
      const key = line.slice(0, bare.keyEnd);
      const gap = { start: li.contentStart + bare.keyEnd, end: li.contentStart + bare.textStart };
      const missing = line[bare.keyEnd] === ':' ? `a space after "${key}:"` : `a colon after "${key}"`;
      this.report('SC102', span, `This prose is outside any section; to make it the ${bare.section.name} section, put ${missing}, or start it with "Scene:".`, {
        fixes: [{ title: `Write ${key}: ${ellipsis(line.slice(bare.textStart))}`, safe: false, edits: [replace(gap, ': ')] }, scene],
      });
      return;
    }
    this.report('SC102', span, ctx === 'top'
      ? 'This prose is outside any section; start it with "Scene:" to describe every clip, or move it into a CLIP.'
      : 'This prose is outside any section of the look; start it with "Scene:" or another key.', { fixes: [scene] });
  }

  /**
   * A line in a clip meant as a key or dialogue line that reads as prose: `Reference
   * frames/first.png`, whose image would not be sent; `Sound:rain`, whose text would not go to its
   * section; `MARA "Over here."`, which would not be dialogue. Reports it and says whether it did.
   */
  private readsAsProse(li: LineInfo, line: string): boolean {
    // Only in a clip (a shot outside one is reported as a whole), and only where the line is as
    // written: a note taken out of it would shift the fix.
    if (!this.clip || line.length !== li.contentEnd - li.contentStart) return false;
    const start = li.contentStart;
    const c0 = line.charCodeAt(0);
    const ref = (c0 | 0x20) === 0x72 /* r */ ? REFERENCE_WITHOUT_COLON.exec(line) : null;
    if (ref) {
      const gap = { start: start + ref[1]!.length, end: start + line.length - ref[2]!.length };
      this.report('SC115', { start, end: start + line.length }, `This line is read as prose, so ${ref[2]} is not used as the first frame; write it as "${ref[1]}: ${ref[2]}".`, {
        fixes: [{ title: `Write ${ref[1]}: ${ref[2]}`, safe: true, edits: [replace(gap, ': ')] }],
      });
      return true;
    }
    const last = line.charCodeAt(line.length - 1);
    const said = c0 >= 65 && c0 <= 90 && (last === 34 /* " */ || last === 0x201d /* ” */) ? DIALOGUE_WITHOUT_COLON.exec(line) : null;
    if (said && said[1]!.length >= 2) {
      const head = said[1]! + (said[2] ?? '');
      this.report('SC115', { start, end: start + head.length }, `This line is read as prose, not as ${said[1]}'s dialogue: a dialogue line needs a colon after the name.`, {
        fixes: [{ title: `Put a colon after ${head}`, safe: true, edits: [replace({ start: start + head.length, end: start + head.length }, ':')] }],
      });
      return true;
    }
    const attribute = c0 >= 69 && c0 <= 85 ? HEADER_ATTRIBUTE_LINE.exec(line) : null;
    if (attribute) {
      const { heading, block } = this.clip;
      const keyword = attribute[1] as 'USING' | 'REMIX' | 'EXTEND' | 'EDIT';
      const effect = { USING: `the clip does not use ${attribute[2]}`, REMIX: 'the clip is not a remix', EXTEND: 'the clip is not an extension', EDIT: 'the clip is not an edit' }[keyword];
      const group = keyword === 'USING' ? 'using' : 'source';
      // Moved next to one of its kind, it would be the CLIP line's error instead of this warning.
      const taken = block.attributes.some((a) => attributeGroup(a) === group);
      const span = { start, end: start + line.length };
      if (taken) {
        this.report('SC115', span, `${keyword} belongs on the CLIP line, which already has ${group === 'using' ? 'a look' : 'a source'}; on a line of its own it is read as prose. Remove it, or put it on the CLIP line instead.`);
      } else {
        this.report('SC115', span, `${keyword} belongs on the CLIP line; on a line of its own it is read as prose, so ${effect}.`, {
          fixes: [{ title: `Move ${line} to the CLIP line`, safe: true, edits: [replace({ start: heading.end, end: heading.end }, ` ${line}`), replace({ start: li.start, end: li.end }, '')] }],
        });
      }
      return true;
    }
    const group = last === 34 || last === 0x201d ? GROUP_LABEL.exec(line) : null;
    if (group && /["“]/.test(line.charAt(group[0].length))) {
      this.report('SC115', { start, end: start + group[1]!.length }, `This line is read as prose, not as dialogue: "${group[1]}" is not a name, and a dialogue line has one speaker. Give each speaker a line of their own.`);
      return true;
    }
    const colon = keyColonWithoutSpace(line);
    if (colon < 0) return false;
    const key = line.slice(0, colon);
    this.report('SC115', { start, end: start + colon + 1 }, `This line is read as prose, not as a "${key}:" line, because a key needs a space after its colon.`, {
      fixes: [{ title: `Put a space after ${key}:`, safe: true, edits: [replace({ start: start + colon + 1, end: start + colon + 1 }, ' ')] }],
    });
    return true;
  }

  // ── shots ─────────────────────────────────────────────────────────────────────────────────

  private shot(head: IToken, lines: OutlineItem[], ctx: Context): A.Shot {
    const li = info(head);
    this.indentCheck(li);
    const shot: A.Shot = {
      kind: 'Shot',
      span: { start: li.contentStart, end: li.contentEnd },
      start: { value: parseTime(this.text.slice(li.t1Start, li.t1End)), span: { start: li.t1Start, end: li.t1End } },
      end: { value: parseTime(this.text.slice(li.t2Start, li.t2End)), span: { start: li.t2Start, end: li.t2End } },
      title: null,
      camera: null,
      trailing: null,
      items: [],
    };
    this.timingRest(li, shot);
    if (ctx !== 'clip') {
      this.report('SC103', { start: li.contentStart, end: li.t2End }, 'A shot must be inside a CLIP; add a `CLIP name` heading above it.');
    }
    // The parser gives a shot only keyed, named and prose lines.
    shot.items = lines.map((sl) => this.shotItem(sl));
    const last = shot.items[shot.items.length - 1];
    if (last && last.span.end > shot.span.end) shot.span.end = last.span.end;
    return shot;
  }

  private shotItem(sl: OutlineItem): A.ShotItem {
    if (sl.kind === 'keyed') return this.shotKey(sl.head, sl.rest);
    if (sl.kind === 'named') {
      const hl = info(sl.head);
      this.indentCheck(hl);
      const speaker = this.t(hl.contentStart, hl.labelEnd);
      const paren = hl.parenStart >= 0 ? this.t(hl.parenStart, hl.parenEnd) : null;
      return this.dialogue(hl, sl.rest, speaker, paren);
    }
    return this.prose(sl.head, 'clip') as A.Prose;
  }

  private shotKey(head: IToken, rest: IToken[]): A.ShotKeyLine {
    const li = info(head);
    this.indentCheck(li);
    const key = this.t(li.contentStart, li.labelEnd);
    const sk = li.known ? lookupShotKey(key.text) : undefined;
    if (!sk) {
      if (li.known) {
        this.report('SC111', key.span, `"${key.text}:" is not a shot key; a shot takes ${SHOT_KEY_NAMES.join(', ')}. Move it to the clip or the look (outdent it to the clip's level).`);
      } else {
        this.unknownKey(key, SHOT_KEY_NAMES);
      }
    }
    const { lines, ...value } = this.joinContinuation(this.valueText(li), rest);
    if (value.text === '') this.report('SC112', key.span, `"${key.text}:" has no text; write what it is or remove the line.`, { tags: ['unnecessary'] });
    return { kind: 'ShotKey', span: { start: li.contentStart, end: Math.max(li.contentEnd, value.span.end) }, key, shotKey: sk?.id ?? null, value, lines };
  }

  /** After the two times: an optional dash, an optional "Title", an optional (camera), then prose. */
  private timingRest(li: LineInfo, shot: A.Shot): void {
    const text = this.text;
    const end = li.contentEnd;
    let i = this.skipBlanks(li.labelEnd, end);
    let dashed = false;
    if (text.startsWith('--', i)) {
      i += 2;
      dashed = true;
    } else if (i < end && isDash(text.charCodeAt(i))) {
      i++;
      dashed = true;
    }
    i = this.skipBlanks(i, end);
    const q = text.charCodeAt(i);
    if (i < end && (q === 34 /* " */ || q === 0x201c /* “ */)) {
      // A title opened with " closes with "; one opened with “ closes with ”.
      const closer = q === 0x201c ? '”' : '"';
      const close = text.indexOf(closer, i + 1) < end ? text.indexOf(closer, i + 1) : -1;
      if (close === -1) {
        this.report('SC107', { start: i, end: i + 1 }, 'The shot title opens a quote that never closes; end the title with ".', {
          fixes: [{ title: 'Close the title quote', safe: true, edits: [replace({ start: end, end }, closer)] }],
        });
        shot.title = this.t(i + 1, end);
        return;
      }
      shot.title = this.t(i + 1, close);
      i = this.skipBlanks(close + 1, end);
    } else if (dashed && i < end && q !== 40 /* ( */) {
      // An unquoted title after the dash runs to the camera parenthesis or the end of the line.
      const paren = text.indexOf('(', i);
      const stop = paren !== -1 && paren < end ? paren : end;
      let e = stop;
      while (e > i && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
      shot.title = this.t(i, e);
      i = stop;
    }
    if (i < end && text.charCodeAt(i) === 40 /* ( */) {
      let depth = 0;
      let close = -1;
      for (let j = i; j < end; j++) {
        const c = text.charCodeAt(j);
        if (c === 40) depth++;
        else if (c === 41 /* ) */ && --depth === 0) {
          close = j;
          break;
        }
      }
      if (close === -1) {
        this.report('SC107', { start: i, end: i + 1 }, 'The camera note opens a parenthesis that never closes; end it with ).', {
          fixes: [{ title: 'Close the parenthesis', safe: true, edits: [replace({ start: end, end }, ')')] }],
        });
        shot.camera = this.t(i + 1, end);
        return;
      }
      shot.camera = this.t(i + 1, close);
      i = this.skipBlanks(close + 1, end);
    }
    if (i < end) {
      if (text.startsWith('--', i)) i += 2;
      else if (isDash(text.charCodeAt(i))) i++;
      i = this.skipBlanks(i, end);
      if (i < end) shot.trailing = { text: this.stripNotes(i, end), span: { start: i, end } };
    }
  }

  /**
   * Past the blanks and inline notes (kept as trivia) from `i`, which may stand between the parts
   * of a timing line.
   */
  private skipBlanks(i: number, end: number): number {
    const text = this.text;
    for (;;) {
      while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
      if (!text.startsWith('[[', i)) return i;
      const close = text.indexOf(']]', i + 2);
      if (close === -1 || close + 2 > end) return i;
      this.trivia.push({ kind: 'Note', span: { start: i, end: close + 2 }, text: this.t(i + 2, close), inline: true });
      i = close + 2;
    }
  }
}

/**
 * `xs` without spare room. An array grown by `push` keeps room for 17 elements, and a tree lives as
 * long as its file is open (the language server keeps one per document): the spare room was an
 * eighth of the tree's heap.
 */
function fit<T>(xs: T[]): T[] {
  return xs.length === 0 ? [] : xs.slice();
}

/** The start of `text` for a fix's title. */
function ellipsis(text: string): string {
  return text.length <= 24 ? text : `${text.slice(0, 23).trimEnd()}…`;
}

/** Which attributes a clip may give only once: one length, size, model, look, and one source. */
function attributeGroup(a: A.ClipAttribute): string {
  return a.kind === 'remix' || a.kind === 'extend' || a.kind === 'edit' ? 'source' : a.kind;
}

/** The dashes a timing line may use between its parts: - – — ‒ */
function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014 || c === 0x2012;
}

/** `2.4`, `2.40`, `1:02.5` (minutes) to seconds. */
export function parseTime(s: string): number {
  const colon = s.indexOf(':');
  if (colon === -1) return Number(s);
  return Number(s.slice(0, colon)) * 60 + Number(s.slice(colon + 1));
}
