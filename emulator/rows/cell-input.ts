// Validation and typing of the cells a client writes (smartsheet-api.md §4.4, §5.3). With the default
// `strict: true` a value must already have its column's type (1042 otherwise); `strict: false` turns
// on Smartsheet's lenient parsing ("yes" into a checkbox, "1,250" into a number, "9/2/2026" into a date).
import type { CellValue } from '../seed/seed-data.js';
import { apiErrors } from '../errors/api-error.js';
import { isoSeconds } from '../format/timestamps.js';
import type { CellRecord, ColumnRecord, Hyperlink, ObjectValue } from '../state/state-types.js';

/** Cell values beyond this length are cut silently, as Smartsheet does. */
const MAX_CELL_CHARS = 4000;

export type CellWrite =
  | { kind: 'clear'; dropHyperlink: boolean }
  | { kind: 'value'; value: CellValue; objectValue?: ObjectValue; hyperlink?: Hyperlink | null }
  | { kind: 'formula'; formula: string };

export interface ParsedCell {
  column: ColumnRecord;
  write: CellWrite;
}

interface RawCell {
  columnId?: unknown;
  value?: unknown;
  formula?: unknown;
  objectValue?: unknown;
  hyperlink?: unknown;
  image?: unknown;
  linkInFromCell?: unknown;
  strict?: unknown;
}

const present = (value: unknown): boolean => value !== undefined && value !== null;

function isValidDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(text);
}

/** Lenient date reading: ISO date-times, US M/D/YYYY and epoch ms become YYYY-MM-DD. */
function lenientDate(value: string | number): string | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? new Date(value).toISOString().slice(0, 10) : undefined;
  const text = value.trim();
  if (isValidDate(text)) return text;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (us) {
    const [, month = '', day = '', yearText = ''] = us;
    const year = yearText.length === 2 ? `20${yearText}` : yearText;
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    return isValidDate(iso) ? iso : undefined;
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString().slice(0, 10);
}

function lenientNumber(text: string): CellValue {
  const compact = text.trim().replace(/,/g, '');
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(compact) ? Number(compact) : text;
}

function lenientBoolean(value: CellValue): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  const lower = value.trim().toLowerCase();
  if (['true', 'yes', '1', 'checked'].includes(lower)) return true;
  if (['false', 'no', '0', 'unchecked'].includes(lower)) return false;
  return undefined;
}

function truncate(value: CellValue): CellValue {
  return typeof value === 'string' && value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value;
}

/** A value of the right type for the column, or 1042. */
function typedValue(
  column: ColumnRecord,
  value: CellValue,
  strict: boolean,
  numericDates: boolean,
): CellValue {
  const reject = () => apiErrors.notStrict(column.id, value, column.type);
  switch (column.type) {
    case 'TEXT_NUMBER':
      if (typeof value === 'number' && !Number.isFinite(value)) throw reject();
      return truncate(!strict && typeof value === 'string' ? lenientNumber(value) : value);
    case 'CHECKBOX': {
      if (typeof value === 'boolean') return value;
      const parsed = strict ? undefined : lenientBoolean(value);
      if (parsed === undefined) throw reject();
      return parsed;
    }
    case 'DATE': {
      if (typeof value === 'string' && isValidDate(value)) return value;
      if (typeof value === 'number' && numericDates) return new Date(value).toISOString().slice(0, 10);
      if (strict || typeof value === 'boolean') throw reject();
      // Smartsheet keeps unreadable text in a date column when parsing is lenient.
      return lenientDate(value) ?? truncate(value);
    }
    case 'DATETIME': {
      if (typeof value === 'number' && (numericDates || !strict)) return isoSeconds(value);
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return isoSeconds(Date.parse(value));
      throw reject();
    }
    case 'PICKLIST':
    case 'MULTI_PICKLIST':
      if (typeof value === 'boolean' && strict) throw reject();
      return truncate(typeof value === 'boolean' ? String(value) : value);
    case 'CONTACT_LIST':
    case 'MULTI_CONTACT_LIST':
      if (typeof value !== 'string' && strict) throw reject();
      return truncate(String(value));
  }
}

function parseHyperlink(raw: unknown): Hyperlink | null {
  if (raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw apiErrors.unparsable('cell.hyperlink must be an object.');
  const link = raw as Record<string, unknown>;
  const hyperlink: Hyperlink = {};
  if (typeof link['url'] === 'string') hyperlink.url = link['url'];
  for (const key of ['sheetId', 'reportId', 'sightId'] as const) {
    const id = link[key];
    if (typeof id === 'number' && Number.isSafeInteger(id)) hyperlink[key] = id;
  }
  if (Object.keys(hyperlink).length === 0) throw apiErrors.missingAttribute('cell.hyperlink.url');
  return hyperlink;
}

function contactEntry(raw: unknown): { objectType: 'CONTACT'; email: string; name?: string } {
  const entry = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (typeof entry['email'] !== 'string') throw apiErrors.missingAttribute('objectValue.email');
  return {
    objectType: 'CONTACT',
    email: entry['email'],
    ...(typeof entry['name'] === 'string' ? { name: entry['name'] } : {}),
  };
}

/** objectValue input: contacts, multi-contacts and multi-picklists (the types we model). */
function parseObjectValue(column: ColumnRecord, raw: unknown): CellWrite {
  if (typeof raw !== 'object' || raw === null) {
    if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') {
      return { kind: 'value', value: raw };
    }
    throw apiErrors.unparsable('cell.objectValue must be an object.');
  }
  const object = raw as Record<string, unknown>;
  const values = Array.isArray(object['values']) ? object['values'] : [];
  switch (object['objectType']) {
    case 'CONTACT': {
      const contact = contactEntry(object);
      return { kind: 'value', value: contact.email };
    }
    case 'MULTI_CONTACT': {
      const contacts = values.map(contactEntry);
      return {
        kind: 'value',
        value: contacts.map((c) => c.email).join(', '),
        objectValue: { objectType: 'MULTI_CONTACT', values: contacts },
      };
    }
    case 'MULTI_PICKLIST': {
      const options = values.filter((v): v is string => typeof v === 'string');
      return {
        kind: 'value',
        value: options.join(', '),
        objectValue: { objectType: 'MULTI_PICKLIST', values: options },
      };
    }
    default:
      throw apiErrors.invalidValue(
        String(object['objectType']),
        `objectValue.objectType (column ${column.id})`,
      );
  }
}

/** Validates one cell of a row write against the sheet's columns. */
export function parseCell(
  raw: unknown,
  columns: ReadonlyMap<number, ColumnRecord>,
  numericDates: boolean,
): ParsedCell {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw apiErrors.unparsable('each cell must be a JSON object.');
  }
  const cell = raw as RawCell;
  if (cell.columnId === undefined || cell.columnId === null)
    throw apiErrors.missingAttribute('cell.columnId');
  const column = typeof cell.columnId === 'number' ? columns.get(cell.columnId) : undefined;
  if (!column) throw apiErrors.invalidColumnId(cell.columnId);
  if (column.systemColumnType) throw apiErrors.systemColumn(column.id);

  if (present(cell.formula)) {
    if (
      present(cell.value) ||
      present(cell.objectValue) ||
      present(cell.hyperlink) ||
      present(cell.image) ||
      present(cell.linkInFromCell)
    ) {
      throw apiErrors.formulaWithValue();
    }
    if (typeof cell.formula !== 'string') throw apiErrors.unparsable('cell.formula must be a string.');
    return {
      column,
      write:
        cell.formula === ''
          ? { kind: 'clear', dropHyperlink: false }
          : { kind: 'formula', formula: cell.formula },
    };
  }
  if (present(cell.value) && present(cell.objectValue)) throw apiErrors.valueAndObjectValue();

  const strict = cell.strict !== false;
  const hyperlink = cell.hyperlink === undefined ? undefined : parseHyperlink(cell.hyperlink);
  if (present(cell.objectValue)) {
    const write = parseObjectValue(column, cell.objectValue);
    if (write.kind === 'value') write.value = typedValue(column, write.value, strict, numericDates);
    return { column, write };
  }
  const value = cell.value;
  if (value === '' || value === null)
    return { column, write: { kind: 'clear', dropHyperlink: hyperlink === null } };
  if (value === undefined) {
    if (hyperlink) {
      // A link without display text shows its URL.
      return { column, write: { kind: 'value', value: hyperlink.url ?? '', hyperlink } };
    }
    throw apiErrors.missingAttribute('cell.value');
  }
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw apiErrors.unparsable('cell.value must be a string, number or boolean.');
  }
  const typed = typedValue(column, value, strict, numericDates);
  return {
    column,
    write: { kind: 'value', value: typed, ...(hyperlink !== undefined ? { hyperlink } : {}) },
  };
}

/** The cell after a write. Formulas are stored, not evaluated: the cell keeps its previous value. */
export function applyCellWrite(
  column: ColumnRecord,
  existing: CellRecord | undefined,
  write: CellWrite,
): CellRecord {
  const next: CellRecord = {};
  const keepLink = existing?.hyperlink;
  switch (write.kind) {
    case 'clear':
      // A cleared checkbox reads back as false (official mock "Update Rows - Clear Value - Checkbox").
      if (column.type === 'CHECKBOX') next.value = false;
      if (keepLink && !write.dropHyperlink) next.hyperlink = keepLink;
      return next;
    case 'formula':
      if (existing?.value !== undefined) next.value = existing.value;
      next.formula = write.formula;
      if (keepLink) next.hyperlink = keepLink;
      return next;
    case 'value':
      next.value = write.value;
      if (write.objectValue) next.objectValue = write.objectValue;
      if (write.hyperlink) next.hyperlink = write.hyperlink;
      else if (write.hyperlink === undefined && keepLink) next.hyperlink = keepLink;
      return next;
  }
}

/** Whether a write changed what cell history records (value, formula, object value). */
export function cellContentChanged(before: CellRecord | undefined, after: CellRecord): boolean {
  return (
    before?.value !== after.value ||
    before?.formula !== after.formula ||
    JSON.stringify(before?.objectValue) !== JSON.stringify(after.objectValue)
  );
}
