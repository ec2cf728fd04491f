// The two paging styles of smartsheet-api.md §3, isolated per endpoint so a list can switch style
// (§12: GET /sheets may move to token paging) without touching its callers. Never `includeAll`.
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { IndexPage, TokenPage } from './envelope-schemas.js';

/**
 * Offset paging: pages 1..totalPages, stopping early on an empty `data` (beyond-the-end behaviour
 * is documented both ways). `totalPages === -1` (IndexResultUnknownPages) or absent: page until empty.
 */
export async function* offsetPages<T>(
  fetchPage: (page: number) => Promise<IndexPage<T>>,
): AsyncGenerator<T[]> {
  for (let page = 1; ; page += 1) {
    const result = await fetchPage(page);
    if (result.data.length === 0) return;
    yield result.data;
    const totalPages = result.totalPages;
    if (totalPages !== undefined && totalPages >= 0 && page >= totalPages) return;
  }
}

/**
 * Token paging: loop on `lastKey`, never on item count — a page may hold fewer than `maxItems`
 * items, even none, while more follow.
 */
export async function* tokenPages<T>(
  fetchPage: (lastKey: string | undefined) => Promise<TokenPage<T>>,
  what: string,
): AsyncGenerator<T[]> {
  let lastKey: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const result = await fetchPage(lastKey);
    if (result.data.length > 0) yield result.data;
    if (!result.lastKey) return;
    // A server that hands back a key it already gave would make this loop forever.
    if (seen.has(result.lastKey)) {
      throw new AppError(
        ErrorCode.SMARTSHEET_REQUEST,
        `Smartsheet ${what} repeated the paging key ${result.lastKey}`,
      );
    }
    seen.add(result.lastKey);
    lastKey = result.lastKey;
  }
}

export async function collectPages<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}
