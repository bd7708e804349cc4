// `npm run package:vscode`: the extension as one self-contained .vsix, offline.
// 1. copy the TextMate grammar and the language configuration from grammar/ and the diagnostic
//    docs from spec/ (the server links and shows them);
// 2. bundle the client (CommonJS, `vscode` external) and the language server (ESM, everything
//    inside) with esbuild;
// 3. `vsce package --no-dependencies`: nothing is fetched, node_modules is not shipped.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ext = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(ext, '..', '..');
const { version, name } = JSON.parse(readFileSync(path.join(ext, 'package.json'), 'utf8'));

function copy(from, to, required = true) {
  const src = path.join(root, from);
  if (!existsSync(src)) {
    if (required) {
      console.error(`package:vscode: ${from} is missing; it is part of the extension (see grammar/README.md).`);
      process.exit(1);
    }
    console.warn(`package:vscode: ${from} is missing; the extension will have no diagnostic docs.`);
    return;
  }
  mkdirSync(path.dirname(path.join(ext, to)), { recursive: true });
  copyFileSync(src, path.join(ext, to));
}

rmSync(path.join(ext, 'dist'), { recursive: true, force: true });
copy('grammar/shot.tmLanguage.json', 'syntaxes/shot.tmLanguage.json');
copy('grammar/language-configuration.json', 'language-configuration.json');
copy('spec/diagnostics.md', 'spec/diagnostics.md', false);

const common = { bundle: true, platform: 'node', target: 'node18', minify: true, legalComments: 'none', logLevel: 'warning' };
await build({ ...common, entryPoints: [path.join(ext, 'src', 'extension.ts')], outfile: path.join(ext, 'dist', 'extension.js'), format: 'cjs', external: ['vscode'] });
await build({
  ...common,
  entryPoints: [path.join(ext, 'src', 'server.ts')],
  outfile: path.join(ext, 'dist', 'server.mjs'),
  format: 'esm',
  // Bundled CommonJS packages (vscode-languageserver) call require for Node's built-ins.
  banner: { js: "import { createRequire as __shotcRequire } from 'node:module'; const require = __shotcRequire(import.meta.url);" },
});

const out = path.join(ext, `${name}-${version}.vsix`);
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], { cwd: ext, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
console.log(`package:vscode: ${path.relative(root, out)}`);
