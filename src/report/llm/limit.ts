// A counting semaphore: at most `size` tasks run at once, the rest wait in
// arrival order. Twenty lines do not justify a dependency (p-limit would do the
// same, plus features we do not use).

export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now (for tests and diagnostics). */
  readonly active: number;
  readonly waiting: number;
}

export function createLimiter(size: number): Limiter {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`limiter size must be a positive integer, got ${size}`);
  let active = 0;
  const queue: Array<() => void> = [];

  const release = (): void => {
    const next = queue.shift();
    // Hand the slot straight to the next waiter, so `active` never drops below
    // the number of running tasks and no newcomer can jump the queue.
    if (next) next();
    else active--;
  };

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active < size) active++;
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
