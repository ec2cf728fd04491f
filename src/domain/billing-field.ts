/**
 * The billing fields Ledgerline reads from every source sheet (billing-domain.md §1.2), in the
 * order of that table. Column titles vary between sheets; these names do not.
 */
export const BILLING_FIELDS = [
  'workRequest',
  'weekEnding',
  'snapshotDate',
  'completed',
  'price',
  'quantity',
  'cu',
  'workType',
  'description',
  'uom',
  'pole',
  'foreman',
  'dept',
  'scope',
  'workOrder',
  'job',
  'customer',
  'area',
] as const;

/** One billing field name. */
export type BillingField = (typeof BILLING_FIELDS)[number];

/** Without these a sheet cannot be billed at all; its rows are not read (billing-domain.md §1.2). */
export const REQUIRED_BILLING_FIELDS = [
  'workRequest',
  'weekEnding',
] as const satisfies readonly BillingField[];

/** True for the name of a billing field. */
export function isBillingField(name: string): name is BillingField {
  return (BILLING_FIELDS as readonly string[]).includes(name);
}
