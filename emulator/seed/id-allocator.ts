// Smartsheet ids are 64-bit but in practice 16 digits below 2^53, so JavaScript numbers keep them exact
// (smartsheet-api.md §1.3). The seed draws them at random in that range so that clients cannot rely on
// ids being small, sequential or ordered.
import type { SeededRandom } from './seeded-random.js';

export const MIN_ID = 1e15;
export const MAX_ID_EXCLUSIVE = 2 ** 53;

/** Hands out unique, deterministic ids in [10^15, 2^53). */
export class IdAllocator {
  private readonly used = new Set<number>();

  constructor(private readonly random: SeededRandom) {}

  next(): number {
    for (;;) {
      // 21 high bits and 32 low bits make a uniform 53-bit integer.
      const id = (this.random.nextUint32() & 0x1fffff) * 4294967296 + this.random.nextUint32();
      if (id >= MIN_ID && !this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}
