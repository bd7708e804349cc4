#!/usr/bin/env node
/**
 * The quick commands run from dist/shotc-quick.cjs through V8's code cache (Node 20 has none for
 * ES modules, and compiling the bundle at every start cost ~100 ms of `shotc compile`). One cache
 * per command (each holds the functions its first run compiled), kept in the package's
 * node_modules/.cache/shotc (or ~/.cache/shotc), keyed by the script's content hash (the build
 * writes it on the first line) and the Node version, written atomically, and rebuilt whenever V8
 * rejects it. Everything else runs from the ESM bundle. SHOTC_NO_CODE_CACHE=1 turns the cache off.
 *
 * This file is CommonJS (bin/package.json says so): an ES module entry starts Node's module
 * loader, ~4 ms of every run, and the quick commands never need it.
 */
'use strict';
const QUICK = new Set(['compile', 'lint', 'fmt', 'parse', 'explain', 'targets']);
const argv = process.argv.slice(2);

if (!QUICK.has(argv[0] ?? '') || !runQuick(argv)) {
  import('../dist/shotc.js').then(({ runCli }) => runCli(argv));
}

/**
 * Whether a run did its command's work, and so compiled the functions the command's other runs
 * need: a cache holds only what the run that wrote it compiled, and is kept until V8 rejects it,
 * so a first `shotc compile --help`, a usage or IO error (exit 2) or a compile without the linter
 * would leave every later compile compiling the rest of the compiler again (~60 ms).
 */
function didTheWork(args, exitCode) {
  if (exitCode !== undefined && exitCode !== 0 && exitCode !== 1) return false;
  return !args.some((a) => a === '--help' || a === '-h' || a === '--no-lint');
}

/** Starts a quick command; false when it cannot run here (no quick bundle, or Node before 20.16). */
function runQuick(args) {
  if (typeof process.getBuiltinModule !== 'function') return false;
  // Synchronous and cheap (dynamic imports of these built-ins cost ~5 ms of every start).
  const builtin = process.getBuiltinModule;
  const [fs, path, vm, v8, { createRequire }, { pathToFileURL }] = ['node:fs', 'node:path', 'node:vm', 'node:v8', 'node:module', 'node:url'].map((id) => builtin(id));
  // The lint rules' lexicons are large regular expressions that a small file runs a few times each:
  // V8 compiles a regular expression to machine code on its second run (~25% of its cost); here
  // it interprets the first 20 runs, so only the ones a big file runs often are compiled. The
  // peephole pass over the interpreter's bytecode cost about half of compiling a lexicon and
  // saved nothing measurable when running it (machine code does not use it).
  v8.setFlagsFromString('--regexp-tier-up-ticks=20');
  v8.setFlagsFromString('--no-regexp-peephole-optimization');
  const filename = path.join(__dirname, '..', 'dist', 'shotc-quick.cjs');
  let source;
  try {
    // The build writes the script in ASCII only (scripts/build.js), so it is read as Latin-1: the
    // same characters, without UTF-8 decoding (~1 ms of every start).
    source = fs.readFileSync(filename, 'latin1');
  } catch {
    return false; // not built: the ESM bundle runs the command
  }
  // The build writes the content hash on the first line ("// shotc-quick <hash>").
  const hash = /^\/\/ shotc-quick ([0-9a-f]+)\n/.exec(source.slice(0, 64))?.[1];
  const useCache = !process.env.SHOTC_NO_CODE_CACHE && hash !== undefined;
  const prefix = `${args[0]}-`;
  const key = `${prefix}${hash}-${process.version}-${process.arch}.bin`;
  const home = process.env.XDG_CACHE_HOME || (process.env.HOME || process.env.USERPROFILE ? path.join(process.env.HOME || process.env.USERPROFILE, '.cache') : null);
  const dirs = [path.join(path.dirname(filename), '..', 'node_modules', '.cache', 'shotc'), ...(home ? [path.join(home, 'shotc')] : [])];
  let cachedData;
  if (useCache) {
    for (const dir of dirs) {
      try {
        cachedData = fs.readFileSync(path.join(dir, key));
        break;
      } catch {
        // not cached there
      }
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __shotcScriptUrl) {${source}\n})`, {
    filename,
    cachedData,
  });
  const quick = { exports: {} };
  script.runInThisContext()(quick.exports, createRequire(filename), quick, filename, path.dirname(filename), pathToFileURL(filename).href);
  quick.exports.runCli(args).then(() => {
    if (useCache && (!cachedData || script.cachedDataRejected) && didTheWork(args, process.exitCode)) {
      // After the run, so the functions it compiled are in the cache too.
      const data = script.createCachedData();
      for (const dir of dirs) {
        try {
          fs.mkdirSync(dir, { recursive: true });
          const tmp = path.join(dir, `${key}.${process.pid}.tmp`);
          fs.writeFileSync(tmp, data);
          fs.renameSync(tmp, path.join(dir, key));
          // This command's caches for earlier builds or other Node versions.
          for (const f of fs.readdirSync(dir)) if (f.startsWith(prefix) && f.endsWith('.bin') && f !== key) fs.rmSync(path.join(dir, f), { force: true });
          break;
        } catch {
          // not writable: try the next place, else run without a cache
        }
      }
    }
    // A quick command leaves nothing running. Exiting now skips tearing down the heap (~10 ms of a
    // small compile); output still being written (a pipe on some systems) waits for the normal exit.
    if (!process.stdout.writableLength && !process.stderr.writableLength) process.exit();
  });
  return true;
}
