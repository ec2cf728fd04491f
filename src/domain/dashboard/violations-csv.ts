// The Violations page's CSV export (issue #7): exactly the rows of the filtered, sorted view, one
// record per event under a header, RFC 4180 (comma separated, CRLF line ends, a field holding a
// comma, quote or line break quoted with its quotes doubled).
import type { ViolationView } from './violation-view.js';

/** The exported columns, in order: the header names are the JSON field names of the API. */
export const VIOLATION_CSV_COLUMNS = [
  'seq',
  'eventId',
  'timestamp',
  'severity',
  'violationType',
  'sheetId',
  'sheetName',
  'rowId',
  'workRequest',
  'weekEnding',
  'columnName',
  'oldValue',
  'newValue',
  'deltaCents',
  'changedBy',
  'changedAt',
  'riskScore',
  'anomalyScore',
  'predictedCategory',
  'reviewStatus',
  'issueDescription',
  'suggestedFix',
  'sheetReference',
  'runId',
] as const satisfies readonly (keyof ViolationView)[];

const NEEDS_QUOTES = /[",\r\n]/;
// A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection"). A
// number such as -12.5 is data, not a formula, and is left as it is.
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One field as RFC 4180 writes it. Text a spreadsheet would run as a formula gets a leading `'`,
 * which spreadsheets show as plain text; numbers are written as they are.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF included. */
export function csvRecord(fields: readonly (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** The header record. */
export function violationsCsvHeader(): string {
  return csvRecord(VIOLATION_CSV_COLUMNS);
}

/** The record of one event. */
export function violationCsvRecord(view: ViolationView): string {
  return csvRecord(VIOLATION_CSV_COLUMNS.map((column) => view[column]));
}
