import { evaluateBillable } from './billable-rule.js';
import type { BillableRow, BillableRuleContext } from './billable-rule.js';
import type { ParsedBillingRow } from './billing-row.js';
import type { DataQualityFinding } from './data-quality.js';
import { tallyRejections } from './rejection-tally.js';
import type { Rejection, RejectionTally } from './rejection-tally.js';

/** The billable rows of a batch, the rejections counted, and every data-quality finding. */
export interface BillableSelection {
  readonly billable: readonly BillableRow[];
  readonly rejections: RejectionTally;
  readonly findings: readonly DataQualityFinding[];
}

/**
 * Applies the billable rule to a batch of parsed rows (billing-domain.md §1.4) and counts the
 * rejected ones by reason, per sheet and per Work Request, for the run summary.
 */
export function selectBillableRows(
  rows: Iterable<ParsedBillingRow>,
  context: BillableRuleContext,
): BillableSelection {
  const billable: BillableRow[] = [];
  const rejections: Rejection[] = [];
  const findings: DataQualityFinding[] = [];
  for (const row of rows) {
    const outcome = evaluateBillable(row, context);
    findings.push(...outcome.findings);
    if (outcome.billable) billable.push(outcome.row);
    else rejections.push({ sheetId: row.sheetId, workRequest: row.workRequest, reason: outcome.reason });
  }
  return { billable, rejections: tallyRejections(rejections), findings };
}
