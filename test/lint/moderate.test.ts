/**
 * `shotc lint --moderate` against the local emulator's `POST /v1/moderations`, through the real
 * openai SDK over HTTP: flagged clips become guardrail/under-18 diagnostics; a clean clip sends
 * nothing back; an unreachable endpoint is an IO error naming the clip.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { runCli } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';

const tmp = useTmpDir();
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, latencyMs: 10, apiKey: 'sk-test-moderate' });
});
afterAll(async () => {
  await emulator?.close();
});

const SOURCE = `Style: documentary realism, 35 mm.

CLIP calm 4s 1280x720
  A quiet lake at dawn.

CLIP grim 4s 1280x720
  // the local rules would say this too; silence them to see the moderation endpoint's verdict alone
  // shotc-disable-next-line guardrail/under-18
  A naked man walks through gore.
`;

describe('shotc lint --moderate', () => {
  it('sends each clip to the moderation endpoint and reports what it flags on the clip', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'scene.shot'), SOURCE);
    const before = emulator.stats().moderations;
    const r = await runCli(['lint', 'scene.shot', '--moderate', '--base-url', emulator.url, '--format', 'json'], { cwd: dir, env: { OPENAI_API_KEY: 'sk-test-moderate' } });
    expect(r.stderr).toBe('');
    expect(emulator.stats().moderations - before).toBe(2);
    const records = JSON.parse(r.stdout) as Array<{ code: string; rule: string; severity: string; message: string; range: { start: { line: number; column: number } } }>;
    expect(records.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.column])).toEqual([['SC704', 'error', 6, 6]]);
    expect(records[0]!.message).toBe('OpenAI moderation (omni-moderation-latest) flagged the prompt of "grim": sexual (0.92), violence/graphic (0.92). The video API would likely refuse it; make the content suitable for under-18 audiences.');
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toContain('sk-test-moderate');
  });

  it('needs an API key, and names the clip and the cause when the endpoint cannot be reached', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'scene.shot'), SOURCE);
    const noKey = await runCli(['lint', 'scene.shot', '--moderate'], { cwd: dir, env: { OPENAI_API_KEY: '' } });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('--moderate needs an API key in OPENAI_API_KEY');
    const down = await runCli(['lint', 'scene.shot', '--moderate', '--base-url', 'http://127.0.0.1:9/v1'], { cwd: dir, env: { OPENAI_API_KEY: 'sk-x' } });
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/^shotc lint: moderation of clip "calm" in scene\.shot failed: cannot reach http:\/\/127\.0\.0\.1:9\/v1/);
  }, 60_000);
});
