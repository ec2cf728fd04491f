import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REQUEST_WEIGHT, TokenBucketBudget } from './request-budget.js';
import { VirtualClock } from './testing/virtual-clock.js';

function budgetOn(clock: VirtualClock, perMinute = 300) {
  return new TokenBucketBudget({ perMinute, now: clock.now, sleep: clock.sleep });
}

describe('TokenBucketBudget', () => {
  it('lets a burst of 20 % of the minute through at once, then paces at the remaining 80 %', async () => {
    const clock = new VirtualClock();
    const budget = budgetOn(clock);
    const start = clock.now();
    for (let i = 0; i < 60; i += 1) await budget.acquire(1);
    expect(clock.now() - start).toBe(0);
    await budget.acquire(1);
    // 240 units per minute refill: one unit every 250 ms.
    expect(clock.now() - start).toBe(250);
  });

  it('charges heavy calls ten units', async () => {
    const clock = new VirtualClock();
    const budget = budgetOn(clock);
    for (let i = 0; i < 6; i += 1) await budget.acquire(REQUEST_WEIGHT.heavy);
    expect(budget.available()).toBe(0);
    await budget.acquire(REQUEST_WEIGHT.heavy);
    expect(clock.sleeps).toEqual([2500]);
  });

  it('serves waiting callers in arrival order', async () => {
    const clock = new VirtualClock();
    const budget = new TokenBucketBudget({ perMinute: 20, now: clock.now, sleep: clock.sleep });
    const order: string[] = [];
    await budget.acquire(10);
    await Promise.all([
      budget.acquire(10).then(() => order.push('heavy')),
      budget.acquire(1).then(() => order.push('light')),
    ]);
    expect(order).toEqual(['heavy', 'light']);
  });

  it('stops everyone for the pause a 429 asked for', async () => {
    const clock = new VirtualClock();
    const budget = budgetOn(clock);
    budget.pauseFor(30_000);
    const start = clock.now();
    await budget.acquire(1);
    expect(clock.now() - start).toBe(30_000);
  });

  it('rejects weights it could never grant and limits it could not keep', async () => {
    const budget = new TokenBucketBudget({ perMinute: 100 });
    await expect(budget.acquire(0)).rejects.toThrow(RangeError);
    await expect(budget.acquire(21)).rejects.toThrow(RangeError);
    expect(() => new TokenBucketBudget({ perMinute: 10 })).toThrow(
      /at least 11 requests per minute|cannot work/,
    );
  });

  it('never spends more than perMinute in any 60-second window (DESIGN.md invariant 6)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 20, max: 600 }),
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 5_000 }), heavy: fc.boolean() }), {
          minLength: 1,
          maxLength: 300,
        }),
        async (perMinute, calls) => {
          const clock = new VirtualClock(0);
          const budget = budgetOn(clock, perMinute);
          const spent: { at: number; weight: number }[] = [];
          for (const call of calls) {
            clock.advance(call.gap);
            const weight = call.heavy ? REQUEST_WEIGHT.heavy : REQUEST_WEIGHT.normal;
            await budget.acquire(weight);
            spent.push({ at: clock.now(), weight });
          }
          for (const first of spent) {
            const inWindow = spent
              .filter((s) => s.at >= first.at && s.at <= first.at + 60_000)
              .reduce((sum, s) => sum + s.weight, 0);
            expect(inWindow).toBeLessThanOrEqual(perMinute);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
