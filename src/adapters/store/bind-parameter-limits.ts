import type { StoreDialect } from '../../ports/store.js';

/**
 * Most bind parameters one statement may carry: SQLite's SQLITE_MAX_VARIABLE_NUMBER (32,766 since
 * 3.32, the build better-sqlite3 ships) and the Postgres wire protocol's 16-bit parameter count.
 */
const MAX_BIND_PARAMETERS: Readonly<Record<StoreDialect, number>> = { sqlite: 32_766, postgres: 65_535 };

/**
 * Splits rows into batches whose statements stay under the engine's parameter limit, given how
 * many parameters each row binds (plus `extraParameters` bound once per statement).
 */
export function batchesWithinParameterLimit<T>(
  dialect: StoreDialect,
  rows: readonly T[],
  parametersPerRow: number,
  extraParameters = 0,
): T[][] {
  const size = Math.max(1, Math.floor((MAX_BIND_PARAMETERS[dialect] - extraParameters) / parametersPerRow));
  const batches: T[][] = [];
  for (let start = 0; start < rows.length; start += size) batches.push(rows.slice(start, start + size));
  return batches;
}
