import { describe, expect, it } from 'vitest';
import { hashSeed, SeededRandom } from './seeded-random.js';

describe('SeededRandom', () => {
  it('repeats the same ids for the same seed', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    expect([a.nextId(), a.nextId(), a.nextId()]).toEqual([b.nextId(), b.nextId(), b.nextId()]);
  });

  it('keeps ids within [10^15, 2^53) and exact as JS numbers', () => {
    const random = new SeededRandom(hashSeed('demo'));
    for (let i = 0; i < 1_000; i += 1) {
      const id = random.nextId();
      expect(Number.isSafeInteger(id)).toBe(true);
      expect(id).toBeGreaterThanOrEqual(1e15);
      expect(id).toBeLessThan(2 ** 53);
    }
  });

  it('gives different streams for different seeds', () => {
    expect(new SeededRandom(1).nextId()).not.toBe(new SeededRandom(2).nextId());
  });
});
