// The Violations page keeps its filters, sort and page in the URL (shareable, back-button safe);
// these functions turn the URL into the API query and back. The CSV export uses the same query
// without the page, so it holds exactly the filtered, sorted view.
import type { ViolationQuery } from '../api/contract-types.js';

export const PAGE_SIZE = 50;

export type SortKey = NonNullable<ViolationQuery['sort']>;
export type ReviewStatus = NonNullable<ViolationQuery['status']>;

/** The filters a user sets in the filter bar. */
export interface ViolationFilters {
  readonly severity: readonly string[];
  readonly code: string;
  readonly editor: string;
  readonly workRequest: string;
  readonly week: string;
  readonly sheet: string;
  readonly from: string;
  readonly to: string;
  readonly status: ReviewStatus | '';
}

export interface ViolationView {
  readonly filters: ViolationFilters;
  readonly sort: SortKey;
  readonly order: 'asc' | 'desc';
  readonly page: number;
}

export const EMPTY_FILTERS: ViolationFilters = {
  severity: [],
  code: '',
  editor: '',
  workRequest: '',
  week: '',
  sheet: '',
  from: '',
  to: '',
  status: '',
};

const SORT_KEYS: readonly SortKey[] = ['seq', 'changedAt', 'severity', 'deltaCents', 'riskScore'];
const STATUSES: readonly ReviewStatus[] = ['open', 'acknowledged', 'resolved'];

/** Reads the view from the page's URL; anything unknown falls back to the default. */
export function viewFromSearch(search: URLSearchParams): ViolationView {
  const text = (name: string) => search.get(name)?.trim() ?? '';
  const sort = text('sort') as SortKey;
  const status = text('status') as ReviewStatus;
  const page = Number.parseInt(text('page'), 10);
  return {
    filters: {
      severity: text('severity')
        .split(',')
        .map((value) => value.trim().toUpperCase())
        .filter((value) => value !== ''),
      code: text('code'),
      editor: text('editor'),
      workRequest: text('workRequest'),
      week: text('week'),
      sheet: text('sheet'),
      from: text('from'),
      to: text('to'),
      status: STATUSES.includes(status) ? status : '',
    },
    sort: SORT_KEYS.includes(sort) ? sort : 'seq',
    order: text('order') === 'asc' ? 'asc' : 'desc',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The API query for the filters and sort (no paging): shared by the table and the export. */
export function filterQuery(view: ViolationView): Record<string, string> {
  const { filters } = view;
  const query: Record<string, string> = {};
  if (filters.severity.length > 0) query.severity = filters.severity.join(',');
  const fields = ['code', 'editor', 'workRequest', 'week', 'sheet', 'from', 'to', 'status'] as const;
  for (const field of fields) {
    const value = filters[field].trim();
    if (value !== '') query[field] = value;
  }
  query.sort = view.sort;
  query.order = view.order;
  return query;
}

/** The query of one page of the table. */
export function pageQuery(view: ViolationView): Record<string, string> {
  return { ...filterQuery(view), page: String(view.page), pageSize: String(PAGE_SIZE) };
}

/** The page URL for a view (and an optional open drill-down). */
export function viewUrl(view: ViolationView, eventId?: string | null): string {
  const search = new URLSearchParams(filterQuery(view));
  if (view.page > 1) search.set('page', String(view.page));
  if (eventId) search.set('event', eventId);
  return `/violations?${search.toString()}`;
}

/** Sorting by a column: a new column starts descending, the same column flips. */
export function toggleSort(view: ViolationView, key: SortKey): ViolationView {
  const order = view.sort === key && view.order === 'desc' ? 'asc' : 'desc';
  return { ...view, sort: key, order, page: 1 };
}
