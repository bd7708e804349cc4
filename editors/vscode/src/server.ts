/** The language server bundled into the extension (dist/server.mjs), started as `node server.mjs --stdio`. */
import { runStdio } from '../../../src/lsp/stdio.js';

runStdio();
