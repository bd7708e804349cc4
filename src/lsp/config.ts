/**
 * Finding each document's shotc.yaml. The nearest one walking up from the file wins, as in
 * `shotc compile`. Lookups are cached per directory until a shotc.yaml is created, changed or
 * deleted (watched-file events) or edited in the editor (its buffer then overrides the disk).
 */
import { readFileSync, statSync } from 'node:fs';
import { CONFIG_FILE } from '../core/compile.js';
import { parseYaml } from '../core/frontmatter/yaml.js';
import { SourceFile } from '../core/source/index.js';
import * as P from '../core/util/path.js';
import { pathToUri } from './convert.js';
import type { ProjectConfig } from './state.js';

export function isConfigPath(path: string | null): boolean {
  return path !== null && P.basename(path) === CONFIG_FILE;
}

export class ConfigCache {
  /** Bumped whenever any config may have changed; document states from older generations are stale. */
  generation = 0;
  private readonly nearest = new Map<string, string | null>();
  private readonly loaded = new Map<string, ProjectConfig | null>();
  private readonly buffers = new Map<string, string>();

  /** The config that applies to files in `dir` (absolute), or null. */
  forDirectory(dir: string): ProjectConfig | null {
    let path = this.nearest.get(dir);
    if (path === undefined) {
      path = this.find(dir);
      this.nearest.set(dir, path);
    }
    return path === null ? null : this.load(path);
  }

  /** The editor's text of an open shotc.yaml (null when closed: the disk is read again). */
  setBuffer(path: string, text: string | null): void {
    if (text === null) this.buffers.delete(path);
    else this.buffers.set(path, text);
    this.invalidate();
  }

  invalidate(): void {
    this.nearest.clear();
    this.loaded.clear();
    this.generation++;
  }

  private find(dir: string): string | null {
    let d = dir;
    for (;;) {
      const candidate = P.join(d, CONFIG_FILE);
      if (this.buffers.has(candidate) || isFile(candidate)) return candidate;
      const up = P.dirname(d);
      if (up === d || d === '.' || d === '') return null;
      d = up;
    }
  }

  private load(path: string): ProjectConfig | null {
    if (this.loaded.has(path)) return this.loaded.get(path)!;
    let text = this.buffers.get(path);
    if (text === undefined) {
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        text = undefined;
      }
    }
    const config = text === undefined ? null : { path, uri: pathToUri(path), source: new SourceFile(text, path), yaml: parseYaml(text, 0) };
    this.loaded.set(path, config);
    return config;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
