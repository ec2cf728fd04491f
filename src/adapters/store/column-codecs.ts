/**
 * Conversions between port values and column values where the two engines store them differently
 * (see database-schema.ts). One function per kind, each with both dialect branches side by side.
 */
import { normalizeInstant } from '../../domain/audit-chain.js';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { StoreDialect } from '../../ports/store.js';

/** better-sqlite3 cannot bind booleans, so SQLite gets 0/1. */
export function booleanToDb(dialect: StoreDialect, value: boolean): boolean | number {
  return dialect === 'postgres' ? value : value ? 1 : 0;
}

/** Reads a boolean from either engine's representation. */
export function booleanFromDb(value: boolean | number): boolean {
  return value === true || value === 1;
}

/**
 * JSON is always bound as text: node-postgres would turn a JS array into a Postgres array literal,
 * and SQLite stores text anyway.
 */
export function jsonToDb(value: unknown): string {
  return JSON.stringify(value);
}

/** jsonToDb for a nullable column: null stays SQL NULL rather than the JSON text `null`. */
export function jsonToDbNullable(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}

/** Postgres returns jsonb already parsed; SQLite returns the text that was stored. */
export function jsonFromDb<T>(dialect: StoreDialect, value: unknown): T {
  return (dialect === 'postgres' ? value : JSON.parse(value as string)) as T;
}

/** jsonFromDb for a nullable column. */
export function jsonFromDbNullable<T>(dialect: StoreDialect, value: unknown): T | null {
  return value === null ? null : jsonFromDb<T>(dialect, value);
}

/**
 * Instants are stored in one spelling (`…T…sssZ`), which Postgres gives back from timestamptz and
 * which keeps SQLite's text comparisons in time order.
 */
export function instantToDb(value: string): string {
  try {
    return normalizeInstant(value);
  } catch (error) {
    throw new AppError(ErrorCode.INPUT_INVALID, `Not an ISO-8601 instant: ${JSON.stringify(value)}`, {
      cause: error,
    });
  }
}

/** instantToDb for a nullable column. */
export function instantToDbNullable(value: string | null): string | null {
  return value === null ? null : instantToDb(value);
}
