// A row snapshot's content hash: which billing cells changed since the last sync is a comparison of
// two hashes, with no extra API calls (billing-domain.md §3.1).
import { createHash } from 'node:crypto';
import { BILLING_FIELDS } from './billing-field.js';
import type { BillingRow } from './billing-row.js';
import type { CellValue } from './cell-value.js';

/** The billing fields of a row as stored in its snapshot: raw cell values, blanks omitted. */
export type SnapshotValues = Partial<Record<(typeof BILLING_FIELDS)[number], string | number | boolean>>;

/** The raw billing values of a row, in field order, without blank cells. */
export function snapshotValuesOf(row: BillingRow): SnapshotValues {
  const values: SnapshotValues = {};
  for (const field of BILLING_FIELDS) {
    const value = row[field];
    if (value !== undefined && value !== null && value !== '') values[field] = value;
  }
  return values;
}

function encode(value: CellValue): string {
  // The type is part of the encoding: the number 5 and the text "5" are different cell contents.
  if (value === undefined || value === null || value === '') return '_';
  return `${typeof value === 'number' ? 'n' : typeof value === 'boolean' ? 'b' : 's'}:${JSON.stringify(value)}`;
}

/**
 * SHA-256 (hex) of a snapshot's billing values in a fixed field order. Equal values give equal
 * hashes whatever order the cells arrived in; any changed, added or cleared value changes it.
 */
export function snapshotFingerprint(values: SnapshotValues): string {
  const hash = createHash('sha256');
  for (const field of BILLING_FIELDS) hash.update(`${field}=${encode(values[field])}\n`);
  return hash.digest('hex');
}
