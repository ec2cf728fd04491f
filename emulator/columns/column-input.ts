// Reading column definitions from create-sheet and add-column requests: a title (unique per sheet),
// a type the emulator models, and the optional options, auto-number format and width.
import type { ColumnType, SystemColumnType } from '../seed/seed-data.js';
import { apiErrors } from '../errors/api-error.js';
import type { AutoNumberFormat, ColumnRecord } from '../state/state-types.js';

const COLUMN_TYPES: readonly ColumnType[] = [
  'TEXT_NUMBER',
  'DATE',
  'DATETIME',
  'CHECKBOX',
  'PICKLIST',
  'MULTI_PICKLIST',
  'CONTACT_LIST',
  'MULTI_CONTACT_LIST',
];
const SYSTEM_TYPES: readonly SystemColumnType[] = [
  'AUTO_NUMBER',
  'CREATED_BY',
  'CREATED_DATE',
  'MODIFIED_BY',
  'MODIFIED_DATE',
];
/** The column type each system column must have. */
const SYSTEM_COLUMN_TYPE: Readonly<Record<SystemColumnType, ColumnType>> = {
  AUTO_NUMBER: 'TEXT_NUMBER',
  CREATED_BY: 'CONTACT_LIST',
  MODIFIED_BY: 'CONTACT_LIST',
  CREATED_DATE: 'DATETIME',
  MODIFIED_DATE: 'DATETIME',
};
const DEFAULT_WIDTH = 150;

export function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw apiErrors.unparsable(`${what} must be a JSON object.`);
  }
  return value as Record<string, unknown>;
}

function readAutoNumberFormat(format: Record<string, unknown>): AutoNumberFormat {
  const text = (key: string) => (typeof format[key] === 'string' ? { [key]: format[key] } : {});
  return {
    ...text('prefix'),
    ...text('suffix'),
    ...text('fill'),
    ...(typeof format['startingNumber'] === 'number' ? { startingNumber: format['startingNumber'] } : {}),
  };
}

/** A new column from its request JSON; `newId` hands out the id. */
export function readColumn(raw: unknown, newId: () => number): ColumnRecord {
  const input = asRecord(raw, 'each column');
  const title = input['title'];
  if (typeof title !== 'string' || title.trim() === '') throw apiErrors.missingAttribute('column.title');
  const type = input['type'];
  if (type === undefined || type === null) throw apiErrors.missingAttribute('column.type');
  if (typeof type !== 'string' || !(COLUMN_TYPES as readonly string[]).includes(type)) {
    throw apiErrors.invalidValue(JSON.stringify(type), 'column.type');
  }
  const systemType = input['systemColumnType'];
  if (systemType !== undefined && systemType !== null) {
    if (typeof systemType !== 'string' || !(SYSTEM_TYPES as readonly string[]).includes(systemType)) {
      throw apiErrors.invalidValue(JSON.stringify(systemType), 'column.systemColumnType');
    }
    if (SYSTEM_COLUMN_TYPE[systemType as SystemColumnType] !== type) {
      throw apiErrors.invalidValue(String(type), `column.type for systemColumnType ${systemType}`);
    }
  }
  const options = input['options'];
  if (options !== undefined && (!Array.isArray(options) || options.some((o) => typeof o !== 'string'))) {
    throw apiErrors.invalidValue(JSON.stringify(options), 'column.options');
  }
  const format = input['autoNumberFormat'];
  const width = typeof input['width'] === 'number' && input['width'] > 0 ? input['width'] : DEFAULT_WIDTH;
  return {
    id: newId(),
    title: title.trim(),
    type: type as ColumnType,
    primary: input['primary'] === true,
    ...(typeof systemType === 'string' ? { systemColumnType: systemType as SystemColumnType } : {}),
    ...(Array.isArray(options) ? { options: options as string[] } : {}),
    ...(typeof format === 'object' && format !== null
      ? { autoNumberFormat: readAutoNumberFormat(format as Record<string, unknown>) }
      : {}),
    currency: false,
    width,
  };
}

/** Column titles are unique within a sheet. */
export function checkUniqueTitles(columns: readonly ColumnRecord[]): void {
  const seen = new Set<string>();
  for (const column of columns) {
    const key = column.title.toLowerCase();
    if (seen.has(key))
      throw apiErrors.invalidValue(JSON.stringify(column.title), 'column.title (titles must be unique)');
    seen.add(key);
  }
}
