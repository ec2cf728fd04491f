import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.js';
import { collectPages, offsetPages, tokenPages } from './paging.js';

describe('offsetPages', () => {
  it('reads pages 1..totalPages', async () => {
    const asked: number[] = [];
    const items = await collectPages(
      offsetPages(async (page) => {
        asked.push(page);
        return { pageNumber: page, totalPages: 3, data: [page * 10, page * 10 + 1] };
      }),
    );
    expect(asked).toEqual([1, 2, 3]);
    expect(items).toEqual([10, 11, 20, 21, 30, 31]);
  });

  it('stops on an empty page even when totalPages promised more', async () => {
    const asked: number[] = [];
    await collectPages(
      offsetPages(async (page) => {
        asked.push(page);
        return { totalPages: 5, data: page < 3 ? [page] : [] };
      }),
    );
    expect(asked).toEqual([1, 2, 3]);
  });

  it('keeps paging until empty when totalPages is -1 (unknown)', async () => {
    const items = await collectPages(
      offsetPages(async (page) => ({ totalPages: page <= 4 ? -1 : 0, data: page <= 4 ? [page] : [] })),
    );
    expect(items).toEqual([1, 2, 3, 4]);
  });
});

describe('tokenPages', () => {
  it('follows lastKey through short and empty pages, not item counts', async () => {
    const pages: Record<string, { data: string[]; lastKey?: string }> = {
      first: { data: ['a'], lastKey: 'k1' },
      k1: { data: [], lastKey: 'k2' },
      k2: { data: ['b', 'c'] },
    };
    const keys: (string | undefined)[] = [];
    const items = await collectPages(
      tokenPages(async (lastKey) => {
        keys.push(lastKey);
        return pages[lastKey ?? 'first'] ?? { data: [] };
      }, 'GET /workspaces'),
    );
    expect(keys).toEqual([undefined, 'k1', 'k2']);
    expect(items).toEqual(['a', 'b', 'c']);
  });

  it('refuses a paging key the server already handed out', async () => {
    const pages = tokenPages(async () => ({ data: ['x'], lastKey: 'same' }), 'GET /workspaces');
    await expect(collectPages(pages)).rejects.toThrow(AppError);
  });
});
