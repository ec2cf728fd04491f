/**
 * How values read in an alert. Audit events carry text typed by field crews (descriptions, cell
 * values, links), so every value is escaped before it enters HTML and a link is only a link when
 * it is http(s).
 */
import { AppError, ErrorCode } from '../app-error.js';
import { formatCents } from '../money.js';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Δ with its sign always shown, `+$300.00` / `-$5.00`, or `—` when the impact is unknown. */
export function formatImpact(cents: number | null): string {
  if (cents === null) return '—';
  return cents > 0 ? `+${formatCents(cents)}` : formatCents(cents);
}

/** A missing value as an em dash, so an empty cell is visibly empty rather than blank. */
export function orDash(value: string | null): string {
  return value === null || value === '' ? '—' : value;
}

/** The URL when it is an absolute http(s) link, otherwise null (no `javascript:` hrefs). */
export function safeLink(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

// One formatter per zone: building Intl formatters is costly and they are immutable.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZoneName: 'short',
      });
    } catch (error) {
      throw new AppError(ErrorCode.CONFIG_INVALID, `Unknown time zone "${timeZone}".`, {
        hint: 'Use an IANA time zone name such as America/Chicago.',
        cause: error,
      });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * An instant as the organisation reads it: `Mon 2025-08-18 08:59:12 CDT`. `—` for a missing one;
 * an unparseable one is shown as stored rather than guessed at.
 */
export function formatInstantIn(instant: string | null, timeZone: string): string {
  if (instant === null) return '—';
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant;
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatterFor(timeZone).formatToParts(time)) parts[part.type] = part.value;
  return `${parts.weekday} ${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName}`;
}
