// Column layouts of the source sheets. Real sheets share a vocabulary but not exact titles or types, so
// each sheet draws its own variant: default titles or synonyms (billing-domain.md §1.2), Foreman as a
// contact or as text, optional columns missing, and system columns on some sheets only.
import type { BillingField } from './billing-vocabulary.js';
import { FIELD_TITLES } from './billing-vocabulary.js';
import type { IdAllocator } from './id-allocator.js';
import type { ColumnType, SeedColumn } from './seed-data.js';
import type { SeededRandom } from './seeded-random.js';

export const WORK_STATUS_OPTIONS = ['In Progress', 'Ready for Review', 'Billed'] as const;

export interface SourceLayout {
  columns: SeedColumn[];
  fields: Partial<Record<BillingField, SeedColumn>>;
  /** Primary column holding a line label instead of the Work Request number. */
  lineItem?: SeedColumn;
  status?: SeedColumn;
  notes?: SeedColumn;
  modifiedDate?: SeedColumn;
  autoNumber?: SeedColumn;
  /** How this sheet's crew writes Work Request numbers and work types. */
  style: SheetStyle;
}

export interface SheetStyle {
  workRequestAs: 'number' | 'string';
  /** Index into WORK_TYPE_SPELLINGS[kind]: each crew has its habit. */
  workTypeSpelling: number;
  poleFormat: 'prefixed' | 'numeric';
}

/** Order of fields on the sheet, as a billing office would lay it out. */
const FIELD_ORDER: readonly BillingField[] = [
  'workRequest',
  'weekEnding',
  'snapshotDate',
  'foreman',
  'customer',
  'job',
  'workOrder',
  'dept',
  'scope',
  'area',
  'pole',
  'cu',
  'workType',
  'description',
  'uom',
  'quantity',
  'price',
  'completed',
];

const OPTIONAL_FIELDS_SOMETIMES_MISSING: readonly BillingField[] = ['dept', 'area', 'workOrder', 'job'];

/** Synonyms the synonym-heavy sheet uses, so mapping by synonym is always exercised. */
const SYNONYM_TITLES: Partial<Record<BillingField, string>> = {
  quantity: 'Qty',
  price: 'Total Price',
  cu: 'Billable Unit Code',
  pole: 'Point #',
  scope: 'Scope ID',
  description: 'Unit Description',
  uom: 'UOM',
  completed: 'Units Completed',
};

const TYPES: Partial<Record<BillingField, ColumnType>> = {
  weekEnding: 'DATE',
  snapshotDate: 'DATE',
  completed: 'CHECKBOX',
};

const WIDTHS: Partial<Record<BillingField, number>> = { description: 260, customer: 180, workRequest: 120 };

/**
 * Build the layout of source sheet `index`. Sheet 0 uses every default title and sheet 1 the synonyms;
 * the others mix them at random.
 */
export function buildSourceLayout(index: number, random: SeededRandom, ids: IdAllocator): SourceLayout {
  const titleFor = (field: BillingField): string => {
    const titles = FIELD_TITLES[field];
    if (index === 0) return titles[0] as string;
    if (index === 1) return SYNONYM_TITLES[field] ?? (titles[0] as string);
    return random.chance(0.65) ? (titles[0] as string) : random.pick(titles);
  };
  const missing = new Set<BillingField>();
  if (index > 1)
    for (const field of OPTIONAL_FIELDS_SOMETIMES_MISSING) if (random.chance(0.2)) missing.add(field);

  const columns: SeedColumn[] = [];
  const fields: Partial<Record<BillingField, SeedColumn>> = {};
  const lineItemPrimary = index % 4 === 3;
  let lineItem: SeedColumn | undefined;
  if (lineItemPrimary) {
    lineItem = { id: ids.next(), title: 'Line Item', type: 'TEXT_NUMBER', primary: true, width: 220 };
    columns.push(lineItem);
  }
  const foremanAsContact = index % 2 === 0;
  for (const field of FIELD_ORDER) {
    if (missing.has(field)) continue;
    const column: SeedColumn = {
      id: ids.next(),
      title: titleFor(field),
      type: field === 'foreman' && foremanAsContact ? 'CONTACT_LIST' : (TYPES[field] ?? 'TEXT_NUMBER'),
    };
    if (field === 'workRequest' && !lineItemPrimary) column.primary = true;
    if (field === 'price') column.currency = true;
    const width = WIDTHS[field];
    if (width !== undefined) column.width = width;
    columns.push(column);
    fields[field] = column;
  }

  const layout: SourceLayout = {
    columns,
    fields,
    style: {
      workRequestAs: random.chance(0.5) ? 'number' : 'string',
      workTypeSpelling: random.int(0, 3),
      poleFormat: random.chance(0.7) ? 'prefixed' : 'numeric',
    },
  };
  if (lineItem) layout.lineItem = lineItem;
  if (index % 3 !== 2) {
    layout.status = { id: ids.next(), title: 'Status', type: 'PICKLIST', options: [...WORK_STATUS_OPTIONS] };
    columns.push(layout.status);
  }
  layout.notes = { id: ids.next(), title: 'Notes', type: 'TEXT_NUMBER', width: 240 };
  columns.push(layout.notes);
  if (index % 2 === 1 || index === 0) {
    layout.modifiedDate = {
      id: ids.next(),
      title: 'Modified',
      type: 'DATETIME',
      systemColumnType: 'MODIFIED_DATE',
    };
    columns.push(layout.modifiedDate);
  }
  if (index % 3 === 0) {
    layout.autoNumber = {
      id: ids.next(),
      title: 'Unit ID',
      type: 'TEXT_NUMBER',
      systemColumnType: 'AUTO_NUMBER',
      autoNumberFormat: { prefix: 'U-', fill: '00000', startingNumber: 1 },
    };
    columns.push(layout.autoNumber);
  }
  return layout;
}
