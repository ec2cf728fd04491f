// Writing cell values back into Smartsheet rows: what `restore rows` needs (issue #9), named for that
// use case. Writes carry Ledgerline's change agent like every other write.

/** One row's cells to set, by column id. */
export interface RowCellsUpdate {
  readonly rowId: number;
  readonly cells: readonly { readonly columnId: number; readonly value: string | number | boolean | null }[];
}

export interface SheetRowWriter {
  /** Sets the cells; returns the rows that were written. `null` clears a cell. */
  updateRowCells(sheetId: number, updates: readonly RowCellsUpdate[]): Promise<{ rowsWritten: number }>;
  /** The e-mail of the account the writes are made as (who the trail names), when known. */
  writerIdentity(): Promise<string | null>;
}
