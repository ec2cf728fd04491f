// Rows 1..14 of the sheet: logo or company name, title, generation stamp, the summary box on the
// left and the details box on the right (billing-domain.md §2.3).
import type { Workbook, Worksheet } from 'exceljs';
import type { ReportBranding, WeeklyReport } from '../../ports/report-writer.js';
import { logoPlacement } from './logo-placement.js';
import { billingPeriodText, generatedOnText } from './report-captions.js';
import { writeCell, writeMergedCell } from './styled-cell.js';
import {
  CURRENCY_FORMAT,
  DETAIL_FIELDS,
  DETAILS_FIRST_ROW,
  DETAILS_HEADER_RANGE,
  GENERATED_ON_RANGE,
  STYLE,
  SUMMARY_HEADER_RANGE,
  SUMMARY_ROWS,
  TITLE_RANGE,
  TITLE_TEXT,
} from './workbook-layout.js';

export function writeReportHeader(
  workbook: Workbook,
  sheet: Worksheet,
  report: WeeklyReport,
  branding: ReportBranding,
): void {
  writeBrand(workbook, sheet, branding);
  writeMergedCell(sheet, TITLE_RANGE, TITLE_TEXT, STYLE.title);
  writeMergedCell(
    sheet,
    GENERATED_ON_RANGE,
    generatedOnText(report.generatedAt, branding.timeZone),
    STYLE.generatedOn,
  );
  writeSummary(sheet, report);
  writeDetails(sheet, report);
}

function writeBrand(workbook: Workbook, sheet: Worksheet, branding: ReportBranding): void {
  if (!branding.logo) {
    writeCell(sheet, 'A1', branding.companyName, STYLE.companyName);
    return;
  }
  const placement = logoPlacement(branding.logo);
  const { data, extension } = branding.logo;
  // ExcelJS declares its own Buffer type; a Node Buffer over the same bytes is what it reads.
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const imageId = workbook.addImage({ buffer: buffer as unknown as ArrayBuffer, extension });
  sheet.addImage(imageId, { ...placement, editAs: 'oneCell' });
}

function writeSummary(sheet: Worksheet, report: WeeklyReport): void {
  writeMergedCell(sheet, SUMMARY_HEADER_RANGE, 'REPORT SUMMARY', STYLE.sectionHeader);
  const rows: readonly [number, string, string | number, string?][] = [
    [SUMMARY_ROWS.totalBilled, 'Total Billed Amount:', report.totalCents / 100, CURRENCY_FORMAT],
    [SUMMARY_ROWS.lineCount, 'Total Line Items:', report.lineCount],
    [SUMMARY_ROWS.billingPeriod, 'Billing Period:', billingPeriodText(report.periodStart, report.periodEnd)],
  ];
  for (const [row, label, value, numFmt] of rows) {
    writeCell(sheet, `B${row}`, label, STYLE.label);
    writeMergedCell(sheet, `C${row}:D${row}`, value, { ...STYLE.value, ...(numFmt ? { numFmt } : {}) });
  }
}

function writeDetails(sheet: Worksheet, report: WeeklyReport): void {
  writeMergedCell(sheet, DETAILS_HEADER_RANGE, 'REPORT DETAILS', STYLE.sectionHeader);
  DETAIL_FIELDS.forEach(([label, field], index) => {
    const row = DETAILS_FIRST_ROW + index;
    writeCell(sheet, `F${row}`, label, STYLE.label);
    writeMergedCell(sheet, `G${row}:I${row}`, report[field], STYLE.value);
  });
}
