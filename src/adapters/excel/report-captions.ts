// The printed texts built from report values: the "generated on" stamp, the billing period and
// the page footer (billing-domain.md §2.3).
import { AppError, ErrorCode } from '../../domain/app-error.js';
import { formatUsDate, parseDate } from '../../domain/calendar-date.js';
import { parseDateTime } from '../../domain/date-time.js';
import { timeZoneOffsetMs } from '../../domain/time-zone.js';

/** `Report Generated On: 08/18/2025 02:05 PM`, with generatedAt shown in the organisation's zone. */
export function generatedOnText(generatedAt: string, timeZone: string): string {
  const parsed = parseDateTime(generatedAt);
  if (!parsed.ok) {
    throw new AppError(ErrorCode.INPUT_INVALID, `Report generatedAt is not a date-time: ${parsed.reason}`);
  }
  const instant = parsed.value;
  // Shifting by the zone's offset and reading the UTC fields gives the wall clock in that zone.
  const wall = new Date(instant.getTime() + timeZoneOffsetMs(instant, timeZone));
  const hours24 = wall.getUTCHours();
  const hours12 = hours24 % 12 === 0 ? 12 : hours24 % 12;
  const date = `${pad2(wall.getUTCMonth() + 1)}/${pad2(wall.getUTCDate())}/${wall.getUTCFullYear()}`;
  const time = `${pad2(hours12)}:${pad2(wall.getUTCMinutes())} ${hours24 < 12 ? 'AM' : 'PM'}`;
  return `Report Generated On: ${date} ${time}`;
}

/** `08/11/2025 to 08/17/2025`. */
export function billingPeriodText(periodStart: string, periodEnd: string): string {
  return `${usDate(periodStart, 'periodStart')} to ${usDate(periodEnd, 'periodEnd')}`;
}

/**
 * The footer in Excel's header/footer codes: `&L` left section, `&R` right section, `&P` page,
 * `&N` page count. A literal `&` in the file name must be doubled or Excel reads it as a code.
 */
export function footerText(fileName: string): string {
  return `&LFilename: ${fileName.replaceAll('&', '&&')}&RPage &P of &N`;
}

function usDate(text: string, field: string): string {
  const parsed = parseDate(text);
  if (!parsed.ok)
    throw new AppError(ErrorCode.INPUT_INVALID, `Report ${field} is not a date: ${parsed.reason}`);
  return formatUsDate(parsed.value);
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
