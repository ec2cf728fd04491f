import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateFromDayNumber, dayNumberOf, isoDate } from './calendar-date.js';
import {
  createReportIdentity,
  isSameReportIdentity,
  parseReportFileName,
  reportFileName,
  reportIdentityKey,
} from './report-identity.js';
import type { ReportIdentity } from './report-identity.js';

function identity(parts: {
  workRequest: string;
  weekEnding: string;
  variant?: string;
  claimer?: string;
}): ReportIdentity {
  const result = createReportIdentity({ ...parts, weekEnding: isoDate(parts.weekEnding) });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

// Parts heavy in underscores and hyphens, the characters that could confuse a parser.
const part = fc
  .array(fc.constantFrom('A', 'z', '0', '7', '-', '_', '_', '_'), { minLength: 1, maxLength: 50 })
  .map((chars) => chars.join(''))
  .filter((text) => !text.startsWith('_') && !text.endsWith('_'));
const weekEnding = fc
  .integer({ min: dayNumberOf(isoDate('2000-01-01')), max: dayNumberOf(isoDate('2099-12-31')) })
  .map(dateFromDayNumber);
const anyIdentity = fc
  .record({
    workRequest: part,
    weekEnding,
    variant: fc.oneof(fc.constant('primary'), part),
    claimer: fc.option(part, { nil: undefined }),
  })
  .map((parts) => {
    const result = createReportIdentity(parts);
    if (!result.ok) throw new Error(result.reason);
    return result.value;
  });

describe('report file names (billing-domain.md §2.1)', () => {
  it.each([
    [{ workRequest: '89708709', weekEnding: '2025-08-17' }, 'WR_89708709_WeekEnding_081725.xlsx'],
    [
      { workRequest: '89708709', weekEnding: '2025-08-17', variant: 'Helper' },
      'WR_89708709_WeekEnding_081725_Helper.xlsx',
    ],
    [
      { workRequest: '89708709', weekEnding: '2025-08-17', claimer: 'Acme' },
      'WR_89708709_WeekEnding_081725_primary_Acme.xlsx',
    ],
    [
      { workRequest: 'A_B', weekEnding: '2000-01-02', variant: 'sub_c', claimer: 'x__y' },
      'WR_A__B_WeekEnding_010200_sub__c_x____y.xlsx',
    ],
    [
      { workRequest: 'X_WeekEnding_081725', weekEnding: '2099-12-31' },
      'WR_X__WeekEnding__081725_WeekEnding_123199.xlsx',
    ],
  ])('names %j %s and reads it back', (parts, name) => {
    const id = identity(parts);
    expect(reportFileName(id)).toBe(name);
    expect(parseReportFileName(name)).toEqual({ ok: true, value: id });
  });

  it('round-trips every identity, underscores included', () => {
    fc.assert(
      fc.property(anyIdentity, (id) => {
        expect(parseReportFileName(reportFileName(id))).toEqual({ ok: true, value: id });
      }),
      { numRuns: 2000 },
    );
  });

  it('gives distinct identities distinct names and keys', () => {
    fc.assert(
      fc.property(anyIdentity, anyIdentity, (a, b) => {
        const same = JSON.stringify(a) === JSON.stringify(b);
        expect(reportFileName(a) === reportFileName(b)).toBe(same);
        expect(reportIdentityKey(a) === reportIdentityKey(b)).toBe(same);
        expect(isSameReportIdentity(a, b)).toBe(same);
      }),
    );
  });

  it('accepts only names it would write itself', () => {
    // Names close to real ones: a written name with a few underscores or letters added or removed.
    const edit = fc.record({ at: fc.nat(), insert: fc.constantFrom('_', '__', 'A', '') });
    const nearName = fc
      .tuple(anyIdentity, fc.array(edit, { minLength: 1, maxLength: 3 }))
      .map(([id, edits]) =>
        edits.reduce((name, { at, insert }) => {
          const position = at % name.length;
          return insert === ''
            ? name.slice(0, position) + name.slice(position + 1)
            : name.slice(0, position) + insert + name.slice(position);
        }, reportFileName(id)),
      );
    let accepted = 0;
    fc.assert(
      fc.property(nearName, (name) => {
        const parsed = parseReportFileName(name);
        if (!parsed.ok) return;
        accepted += 1;
        expect(reportFileName(parsed.value)).toBe(name);
      }),
      { numRuns: 5000 },
    );
    // The property must not hold vacuously: many edited names are still valid names.
    expect(accepted).toBeGreaterThan(500);
  });

  it.each([
    ['WR_89708709_WeekEnding_081725.pdf', 'does not end in .xlsx'],
    ['WR_89708709_WeekEnding_081725_primary.xlsx', 'primary variant is never written alone'],
    ['WR_89708709_WeekEnding_023025.xlsx', 'not a real MMDDYY date'],
    ['WR_89708709_WeekEnding_0817.xlsx', 'not a real MMDDYY date'],
    ['WR_89708709_Week_081725.xlsx', 'expected WR_'],
    ['WR_8970___8709_WeekEnding_081725.xlsx', 'underscores'],
    ['WR_89708709_WeekEnding_081725_a_b_c.xlsx', 'expected WR_'],
    ['Audit_Summary.xlsx', 'expected WR_'],
    ['WR__WeekEnding_081725.xlsx', 'expected WR_'],
  ])('refuses %j', (name, reason) => {
    const parsed = parseReportFileName(name);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});

describe('createReportIdentity', () => {
  it('defaults to the primary variant and no claimer', () => {
    expect(identity({ workRequest: '1', weekEnding: '2025-08-17' })).toEqual({
      workRequest: '1',
      weekEnding: '2025-08-17',
      variant: 'primary',
      claimer: undefined,
    });
  });

  it.each([
    [{ workRequest: 'WR 1' }, 'Work Request'],
    [{ workRequest: '_1' }, 'Work Request'],
    [{ workRequest: '1_' }, 'Work Request'],
    [{ workRequest: '' }, 'Work Request'],
    [{ workRequest: 'x'.repeat(51) }, 'Work Request'],
    [{ variant: 'a|b' }, 'variant'],
    [{ claimer: 'Acme Co' }, 'claimer'],
    [{ weekEnding: '1999-12-26' }, 'outside 2000-2099'],
    [{ weekEnding: '2100-01-03' }, 'outside 2000-2099'],
  ])('refuses %j', (overrides, reason) => {
    const result = createReportIdentity({
      workRequest: '1',
      weekEnding: isoDate('2025-08-17'),
      ...overrides,
    } as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('will not write a file name for an identity assembled by hand with bad parts', () => {
    const forged = {
      workRequest: 'a/b',
      weekEnding: isoDate('2025-08-17'),
      variant: 'primary',
      claimer: undefined,
    };
    expect(() => reportFileName(forged)).toThrow(RangeError);
  });
});
