import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * The library as a user gets it: `npm pack`, installed into a fresh project, imported from ESM
 * and type-checked from TypeScript; the README's library example runs there unchanged.
 */
let project = '';
let packDir = '';

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

function readmeExample(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const m = /<!-- readme-example: library -->\s*```js\n([\s\S]*?)```/.exec(readme);
  if (!m) throw new Error('README has no library example');
  return m[1]!;
}

beforeAll(() => {
  packDir = mkdtempSync(path.join(os.tmpdir(), 'shotc-pack-'));
  project = mkdtempSync(path.join(os.tmpdir(), 'shotc-user-'));
  run('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir], ROOT);
  const tarball = path.join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz'))!);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module', dependencies: { shotc: `file:${tarball}` } }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], project);
}, 300_000);

afterAll(() => {
  rmSync(packDir, { recursive: true, force: true });
  rmSync(project, { recursive: true, force: true });
});

describe('the packed package in another project', () => {
  it('runs the README library example unchanged', () => {
    writeFileSync(path.join(project, 'example.mjs'), readmeExample());
    const out = run(process.execPath, ['example.mjs'], project).split('\n');
    expect(out[0]).toBe('1 0');
    expect(out).toContain('  0.00–4.00 — "Tin Roof"');
    expect(out).toContain('POST /videos 4 0.4');
    expect(out).toContain('true');
  });

  it('type-checks a TypeScript consumer of shotc and shotc/node', () => {
    writeFileSync(
      path.join(project, 'check.ts'),
      [
        "import { compile, parse, type Plan, type Diagnostic, type Ast } from 'shotc';",
        "import { compileFile } from 'shotc/node';",
        'const r = parse("CLIP a 4s\\n  Rain.\\n");',
        'const first: Ast.Block | undefined = r.ast.blocks[0];',
        'const d: Diagnostic[] = r.diagnostics;',
        'export async function f(): Promise<Plan> { return (await compile("")).plan; }',
        'export const g: typeof compileFile = compileFile;',
        'export { first, d };',
        '// @ts-expect-error the plan is typed: no such field',
        'export const h = async () => (await compile("")).plan.nope;',
      ].join('\n'),
    );
    writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck: true, types: [] }, files: ['check.ts'] }));
    expect(() => run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], project)).not.toThrow();
  });

  it('installs the shotc command', () => {
    expect(run(process.execPath, ['node_modules/shotc/bin/shotc.js', '--version'], project).trim()).toMatch(/^shotc \d+\.\d+\.\d+$/);
    writeFileSync(path.join(project, 'rain.shot'), '---\nsize: 1280x720\n---\nCLIP rain 4s\n  Rain on a tin roof.\n');
    const plan = JSON.parse(run(process.execPath, ['node_modules/shotc/bin/shotc.js', 'compile', 'rain.shot'], project));
    expect(plan.clips[0].request.body).toMatchObject({ seconds: '4', size: '1280x720' });
  });
});
