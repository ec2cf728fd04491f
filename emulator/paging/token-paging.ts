// Token paging (smartsheet-api.md §3.2): maxItems and an opaque lastKey; lastKey is absent on the
// last page. Here the key is base64 of the offset, which clients must not (and need not) parse.
import { apiErrors } from '../errors/api-error.js';
import type { QueryParams } from '../http/query-params.js';

export interface TokenPage<T> {
  data: T[];
  lastKey?: string;
}

const DEFAULT_MAX_ITEMS = 100;

function decodeKey(key: string): number {
  const decoded = Buffer.from(key, 'base64').toString('utf8');
  const match = /^offset:(\d+)$/.exec(decoded);
  if (!match?.[1]) throw apiErrors.invalidValue(key, 'lastKey');
  return Number(match[1]);
}

function encodeKey(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64');
}

export function tokenPaginate<T, R>(
  items: readonly T[],
  query: QueryParams,
  render: (item: T) => R,
): TokenPage<R> {
  const maxItems = query.int('maxItems') ?? DEFAULT_MAX_ITEMS;
  if (maxItems < 1) throw apiErrors.invalidValue(String(maxItems), 'maxItems');
  const lastKey = query.string('lastKey');
  const start = lastKey === undefined || lastKey === '' ? 0 : decodeKey(lastKey);
  const end = start + maxItems;
  const data = items.slice(start, end).map(render);
  return end < items.length ? { data, lastKey: encodeKey(end) } : { data };
}
