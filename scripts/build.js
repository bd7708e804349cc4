// Bundles the CLI into dist/shotc.js (+ lazily loaded chunks) with esbuild. The parser's
// dependencies are bundled because loading chevrotain's hundreds of ESM files costs ~0.5 s at
// every start; SDKs and other heavy packages stay external and load only when a command needs them.
// obscenity (CommonJS, ~40 files) is bundled too: `compile` runs it on every prose line, and
// resolving and loading its files cost ~20 ms per start.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const bundled = new Set(['chevrotain', 'zod', 'yaml', 'obscenity']);
const external = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.devDependencies ?? {}),
  ...Object.keys(pkg.optionalDependencies ?? {}),
].filter((name) => !bundled.has(name));

await build({
  entryPoints: { shotc: 'src/cli/entry.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  minify: true,
  external: external.flatMap((name) => [name, `${name}/*`]),
  logLevel: 'warning',
  banner: { js: "import { createRequire as __shotcCreateRequire } from 'node:module'; const require = __shotcCreateRequire(import.meta.url);" },
});
