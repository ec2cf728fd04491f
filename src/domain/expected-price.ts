import { exactDecimalFromNumber, multiplyExact, roundToScale } from './exact-decimal.js';
import type { Cents } from './money.js';
import type { RateUnit } from './rate-table.js';
import type { WorkType } from './work-type.js';

/** The contract unit price for a kind of work; undefined when unknown or N/A. */
export function unitPriceFor(rate: RateUnit, workType: WorkType): Cents | undefined {
  switch (workType) {
    case 'install':
      return rate.installPriceCents;
    case 'removal':
      return rate.removalPriceCents;
    case 'transfer':
      return rate.transferPriceCents;
    case 'unknown':
      return undefined;
  }
}

/**
 * The price the contract implies for a row, rate × quantity, in cents rounded half away from
 * zero, for the PRICE_RATE_MISMATCH rule (billing-domain.md §3.3). Exact: 1.5 × $45.95 is
 * $68.93 (6892.5 cents rounded up), computed on the quantity's decimal text, never on floats.
 * Undefined when the work type is unknown, the rate is N/A, or the quantity is not finite.
 */
export function expectedPrice(rate: RateUnit, workType: WorkType, quantity: number): Cents | undefined {
  const unitPrice = unitPriceFor(rate, workType);
  const exactQuantity = exactDecimalFromNumber(quantity);
  if (unitPrice === undefined || !exactQuantity) return undefined;
  const cents = roundToScale(multiplyExact(BigInt(unitPrice), exactQuantity), 0);
  const result = Number(cents);
  return Number.isSafeInteger(result) ? result : undefined;
}
