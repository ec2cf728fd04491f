// A small deterministic PRNG (sfc32) so ids of created objects, fault dice and dropped callbacks
// repeat exactly for a given seed. Not for secrets: those come from node:crypto.

const MIN_ID = 1e15;
/** Largest id + 1: ids stay exact in a JS number (smartsheet-api.md §1.3). */
const MAX_ID_EXCLUSIVE = 2 ** 53;

export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    // Mix the seed through a few rounds so nearby seeds give unrelated streams.
    for (let i = 0; i < 15; i += 1) this.nextUint32();
  }

  /** The generator's position, so a saved data set continues the same id sequence after loading. */
  snapshot(): [number, number, number, number] {
    return [this.a, this.b, this.c, this.d];
  }

  restore([a, b, c, d]: readonly [number, number, number, number]): void {
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1) with 53 bits of precision. */
  nextFloat(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** A Smartsheet-shaped id: an integer in [10^15, 2^53). */
  nextId(): number {
    return MIN_ID + Math.floor(this.nextFloat() * (MAX_ID_EXCLUSIVE - MIN_ID));
  }
}

/** Stable 32-bit hash (FNV-1a) of a string, to derive a default PRNG seed from the seed's name. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
