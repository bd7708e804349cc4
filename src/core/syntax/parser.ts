/**
 * The grammar over line tokens. It is deliberately permissive: every line kind is accepted in
 * every block, so a misplaced line never derails the parse; the AST builder then reports it with
 * a precise diagnostic. Structure comes from headings (a block runs to the next heading) and from
 * indentation (continuation lines, the lines of a shot), checked by gates on the lines (each
 * token is its classified line).
 *
 * The parser produces an outline (lines grouped into blocks, keyed lines with their continuations,
 * shots with their lines) rather than a generic CST: it allocates a fraction of what a CST does,
 * and the AST builder gives each line its meaning separately.
 */
import { EmbeddedActionsParser, type IOrAlt, type IToken, tokenMatcher } from 'chevrotain';
import { allTokens, CastHeading, ClipHeading, ContentLine, FrontMatter, KeyLine, lineOf, LookHeading, NameLine, Prose, Timing } from './tokens.js';
import { lookupSection, lookupShotKey } from './keys.js';

export type OutlineItem =
  | { kind: 'keyed'; head: IToken; rest: IToken[] }
  | { kind: 'named'; head: IToken; rest: IToken[] }
  | { kind: 'prose'; head: IToken }
  | { kind: 'shot'; head: IToken; lines: OutlineItem[] };

export interface OutlineBlock {
  heading: IToken;
  items: OutlineItem[];
}

export interface Outline {
  frontMatter: IToken | null;
  items: OutlineItem[];
  blocks: OutlineBlock[];
}

const NO_TOKENS: IToken[] = [];

class ShotParser extends EmbeddedActionsParser {
  private headingAlts: IOrAlt<IToken>[] | undefined;
  private itemAlts: IOrAlt<OutlineItem>[] | undefined;
  private shotLineAlts: IOrAlt<OutlineItem>[] | undefined;

  /** `validate`: run Chevrotain's grammar checks (a test does; at every start they cost ~3 ms). */
  constructor(validate = false) {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 1, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  /** The whole grammar. `parse` gives it the lines before the first heading, then each block to `block`. */
  readonly file = this.RULE('file', (): Outline => {
    let frontMatter: IToken | null = null;
    const items: OutlineItem[] = [];
    const blocks: OutlineBlock[] = [];
    this.OPTION(() => {
      frontMatter = this.CONSUME(FrontMatter);
    });
    this.MANY(() => {
      items.push(this.SUBRULE(this.item));
    });
    this.MANY2(() => {
      blocks.push(this.SUBRULE(this.block));
    });
    return { frontMatter, items, blocks };
  });

  readonly block = this.RULE('block', (): OutlineBlock => {
    // Alternatives are built once (they only close over the parser), as Chevrotain recommends.
    const heading = this.OR(
      (this.headingAlts ??= [
        { ALT: () => this.CONSUME(CastHeading) },
        { ALT: () => this.CONSUME(LookHeading) },
        { ALT: () => this.CONSUME(ClipHeading) },
      ]),
    );
    const items: OutlineItem[] = [];
    this.MANY(() => {
      items.push(this.SUBRULE(this.item));
    });
    return { heading, items };
  });

  readonly item = this.RULE('item', (): OutlineItem => {
    return this.OR(
      (this.itemAlts ??= [
        { ALT: () => this.SUBRULE(this.keyed) },
        { ALT: () => this.SUBRULE(this.named) },
        { ALT: () => this.SUBRULE(this.shot) },
        { ALT: () => ({ kind: 'prose' as const, head: this.CONSUME(Prose) }) },
      ]),
    );
  });

  /** `Key: text` and the more-indented lines that continue it. */
  readonly keyed = this.RULE('keyed', (): OutlineItem => {
    const head = this.CONSUME(KeyLine);
    return { kind: 'keyed', head, rest: this.continuation(head) };
  });

  /** `NAME: …` (a cast entry or dialogue) and its continuation lines. */
  readonly named = this.RULE('named', (): OutlineItem => {
    const head = this.CONSUME(NameLine);
    return { kind: 'named', head, rest: this.continuation(head) };
  });

  /** A timing line and the lines of its shot. */
  readonly shot = this.RULE('shot', (): OutlineItem => {
    const head = this.CONSUME(Timing);
    const lines: OutlineItem[] = [];
    this.shotHead = head;
    this.shotLines = lines;
    this.MANY(this.shotMany);
    return { kind: 'shot', head, lines };
  });

  /*
   * What the repetitions below work on. Their options are made once, like the alternatives above:
   * closures made per line would cost a context and two functions each. A shot holds keyed and
   * named lines but none holds another of its kind, so one of each suffices.
   */
  private lineHead!: IToken;
  private lineRest: IToken[] = NO_TOKENS;
  private shotHead!: IToken;
  private shotLines: OutlineItem[] = [];

  private readonly continuationMany = {
    GATE: (): boolean => this.continues(this.lineHead),
    DEF: (): void => {
      const t = this.CONSUME(ContentLine);
      if (this.lineRest === NO_TOKENS) this.lineRest = [];
      this.lineRest.push(t);
    },
  };

  private readonly shotMany = {
    GATE: (): boolean => this.shotContinues(this.shotHead),
    DEF: (): void => {
      this.shotLines.push(this.SUBRULE(this.shotLine));
    },
  };

  /** The more-indented lines after `head` that continue it. */
  private continuation(head: IToken): IToken[] {
    this.lineHead = head;
    this.lineRest = NO_TOKENS;
    this.MANY(this.continuationMany);
    return this.lineRest;
  }

  readonly shotLine = this.RULE('shotLine', (): OutlineItem => {
    return this.OR(
      (this.shotLineAlts ??= [
        { ALT: () => this.SUBRULE(this.keyed) },
        { ALT: () => this.SUBRULE(this.named) },
        { ALT: () => ({ kind: 'prose' as const, head: this.CONSUME(Prose) }) },
      ]),
    );
  });

  private continues(head: IToken): boolean {
    const next = this.LA(1);
    const h = lineOf(head);
    const p = lineOf(next);
    if (!h || !p || !tokenMatcher(next, ContentLine)) return false;
    return p.indent > h.indent;
  }

  /**
   * A shot runs until the next timing line or heading. Prose and dialogue always belong to it; a
   * keyed line belongs to it when indented under the timing line or when it is a shot-only key
   * (Camera:, Action:, Purpose:); a section key at the timing line's level goes back to the clip.
   */
  private shotContinues(head: IToken): boolean {
    const next = this.LA(1);
    const p = lineOf(next);
    if (!p) return false;
    if (p.kind === 'prose' || p.kind === 'name') return true;
    if (p.kind !== 'key') return false;
    const h = lineOf(head)!;
    if (p.indent > h.indent) return true;
    const label = p.slice(p.contentStart, p.labelEnd);
    return p.known && lookupShotKey(label) !== undefined && lookupSection(label) === undefined;
  }
}

let instance: ShotParser | undefined;

/** Build a parser with Chevrotain's grammar validations on; throws if the grammar has a problem. */
export function validateGrammar(): void {
  new ShotParser(true);
}

/** The one parser instance: grammar analysis happens once per process. */
export function shotParser(): ShotParser {
  instance ??= new ShotParser();
  return instance;
}

/** The lines before the first heading: front matter and items. */
export function parsePrelude(tokens: IToken[]): { outline: Outline; errors: ShotParser['errors'] } {
  return run(tokens, (parser) => parser.file());
}

/** A heading and the lines up to the next one. */
export function parseBlock(tokens: IToken[]): { outline: OutlineBlock; errors: ShotParser['errors'] } {
  return run(tokens, (parser) => parser.block());
}

function run<T>(tokens: IToken[], rule: (parser: ShotParser) => T): { outline: T; errors: ShotParser['errors'] } {
  const parser = shotParser();
  parser.input = tokens;
  const outline = rule(parser);
  const errors = parser.errors;
  // The parser would otherwise hold these lines until the next parse.
  parser.input = NO_TOKENS;
  return { outline, errors };
}

export type { ShotParser };
