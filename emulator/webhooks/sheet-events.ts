// The skinny events a sheet change produces (smartsheet-api.md §6.4–§6.5) and the subscope filter.
// A write records which columns caused each event so a webhook limited to some columns only hears
// about changes in those columns; row deletions always reach every webhook.
import { callbackTimestamp } from '../format/timestamps.js';

export type EventObjectType = 'sheet' | 'row' | 'column' | 'cell' | 'attachment' | 'discussion' | 'comment';
export type EventType = 'created' | 'updated' | 'deleted';

export interface SheetEvent {
  objectType: EventObjectType;
  eventType: EventType;
  /** Object id; absent for cells, which carry rowId + columnId instead. */
  id?: number;
  rowId?: number;
  columnId?: number;
  /** Columns whose change caused this event (cells: their column; rows: the populated cells). */
  causeColumns?: readonly number[];
}

export interface CallbackEvent {
  objectType: EventObjectType;
  eventType: EventType;
  id?: number;
  rowId?: number;
  columnId?: number;
  userId: number;
  timestamp: string;
  changeAgent?: string;
}

export interface EventOrigin {
  userId: number;
  at: number;
  changeAgent?: string;
}

export function filterForSubscope(
  events: readonly SheetEvent[],
  columnIds: readonly number[] | undefined,
): SheetEvent[] {
  if (!columnIds || columnIds.length === 0) return [...events];
  const watched = new Set(columnIds);
  const kept = events.filter((event) => {
    if (event.objectType === 'sheet') return false;
    if (event.objectType === 'row' && event.eventType === 'deleted') return true;
    if (event.objectType === 'cell') return event.columnId !== undefined && watched.has(event.columnId);
    return (event.causeColumns ?? []).some((columnId) => watched.has(columnId));
  });
  if (kept.length === 0) return [];
  const sheetEvents = events.filter((event) => event.objectType === 'sheet');
  return [...sheetEvents, ...kept];
}

export function toCallbackEvent(event: SheetEvent, origin: EventOrigin): CallbackEvent {
  return {
    objectType: event.objectType,
    eventType: event.eventType,
    ...(event.id !== undefined ? { id: event.id } : {}),
    ...(event.rowId !== undefined ? { rowId: event.rowId } : {}),
    ...(event.columnId !== undefined ? { columnId: event.columnId } : {}),
    userId: origin.userId,
    timestamp: callbackTimestamp(origin.at),
    ...(origin.changeAgent !== undefined ? { changeAgent: origin.changeAgent } : {}),
  };
}
