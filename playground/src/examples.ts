/**
 * The example sequences, bundled at build time from `examples/*.shot`, and the reference images
 * they use (as asset URLs, fetched on demand), served to the compiler through a Host so that
 * `Reference:` lines resolve in the browser as they do on disk.
 */
import type { Host } from '../../src/index.js';

const sources = import.meta.glob<string>('../../examples/*.shot', { query: '?raw', import: 'default', eager: true });
const images = import.meta.glob<string>('../../examples/**/*.{png,jpg,jpeg,webp,gif}', { query: '?url', import: 'default', eager: true });

export interface Example {
  /** File stem: `platform`. */
  name: string;
  /** Path the compiler sees: `examples/platform.shot`. */
  path: string;
  text: string;
}

const strip = (p: string): string => p.replace(/^(\.\.\/)+/, '');

export const examples: Example[] = Object.entries(sources)
  .map(([p, text]) => ({ name: strip(p).replace(/^examples\//, '').replace(/\.shot$/, ''), path: strip(p), text }))
  // The design sample first: it is the one the docs walk through.
  .sort((a, b) => (a.name === 'platform' ? -1 : b.name === 'platform' ? 1 : a.name.localeCompare(b.name)));

const imageUrls = new Map(Object.entries(images).map(([p, url]) => [`/${strip(p)}`, url]));
const fetched = new Map<string, Promise<Uint8Array | null>>();

/** Files under `/`: the bundled example images. Nothing else exists (there is no shotc.yaml). */
export const browserHost: Host = {
  readFile(path) {
    const url = imageUrls.get(path);
    if (!url) return Promise.resolve(null);
    let p = fetched.get(path);
    if (!p) {
      p = fetch(url)
        .then(async (r) => (r.ok ? new Uint8Array(await r.arrayBuffer()) : null))
        .catch(() => null);
      fetched.set(path, p);
    }
    return p;
  },
  async realPath(path) {
    return imageUrls.has(path) ? path : null;
  },
  cwd: () => '/',
};
