/** The diagnostic documentation shipped in spec/diagnostics.md, found next to the package. */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest directory above this module with shotc's package.json. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && existsSync(path.join(dir, 'spec'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

let cached: Map<string, string> | undefined;

/** Every `## SCnnn` section of spec/diagnostics.md, by code. */
export async function diagnosticDocs(): Promise<Map<string, string>> {
  if (cached) return cached;
  const text = await fs.readFile(path.join(packageRoot(), 'spec', 'diagnostics.md'), 'utf8').catch(() => '');
  cached = splitDocs(text);
  return cached;
}

export function splitDocs(text: string): Map<string, string> {
  const docs = new Map<string, string>();
  const parts = text.split(/^(?=## SC\d{3}\b)/m);
  for (const part of parts) {
    const m = /^## (SC\d{3})\b/.exec(part);
    if (m) docs.set(m[1]!, part.trimEnd() + '\n');
  }
  return docs;
}

export async function docFor(code: string): Promise<string | undefined> {
  return (await diagnosticDocs()).get(code.toUpperCase());
}
