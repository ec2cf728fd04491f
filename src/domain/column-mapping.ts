import { BILLING_FIELDS, REQUIRED_BILLING_FIELDS } from './billing-field.js';
import type { BillingField } from './billing-field.js';

/** Column titles accepted for each field, highest priority first. */
export type ColumnSynonyms = Readonly<Record<BillingField, readonly string[]>>;

/** The default title synonyms of billing-domain.md §1.2; configuration may replace any list. */
export const DEFAULT_COLUMN_SYNONYMS: ColumnSynonyms = {
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

/** A sheet column as the mapping needs it. */
export interface SheetColumn {
  readonly id: number;
  readonly title: string;
}

/** Which column feeds each billing field of one sheet, and which fields found no column. */
export interface ColumnMapping {
  readonly columnIds: Readonly<Partial<Record<BillingField, number>>>;
  /** The sheet's own title of each mapped column, for messages. */
  readonly columnTitles: Readonly<Partial<Record<BillingField, string>>>;
  /** Required fields with no column: the sheet cannot be read (a loud error, §1.1). */
  readonly missingRequired: readonly BillingField[];
  /** Optional fields with no column: reported once per sheet, not per row (§1.2). */
  readonly missingOptional: readonly BillingField[];
}

/**
 * The form titles are compared in (billing-domain.md §1.2): case-folded, with spaces, `?`, `#`,
 * `-` and `_` removed, so `Units Completed?` and `units_completed` are the same column.
 */
export function normaliseColumnTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s?#_-]+/g, '');
}

/**
 * The synonyms in force: the defaults with each field named in `overrides` replaced by the given
 * list (an empty list turns the field off). Replacing rather than appending keeps priority
 * explicit: configuration states the whole order.
 */
export function resolveColumnSynonyms(overrides: Partial<ColumnSynonyms> = {}): ColumnSynonyms {
  return { ...DEFAULT_COLUMN_SYNONYMS, ...overrides };
}

/**
 * Maps a sheet's columns to billing fields (billing-domain.md §1.2). For each field the
 * synonyms are tried in priority order and the first that names a column wins; when two columns
 * carry the same normalised title, the leftmost wins. `overrides` replaces synonym lists.
 */
export function mapColumns(
  columns: readonly SheetColumn[],
  overrides: Partial<ColumnSynonyms> = {},
): ColumnMapping {
  const synonyms = resolveColumnSynonyms(overrides);
  const byTitle = new Map<string, SheetColumn>();
  for (const column of columns) {
    const key = normaliseColumnTitle(column.title);
    if (key !== '' && !byTitle.has(key)) byTitle.set(key, column);
  }
  const columnIds: Partial<Record<BillingField, number>> = {};
  const columnTitles: Partial<Record<BillingField, string>> = {};
  for (const field of BILLING_FIELDS) {
    for (const synonym of synonyms[field]) {
      const column = byTitle.get(normaliseColumnTitle(synonym));
      if (column) {
        columnIds[field] = column.id;
        columnTitles[field] = column.title;
        break;
      }
    }
  }
  const required: readonly BillingField[] = REQUIRED_BILLING_FIELDS;
  const unmapped = BILLING_FIELDS.filter((field) => columnIds[field] === undefined);
  return {
    columnIds,
    columnTitles,
    missingRequired: unmapped.filter((field) => required.includes(field)),
    missingOptional: unmapped.filter((field) => !required.includes(field)),
  };
}
