// An access review as CSV: the header and one row per subject (ACCESS_REVIEW_COLUMNS), RFC 4180.
import type { AccessReview, AccessReviewDecisionEntry } from '../../domain/access-review/access-review.js';
import type { TableValue } from '../../domain/access-review/access-review-table.js';
import { ACCESS_REVIEW_COLUMNS, accessReviewRows } from '../../domain/access-review/access-review-table.js';

/**
 * One field, quoted when it holds a comma, quote or line break. Text starting with =, +, - or @
 * gets a leading ' so a spreadsheet never runs a name or comment as a formula (CSV injection).
 */
export function csvField(value: TableValue): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text with a UTF-8 BOM and CRLF line ends, as spreadsheets expect. */
export function accessReviewCsv(
  review: AccessReview,
  decisions: readonly AccessReviewDecisionEntry[],
): string {
  const lines = [
    ACCESS_REVIEW_COLUMNS.map((c) => csvField(c.header)).join(','),
    ...accessReviewRows(review, decisions).map((row) => row.map(csvField).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
