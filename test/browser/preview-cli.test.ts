/**
 * `shotc preview` as a command: its help, its errors, where it writes, what it inlines, and
 * `--open` with and without an opener — the real CLI in a real process on real files.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { makeImage } from '../helpers/images.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();

function project(): string {
  const dir = tmp();
  copyFileSync(path.join(ROOT, 'examples', 'platform.shot'), path.join(dir, 'platform.shot'));
  return dir;
}

describe('shotc preview', { timeout: 60_000 }, () => {
  it('explains itself with --help', async () => {
    const r = await runCli(['preview', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: shotc preview FILE \[--out FILE\.html\] \[--open\]\n/);
    for (const flag of ['--out FILE', '--render-dir DIR', '--open', '--quiet']) expect(r.stdout).toContain(flag);
  });

  it('is listed among the commands', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/\n {2}preview +Write the storyboard/);
  });

  it('says which file it cannot read, without a stack trace', async () => {
    const dir = tmp();
    const r = await runCli(['preview', 'missing.shot'], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'shotc preview: cannot read missing.shot: no such file\n' });
  });

  it('refuses to write over a .shot source', async () => {
    const dir = project();
    const before = readFileSync(path.join(dir, 'platform.shot'), 'utf8');
    const r = await runCli(['preview', 'platform.shot', '--out', 'platform.shot'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out platform.shot would overwrite a .shot source; give an .html file');
    expect(readFileSync(path.join(dir, 'platform.shot'), 'utf8')).toBe(before);
  });

  it('prints the page to standard output with --out - and writes nothing', async () => {
    const dir = project();
    const r = await runCli(['preview', 'platform.shot', '--out', '-'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(r.stdout.trimEnd().endsWith('</html>')).toBe(true);
    expect(existsSync(path.join(dir, 'platform.storyboard.html'))).toBe(false);
  });

  it('writes the page even when the file has errors, shows them on it, and exits 1', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'broken.shot'), 'Style: noir.\nCLIP long 10s\n  Scene: rain on the window.\n');
    const r = await runCli(['preview', 'broken.shot'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[SC401] limits/seconds');
    expect(r.stdout).toBe('wrote broken.storyboard.html\n');
    const html = readFileSync(path.join(dir, 'broken.storyboard.html'), 'utf8');
    expect(html).toContain('<li class="diag diag-error" data-code="SC401" data-severity="error">');
    expect(html).toContain('CLIP long <mark>10s</mark>');
  });

  it('inlines each clip’s reference frame, and says when one cannot be read', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'frames'));
    const png = await makeImage('png', 1280, 720);
    writeFileSync(path.join(dir, 'frames', 'first.png'), png);
    writeFileSync(
      path.join(dir, 'refs.shot'),
      '---\nsize: 1280x720\n---\nStyle: noir.\nCLIP a 4s\n  Reference: frames/first.png\n  Scene: a street.\nCLIP b 4s\n  Reference: frames/gone.png\n  Scene: a door.\n',
    );
    await runCli(['preview', 'refs.shot'], { cwd: dir });
    const html = readFileSync(path.join(dir, 'refs.storyboard.html'), 'utf8');
    expect(html).toContain(`<img src="data:image/png;base64,${Buffer.from(png).toString('base64')}" alt="Reference frame frames/first.png" width="1280" height="720">`);
    expect(html).toContain('First frame: <code>frames/first.png</code> (1280×720)');
    expect(html).toContain('Reference <code>frames/gone.png</code>: not found.');
  });

  it('opens the page with the platform opener when asked', async () => {
    const dir = project();
    const bin = path.join(dir, 'bin');
    mkdirSync(bin);
    const record = path.join(dir, 'opened.txt');
    writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${record}'\n`);
    chmodSync(path.join(bin, 'xdg-open'), 0o755);
    const r = await runCli(['preview', 'platform.shot', '--open'], { cwd: dir, env: { PATH: `${bin}:/usr/bin:/bin` } });
    expect(r).toMatchObject({ code: 0, stdout: 'wrote platform.storyboard.html\nopened platform.storyboard.html with xdg-open\n' });
    expect(readFileSync(record, 'utf8')).toBe(path.join(dir, 'platform.storyboard.html'));
  });

  it('says so when there is no opener, and keeps the page', async () => {
    const dir = project();
    const r = await runCli(['preview', 'platform.shot', '--open'], { cwd: dir, env: { PATH: path.join(dir, 'nowhere') } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('shotc preview: could not open platform.storyboard.html (xdg-open is not installed); open it in a browser yourself.\n');
    expect(existsSync(path.join(dir, 'platform.storyboard.html'))).toBe(true);
  });
});
