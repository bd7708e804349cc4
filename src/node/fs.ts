/**
 * The promise-based file calls the compile path needs, over node:fs's callbacks: the first touch of
 * `fs.promises` loads Node's promise file API and, with it, readline, file watchers and more
 * (~2 ms of every CLI start).
 */
import { readFile as readFileCallback, realpath as realpathCallback, stat as statCallback } from 'node:fs';
import { promisify } from 'node:util';

export const readFile = promisify(readFileCallback);
export const stat = promisify(statCallback);
export const realpath = promisify(realpathCallback);
