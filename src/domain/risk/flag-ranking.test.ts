import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FLAG_BUDGET, flagSignature, rankFlags, verdictFactors } from './flag-ranking.js';
import type { RankableChange, VerdictRecord } from './flag-ranking.js';

function change(
  changeId: string,
  dollars: number | null,
  riskScore: number,
  signature = 'x|ANOMALY',
): RankableChange {
  return { changeId, riskScore, deltaCents: dollars === null ? null : dollars * 100, signature };
}

const verdicts = (signature: string, confirmed: number, falseAlarms: number): VerdictRecord[] => [
  ...Array.from({ length: confirmed }, () => ({ signature, verdict: 'confirmed' as const })),
  ...Array.from({ length: falseAlarms }, () => ({ signature, verdict: 'false_alarm' as const })),
];

describe('rankFlags', () => {
  it('orders flags by dollars at stake × risk', () => {
    const flags = rankFlags(
      [change('a', 100, 0.6), change('b', -50, 0.9), change('c', 1_000, 0.5)],
      DEFAULT_FLAG_BUDGET,
    );
    expect(flags).toEqual([
      { changeId: 'c', rank: 1, priority: 500, verdictFactor: 1 },
      { changeId: 'a', rank: 2, priority: 60, verdictFactor: 1 },
      { changeId: 'b', rank: 3, priority: 45, verdictFactor: 1 },
    ]);
  });

  it('never flags a change below the minimum risk, however much money it moves', () => {
    const flags = rankFlags([change('big', 1_000_000, 0.49), change('small', 1, 0.5)], {
      maxFlags: 5,
      minRisk: 0.5,
    });
    expect(flags.map((f) => f.changeId)).toEqual(['small']);
  });

  it('flags at most maxFlags changes, the most important ones', () => {
    const changes = Array.from({ length: 10 }, (_, i) => change(`c${i}`, (i + 1) * 10, 0.8));
    expect(rankFlags(changes, { maxFlags: 3, minRisk: 0 }).map((f) => f.changeId)).toEqual([
      'c9',
      'c8',
      'c7',
    ]);
    expect(rankFlags(changes, { maxFlags: 0, minRisk: 0 })).toEqual([]);
    expect(rankFlags(changes, { maxFlags: -1, minRisk: 0 })).toEqual([]);
  });

  it('counts an unknown or sub-dollar amount as $1', () => {
    const flags = rankFlags([change('unknown', null, 0.7), change('cents', 0.25, 0.6)], DEFAULT_FLAG_BUDGET);
    expect(flags.map((f) => [f.changeId, f.priority])).toEqual([
      ['unknown', 0.7],
      ['cents', 0.6],
    ]);
  });

  it('breaks equal priorities by risk, then by change id, whatever the input order', () => {
    // $90 × 1.0 and $180 × 0.5 are both 90; the riskier one comes first.
    const tied = [change('b', 180, 0.5), change('z', 90, 1), change('a', 180, 0.5)];
    fc.assert(
      fc.property(fc.shuffledSubarray(tied, { minLength: 3, maxLength: 3 }), (order) => {
        expect(rankFlags(order, DEFAULT_FLAG_BUDGET).map((f) => f.changeId)).toEqual(['z', 'a', 'b']);
      }),
    );
  });

  it('sinks a signature auditors keep dismissing below an equal change of another kind', () => {
    const factors = verdictFactors([...verdicts('noisy', 0, 3), ...verdicts('useful', 0, 0)]);
    const flags = rankFlags(
      [change('a', 100, 0.8, 'noisy'), change('b', 100, 0.8, 'other')],
      DEFAULT_FLAG_BUDGET,
      factors,
    );
    expect(flags).toEqual([
      { changeId: 'b', rank: 1, priority: 80, verdictFactor: 1 },
      { changeId: 'a', rank: 2, priority: 32, verdictFactor: 0.4 },
    ]);
  });

  it('raises a signature auditors keep confirming above a bigger change', () => {
    const factors = verdictFactors(verdicts('real', 4, 0));
    const flags = rankFlags(
      [change('a', 100, 0.8, 'real'), change('b', 150, 0.8)],
      DEFAULT_FLAG_BUDGET,
      factors,
    );
    expect(flags.map((f) => f.changeId)).toEqual(['a', 'b']);
  });
});

describe('verdictFactors', () => {
  it('has no factor for a signature without verdicts', () => {
    expect(verdictFactors([]).size).toBe(0);
  });

  it.each([
    // 2 (c + 1) / (c + f + 2)
    [2, 0, 1.5],
    [0, 2, 0.5],
    [1, 1, 1],
    [9, 0, 20 / 11],
    [0, 8, 0.2],
  ])('gives %s confirmed and %s false alarms the Beta(1, 1) factor %s', (confirmed, falseAlarms, factor) => {
    expect(verdictFactors(verdicts('s', confirmed, falseAlarms)).get('s')).toBeCloseTo(factor, 12);
  });

  it('keeps signatures apart', () => {
    const factors = verdictFactors([...verdicts('a', 1, 0), ...verdicts('b', 0, 1)]);
    expect(factors.get('a')).toBeGreaterThan(1);
    expect(factors.get('b')).toBeLessThan(1);
  });
});

describe('flagSignature', () => {
  it('pairs the category with the alphabetically first rule, or ANOMALY without rules', () => {
    const rules = ['UNAUTHORIZED_EDITOR', 'POST_CLOSE_EDIT'];
    expect(flagSignature('suspicious_override', rules)).toBe('suspicious_override|POST_CLOSE_EDIT');
    expect(rules).toEqual(['UNAUTHORIZED_EDITOR', 'POST_CLOSE_EDIT']);
    expect(flagSignature('correction', [])).toBe('correction|ANOMALY');
  });
});
