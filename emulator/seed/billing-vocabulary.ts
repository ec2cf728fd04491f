// The column vocabulary of billing-domain.md §1.2, kept here on purpose rather than imported from src/:
// the emulator must not share the client's assumptions (DESIGN.md §3). The seed uses it to title columns
// (defaults and synonyms) and the simulator to find a sheet's billing columns again by title.

export type BillingField =
  | 'workRequest'
  | 'weekEnding'
  | 'snapshotDate'
  | 'completed'
  | 'price'
  | 'quantity'
  | 'cu'
  | 'workType'
  | 'description'
  | 'uom'
  | 'pole'
  | 'foreman'
  | 'dept'
  | 'scope'
  | 'workOrder'
  | 'job'
  | 'customer'
  | 'area';

/** Titles per field, in priority order; the first is the default title. */
export const FIELD_TITLES: Readonly<Record<BillingField, readonly string[]>> = {
  workRequest: ['Work Request #'],
  weekEnding: ['Weekly Reference Logged Date'],
  snapshotDate: ['Snapshot Date'],
  completed: ['Units Completed?', 'Units Completed'],
  price: ['Units Total Price', 'Total Price', 'Redlined Total Price'],
  quantity: ['Quantity', 'Qty', '# Units'],
  cu: ['CU', 'Billable Unit Code'],
  workType: ['Work Type'],
  description: ['CU Description', 'Unit Description'],
  uom: ['Unit of Measure', 'UOM'],
  pole: ['Pole #', 'Point #', 'Point Number'],
  foreman: ['Foreman'],
  dept: ['Dept #'],
  scope: ['Scope #', 'Scope ID'],
  workOrder: ['Work Order #'],
  job: ['Job #'],
  customer: ['Customer Name'],
  area: ['Area'],
};

export const BILLING_FIELDS = Object.keys(FIELD_TITLES) as BillingField[];

/** Title normalisation of §1.2: case, spaces, `?`, `#`, `-` and `_` do not matter. */
export function normaliseTitle(title: string): string {
  return title.toLowerCase().replace(/[\s?#_-]+/g, '');
}

/** Map a sheet's column titles to billing fields; the first title of the priority list present wins. */
export function mapColumnsToFields<C extends { title: string }>(
  columns: readonly C[],
): Partial<Record<BillingField, C>> {
  const byTitle = new Map<string, C>();
  for (const column of columns) {
    const key = normaliseTitle(column.title);
    if (!byTitle.has(key)) byTitle.set(key, column);
  }
  const mapped: Partial<Record<BillingField, C>> = {};
  for (const field of BILLING_FIELDS) {
    for (const title of FIELD_TITLES[field]) {
      const column = byTitle.get(normaliseTitle(title));
      if (column) {
        mapped[field] = column;
        break;
      }
    }
  }
  return mapped;
}

/** The columns of the audit sheet, in order (billing-domain.md §3.6). */
export const AUDIT_SHEET_COLUMNS = [
  'Work Request #',
  'Week Ending',
  'Column',
  'Old Value',
  'New Value',
  'Delta',
  'Changed By',
  'Changed At',
  'Severity',
  'Violation',
  'Risk Score',
  'Issue Description',
  'Suggested Fix',
  'Sheet Reference',
  'Source Sheet ID',
  'Source Row ID',
  'Run ID',
] as const;
