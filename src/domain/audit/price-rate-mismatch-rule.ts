import type { BillingField } from '../billing-field.js';
import { expectedPrice, unitPriceFor } from '../expected-price.js';
import { findRate } from '../rate-table.js';
import { AuditRuleCode } from './audit-finding.js';
import type { AuditFinding, ChangeRule } from './audit-finding.js';
import { changeFactsOf } from './change-facts.js';
import { amount, capitalise, rowLabel, signedAmount } from './finding-wording.js';
import { exceedsRateTolerance, rateToleranceCents } from './rate-tolerance.js';
import { atLeast, severityForImpact } from './severity-band.js';

// Changes that can make a billable row's price disagree with its rate (completed: it becomes billable).
const PRICING_FIELDS: ReadonlySet<BillingField> = new Set([
  'price',
  'quantity',
  'cu',
  'workType',
  'completed',
]);

/**
 * PRICE_RATE_MISMATCH (billing-domain.md §3.3): after a change to a billable row's price,
 * quantity, CU, work type or completion (or its creation), a rate table is loaded, it knows the CU
 * and a price for the work type, and |price − rate × quantity| > max($0.02, 0.5 % of expected).
 * LOW at least, higher by the band of the mismatch itself (the money billed off-contract). Other
 * edits of an already mismatched row do not raise it again.
 */
export const priceRateMismatchRule: ChangeRule = (change, context): AuditFinding | undefined => {
  const { rateTable } = context;
  if (!rateTable) return undefined;
  if (change.kind === 'row-deleted') return undefined;
  if (change.kind === 'cell' && (change.field === undefined || !PRICING_FIELDS.has(change.field))) {
    return undefined;
  }
  const facts = changeFactsOf(change, context);
  const after = facts.after;
  if (!after?.outcome.billable) return undefined;
  const row = after.outcome.row;
  if (row.cu === undefined || row.quantity === undefined || row.workType === 'unknown') return undefined;
  const rate = findRate(rateTable, row.cu);
  const unitPrice = rate && unitPriceFor(rate, row.workType);
  const expected = rate && expectedPrice(rate, row.workType, row.quantity);
  if (unitPrice === undefined || expected === undefined) return undefined;
  if (!exceedsRateTolerance(row.priceCents, expected, context.rateTolerance)) return undefined;
  const mismatch = row.priceCents - expected;
  const tolerance = rateToleranceCents(expected, context.rateTolerance);
  return {
    code: AuditRuleCode.PRICE_RATE_MISMATCH,
    severity: atLeast('LOW', severityForImpact(mismatch, context.bands)),
    deltaCents: facts.impact.deltaCents,
    weekEnding: facts.weekEnding ?? null,
    isHistorical: facts.closedWeek !== undefined,
    issueDescription: `${capitalise(rowLabel(change, facts.workRequest))} bills ${amount(row.priceCents)} for ${row.quantityText ?? row.quantity} × ${row.cu} (${row.workType}), but the contract rate of ${amount(unitPrice)} gives ${amount(expected)}: ${signedAmount(mismatch)} off, beyond the ${amount(tolerance)} tolerance.`,
    suggestedFix: `Correct the price to ${amount(expected)}, or record why this unit is billed off-contract (and update the rate table if the contract rate changed).`,
    reasons: [
      `rate table ${rateTable.fingerprint.slice(0, 12)} prices ${row.cu} ${row.workType} at ${amount(unitPrice)}`,
      `|price − rate × quantity| = ${amount(Math.abs(mismatch))} exceeds ${amount(tolerance)}`,
    ],
    details: {
      expectedPriceCents: expected,
      billedPriceCents: row.priceCents,
      mismatchCents: mismatch,
      toleranceCents: tolerance,
      contractUnitPriceCents: unitPrice,
      quantity: row.quantity,
      cu: row.cu,
      workType: row.workType,
      rateTableFingerprint: rateTable.fingerprint,
    },
  };
};
