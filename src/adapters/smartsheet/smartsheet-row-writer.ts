// The SheetRowWriter port over the client: `restore rows` puts billed values back with one update
// request per 500 rows, each carrying Ledgerline's change agent. A cleared cell is written as "".
import type { SheetRowWriter } from '../../ports/sheet-row-writer.js';
import type { SmartsheetClient } from './smartsheet-client.js';

export function smartsheetRowWriter(client: SmartsheetClient): SheetRowWriter {
  let identity: Promise<string | null> | undefined;
  return {
    async updateRowCells(sheetId, updates) {
      const result = await client.updateRows(
        sheetId,
        updates.map((update) => ({
          id: update.rowId,
          cells: update.cells.map((cell) => ({ columnId: cell.columnId, value: cell.value ?? '' })),
        })),
      );
      return { rowsWritten: result.rows.length };
    },
    writerIdentity() {
      identity ??= client.getCurrentUser().then(
        (user) => user.email.toLowerCase(),
        () => null,
      );
      return identity;
    },
  };
}
