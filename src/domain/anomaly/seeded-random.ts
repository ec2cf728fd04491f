/**
 * A source of uniform numbers in [0, 1). The domain never calls Math.random(): every random
 * choice comes from one of these, built from a seed the caller passes in, so a run can be replayed.
 */
export type RandomSource = () => number;

/**
 * A mulberry32 generator seeded with the low 32 bits of `seed`. Mulberry32 is small, fast and
 * statistically adequate for sampling and split choice; it is not for anything security-related.
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    // 2^32: turns the unsigned 32-bit result into a fraction in [0, 1).
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
