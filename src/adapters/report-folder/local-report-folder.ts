// Keeps a local copy of every generated workbook, grouped by week ending, so an operator (and the
// demo) can open exactly what was uploaded. Files are written whole then renamed, so a crash never
// leaves a half-written workbook under its real name.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportArchive } from '../../ports/report-writer.js';

const SAFE_NAME = /^[A-Za-z0-9_.-]+$/;

export function localReportFolder(root: string): ReportArchive {
  return {
    async save(fileName: string, bytes: Uint8Array): Promise<string> {
      // Names come from the identity function and are file-safe; refuse anything else outright.
      if (!SAFE_NAME.test(fileName) || fileName.startsWith('.')) {
        throw new Error(`Refusing to write a report with an unsafe file name: ${JSON.stringify(fileName)}`);
      }
      const week = /_WeekEnding_(\d{6})/.exec(fileName)?.[1] ?? 'other';
      const folder = path.resolve(root, `week-ending-${week}`);
      await mkdir(folder, { recursive: true });
      const target = path.join(folder, fileName);
      const temporary = `${target}.${process.pid}.partial`;
      await writeFile(temporary, bytes);
      await rename(temporary, target);
      return target;
    },
  };
}
