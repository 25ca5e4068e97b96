/**
 * Work someone is waiting for goes first. While the report page waits for a month's figures (a
 * second of IndexedDB reads at 100k leads), the badge and reminders refresh — which reads every
 * open MQL, and runs when the worker starts, as a report link often starts it — waits until it is
 * done instead of sharing the worker's thread and the database with it.
 */
export interface ForegroundGate {
  /** Runs `work` as foreground work: chores wait until it settles. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves once no foreground work is running (at once when none is). */
  whenIdle(): Promise<void>;
}

export function foregroundGate(): ForegroundGate {
  const running = new Set<Promise<unknown>>();
  return {
    run(work) {
      const done = work();
      running.add(done);
      const forget = () => running.delete(done);
      done.then(forget, forget);
      return done;
    },
    async whenIdle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

/** The worker's one gate. */
export const foreground = foregroundGate();
