// Financial impact of one change (billing-domain.md §3.2), in integer cents. A positive Δ bills
// more, a negative Δ bills less; for moves Δ is what leaves the old week or Work Request.
import type { IsoDate } from '../calendar-date.js';
import { exactDecimalFromNumber } from '../exact-decimal.js';
import { unitPriceFor } from '../expected-price.js';
import type { Cents } from '../money.js';
import { findRate } from '../rate-table.js';
import type { AttributedChange } from './attributed-change.js';
import type { AuditContext } from './audit-context.js';
import { changeRowsOf, weekOfDate } from './change-rows.js';
import type { RowState } from './change-rows.js';

/** Which §3.2 formula produced the impact. */
export type ImpactBasis =
  | 'price-change'
  | 'quantity-change'
  | 'completed-unchecked'
  | 'completed-checked'
  | 'week-moved'
  | 'snapshot-week-moved'
  | 'work-request-moved'
  | 'row-deleted'
  | 'row-created'
  | 'no-price-effect';

/** The impact of a change and what it was computed from. */
export interface FinancialImpact {
  /** Δ in cents; null when a value it depends on cannot be read. */
  readonly deltaCents: number | null;
  readonly basis: ImpactBasis;
  /** For a quantity change: the unit price used, and where it came from. */
  readonly unitPriceCents?: Cents | undefined;
  readonly unitPriceSource?: 'contract-rate' | 'row-price' | undefined;
  /** For week moves: the week the price leaves and the week it enters (undefined: no week). */
  readonly fromWeek?: IsoDate | undefined;
  readonly toWeek?: IsoDate | undefined;
}

/**
 * The financial impact of a change (billing-domain.md §3.2):
 * - price: Δ = new − old;
 * - quantity: Δ = (new − old quantity) × unit price, the contract rate when the rate table knows
 *   the CU and work type, else the row's price ÷ its old quantity (exact decimal arithmetic,
 *   rounded half away from zero);
 * - completed unchecked: Δ = −price; checked again: Δ = +price;
 * - week ending or snapshot date moving the row to another week: Δ = −price, the price leaving
 *   the old week (both weeks are returned);
 * - Work Request changed: Δ = −price, the price leaving the old Work Request's bill (a Decision:
 *   §3.2 is silent, and the money moves between bills just as it does between weeks);
 * - billed (billable) row deleted: Δ = −price; billable row created: Δ = +price;
 * - any other field (cu, work type, pole, descriptive fields): Δ = 0, the price cell is unchanged.
 * A blank price or quantity counts as 0; an unreadable one makes Δ unknown (null).
 */
export function financialImpactOf(change: AttributedChange, context: AuditContext): FinancialImpact {
  const { before, after } = changeRowsOf(change, context);
  if (change.kind === 'row-deleted') {
    return { deltaCents: before?.billable ? negate(billedPrice(before)) : 0, basis: 'row-deleted' };
  }
  if (change.kind === 'row-created') {
    return { deltaCents: after?.billable ? billedPrice(after) : 0, basis: 'row-created' };
  }
  if (!before || !after) return { deltaCents: 0, basis: 'no-price-effect' };
  switch (change.field) {
    case 'price':
      return { deltaCents: difference(priceOf(after), priceOf(before)), basis: 'price-change' };
    case 'quantity':
      return quantityImpact(before, after, context);
    case 'completed':
      if (before.parsed.completed && !after.parsed.completed) {
        return { deltaCents: negate(priceOf(before)), basis: 'completed-unchecked' };
      }
      if (!before.parsed.completed && after.parsed.completed) {
        return { deltaCents: priceOf(after), basis: 'completed-checked' };
      }
      return { deltaCents: 0, basis: 'no-price-effect' };
    case 'weekEnding':
      return moveImpact('week-moved', before, before.week, after.week);
    case 'snapshotDate':
      return moveImpact(
        'snapshot-week-moved',
        before,
        weekOfDate(before.parsed.snapshotDate, context.weekEndDay),
        weekOfDate(after.parsed.snapshotDate, context.weekEndDay),
      );
    case 'workRequest':
      return {
        deltaCents: before.parsed.workRequest === after.parsed.workRequest ? 0 : negate(priceOf(before)),
        basis: 'work-request-moved',
      };
    default:
      return { deltaCents: 0, basis: 'no-price-effect' };
  }
}

function moveImpact(
  basis: ImpactBasis,
  before: RowState,
  fromWeek: IsoDate | undefined,
  toWeek: IsoDate | undefined,
): FinancialImpact {
  const deltaCents = fromWeek === toWeek ? 0 : negate(priceOf(before));
  return { deltaCents, basis, fromWeek, toWeek };
}

function billedPrice(state: RowState): Cents {
  return state.outcome.billable ? state.outcome.row.priceCents : 0;
}

/** The row's price in cents: 0 when blank, null when present but unreadable. */
export function priceOf(state: RowState): Cents | null {
  if (state.parsed.priceCents !== undefined) return state.parsed.priceCents;
  return state.parsed.issues.some((issue) => issue.field === 'price') ? null : 0;
}

function quantityOf(state: RowState): number | null {
  if (state.parsed.quantity !== undefined) return state.parsed.quantity;
  return state.parsed.issues.some((issue) => issue.field === 'quantity') ? null : 0;
}

function quantityImpact(before: RowState, after: RowState, context: AuditContext): FinancialImpact {
  const basis = 'quantity-change';
  const oldQuantity = quantityOf(before);
  const newQuantity = quantityOf(after);
  if (oldQuantity === null || newQuantity === null) return { deltaCents: null, basis };
  const quantities = onCommonScale(oldQuantity, newQuantity);
  if (!quantities) return { deltaCents: null, basis };
  const { oldUnits, newUnits, denominator } = quantities;
  const rate = contractUnitPrice(before, context);
  if (rate !== undefined) {
    // Δ = rate × (new − old), the quantities being units / 10^scale.
    const delta = safeCents(divideRounded(BigInt(rate) * (newUnits - oldUnits), denominator));
    return { deltaCents: delta, basis, unitPriceCents: rate, unitPriceSource: 'contract-rate' };
  }
  const price = priceOf(before);
  if (price === null || oldUnits === 0n) return { deltaCents: null, basis };
  // Δ = (price ÷ old) × (new − old), computed as one exact division.
  const delta = safeCents(divideRounded(BigInt(price) * (newUnits - oldUnits), oldUnits));
  const unitPrice = safeCents(divideRounded(BigInt(price) * denominator, oldUnits)) ?? undefined;
  return { deltaCents: delta, basis, unitPriceCents: unitPrice, unitPriceSource: 'row-price' };
}

function contractUnitPrice(state: RowState, context: AuditContext): Cents | undefined {
  const { rateTable } = context;
  const { cu, workType } = state.parsed;
  if (!rateTable || cu === undefined) return undefined;
  const rate = findRate(rateTable, cu);
  return rate ? unitPriceFor(rate, workType) : undefined;
}

// Both quantities as integers over one power of ten, so their difference is exact (1.1 − 1 is 0.1).
function onCommonScale(
  oldQuantity: number,
  newQuantity: number,
): { oldUnits: bigint; newUnits: bigint; denominator: bigint } | undefined {
  const oldDecimal = exactDecimalFromNumber(oldQuantity);
  const newDecimal = exactDecimalFromNumber(newQuantity);
  if (!oldDecimal || !newDecimal) return undefined;
  const scale = Math.max(oldDecimal.scale, newDecimal.scale);
  const units = (decimal: typeof oldDecimal) =>
    (decimal.negative ? -1n : 1n) * decimal.digits * 10n ** BigInt(scale - decimal.scale);
  return { oldUnits: units(oldDecimal), newUnits: units(newDecimal), denominator: 10n ** BigInt(scale) };
}

/** numerator ÷ denominator rounded half away from zero (denominator ≠ 0). */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const a = numerator < 0n ? -numerator : numerator;
  const b = denominator < 0n ? -denominator : denominator;
  let quotient = a / b;
  if ((a % b) * 2n >= b) quotient += 1n;
  return negative ? -quotient : quotient;
}

function safeCents(value: bigint): Cents | null {
  const cents = Number(value);
  return Number.isSafeInteger(cents) ? cents + 0 : null;
}

function difference(newer: Cents | null, older: Cents | null): Cents | null {
  if (newer === null || older === null) return null;
  const delta = newer - older;
  return Number.isSafeInteger(delta) ? delta + 0 : null;
}

// −0 would print as "-0" in places and differs from 0 under Object.is; an impact is never −0.
function negate(value: Cents | null): Cents | null {
  return value === null || value === 0 ? value : -value;
}
