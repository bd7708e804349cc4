/**
 * The journal on disk: `.shotc/<stem>.journal.json` next to the `.shot` file, validated with its
 * zod schema on load, written atomically (temp file, fsync, rename, fsync of the directory).
 *
 * `update()` changes the journal in memory and resolves once a write that includes the change is
 * on disk, so callers can await durability before their next API call. Writes coalesce: changes
 * made while a write is in flight go out together in the next one, so ten clips finishing at once
 * cost two writes, not ten.
 *
 * A lock file (`.shotc/<stem>.lock`, holding the pid) keeps two renders of one file apart; a lock
 * left by a killed process is taken over.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../node/atomic.js';
import { emptyJournal, JOURNAL_DIR, JournalSchema, journalName, stem, type Journal, type JobEntry } from './journal.js';

export class JournalError extends Error {}

/** The longest a noted change waits for a write of its own. */
const NOTE_DELAY_MS = 500;

export class JournalStore {
  private writing: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private failure: Error | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  private constructor(
    readonly file: string,
    private data: Journal,
  ) {}

  /** The journal of `shotFile` (empty when there is none yet). */
  static async open(shotFile: string): Promise<JournalStore> {
    const file = journalPathFor(shotFile);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new JournalStore(file, emptyJournal(path.basename(shotFile)));
      throw new JournalError(`cannot read the render journal ${file}: ${(e as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new JournalError(`the render journal ${file} is not valid JSON (${(e as Error).message}); move it away to start over (jobs it recorded will be created again)`);
    }
    const result = JournalSchema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new JournalError(`the render journal ${file} does not match its schema at ${issue.path.join('.') || '(root)'}: ${issue.message}; move it away to start over`);
    }
    return new JournalStore(file, result.data);
  }

  get journal(): Readonly<Journal> {
    return this.data;
  }

  entry(hash: string): JobEntry | undefined {
    return this.data.jobs[hash];
  }

  /** Apply `change` now; resolves when a write including it is durable. */
  update(change: (journal: Journal) => void): Promise<void> {
    change(this.data);
    this.data.updatedAt = new Date().toISOString();
    return this.flush();
  }

  /**
   * Apply `change` now and let it ride with the next write, within NOTE_DELAY_MS at the latest,
   * without waiting: for facts no later API call depends on (a downloaded file's hash, a job moving
   * from queued to in progress — lost, they only mean a file is checked and fetched again or a job
   * polled once more). A failed write is reported by `settle()`.
   */
  note(change: (journal: Journal) => void): void {
    change(this.data);
    this.data.updatedAt = new Date().toISOString();
    if (!this.timer) this.later();
  }

  /** Write what `note()` left pending and wait for every write; throws if one of them failed. */
  async settle(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.flush().catch((e: unknown) => (this.failure ??= e as Error));
    }
    while (this.writing || this.queued) await (this.queued ?? this.writing)?.catch(() => {});
    if (this.failure) throw this.failure;
  }

  private later(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch((e: unknown) => (this.failure ??= e as Error));
    }, NOTE_DELAY_MS);
    this.timer.unref?.();
  }

  private flush(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.writing) {
      // This write carries whatever notes were waiting.
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      const text = JSON.stringify(this.data, null, 2) + '\n';
      this.writing = writeFileAtomic(this.file, text)
        .catch((e: Error) => {
          throw new JournalError(`cannot write the render journal ${this.file}: ${e.message}`);
        })
        .finally(() => (this.writing = null));
      return this.writing;
    }
    this.queued = this.writing
      .catch(() => {})
      .then(() => {
        this.queued = null;
        return this.flush();
      });
    return this.queued;
  }
}

export function journalPathFor(shotFile: string): string {
  return path.join(path.dirname(shotFile), journalName(shotFile));
}

export class LockedError extends Error {}

/** Take the render lock for `shotFile`; the returned function releases it. */
export async function lockRender(shotFile: string): Promise<() => Promise<void>> {
  const file = path.join(path.dirname(shotFile), JOURNAL_DIR, `${stem(shotFile)}.lock`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(file, mine, { flag: 'wx' });
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        await fs.rm(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = await fs
      .readFile(file, 'utf8')
      .then((t) => JSON.parse(t) as { pid?: number; host?: string })
      .catch(() => ({}) as { pid?: number; host?: string });
    if (holder.pid && holder.host === os.hostname() && alive(holder.pid)) {
      throw new LockedError(`another shotc render (pid ${holder.pid}) is rendering ${shotFile}; wait for it to finish or stop it`);
    }
    if (holder.pid && holder.host && holder.host !== os.hostname()) {
      throw new LockedError(`${file} says a render of ${shotFile} is running on ${holder.host}; delete the lock file if it is not`);
    }
    await fs.rm(file, { force: true }); // left by a render that was killed
  }
  throw new LockedError(`could not take the render lock ${file}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
