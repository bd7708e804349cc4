/**
 * shotc for Node: everything in the browser-safe library plus file IO — `compileFile` reads the
 * file, finds shotc.yaml and reads reference images from disk.
 */
import * as fs from './fs.js';
import * as path from 'node:path';
import { compile, type CompileOptions, type CompileResult } from '../core/compile.js';
import { nodeHost, toPosix } from './host.js';

export * from '../index.js';
export { nodeHost } from './host.js';
export { writeFileAtomic } from './atomic.js';

/** Compile a `.shot` file from disk. `filename` in the plan is the path as given. */
export async function compileFile(file: string, options: Omit<CompileOptions, 'filename' | 'host'> & { cwd?: string } = {}): Promise<CompileResult> {
  const cwd = options.cwd ?? process.cwd();
  const text = await fs.readFile(path.resolve(cwd, file), 'utf8');
  return compile(text, { ...options, filename: toPosix(file), host: nodeHost(cwd) });
}
