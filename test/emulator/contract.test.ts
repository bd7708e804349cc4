/**
 * The emulator against the OpenAI Videos contract, through the official SDK over loopback HTTP.
 * Responses are checked with a validator built here from the contract YAML (not the emulator's
 * own), and invalid requests must get the API's documented errors, word for word.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import OpenAI, { toFile, type APIError } from 'openai';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { BIN, ROOT } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';
import { ffprobe, image, testEmulator, until } from '../render/helpers.js';

// An independent validator: the contract's component schemas as JSON Schema 2020-12 `$defs`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => Ajv2020;
const contract = YAML.parse(readFileSync(path.join(ROOT, 'src/emulator/contract/openai-videos.openapi.yaml'), 'utf8')) as { components: { schemas: object } };
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
ajv.addFormat('unixtime', { type: 'number', validate: (n: number) => Number.isInteger(n) });
ajv.addSchema({ $id: 'contract', $defs: JSON.parse(JSON.stringify(contract.components.schemas).replaceAll('#/components/schemas/', 'contract#/$defs/')) });
function conforms(schema: string, value: unknown): void {
  const validate = ajv.getSchema(`contract#/$defs/${schema}`)!;
  expect(validate(value) ? [] : validate.errors, `${schema}: ${JSON.stringify(value)}`).toEqual([]);
}

const tmp = useTmpDir();
let emulator: Emulator;
let client: OpenAI;
beforeAll(async () => {
  emulator = await testEmulator({ latencyMs: 400 });
  client = new OpenAI({ apiKey: 'sk-contract-test', baseURL: emulator.url, maxRetries: 0 });
});
afterAll(async () => {
  await emulator?.close();
});

async function completed(id: string): Promise<OpenAI.Videos.Video> {
  for (;;) {
    const v = await client.videos.retrieve(id);
    conforms('VideoResource', v);
    if (v.status === 'completed' || v.status === 'failed') return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The API's error for a request, as `{ status, error }`. */
async function refusal(p: Promise<unknown>): Promise<{ status: number | undefined; error: unknown }> {
  try {
    await p;
  } catch (e) {
    const err = e as APIError;
    const body = { error: err.error };
    expect(Object.keys(err.error as object).sort()).toEqual(['code', 'message', 'param', 'type']);
    return { status: err.status, error: body.error };
  }
  throw new Error('the request was accepted');
}

describe('jobs through the SDK', { timeout: 120_000 }, () => {
  it('creates a job (multipart, as the SDK sends it) that starts queued with every field of the Video object', async () => {
    const v = await client.videos.create({ prompt: 'A calico cat plays a grand piano on a dim stage.', model: 'sora-2', seconds: '4', size: '1280x720' });
    conforms('VideoResource', v);
    expect({ ...v, id: 'ID', created_at: 0 }).toEqual({
      id: 'ID',
      object: 'video',
      model: 'sora-2',
      status: 'queued',
      progress: 0,
      created_at: 0,
      completed_at: null,
      expires_at: null,
      prompt: 'A calico cat plays a grand piano on a dim stage.',
      size: '1280x720',
      seconds: '4',
      remixed_from_video_id: null,
      error: null,
    });
  });

  it('takes a JSON body too, with the documented defaults', async () => {
    const v = await client.post<OpenAI.Videos.Video>('/videos', { body: { prompt: 'A paper boat drifts down a rain gutter.' } });
    conforms('VideoResource', v);
    expect([v.model, v.size, v.seconds]).toEqual(['sora-2', '720x1280', '4']);
  });

  it('moves queued → in_progress → completed with rising progress, then serves the video, thumbnail and spritesheet', async () => {
    const v = await client.videos.create({ prompt: 'A lighthouse beam sweeps over a stormy sea.', size: '1280x720', seconds: '8' });
    const seen: Array<[string, number]> = [];
    for (;;) {
      const now = await client.videos.retrieve(v.id);
      conforms('VideoResource', now);
      seen.push([now.status, now.progress]);
      if (now.status === 'completed') {
        expect(now.completed_at).toBeGreaterThanOrEqual(now.created_at);
        expect(now.expires_at).toBe(now.completed_at! + 3600);
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const order = ['queued', 'in_progress', 'completed'];
    const statuses = [...new Set(seen.map(([s]) => s))];
    expect(statuses).toEqual(order.filter((s) => statuses.includes(s)));
    expect(statuses.at(-1)).toBe('completed');
    expect(statuses).toContain('in_progress');
    const progress = seen.map(([, p]) => p);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(100);

    const dir = tmp();
    const video = await client.videos.downloadContent(v.id);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    writeFileSync(path.join(dir, 'v.mp4'), Buffer.from(await video.arrayBuffer()));
    const probed = ffprobe(path.join(dir, 'v.mp4'));
    expect([probed.width, probed.height, probed.seconds, probed.audio]).toEqual([1280, 720, 8, true]);
    const thumb = await client.videos.downloadContent(v.id, { variant: 'thumbnail' });
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const webp = Buffer.from(await thumb.arrayBuffer());
    expect([webp.subarray(0, 4).toString('latin1'), webp.subarray(8, 12).toString('latin1')]).toEqual(['RIFF', 'WEBP']);
    const sprite = await client.videos.downloadContent(v.id, { variant: 'spritesheet' });
    expect(sprite.headers.get('content-type')).toBe('image/jpeg');
    expect([...Buffer.from(await sprite.arrayBuffer()).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('remixes, edits and extends a completed video; an extension is the stitched total', async () => {
    const source = await completed((await client.videos.create({ prompt: 'Fishing boats leave the harbour in fog.', size: '1280x720' })).id);
    const remix = await client.videos.remix(source.id, { prompt: 'Same shot at dusk.' });
    conforms('VideoResource', remix);
    expect([remix.remixed_from_video_id, remix.size, remix.seconds]).toEqual([source.id, '1280x720', '4']);
    const edit = await client.videos.edit({ prompt: 'Make the fog thicker.', video: { id: source.id } });
    conforms('VideoResource', edit);
    expect([edit.remixed_from_video_id, edit.seconds]).toEqual([null, '4']);
    const extension = await client.videos.extend({ prompt: 'The last boat disappears.', seconds: '4', video: { id: source.id } });
    conforms('VideoResource', extension);
    expect(extension.seconds).toBe('8');
    await completed(extension.id);
    const dir = tmp();
    writeFileSync(path.join(dir, 'x.mp4'), Buffer.from(await (await client.videos.downloadContent(extension.id)).arrayBuffer()));
    expect(ffprobe(path.join(dir, 'x.mp4')).seconds).toBe(8);
  });

  it('lists with cursor pagination in either order', async () => {
    const ids: string[] = [];
    for (const p of ['one', 'two', 'three']) ids.push((await client.videos.create({ prompt: `Listing test ${p}` })).id);
    const page = await client.get<unknown>('/videos', { query: { limit: 2, order: 'asc', after: ids[0] } });
    conforms('VideoListResource', page);
    expect(page).toMatchObject({ object: 'list', first_id: ids[1], last_id: ids[2] });
    const all: string[] = [];
    for await (const v of client.videos.list({ limit: 1 })) all.push(v.id);
    expect(all.slice(0, 3)).toEqual([...ids].reverse());
    const last = await client.get<{ has_more: boolean; data: unknown[] }>('/videos', { query: { after: all.at(-1) } });
    expect([last.has_more, last.data.length]).toEqual([false, 0]);
  });

  it('deletes a finished video, which is then gone', async () => {
    const v = await completed((await client.videos.create({ prompt: 'A candle gutters out.' })).id);
    const deleted = await client.videos.delete(v.id);
    conforms('DeletedVideoResource', deleted);
    expect(deleted).toEqual({ id: v.id, object: 'video.deleted', deleted: true });
    expect(await refusal(client.videos.retrieve(v.id))).toEqual({
      status: 404,
      error: { message: `Video with id '${v.id}' not found.`, type: 'invalid_request_error', param: 'video_id', code: 'video_not_found' },
    });
  });

  it('accepts a reference image of the requested size, uploaded with its MIME type', async () => {
    const dir = tmp();
    await image(path.join(dir, 'frame.png'), '1280x720');
    const v = await client.videos.create({ prompt: 'The keeper looks out to sea.', size: '1280x720', input_reference: await toFile(readFileSync(path.join(dir, 'frame.png')), 'frame.png', { type: 'image/png' }) });
    conforms('VideoResource', v);
  });

  it('ends a job failed with moderation_blocked when its prompt trips a --fail pattern or the word list', async () => {
    emulator.configure({ fail: ['moderation:forbidden harbour'] });
    const patterned = await completed((await client.videos.create({ prompt: 'Boats in the forbidden harbour.' })).id);
    const worded = await completed((await client.videos.create({ prompt: 'A gory massacre in the town square.' })).id);
    for (const v of [patterned, worded]) {
      expect([v.status, v.error]).toEqual(['failed', { code: 'moderation_blocked', message: 'Your request was blocked by our moderation system.' }]);
    }
  });
});

describe('invalid requests get the API\'s errors', { timeout: 60_000 }, () => {
  const bad = (message: string, param: string | null, code: string | null) => ({ status: 400, error: { message, type: 'invalid_request_error', param, code } });

  it('a length the API does not make', async () => {
    expect(await refusal(client.videos.create({ prompt: 'x', seconds: '10' as '4' }))).toEqual(bad("Invalid value: '10'. Supported values are: '4', '8', and '12'.", 'seconds', 'invalid_value'));
  });

  it('seconds as a number in a JSON body', async () => {
    expect(await refusal(client.post('/videos', { body: { prompt: 'x', seconds: 8 } }))).toEqual(
      bad("Invalid type for 'seconds': expected one of '4', '8', or '12', but got an integer instead.", 'seconds', 'invalid_type'),
    );
  });

  it('a size the contract does not know, and one the model does not make', async () => {
    expect(await refusal(client.videos.create({ prompt: 'x', size: '1920x1080' as '1280x720' }))).toEqual(
      bad("Invalid value: '1920x1080'. Supported values are: '720x1280', '1280x720', '1024x1792', and '1792x1024'.", 'size', 'invalid_value'),
    );
    expect(await refusal(client.videos.create({ prompt: 'x', model: 'sora-2', size: '1792x1024' }))).toEqual(
      bad("Invalid value: '1792x1024'. Supported values for model 'sora-2' are: '720x1280' and '1280x720'.", 'size', 'invalid_value'),
    );
  });

  it('a missing prompt, an empty one and an unknown parameter', async () => {
    expect(await refusal(client.post('/videos', { body: { seconds: '4' } }))).toEqual(bad("Missing required parameter: 'prompt'.", 'prompt', 'missing_required_parameter'));
    expect(await refusal(client.post('/videos', { body: { prompt: '' } }))).toEqual(
      bad("Invalid 'prompt': empty string. Expected a string with minimum length 1, but got an empty string instead.", 'prompt', 'empty_string'),
    );
    expect(await refusal(client.post('/videos', { body: { prompt: 'x', duration: 8 } }))).toEqual(bad("Unknown parameter: 'duration'.", 'duration', 'unknown_parameter'));
  });

  it('a reference image that does not match the size, one without a MIME type, and a string instead of a file', async () => {
    const dir = tmp();
    await image(path.join(dir, 'small.png'), '640x360');
    const png = readFileSync(path.join(dir, 'small.png'));
    expect(await refusal(client.videos.create({ prompt: 'x', size: '1280x720', input_reference: await toFile(png, 'small.png', { type: 'image/png' }) }))).toEqual(
      bad('Inpaint image must match the requested width and height', 'input_reference', null),
    );
    expect(await refusal(client.videos.create({ prompt: 'x', size: '1280x720', input_reference: await toFile(png, 'small.png') }))).toEqual(
      bad("Invalid file 'input_reference': unsupported mimetype ('application/octet-stream'). Supported file formats are 'image/jpeg', 'image/png', and 'image/webp'.", 'input_reference', 'unsupported_file'),
    );
    expect(await refusal(client.videos.create({ prompt: 'x', input_reference: 'frame.png' as unknown as OpenAI.Videos.ImageInputReferenceParam }))).toEqual(
      bad("Invalid type for 'input_reference': expected a file, but got a string instead.", 'input_reference', 'invalid_type'),
    );
  });

  it('a video that does not exist, or is not finished', async () => {
    expect((await refusal(client.videos.remix('video_nope', { prompt: 'x' }))).status).toBe(404);
    const running = await client.videos.create({ prompt: 'Still rendering.' });
    // Queued or already in progress, depending on how fast this machine is.
    const early = await refusal(client.videos.downloadContent(running.id));
    const { message: notReady, ...notReadyRest } = early.error as { message: string };
    expect([early.status, notReadyRest]).toEqual([400, { type: 'invalid_request_error', param: 'video_id', code: 'video_not_ready' }]);
    expect(notReady).toMatch(new RegExp(`^Video '${running.id}' is (queued|in progress); its content can be downloaded once it has completed\\.$`));
    const remix = await refusal(client.videos.remix(running.id, { prompt: 'x' }));
    const { message: notDone, ...notDoneRest } = remix.error as { message: string };
    expect([remix.status, notDoneRest]).toEqual([400, { type: 'invalid_request_error', param: 'video_id', code: 'video_not_completed' }]);
    expect(notDone).toMatch(new RegExp(`^Video '${running.id}' is (queued|in progress); only a completed video can be remixed\\.$`));
  });

  it('a page size above 100', async () => {
    expect(await refusal(client.get('/videos', { query: { limit: 101 } }))).toEqual(
      bad("Invalid 'limit': integer above maximum value. Expected a value <= 100, but got 101 instead.", 'limit', 'integer_above_max_value'),
    );
  });

  it('no API key', async () => {
    const r = await fetch(`${emulator.url}/videos`);
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/^You didn't provide an API key/);
  });
});

describe('faults, moderations, stats and state', { timeout: 120_000 }, () => {
  it('answers injected 429s with Retry-After and 500s, which the SDK retries through', async () => {
    emulator.configure({ fail: ['429:1:retrieve'] });
    const v = await client.videos.create({ prompt: 'Rate limited.' });
    const limited = (await client.videos.retrieve(v.id).catch((e: unknown) => e)) as APIError;
    expect([limited.status, limited.headers?.get('retry-after'), limited.code]).toEqual([429, '1', 'rate_limit_exceeded']);
    emulator.configure({ fail: ['500:2:retrieve'] });
    const patient = new OpenAI({ apiKey: 'sk-contract-test', baseURL: emulator.url, maxRetries: 2 });
    const before = emulator.stats().faultsInjected;
    expect((await patient.videos.retrieve(v.id)).id).toBe(v.id);
    expect(emulator.stats().faultsInjected - before).toBe(2);
  });

  it('serves /v1/moderations in the omni-moderation-latest shape', async () => {
    const m = await client.moderations.create({ model: 'omni-moderation-latest', input: ['A nude figure on a beach.', 'A robin on a branch.'] });
    expect(m.model).toBe('omni-moderation-latest');
    expect(m.id).toMatch(/^modr-/);
    expect(m.results.map((r) => [r.flagged, r.categories.sexual, r.categories.violence])).toEqual([
      [true, true, false],
      [false, false, false],
    ]);
    expect(Object.keys(m.results[0]!.categories).sort()).toEqual(Object.keys(m.results[0]!.category_scores).sort());
    expect(Object.keys(m.results[0]!.category_applied_input_types).length).toBe(13);
  });

  it('refuses a state directory whose state it cannot read, saying what to do', async () => {
    const state = tmp();
    writeFileSync(path.join(state, 'videos.json'), '{"jobs": "not a list"}');
    await expect(startEmulator({ stateDir: state })).rejects.toThrow(/videos\.json is not emulator state .*; use another --state directory or delete it/);
  });

  it('counts the jobs it creates at /__emulator/stats', async () => {
    const before = (await (await fetch(emulator.url.replace(/\/v1$/, '/__emulator/stats'))).json()) as { creates: number };
    await client.videos.create({ prompt: 'Counted.' });
    const after = (await (await fetch(emulator.url.replace(/\/v1$/, '/__emulator/stats'))).json()) as { creates: number };
    expect(after.creates - before.creates).toBe(1);
  });

  it('keeps jobs and media across restarts with a state directory', async () => {
    const state = tmp();
    const first = await startEmulator({ stateDir: state, latencyMs: 200 });
    const c1 = new OpenAI({ apiKey: 'sk-state', baseURL: first.url });
    const v = await c1.videos.create({ prompt: 'Persisted across restarts.', size: '1280x720' });
    await until(async () => (await c1.videos.retrieve(v.id)).status === 'completed', 'the job to complete');
    await first.close();
    const second = await startEmulator({ stateDir: state, latencyMs: 200 });
    try {
      const c2 = new OpenAI({ apiKey: 'sk-state', baseURL: second.url });
      expect((await c2.videos.retrieve(v.id)).status).toBe('completed');
      expect((await (await c2.videos.downloadContent(v.id)).arrayBuffer()).byteLength).toBeGreaterThan(1000);
      expect(second.stats().creates).toBe(1);
    } finally {
      await second.close();
    }
  });
});

describe('shotc emulate', { timeout: 60_000 }, () => {
  it('prints the base URL, serves the API through the SDK, and stops on Ctrl-C', async () => {
    const child = spawn(process.execPath, [BIN, 'emulate', '--port', '0', '--latency', '5000', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const exited = new Promise<number | null>((r) => child.on('close', r));
    await until(() => /listening on (http:\/\/127\.0\.0\.1:\d+\/v1)/.test(out), 'the emulator to start', 30_000);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(out)![1]!;
    expect(out).toContain(`export OPENAI_BASE_URL=${url}`);
    const v = await new OpenAI({ apiKey: 'anything', baseURL: url }).videos.create({ prompt: 'From the command line.' });
    expect(v.status).toBe('queued');
    child.kill('SIGINT');
    expect({ code: await exited, err }).toEqual({ code: 0, err: '' });
    expect(out).toContain('emulator stopped');
  });

  it('rejects a fault it does not know', async () => {
    const child = spawn(process.execPath, [BIN, 'emulate', '--fail', '418:2'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    expect(await new Promise((r) => child.on('close', r))).toBe(2);
    expect(err).toContain('--fail 418:2: only 429 and 500–504 can be injected');
  });
});
