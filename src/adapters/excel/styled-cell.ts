// Writing one value with its style, alone or across a merged range.
import type { CellValue, Style, Worksheet } from 'exceljs';

export type CellStyle = Partial<Pick<Style, 'font' | 'fill' | 'alignment' | 'numFmt'>>;

/** Writes a value and style to one cell, e.g. `C8`. */
export function writeCell(sheet: Worksheet, address: string, value: CellValue, style: CellStyle = {}): void {
  const cell = sheet.getCell(address);
  cell.value = value;
  if (style.font) cell.font = style.font;
  if (style.fill) cell.fill = style.fill;
  if (style.alignment) cell.alignment = style.alignment;
  if (style.numFmt) cell.numFmt = style.numFmt;
}

/**
 * Writes a value over a merged range such as `D2:I4`. The top-left cell is styled before the
 * merge because ExcelJS copies the master's style onto the merged cells at merge time, so fills
 * cover the whole range in every spreadsheet program.
 */
export function writeMergedCell(
  sheet: Worksheet,
  range: string,
  value: CellValue,
  style: CellStyle = {},
): void {
  const topLeft = range.split(':')[0] ?? range;
  writeCell(sheet, topLeft, value, style);
  sheet.mergeCells(range);
}
