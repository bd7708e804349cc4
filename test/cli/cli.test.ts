import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { PlanSchema } from '../../src/index.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();
const GOOD = '---\ntitle: Rain\nsize: 1280x720\n---\nStyle: 16 mm documentary.\nCLIP a 4s\n  0.00–4.00 — "Rain" (35 mm, locked off)\n    Rain on a tin roof.\n';

function file(dir: string, name: string, text: string): string {
  const p = path.join(dir, name);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}

describe('shotc', () => {
  it('prints the commands with --help and exits 0; with no command it exits 2', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['compile', 'lint', 'fmt', 'parse', 'explain', 'targets']) expect(help.stdout).toContain(c);
    expect((await runCli([])).code).toBe(2);
  });

  it.each(['compile', 'lint', 'fmt', 'parse', 'explain', 'targets'])('%s --help prints usage and options', async (cmd) => {
    const r = await runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: shotc ${cmd}`));
    expect(r.stdout).toContain('--help');
  });

  it('names an unknown command and suggests one, exit 2', async () => {
    const r = await runCli(['compil']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "compil"; did you mean "compile"?');
  });

  it('reports an unknown option without a stack trace, exit 2', async () => {
    const r = await runCli(['compile', '--fromat', 'json', 'x.shot']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('shotc compile: unknown option --fromat; did you mean --format?');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect((await runCli(['fmt', '--zzzz', 'x.shot'])).stderr).toContain('shotc fmt: unknown option --zzzz\n');
  });
});

describe('shotc compile', () => {
  it('prints the plan as JSON that validates against the plan schema, exit 0', async () => {
    const dir = tmp();
    const f = file(dir, 'rain.shot', GOOD);
    const r = await runCli(['compile', f]);
    expect(r.code).toBe(0);
    const plan = PlanSchema.parse(JSON.parse(r.stdout));
    expect(plan.clips[0]!.request.body).toMatchObject({ model: 'sora-2', size: '1280x720', seconds: '4' });
    expect(r.stderr).toBe('');
  });

  it('loads what it needs on demand the same with and without the code cache (person detection, --out)', async () => {
    const dir = tmp();
    const f = file(dir, 'names.shot', 'Style: documentary.\n\nCLIP c 4s\n  Elvira Grimwald waves from the pier.\n');
    const runs = [];
    // The first run may write the cache, the second reads it; the third runs without it.
    for (const env of [{}, {}, { SHOTC_NO_CODE_CACHE: '1' }]) runs.push(await runCli(['compile', f, '--out', path.join(dir, 'out')], { env }));
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('"Elvira Grimwald" reads as a person\'s full name');
      expect(r.stdout).toContain('plan.json');
    }
  });

  it('writes its code cache only after a run that did the command\'s work, not after --help, a usage error or --no-lint', async () => {
    // A copy of the launcher and the quick bundle, so that the cache it writes beside itself is this test's alone.
    const dir = tmp();
    for (const f of ['bin/shotc.js', 'bin/package.json', 'dist/shotc-quick.cjs']) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      copyFileSync(path.join(ROOT, f), path.join(dir, f));
    }
    const cache = path.join(dir, 'node_modules', '.cache', 'shotc');
    const cached = (): string[] => (existsSync(cache) ? readdirSync(cache) : []);
    const env = { NODE_PATH: path.join(ROOT, 'node_modules'), XDG_CACHE_HOME: path.join(dir, 'home-cache') };
    const bin = path.join(dir, 'bin', 'shotc.js');
    const f = file(dir, 'rain.shot', GOOD);
    for (const args of [['compile', '--help'], ['compile', path.join(dir, 'missing.shot')], ['compile', '--no-lint', f]]) {
      expect((await runCli(args, { env, bin })).code, args.join(' ')).not.toBe(null);
      expect(cached(), args.join(' ')).toEqual([]);
    }
    const r = await runCli(['compile', f], { env, bin });
    expect(r.code).toBe(0);
    expect(cached()).toEqual([expect.stringMatching(/^compile-[0-9a-f]+-v[\d.]+-\w+\.bin$/)]);
    // The next run reads it and compiles the same plan.
    expect((await runCli(['compile', f], { env, bin })).stdout).toBe(r.stdout);
  });

  it('keeps non-ASCII text intact through the quick bundle, which is ASCII so that it can be read as Latin-1', async () => {
    const bundle = readFileSync(new URL('../../dist/shotc-quick.cjs', import.meta.url));
    expect(bundle.findIndex((byte) => byte > 0x7f)).toBe(-1);
    const dir = tmp();
    const r = await runCli(['compile', file(dir, 'cafe.shot', GOOD.replace('Rain on a tin roof.', 'Rain at the café — 180° “east” 東京.'))]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).clips[0].request.body.prompt).toContain('Rain at the café — 180° “east” 東京.');
  });

  it('prints an array for several files and YAML with --format yaml', async () => {
    const dir = tmp();
    const a = file(dir, 'a.shot', GOOD);
    const b = file(dir, 'b.shot', GOOD.replace('Rain', 'Snow'));
    const json = await runCli(['compile', a, b]);
    expect(JSON.parse(json.stdout)).toHaveLength(2);
    const yaml = await runCli(['compile', a, '--format', 'yaml']);
    expect(YAML.parse(yaml.stdout).title).toBe('Rain');
  });

  it('shows a readable summary with --format text', async () => {
    const dir = tmp();
    const r = await runCli(['compile', file(dir, 'rain.shot', GOOD), '--format', 'text']);
    expect(r.stdout).toContain('Rain');
    expect(r.stdout).toMatch(/a\s+create\s+sora-2\s+1280x720\s+4\s+\$0\.40/);
    expect(r.stdout).toMatch(/total\s+4\s+\$0\.40/);
  });

  it('exits 1 and prints a code frame for errors, on standard error', async () => {
    const dir = tmp();
    const f = file(dir, 'bad.shot', GOOD.replace('CLIP a 4s', 'CLIP a 10s'));
    const r = await runCli(['compile', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[SC401] limits/seconds');
    expect(r.stderr).toContain(`${f}:6:8`);
    expect(r.stderr).toContain('6 | CLIP a 10s');
    expect(r.stderr).toMatch(/\|\s{8}\^\^\^/);
    expect(r.stderr).toContain('= suggestion: Change the length to 12 s');
    expect(r.stderr).toContain('2 errors in 1 file');
    expect(r.stderr).not.toContain('\u001b[');
  });

  it('colours only when asked (FORCE_COLOR) and never with NO_COLOR', async () => {
    const dir = tmp();
    const f = file(dir, 'bad.shot', GOOD.replace('CLIP a 4s', 'CLIP a 10s'));
    const colour = await runCli(['compile', f], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(colour.stderr).toContain('\u001b[31m');
    const none = await runCli(['compile', f], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(none.stderr).not.toContain('\u001b[');
  });

  it('enforces --max-warnings as ESLint does', async () => {
    const dir = tmp();
    const f = file(dir, 'warn.shot', GOOD.replace('Style:', 'Stlye:'));
    expect((await runCli(['compile', f])).code).toBe(0);
    expect((await runCli(['compile', f, '--max-warnings', '0'])).code).toBe(1);
    expect((await runCli(['compile', f, '--max-warnings', 'lots'])).code).toBe(2);
  });

  it('writes plan.json and one request file per clip with --out', async () => {
    const dir = tmp();
    const f = file(dir, 'rain.shot', GOOD + 'CLIP b REMIX a\n  Change: snow.\n');
    const out = path.join(dir, 'build');
    const r = await runCli(['compile', f, '--out', out]);
    expect(r.code).toBe(0);
    expect(PlanSchema.parse(JSON.parse(readFileSync(path.join(out, 'plan.json'), 'utf8'))).clips).toHaveLength(2);
    expect(JSON.parse(readFileSync(path.join(out, 'b.request.json'), 'utf8'))).toMatchObject({ method: 'POST', path: '/videos/{video_id}/remix', dependsOn: ['a'] });
  });

  it('names the file and the cause when it cannot read it, exit 2', async () => {
    const r = await runCli(['compile', 'no/such/file.shot']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('shotc compile: cannot read no/such/file.shot: no such file\n');
  });

  it('compiles standard input with -', async () => {
    const r = await runCli(['compile', '-'], { input: GOOD });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).file).toBe('<stdin>');
  });
});

describe('shotc fmt', () => {
  const messy = '---\nsize: 1280x720\n---\nformat: 35mm.\nCLIP a sora-2 4s\n0-4 - Rain (35 mm)\n\tRain on a roof.\n';

  it('prints the canonical layout', async () => {
    const dir = tmp();
    const r = await runCli(['fmt', file(dir, 'a.shot', messy)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('---\nsize: 1280x720\n---\nFormat & Look: 35mm.\n\nCLIP a 4s sora-2\n  0.00–4.00 — "Rain" (35 mm)\n    Rain on a roof.\n');
  });

  it('--check exits 1 for an unformatted file and changes nothing; 0 when formatted', async () => {
    const dir = tmp();
    const f = file(dir, 'a.shot', messy);
    const r = await runCli(['fmt', '--check', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}: not formatted`);
    expect(readFileSync(f, 'utf8')).toBe(messy);
    await runCli(['fmt', '--write', f]);
    expect((await runCli(['fmt', '--check', f])).code).toBe(0);
  });

  it('--write rewrites only files that change, leaving no temp files behind', async () => {
    const dir = tmp();
    const f = file(dir, 'a.shot', messy);
    const r = await runCli(['fmt', '--write', f]);
    expect(r.code).toBe(0);
    expect(readFileSync(f, 'utf8')).toContain('CLIP a 4s sora-2');
    expect(readdirSync(dir)).toEqual(['a.shot']);
  });

  it('refuses --check with --write', async () => {
    expect((await runCli(['fmt', '--check', '--write', 'x.shot'])).code).toBe(2);
  });
});

describe('shotc parse, explain and targets', () => {
  it('parse prints the AST as JSON with diagnostics', async () => {
    const dir = tmp();
    const r = await runCli(['parse', file(dir, 'a.shot', GOOD), '--positions']);
    const out = JSON.parse(r.stdout);
    expect(out.ast.blocks[0].kind).toBe('Clip');
    expect(out.ast.blocks[0].name.span.loc).toBe('6:6-6:7');
  });

  it('explain lists every code, and explains one by code or by rule', async () => {
    const list = await runCli(['explain']);
    expect(list.stdout).toMatch(/SC401\s+limits\/seconds/);
    const one = await runCli(['explain', 'timing/gap']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('SC502');
    expect((await runCli(['explain', 'SC999'])).code).toBe(2);
  });

  it('explain suggests the rule meant by a misspelt one', async () => {
    const r = await runCli(['explain', 'craft/vauge']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('shotc explain: no diagnostic "craft/vauge"; did you mean craft/vague? Run `shotc explain` for the list.\n');
    expect((await runCli(['explain', 'zzz'])).stderr).toBe('shotc explain: no diagnostic "zzz". Run `shotc explain` for the list.\n');
  });

  it('targets lists the models and prints one card', async () => {
    const all = await runCli(['targets']);
    expect(all.stdout).toContain('sora-2-pro');
    const card = await runCli(['targets', 'sora-2-pro']);
    expect(card.stdout).toContain('1792x1024');
    expect(card.stdout).toContain('$0.50/s');
  });
});

describe('files are never half-written', () => {
  it('leaves the source untouched when the command fails', async () => {
    const dir = tmp();
    const f = file(dir, 'a.shot', 'CLIP a 10s\n  Rain.\n');
    await runCli(['lint', f]);
    expect(readFileSync(f, 'utf8')).toBe('CLIP a 10s\n  Rain.\n');
    expect(existsSync(path.join(dir, 'a.shot'))).toBe(true);
  });
});
