/**
 * The outcome of parsing or validating one value. Failures carry a reason a person can act on;
 * a parser never turns bad input into a silent default such as 0 (billing-domain.md §1.3).
 */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** A successful result holding `value`. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed result explaining why, in words fit for a data-quality finding. */
export function fail<T = never>(reason: string): Result<T> {
  return { ok: false, reason };
}
