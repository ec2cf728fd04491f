// The PRICE_RATE_MISMATCH tolerance (billing-domain.md §3.3): max($0.02, 0.5 % of expected).
import { exactDecimalFromNumber } from '../exact-decimal.js';
import type { Cents } from '../money.js';
import type { RateTolerance } from './audit-context.js';

/**
 * True when a price strays from the expected price by more than the tolerance:
 * |price − expected| > max(minCents, share × |expected|). The share is compared exactly
 * (0.5 % of $100.00 is exactly 50 cents, so 50 cents off is within tolerance and 51 is not),
 * never through a binary float product that could land a hair either side of the boundary.
 */
export function exceedsRateTolerance(
  priceCents: Cents,
  expectedCents: Cents,
  tolerance: RateTolerance,
): boolean {
  const mismatch = Math.abs(priceCents - expectedCents);
  if (mismatch <= tolerance.minCents) return false;
  const share = exactDecimalFromNumber(tolerance.share);
  if (!share || share.negative) return true;
  // mismatch > (digits / 10^scale) × |expected|  ⇔  mismatch × 10^scale > digits × |expected|
  return BigInt(mismatch) * 10n ** BigInt(share.scale) > share.digits * BigInt(Math.abs(expectedCents));
}

/** The tolerance in cents for display: max(minCents, share × |expected|) rounded to the cent. */
export function rateToleranceCents(expectedCents: Cents, tolerance: RateTolerance): Cents {
  return Math.max(tolerance.minCents, Math.round(tolerance.share * Math.abs(expectedCents)));
}
