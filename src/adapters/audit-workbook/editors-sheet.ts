// Per-editor activity (billing-domain.md §3.6): who changed billed money in the run, how often,
// how much, when, and how seriously, biggest impact first.
import type { Workbook } from 'exceljs';
import type { AuditRunFigures } from '../../domain/audit-report/audit-run-figures.js';
import { SEVERITIES_BY_RANK } from '../../domain/audit-report/severity-rank.js';
import {
  CURRENCY_FORMAT,
  LOCAL_TIME_FORMAT,
  NOTE_FONT,
  SCORE_FORMAT,
  severityFill,
  SEVERITY_FONT,
  styleHeaderRow,
} from './audit-workbook-styles.js';
import { cellText } from './cell-text.js';
import { localTimeValue } from './local-time-value.js';

export const EDITORS_SHEET = 'Editors';

/** Headers of the Editors sheet, in order; one column per severity after the totals. */
export function editorHeaders(timeZone: string): readonly string[] {
  return [
    'Editor',
    'Changes',
    'Net Impact',
    'Absolute Impact',
    `First Change (${timeZone})`,
    `Last Change (${timeZone})`,
    'Highest Severity',
    ...SEVERITIES_BY_RANK,
    'Max Risk Score',
  ];
}

/** Adds the Editors sheet from the figures' per-editor activity. */
export function writeEditorsSheet(workbook: Workbook, figures: AuditRunFigures): void {
  const sheet = workbook.addWorksheet(EDITORS_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const headers = editorHeaders(figures.timeZone);
  sheet.columns = headers.map((header, index) => ({
    width: index === 0 ? 32 : Math.max(11, header.length + 2),
  }));
  const header = sheet.getRow(1);
  header.values = [...headers];
  styleHeaderRow(header);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };

  figures.editors.forEach((activity, index) => {
    const row = sheet.getRow(index + 2);
    row.values = [
      cellText(activity.editor),
      activity.changes,
      activity.netImpactCents / 100,
      activity.absoluteImpactCents / 100,
      localTimeValue(activity.firstChangeAt, figures.timeZone),
      localTimeValue(activity.lastChangeAt, figures.timeZone),
      activity.highestSeverity,
      ...SEVERITIES_BY_RANK.map((severity) => activity.countsBySeverity[severity]),
      // No score is shown as an empty cell: the Summary explains a cold start once.
      activity.maxRiskScore,
    ];
    row.getCell(3).numFmt = CURRENCY_FORMAT;
    row.getCell(4).numFmt = CURRENCY_FORMAT;
    row.getCell(5).numFmt = LOCAL_TIME_FORMAT;
    row.getCell(6).numFmt = LOCAL_TIME_FORMAT;
    row.getCell(7).fill = severityFill(activity.highestSeverity);
    row.getCell(7).font = SEVERITY_FONT;
    row.getCell(headers.length).numFmt = SCORE_FORMAT;
  });
  if (figures.editors.length === 0) {
    sheet.getCell('A2').value = 'No editor changed billed money in this run.';
    sheet.getCell('A2').font = NOTE_FONT;
  }
}
