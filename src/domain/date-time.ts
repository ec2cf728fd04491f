import { dayNumberOf, parseDate } from './calendar-date.js';
import { describeCellValue } from './cell-value.js';
import type { CellValue } from './cell-value.js';
import { fail, ok } from './result.js';
import type { Result } from './result.js';

// Date, time to minutes or seconds, optional fraction, and a zone: `Z`, `+00:00` or `+0000`.
const DATE_TIME_TEXT =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):?(\d{2}))$/;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/**
 * Parses a DATETIME value into an instant (smartsheet-api.md §1.3): ISO-8601 such as
 * `2017-10-09T01:54:15Z`, and the webhook callback shape `2026-09-02T17:04:23.795+0000`. Other
 * explicit offsets are honoured; a time without a zone is refused because its instant is
 * unknowable. Numbers are refused as well: epoch or serial, the reader cannot tell which.
 * Fractions beyond milliseconds are truncated.
 */
export function parseDateTime(value: CellValue): Result<Date> {
  if (value === undefined || value === null) return fail('date-time is empty');
  if (typeof value !== 'string')
    return fail(`date-time must be ISO-8601 text, got ${describeCellValue(value)}`);
  const text = value.trim();
  if (text === '') return fail('date-time is empty');
  const match = DATE_TIME_TEXT.exec(text);
  if (!match) return fail(`date-time is not ISO-8601 with a zone: ${describeCellValue(value)}`);
  const [
    ,
    datePart = '',
    hourText,
    minuteText,
    secondText,
    fractionText,
    zone,
    sign,
    offsetHours,
    offsetMinutes,
  ] = match;
  const date = parseDate(datePart);
  const [hour, minute, second] = [Number(hourText), Number(minuteText), Number(secondText ?? '0')];
  if (!date.ok || hour > 23 || minute > 59 || second > 59) {
    return fail(`not a real date-time: ${describeCellValue(value)}`);
  }
  let offsetMs = 0;
  if (zone !== 'Z') {
    const [zoneHours, zoneMinutes] = [Number(offsetHours), Number(offsetMinutes)];
    if (zoneHours > 23 || zoneMinutes > 59)
      return fail(`not a real zone offset: ${describeCellValue(value)}`);
    offsetMs = (sign === '-' ? -1 : 1) * (zoneHours * 60 + zoneMinutes) * MS_PER_MINUTE;
  }
  const millis = Number((fractionText ?? '').padEnd(3, '0').slice(0, 3));
  // Day arithmetic rather than Date.UTC, which maps years 0–99 to 1900–1999.
  const localMs = dayNumberOf(date.value) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  return ok(new Date(localMs - offsetMs));
}
