// The Violations page's query (issue #7): filters, sort and page as the dashboard sends them in a
// URL, checked here once so the store only ever sees valid values and a bad parameter gets a 400
// that names it and the value that was sent.
import type { AuditSeverity } from '../audit-chain.js';
import { SEVERITY_ORDER } from '../audit/severity-band.js';
import { addDays, parseDate, type IsoDate } from '../calendar-date.js';
import { parseDateTime } from '../date-time.js';
import { startOfDayIn } from '../time-zone.js';
import { badParameter, oneOf, positiveInteger, textOf } from './query-parameters.js';

/** The review state of an event: open until someone acknowledges or resolves (or reverts) it. */
export type ReviewStatus = 'open' | 'acknowledged' | 'resolved';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['open', 'acknowledged', 'resolved'];

/** Which audit events a view shows; every given condition must hold. */
export interface ViolationFilter {
  readonly severities?: readonly AuditSeverity[];
  readonly violationTypes?: readonly string[];
  /** `changedBy`, compared without regard to case. */
  readonly editor?: string;
  readonly workRequest?: string;
  readonly weekEnding?: IsoDate;
  readonly sheetId?: number;
  /** Inclusive range over `changedAt`, ISO-8601 instants. */
  readonly changedFrom?: string;
  readonly changedTo?: string;
  readonly reviewStatus?: ReviewStatus;
  /** Only events up to this seq: pins a multi-page read (an export) to one state of the log. */
  readonly maxSeq?: number;
}

export type ViolationSortKey = 'seq' | 'changedAt' | 'severity' | 'deltaCents' | 'riskScore';
export const VIOLATION_SORT_KEYS: readonly ViolationSortKey[] = [
  'seq',
  'changedAt',
  'severity',
  'deltaCents',
  'riskScore',
];

/**
 * How a view is ordered. Severity sorts by rank (INFO < … < CRITICAL), not alphabetically; events
 * without a value for the key come last in either direction; ties are broken by seq in the same
 * direction, so a page boundary never shows an event twice or skips one.
 */
export interface ViolationSort {
  readonly key: ViolationSortKey;
  readonly order: 'asc' | 'desc';
}

/** A checked Violations query. */
export interface ViolationQuerySpec {
  readonly filter: ViolationFilter;
  readonly sort: ViolationSort;
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const KNOWN_PARAMETERS = new Set([
  'severity',
  'code',
  'editor',
  'workRequest',
  'week',
  'sheet',
  'from',
  'to',
  'status',
  'sort',
  'order',
  'page',
  'pageSize',
]);
const CODE_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const MAX_TEXT_LENGTH = 320;

function listOf(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * An instant bounding a date range: `YYYY-MM-DD` is a day in the organisation's zone (`from` is
 * its first instant, `to` its last, so both ends include the whole day), anything else must be
 * ISO-8601 with a zone.
 */
function rangeBound(parameter: 'from' | 'to', text: string, timeZone: string): string {
  const date = parseDate(text);
  if (date.ok) {
    const start = parameter === 'from' ? date.value : addDays(date.value, 1);
    const instant = startOfDayIn(start, timeZone).getTime() - (parameter === 'to' ? 1 : 0);
    return new Date(instant).toISOString();
  }
  const instant = parseDateTime(text);
  if (!instant.ok)
    throw badParameter(parameter, text, 'a date (YYYY-MM-DD) or an ISO-8601 instant with a zone');
  return instant.value.toISOString();
}

function plainText(parameter: string, text: string): string {
  if (text.length > MAX_TEXT_LENGTH)
    throw badParameter(parameter, text, `at most ${MAX_TEXT_LENGTH} characters`);
  return text;
}

/**
 * Checks the query of `GET /api/violations` (and its CSV export): every parameter optional, an
 * unknown parameter refused (a typo must not silently widen a view), and each value checked.
 * Throws AppError INPUT_INVALID naming the parameter and its value. `timeZone` places plain
 * dates of `from`/`to` on the organisation's calendar.
 */
export function parseViolationQuery(
  query: Readonly<Record<string, unknown>>,
  options: { readonly timeZone: string },
): ViolationQuerySpec {
  for (const name of Object.keys(query)) {
    if (!KNOWN_PARAMETERS.has(name))
      throw badParameter('parameter', name, `one of ${[...KNOWN_PARAMETERS].join(', ')}`);
  }
  const text = (name: string) => {
    const value = textOf(name, query[name]);
    return value === '' ? undefined : value;
  };
  const filter: {
    -readonly [K in keyof ViolationFilter]: ViolationFilter[K];
  } = {};

  const severity = text('severity');
  if (severity !== undefined) {
    filter.severities = [
      ...new Set(listOf(severity).map((s) => oneOf('severity', s.toUpperCase(), SEVERITY_ORDER))),
    ];
  }
  const code = text('code');
  if (code !== undefined) {
    filter.violationTypes = [
      ...new Set(
        listOf(code).map((c) => {
          if (!CODE_PATTERN.test(c))
            throw badParameter('code', c, 'a violation code such as POST_CLOSE_EDIT');
          return c.toUpperCase();
        }),
      ),
    ];
  }
  const editor = text('editor');
  if (editor !== undefined) filter.editor = plainText('editor', editor);
  const workRequest = text('workRequest');
  if (workRequest !== undefined) filter.workRequest = plainText('workRequest', workRequest);
  const week = text('week');
  if (week !== undefined) {
    const date = parseDate(week);
    if (!date.ok) throw badParameter('week', week, 'a week ending date YYYY-MM-DD');
    filter.weekEnding = date.value;
  }
  const sheet = text('sheet');
  if (sheet !== undefined) filter.sheetId = positiveInteger('sheet', sheet);
  const from = text('from');
  if (from !== undefined) filter.changedFrom = rangeBound('from', from, options.timeZone);
  const to = text('to');
  if (to !== undefined) filter.changedTo = rangeBound('to', to, options.timeZone);
  if (
    filter.changedFrom !== undefined &&
    filter.changedTo !== undefined &&
    filter.changedFrom > filter.changedTo
  )
    throw badParameter('to', to ?? '', `a bound not before from (${from ?? ''})`);
  const status = text('status');
  if (status !== undefined) filter.reviewStatus = oneOf('status', status, REVIEW_STATUSES);

  const sortText = text('sort');
  const orderText = text('order');
  const pageText = text('page');
  const pageSizeText = text('pageSize');
  return {
    filter,
    sort: {
      key: sortText === undefined ? 'seq' : oneOf('sort', sortText, VIOLATION_SORT_KEYS),
      order: orderText === undefined ? 'desc' : oneOf('order', orderText, ['asc', 'desc'] as const),
    },
    page: pageText === undefined ? 1 : positiveInteger('page', pageText),
    pageSize:
      pageSizeText === undefined
        ? DEFAULT_PAGE_SIZE
        : positiveInteger('pageSize', pageSizeText, MAX_PAGE_SIZE),
  };
}

/** The filter as plain JSON, for the export's audit event (what exactly was exported). */
export function describeViolationFilter(filter: ViolationFilter): Record<string, string | number | string[]> {
  const described: Record<string, string | number | string[]> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    described[key] = Array.isArray(value) ? [...(value as string[])] : (value as string | number);
  }
  return described;
}
