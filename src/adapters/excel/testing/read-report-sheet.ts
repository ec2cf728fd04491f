// Reads a rendered workbook back with ExcelJS, the way a test (or a person in Excel) sees it:
// the sheet, plain cell values, money as cents, and the day blocks walked from the sheet itself.
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { FIRST_BLOCK_ROW, SHEET_NAME } from '../workbook-layout.js';

export async function loadReportSheet(
  bytes: Uint8Array,
): Promise<{ workbook: ExcelJS.Workbook; sheet: Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(SHEET_NAME);
  if (!sheet) throw new Error(`The workbook has no "${SHEET_NAME}" sheet.`);
  return { workbook, sheet };
}

/** A currency cell read back as integer cents; throws when the cell is not a number. */
export function centsAt(sheet: Worksheet, address: string): number {
  const value = sheet.getCell(address).value;
  if (typeof value !== 'number') throw new Error(`${address} holds ${JSON.stringify(value)}, not a number.`);
  return Math.round(value * 100);
}

export interface SheetLine {
  row: number;
  values: unknown[];
  priceCents: number;
}

export interface SheetBlock {
  label: unknown;
  headerRow: number;
  columnHeaders: unknown[];
  lines: SheetLine[];
  totalRow: number;
  totalLabel: unknown;
  totalCents: number;
}

/**
 * Walks the day blocks from FIRST_BLOCK_ROW: day header, column headers, lines until a `TOTAL`
 * row, then the blank gap, until the `WEEK TOTAL` row. Fails loudly when the sheet breaks that shape.
 */
export function readBlocks(sheet: Worksheet): {
  blocks: SheetBlock[];
  weekTotalRow: number;
  weekTotalCents: number;
} {
  const blocks: SheetBlock[] = [];
  let row = FIRST_BLOCK_ROW;
  while (textAt(sheet, `A${row}`) !== 'WEEK TOTAL') {
    if (row > sheet.rowCount) throw new Error('No WEEK TOTAL row closes the sheet.');
    const headerRow = row;
    const lines: SheetLine[] = [];
    let lineRow = headerRow + 2;
    while (textAt(sheet, `A${lineRow}`) !== 'TOTAL') {
      if (lineRow > sheet.rowCount) throw new Error(`The block at row ${headerRow} has no TOTAL row.`);
      lines.push({
        row: lineRow,
        values: rowValues(sheet, lineRow),
        priceCents: centsAt(sheet, `H${lineRow}`),
      });
      lineRow += 1;
    }
    blocks.push({
      label: sheet.getCell(`A${headerRow}`).value,
      headerRow,
      columnHeaders: rowValues(sheet, headerRow + 1),
      lines,
      totalRow: lineRow,
      totalLabel: sheet.getCell(`A${lineRow}`).value,
      totalCents: centsAt(sheet, `H${lineRow}`),
    });
    row = lineRow + 3;
  }
  return { blocks, weekTotalRow: row, weekTotalCents: centsAt(sheet, `H${row}`) };
}

/** Values of columns A..H of a row (null where empty). */
export function rowValues(sheet: Worksheet, row: number): unknown[] {
  return 'ABCDEFGH'.split('').map((column) => sheet.getCell(`${column}${row}`).value ?? null);
}

function textAt(sheet: Worksheet, address: string): string | undefined {
  const value = sheet.getCell(address).value;
  return typeof value === 'string' ? value : undefined;
}
