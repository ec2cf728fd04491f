import { describe, expect, it } from 'vitest';
import { dataQualityRule } from './data-quality-rule.js';
import {
  buildAuditContext,
  buildCellChange,
  buildRowCreated,
  buildRowDeleted,
} from './testing/build-attributed-change.js';

const context = buildAuditContext();
const codes = (change: Parameters<typeof dataQualityRule>[0]) =>
  (dataQualityRule(change, context)?.details['dataQuality'] as { code: string }[] | undefined)?.map(
    (f) => f.code,
  );

describe('DATA_QUALITY', () => {
  it.each([
    ['an unreadable price', buildCellChange('price', 'call office'), 'MEDIUM', ['UNPARSEABLE_VALUE']],
    ['an unreadable quantity', buildCellChange('quantity', '1/2'), 'LOW', ['UNPARSEABLE_VALUE']],
    [
      'a Snapshot Date after the day of the change',
      buildCellChange('snapshotDate', '2025-09-30'),
      'LOW',
      ['FUTURE_SNAPSHOT_DATE'],
    ],
    [
      'a Saturday week ending',
      buildCellChange('weekEnding', '2025-08-16'),
      'MEDIUM',
      ['WEEK_ENDING_NOT_WEEK_END_DAY'],
    ],
    [
      'a foreman cleared on a billable row',
      buildCellChange('foreman', undefined),
      'MEDIUM',
      ['UNKNOWN_FOREMAN'],
    ],
    [
      'a week ending far ahead and off the week-end day',
      buildCellChange('weekEnding', '2031-01-07'),
      'MEDIUM',
      ['DATE_TOO_FAR_AHEAD', 'WEEK_ENDING_NOT_WEEK_END_DAY'],
    ],
    [
      'a created row without foreman',
      buildRowCreated({ row: { foreman: undefined } }),
      'MEDIUM',
      ['UNKNOWN_FOREMAN'],
    ],
  ])('%s', (_name, change, severity, expected) => {
    expect(dataQualityRule(change, context)?.severity).toBe(severity);
    expect(codes(change)).toEqual(expected);
  });

  it.each([
    ['a clean edit', buildCellChange('price', '$50.00')],
    [
      'an unrelated edit of a row that already lacked a foreman',
      buildCellChange('pole', 'P-2', { row: { foreman: undefined } }),
    ],
    ['a deleted row', buildRowDeleted({ row: { price: 'junk' } })],
  ])('raises nothing for %s', (_name, change) => {
    expect(dataQualityRule(change, context)).toBeUndefined();
  });

  it('passes the domain message on', () => {
    const finding = dataQualityRule(buildCellChange('price', 'call office'), context);
    expect(finding?.issueDescription).toContain('price "call office" cannot be read');
    expect(finding?.suggestedFix).toContain('money like $1,234.56');
  });
});
