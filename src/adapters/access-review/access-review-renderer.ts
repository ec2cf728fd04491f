// The AccessReviewRenderer port over the workbook and CSV writers.
import type { AccessReviewRenderer } from '../../ports/access-review-renderer.js';
import { accessReviewCsv } from './access-review-csv.js';
import { renderAccessReviewWorkbook } from './access-review-workbook.js';

export function accessReviewRenderer(): AccessReviewRenderer {
  return { workbook: renderAccessReviewWorkbook, csv: accessReviewCsv };
}
