// The body of the sheet: one block per day (header, column headers, line rows, TOTAL), then the
// WEEK TOTAL row that closes the sheet (billing-domain.md §2.3).
import type { CellValue, Worksheet } from 'exceljs';
import type { ReportDayBlock, ReportLine, WeeklyReport } from '../../ports/report-writer.js';
import { writeCell, writeMergedCell } from './styled-cell.js';
import {
  BLOCK_FIRST_COLUMN,
  BLOCK_LAST_COLUMN,
  CURRENCY_FORMAT,
  FIRST_BLOCK_ROW,
  PRICE_COLUMN,
  ROWS_BETWEEN_BLOCKS,
  STYLE,
  TOTAL_LABEL_LAST_COLUMN,
} from './workbook-layout.js';

interface LineColumn {
  column: string;
  header: string;
  value: (line: ReportLine) => CellValue;
  numFmt?: string;
}

/** One row per line item: where each field goes and under which header. */
const LINE_COLUMNS: readonly LineColumn[] = [
  { column: 'A', header: 'Point Number', value: (line) => line.pointNumber },
  { column: 'B', header: 'Billable Unit Code', value: (line) => line.cu },
  { column: 'C', header: 'Work Type', value: (line) => line.workType },
  { column: 'D', header: 'Unit Description', value: (line) => line.description },
  { column: 'E', header: 'Unit of Measure', value: (line) => line.uom },
  // A number in General format keeps its decimals (1.5 stays 1.5); unreadable text prints as typed.
  { column: 'F', header: '# Units', value: (line) => line.quantity ?? null },
  { column: 'G', header: 'Scope #', value: (line) => line.scope },
  // Integer cents to a currency number: the cell stays numeric so Excel can sum it.
  {
    column: PRICE_COLUMN,
    header: 'Pricing',
    value: (line) => line.priceCents / 100,
    numFmt: CURRENCY_FORMAT,
  },
];

/** Writes every block from FIRST_BLOCK_ROW down, then WEEK TOTAL; returns the WEEK TOTAL row. */
export function writeDayBlocks(sheet: Worksheet, report: WeeklyReport): number {
  let row = FIRST_BLOCK_ROW;
  for (const block of report.blocks) {
    row = writeBlock(sheet, block, row) + ROWS_BETWEEN_BLOCKS + 1;
  }
  writeTotalRow(sheet, row, 'WEEK TOTAL', report.totalCents, STYLE.weekTotal);
  return row;
}

/** Writes one block from `firstRow`; returns the row of its TOTAL. */
function writeBlock(sheet: Worksheet, block: ReportDayBlock, firstRow: number): number {
  const dayHeaderRange = `${BLOCK_FIRST_COLUMN}${firstRow}:${BLOCK_LAST_COLUMN}${firstRow}`;
  writeMergedCell(sheet, dayHeaderRange, block.label, STYLE.dayHeader);
  const headerRow = firstRow + 1;
  for (const { column, header } of LINE_COLUMNS) {
    writeCell(sheet, `${column}${headerRow}`, header, STYLE.columnHeader);
  }
  block.lines.forEach((line, index) => {
    const row = headerRow + 1 + index;
    const zebra = index % 2 === 1 ? STYLE.zebra : {};
    for (const { column, value, numFmt } of LINE_COLUMNS) {
      writeCell(sheet, `${column}${row}`, value(line), { ...zebra, ...(numFmt ? { numFmt } : {}) });
    }
  });
  const totalRow = headerRow + 1 + block.lines.length;
  writeTotalRow(sheet, totalRow, 'TOTAL', block.totalCents, STYLE.total);
  return totalRow;
}

function writeTotalRow(
  sheet: Worksheet,
  row: number,
  label: string,
  cents: number,
  style: typeof STYLE.total | typeof STYLE.weekTotal,
): void {
  writeMergedCell(sheet, `${BLOCK_FIRST_COLUMN}${row}:${TOTAL_LABEL_LAST_COLUMN}${row}`, label, style);
  writeCell(sheet, `${PRICE_COLUMN}${row}`, cents / 100, { ...style, numFmt: CURRENCY_FORMAT });
}
