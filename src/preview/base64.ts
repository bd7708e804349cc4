/**
 * Base64 for data: URIs without `Buffer` (browser-safe) and without `btoa` on a binary string
 * (which needs one string per byte and is slow for images of a few hundred kilobytes).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: Uint8Array): string {
  const out: string[] = [];
  let chunk = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + ALPHABET[(v >> 6) & 63]! + ALPHABET[v & 63]!;
    // Flush now and then so the string concatenation stays cheap on large inputs.
    if (chunk.length >= 8192) {
      out.push(chunk);
      chunk = '';
    }
  }
  if (i < n) {
    const a = bytes[i]!;
    const b = i + 1 < n ? bytes[i + 1]! : 0;
    const v = (a << 16) | (b << 8);
    chunk += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + (i + 1 < n ? ALPHABET[(v >> 6) & 63]! : '=') + '=';
  }
  out.push(chunk);
  return out.join('');
}

export function dataUri(bytes: Uint8Array, mimeType: string): string {
  return `data:${mimeType};base64,${base64(bytes)}`;
}
