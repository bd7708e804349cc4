/**
 * The emulator's Runway, Veo and fal APIs as their official SDKs see them over loopback: each API's
 * error shape for a request it refuses, and the SDKs' own retries surviving injected 429s.
 */
import RunwayML, { BadRequestError } from '@runwayml/sdk';
import { ApiError as FalApiError, createFalClient } from '@fal-ai/client';
import { GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { testEmulator } from '../render/helpers.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await testEmulator({ apis: ['runway', 'veo', 'fal'], card: 'plain' });
}, 60_000);
afterAll(async () => {
  await emulator?.close();
});

const runway = () => new RunwayML({ apiKey: 'k', baseURL: emulator.urls.runway!, maxRetries: 2 });
const fal = () =>
  createFalClient({
    credentials: 'k',
    suppressLocalCredentialsWarning: true,
    requestMiddleware: async (r) => ({ ...r, url: r.url.replace('https://queue.fal.run', emulator.urls.fal!) }),
  });

describe('Runway', () => {
  it('refuses a length the model does not make, and an image it cannot fetch, in Runway\'s error shape', async () => {
    const e = await runway()
      .textToVideo.create({ model: 'gen4.5', promptText: 'Rain.', ratio: '720:1280', duration: 12 })
      .then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(BadRequestError);
    expect((e as BadRequestError).error).toMatchObject({ error: expect.stringContaining('Invalid duration') as unknown });
    const ratio = await runway()
      .imageToVideo.create({ model: 'veo3.1', promptText: 'Rain.', ratio: '1280:720', duration: 4, promptImage: 'https://example.com/a.png' })
      .then(() => null, (x: unknown) => x);
    expect((ratio as BadRequestError).error).toMatchObject({ error: expect.stringContaining('no network') as unknown });
  });

  it('survives an injected 429 on create: the SDK retries after Retry-After', async () => {
    emulator.configure({ fail: ['429:1:create'] });
    const before = emulator.stats().faultsInjected;
    const task = await runway().textToVideo.create({ model: 'gen4.5', promptText: 'Rain on a window (429).', ratio: '1280:720', duration: 2 });
    expect(task.id).toMatch(/^[0-9a-f]{32}$/);
    expect(emulator.stats().faultsInjected - before).toBe(1);
    expect((await runway().tasks.retrieve(task.id)).status).toMatch(/PENDING|RUNNING|SUCCEEDED/);
  });
});

describe('Veo (Gemini API)', () => {
  const ai = () => new GoogleGenAI({ apiKey: 'k', httpOptions: { baseUrl: emulator.urls.veo!, retryOptions: { attempts: 3, initialDelay: 0.05 } } });

  it('refuses a 4-second 1080p clip in Google\'s error shape', async () => {
    const e = await ai()
      .models.generateVideos({ model: 'veo-3.1-generate-preview', source: { prompt: 'Rain.' }, config: { durationSeconds: 4, resolution: '1080p' } })
      .then(() => null, (x: unknown) => x as Error);
    expect(JSON.parse(e!.message)).toEqual({ error: { code: 400, message: '1080p video must be 8 seconds long.', status: 'INVALID_ARGUMENT' } });
  });

  it('refuses a model it does not have with 404 NOT_FOUND, and an operation it does not know', async () => {
    const e = await ai()
      .models.generateVideos({ model: 'veo-9', source: { prompt: 'Rain.' } })
      .then(() => null, (x: unknown) => x as Error);
    expect(JSON.parse(e!.message).error).toMatchObject({ code: 404, status: 'NOT_FOUND' });
  });
});

describe('fal', () => {
  it('refuses an unknown endpoint (404) and a Kling shot list that does not fill the clip (422)', async () => {
    const unknown = await fal()
      .queue.submit('fal-ai/no-such-model/text-to-video' as 'fal-ai/veo3.1', { input: { prompt: 'Rain.' } })
      .then(() => null, (x: unknown) => x);
    expect(unknown).toBeInstanceOf(FalApiError);
    expect((unknown as FalApiError<unknown>).status).toBe(404);
    const short = await fal()
      .queue.submit('fal-ai/kling-video/v3/standard/text-to-video', { input: { multi_prompt: [{ prompt: 'a', duration: '2' }], duration: '5' } })
      .then(() => null, (x: unknown) => x);
    expect((short as FalApiError<{ detail: Array<{ msg: string }> }>).status).toBe(422);
    expect((short as FalApiError<{ detail: Array<{ msg: string }> }>).body.detail[0]!.msg).toBe("The shots' durations add up to 2 s, not the video's 5 s.");
  });

  it('queues, reports and returns a result through the client', async () => {
    const client = fal();
    const queued = await client.queue.submit('fal-ai/kling-video/v3/standard/text-to-video', { input: { prompt: 'Steam from a grate (fal client).', duration: '3', aspect_ratio: '9:16' } });
    const done = await client.queue.subscribeToStatus('fal-ai/kling-video/v3/standard/text-to-video', { requestId: queued.request_id, pollInterval: 100 });
    expect(done.status).toBe('COMPLETED');
    const result = await client.queue.result('fal-ai/kling-video/v3/standard/text-to-video', { requestId: queued.request_id });
    expect(result.data.video.url).toMatch(new RegExp(`^${emulator.urls.fal!}/_files/[0-9a-f]+\\.mp4$`));
    const video = await fetch(result.data.video.url);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect((await video.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  }, 60_000);
});
