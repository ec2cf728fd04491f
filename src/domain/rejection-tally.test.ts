import { describe, expect, it } from 'vitest';
import { mergeRejectionTallies, tallyRejections } from './rejection-tally.js';

describe('rejection tally', () => {
  const rejections = [
    { sheetId: 1, workRequest: '100', reason: 'NOT_COMPLETED' },
    { sheetId: 1, workRequest: '100', reason: 'BAD_PRICE' },
    { sheetId: 1, workRequest: undefined, reason: 'MISSING_WORK_REQUEST' },
    { sheetId: 2, workRequest: '200', reason: 'NOT_COMPLETED' },
    { sheetId: 2, workRequest: '__proto__', reason: 'CU_NO_MATCH' },
  ] as const;

  it('counts by reason, per sheet and per Work Request', () => {
    const tally = tallyRejections(rejections);
    expect(tally.total).toBe(5);
    expect(tally.byReason).toEqual({
      MISSING_WORK_REQUEST: 1,
      BAD_WEEK_ENDING: 0,
      NOT_COMPLETED: 2,
      BAD_PRICE: 1,
      CU_NO_MATCH: 1,
    });
    expect(tally.bySheet['1']).toMatchObject({ NOT_COMPLETED: 1, BAD_PRICE: 1, MISSING_WORK_REQUEST: 1 });
    expect(tally.bySheet['2']).toMatchObject({ NOT_COMPLETED: 1, CU_NO_MATCH: 1 });
    expect(Object.keys(tally.byWorkRequest).sort()).toEqual(['100', '200', '__proto__']);
    expect(tally.byWorkRequest['__proto__']?.CU_NO_MATCH).toBe(1);
  });

  it('merges tallies into the same counts as one tally of everything', () => {
    const merged = mergeRejectionTallies([
      tallyRejections(rejections.slice(0, 2)),
      tallyRejections(rejections.slice(2)),
    ]);
    expect(JSON.parse(JSON.stringify(merged))).toEqual(
      JSON.parse(JSON.stringify(tallyRejections(rejections))),
    );
  });
});
