// What a change most likely is (billing-domain.md §3.5), with the reasons that decided it. The
// checks run from the most specific to the most general: an automation's re-stamp and a decimal
// slip have unmistakable shapes; touching a billed week without the right to, or editing without
// authorisation, is a suspicious override; a move to the contract rate is a rate update; a high
// risk with none of these is a suspicious override too; the rest is an ordinary correction.
import type { ChangeObservation } from './change-observation.js';

export const PREDICTED_CATEGORIES = [
  'correction',
  'rate_update',
  'data_entry_error',
  'automation_restamp',
  'suspicious_override',
] as const;

export type PredictedCategory = (typeof PREDICTED_CATEGORIES)[number];

export interface CategoryVerdict {
  readonly category: PredictedCategory;
  readonly reasons: readonly string[];
}

/** Rules whose firing means a billed (closed) week was touched. */
const CLOSED_WEEK_RULES = new Set([
  'POST_CLOSE_EDIT',
  'BILLED_ROW_DELETED',
  'WEEK_MOVED',
  'UNCOMPLETED_AFTER_CLOSE',
]);

/** A ratio within 3 % of 10, 100, 1/10 or 1/100: a slipped decimal point or an extra digit. */
function decimalSlip(ratio: number | null): number | undefined {
  if (ratio === null || ratio <= 0) return undefined;
  for (const factor of [10, 100, 0.1, 0.01]) if (Math.abs(ratio / factor - 1) <= 0.03) return factor;
  return undefined;
}

function closeTo(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(2, Math.abs(b) * 0.005);
}

/** The category of a scored change. `risk` is the change's risk score in [0, 1]. */
export function predictCategory(observation: ChangeObservation, risk: number): CategoryVerdict {
  const o = observation;
  const reasons: string[] = [];
  if (!o.editorHuman || o.changeAgent !== null) {
    reasons.push(
      o.editorHuman
        ? `made by automation "${o.changeAgent}"`
        : `editor ${o.editor ?? 'unknown'} is an automation identity`,
    );
    if (o.field === 'weekEnding' || o.field === 'snapshotDate')
      reasons.push(`it re-stamped the ${o.field === 'weekEnding' ? 'week ending' : 'snapshot date'}`);
    return { category: 'automation_restamp', reasons };
  }
  const slip = decimalSlip(o.valueRatio);
  if (slip !== undefined) {
    return {
      category: 'data_entry_error',
      reasons: [
        `the new ${o.field} is ${slip >= 1 ? `${slip}×` : `1/${Math.round(1 / slip)} of`} the old one — a slipped decimal point or extra digit`,
      ],
    };
  }
  if (o.deltaCents === null && (o.field === 'price' || o.field === 'quantity')) {
    return { category: 'data_entry_error', reasons: [`the new ${o.field} cannot be read as a number`] };
  }
  const rate =
    o.unitPriceCents !== null && o.contractUnitCents !== null && o.contractUnitCents > 0
      ? {
          unit: o.unitPriceCents,
          contract: o.contractUnitCents,
          ratio: o.unitPriceCents / o.contractUnitCents,
        }
      : undefined;
  if (rate && o.field === 'price') {
    if (rate.ratio > 5) reasons.push(`unit price is ${rate.ratio.toFixed(1)}× the contract rate`);
    if (rate.ratio < 0.2)
      reasons.push(`unit price is ${(rate.ratio * 100).toFixed(0)} % of the contract rate`);
    if (reasons.length > 0) return { category: 'data_entry_error', reasons };
  }
  // Touching a billed week without the right to, or editing without being authorised, outranks the
  // benign readings below: even a move to the contract rate is not for such an editor to make.
  const closedRules = o.rules.filter((code) => CLOSED_WEEK_RULES.has(code));
  if (!o.editorCorrector && (closedRules.length > 0 || o.hoursAfterClose > 0)) {
    reasons.push(
      closedRules.length > 0 ? `touches a billed week (${closedRules.join(', ')})` : 'touches a billed week',
      'the editor does not hold billing.correct',
    );
  }
  if (o.rules.includes('UNAUTHORIZED_EDITOR'))
    reasons.push('the editor is not on the sheet’s authorised list');
  if (reasons.length > 0) return { category: 'suspicious_override', reasons };
  if (rate && o.field === 'price' && closeTo(rate.unit, rate.contract)) {
    return { category: 'rate_update', reasons: ['the new unit price equals the contract rate'] };
  }
  if (risk >= 0.6) {
    return {
      category: 'suspicious_override',
      reasons: [`risk ${risk.toFixed(2)} is high for an ordinary correction`],
    };
  }

  if (o.rules.includes('AUTHORIZED_CORRECTION')) reasons.push('an authorised correction of a billed week');
  else if (o.hoursAfterClose === 0) reasons.push('the week was still open');
  if (o.editorCorrector) reasons.push('the editor holds billing.correct');
  if (o.editorAuthorised === true) reasons.push('the editor is on the sheet’s authorised list');
  if (reasons.length === 0) reasons.push('no rule or unusual pattern points elsewhere');
  return { category: 'correction', reasons };
}
