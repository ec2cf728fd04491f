// Writes to one sheet run one after another (smartsheet-api.md §1.6, §8): Smartsheet answers 4004
// "sheet is currently being updated by another request that uses the same access token" to
// overlapping writes. Different sheets still proceed in parallel. In a cluster, a WorkLock extends
// the same one-at-a-time rule to every process writing with the token.
import { lockKeys } from '../../ports/work-lock.js';
import type { WorkLock } from '../../ports/work-lock.js';

export class SheetWriteQueue {
  /** Per sheet, a promise that settles when the last queued write has finished. */
  private readonly tails = new Map<number, Promise<void>>();

  constructor(private readonly clusterLock?: WorkLock) {}

  /** Runs `write` after every earlier write to `sheetId` has settled (fulfilled or rejected). */
  run<T>(sheetId: number, write: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(sheetId) ?? Promise.resolve();
    const lock = this.clusterLock;
    const result = previous.then(() => (lock ? lock.withLock(lockKeys.sheetWrite(sheetId), write) : write()));
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(sheetId, tail);
    // Forget idle sheets so a long-running process does not keep one entry per sheet ever written.
    void tail.then(() => {
      if (this.tails.get(sheetId) === tail) this.tails.delete(sheetId);
    });
    return result;
  }

  /** Sheets with a write queued or running. */
  busySheets(): number {
    return this.tails.size;
  }
}
