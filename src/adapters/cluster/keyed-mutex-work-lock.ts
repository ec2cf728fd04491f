// A WorkLock within one process: work under one key runs one at a time, in arrival order.
import type { WorkLock } from '../../ports/work-lock.js';

export class KeyedMutexWorkLock implements WorkLock {
  private readonly tails = new Map<string, Promise<void>>();

  withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work);
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
