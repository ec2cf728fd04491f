import { describe, expect, it } from 'vitest';
import { IdAllocator, MAX_ID_EXCLUSIVE, MIN_ID } from './id-allocator.js';
import { SeededRandom } from './seeded-random.js';

const draws = (random: SeededRandom, n: number) => Array.from({ length: n }, () => random.nextUint32());

describe('SeededRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    expect(draws(new SeededRandom('demo'), 20)).toEqual(draws(new SeededRandom('demo'), 20));
    expect(draws(new SeededRandom('demo'), 20)).not.toEqual(draws(new SeededRandom('demo2'), 20));
  });

  it('forks independent streams: drawing from one does not shift another', () => {
    const a = new SeededRandom('root');
    const b = new SeededRandom('root');
    draws(a, 50);
    expect(draws(a.fork('ids'), 5)).toEqual(draws(b.fork('ids'), 5));
  });

  it('keeps int() inside its bounds and covers them', () => {
    const random = new SeededRandom('bounds');
    const seen = new Set(Array.from({ length: 500 }, () => random.int(3, 7)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });
});

describe('IdAllocator', () => {
  it('hands out unique safe integers in [10^15, 2^53)', () => {
    const ids = new IdAllocator(new SeededRandom('ids'));
    const drawn = Array.from({ length: 5000 }, () => ids.next());
    expect(new Set(drawn).size).toBe(drawn.length);
    expect(drawn.every((id) => Number.isSafeInteger(id) && id >= MIN_ID && id < MAX_ID_EXCLUSIVE)).toBe(true);
  });
});
