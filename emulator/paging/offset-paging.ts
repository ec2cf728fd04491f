// Offset paging (smartsheet-api.md §3.1): page (1-based) and pageSize (default 100), or includeAll.
// A page past the end answers with empty data and the requested pageNumber.
import { apiErrors } from '../errors/api-error.js';
import type { QueryParams } from '../http/query-params.js';

export interface IndexResult<T> {
  pageNumber: number;
  pageSize?: number;
  totalPages: number;
  totalCount: number;
  data: T[];
}

export interface OffsetPage {
  page: number;
  pageSize: number;
  includeAll: boolean;
}

export const DEFAULT_PAGE_SIZE = 100;

export function readOffsetPage(query: QueryParams): OffsetPage {
  const page = query.int('page') ?? 1;
  const pageSize = query.int('pageSize') ?? DEFAULT_PAGE_SIZE;
  if (page < 1) throw apiErrors.invalidValue(String(page), 'page');
  if (pageSize < 1) throw apiErrors.invalidValue(String(pageSize), 'pageSize');
  return { page, pageSize, includeAll: query.bool('includeAll', false) };
}

export function paginate<T, R>(
  items: readonly T[],
  paging: OffsetPage,
  render: (item: T) => R,
): IndexResult<R> {
  if (paging.includeAll) {
    return { pageNumber: 1, totalPages: 1, totalCount: items.length, data: items.map(render) };
  }
  const start = (paging.page - 1) * paging.pageSize;
  return {
    pageNumber: paging.page,
    pageSize: paging.pageSize,
    totalPages: Math.ceil(items.length / paging.pageSize),
    totalCount: items.length,
    data: items.slice(start, start + paging.pageSize).map(render),
  };
}
