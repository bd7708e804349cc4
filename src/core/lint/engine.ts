/**
 * The rule engine: one walk of the resolved model runs every active rule. Severity comes from the
 * rule's meta unless `lint:` settings override it; `// shotc-disable…` comments suppress reports.
 */
import { diagnostic, lookupEntry, type Diagnostic, type Severity } from '../diagnostics/index.js';
import { promptCache, type RenderedPrompt } from '../emit/prompt.js';
import type { Host } from '../host.js';
import type { ResolvedClip, ResolvedFile } from '../resolve/model.js';
import type { RuleSetting } from '../settings/schema.js';
import { closest } from '../syntax/keys.js';
import { fragmentsOf } from './fragments.js';
import { allRules } from './registry.js';
import { suppressions } from '../diagnostics/suppress.js';
import type { Rule, RuleContext, Visitor } from './types.js';

export interface LintOptions {
  /** Needed for slow rules (reference images); without it only fast rules run. */
  host?: Host;
  /** `fast` runs only the rules cheap enough for every keystroke. */
  speed?: 'fast' | 'all';
  /** Replace the registered rules (tests, embedding). */
  rules?: readonly Rule[];
  /** Rendered prompts to share (compile renders each clip's once for lint and emit). */
  prompts?: (clip: ResolvedClip) => RenderedPrompt;
}

interface Active {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

/** Run the fast rules synchronously (the language server calls this on every change). */
export function lintFast(file: ResolvedFile, options: Omit<LintOptions, 'speed' | 'host'> = {}): Diagnostic[] {
  const { active, diagnostics } = configure(file, options.rules ?? allRules(), 'fast');
  const prompts = options.prompts ?? promptCache();
  const visitors = active.map((a) => ({ a, v: a.rule.create(context(file, a, undefined, diagnostics, prompts)) }));
  walk(file, visitors.map((x) => x.v), false);
  return finish(file, diagnostics);
}

/** Run every rule (fast and, with a host, slow). */
export async function lint(file: ResolvedFile, options: LintOptions = {}): Promise<Diagnostic[]> {
  const speed = options.speed ?? 'all';
  const { active, diagnostics } = configure(file, options.rules ?? allRules(), options.host ? speed : 'fast');
  const prompts = options.prompts ?? promptCache();
  const visitors = active.map((a) => a.rule.create(context(file, a, options.host, diagnostics, prompts)));
  await walk(file, visitors, true);
  return finish(file, diagnostics);
}

function configure(file: ResolvedFile, rules: readonly Rule[], speed: 'fast' | 'all'): { active: Active[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const settings = file.settings.lint;
  const names = rules.map((r) => r.meta.rule);
  for (const { path, span, file: where } of file.settings.lintSpans) {
    const name = path[1]!;
    if (names.includes(name) || lookupEntry(name)) continue;
    const guess = closest(name, names, 3);
    diagnostics.push(
      diagnostic('SC801', span, guess ? `Unknown lint rule "${name}"; did you mean "${guess}"?` : `Unknown lint rule "${name}"; \`shotc explain\` lists the rules.`, {
        ...(where ? { file: where } : {}),
      }),
    );
  }
  const active: Active[] = [];
  for (const rule of rules) {
    if (speed === 'fast' && rule.meta.speed === 'slow') continue;
    const setting = (settings[rule.meta.rule] ?? settings[rule.meta.code]) as RuleSetting | undefined;
    const [sev, options] = Array.isArray(setting) ? setting : [setting, {}];
    if (sev === 'off') continue;
    active.push({ rule, severity: (sev as Severity | undefined) ?? rule.meta.severity, options: options ?? {} });
  }
  return { active, diagnostics };
}

function context(
  file: ResolvedFile,
  a: Active,
  host: Host | undefined,
  out: Diagnostic[],
  prompt: (clip: ResolvedClip) => RenderedPrompt,
): RuleContext {
  const allow = (file.settings.lint.allow ?? []).map((t) => t.toLowerCase());
  const patterns = (file.settings.lint.allowPatterns ?? []).flatMap((p) => {
    try {
      return [new RegExp(p, 'iu')];
    } catch {
      return [];
    }
  });
  return {
    file,
    source: file.source,
    options: a.options,
    host,
    prompt,
    isAllowed(text) {
      const t = text.toLowerCase().trim();
      return allow.some((x) => x === t || t.includes(x) || x.includes(t)) || patterns.some((p) => p.test(text));
    },
    report(r) {
      const d: Diagnostic = { code: a.rule.meta.code, rule: a.rule.meta.rule, severity: r.severity ?? a.severity, message: r.message, span: r.span };
      // A rule that reports its own severity (e.g. "error when confident") is still capped by config.
      if (r.severity && a.severity !== a.rule.meta.severity) d.severity = a.severity;
      if (r.file !== undefined) d.file = r.file;
      if (r.related?.length) d.related = r.related;
      if (r.fixes?.length) d.fixes = r.fixes;
      if (r.tags?.length) d.tags = r.tags;
      out.push(d);
    },
  };
}

function walk(file: ResolvedFile, visitors: readonly Visitor[], allowAsync: true): Promise<void>;
function walk(file: ResolvedFile, visitors: readonly Visitor[], allowAsync: false): void;
function walk(file: ResolvedFile, visitors: readonly Visitor[], allowAsync: boolean): Promise<void> | void {
  const pending: Promise<void>[] = [];
  const call = (r: void | Promise<void>): void => {
    if (r && allowAsync) pending.push(r);
  };
  // Each node kind is offered only to the visitors that handle it (in rule order, as before).
  const onClip = visitors.filter((v) => v.clip);
  const onShot = visitors.filter((v) => v.shot);
  const onReference = visitors.filter((v) => v.reference);
  const onText = visitors.filter((v) => v.text);
  for (const v of visitors) if (v.file) call(v.file(file));
  for (const clip of file.clips) {
    for (const v of onClip) call(v.clip!(clip));
    if (onShot.length) for (const shot of clip.shots) for (const v of onShot) v.shot!(shot, clip);
    if (onReference.length) for (const ref of clip.references) for (const v of onReference) call(v.reference!(ref, clip));
  }
  for (const member of file.cast.values()) for (const v of visitors) v.castMember?.(member);
  if (onText.length) {
    for (const f of fragmentsOf(file)) for (const v of onText) v.text!(f);
  }
  if (!allowAsync) {
    for (const v of visitors) v.end?.();
    return;
  }
  return Promise.all(pending).then(async () => {
    await Promise.all(visitors.map((v) => v.end?.()));
  });
}

function finish(file: ResolvedFile, diagnostics: Diagnostic[]): Diagnostic[] {
  const { isSuppressed, problems } = suppressions(file);
  // A setting shared by several clips (a front-matter size, say) is checked once per clip; the
  // same finding at the same place is said once.
  const seen = new Set<string>();
  const kept = diagnostics.filter((d) => {
    if (d.file === undefined && isSuppressed(d)) return false;
    const key = `${d.code}\u0000${d.file ?? ''}\u0000${d.span.start}\u0000${d.span.end}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...kept, ...problems];
}
