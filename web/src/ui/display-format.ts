// How numbers, money and instants read on screen (money arrives in integer cents, instants in
// ISO-8601 UTC; both are shown in the browser's locale and time zone).
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const count = new Intl.NumberFormat('en-US');
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const EMPTY = '—';

export function formatCents(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return EMPTY;
  return money.format(cents / 100);
}

/** Signed money for deltas: +$12.00 / −$3.50. */
export function formatDeltaCents(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return EMPTY;
  const text = money.format(Math.abs(cents) / 100);
  if (cents > 0) return `+${text}`;
  if (cents < 0) return `−${text}`;
  return text;
}

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? EMPTY : count.format(value);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return EMPTY;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** A 0–1 score as a percentage with no decimals. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) return EMPTY;
  return `${Math.round(score * 100)}%`;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return EMPTY;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function textOrEmpty(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? EMPTY : String(value);
}
