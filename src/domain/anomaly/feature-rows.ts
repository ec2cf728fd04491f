import { AppError, ErrorCode } from '../app-error.js';

/**
 * Checks that `point` has exactly `featureCount` finite numbers. `row` (zero-based) is named in
 * the error and its details when the point comes from a batch, so the user can find the bad cell;
 * a lone point is called "point". Column indexes are zero-based too.
 */
export function assertFeatureVector(point: readonly number[], featureCount: number, row?: number): void {
  const label = row === undefined ? 'point' : `row ${row}`;
  if (!Array.isArray(point)) {
    throw new AppError(ErrorCode.INPUT_INVALID, `${label} is not an array of numbers`, {
      details: { row },
    });
  }
  if (point.length !== featureCount) {
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `${label} has ${point.length} features; expected ${featureCount}`,
      { details: { row, length: point.length, expected: featureCount } },
    );
  }
  for (let column = 0; column < featureCount; column++) {
    const value: unknown = point[column];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new AppError(
        ErrorCode.INPUT_INVALID,
        `${label}, column ${column} is not a finite number (got ${String(value)})`,
        {
          hint: 'Anomaly features must be finite numbers; encode missing values before scoring.',
          details: { row, column },
        },
      );
    }
  }
}

/**
 * Checks a training matrix: at least one row, at least one feature, every row the same length as
 * row 0 and every cell finite. Returns the feature count.
 */
export function assertFeatureRows(rows: readonly (readonly number[])[]): number {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new AppError(ErrorCode.INPUT_INVALID, 'Isolation Forest needs at least one training row');
  }
  const first = rows[0];
  const featureCount = Array.isArray(first) ? first.length : 0;
  if (featureCount === 0) {
    throw new AppError(ErrorCode.INPUT_INVALID, 'row 0 has no features', { details: { row: 0 } });
  }
  rows.forEach((row, index) => assertFeatureVector(row, featureCount, index));
  return featureCount;
}
