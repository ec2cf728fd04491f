// The Reports page's query: filters and page as the dashboard sends them in a URL, checked once so
// the store only sees valid values. A deployment publishes tens of thousands of reports; a page is
// what one reply carries.
import { parseDate } from '../calendar-date.js';
import type { IsoDate } from '../calendar-date.js';
import { badParameter, positiveInteger, textOf } from './query-parameters.js';

export interface ReportQuerySpec {
  readonly workRequest?: string;
  readonly weekEnding?: IsoDate;
  readonly page: number;
  readonly pageSize: number;
}

export const DEFAULT_REPORT_PAGE_SIZE = 100;
export const MAX_REPORT_PAGE_SIZE = 500;
const KNOWN_PARAMETERS = ['workRequest', 'week', 'page', 'pageSize'];
const MAX_WORK_REQUEST_LENGTH = 100;

/**
 * Checks the query of `GET /api/reports`: every parameter optional, an unknown one refused (a typo
 * must not silently widen the list). Throws AppError INPUT_INVALID naming the parameter and value.
 */
export function parseReportQuery(query: Readonly<Record<string, unknown>>): ReportQuerySpec {
  for (const name of Object.keys(query)) {
    if (!KNOWN_PARAMETERS.includes(name))
      throw badParameter('parameter', name, `one of ${KNOWN_PARAMETERS.join(', ')}`);
  }
  const text = (name: string) => {
    const value = textOf(name, query[name]);
    return value === '' ? undefined : value;
  };
  const workRequest = text('workRequest');
  if (workRequest !== undefined && workRequest.length > MAX_WORK_REQUEST_LENGTH)
    throw badParameter('workRequest', workRequest, `at most ${MAX_WORK_REQUEST_LENGTH} characters`);
  const week = text('week');
  let weekEnding: IsoDate | undefined;
  if (week !== undefined) {
    const date = parseDate(week);
    if (!date.ok) throw badParameter('week', week, 'a week ending date YYYY-MM-DD');
    weekEnding = date.value;
  }
  const page = text('page');
  const pageSize = text('pageSize');
  return {
    ...(workRequest === undefined ? {} : { workRequest }),
    ...(weekEnding === undefined ? {} : { weekEnding }),
    page: page === undefined ? 1 : positiveInteger('page', page),
    pageSize:
      pageSize === undefined
        ? DEFAULT_REPORT_PAGE_SIZE
        : positiveInteger('pageSize', pageSize, MAX_REPORT_PAGE_SIZE),
  };
}
