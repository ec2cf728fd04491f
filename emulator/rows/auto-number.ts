// AUTO_NUMBER values: prefix + zero-filled counter + suffix, where prefix and suffix may carry the
// date tokens {YYYY}, {YY}, {MM}, {DD} of the row's creation (Smartsheet's auto-number format).
import { utcDateParts } from '../format/timestamps.js';
import type { AutoNumberFormat } from '../state/state-types.js';

function expandDateTokens(text: string, at: number): string {
  const { year, month, day } = utcDateParts(at);
  return text
    .replaceAll('{YYYY}', year)
    .replaceAll('{YY}', year.slice(2))
    .replaceAll('{MM}', month)
    .replaceAll('{DD}', day);
}

export function formatAutoNumber(format: AutoNumberFormat | undefined, counter: number, at: number): string {
  const fillWidth = format?.fill?.length ?? 0;
  const digits = String(counter).padStart(fillWidth, '0');
  return `${expandDateTokens(format?.prefix ?? '', at)}${digits}${expandDateTokens(format?.suffix ?? '', at)}`;
}

export function firstAutoNumber(format: AutoNumberFormat | undefined): number {
  return format?.startingNumber ?? 1;
}
