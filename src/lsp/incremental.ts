/**
 * Fast-rule diagnostics, recomputed only for what an edit touched.
 *
 * A keystroke changes one clip; running every rule over every clip of a long file again costs far
 * more than the budget for a keystroke. So the file is cut into regions — the part before the
 * first heading, and each CAST, LOOK and CLIP block to the next heading — and the lint rules run:
 * - once with the first clip only (the *base* run: the look, the cast, the settings, file-level
 *   checks, and the first clip — some rules word their advice on global prose after the first
 *   clip, so the base must include it to match a full run), again when a global region, a
 *   `shotc-disable` comment, the config or the first clip changes;
 * - once per further clip, with the first clip and that clip (minus what the base run reports),
 *   again only when the clip's region, or a region of a clip it starts from (REMIX/EXTEND/EDIT),
 *   or anything global changes.
 * Results are stored with their offsets relative to their region, so a clip that moved (because
 * lines were added above it) reuses its diagnostics at its new place.
 *
 * This rests on the rules being clip-local — what a rule reports while visiting a clip depends on
 * that clip, the clips it starts from and the global sections. The rule API is shaped that way
 * (visitors per clip, shot, fragment); `test/lsp/incremental.test.ts` checks the result equals a
 * full run, on the examples and on random edits.
 */
import type { Diagnostic } from '../core/diagnostics/index.js';
import { lintFast } from '../core/lint/engine.js';
import type { ResolvedClip, ResolvedFile } from '../core/resolve/model.js';
import type { Span } from '../core/source/index.js';
import type * as A from '../core/syntax/ast.js';

interface Region {
  id: string;
  start: number;
  end: number;
  block: A.Block | null;
}

/** A span as (region, offsets within it); null when it cannot be placed in one region. */
interface RelSpan {
  region: string;
  start: number;
  end: number;
}

type Stored = { d: Diagnostic; spans: (RelSpan | null)[] };

export interface LintInput {
  resolved: ResolvedFile;
  /** Extra per-clip diagnostics (the target's own, from emitting the request). */
  clipExtras(clip: ResolvedClip): Diagnostic[];
  /** Changes when the project config changes. */
  configGeneration: number;
}

const DIRECTIVE = /^\s*shotc-(disable|enable)/;

/** Past this many clips to lint, one full run is cheaper than clip-by-clip; the cache fills afterwards. */
const COLD_LIMIT = 12;

interface Context {
  input: LintInput;
  file: ResolvedFile;
  regions: Region[];
  byId: Map<string, Region>;
  first: ResolvedClip | undefined;
  keyOf(clip: ResolvedClip): string;
  sub(clips: ResolvedClip[]): ResolvedFile;
}

export class IncrementalLinter {
  private globalKey: string | null = null;
  private base: { key: string; stored: Stored[] } | null = null;
  private readonly clips = new Map<string, { key: string; stored: Stored[] | null }>();
  /** How many clips the last run linted (the rest came from the cache); for tests and the benchmark. */
  lastLinted = 0;
  /** Set when the last run was a full one: `warm` fills the cache for it, a few clips at a time. */
  private cold: Context | null = null;

  run(input: LintInput): Diagnostic[] {
    const ctx = this.context(input);
    this.cold = null;
    const missing = ctx.file.clips.slice(1).filter((c) => !this.cachedOwn(ctx, c)).length;
    if (missing > COLD_LIMIT) {
      // Opening a file (or changing its look): one pass over everything, then warm the cache.
      this.lastLinted = ctx.file.clips.length;
      this.cold = ctx;
      return [...lintFast(ctx.file), ...ctx.file.clips.flatMap((c) => input.clipExtras(c))];
    }
    let linted = 0;
    let base = this.cachedBase(ctx);
    if (!base) {
      linted++;
      base = this.lintBase(ctx);
    }
    const baseCounts = counts(base);
    const out = [...base];
    for (const clip of ctx.file.clips.slice(1)) {
      let own = this.cachedOwn(ctx, clip);
      if (!own) {
        linted++;
        own = this.lintClip(ctx, clip, baseCounts);
      }
      out.push(...own);
    }
    const names = new Set(ctx.file.clips.map((c) => c.name));
    for (const name of this.clips.keys()) if (!names.has(name)) this.clips.delete(name);
    this.lastLinted = linted;
    return out;
  }

  /** Whether `warm` has work left (after a full run). */
  get warming(): boolean {
    return this.cold !== null;
  }

  /** Fill the per-clip cache after a full run, for at most `budgetMs`; true while work remains. */
  warm(budgetMs: number): boolean {
    const ctx = this.cold;
    if (!ctx) return false;
    const until = performance.now() + budgetMs;
    const base = this.cachedBase(ctx) ?? this.lintBase(ctx);
    const baseCounts = counts(base);
    for (const clip of ctx.file.clips.slice(1)) {
      if (this.cachedOwn(ctx, clip)) continue;
      if (performance.now() > until) return true;
      this.lintClip(ctx, clip, baseCounts);
    }
    this.cold = null;
    return false;
  }

  private context(input: LintInput): Context {
    const file = input.resolved;
    const text = file.source.text;
    const regions = regionsOf(file.ast, text.length, (o) => file.source.positionAt(o).character);
    const byId = new Map(regions.map((r) => [r.id, r]));
    const regionText = (id: string): string => {
      const r = byId.get(id);
      return r ? text.slice(r.start, r.end) : '';
    };
    const clipRegion = new Map<A.Block, string>();
    for (const r of regions) if (r.block) clipRegion.set(r.block, r.id);

    const globalKey = [
      `config:${input.configGeneration}`,
      ...regions.filter((r) => r.block?.kind !== 'Clip').map((r) => `${r.id}\u0000${text.slice(r.start, r.end)}`),
      // Where each shotc-disable comment is, relative to its region (they can reach across clips).
      ...file.ast.trivia
        .filter((t) => t.kind === 'Comment' && DIRECTIVE.test(t.text.text))
        .map((t) => {
          const r = regionOf(regions, t.span.start)!;
          return `${r.id}+${t.span.start - r.start}\u0000${t.text.text}`;
        }),
    ].join('\u0001');
    if (globalKey !== this.globalKey) {
      this.globalKey = globalKey;
      this.base = null;
      this.clips.clear();
    }
    return {
      input,
      file,
      regions,
      byId,
      first: file.clips[0],
      sub: (clips) => ({ ...file, clips }),
      keyOf(clip) {
        let key = regionText(clipRegion.get(clip.node) ?? '');
        for (let src = clip.source?.clip, guard = 0; src && guard < 64; src = src.source?.clip, guard++) {
          key += `\u0001${regionText(clipRegion.get(src.node) ?? '')}`;
        }
        return key;
      },
    };
  }

  private baseKey(ctx: Context): string {
    return ctx.first ? `${ctx.first.name}\u0002${ctx.keyOf(ctx.first)}` : '';
  }

  private cachedBase(ctx: Context): Diagnostic[] | null {
    return this.base && this.base.key === this.baseKey(ctx) ? absolute(this.base.stored, ctx.byId) : null;
  }

  private lintBase(ctx: Context): Diagnostic[] {
    const base = lintFast(ctx.sub(ctx.first ? [ctx.first] : []));
    if (ctx.first) base.push(...ctx.input.clipExtras(ctx.first));
    const stored = relative(base, ctx.regions);
    this.base = stored ? { key: this.baseKey(ctx), stored } : null;
    return base;
  }

  private cachedOwn(ctx: Context, clip: ResolvedClip): Diagnostic[] | null {
    const cached = this.clips.get(clip.name);
    return cached && cached.stored && cached.key === ctx.keyOf(clip) ? absolute(cached.stored, ctx.byId) : null;
  }

  private lintClip(ctx: Context, clip: ResolvedClip, baseCounts: ReadonlyMap<string, number>): Diagnostic[] {
    const own = minus(lintFast(ctx.sub([ctx.first!, clip])), baseCounts);
    own.push(...ctx.input.clipExtras(clip));
    this.clips.set(clip.name, { key: ctx.keyOf(clip), stored: relative(own, ctx.regions) });
    return own;
  }
}

/** The regions of a file: before the first heading, then each block from its heading's line to the next. */
function regionsOf(ast: A.File, length: number, column: (offset: number) => number): Region[] {
  const starts = ast.blocks.map((b) => b.heading.start - column(b.heading.start));
  const regions: Region[] = [{ id: 'head', start: 0, end: starts[0] ?? length, block: null }];
  // Clips are known by name (so a clip keeps its id when another is added above it); the rest by position.
  const names = new Map<string, number>();
  const ordinal = { Cast: 0, Look: 0, Clip: 0 };
  ast.blocks.forEach((b, i) => {
    let id: string;
    if (b.kind === 'Clip' && b.name) {
      const n = names.get(b.name.text) ?? 0;
      names.set(b.name.text, n + 1);
      id = n ? `clip:${b.name.text}#${n}` : `clip:${b.name.text}`;
    } else id = `${b.kind}#${ordinal[b.kind]++}`;
    regions.push({ id, start: starts[i]!, end: starts[i + 1] ?? length, block: b });
  });
  return regions;
}

function regionOf(regions: readonly Region[], offset: number): Region | undefined {
  let lo = 0;
  let hi = regions.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (regions[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return regions[lo];
}

function spansOf(d: Diagnostic): Span[] {
  if (d.file !== undefined) return [];
  return [d.span, ...(d.related ?? []).filter((r) => r.file === undefined).map((r) => r.span), ...(d.fixes ?? []).flatMap((f) => f.edits.map((e) => e.span))];
}

function relative(list: readonly Diagnostic[], regions: readonly Region[]): Stored[] | null {
  const out: Stored[] = [];
  for (const d of list) {
    const spans = spansOf(d).map((s) => {
      const r = regionOf(regions, s.start);
      return r && s.end <= r.end ? { region: r.id, start: s.start - r.start, end: s.end - r.start } : null;
    });
    // A span across regions cannot follow them separately; such a result is not kept.
    if (spans.some((s) => s === null)) return null;
    out.push({ d, spans });
  }
  return out;
}

function absolute(stored: readonly Stored[], byId: ReadonlyMap<string, Region>): Diagnostic[] | null {
  const out: Diagnostic[] = [];
  for (const { d, spans } of stored) {
    if (d.file !== undefined) {
      out.push(d);
      continue;
    }
    const place = spans.map((s) => {
      const r = byId.get(s!.region);
      return r ? { start: r.start + s!.start, end: r.start + s!.end } : null;
    });
    if (place.some((p) => p === null)) return null;
    let i = 0;
    const next = (): Span => place[i++]!;
    const moved: Diagnostic = { ...d, span: next() };
    if (d.related) moved.related = d.related.map((r) => (r.file === undefined ? { ...r, span: next() } : r));
    if (d.fixes) moved.fixes = d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, span: next() })) }));
    out.push(moved);
  }
  return out;
}

function identity(d: Diagnostic): string {
  return `${d.code}\u0000${d.file ?? ''}\u0000${d.span.start}\u0000${d.span.end}\u0000${d.message}`;
}

function counts(list: readonly Diagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of list) m.set(identity(d), (m.get(identity(d)) ?? 0) + 1);
  return m;
}

/** `list` without (one copy each of) the diagnostics counted in `remove`. */
function minus(list: readonly Diagnostic[], remove: ReadonlyMap<string, number>): Diagnostic[] {
  const left = new Map(remove);
  return list.filter((d) => {
    const k = identity(d);
    const n = left.get(k) ?? 0;
    if (n > 0) {
      left.set(k, n - 1);
      return false;
    }
    return true;
  });
}
