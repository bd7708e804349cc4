import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the core is pure and browser-safe', () => {
  const core = files(path.join(ROOT, 'src', 'core'));

  it('no core module imports node:, or the CLI, LSP, render or emulator layers', () => {
    const offenders: string[] = [];
    for (const f of core) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)) {
        const spec = m[1]!;
        if (spec.startsWith('node:') || /^(fs|path|os|child_process|crypto|http|https|url|util|stream)$/.test(spec)) offenders.push(`${path.relative(ROOT, f)} imports ${spec}`);
        if (/\/(cli|lsp|render|emulator|node|preview)\//.test(spec)) offenders.push(`${path.relative(ROOT, f)} imports ${spec}`);
      }
      if (/\bprocess\.|\bBuffer\b|\brequire\(/.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))) offenders.push(`${path.relative(ROOT, f)} uses a Node global`);
    }
    expect(offenders).toEqual([]);
  });

  it('bundles for the browser platform and compiles a file in a context without Node globals', async () => {
    const result = await build({
      entryPoints: [path.join(ROOT, 'src', 'index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'shotc',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    // What a browser (or a worker) provides: `self`, text codecs, console — and no `process`.
    const sandbox: Record<string, unknown> = { TextEncoder, TextDecoder, console };
    sandbox['self'] = sandbox;
    vm.createContext(sandbox);
    vm.runInContext(`${code}\nglobalThis.shotc = shotc;`, sandbox);
    const lib = sandbox['shotc'] as typeof import('../../src/index.js');
    const sample = readFileSync(path.join(ROOT, 'examples', 'platform.shot'), 'utf8');
    const out = await vm.runInContext('(lib, text) => lib.compile(text, { filename: "platform.shot", host: lib.memoryHost({}) })', sandbox)(lib, sample);
    expect(out.plan.clips.map((c: { name: string }) => c.name)).toEqual(['arrival', 'arrival-dusk']);
    expect(out.plan.diagnostics).toEqual([]);
    expect(vm.runInContext('typeof process', sandbox)).toBe('undefined');
  });
});
