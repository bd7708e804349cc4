/** A counting semaphore: at most `n` tasks hold a slot at once; waiters are served first come, first served. */
export interface Limiter {
  /** Wait for a slot; the returned function gives it back (idempotent). */
  acquire(signal?: AbortSignal): Promise<() => void>;
  run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

export function createLimiter(n: number): Limiter {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`concurrency must be a whole number of at least 1 (got ${n})`);
  let active = 0;
  const queue: Array<{ grant: () => void; signal: AbortSignal | undefined; onAbort: () => void }> = [];

  const release = (): void => {
    active--;
    while (queue.length) {
      const next = queue.shift()!;
      next.signal?.removeEventListener('abort', next.onAbort);
      if (next.signal?.aborted) continue;
      active++;
      next.grant();
      return;
    }
  };

  const once = (): (() => void) => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release();
    };
  };

  const limiter: Limiter = {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (active < n) {
        active++;
        return Promise.resolve(once());
      }
      return new Promise((resolve, reject) => {
        const entry = {
          grant: () => resolve(once()),
          signal,
          onAbort: () => {
            const i = queue.indexOf(entry);
            if (i >= 0) queue.splice(i, 1);
            reject(signal!.reason);
          },
        };
        signal?.addEventListener('abort', entry.onAbort, { once: true });
        queue.push(entry);
      });
    },
    async run(fn, signal) {
      const done = await limiter.acquire(signal);
      try {
        return await fn();
      } finally {
        done();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
  return limiter;
}
