/**
 * What the Runway, Veo and fal providers share: images put into a plan's request body, HTTP
 * statuses classified for the engine, Retry-After, and downloads of the signed URLs these APIs
 * return for their outputs (none of their SDKs downloads media; a signed URL needs no API call).
 */
import { createHash } from 'node:crypto';
import type { AssetKind, Download, ProviderErrorKind, SubmitInput } from './types.js';
import { ProviderError } from './types.js';
import type { Redactor } from '../redact.js';

/** These APIs give one video per job. */
export const VIDEO_ONLY: readonly AssetKind[] = [{ variant: 'video', suffix: '.mp4', media: 'mp4' }];

type Image = NonNullable<SubmitInput['images']>[number];
const PLACEHOLDER = /^\{image:(\d+)\}$/;

/**
 * A copy of `body` with each `{image:N}` string replaced by `put(image N)`. Throws when the
 * plan names an image the engine did not read.
 */
export function withImages(body: unknown, images: readonly Image[], put: (image: Image) => unknown): unknown {
  if (typeof body === 'string') {
    const m = PLACEHOLDER.exec(body);
    if (!m) return body;
    const image = images[Number(m[1])];
    if (!image) throw new ProviderError(`the request needs image ${m[1]}, which was not read (is it in the plan's images?)`, 'invalid');
    return put(image);
  }
  if (Array.isArray(body)) return body.map((b) => withImages(b, images, put));
  if (body && typeof body === 'object') return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, withImages(v, images, put)]));
  return body;
}

export function dataUri(image: Image): string {
  return `data:${image.mimeType};base64,${Buffer.from(image.bytes).toString('base64')}`;
}

/** A copy of `body` with the string `placeholder` replaced by `value` wherever it stands alone. */
export function replaceString(body: unknown, placeholder: string, value: unknown): unknown {
  if (body === placeholder) return value;
  if (Array.isArray(body)) return body.map((b) => replaceString(b, placeholder, value));
  if (body && typeof body === 'object') return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, replaceString(v, placeholder, value)]));
  return body;
}

export function kindOf(status: number | null): ProviderErrorKind {
  if (status === null) return 'other';
  if (status === 429) return 'rate-limit';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not-found';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  if (status >= 400) return 'invalid';
  return 'other';
}

export function retryAfterMs(headers: { get(name: string): string | null } | undefined | null): number | null {
  if (!headers) return null;
  const ms = headers.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Number(ms);
  const h = headers.get('retry-after');
  if (!h) return null;
  const seconds = Number(h);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(h);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** Whether an error is an abort (Ctrl-C) rather than a failure. */
export function isAbort(e: unknown, signal?: AbortSignal): boolean {
  const name = (e as Error | undefined)?.name;
  return signal?.aborted === true || name === 'AbortError' || name === 'APIUserAbortError';
}

/** A network failure's cause in words (`ECONNREFUSED`, …). */
export function networkCause(e: unknown): string | null {
  const err = e as { cause?: { code?: string; message?: string }; code?: string } | undefined;
  if (!err) return null;
  if (err.cause?.code) return err.cause.code;
  if (err.code && /^E[A-Z]+$/.test(err.code)) return err.code;
  if (e instanceof TypeError && /fetch failed/i.test(e.message)) return err.cause?.message ?? 'fetch failed';
  return null;
}

/** GET a signed output URL as a stream. */
export async function download(url: string, what: string, redact: Redactor, signal?: AbortSignal): Promise<Download> {
  let response: Response;
  try {
    response = await fetch(url, signal ? { signal } : {});
  } catch (e) {
    if (isAbort(e, signal)) throw new ProviderError('cancelled', 'aborted');
    throw new ProviderError(redact(`cannot download ${what} (${networkCause(e) ?? (e as Error).message})`), 'network');
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => {});
    throw new ProviderError(`downloading ${what} failed: HTTP ${response.status}`, kindOf(response.status), response.status, retryAfterMs(response.headers));
  }
  const length = response.headers.get('content-length');
  return { body: response.body, bytes: length === null ? null : Number(length), contentType: response.headers.get('content-type') };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Run `fn` with a signal of its own that follows `signal`. The SDKs add an abort listener to the
 * signal of every request and never remove it; on the render's one long-lived signal that piles up
 * a listener per poll. A child signal per call is dropped with its listeners when the call ends.
 */
export async function scoped<T>(signal: AbortSignal | undefined, fn: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
  if (!signal) return fn(undefined);
  const child = new AbortController();
  const abort = (): void => child.abort(signal.reason);
  if (signal.aborted) abort();
  else signal.addEventListener('abort', abort, { once: true });
  try {
    return await fn(child.signal);
  } finally {
    signal.removeEventListener('abort', abort);
  }
}
