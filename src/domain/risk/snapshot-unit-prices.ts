// Unit prices of stored rows, the input of the CU price baselines: price ÷ quantity of every row
// whose price, quantity and CU can be read.
import { BILLING_FIELDS } from '../billing-field.js';
import { parseBillingFields } from '../billing-row.js';
import type { BillingRow } from '../billing-row.js';
import type { SnapshotValues } from '../row-fingerprint.js';

export function unitPricesOf(rows: Iterable<SnapshotValues>): { cu: string; unitPriceCents: number }[] {
  const prices: { cu: string; unitPriceCents: number }[] = [];
  for (const values of rows) {
    const row: Record<string, unknown> = { sheetId: 0, rowId: 0, rowNumber: 0, modifiedAt: undefined };
    for (const field of BILLING_FIELDS) row[field] = values[field];
    const parsed = parseBillingFields(row as unknown as BillingRow);
    if (parsed.cu === undefined || parsed.priceCents === undefined) continue;
    if (parsed.quantity === undefined || parsed.quantity <= 0) continue;
    prices.push({ cu: parsed.cu, unitPriceCents: Math.round(parsed.priceCents / parsed.quantity) });
  }
  return prices;
}
