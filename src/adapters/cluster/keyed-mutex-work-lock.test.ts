// The in-process WorkLock: work under one key runs one at a time in arrival order, a failure does
// not block the next in line, and different keys do not wait for each other.
import { describe, expect, it } from 'vitest';
import { KeyedMutexWorkLock } from './keyed-mutex-work-lock.js';

function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('KeyedMutexWorkLock', () => {
  it('runs work under one key one at a time, in arrival order', async () => {
    const lock = new KeyedMutexWorkLock();
    const order: string[] = [];
    let running = 0;
    const work = (name: string, turns: number) => async () => {
      running += 1;
      expect(running).toBe(1);
      order.push(`${name} starts`);
      // Yield a few times so an overlapping holder would get in.
      for (let turn = 0; turn < turns; turn += 1) await Promise.resolve();
      order.push(`${name} ends`);
      running -= 1;
      return name;
    };
    const results = await Promise.all([
      lock.withLock('sheet-sync:1', work('first', 5)),
      lock.withLock('sheet-sync:1', work('second', 1)),
      lock.withLock('sheet-sync:1', work('third', 3)),
    ]);
    expect(results).toEqual(['first', 'second', 'third']);
    expect(order).toEqual([
      'first starts',
      'first ends',
      'second starts',
      'second ends',
      'third starts',
      'third ends',
    ]);
  });

  it('lets the next holder run after a failure, which still reaches its caller', async () => {
    const lock = new KeyedMutexWorkLock();
    const failed = lock.withLock('sheet-write:2', async () => {
      throw new Error('Smartsheet answered 4004');
    });
    const next = lock.withLock('sheet-write:2', async () => 'written');
    await expect(failed).rejects.toThrow('Smartsheet answered 4004');
    await expect(next).resolves.toBe('written');
  });

  it('runs different keys side by side', async () => {
    const lock = new KeyedMutexWorkLock();
    const holdA = gate();
    const order: string[] = [];
    const a = lock.withLock('sheet-sync:1', async () => {
      order.push('1 starts');
      await holdA.opened;
      order.push('1 ends');
    });
    // Key 2 completes while key 1 is still held.
    await lock.withLock('sheet-sync:2', async () => {
      order.push('2 runs');
    });
    expect(order).toEqual(['1 starts', '2 runs']);
    holdA.open();
    await a;
    // Once idle, a key is free again at once.
    await expect(lock.withLock('sheet-sync:1', async () => 'again')).resolves.toBe('again');
  });
});
