// Test support: opens an audit workbook the way a reader would (ExcelJS for cells, JSZip for the
// package parts) so tests assert on what the auditor sees.
import ExcelJS from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';
import JSZip from 'jszip';

/** The workbook's sheets by name, plus its raw package entries. */
export interface OpenedAuditWorkbook {
  readonly workbook: ExcelJS.Workbook;
  sheet(name: string): Worksheet;
  /** Paths and bytes of the files under `xl/media/`. */
  readonly media: ReadonlyMap<string, Uint8Array>;
  readonly entryNames: readonly string[];
}

/** Loads the bytes with ExcelJS and JSZip. */
export async function openAuditWorkbook(bytes: Uint8Array): Promise<OpenedAuditWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const zip = await JSZip.loadAsync(bytes);
  const media = new Map<string, Uint8Array>();
  for (const file of Object.values(zip.files)) {
    if (!file.dir && file.name.startsWith('xl/media/')) media.set(file.name, await file.async('uint8array'));
  }
  return {
    workbook,
    sheet(name) {
      const sheet = workbook.getWorksheet(name);
      if (!sheet) throw new Error(`The workbook has no sheet "${name}"`);
      return sheet;
    },
    media,
    entryNames: Object.keys(zip.files),
  };
}

/** Column B's value for each label in column A (the Summary's key figures and tables). */
export function valuesByLabel(sheet: Worksheet): Map<string, CellValue> {
  const values = new Map<string, CellValue>();
  sheet.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string' && !values.has(label)) values.set(label, row.getCell(2).value);
  });
  return values;
}

/** The rows below the header row holding `firstHeader` in column A, until the first blank row. */
export function tableBelow(sheet: Worksheet, firstHeader: string): CellValue[][] {
  const rows: CellValue[][] = [];
  let inside = false;
  for (let index = 1; index <= sheet.rowCount; index += 1) {
    const row = sheet.getRow(index);
    const first = row.getCell(1).value;
    if (!inside) {
      inside = first === firstHeader;
      continue;
    }
    if (first === null || first === undefined || first === '') break;
    rows.push((row.values as CellValue[]).slice(1));
  }
  return rows;
}

/** Every text value of column A, for captions and notes. */
export function columnAText(sheet: Worksheet): string[] {
  const texts: string[] = [];
  sheet.eachRow((row) => {
    const value = row.getCell(1).value;
    if (typeof value === 'string') texts.push(value);
  });
  return texts;
}
