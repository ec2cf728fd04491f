// Percentiles and a printed line for the scale benchmarks: nearest-rank on the sorted samples, in
// milliseconds with one decimal, the way the other benches print them.

/** Nearest-rank quantile of samples (0 ≤ q ≤ 1); NaN when there are none. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const ms = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(1));

/** `p50 … ms   p95 … ms   p99 … ms   max … ms` of the samples. */
export function latencyLine(
  samples: readonly number[],
  quantiles: readonly number[] = [0.5, 0.95, 0.99],
): string {
  const parts = quantiles.map((q) => `p${Math.round(q * 100)} ${ms(quantile(samples, q))} ms`);
  parts.push(`max ${ms(quantile(samples, 1))} ms`);
  return parts.join('   ');
}

/** Runs `task` with at most `concurrency` at once over `items`, in order of start. */
export async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) await task(items[i]!, i);
    }),
  );
}
