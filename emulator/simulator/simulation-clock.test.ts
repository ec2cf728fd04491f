import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../seed/seeded-random.js';
import { zonedParts } from '../seed/zoned-time.js';
import { kindsToTry } from './edit-kinds.js';
import { isPlantedKind, PLANTED_KINDS } from './ground-truth-label.js';
import { isOffHours, nextOffHoursTime, nextWorkingTime } from './simulation-clock.js';

describe('simulation clock', () => {
  it('keeps ordinary edits inside working hours and always moves forward', () => {
    const random = new SeededRandom('clock');
    let clock = Date.parse('2026-09-16T22:40:00Z'); // 17:40 in Chicago
    for (let i = 0; i < 200; i += 1) {
      const next = nextWorkingTime(clock, random);
      expect(next).toBeGreaterThan(clock);
      const hour = zonedParts(next).hour;
      expect(hour >= 7 && hour < 18).toBe(true);
      clock = next;
    }
  });

  it('puts off-hours edits at 2–4 AM local, after the clock', () => {
    const random = new SeededRandom('night');
    for (const start of ['2026-09-16T15:00:00Z', '2026-09-17T07:30:00Z', '2026-01-14T08:10:00Z']) {
      const next = nextOffHoursTime(Date.parse(start), random);
      expect(next).toBeGreaterThan(Date.parse(start));
      expect(isOffHours(next)).toBe(true);
      expect(next - Date.parse(start)).toBeLessThan(86_400_000);
    }
  });
});

describe('kindsToTry', () => {
  it('plants at the requested rate and falls back within the same class', () => {
    const random = new SeededRandom('kinds');
    const firsts = Array.from({ length: 400 }, () => kindsToTry(random, 0.25));
    const planted = firsts.filter((kinds) => isPlantedKind(kinds[0]!)).length;
    expect(planted).toBeGreaterThan(60);
    expect(planted).toBeLessThan(140);
    expect(kindsToTry(random, 1)).toHaveLength(PLANTED_KINDS.length);
    expect(kindsToTry(random, 0).every((kind) => !isPlantedKind(kind))).toBe(true);
  });
});
