/**
 * The editor's content in the URL hash, so a sequence is shared by sending a link: deflated with
 * the browser's CompressionStream and written as base64url (`#z=…`). Where CompressionStream is
 * missing the text goes uncompressed (`#t=…`); both forms are read back.
 */

export interface Shared {
  text: string;
  /** The example it started from, to name the file (and keep reference images working). */
  name?: string;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const piped = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

export async function encodeHash(shared: Shared): Promise<string> {
  const params = new URLSearchParams();
  if (shared.name) params.set('n', shared.name);
  const bytes = new TextEncoder().encode(shared.text);
  if (typeof CompressionStream === 'function') params.set('z', toBase64Url(await through(bytes, new CompressionStream('deflate-raw'))));
  else params.set('t', toBase64Url(bytes));
  return `#${params.toString()}`;
}

/** The shared sequence in `hash`, or null when there is none (or it is damaged: say so, start fresh). */
export async function decodeHash(hash: string): Promise<Shared | null> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const z = params.get('z');
  const t = params.get('t');
  const name = params.get('n') ?? undefined;
  try {
    if (z !== null) return { text: new TextDecoder().decode(await through(fromBase64Url(z), new DecompressionStream('deflate-raw'))), ...(name ? { name } : {}) };
    if (t !== null) return { text: new TextDecoder().decode(fromBase64Url(t)), ...(name ? { name } : {}) };
  } catch {
    return null;
  }
  return null;
}
