/**
 * The whole pipeline for one file: parse → resolve → lint → emit. Browser-safe: all IO goes
 * through the `Host` (config file, reference images).
 */
import { compareDiagnostics, toRecord, type Diagnostic } from './diagnostics/index.js';
import { emitClips } from './emit/emit.js';
import { promptCache } from './emit/prompt.js';
import type { Plan } from './emit/plan.js';
import { parseYaml } from './frontmatter/yaml.js';
import type { Host } from './host.js';
import type { ResolvedFile } from './resolve/model.js';
import { resolve } from './resolve/resolve.js';
import type { CliOverrides } from './resolve/settings.js';
import { SourceFile } from './source/index.js';
import { parse } from './syntax/parse.js';
import { DEFAULT_TARGET, targets as builtInTargets, type Target } from './targets/index.js';
import * as P from './util/path.js';

export const CONFIG_FILE = 'shotc.yaml';

export interface CompileOptions extends CliOverrides {
  /** Display name and path of the file (relative to the host's cwd, or absolute). */
  filename?: string;
  /** Reads shotc.yaml and reference images; without it neither is read. */
  host?: Host;
  /** The project config; by default found by walking up from the file (needs a host). */
  config?: { path: string; text: string } | null;
  /** Reference images must stay inside this directory (default: the config's, else the file's). */
  projectRoot?: string;
  /** Run the lint rules (default true); syntax and resolution diagnostics are always reported. */
  lint?: boolean;
  targets?: readonly Target[];
}

export interface CompileResult {
  plan: Plan;
  resolved: ResolvedFile;
  /** Every diagnostic, sorted. */
  diagnostics: Diagnostic[];
  /** The files diagnostics may point into (the .shot file and shotc.yaml), by name. */
  sources: Map<string, SourceFile>;
}

/** The lint engine, once loaded (each `import()` still goes through the module loader's lookups). */
let linter: Promise<typeof import('./lint/engine.js')> | undefined;

export async function compile(text: string, options: CompileOptions = {}): Promise<CompileResult> {
  const filename = options.filename ?? '<input>';
  const source = new SourceFile(text, filename);
  const parsed = parse(source);
  const host = options.host;
  const absolute = host?.cwd ? P.resolve(host.cwd(), filename) : filename;
  const directory = P.dirname(absolute);
  const config = options.config !== undefined ? options.config : host ? await findConfig(host, directory) : null;
  const configSource = config ? new SourceFile(config.text, config.path) : null;
  const projectRoot = options.projectRoot ?? (config ? P.dirname(P.resolve(host?.cwd?.() ?? '/', config.path)) : directory);
  const targets = options.targets ?? builtInTargets;
  const resolved = resolve({
    parsed,
    config: config && configSource ? { path: config.path, source: configSource, yaml: parseYaml(config.text, 0) } : null,
    cli: options,
    directory,
    projectRoot,
    targets,
    defaultTarget: DEFAULT_TARGET,
  });
  const diagnostics = [...resolved.diagnostics];
  // Each clip's prompt is rendered once, for lint and emit.
  const prompts = promptCache();
  // The rules (and their lexicons) load only when they run: `compile --no-lint` never reads them.
  if (options.lint !== false) {
    const { lint } = await (linter ??= import('./lint/engine.js'));
    diagnostics.push(...(await lint(resolved, host ? { host, prompts } : { prompts })));
  }
  const clips = await emitClips(resolved, host, diagnostics, prompts);
  diagnostics.sort(compareDiagnostics);
  const sources = new Map<string, SourceFile>([[source.name, source]]);
  if (configSource) sources.set(configSource.name, configSource);
  const records = diagnostics.map((d) => toRecord(d, source, (n) => sources.get(n)));
  const plan: Plan = {
    file: filename,
    title: resolved.settings.title ?? P.basename(filename).replace(/\.shot$/, ''),
    target: resolved.target.id,
    clips,
    diagnostics: records,
    estimate: {
      seconds: clips.reduce((a, c) => a + c.estimate.seconds, 0),
      usd: clips.every((c) => c.estimate.usd !== null) ? round(clips.reduce((a, c) => a + (c.estimate.usd ?? 0), 0)) : null,
    },
  };
  return { plan, resolved, diagnostics, sources };
}

function round(usd: number): number {
  return Math.round(usd * 10000) / 10000;
}

/** The nearest shotc.yaml walking up from `dir`. */
export async function findConfig(host: Host, dir: string): Promise<{ path: string; text: string } | null> {
  let d = dir;
  for (;;) {
    const path = P.join(d, CONFIG_FILE);
    const bytes = await host.readFile(path).catch(() => null);
    if (bytes) return { path, text: new TextDecoder().decode(bytes) };
    const up = P.dirname(d);
    if (up === d || d === '.' || d === '') return null;
    d = up;
  }
}
