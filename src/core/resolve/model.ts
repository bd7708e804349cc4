/**
 * The resolved model: what each clip means once settings, looks, cast and sources are applied.
 * Built by `resolve()`; read by the lint rules, the prompt renderer and the targets.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import type { SourceFile, Span } from '../source/index.js';
import type * as A from '../syntax/ast.js';
import type { SectionId } from '../syntax/keys.js';
import type { LintSettings } from '../settings/schema.js';
import type { ModelCard, Target } from '../targets/types.js';

export type ClipKind = 'create' | 'remix' | 'extend' | 'edit';

/** Where a resolved value came from, for hovers and `--format text`. */
export type Origin = 'clip' | 'shots' | 'front matter' | 'config' | 'source' | 'target default' | 'cli';

export interface Setting<T> {
  value: T;
  origin: Origin;
  /** Where it was written (null for defaults). */
  span: Span | null;
  /** Set when written in another file (shotc.yaml). */
  file?: string;
}

export interface Size {
  width: number;
  height: number;
  text: string;
}

/** A piece of prose with its exact source span (inline notes removed). */
export interface Fragment {
  text: string;
  span: Span;
}

/** Where a look section came from: the file's top level, a LOOK, or the clip itself. */
export type SectionOrigin = { kind: 'global' } | { kind: 'look'; name: string } | { kind: 'clip' };

export interface ResolvedSubKey {
  label: string;
  text: Fragment[];
  origin: SectionOrigin;
}

export interface ResolvedSection {
  /** null for an unknown key, kept (with its written label) so nothing is lost. */
  id: SectionId | null;
  label: string;
  head: Fragment[];
  subs: ResolvedSubKey[];
  origin: SectionOrigin;
  /** The section nodes it was built from. */
  nodes: A.Section[];
  /** Adds its text to the inherited section instead of replacing it (stray prose in a LOOK). */
  extends?: boolean;
}

export interface CastMember {
  name: string;
  description: Fragment;
  entry: A.CastEntry;
}

export interface ResolvedClip {
  node: A.ClipBlock;
  name: string;
  /** Position among the file's clips. */
  index: number;
  kind: ClipKind;
  source: ClipSource | null;
  model: Setting<string>;
  /** The model's card, when the target has this model. */
  card: ModelCard | undefined;
  /** Output seconds: for remix and edit the source's; for extend the extension's own length. */
  seconds: Setting<number>;
  size: Setting<Size>;
  look: { name: string; span: Span; block: A.LookBlock | null } | null;
  /** Effective look sections, canonical order, after inheritance and overrides. */
  sections: ResolvedSection[];
  /** Cast members who appear (by name or as speakers), in CAST order. */
  cast: CastMember[];
  shots: A.Shot[];
  /** Clip-level prose (its scene description). */
  prose: A.Prose[];
  /** Dialogue outside any shot. */
  dialogue: A.Dialogue[];
  changes: A.Change[];
  references: A.Reference[];
  /** Names of the clips this one needs rendered first. */
  dependsOn: string[];
}

export interface ClipSource {
  kind: 'remix' | 'extend' | 'edit';
  /** The written name or id. */
  name: string;
  span: Span;
  /** The clip it names, when it names one of this file's clips. */
  clip: ResolvedClip | null;
  /** A literal `video_…` id. */
  videoId: string | null;
}

export interface ResolvedSettings {
  title: string | null;
  target: Setting<string>;
  budget: Setting<number> | null;
  lint: LintSettings;
  /** Where lint settings came from (front matter or config), for diagnostics about them. */
  lintSpans: { file?: string; path: string[]; span: Span }[];
  /** Target-specific settings, validated by the target's schema. */
  extras: Record<string, Setting<unknown>>;
}

export interface ResolvedFile {
  source: SourceFile;
  ast: A.File;
  /** The project config, when one was found. */
  config: { path: string; source: SourceFile } | null;
  /** Directory that reference paths must stay inside. */
  projectRoot: string;
  /** The file's own directory (references are relative to it). */
  directory: string;
  settings: ResolvedSettings;
  target: Target;
  cast: Map<string, CastMember>;
  looks: Map<string, A.LookBlock>;
  clips: ResolvedClip[];
  clipByName: Map<string, ResolvedClip>;
  /** Syntax, settings and resolution diagnostics. */
  diagnostics: Diagnostic[];
}
