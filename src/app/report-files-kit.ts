// Where the dashboard's report downloads come from: the local report folder, and when the workbook
// was generated on another machine (a cluster worker ran the cycle) or the folder was cleaned, the
// published attachment itself, fetched from the target sheet in Smartsheet.
import { Readable } from 'node:stream';
import path from 'node:path';
import { localReportFiles } from '../adapters/report-folder/local-report-files.js';
import type { SmartsheetClient } from '../adapters/smartsheet/index.js';
import type { Config } from '../config/index.js';
import type { ReportFiles } from '../ports/report-files.js';
import { AppError, ErrorCode } from '../domain/app-error.js';

export function reportFilesFor(
  config: Config,
  client: Pick<SmartsheetClient, 'downloadAttachment'>,
): ReportFiles {
  const local = localReportFiles(path.resolve(config.dataDir, 'reports'));
  const targetSheetId = config.smartsheet.targetSheetId;
  return {
    async open(fileName, published) {
      const file = await local.open(fileName);
      if (file || !published || targetSheetId === undefined) return file;
      let data: Uint8Array;
      try {
        data = await client.downloadAttachment(targetSheetId, published.attachmentId);
      } catch (error) {
        // Gone from Smartsheet too (a newer version replaced it, or it was deleted): not found.
        if (error instanceof AppError && error.code === ErrorCode.SMARTSHEET_REQUEST) return undefined;
        throw error;
      }
      return { stream: Readable.from([Buffer.from(data)]), sizeBytes: data.byteLength };
    },
  };
}
