/**
 * Request bodies as the API sees them: JSON, or multipart form data with the SDK's bracketed
 * field names (`input_reference[image_url]`, `video[id]`) turned back into objects. Uploaded files
 * are kept aside; in the value they stand as `BINARY` so the contract's `format: binary` holds.
 */
import type { IncomingMessage } from 'node:http';
import { BINARY } from './contract.js';

export interface UploadedFile {
  /** The form field (`input_reference`, `video`). */
  field: string;
  name: string;
  /** The part's Content-Type as sent (the SDK sends none unless told: `toFile(…, { type })`). */
  type: string;
  bytes: Uint8Array;
}

export interface ParsedBody {
  kind: 'json' | 'multipart' | 'none';
  /** The media type the contract's requestBody is keyed by. */
  mediaType: string | null;
  value: Record<string, unknown>;
  files: Map<string, UploadedFile>;
}

export class BodyError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const MAX_BODY = 64 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BodyError(`Request body too large (over ${MAX_BODY} bytes).`, 413);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function parseBody(req: IncomingMessage): Promise<ParsedBody> {
  const contentType = req.headers['content-type'] ?? '';
  const media = contentType.split(';')[0]!.trim().toLowerCase();
  const raw = await readBody(req);
  if (raw.length === 0 && !media) return { kind: 'none', mediaType: null, value: {}, files: new Map() };
  if (media === 'application/json') {
    let value: unknown;
    try {
      value = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new BodyError(
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
      );
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new BodyError('The JSON body of your request must be an object.');
    return { kind: 'json', mediaType: media, value: value as Record<string, unknown>, files: new Map() };
  }
  if (media === 'multipart/form-data') {
    // undici's Request parses multipart exactly as fetch would; no hand-written parser to get wrong.
    let form: FormData;
    try {
      form = await new Request('http://emulator.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(raw) }).formData();
    } catch (e) {
      throw new BodyError(`Could not parse the multipart body: ${(e as Error).message}`);
    }
    const files = new Map<string, UploadedFile>();
    const entries: Array<[string, unknown]> = [];
    const items: Array<[string, FormDataEntryValue]> = [];
    form.forEach((v, k) => items.push([k, v]));
    for (const [key, v] of items) {
      if (typeof v === 'string') {
        entries.push([key, v]);
      } else {
        files.set(key, { field: key, name: v.name, type: v.type, bytes: new Uint8Array(await v.arrayBuffer()) });
        entries.push([key, BINARY]);
      }
    }
    return { kind: 'multipart', mediaType: media, value: unflatten(entries), files };
  }
  throw new BodyError(`Unsupported content type '${media || '(none)'}'; send application/json or multipart/form-data.`, 415);
}

/** `a[b]=1`, `a[c][]=2` → `{ a: { b: '1', c: ['2'] } }` (the SDK's multipart encoding of objects). */
export function unflatten(entries: ReadonlyArray<[string, unknown]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    const parts = key.match(/^[^[\]]+|\[[^\]]*\]/g)?.map((p) => (p.startsWith('[') ? p.slice(1, -1) : p)) ?? [key];
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const nextIsArray = parts[i + 1] === '';
      if (Array.isArray(node)) {
        if (last) node.push(value);
        else {
          const child = nextIsArray ? [] : {};
          node.push(child);
          node = child;
        }
        return;
      }
      const obj: Record<string, unknown> = node;
      if (last) {
        obj[part] = value;
      } else {
        if (typeof obj[part] !== 'object' || obj[part] === null) obj[part] = nextIsArray ? [] : {};
        node = obj[part] as Record<string, unknown> | unknown[];
      }
    });
  }
  return root;
}
