import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { localReportFiles } from './local-report-files.js';
import { localReportFolder } from './local-report-folder.js';

describe('localReportFiles', () => {
  it('streams back a workbook the report folder saved', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'll-reports-'));
    await localReportFolder(root).save(
      'WR_89708709_WeekEnding_081725.xlsx',
      new TextEncoder().encode('xlsx'),
    );

    const file = await localReportFiles(root).open('WR_89708709_WeekEnding_081725.xlsx');

    expect(file?.sizeBytes).toBe(4);
    expect(await text(file!.stream)).toBe('xlsx');
  });

  it('finds nothing for a missing file or a name with a path in it', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'll-reports-'));
    const files = localReportFiles(root);
    expect(await files.open('WR_1_WeekEnding_081725.xlsx')).toBeUndefined();
    expect(await files.open('../../etc/passwd')).toBeUndefined();
    expect(await files.open('week-ending-081725/WR_1_WeekEnding_081725.xlsx')).toBeUndefined();
  });
});
