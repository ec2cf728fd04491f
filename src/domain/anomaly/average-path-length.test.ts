import { describe, expect, it } from 'vitest';
import { averagePathLength } from './average-path-length.js';

describe('averagePathLength (c(n), Liu et al. eq. 1)', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    // 2(ln 2 + γ) − 4/3
    [3, 2 * (Math.log(2) + 0.5772156649) - 4 / 3],
    [256, 2 * (Math.log(255) + 0.5772156649) - (2 * 255) / 256],
  ])('c(%i) = %f', (n, expected) => {
    expect(averagePathLength(n)).toBeCloseTo(expected, 12);
  });

  it('matches the published value for ψ = 256 (about 10.24)', () => {
    expect(averagePathLength(256)).toBeCloseTo(10.2448, 3);
  });

  it('grows with n', () => {
    for (let n = 2; n < 1000; n++) {
      expect(averagePathLength(n + 1)).toBeGreaterThan(averagePathLength(n));
    }
  });
});
