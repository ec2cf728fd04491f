import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localReportFolder } from './local-report-folder.js';

describe('localReportFolder', () => {
  it('writes each workbook under its week, whole', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'll-reports-'));
    const saved = await localReportFolder(root).save(
      'WR_89708709_WeekEnding_081725.xlsx',
      new Uint8Array([1, 2, 3]),
    );
    expect(saved).toBe(path.join(root, 'week-ending-081725', 'WR_89708709_WeekEnding_081725.xlsx'));
    expect([...readFileSync(saved)]).toEqual([1, 2, 3]);
    expect(readdirSync(path.dirname(saved))).toEqual(['WR_89708709_WeekEnding_081725.xlsx']);
  });

  it('refuses names that could escape the folder', async () => {
    const folder = localReportFolder(mkdtempSync(path.join(os.tmpdir(), 'll-reports-')));
    await expect(folder.save('../evil.xlsx', new Uint8Array())).rejects.toThrow('unsafe file name');
    await expect(folder.save('a/b.xlsx', new Uint8Array())).rejects.toThrow('unsafe file name');
  });
});
