/**
 * What the targets beyond Sora share: sizes as the APIs write them, target settings and where they
 * were written, a clip's images, sound, and the target findings the limits rules report.
 */
import type { Span } from '../source/index.js';
import type { ResolvedClip, ResolvedFile, Setting } from '../resolve/model.js';
import * as P from '../util/path.js';
import type { EmitImage, FindingRule, ModelCard, TargetFinding } from './types.js';

// ── sizes ─────────────────────────────────────────────────────────────────────────────────────

export function dims(size: string): [number, number] {
  const [w, h] = size.split('x').map(Number);
  return [w ?? 0, h ?? 0];
}

/** `1280x720` → `1280:720` (Runway's `ratio`). */
export function colonSize(size: string): string {
  return size.replace('x', ':');
}

/** `1280:720` → `1280x720`. */
export function xSize(ratio: string): string {
  return ratio.replace(':', 'x');
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The reduced aspect ratio: `1920x1080` → `16:9`. */
export function aspectOf(size: string): string {
  const [w, h] = dims(size);
  const g = gcd(w, h) || 1;
  return `${w / g}:${h / g}`;
}

/** The short side as a resolution name: `1920x1080` → `1080p`. */
export function resolutionOf(size: string): string {
  const [w, h] = dims(size);
  return `${Math.min(w, h)}p`;
}

/** `{ '1280x720': v, … }` for a list of sizes. */
export function bySize<T>(sizes: readonly string[], value: T | ((size: string) => T)): Record<string, T> {
  return Object.fromEntries(sizes.map((s) => [s, typeof value === 'function' ? (value as (s: string) => T)(s) : value]));
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

// ── settings ──────────────────────────────────────────────────────────────────────────────────

export function setting<T>(file: ResolvedFile, key: string): Setting<T> | undefined {
  return file.settings.extras[key] as Setting<T> | undefined;
}

export function value<T>(file: ResolvedFile, key: string): T | undefined {
  return setting<T>(file, key)?.value;
}

/** Where a setting was written, for a finding about it (the file's start when it has no span). */
export function where(file: ResolvedFile, key: string): { span: Span; file?: string } {
  const s = setting(file, key);
  const span = s?.span ?? { start: 0, end: 0 };
  return s?.file ? { span, file: s.file } : { span };
}

/** Whether the model uses a target setting (a card without `settings` uses them all). */
export function uses(card: ModelCard | undefined, key: string): boolean {
  return !card?.settings || card.settings.includes(key);
}

/** A setting's value when the clip's model uses it. */
export function used<T>(file: ResolvedFile, clip: ResolvedClip, key: string): T | undefined {
  return uses(clip.card, key) ? value<T>(file, key) : undefined;
}

/** A path written in a setting, relative to the `.shot` file's directory (shotc.yaml paths are relative to it). */
export function settingPath(file: ResolvedFile, s: Setting<unknown>, written: string): string {
  if (!s.file || P.isAbsolute(written)) return written;
  const absolute = P.resolve(P.dirname(P.resolve(file.directory, s.file)), written);
  return P.relative(file.directory, absolute);
}

/** The reference images a target setting lists (`references:`), as images a request sends. */
export function settingImages(file: ResolvedFile, key: string, role: (entry: unknown) => EmitImage['role'] = () => 'asset'): EmitImage[] {
  const s = setting<unknown[]>(file, key);
  if (!s) return [];
  const at = where(file, key);
  return s.value.map((entry) => ({ role: role(entry), path: settingPath(file, s, typeof entry === 'string' ? entry : (entry as { path: string }).path), at }));
}

// ── clips ─────────────────────────────────────────────────────────────────────────────────────

/** A new clip's first-frame and last-frame images (its first and second `Reference:` lines). */
export function frames(clip: ResolvedClip): { first: string | null; last: string | null } {
  if (clip.kind !== 'create') return { first: null, last: null };
  const [a, b] = clip.references;
  return { first: a?.path.text || null, last: b?.path.text || null };
}

/** Whether the clip asks for sound: dialogue, a Sound section or a shot's Sound line. */
export function wantsSound(clip: ResolvedClip): boolean {
  if (clip.dialogue.length || clip.sections.some((s) => s.id === 'sound')) return true;
  return clip.shots.some((shot) => shot.items.some((i) => i.kind === 'Dialogue' || (i.kind === 'ShotKey' && i.key.text.toLowerCase() === 'sound')));
}

/** Whether the clip's request makes sound: the model has audio and the target's `audio` setting is not false. */
export function audioOn(file: ResolvedFile, clip: ResolvedClip): boolean {
  return (clip.card?.features.audio ?? false) && used<boolean>(file, clip, 'audio') !== false;
}

// ── findings ──────────────────────────────────────────────────────────────────────────────────

const findings = new WeakMap<ResolvedFile, readonly TargetFinding[]>();

/** The target's own findings for one limits rule (the review runs once per file). */
export function findingsFor(file: ResolvedFile, rule: FindingRule): TargetFinding[] {
  let all = findings.get(file);
  if (!all) {
    all = file.target.review?.(file) ?? [];
    findings.set(file, all);
  }
  return all.filter((f) => f.rule === rule);
}

/** Collects findings, at most once per rule, place and message. */
export class Findings {
  readonly list: TargetFinding[] = [];
  private readonly seen = new Set<string>();

  add(rule: FindingRule, at: { span: Span; file?: string }, message: string, extra: Partial<Pick<TargetFinding, 'severity' | 'fixes'>> = {}): void {
    const key = `${rule}|${at.file ?? ''}|${at.span.start}|${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ rule, span: at.span, ...(at.file ? { file: at.file } : {}), message, ...extra });
  }
}

/** Where to report something about a clip: its name. */
export function clipAt(clip: ResolvedClip): { span: Span } {
  return { span: clip.node.name?.span ?? clip.node.span };
}
