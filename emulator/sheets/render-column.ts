// Column objects as Smartsheet returns them (smartsheet-api.md §4.2), with MULTI_* types folded to
// TEXT_NUMBER below the requested `level`.
import type { ColumnType } from '../seed/seed-data.js';
import type { ColumnRecord } from '../state/state-types.js';

/** The column type a client sees at a given `level`. */
export function typeAtLevel(type: ColumnType, level: number): ColumnType {
  if (type === 'MULTI_CONTACT_LIST' && level < 1) return 'TEXT_NUMBER';
  if (type === 'MULTI_PICKLIST' && level < 2) return 'TEXT_NUMBER';
  return type;
}

function columnVersion(type: ColumnType): number {
  if (type === 'MULTI_CONTACT_LIST') return 1;
  if (type === 'MULTI_PICKLIST') return 2;
  return 0;
}

export function renderColumn(column: ColumnRecord, index: number, level: number): Record<string, unknown> {
  return {
    id: column.id,
    version: columnVersion(typeAtLevel(column.type, level)),
    index,
    title: column.title,
    type: typeAtLevel(column.type, level),
    ...(column.primary ? { primary: true } : {}),
    ...(column.systemColumnType ? { systemColumnType: column.systemColumnType } : {}),
    ...(column.options ? { options: [...column.options] } : {}),
    ...(column.autoNumberFormat ? { autoNumberFormat: { ...column.autoNumberFormat } } : {}),
    validation: false,
    width: column.width,
  };
}
