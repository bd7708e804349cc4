#!/usr/bin/env node
// `npm run playground`: type-check and build the playground with Vite into playground/dist/, then
// serve it from a tiny static server on the loopback interface and print the URL.
//
//   node scripts/playground.js [--port N] [--host ADDR] [--build-only] [--no-build]
//
// The built files use relative URLs, so playground/dist/ also works from any static host.
import { spawnSync } from 'node:child_process';
import { createReadStream, promises as fs } from 'node:fs';
import { createServer } from 'node:http';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLAYGROUND = path.join(ROOT, 'playground');
const DIST = path.join(PLAYGROUND, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const HELP = `Usage: npm run playground -- [--port N] [--host ADDR] [--build-only] [--no-build]

Builds the shotc playground (playground/ → playground/dist/) and serves it locally.

Options:
  --port N       Port to listen on (0 picks a free one). [default: 5174]
  --host ADDR    Address to listen on. [default: 127.0.0.1]
  --build-only   Build and exit (the files work from any static host).
  --no-build     Serve the existing build without rebuilding.
  -h, --help     Show this help.
`;

export async function buildPlayground() {
  // Type-check first: Vite strips types without checking them.
  const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(PLAYGROUND, 'tsconfig.json')], { stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('the playground has type errors (above)');
  const { build } = await import('vite');
  await build({ configFile: path.join(PLAYGROUND, 'vite.config.ts') });
}

/** Serve `dir` read-only: GET and HEAD, no directory listings, nothing outside `dir`. */
export function serveStatic(dir, { port = 0, host = '127.0.0.1' } = {}) {
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(dir, `.${rel}`);
    if (file !== dir && !file.startsWith(dir + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${rel}`);
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({ server, url: `http://${shown}:${actual}/` });
    });
  });
}

async function main() {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'build-only': { type: 'boolean' },
        'no-build': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (e) {
    process.stderr.write(`playground: ${e.message}\n\n${HELP}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const port = args.port === undefined ? 5174 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`playground: --port needs a port number (0–65535), got "${args.port}"\n`);
    return 2;
  }
  if (!args['no-build']) {
    const t0 = Date.now();
    try {
      await buildPlayground();
    } catch (e) {
      process.stderr.write(`playground: build failed: ${e.message}\n`);
      return 1;
    }
    process.stdout.write(`built playground/dist/ in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  if (args['build-only']) return 0;
  if (!(await fs.stat(path.join(DIST, 'index.html')).catch(() => null))) {
    process.stderr.write('playground: playground/dist/ has no build; run without --no-build\n');
    return 1;
  }
  let served;
  try {
    served = await serveStatic(DIST, { port, host: args.host ?? '127.0.0.1' });
  } catch (e) {
    const why = e.code === 'EADDRINUSE' ? `port ${port} is in use; pass --port N (or --port 0 for a free one)` : e.message;
    process.stderr.write(`playground: cannot listen: ${why}\n`);
    return 2;
  }
  process.stdout.write(`shotc playground: ${served.url}\n(Ctrl-C to stop)\n`);
  await new Promise((resolve) => {
    const stop = () => served.server.close(() => resolve(undefined));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
