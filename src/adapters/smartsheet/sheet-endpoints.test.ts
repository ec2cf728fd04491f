import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../domain/app-error.js';
import type { RecordedRequest } from './testing/scripted-fetch.js';
import { jsonAnswer } from './testing/scripted-fetch.js';
import { unitClient } from './testing/unit-client.js';

const COLUMNS = [{ id: 101, index: 0, title: 'Work Request #', type: 'TEXT_NUMBER', primary: true }];

/** A sheet of `total` rows served in pages; `versionAt(page)` lets a test change it mid-read. */
function pagedSheet(total: number, versionAt: (page: number, call: number) => number = () => 7) {
  let calls = 0;
  return (request: RecordedRequest) => {
    calls += 1;
    const page = Number(request.url.searchParams.get('page'));
    const pageSize = Number(request.url.searchParams.get('pageSize'));
    const ids = Array.from({ length: total }, (_, i) => 1000 + i).slice(
      (page - 1) * pageSize,
      page * pageSize,
    );
    return jsonAnswer({
      id: 1,
      name: 'Crew A',
      version: versionAt(page, calls),
      totalRowCount: total,
      columns: COLUMNS,
      rows: ids.map((id) => ({ id, rowNumber: id - 999, cells: [{ columnId: 101, value: `WR-${id}` }] })),
    });
  };
}

describe('getSheet', () => {
  it('reads every page of rows until totalRowCount', async () => {
    const { client, server } = unitClient(pagedSheet(250));
    const sheet = await client.getSheet(1, { pageSize: 100 });
    expect(sheet.rows).toHaveLength(250);
    expect(sheet.rows.at(-1)?.cells[0]?.value).toBe('WR-1249');
    expect(server.requests.map((r) => r.url.searchParams.get('page'))).toEqual(['1', '2', '3']);
  });

  it('starts over when the sheet changes between pages, so no row is missed or doubled', async () => {
    const { client, server } = unitClient(
      pagedSheet(150, (_page, call) => (call === 2 ? 8 : call < 2 ? 7 : 9)),
    );
    const sheet = await client.getSheet(1, { pageSize: 100 });
    expect(sheet.version).toBe(9);
    expect(new Set(sheet.rows.map((r) => r.id)).size).toBe(150);
    expect(server.requests).toHaveLength(4);
  });

  it('gives up with a retryable error when the sheet keeps changing', async () => {
    const { client } = unitClient(pagedSheet(150, (_page, call) => call));
    await expect(client.getSheet(1, { pageSize: 100 })).rejects.toMatchObject({
      code: ErrorCode.SMARTSHEET_UNAVAILABLE,
      details: { retryable: true },
    });
  });

  it('splits long rowIds lists over several requests and sends filters once each', async () => {
    const { client, server } = unitClient(pagedSheet(0));
    const rowIds = Array.from({ length: 450 }, (_, i) => 5000 + i);
    await client.getSheet(1, {
      rowIds,
      columnIds: [101],
      rowsModifiedSince: new Date('2026-09-01T08:00:00.123Z'),
    });
    expect(server.requests.map((r) => r.url.searchParams.get('rowIds')?.split(',').length)).toEqual([
      200, 200, 50,
    ]);
    expect(server.requests[0]?.url.searchParams.get('rowsModifiedSince')).toBe('2026-09-01T08:00:00Z');
    expect(server.requests[0]?.url.searchParams.get('columnIds')).toBe('101');
  });
});

describe('lists', () => {
  it('pages GET /sheets with explicit page numbers, never includeAll', async () => {
    const { client, server } = unitClient((request) => {
      const page = Number(request.url.searchParams.get('page'));
      return jsonAnswer({
        pageNumber: page,
        totalPages: 2,
        totalCount: 2,
        data: [{ id: page, name: `S${page}` }],
      });
    });
    expect((await client.listSheets()).map((s) => s.name)).toEqual(['S1', 'S2']);
    expect(server.requests.every((r) => !r.url.searchParams.has('includeAll'))).toBe(true);
  });

  it('walks folder children by lastKey with the sheets,folders filter', async () => {
    const { client, server } = unitClient((request) =>
      request.url.searchParams.get('lastKey') === 'b2Zmc2V0PTE='
        ? jsonAnswer({ data: [{ id: 2, name: 'Sub', resourceType: 'folder' }] })
        : jsonAnswer({ data: [{ id: 1, name: 'Crew A', resourceType: 'sheet' }], lastKey: 'b2Zmc2V0PTE=' }),
    );
    const children = await client.getFolderChildren(77);
    expect(children.map((c) => c.resourceType)).toEqual(['sheet', 'folder']);
    expect(server.requests[0]?.url.search).toBe('?childrenResourceTypes=sheets,folders&maxItems=1000');
  });
});
