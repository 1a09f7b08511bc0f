import type { Logger } from '../log.js';

/**
 * Work a request starts but does not wait for: its answer must not depend on how long the work
 * takes or whether it found anything (password reset and sign-up answer alike for every
 * address). Failures are logged, never thrown at the caller.
 */
export interface DeferredWork {
  /**
   * Starts `work` on a later turn of the event loop: not before the current request has
   * answered, so the answer cannot depend on it.
   */
  run(name: string, work: () => Promise<void>): void;
  /** How many pieces of work are queued or running. */
  readonly pending: number;
  /** Resolves once every piece of work started so far has finished (tests, shutdown). */
  idle(): Promise<void>;
}

/** A {@link DeferredWork} that logs failures to `logger`. */
export function createDeferredWork(logger: Logger): DeferredWork {
  const pending = new Set<Promise<void>>();
  return {
    run(name, work) {
      const task: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(work)
        .catch((error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          logger.error(
            { task: name, error: message.split('\nparams:')[0] },
            'deferred work failed',
          );
        })
        .finally(() => pending.delete(task));
      pending.add(task);
    },
    get pending() {
      return pending.size;
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
