// Checks shared by the dashboard's query parsers (violations, reports): each refusal is a 400 that
// names the parameter and quotes what was sent, so a user sees which part of the URL was wrong.
import { AppError, ErrorCode } from '../app-error.js';

/** The 400 for one bad parameter: names it and quotes what was sent. */
export function badParameter(parameter: string, value: string, expected: string): AppError {
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return new AppError(
    ErrorCode.INPUT_INVALID,
    `Invalid ${parameter} ${JSON.stringify(shown)}: expected ${expected}.`,
    { details: { parameter, value: shown } },
  );
}

/** A query value as text; repeated parameters (`?severity=HIGH&severity=LOW`) join as a list. */
export function textOf(parameter: string, raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) return raw.map((part) => textOf(parameter, part) ?? '').join(',');
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  throw badParameter(parameter, String(raw), 'text');
}

/** A whole number from 1 to `max`, as a query sends it (digits only). */
export function positiveInteger(parameter: string, text: string, max = Number.MAX_SAFE_INTEGER): number {
  const value = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > max)
    throw badParameter(parameter, text, `a whole number from 1 to ${max}`);
  return value;
}

/** One of `allowed`, exactly. */
export function oneOf<T extends string>(parameter: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text))
    throw badParameter(parameter, text, `one of ${allowed.join(', ')}`);
  return text as T;
}
