// displayValue: the text Smartsheet shows for a cell. Only some column types carry one
// (smartsheet-api.md §4.4): TEXT_NUMBER (with currency formatting), PICKLIST, CONTACT_LIST and the
// MULTI_* types. Dates, date-times and checkboxes have none.
import type { CellValue } from '../seed/seed-data.js';
import type { ColumnRecord } from '../state/state-types.js';

const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** "$1,250.00" for money columns; plain numbers print as JavaScript does ("2.1", "100"). */
function formatNumber(value: number, asCurrency: boolean): string {
  return asCurrency ? currency.format(value) : String(value);
}

export function displayValueFor(
  column: ColumnRecord,
  value: CellValue,
  nameOf: (email: string) => string,
): string | undefined {
  switch (column.type) {
    case 'TEXT_NUMBER':
      return typeof value === 'number' ? formatNumber(value, column.currency) : String(value);
    case 'PICKLIST':
    case 'MULTI_PICKLIST':
      return String(value);
    case 'CONTACT_LIST':
      return typeof value === 'string' ? nameOf(value) : String(value);
    case 'MULTI_CONTACT_LIST':
      return typeof value === 'string'
        ? value
            .split(',')
            .map((email) => nameOf(email.trim()))
            .join(', ')
        : String(value);
    default:
      return undefined;
  }
}
