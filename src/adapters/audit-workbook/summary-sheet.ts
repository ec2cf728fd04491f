// The executive summary (billing-domain.md §3.6): status, what the run was, how many findings of
// each severity and rule, and how much money they moved. Every figure comes from AuditRunFigures.
import type { Workbook, Worksheet } from 'exceljs';
import type { AuditRunFigures } from '../../domain/audit-report/audit-run-figures.js';
import { highestSeverityFound } from '../../domain/audit-report/audit-run-figures.js';
import {
  CHANGES_FILL,
  CURRENCY_FORMAT,
  LABEL_FONT,
  LOCAL_TIME_FORMAT,
  NOTE_FONT,
  SECTION_FONT,
  SECURE_FILL,
  severityFill,
  SEVERITY_FONT,
  styleHeaderRow,
  TITLE_FONT,
} from './audit-workbook-styles.js';
import { cellText } from './cell-text.js';
import { localTimeValue } from './local-time-value.js';

export const SUMMARY_SHEET = 'Summary';

/** Labels of the key figures in column A, for writers and tests alike. */
export const SUMMARY_LABELS = {
  status: 'Status',
  runId: 'Run ID',
  company: 'Company',
  generatedAt: 'Generated at',
  timeZone: 'Time zone',
  changes: 'Changes found',
  highestSeverity: 'Highest severity',
  netImpact: 'Total financial impact (net)',
  absoluteImpact: 'Total financial impact (absolute)',
  riskScores: 'Risk scores',
  checkpoint: 'Signed checkpoint',
} as const;

/** Shown instead of a risk figure while the anomaly model is untrained (billing-domain.md §3.5). */
export const RISK_COLD_START_NOTE = 'cold start (rules only)';

/** How the run's risk scores came about: a named model, or a cold start on rules alone. */
export function riskSummary(
  figures: Pick<AuditRunFigures, 'riskColdStart' | 'riskModelId' | 'eventCount'>,
  scored: number,
): string {
  if (figures.riskColdStart) {
    return scored === 0
      ? RISK_COLD_START_NOTE
      : `${RISK_COLD_START_NOTE}: ${scored} of ${figures.eventCount} changes scored by rules and editor context`;
  }
  const model = figures.riskModelId === null ? 'the anomaly model' : `model ${figures.riskModelId}`;
  return `${scored} of ${figures.eventCount} changes scored by ${model}, rules and editor context`;
}

/** What the summary shows besides the figures. */
export interface SummaryContext {
  readonly companyName: string;
  readonly checkpointText: string | undefined;
}

/** Adds the Summary sheet. */
export function writeSummarySheet(
  workbook: Workbook,
  figures: AuditRunFigures,
  context: SummaryContext,
): void {
  const sheet = workbook.addWorksheet(SUMMARY_SHEET, { properties: { tabColor: { argb: 'FFC00000' } } });
  sheet.columns = [{ width: 34 }, { width: 26 }, { width: 18 }, { width: 20 }];
  sheet.getCell('A1').value = 'Ledgerline audit workbook';
  sheet.getCell('A1').font = TITLE_FONT;

  let row = 3;
  const keyValue = (label: string, value: string | number | Date | null, numFmt?: string): void => {
    sheet.getCell(row, 1).value = label;
    sheet.getCell(row, 1).font = LABEL_FONT;
    const cell = sheet.getCell(row, 2);
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
    cell.alignment = { horizontal: 'left' };
    row += 1;
  };

  keyValue(SUMMARY_LABELS.status, figures.status);
  const statusCell = sheet.getCell(row - 1, 2);
  statusCell.font = { bold: true, size: 12 };
  statusCell.fill = figures.status === 'SECURE' ? SECURE_FILL : CHANGES_FILL;
  keyValue(SUMMARY_LABELS.runId, cellText(figures.runId));
  keyValue(SUMMARY_LABELS.company, cellText(context.companyName));
  keyValue(
    SUMMARY_LABELS.generatedAt,
    localTimeValue(figures.generatedAt, figures.timeZone),
    LOCAL_TIME_FORMAT,
  );
  keyValue(SUMMARY_LABELS.timeZone, figures.timeZone);
  keyValue(SUMMARY_LABELS.changes, figures.eventCount);
  keyValue(SUMMARY_LABELS.highestSeverity, highestSeverityFound(figures) ?? 'none');
  keyValue(SUMMARY_LABELS.netImpact, figures.netImpactCents / 100, CURRENCY_FORMAT);
  keyValue(SUMMARY_LABELS.absoluteImpact, figures.absoluteImpactCents / 100, CURRENCY_FORMAT);
  const scored = figures.riskOverTime.length;
  keyValue(SUMMARY_LABELS.riskScores, riskSummary(figures, scored));

  row = writeNotes(sheet, figures, row + 1);
  row = writeSeverityTable(sheet, figures, row + 1);
  row = writeViolationTable(sheet, figures, row + 1);
  if (context.checkpointText !== undefined) writeCheckpoint(sheet, context.checkpointText, row + 1);
}

/** Caveats that change how a figure reads; written only when they apply. */
function writeNotes(sheet: Worksheet, figures: AuditRunFigures, start: number): number {
  const notes: string[] = [];
  if (figures.eventsWithoutImpact > 0) {
    notes.push(
      `${figures.eventsWithoutImpact} finding(s) carry no money figure and count as $0.00 in the totals.`,
    );
  }
  if (figures.eventsTimedByDetection > 0) {
    notes.push(
      `${figures.eventsTimedByDetection} change(s) have no edit time; charts place them at the time Ledgerline detected them.`,
    );
  }
  let row = start;
  for (const note of notes) {
    sheet.getCell(row, 1).value = note;
    sheet.getCell(row, 1).font = NOTE_FONT;
    row += 1;
  }
  return row;
}

function writeSeverityTable(sheet: Worksheet, figures: AuditRunFigures, start: number): number {
  sheet.getCell(start, 1).value = 'Findings by severity';
  sheet.getCell(start, 1).font = SECTION_FONT;
  const header = sheet.getRow(start + 1);
  header.values = ['Severity', 'Count', 'Net impact', 'Absolute impact'];
  styleHeaderRow(header);
  let row = start + 2;
  for (const severity of figures.bySeverity) {
    const cells = sheet.getRow(row);
    cells.values = [
      severity.severity,
      severity.count,
      severity.netImpactCents / 100,
      severity.absoluteImpactCents / 100,
    ];
    cells.getCell(1).fill = severityFill(severity.severity);
    cells.getCell(1).font = SEVERITY_FONT;
    cells.getCell(3).numFmt = CURRENCY_FORMAT;
    cells.getCell(4).numFmt = CURRENCY_FORMAT;
    row += 1;
  }
  // The total row repeats the run totals: it must equal the sum of the rows above (DESIGN.md
  // invariant 5), which holds because both come from the same figures.
  const total = sheet.getRow(row);
  total.values = [
    'TOTAL',
    figures.eventCount,
    figures.netImpactCents / 100,
    figures.absoluteImpactCents / 100,
  ];
  total.font = { bold: true };
  total.getCell(3).numFmt = CURRENCY_FORMAT;
  total.getCell(4).numFmt = CURRENCY_FORMAT;
  return row + 1;
}

function writeViolationTable(sheet: Worksheet, figures: AuditRunFigures, start: number): number {
  sheet.getCell(start, 1).value = 'Findings by rule';
  sheet.getCell(start, 1).font = SECTION_FONT;
  const header = sheet.getRow(start + 1);
  header.values = ['Violation', 'Count', 'Absolute impact'];
  styleHeaderRow(header);
  let row = start + 2;
  if (figures.byViolationType.length === 0) {
    sheet.getCell(row, 1).value = 'No findings in this run.';
    sheet.getCell(row, 1).font = NOTE_FONT;
    return row + 1;
  }
  for (const violation of figures.byViolationType) {
    const cells = sheet.getRow(row);
    cells.values = [cellText(violation.violationType), violation.count, violation.absoluteImpactCents / 100];
    cells.getCell(3).numFmt = CURRENCY_FORMAT;
    row += 1;
  }
  return row;
}

/** The signed audit-chain checkpoint, verbatim, so a reader can verify the log it summarises. */
function writeCheckpoint(sheet: Worksheet, checkpointText: string, start: number): void {
  sheet.getCell(start, 1).value = SUMMARY_LABELS.checkpoint;
  sheet.getCell(start, 1).font = SECTION_FONT;
  const lines = checkpointText.split(/\r?\n/);
  lines.forEach((line, index) => {
    const cell = sheet.getCell(start + 1 + index, 1);
    cell.value = cellText(line);
    // Monospace keeps signatures and hashes legible and easy to copy exactly.
    cell.font = { name: 'Consolas', size: 9 };
  });
}
