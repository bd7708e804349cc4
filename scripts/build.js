// Bundles the CLI into dist/shotc.js (+ lazily loaded chunks) with esbuild. The parser's
// dependencies are bundled because loading chevrotain's hundreds of ESM files costs ~0.5 s at
// every start; SDKs and other heavy packages stay external and load only when a command needs them.
// obscenity (CommonJS, ~40 files) is bundled too: `compile` runs it on every prose line, and
// resolving and loading its files cost ~20 ms per start.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const bundled = new Set(['chevrotain', 'zod', 'yaml', 'obscenity']);
const external = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.devDependencies ?? {}),
  ...Object.keys(pkg.optionalDependencies ?? {}),
].filter((name) => !bundled.has(name));

/**
 * zod's classic API re-exports every locale (`z.locales`, ~70 modules, over half of zod's bundled
 * size) although only English is configured, which zod imports directly. shotc never reads
 * `z.locales`, so the CLI gets an empty namespace instead: ~200 KB less code to compile at start.
 */
const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'shotc-empty' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'shotc-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/**
 * obscenity builds its English dataset when loaded (~200 patterns parsed: milliseconds of every
 * start), and `guardrail/under-18` needs it only for a line where profanity.ts finds a blacklisted
 * pattern, which most files never have. The bundles give content.ts a CommonJS stand-in whose
 * exports load obscenity on first read; esbuild reads a CommonJS module's named imports where they
 * are used, not at load.
 */
const lazyObscenity = {
  name: 'lazy-obscenity',
  setup(b) {
    b.onResolve({ filter: /^obscenity$/ }, (args) =>
      /[\\/]guardrails[\\/]content\.ts$/.test(args.importer) ? { path: 'obscenity', namespace: 'shotc-lazy-obscenity', pluginData: { resolveDir: args.resolveDir } } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'shotc-lazy-obscenity' }, (args) => {
      const names = ['englishDataset', 'englishRecommendedTransformers', 'RegExpMatcher'];
      return {
        contents: `let real;\nconst load = () => (real ??= require('obscenity'));\nmodule.exports = { ${names.map((n) => `get ${n}() { return load().${n}; }`).join(', ')} };\n`,
        loader: 'js',
        resolveDir: args.pluginData.resolveDir,
      };
    });
  },
};

/**
 * shotc's own modules have no import-time side effects that matter when nothing they export is
 * used, so esbuild may drop such modules: the CLI then never builds, say, the plan's zod schemas
 * (only the library exports them) just because a module re-exports them.
 */
const pureSources = {
  name: 'pure-sources',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData?.pure || !/[\\/]src[\\/]/.test(args.importer)) return undefined;
      const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { pure: true } });
      if (r.errors.length || !r.path.startsWith(path.resolve('src') + path.sep)) return undefined;
      return { path: r.path, namespace: r.namespace, sideEffects: false };
    });
  },
};

const outdir = 'dist';
const started = Date.now();
const result = await build({
  entryPoints: { shotc: 'src/cli/entry.ts' },
  outdir,
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
  plugins: [zodWithoutLocales, lazyObscenity, pureSources],
  metafile: true,
  banner: { js: "import { createRequire as __shotcCreateRequire } from 'node:module'; const require = __shotcCreateRequire(import.meta.url);" },
});

// Chunk names carry a content hash: drop the chunks of earlier builds (not ones another build
// running at the same time may have just written).
const chunks = path.join(outdir, 'chunks');
const current = new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(f)));
for (const f of readdirSync(chunks)) {
  const file = path.resolve(chunks, f);
  if (!current.has(file) && statSync(file).mtimeMs < started) rmSync(file);
}

/**
 * The quick commands (compile, lint, fmt, parse, explain, targets) also ship as one CommonJS
 * script, dist/shotc-quick.cjs, that bin/shotc.js runs through V8's code cache: ESM modules get no
 * code cache on Node 20, and compiling ~1 MB of bundled code at every start (and each function
 * again the first time it runs) was a third of `shotc compile`'s time. The other commands (render,
 * emulate, lsp, preview: SDKs, servers) keep the ESM bundle above, so they are stubbed out here.
 */
const ESM_ONLY = /^\.\/commands\/(?:render|emulate|lsp|preview)\.js$/;
const esmOnlyCommands = {
  name: 'esm-only-commands',
  setup(b) {
    b.onResolve({ filter: ESM_ONLY }, (args) => ({ path: args.path, namespace: 'shotc-esm-only' }));
    b.onLoad({ filter: /.*/, namespace: 'shotc-esm-only' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is not in the quick bundle; bin/shotc.js runs it from dist/shotc.js`)});`,
      loader: 'js',
    }));
  },
};
const quick = await build({
  entryPoints: { 'shotc-quick': 'src/cli/entry.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // SHOTC_READABLE_BUILD=1 keeps names and layout, for reading CPU profiles of the quick commands.
  minify: !process.env.SHOTC_READABLE_BUILD,
  external: external.flatMap((name) => [name, `${name}/*`]),
  logLevel: 'warning',
  plugins: [zodWithoutLocales, lazyObscenity, esmOnlyCommands, pureSources],
  // Functions restored from V8's code cache lose the script's dynamic-import hook, so the few
  // packages loaded on demand (compromise, openai) and node:crypto are required instead.
  supported: { 'dynamic-import': false },
  // bin/shotc.js passes the script's URL (modules use it to find files next to the package).
  define: { 'import.meta.url': '__shotcScriptUrl' },
  write: false,
});
// The first line names the script's content, so bin/shotc.js keys its code cache without hashing
// 1 MB at every start.
for (const out of quick.outputFiles) {
  const text = asciiOnly(out.text);
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  writeFileSync(out.path, `// shotc-quick ${hash}\n${text}`);
}

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regular-expression literals
 * and String.raw templates (all of ours build regular expressions), and one such character makes
 * Node read the whole 1 MB script as a two-byte string (~4 ms of every start). A `\uXXXX` escape
 * means the same character in a regular expression, with or without the `u` flag.
 */
function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
