// Excel date-times have no time zone: a cell shows the serial number it holds. To show the
// organisation's local time, the cell must hold the local wall-clock reading, not the instant.
import { wallClockSlotOf } from '../../domain/audit-report/wall-clock-slot.js';

/**
 * The value to store in a cell so it displays the instant on the zone's wall clock (ExcelJS
 * stores a Date by its UTC reading). Null for a missing instant.
 */
export function localTimeValue(isoInstant: string | null, timeZone: string): Date | null {
  if (isoInstant === null) return null;
  return new Date(wallClockSlotOf(new Date(isoInstant), timeZone).wallClockMs);
}

/** A `YYYY-MM-DD` calendar date as a cell value (midnight, zone-less). Null stays null. */
export function calendarDateValue(date: string | null): Date | null {
  return date === null ? null : new Date(`${date}T00:00:00.000Z`);
}
