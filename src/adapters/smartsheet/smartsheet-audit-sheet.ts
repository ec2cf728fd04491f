// The AuditSheet port over the client: column titles of billing-domain.md §3.6 mapped to ids once
// per sheet, rows appended at the bottom in requests of at most 500 (the API's limit).
import { AppError, ErrorCode } from '../../domain/app-error.js';
import { AUDIT_SHEET_COLUMNS } from '../../ports/audit-sheet.js';
import type { AuditSheet, AuditSheetColumn, AuditSheetRow } from '../../ports/audit-sheet.js';
import type { SmartsheetClient } from './smartsheet-client.js';

const MAX_ROWS_PER_REQUEST = 500;

export function smartsheetAuditSheet(client: SmartsheetClient): AuditSheet {
  const columnsBySheet = new Map<number, Promise<Map<AuditSheetColumn, number>>>();

  function columnsOf(sheetId: number): Promise<Map<AuditSheetColumn, number>> {
    let columns = columnsBySheet.get(sheetId);
    if (!columns) {
      columns = client.getColumns(sheetId).then((list) => {
        const byTitle = new Map(list.map((c) => [c.title.trim().toLowerCase(), c.id]));
        const found = new Map<AuditSheetColumn, number>();
        const missing: string[] = [];
        for (const title of AUDIT_SHEET_COLUMNS) {
          const id = byTitle.get(title.toLowerCase());
          if (id === undefined) missing.push(title);
          else found.set(title, id);
        }
        if (missing.length > 0) {
          throw new AppError(
            ErrorCode.INPUT_INVALID,
            `The audit sheet ${sheetId} lacks the columns: ${missing.join(', ')}`,
            {
              hint: 'Add them (billing-domain.md §3.6) or point LEDGERLINE_AUDIT_SHEET_ID at a sheet that has them.',
            },
          );
        }
        return found;
      });
      columns.catch(() => columnsBySheet.delete(sheetId));
      columnsBySheet.set(sheetId, columns);
    }
    return columns;
  }

  async function cellsOf(sheetId: number, row: AuditSheetRow) {
    const columns = await columnsOf(sheetId);
    return Object.entries(row)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([title, value]) => ({
        columnId: columns.get(title as AuditSheetColumn) as number,
        value: value as string | number,
      }));
  }

  return {
    async readRows(sheetId) {
      const columns = await columnsOf(sheetId);
      const titleById = new Map([...columns].map(([title, id]) => [id, title]));
      const sheet = await client.getSheet(sheetId);
      return sheet.rows.map((row) => {
        const out: AuditSheetRow = {};
        for (const cell of row.cells) {
          const title = titleById.get(cell.columnId);
          if (title && (typeof cell.value === 'string' || typeof cell.value === 'number'))
            out[title] = cell.value;
        }
        return out;
      });
    },

    async appendRows(sheetId, rows) {
      let added = 0;
      for (let start = 0; start < rows.length; start += MAX_ROWS_PER_REQUEST) {
        const chunk = rows.slice(start, start + MAX_ROWS_PER_REQUEST);
        const newRows = await Promise.all(
          chunk.map(async (row) => ({ toBottom: true as const, cells: await cellsOf(sheetId, row) })),
        );
        const result = await client.addRows(sheetId, newRows);
        added += result.rows.length;
      }
      return added;
    },

    async appendRowWithAttachment(sheetId, row, fileName, bytes) {
      const result = await client.addRows(sheetId, [{ toBottom: true, cells: await cellsOf(sheetId, row) }]);
      const created = result.rows[0];
      if (!created)
        throw new AppError(
          ErrorCode.SMARTSHEET_REQUEST,
          `Adding the run summary row to the audit sheet ${sheetId} returned no row`,
        );
      await client.uploadRowAttachment(sheetId, created.id, { fileName, bytes });
    },
  };
}
