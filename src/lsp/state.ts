/**
 * One document's compilation, in explicit phases (as Langium does it): parsed → resolved →
 * validated. Each phase is computed when first asked for and kept for this version of the text,
 * so the debounced diagnostics and the requests that follow a keystroke share one parse. A new
 * version of the text is a new `DocumentState`; the old one is dropped (its unfinished phases are
 * never computed — that is how stale work is cancelled for the synchronous phases).
 *
 * The phases call exactly what `shotc compile` calls (parse, resolve, the lint rules, the
 * target's emit), so the editor and the CLI report the same diagnostics.
 */
import { compareDiagnostics, type Diagnostic } from '../core/diagnostics/index.js';
import { renderPrompt, type RenderedPrompt } from '../core/emit/prompt.js';
import type { ParsedYaml } from '../core/frontmatter/yaml.js';
import { lintFast } from '../core/lint/engine.js';
import type { ResolvedClip, ResolvedFile } from '../core/resolve/model.js';
import { resolve } from '../core/resolve/resolve.js';
import { SourceFile } from '../core/source/index.js';
import { parse, type ParseResult } from '../core/syntax/parse.js';
import { DEFAULT_TARGET, targets } from '../core/targets/index.js';
import * as P from '../core/util/path.js';
import type { IncrementalLinter } from './incremental.js';

/** The project's shotc.yaml as the documents see it (the editor's buffer when it is open). */
export interface ProjectConfig {
  /** Absolute POSIX path. */
  path: string;
  uri: string;
  source: SourceFile;
  yaml: ParsedYaml;
}

export interface DocumentInput {
  uri: string;
  /** Absolute POSIX path, or null for a buffer that has none (untitled). */
  path: string | null;
  version: number;
  text: string;
  config: ProjectConfig | null;
  /** Directory for a buffer without a path (the workspace folder), for relative references. */
  fallbackDirectory?: string;
  /** Re-lints only what changed since the document's previous version (absent: a full run). */
  linter?: IncrementalLinter;
  /** Changes whenever the project config may have changed. */
  configGeneration?: number;
}

export class DocumentState {
  readonly uri: string;
  readonly version: number;
  readonly source: SourceFile;
  readonly config: ProjectConfig | null;
  /** The file's directory: `Reference:` paths are relative to it. */
  readonly directory: string;
  private parsedMemo: ParseResult | undefined;
  private resolvedMemo: ResolvedFile | undefined;
  private diagnosticsMemo: Diagnostic[] | undefined;
  private readonly prompts = new Map<ResolvedClip, RenderedPrompt>();
  private readonly memos = new Map<string, unknown>();

  constructor(readonly input: DocumentInput) {
    this.uri = input.uri;
    this.version = input.version;
    this.config = input.config;
    this.source = new SourceFile(input.text, input.path ?? input.uri);
    this.directory = input.path ? P.dirname(input.path) : (input.fallbackDirectory ?? '/');
  }

  get text(): string {
    return this.source.text;
  }

  /** Phase 1: the syntax tree and syntax diagnostics. */
  get parsed(): ParseResult {
    this.parsedMemo ??= parse(this.source);
    return this.parsedMemo;
  }

  /** Phase 2: settings, looks, cast and clips resolved (with settings and reference diagnostics). */
  get resolved(): ResolvedFile {
    if (!this.resolvedMemo) {
      const config = this.config;
      this.resolvedMemo = resolve({
        parsed: this.parsed,
        config: config ? { path: config.path, source: config.source, yaml: config.yaml } : null,
        directory: this.directory,
        projectRoot: config ? P.dirname(config.path) : this.directory,
        targets,
        defaultTarget: DEFAULT_TARGET,
      });
    }
    return this.resolvedMemo;
  }

  /** Phase 3: every diagnostic the fast rules give, sorted (slow rules run on open and save). */
  get diagnostics(): Diagnostic[] {
    if (!this.diagnosticsMemo) {
      const file = this.resolved;
      const emitted = (clip: ResolvedClip): Diagnostic[] => file.target.emit(clip, this.prompt(clip).text, file).diagnostics;
      const linted = this.input.linter
        ? this.input.linter.run({ resolved: file, clipExtras: emitted, configGeneration: this.input.configGeneration ?? 0 })
        : [...lintFast(file), ...file.clips.flatMap(emitted)];
      this.diagnosticsMemo = [...file.diagnostics, ...linted].sort(compareDiagnostics);
    }
    return this.diagnosticsMemo;
  }

  /** The diagnostics if phase 3 has run already (nothing is computed here). */
  get computedDiagnostics(): Diagnostic[] | undefined {
    return this.diagnosticsMemo;
  }

  /** The prompt a clip sends, rendered once per version. */
  prompt(clip: ResolvedClip): RenderedPrompt {
    let p = this.prompts.get(clip);
    if (!p) {
      p = renderPrompt(clip);
      this.prompts.set(clip, p);
    }
    return p;
  }

  /** Memoise a derived value (name index, fragments, …) for this version. */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const v = compute();
    this.memos.set(key, v);
    return v;
  }
}
