import { describe, expect, it } from 'vitest';
import { reportFileName } from './report-identity.js';
import { groupBillableRows } from './report-grouping.js';
import { buildBillableRow } from './testing/build-billing-row.js';

describe('groupBillableRows (billing-domain.md §2.1)', () => {
  it('makes one report per Work Request and week, ordered by identity', () => {
    const result = groupBillableRows([
      buildBillableRow({ workRequest: '2', weekEnding: '2025-08-17' }),
      buildBillableRow({ workRequest: '1', weekEnding: '2025-08-24', snapshotDate: '2025-08-20' }),
      buildBillableRow({ workRequest: '1', weekEnding: '2025-08-17' }),
      buildBillableRow({ workRequest: 1.0, weekEnding: '2025-08-13' }),
    ]);
    expect(result.groups.map((group) => [reportFileName(group.identity), group.rowCount])).toEqual([
      ['WR_1_WeekEnding_081725.xlsx', 2],
      ['WR_1_WeekEnding_082425.xlsx', 1],
      ['WR_2_WeekEnding_081725.xlsx', 1],
    ]);
    expect(result.quarantined).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('names a Work Request with unsafe characters by its sanitised form and prints it as typed', () => {
    const [group] = groupBillableRows([buildBillableRow({ workRequest: 'WR 12/3' })]).groups;
    expect(group && reportFileName(group.identity)).toBe('WR_WR-12-3_WeekEnding_081725.xlsx');
    expect(group?.header.workRequest).toBe('WR 12/3');
  });

  it('quarantines both Work Requests that collide after sanitising, with findings', () => {
    const result = groupBillableRows([
      buildBillableRow({ workRequest: 'WR 12' }),
      buildBillableRow({ workRequest: 'WR/12' }),
      buildBillableRow({ workRequest: '7' }),
    ]);
    expect(result.groups).toHaveLength(1);
    expect(result.quarantined.map((entry) => entry.workRequest).sort()).toEqual(['WR 12', 'WR/12']);
    expect(result.findings.map((finding) => [finding.code, finding.workRequest])).toEqual([
      ['WORK_REQUEST_COLLISION', 'WR 12'],
      ['WORK_REQUEST_COLLISION', 'WR/12'],
    ]);
  });

  it('quarantines a Work Request with no file-safe character', () => {
    const result = groupBillableRows([buildBillableRow({ workRequest: '###' })]);
    expect(result.groups).toEqual([]);
    expect(result.quarantined[0]?.reason).toBe('Work Request has no file-safe form');
    expect(result.findings[0]?.code).toBe('WORK_REQUEST_NOT_FILE_SAFE');
  });

  it('quarantines rows whose week ending a file name cannot carry', () => {
    const result = groupBillableRows([
      buildBillableRow({ weekEnding: '1999-12-26' }),
      buildBillableRow({ weekEnding: '1999-12-26' }),
    ]);
    expect(result.groups).toEqual([]);
    expect(result.quarantined[0]?.rows).toHaveLength(2);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.code).toBe('REPORT_IDENTITY_INVALID');
  });

  it('carries the variant and claimer a partition assigns', () => {
    const result = groupBillableRows([buildBillableRow({ foreman: 'Sub Crew' }), buildBillableRow()], {
      partitionOf: (row) =>
        row.foreman === 'Sub Crew' ? { variant: 'Subcontractor', claimer: 'Acme' } : { variant: 'primary' },
    });
    expect(result.groups.map((group) => reportFileName(group.identity)).sort()).toEqual([
      'WR_89708709_WeekEnding_081725.xlsx',
      'WR_89708709_WeekEnding_081725_Subcontractor_Acme.xlsx',
    ]);
  });
});
