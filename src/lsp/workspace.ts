/**
 * The open documents: their text (kept in step with incremental edits), their current
 * `DocumentState`, and the slow-rule diagnostics from the last open or save, moved along with
 * every edit so they stay on the right text between saves.
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../core/diagnostics/index.js';
import type { Span } from '../core/source/index.js';
import { ConfigCache, isConfigPath } from './config.js';
import { uriToPath } from './convert.js';
import { IncrementalLinter } from './incremental.js';
import { DocumentState } from './state.js';

/** One edit as offsets into the text it was applied to. */
export interface Edit {
  start: number;
  end: number;
  length: number;
}

export interface OpenDocument {
  uri: string;
  path: string | null;
  /** A shotc.yaml buffer: it is not analysed itself, but the .shot files under it read it. */
  isConfig: boolean;
  /**
   * A .shot document: language `shot`, or a path ending in `.shot` (some editors map the
   * extension to another language). Anything else a client sends is kept but never analysed.
   */
  isShot: boolean;
  text: TextDocument;
  state: DocumentState | undefined;
  stateGeneration: number;
  /** Slow-rule diagnostics, positioned for the current text. */
  slow: Diagnostic[];
  /** A slow run in flight: the version it started from and the edits made since. */
  slowRun: { id: number; version: number; edits: Edit[] } | null;
  /** Keeps the fast rules' results per clip between versions. */
  linter: IncrementalLinter;
  /**
   * The last analysed state and the one line every edit since has been confined to (null: no
   * edits). While someone types on one line, every other line is as that state saw it, so
   * requests about the rest of the file can be answered from it without parsing again.
   */
  stable: { state: DocumentState; line: number | null } | null;
}

export class Workspace {
  readonly configs = new ConfigCache();
  private readonly docs = new Map<string, OpenDocument>();
  private slowRuns = 0;
  /** Directory for untitled buffers (the first workspace folder). */
  fallbackDirectory: string | undefined;

  open(uri: string, languageId: string, version: number, text: string): OpenDocument {
    const path = uriToPath(uri);
    const doc: OpenDocument = {
      uri,
      path,
      isConfig: isConfigPath(path),
      isShot: languageId === 'shot' || (path !== null && path.endsWith('.shot')),
      text: TextDocument.create(uri, languageId, version, text),
      state: undefined,
      stateGeneration: -1,
      slow: [],
      slowRun: null,
      linter: new IncrementalLinter(),
      stable: null,
    };
    this.docs.set(uri, doc);
    if (doc.isConfig && path) this.configs.setBuffer(path, text);
    return doc;
  }

  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    // One change at a time: each change's range refers to the text after the previous one.
    let text = doc.text;
    for (const change of changes) {
      const oneLine = 'range' in change && change.range.start.line === change.range.end.line && !/[\r\n]/.test(change.text);
      if (oneLine && doc.stable && (doc.stable.line === null || doc.stable.line === change.range.start.line)) doc.stable.line = change.range.start.line;
      else doc.stable = null;
      const edit: Edit | null =
        'range' in change
          ? { start: text.offsetAt(change.range.start), end: text.offsetAt(change.range.end), length: change.text.length }
          : null;
      text = TextDocument.update(text, [change], version);
      // The library updates its line table from the inserted text alone, so a \r meeting a \n at
      // either edge of the edit (or a lone \r inside it) leaves it counting one line break as two:
      // every later position would be a line off. Rebuild the table where a \r is near the edit.
      if (edit && hasCrNear(text.getText(), edit.start, edit.start + edit.length)) text = TextDocument.create(text.uri, text.languageId, version, text.getText());
      if (edit) {
        doc.slow = shiftDiagnostics(doc.slow, edit);
        doc.slowRun?.edits.push(edit);
      } else {
        doc.slow = [];
        if (doc.slowRun) doc.slowRun.edits.push({ start: 0, end: Number.MAX_SAFE_INTEGER, length: 0 });
      }
    }
    doc.text = text;
    doc.state = undefined;
    if (doc.isConfig && doc.path) this.configs.setBuffer(doc.path, text.getText());
    return doc;
  }

  close(uri: string): OpenDocument | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    this.docs.delete(uri);
    if (doc.isConfig && doc.path) this.configs.setBuffer(doc.path, null);
    return doc;
  }

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }

  /** The current state of a .shot document (null for shotc.yaml buffers and unknown URIs). */
  state(uri: string): DocumentState | undefined {
    const doc = this.docs.get(uri);
    if (!doc || !doc.isShot) return undefined;
    const generation = this.configs.generation;
    if (!doc.state || doc.state.version !== doc.text.version || doc.stateGeneration !== generation) {
      const dir = doc.path ? doc.path.slice(0, doc.path.lastIndexOf('/')) || '/' : (this.fallbackDirectory ?? '/');
      const input = {
        uri,
        path: doc.path,
        version: doc.text.version,
        text: doc.text.getText(),
        config: this.configs.forDirectory(dir),
        linter: doc.linter,
        configGeneration: generation,
        ...(this.fallbackDirectory ? { fallbackDirectory: this.fallbackDirectory } : {}),
      };
      doc.state = new DocumentState(input);
      doc.stateGeneration = generation;
      doc.stable = { state: doc.state, line: null };
    }
    return doc.state;
  }

  /** The document's last analysis and the one line edited since (see `OpenDocument.stable`), unless the config changed since. */
  stable(uri: string): OpenDocument['stable'] {
    const doc = this.docs.get(uri);
    return doc?.stable && doc.stateGeneration === this.configs.generation ? doc.stable : null;
  }

  /** The current state if it has been computed already (no work is done here). */
  ready(uri: string): DocumentState | undefined {
    const doc = this.docs.get(uri);
    if (!doc || !doc.isShot || !doc.state) return undefined;
    return doc.state.version === doc.text.version && doc.stateGeneration === this.configs.generation ? doc.state : undefined;
  }

  /** Begin a slow run for the document's current version; `finishSlowRun` places its results. */
  startSlowRun(doc: OpenDocument): number {
    const id = ++this.slowRuns;
    doc.slowRun = { id, version: doc.text.version, edits: [] };
    return id;
  }

  /** Store a slow run's diagnostics, moved through the edits made while it ran. False if superseded. */
  finishSlowRun(doc: OpenDocument, id: number, diagnostics: Diagnostic[]): boolean {
    if (!doc.slowRun || doc.slowRun.id !== id || this.docs.get(doc.uri) !== doc) return false;
    let moved = diagnostics;
    for (const edit of doc.slowRun.edits) moved = shiftDiagnostics(moved, edit);
    doc.slow = moved;
    doc.slowRun = null;
    return true;
  }
}

/** Move diagnostics over one edit; those whose span (or a fix's edit) it touches are dropped. */
export function shiftDiagnostics(diagnostics: readonly Diagnostic[], edit: Edit): Diagnostic[] {
  if (!diagnostics.length) return [];
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.file !== undefined) {
      out.push(d);
      continue;
    }
    const span = shiftSpan(d.span, edit);
    if (!span) continue;
    const moved: Diagnostic = { ...d, span };
    if (d.related) {
      moved.related = d.related.flatMap((r) => {
        if (r.file !== undefined) return [r];
        const s = shiftSpan(r.span, edit);
        return s ? [{ ...r, span: s }] : [];
      });
    }
    if (d.fixes) {
      const fixes = [];
      for (const f of d.fixes) {
        const edits = f.edits.map((e) => ({ newText: e.newText, span: shiftSpan(e.span, edit) }));
        if (edits.every((e) => e.span)) fixes.push({ ...f, edits: edits as { newText: string; span: Span }[] });
      }
      moved.fixes = fixes;
    }
    out.push(moved);
  }
  return out;
}

/** A span after an edit: unchanged before it, moved after it, gone when the edit touches it. */
export function shiftSpan(span: Span, edit: Edit): Span | null {
  if (edit.start >= span.end) return span;
  if (edit.end <= span.start) {
    const delta = edit.length - (edit.end - edit.start);
    return { start: span.start + delta, end: span.end + delta };
  }
  return null;
}

function hasCrNear(text: string, start: number, end: number): boolean {
  for (let i = Math.max(0, start - 1); i <= end && i < text.length; i++) if (text.charCodeAt(i) === 13) return true;
  return false;
}
