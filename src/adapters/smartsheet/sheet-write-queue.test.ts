import { describe, expect, it } from 'vitest';
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
});
