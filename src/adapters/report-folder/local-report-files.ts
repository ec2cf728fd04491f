// Reads back the workbooks localReportFolder keeps (`<root>/week-ending-MMDDYY/<file name>`), for
// the dashboard's download. Only plain report file names are looked up: the caller takes the name
// from the store's record of a published report, and a name with a path in it is refused.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ReportFiles } from '../../ports/report-files.js';

const SAFE_NAME = /^[A-Za-z0-9_.-]+$/;

export function localReportFiles(root: string): ReportFiles {
  return {
    async open(fileName) {
      if (!SAFE_NAME.test(fileName) || fileName.startsWith('.')) return undefined;
      const week = /_WeekEnding_(\d{6})/.exec(fileName)?.[1] ?? 'other';
      const file = path.join(path.resolve(root), `week-ending-${week}`, fileName);
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) return undefined;
      return { stream: createReadStream(file), sizeBytes: info.size };
    },
  };
}
