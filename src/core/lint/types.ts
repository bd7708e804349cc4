/**
 * The lint rule API. A rule is one file: its meta (stable code, rule name, default severity,
 * speed, fixability) and a `create` function returning the visitor callbacks it needs. The engine
 * walks the resolved model once and calls every active rule's callbacks.
 */
import type { Diagnostic, Fix, Related, Severity } from '../diagnostics/index.js';
import type { RenderedPrompt } from '../emit/prompt.js';
import type { Host } from '../host.js';
import type { CastMember, ResolvedClip, ResolvedFile } from '../resolve/model.js';
import type { SourceFile, Span } from '../source/index.js';
import type * as A from '../syntax/ast.js';
import type { SectionId } from '../syntax/keys.js';

export interface RuleMeta {
  code: string;
  /** The stable rule name, e.g. `timing/gap`. */
  rule: string;
  description: string;
  severity: Severity;
  /** `fast` rules run on every keystroke; `slow` ones read files or big lists (on save, in the CLI). */
  speed: 'fast' | 'slow';
  /** Whether the rule offers safe fixes (`--fix`) and/or suggestions (editor only). */
  fixes?: { safe?: boolean; suggestions?: boolean };
}

export interface Report {
  span: Span;
  message: string;
  severity?: Severity;
  fixes?: Fix[];
  related?: Related[];
  tags?: Diagnostic['tags'];
  file?: string;
}

/** Where a piece of prose sits. */
export type FragmentKind =
  | 'section'
  | 'subkey'
  | 'prose'
  | 'shot-key'
  | 'dialogue'
  | 'title'
  | 'camera'
  | 'trailing'
  | 'change'
  | 'cast';

/**
 * One line of prose exactly as written, inline notes blanked out with spaces, so that an index
 * into `text` plus `span.start` is the offset in the source.
 */
export interface TextFragment {
  text: string;
  span: Span;
  kind: FragmentKind;
  /** The clip it belongs to; null for the top-level look, LOOK blocks and CAST. */
  clip: ResolvedClip | null;
  shot: A.Shot | null;
  /** The section it belongs to (section and subkey fragments). */
  section: SectionId | null;
  /** The sub-key or shot key label, e.g. `Camera` or `Highlights`. */
  label: string | null;
  /** The speaker, for dialogue. */
  speaker: string | null;
}

export interface RuleContext {
  file: ResolvedFile;
  source: SourceFile;
  /** The rule's options from `lint:` settings (`rule: [severity, { … }]`). */
  options: Record<string, unknown>;
  /** Present for slow rules; fast rules never do IO. */
  host: Host | undefined;
  report(report: Report): void;
  /** The prompt the clip sends (rendered once, shared by every rule). */
  prompt(clip: ResolvedClip): RenderedPrompt;
  /** Whether a term or phrase is allowed by the `allow` / `allowPatterns` settings. */
  isAllowed(text: string): boolean;
}

export interface Visitor {
  file?(file: ResolvedFile): void | Promise<void>;
  clip?(clip: ResolvedClip): void | Promise<void>;
  shot?(shot: A.Shot, clip: ResolvedClip): void;
  text?(fragment: TextFragment): void;
  castMember?(member: CastMember): void;
  reference?(reference: A.Reference, clip: ResolvedClip): void | Promise<void>;
  end?(): void | Promise<void>;
}

export interface Rule {
  meta: RuleMeta;
  create(context: RuleContext): Visitor;
}
