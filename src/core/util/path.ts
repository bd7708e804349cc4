/**
 * POSIX path arithmetic for the browser-safe core. Paths inside `.shot` files are always written
 * with `/`; the Node host translates to the platform's separator at the edge.
 */
export function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

export function join(...parts: string[]): string {
  return normalize(parts.filter((p) => p !== '').join('/'));
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  if (i === -1) return '.';
  if (i === 0) return '/';
  return path.slice(0, i);
}

export function basename(path: string, ext = ''): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return ext && base.endsWith(ext) ? base.slice(0, -ext.length) : base;
}

export function extname(path: string): string {
  const base = basename(path);
  const i = base.lastIndexOf('.');
  return i > 0 ? base.slice(i) : '';
}

export function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
}

/** Resolve `path` against directory `dir` (unless absolute). */
export function resolve(dir: string, path: string): string {
  return isAbsolute(path) ? normalize(path) : join(dir, path);
}

/** `to` relative to directory `from`, both absolute or both relative to the same base. */
export function relative(from: string, to: string): string {
  const a = normalize(from).split('/').filter(Boolean);
  const b = normalize(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  return [...up, ...b.slice(i)].join('/') || '.';
}

/** Whether `path` is `dir` or inside it (after normalisation). */
export function isInside(dir: string, path: string): boolean {
  const d = normalize(dir);
  const p = normalize(path);
  if (d === '.') return !p.startsWith('..') && !p.startsWith('/');
  return p === d || p.startsWith(d.endsWith('/') ? d : `${d}/`);
}
