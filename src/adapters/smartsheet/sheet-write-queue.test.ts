import { describe, expect, it } from 'vitest';
import type { LockLease, WorkLock } from '../../ports/work-lock.js';
import { SheetWriteQueue } from './sheet-write-queue.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('SheetWriteQueue', () => {
  it('runs writes to one sheet one after another, even when one fails', async () => {
    const queue = new SheetWriteQueue();
    const log: string[] = [];
    const write =
      (name: string, fail = false) =>
      async () => {
        log.push(`${name} start`);
        await tick();
        log.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      queue.run(1, write('a', true)),
      queue.run(1, write('b')),
      queue.run(1, write('c')),
    ]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(queue.busySheets()).toBe(0);
  });

  it('lets different sheets write at the same time', async () => {
    const queue = new SheetWriteQueue();
    const running = new Set<number>();
    let overlap = 0;
    const write = (sheetId: number) =>
      queue.run(sheetId, async () => {
        running.add(sheetId);
        overlap = Math.max(overlap, running.size);
        await tick();
        running.delete(sheetId);
      });
    await Promise.all([write(1), write(2), write(3)]);
    expect(overlap).toBe(3);
  });

  it('serialises writes to one sheet across queues that share a cluster lock', async () => {
    // Two processes of a cluster: each has its own queue; the lock they share is the cluster's.
    const held = new Map<string, Promise<void>>();
    const keys: string[] = [];
    const lock: WorkLock = {
      withLock<T>(key: string, work: (lease: LockLease) => Promise<T>): Promise<T> {
        keys.push(key);
        const lease: LockLease = { confirm: async () => {} };
        const result = (held.get(key) ?? Promise.resolve()).then(() => work(lease));
        held.set(
          key,
          result.then(
            () => undefined,
            () => undefined,
          ),
        );
        return result;
      },
    };
    const processes = [new SheetWriteQueue(lock), new SheetWriteQueue(lock)];
    let running = 0;
    let overlap = 0;
    const write = (queue: SheetWriteQueue) =>
      queue.run(7, async () => {
        running += 1;
        overlap = Math.max(overlap, running);
        await tick();
        running -= 1;
      });
    await Promise.all([
      write(processes[0]!),
      write(processes[1]!),
      write(processes[0]!),
      write(processes[1]!),
    ]);
    expect(overlap).toBe(1);
    expect(new Set(keys)).toEqual(new Set(['sheet-write:7']));
  });
});
