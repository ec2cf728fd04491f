// Turning a raw Isolation Forest score into something comparable across models: the share of the
// training changes that scored lower. A raw 0.62 may be ordinary for one history and rare for
// another; "rarer than 99 % of what this model was trained on" means the same thing for both.

/** What a trained model remembers about its training scores. */
export interface ScoreCalibration {
  /** Ascending training scores, thinned to at most `MAX_POINTS` evenly spaced quantiles. */
  readonly quantiles: readonly number[];
  /** Average path-attribution credit per feature over the training changes. */
  readonly meanAttribution: readonly number[];
  /** Median of each feature over the training changes, for "typical value" in explanations. */
  readonly featureMedians: readonly number[];
}

const MAX_POINTS = 1001;

/** Evenly spaced quantiles (including min and max) of a list of scores. */
export function scoreQuantiles(scores: readonly number[]): number[] {
  const sorted = Float64Array.from(scores).sort();
  if (sorted.length <= MAX_POINTS) return Array.from(sorted);
  return Array.from(
    { length: MAX_POINTS },
    (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (MAX_POINTS - 1))] as number,
  );
}

/**
 * The share of training scores strictly below `score`, in [0, 1], interpolated between the stored
 * quantiles. 0 without quantiles (an empty calibration never ranks anything as rare).
 */
export function scorePercentile(calibration: Pick<ScoreCalibration, 'quantiles'>, score: number): number {
  const q = calibration.quantiles;
  const n = q.length;
  if (n === 0) return 0;
  if (score <= (q[0] as number)) return 0;
  if (score > (q[n - 1] as number)) return 1;
  let low = 0;
  let high = n - 1;
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    if ((q[mid] as number) < score) low = mid;
    else high = mid;
  }
  const a = q[low] as number;
  const b = q[high] as number;
  const within = b > a ? (score - a) / (b - a) : 0;
  return (low + within) / (n - 1);
}
