// An access review as an Excel workbook (ExcelJS): a Summary sheet with the counts a reviewer reads
// first, and a Subjects sheet with one row per subject — frozen header, filters, widths, dates as
// dates, flags and recommendations coloured.
import ExcelJS from 'exceljs';
import type { Fill, Row, Worksheet } from 'exceljs';
import type { AccessReview, AccessReviewDecisionEntry } from '../../domain/access-review/access-review.js';
import { summariseAccessReview } from '../../domain/access-review/access-review.js';
import type { Recommendation } from '../../domain/access-review/access-review-subject.js';
import {
  ACCESS_FLAGS,
  ACCESS_DECISIONS,
  RECOMMENDATIONS,
} from '../../domain/access-review/access-review-subject.js';
import { ACCESS_REVIEW_COLUMNS, accessReviewRows } from '../../domain/access-review/access-review-table.js';

export const SUMMARY_SHEET = 'Summary';
export const SUBJECTS_SHEET = 'Subjects';
const INSTANT_FORMAT = 'yyyy-mm-dd hh:mm';
const BRAND_RED = 'FFC00000';
const WHITE = 'FFFFFFFF';

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Excel's own good / neutral / bad fills, so the colours read as they do everywhere else. */
const RECOMMENDATION_FILLS: Readonly<Record<Recommendation, Fill>> = {
  keep: solid('FFC6EFCE'),
  review: solid('FFFFEB9C'),
  'enable-mfa': solid('FFFFEB9C'),
  downgrade: solid('FFFFC7CE'),
  revoke: solid('FFFFC7CE'),
};

function styleHeader(row: Row): void {
  row.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: WHITE } };
    cell.fill = solid(BRAND_RED);
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  row.height = 30;
}

function writeSummary(
  sheet: Worksheet,
  review: AccessReview,
  decisions: readonly AccessReviewDecisionEntry[],
): void {
  const summary = summariseAccessReview(review, decisions);
  sheet.columns = [{ width: 34 }, { width: 22 }];
  sheet.getCell('A1').value = `Access review ${review.period}`;
  sheet.getCell('A1').font = { bold: true, size: 16, color: { argb: 'FF404040' } };
  const lines: [string, string | number | Date][] = [
    ['Review id', review.id],
    ['Created (UTC)', new Date(review.createdAt)],
    ['Created by', review.createdBy],
    ['Inactive after (days)', review.thresholds.inactiveDays],
    ['Review due after (days)', review.thresholds.reviewIntervalDays],
    ['Privilege unused after (days)', review.thresholds.privilegedUnusedDays],
    ['Source sheets reviewed', review.sheets.length],
    ['Sheets whose shares could not be read', summary.sheetProblems],
    ['', ''],
    ['Subjects', summary.subjects],
    ['Ledgerline accounts', summary.accounts],
    ['Smartsheet subjects', summary.smartsheetSubjects],
    ['Flagged', summary.flagged],
    ['Decided', summary.decided],
    ['Undecided', summary.undecided],
  ];
  let rowNumber = 3;
  const put = (label: string, value: string | number | Date, bold = true) => {
    const row = sheet.getRow(rowNumber++);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold };
    row.getCell(2).value = value;
    if (value instanceof Date) row.getCell(2).numFmt = INSTANT_FORMAT;
    row.getCell(2).alignment = { horizontal: 'right' };
  };
  for (const [label, value] of lines) put(label, value);
  const section = (title: string, counts: Readonly<Record<string, number>>, keys: readonly string[]) => {
    rowNumber += 1;
    const header = sheet.getRow(rowNumber++);
    header.values = [title, 'Subjects'];
    styleHeader(header);
    for (const key of keys) put(key, counts[key] ?? 0, false);
  };
  section('Flag', summary.byFlag, ACCESS_FLAGS);
  section('Recommendation', summary.byRecommendation, RECOMMENDATIONS);
  section('Decision', summary.byDecision, ACCESS_DECISIONS);
  const problems = review.sheets.filter((s) => s.problem !== null);
  if (problems.length > 0) {
    rowNumber += 1;
    const header = sheet.getRow(rowNumber++);
    header.values = ['Sheet not read', 'Problem'];
    styleHeader(header);
    for (const s of problems) put(`${s.sheetName} (${s.sheetId})`, s.problem ?? '', false);
  }
}

function writeSubjects(
  sheet: Worksheet,
  review: AccessReview,
  decisions: readonly AccessReviewDecisionEntry[],
): void {
  sheet.columns = ACCESS_REVIEW_COLUMNS.map((c) => ({ width: c.width }));
  const header = sheet.getRow(1);
  header.values = ACCESS_REVIEW_COLUMNS.map((c) => c.header);
  styleHeader(header);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ACCESS_REVIEW_COLUMNS.length } };
  const recommendationColumn = ACCESS_REVIEW_COLUMNS.findIndex((c) => c.header === 'Recommendation') + 1;
  accessReviewRows(review, decisions).forEach((values, index) => {
    const row = sheet.getRow(index + 2);
    values.forEach((value, column) => {
      const spec = ACCESS_REVIEW_COLUMNS[column];
      const cell = row.getCell(column + 1);
      if (value === null) return;
      if (spec?.kind === 'instant' && typeof value === 'string') {
        cell.value = new Date(value);
        cell.numFmt = INSTANT_FORMAT;
      } else if (spec?.kind === 'boolean') {
        cell.value = value === true ? 'yes' : 'no';
        cell.alignment = { horizontal: 'center' };
      } else {
        cell.value = value;
      }
      cell.alignment = {
        ...cell.alignment,
        vertical: 'top',
        wrapText: spec?.width !== undefined && spec.width >= 30,
      };
    });
    const recommendation = values[recommendationColumn - 1] as Recommendation;
    row.getCell(recommendationColumn).fill = RECOMMENDATION_FILLS[recommendation];
    row.getCell(recommendationColumn).font = { bold: true };
  });
  if (review.subjects.length === 0) sheet.getCell('A2').value = 'No accounts and no sheet shares were found.';
}

/** The .xlsx bytes: Summary first (the sheet that opens), then Subjects. */
export async function renderAccessReviewWorkbook(
  review: AccessReview,
  decisions: readonly AccessReviewDecisionEntry[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const created = new Date(review.createdAt);
  workbook.creator = 'Ledgerline';
  workbook.lastModifiedBy = 'Ledgerline';
  workbook.created = created;
  workbook.modified = created;
  workbook.title = `Access review ${review.period}`;
  writeSummary(
    workbook.addWorksheet(SUMMARY_SHEET, { properties: { tabColor: { argb: BRAND_RED } } }),
    review,
    decisions,
  );
  writeSubjects(
    workbook.addWorksheet(SUBJECTS_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] }),
    review,
    decisions,
  );
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
