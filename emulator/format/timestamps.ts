// Timestamp shapes of the API (smartsheet-api.md §1.3): REST bodies use `2017-10-09T01:54:15Z` or,
// with numericDates=true, epoch milliseconds; webhook callbacks use `2015-10-27T17:04:23.795+0000`.

/** How a response renders timestamps: ISO seconds by default, epoch ms under numericDates=true. */
export type TimestampFormat = (ms: number) => string | number;

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function timestampFormat(numericDates: boolean): TimestampFormat {
  return numericDates ? (ms) => ms : isoSeconds;
}

/** The callback shape: milliseconds and a `+0000` offset instead of `Z`. */
export function callbackTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '+0000');
}

/** Parses a timestamp a client sent: ISO-8601 text or epoch ms digits. Undefined when neither. */
export function parseTimestamp(text: string): number | undefined {
  if (/^-?\d+$/.test(text)) return Number(text);
  // Date.parse reads date-only strings as UTC midnight, which is what Smartsheet does too.
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** YYYY-MM-DD of a timestamp in UTC (AUTO_NUMBER prefixes, DATE values). */
export function utcDateParts(ms: number): { year: string; month: string; day: string } {
  const iso = new Date(ms).toISOString();
  return { year: iso.slice(0, 4), month: iso.slice(5, 7), day: iso.slice(8, 10) };
}
