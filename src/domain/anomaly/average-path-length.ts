/** Euler–Mascheroni constant, used by Liu et al. to approximate the harmonic number H(i). */
const EULER_GAMMA = 0.5772156649;

/**
 * c(n), the average path length of an unsuccessful search in a binary search tree of n points
 * (Liu, Ting & Zhou 2008, eq. 1): 2H(n−1) − 2(n−1)/n with H(i) ≈ ln(i) + γ. It normalises path
 * lengths into scores and estimates the unbuilt subtree below a leaf that still holds n points.
 * c(0) = c(1) = 0 (nothing left to separate) and c(2) = 1 exactly, as the paper defines.
 */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
}
