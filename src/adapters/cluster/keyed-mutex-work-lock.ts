// A WorkLock within one process: work under one key runs one at a time, in arrival order.
import type { LockLease, WorkLock } from '../../ports/work-lock.js';

/** A lock in the process's own memory is never lost while the process runs. */
const heldLease: LockLease = { confirm: async () => {} };

export class KeyedMutexWorkLock implements WorkLock {
  private readonly tails = new Map<string, Promise<void>>();

  withLock<T>(key: string, work: (lease: LockLease) => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(() => work(heldLease));
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // Forget idle keys so a long-running process does not keep one entry per sheet ever locked.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
