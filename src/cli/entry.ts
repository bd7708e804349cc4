/** The bundled CLI entry (dist/shotc.js): `bin/shotc.js` imports `runCli` from here. */
export { runCli, main } from './main.js';
