// The target sheet has one row per Work Request (billing-domain.md §1.1); publishing needs to know
// which row each Work Request is on.
import { mapColumns } from '../domain/column-mapping.js';
import type { ColumnSynonyms } from '../domain/column-mapping.js';
import { normaliseWorkRequest } from '../domain/work-request.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { BillingSheets } from '../ports/billing-sheets.js';
import type { TargetRows } from './publish-weekly-reports.js';

export async function readTargetRows(
  source: BillingSheets,
  targetSheetId: number,
  synonyms?: Partial<ColumnSynonyms>,
): Promise<TargetRows & { version: number; name: string }> {
  const sheet = await source.readSheet(targetSheetId);
  if (!sheet) {
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `The target sheet ${targetSheetId} does not exist or is not shared with the token's user`,
      {
        hint: 'Check LEDGERLINE_TARGET_SHEET_ID and the sheet sharing.',
      },
    );
  }
  const column = mapColumns(sheet.columns, synonyms).columnIds.workRequest;
  if (column === undefined) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `The target sheet '${sheet.name}' has no Work Request # column`,
      {
        hint: 'The target sheet needs one row per Work Request in a column titled "Work Request #".',
      },
    );
  }
  const rowsByWorkRequest = new Map<string, number[]>();
  for (const row of sheet.rows) {
    const cell = row.cells.find((c) => c.columnId === column);
    const workRequest = normaliseWorkRequest(cell?.value);
    if (workRequest === undefined) continue;
    const rows = rowsByWorkRequest.get(workRequest) ?? [];
    rows.push(row.rowId);
    rowsByWorkRequest.set(workRequest, rows);
  }
  return { rowsByWorkRequest, version: sheet.version, name: sheet.name };
}
