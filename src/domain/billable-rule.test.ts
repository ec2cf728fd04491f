import { describe, expect, it } from 'vitest';
import { billableRuleContext, evaluateBillable, UNKNOWN_FOREMAN } from './billable-rule.js';
import type { BillingRow } from './billing-row.js';
import { parseBillingFields } from './billing-row.js';
import { isoDate, Weekday } from './calendar-date.js';
import { buildBillingRow, TEST_NOW } from './testing/build-billing-row.js';

const context = billableRuleContext(TEST_NOW);

function evaluate(overrides: Partial<BillingRow>) {
  return evaluateBillable(parseBillingFields(buildBillingRow(overrides)), context);
}

describe('billable rule (billing-domain.md §1.4)', () => {
  it('bills a complete row as is', () => {
    const outcome = evaluate({});
    expect(outcome.billable).toBe(true);
    expect(outcome.findings).toEqual([]);
    if (outcome.billable)
      expect(outcome.row).toMatchObject({
        workRequest: '89708709',
        weekEnding: '2025-08-17',
        priceCents: 4595,
      });
  });

  it.each([
    [{ workRequest: undefined }, 'MISSING_WORK_REQUEST'],
    [{ workRequest: '   ' }, 'MISSING_WORK_REQUEST'],
    [{ weekEnding: undefined }, 'BAD_WEEK_ENDING'],
    [{ weekEnding: '2025-02-30' }, 'BAD_WEEK_ENDING'],
    [{ weekEnding: 45000 }, 'BAD_WEEK_ENDING'],
    [{ weekEnding: '9999-12-31' }, 'BAD_WEEK_ENDING'],
    [{ completed: false }, 'NOT_COMPLETED'],
    [{ completed: undefined }, 'NOT_COMPLETED'],
    [{ price: '$0.00' }, 'BAD_PRICE'],
    [{ price: '(5.00)' }, 'BAD_PRICE'],
    [{ price: 'N/A' }, 'BAD_PRICE'],
    [{ price: undefined }, 'BAD_PRICE'],
    [{ cu: '#NO MATCH' }, 'CU_NO_MATCH'],
    [{ cu: 'no match' }, 'CU_NO_MATCH'],
    [{ workRequest: undefined, completed: false, price: '0' }, 'MISSING_WORK_REQUEST'],
    [{ completed: false, price: '0' }, 'NOT_COMPLETED'],
  ] as const)('rejects %j as %s (the first failing requirement)', (overrides, reason) => {
    const outcome = evaluate(overrides);
    expect(outcome.billable).toBe(false);
    if (!outcome.billable) expect(outcome.reason).toBe(reason);
  });

  it('bills a row without a foreman under Unknown Foreman, with a finding', () => {
    const outcome = evaluate({ foreman: undefined });
    expect(outcome.billable && outcome.row.foreman).toBe(UNKNOWN_FOREMAN);
    expect(outcome.findings).toMatchObject([
      { code: 'UNKNOWN_FOREMAN', severity: 'MEDIUM', field: 'foreman' },
    ]);
  });

  it('moves a week ending that is not a Sunday to the next Sunday, with a finding', () => {
    const outcome = evaluate({ weekEnding: '2025-08-13' });
    expect(outcome.billable).toBe(true);
    if (outcome.billable) {
      expect(outcome.row.weekEnding).toBe('2025-08-17');
      expect(outcome.row.recordedWeekEnding).toBe('2025-08-13');
    }
    expect(outcome.findings[0]?.message).toBe(
      'Week ending 2025-08-13 is a Wednesday, not a Sunday; billed in the week ending 2025-08-17.',
    );
  });

  it('uses the configured week-end day', () => {
    const saturdays = billableRuleContext(TEST_NOW, { weekEndDay: Weekday.SATURDAY });
    const outcome = evaluateBillable(
      parseBillingFields(buildBillingRow({ weekEnding: '2025-08-16' })),
      saturdays,
    );
    expect(outcome.billable && outcome.row.weekEnding).toBe('2025-08-16');
    expect(outcome.findings).toEqual([]);
  });

  it.each([
    [{ snapshotDate: '2025-08-19' }, 'FUTURE_SNAPSHOT_DATE'],
    [{ snapshotDate: '2027-08-19' }, 'DATE_TOO_FAR_AHEAD'],
    [{ weekEnding: '2027-08-22' }, 'DATE_TOO_FAR_AHEAD'],
    [{ snapshotDate: '2015-08-17' }, 'DATE_TOO_FAR_BACK'],
    [{ weekEnding: '2015-08-16' }, 'DATE_TOO_FAR_BACK'],
    [{ quantity: 'lots' }, 'UNPARSEABLE_VALUE'],
    [{ workType: 'Replace' }, 'UNPARSEABLE_VALUE'],
  ] as const)('flags %j as %s and still bills it', (overrides, code) => {
    const outcome = evaluate(overrides);
    expect(outcome.billable).toBe(true);
    expect(outcome.findings.map((finding) => finding.code)).toEqual([code]);
  });

  it('does not flag the current week ending, which is naturally in the future', () => {
    expect(evaluate({ weekEnding: '2025-08-24', snapshotDate: '2025-08-18' }).findings).toEqual([]);
  });

  it('raises an unreadable price as a MEDIUM finding besides the rejection', () => {
    const outcome = evaluate({ price: 'abc' });
    expect(outcome.billable).toBe(false);
    expect(outcome.findings).toMatchObject([
      { code: 'UNPARSEABLE_VALUE', severity: 'MEDIUM', field: 'price' },
    ]);
  });

  it('takes today in the organisation zone', () => {
    const lateSundayInChicago = billableRuleContext(new Date('2025-08-18T04:00:00Z'));
    expect(lateSundayInChicago.today).toBe(isoDate('2025-08-17'));
  });
});
