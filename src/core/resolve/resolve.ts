/**
 * From AST to the resolved model: settings layered and validated, the target chosen, looks
 * inherited and overridden section by section, cast members found in the clips they appear in,
 * each clip's kind, source, model, seconds and size decided (with where each came from).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { suppressions } from '../diagnostics/suppress.js';
import { parseYaml, type ParsedYaml } from '../frontmatter/yaml.js';
import type { SourceFile, Span } from '../source/index.js';
import type * as A from '../syntax/ast.js';
import { closest, normalizeKey, SECTIONS, sectionById, type SectionId } from '../syntax/keys.js';
import type { ParseResult } from '../syntax/parse.js';
import { attribute, castBlocksOf, clipsOf, itemsOfKind, looksOf, sectionsOf, shotsOf, sourceOf } from '../syntax/query.js';
import { findModel, type Target } from '../targets/types.js';
import { indexOfWord } from '../util/chars.js';
import type {
  CastMember,
  ClipKind,
  ClipSource,
  Fragment,
  ResolvedClip,
  ResolvedFile,
  ResolvedSection,
  SectionOrigin,
  Setting,
  Size,
} from './model.js';
import { mergeSettings, pick, validateLayer, type CliOverrides, type LayerValues, type SettingsLayer } from './settings.js';

export interface ResolveInput {
  parsed: ParseResult;
  config: { path: string; source: SourceFile; yaml: ParsedYaml } | null;
  cli?: CliOverrides;
  /** Directory of the file (reference paths are relative to it). */
  directory: string;
  projectRoot: string;
  targets: readonly Target[];
  defaultTarget: string;
}

const SECTION_ORDER = new Map<SectionId, number>(SECTIONS.map((s, i) => [s.id, i]));

export function resolve(input: ResolveInput): ResolvedFile {
  const { parsed } = input;
  const { ast, source } = parsed;
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];

  // ── settings ──
  const layers: SettingsLayer[] = [];
  if (ast.frontMatter) {
    const fm = ast.frontMatter;
    const yaml = parseYaml(fm.yaml.text, fm.yaml.span.start);
    for (const e of yaml.errors) diagnostics.push(diagnostic('SC104', e.span, `Front matter: ${e.message}.`, e.warning ? { severity: 'warning' } : {}));
    layers.push({ origin: 'front matter', yaml, fallback: { start: fm.span.start, end: fm.span.start + 3 } });
  }
  if (input.config) {
    const { yaml, path } = input.config;
    for (const e of yaml.errors) diagnostics.push(diagnostic('SC203', e.span, `${path}: ${e.message}.`, { file: path }));
    layers.push({ origin: 'config', file: path, yaml, fallback: { start: 0, end: 0 } });
  }
  const targetSetting = chooseTarget(input, layers, diagnostics);
  const target = input.targets.find((t) => t.id === targetSetting.value)!;
  const values: LayerValues[] = layers.map((layer) => ({ layer, values: validateLayer(layer, target, diagnostics) }));
  const settings = mergeSettings(values, target, targetSetting);
  if (input.cli?.budget !== undefined) settings.budget = { value: input.cli.budget, origin: 'cli', span: null };

  // ── names ──
  const cast = new Map<string, CastMember>();
  for (const block of castBlocksOf(ast)) {
    for (const entry of itemsOfKind(block.items, 'CastEntry')) {
      const prev = cast.get(entry.name.text);
      if (prev) {
        diagnostics.push(duplicate('character', entry.name, prev.entry.name));
        continue;
      }
      cast.set(entry.name.text, { name: entry.name.text, description: { text: entry.description.text, span: entry.description.span }, entry });
    }
  }
  const looks = new Map<string, A.LookBlock>();
  for (const look of looksOf(ast)) {
    if (!look.name) continue;
    const prev = looks.get(look.name.text);
    if (prev?.name) diagnostics.push(duplicate('look', look.name, prev.name));
    else looks.set(look.name.text, look);
  }

  const globalSections = mergeBlock(ast.items, { kind: 'global' });
  const file: ResolvedFile = {
    source,
    ast,
    config: input.config ? { path: input.config.path, source: input.config.source } : null,
    projectRoot: input.projectRoot,
    directory: input.directory,
    settings,
    target,
    cast,
    looks,
    clips: [],
    clipByName: new Map(),
    diagnostics,
  };

  const defaults = {
    model: input.cli?.model !== undefined ? cliSetting(input.cli.model) : (pick<string>(values, 'model') ?? defaultSetting(target.defaultModel)),
    size: input.cli?.size !== undefined ? cliSetting(input.cli.size) : (pick<string>(values, 'size') ?? null),
    seconds: input.cli?.seconds !== undefined ? cliSetting(input.cli.seconds) : pick<number>(values, 'seconds'),
  };
  let reportedDefaultSize = false;
  const sizeWritten = layers.some((l) => l.yaml.data !== null && typeof l.yaml.data === 'object' && 'size' in (l.yaml.data as object));
  const defaultSize = toSize(defaults.size?.value ?? target.defaultSize);
  // Which cast members each section names: most clips share the look's sections.
  const castBySection = new Map<ResolvedSection, boolean[]>();
  const castMembers = [...cast.values()];

  clipsOf(ast).forEach((node, index) => {
    if (!node.name) return;
    const name = node.name.text;
    const prev = file.clipByName.get(name);
    if (prev) {
      diagnostics.push(duplicate('clip', node.name, prev.node.name!));
      return;
    }
    const src = sourceOf(node);
    const kind: ClipKind = src ? src.kind : 'create';
    const source = src ? resolveSource(src, node, file, diagnostics) : null;
    const from = source?.clip ?? null;

    const usingAttr = attribute(node, 'using');
    const lookBlock = usingAttr ? (looks.get(usingAttr.look.text) ?? null) : null;
    if (usingAttr && !lookBlock) {
      const guess = closest(usingAttr.look.text, [...looks.keys()], 2);
      diagnostics.push(
        diagnostic('SC301', usingAttr.look.span, guess ? `No LOOK named "${usingAttr.look.text}"; did you mean "${guess}"?` : `No LOOK named "${usingAttr.look.text}"; define it with a "LOOK ${usingAttr.look.text}" heading.`, {
          fixes: guess ? [{ title: `Use "${guess}"`, safe: true, edits: [{ span: usingAttr.look.span, newText: guess }] }] : [],
        }),
      );
    }
    let sections = globalSections;
    if (lookBlock?.name) sections = overlay(sections, mergeBlock(lookBlock.items, { kind: 'look', name: lookBlock.name.text }));
    sections = overlay(sections, mergeBlock(node.items, { kind: 'clip' }));

    const shots = shotsOf(node);
    const secondsAttr = attribute(node, 'seconds');
    const sizeAttr = attribute(node, 'size');
    const modelAttr = attribute(node, 'model');

    let seconds: Setting<number>;
    let size: Setting<Size>;
    let model: Setting<string>;
    if (from && kind !== 'extend') {
      // A remix or edit is as long as its source video, which for an extension is the whole chain.
      seconds = { ...from.seconds, value: videoLength(from), origin: 'source' };
    } else if (secondsAttr) {
      seconds = { value: secondsAttr.value, origin: 'clip', span: secondsAttr.span };
    } else if (shots.length) {
      const last = shots[shots.length - 1]!;
      seconds = { value: last.end.value, origin: 'shots', span: last.end.span };
    } else if (kind === 'create' && defaults.seconds) {
      seconds = defaults.seconds;
    } else {
      seconds = defaultSetting(target.defaultSeconds);
    }
    if (from) {
      size = { ...from.size, origin: 'source' };
      model = { ...from.model, origin: 'source' };
    } else {
      size = sizeAttr ? { value: toSize(sizeAttr.text), origin: 'clip', span: sizeAttr.span } : defaults.size ? { ...defaults.size, value: defaultSize } : defaultSetting(defaultSize);
      model = modelAttr ? { value: modelAttr.id, origin: 'clip', span: modelAttr.span } : defaults.model;
      // A size that was given but is invalid has its own error; the default is no news then.
      if (!sizeAttr && !defaults.size && !sizeWritten && kind === 'create' && !reportedDefaultSize) {
        reportedDefaultSize = true;
        diagnostics.push(
          diagnostic('SC204', node.name.span, `No size is given, so ${target.name} uses its default ${target.defaultSize}${isPortrait(target.defaultSize) ? ' (portrait)' : ''}. Say "size: 1280x720" in the front matter for landscape.`),
        );
      }
    }

    const resolved: ResolvedClip = {
      node,
      name,
      index,
      kind,
      source,
      model,
      card: findModel(target, model.value),
      seconds,
      size,
      look: usingAttr ? { name: usingAttr.look.text, span: usingAttr.look.span, block: lookBlock } : null,
      sections,
      cast: [],
      shots,
      prose: itemsOfKind(node.items, 'Prose'),
      dialogue: itemsOfKind(node.items, 'Dialogue'),
      changes: itemsOfKind(node.items, 'Change'),
      references: itemsOfKind(node.items, 'Reference'),
      dependsOn: from ? [from.name] : [],
    };
    resolved.cast = castIn(resolved, castMembers, castBySection);
    file.clips.push(resolved);
    file.clipByName.set(name, resolved);
  });
  // `// shotc-disable…` comments silence the parser's and resolver's warnings too (the lint
  // engine reports directives that name no rule).
  const { isSuppressed } = suppressions(file);
  file.diagnostics = diagnostics.filter((d) => d.file !== undefined || !isSuppressed(d));
  return file;
}

/** Seconds of the video a clip produces: an extension's video is its source plus the extension. */
export function videoLength(clip: ResolvedClip): number {
  let total = 0;
  const seen = new Set<ResolvedClip>();
  for (let c: ResolvedClip | null = clip; c && !seen.has(c); c = c.kind === 'extend' ? (c.source?.clip ?? null) : null) {
    seen.add(c);
    total += c.seconds.value;
  }
  return total;
}

/** The target a provider's or model family's name points to: `openai`, `google`, `gemini`, `kling`. */
function targetNamed(targets: readonly Target[], raw: string): string | undefined {
  const squash = (w: string): string => w.toLowerCase().replace(/[^a-z0-9]/g, '');
  const want = squash(raw);
  if (want.length < 3) return undefined;
  return targets.find((t) => [t.provider, ...t.name.split(/[\s(),]+/)].some((w) => squash(w) === want))?.id;
}

function chooseTarget(input: ResolveInput, layers: SettingsLayer[], out: Diagnostic[]): Setting<string> {
  const ids = input.targets.map((t) => t.id);
  if (input.cli?.target !== undefined) {
    // The CLI validates --target itself; an unknown one never reaches here.
    return cliSetting(input.cli.target);
  }
  for (const layer of layers) {
    const data = layer.yaml.data as Record<string, unknown> | null;
    const raw = data && typeof data === 'object' ? data['target'] : undefined;
    if (raw === undefined) continue;
    const span = pickSpan(layer, 'target');
    if (typeof raw === 'string' && ids.includes(raw)) {
      const s: Setting<string> = { value: raw, origin: layer.origin, span };
      if (layer.file) s.file = layer.file;
      return s;
    }
    const guess = typeof raw === 'string' ? (closest(raw, ids, Math.min(3, raw.length >> 1)) ?? targetNamed(input.targets, raw)) : undefined;
    out.push(
      diagnostic('SC205', span, `Unknown target ${JSON.stringify(raw)}${guess ? `; did you mean "${guess}"?` : '.'} Targets: ${ids.join(', ')}. Using ${input.defaultTarget}.`, {
        ...(layer.file ? { file: layer.file } : {}),
        fixes: guess ? [{ title: `Use "${guess}"`, safe: true, edits: [{ span, newText: guess }] }] : [],
      }),
    );
    break;
  }
  return defaultSetting(input.defaultTarget);
}

function pickSpan(layer: SettingsLayer, key: string): Span {
  const e = layer.yaml.entries.find((x) => x.path.length === 1 && x.path[0] === key);
  return e?.value ?? e?.key ?? layer.fallback;
}

function cliSetting<T>(value: T): Setting<T> {
  return { value, origin: 'cli', span: null };
}
function defaultSetting<T>(value: T): Setting<T> {
  return { value, origin: 'target default', span: null };
}

function toSize(text: string): Size {
  const [w, h] = text.split('x').map(Number);
  return { width: w ?? 0, height: h ?? 0, text };
}
function isPortrait(size: string): boolean {
  const s = toSize(size);
  return s.height > s.width;
}

function duplicate(what: string, name: A.Text, first: A.Text): Diagnostic {
  return diagnostic('SC302', name.span, `Another ${what} is already named "${name.text}"; rename one of them (names must be unique).`, {
    related: [{ message: `first ${what} named "${name.text}"`, span: first.span }],
  });
}

const VIDEO_ID = /^video_[A-Za-z0-9_-]+$/;

function resolveSource(src: Extract<A.ClipAttribute, { kind: 'remix' | 'extend' | 'edit' }>, node: A.ClipBlock, file: ResolvedFile, out: Diagnostic[]): ClipSource {
  const name = src.source.text;
  const base: ClipSource = { kind: src.kind, name, span: src.source.span, clip: null, videoId: null };
  if (VIDEO_ID.test(name)) return { ...base, videoId: name };
  if (name === node.name?.text) {
    out.push(diagnostic('SC303', src.source.span, `A clip cannot ${src.kind} itself; name the clip it continues from.`));
    return base;
  }
  const clip = file.clipByName.get(name);
  if (clip) return { ...base, clip };
  const later = clipsOf(file.ast).find((c) => c.name?.text === name && c.span.start > node.span.start);
  if (later?.name) {
    out.push(
      diagnostic('SC301', src.source.span, `"${name}" is defined after this clip; ${src.kind === 'remix' ? 'a' : 'an'} ${src.kind.toUpperCase()} must come after the clip it uses. Move CLIP ${name} above.`, {
        related: [{ message: `CLIP ${name} is here`, span: later.name.span }],
      }),
    );
    return base;
  }
  const guess = closest(name, [...file.clipByName.keys()], 2);
  out.push(
    diagnostic('SC301', src.source.span, guess ? `No clip named "${name}" above this one; did you mean "${guess}"?` : `No clip named "${name}" above this one. Name an earlier clip or a video id (video_…).`, {
      fixes: guess ? [{ title: `Use "${guess}"`, safe: true, edits: [{ span: src.source.span, newText: guess }] }] : [],
    }),
  );
  return base;
}

// ── look sections ──────────────────────────────────────────────────────────────────────────

function fragment(t: A.Text): Fragment {
  return { text: t.text, span: t.span };
}

/**
 * One block's sections, in canonical order, with repeats of a section combined (a different alias
 * becomes a sub-key). Prose outside any section at the top level or in a LOOK (reported as
 * syntax/stray-prose) is kept as scene text, so nothing written reaches no prompt.
 */
function mergeBlock(items: readonly A.Item[], origin: SectionOrigin): ResolvedSection[] {
  const out = mergeSections(sectionsOf(items), origin);
  if (origin.kind !== 'clip') {
    const prose = itemsOfKind(items, 'Prose').filter((p) => p.text.text);
    if (prose.length) {
      let scene = out.find((s) => s.id === 'scene');
      if (!scene) {
        // Without a Scene: of its own, a LOOK's loose prose adds to the inherited scene: a line
        // that only earns a warning must not silently replace the scene of every clip.
        scene = { id: 'scene', label: sectionById('scene').name, head: [], subs: [], origin, nodes: [], extends: true };
        out.push(scene);
      }
      scene.head.push(...prose.map((p) => fragment(p.text)));
    }
  }
  return out.sort((a, b) => order(a) - order(b));
}

function mergeSections(nodes: readonly A.Section[], origin: SectionOrigin): ResolvedSection[] {
  const byKey = new Map<string, ResolvedSection>();
  const out: ResolvedSection[] = [];
  for (const node of nodes) {
    const key = node.section ?? `?${normalizeKey(node.key.text)}`;
    const head: Fragment[] = [];
    if (node.value.text) head.push(fragment(node.value));
    const subs = [];
    for (const line of node.lines) {
      if (line.kind === 'Line') {
        if (line.text.text) head.push(fragment(line.text));
      } else subs.push({ label: line.label.text, text: line.value.text ? [fragment(line.value)] : [], origin });
    }
    const existing = byKey.get(key);
    if (!existing) {
      const s: ResolvedSection = { id: node.section, label: node.section ? sectionById(node.section).name : node.key.text, head, subs, origin, nodes: [node] };
      byKey.set(key, s);
      out.push(s);
      continue;
    }
    existing.nodes.push(node);
    const firstKey = normalizeKey(existing.nodes[0]!.key.text);
    if (normalizeKey(node.key.text) !== firstKey && head.length) {
      existing.subs.push({ label: node.key.text, text: head, origin });
    } else existing.head.push(...head);
    existing.subs.push(...subs);
  }
  return out;
}

/**
 * `over` overrides `base` section by section: a section with its own text replaces the inherited
 * one; a section with only sub-keys overrides those sub-keys one by one.
 */
function overlay(base: readonly ResolvedSection[], over: readonly ResolvedSection[]): ResolvedSection[] {
  if (over.length === 0) return [...base];
  // Both lists are in canonical order; the result is re-sorted below.
  const result = [...base];
  for (const s of over) {
    const i = result.findIndex((b) => (s.id !== null ? b.id === s.id : b.id === null && normalizeKey(b.label) === normalizeKey(s.label)));
    if (i === -1) {
      result.push(s);
      continue;
    }
    if (s.extends) {
      result[i] = { ...result[i]!, head: [...result[i]!.head, ...s.head], subs: [...result[i]!.subs, ...s.subs] };
      continue;
    }
    if (s.head.length) {
      result[i] = s;
      continue;
    }
    const merged: ResolvedSection = { ...result[i]!, subs: [...result[i]!.subs], nodes: [...result[i]!.nodes, ...s.nodes] };
    for (const sub of s.subs) {
      const j = merged.subs.findIndex((x) => normalizeKey(x.label) === normalizeKey(sub.label));
      if (j === -1) merged.subs.push(sub);
      else merged.subs[j] = sub;
    }
    result[i] = merged;
  }
  return result.sort((a, b) => order(a) - order(b));
}

function order(s: ResolvedSection): number {
  return s.id === null ? SECTIONS.length : SECTION_ORDER.get(s.id)!;
}

// ── cast ───────────────────────────────────────────────────────────────────────────────────

/** Every fragment of text a clip sends, for finding the characters it names. */
export function clipTexts(clip: ResolvedClip): string[] {
  const out: string[] = [];
  for (const s of sentSections(clip)) sectionTexts(s, out);
  return ownTexts(clip, out);
}

/** The texts a clip sends besides its sections', added to `out`. */
function ownTexts(clip: ResolvedClip, out: string[]): string[] {
  for (const p of clip.prose) out.push(p.text.text);
  for (const d of clip.dialogue) out.push(d.speaker.text, d.line.text);
  for (const c of clip.changes) out.push(c.text.text);
  for (const shot of clip.shots) {
    if (shot.title) out.push(shot.title.text);
    if (shot.camera) out.push(shot.camera.text);
    if (shot.trailing) out.push(shot.trailing.text);
    for (const item of shot.items) {
      if (item.kind === 'Prose') out.push(item.text.text);
      else if (item.kind === 'Dialogue') out.push(item.speaker.text, item.line.text);
      else out.push(item.value.text);
    }
  }
  return out;
}

/** The members `clipTexts(clip)` names, in cast order; what each section names is looked up once (`bySection`). */
function castIn(clip: ResolvedClip, cast: readonly CastMember[], bySection: Map<ResolvedSection, boolean[]>): CastMember[] {
  if (cast.length === 0) return [];
  const named = new Array<boolean>(cast.length).fill(false);
  for (const s of sentSections(clip)) {
    let inSection = bySection.get(s);
    if (!inSection) {
      const texts = sectionTexts(s, []);
      inSection = cast.map((m) => mentionedIn(texts, m.name));
      bySection.set(s, inSection);
    }
    for (let k = 0; k < cast.length; k++) if (inSection[k]) named[k] = true;
  }
  const texts = ownTexts(clip, []);
  const out: CastMember[] = [];
  for (let k = 0; k < cast.length; k++) if (named[k] || mentionedIn(texts, cast[k]!.name)) out.push(cast[k]!);
  return out;
}

/** The sections a clip sends: a REMIX or EDIT only its own; the inherited look is not in its prompt. */
function sentSections(clip: ResolvedClip): readonly ResolvedSection[] {
  return clip.kind === 'remix' || clip.kind === 'edit' ? clip.sections.filter((s) => s.origin.kind === 'clip') : clip.sections;
}

/** A section's texts, added to `out`. */
function sectionTexts(s: ResolvedSection, out: string[]): string[] {
  for (const f of s.head) out.push(f.text);
  for (const sub of s.subs) for (const f of sub.text) out.push(f.text);
  return out;
}

function mentionedIn(texts: readonly string[], name: string): boolean {
  const caps = name === name.toUpperCase();
  const needle = caps ? name : name.toLowerCase();
  for (let i = 0; i < texts.length; i++) if (holds(texts[i]!, needle, caps)) return true;
  return false;
}

/**
 * Whether `text` names `name` as a whole word: `MARA`, `MARA's` and `MARA’s` do, `MARAT` does not.
 * Names written in capitals match case-sensitively, so the word "Mara" in prose is not MARA.
 */
export function mentions(text: string, name: string): boolean {
  const caps = name === name.toUpperCase();
  return holds(text, caps ? name : name.toLowerCase(), caps);
}

/** `mentions` of the name `needle` (as is when `caps`, else in lower case). */
function holds(text: string, needle: string, caps: boolean): boolean {
  return indexOfWord(caps ? text : text.toLowerCase(), needle) !== -1;
}

