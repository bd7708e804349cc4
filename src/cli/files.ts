/** Reading the user's files for commands: precise IO errors (exit 2), `-` for standard input. */
import * as fs from '../node/fs.js';
import { stderr } from './output.js';

export class IoError extends Error {}

export async function readSource(file: string): Promise<string> {
  if (file === '-') return readStdin();
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new IoError(`${file} is a directory; give .shot files (e.g. ${file}/*.shot)`);
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof IoError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new IoError(`cannot read ${file}: ${why}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Run `fn` for a command, turning IO errors into a message and exit code 2. */
export async function withIo(command: string, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof IoError) {
      stderr(`shotc ${command}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
