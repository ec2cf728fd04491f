// Robust baselines of unit price per compatible unit (billing-domain.md §3.5): the median and the
// median absolute deviation resist the very outliers the model looks for, where a mean and a
// standard deviation would be dragged towards them.

/** Median and MAD of the unit price of one CU, in cents, and how many rows they rest on. */
export interface PriceBaseline {
  readonly medianCents: number;
  readonly madCents: number;
  readonly rows: number;
}

/** Baselines by CU code (upper-cased, trimmed). */
export type PriceBaselines = ReadonlyMap<string, PriceBaseline>;

/** The key a CU is looked up by: codes are compared trimmed and case-insensitively. */
export function cuKey(cu: string): string {
  return cu.trim().toUpperCase();
}

/** The median of a list of numbers (the mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Median absolute deviation from the median. */
export function medianAbsoluteDeviation(values: readonly number[], centre = median(values)): number {
  return median(values.map((v) => Math.abs(v - centre)));
}

/** Baselines from (CU, unit price) pairs; CUs with fewer than `minRows` prices get none. */
export function priceBaselines(
  units: Iterable<{ readonly cu: string; readonly unitPriceCents: number }>,
  minRows = 3,
): Map<string, PriceBaseline> {
  const byCu = new Map<string, number[]>();
  for (const { cu, unitPriceCents } of units) {
    if (!Number.isFinite(unitPriceCents) || cu.trim() === '') continue;
    const key = cuKey(cu);
    const list = byCu.get(key);
    if (list) list.push(unitPriceCents);
    else byCu.set(key, [unitPriceCents]);
  }
  const baselines = new Map<string, PriceBaseline>();
  for (const [cu, prices] of byCu) {
    if (prices.length < minRows) continue;
    const centre = median(prices);
    baselines.set(cu, {
      medianCents: centre,
      madCents: medianAbsoluteDeviation(prices, centre),
      rows: prices.length,
    });
  }
  return baselines;
}

/** 1.4826 × MAD estimates the standard deviation of normally distributed data. */
const MAD_TO_SIGMA = 1.4826;

/**
 * How many robust standard deviations a unit price lies from its CU's median. A CU whose prices
 * are all equal (MAD 0) uses 1 % of the median as its spread, so an exact match scores 0 and any
 * deviation stands out without dividing by zero. 0 when the CU has no baseline.
 */
export function robustZ(baselines: PriceBaselines, cu: string | null, unitPriceCents: number | null): number {
  if (cu === null || unitPriceCents === null) return 0;
  const baseline = baselines.get(cuKey(cu));
  if (!baseline) return 0;
  const spread = Math.max(baseline.madCents * MAD_TO_SIGMA, Math.abs(baseline.medianCents) * 0.01, 1);
  return (unitPriceCents - baseline.medianCents) / spread;
}
