import { describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.js';
import type { NewRow } from './row-endpoints.js';
import type { RecordedRequest } from './testing/scripted-fetch.js';
import { errorAnswer, jsonAnswer } from './testing/scripted-fetch.js';
import { unitClient } from './testing/unit-client.js';

const newRows = (count: number): NewRow[] =>
  Array.from({ length: count }, (_, i) => ({ cells: [{ columnId: 101, value: `WR-${i}` }] }));

/** Echoes a row per body item, ids counting up; the second item of each chunk fails when asked to. */
function rowWriter(options: { failSecond?: boolean } = {}) {
  let nextId = 1;
  let version = 1;
  return (request: RecordedRequest) => {
    const body = JSON.parse(String(request.body)) as unknown[];
    const failed = options.failSecond ? [1] : [];
    version += 1;
    return jsonAnswer({
      message: failed.length ? 'PARTIAL_SUCCESS' : 'SUCCESS',
      resultCode: failed.length ? 3 : 0,
      version,
      result: body.filter((_, i) => !failed.includes(i)).map(() => ({ id: nextId++, cells: [] })),
      failedItems: failed.map((index) => ({
        index,
        error: { errorCode: 1036, message: 'The columnId 3 is invalid.', refId: 'r' },
      })),
    });
  };
}

describe('row writes', () => {
  it('adds 1,200 rows in chunks of at most 500', async () => {
    const { client, server } = unitClient(rowWriter());
    const result = await client.addRows(1, newRows(1200));
    expect(server.requests.map((r) => (JSON.parse(String(r.body)) as unknown[]).length)).toEqual([
      500, 500, 200,
    ]);
    expect(result.rows).toHaveLength(1200);
    expect(result.version).toBe(4);
  });

  it('reports partial-success failures with indexes into the whole input', async () => {
    const { client, server } = unitClient(rowWriter({ failSecond: true }));
    const result = await client.updateRows(
      1,
      Array.from({ length: 600 }, (_, i) => ({ id: i + 1, cells: [] })),
      { allowPartialSuccess: true },
    );
    expect(server.requests[0]?.url.searchParams.get('allowPartialSuccess')).toBe('true');
    expect(result.failedItems.map((f) => f.index)).toEqual([1, 501]);
    expect(result.failedItems[0]?.error.errorCode).toBe(1036);
  });

  it('says which rows were already written when a later chunk fails', async () => {
    const { client, server } = unitClient(rowWriter());
    server.enqueue(
      jsonAnswer({ message: 'SUCCESS', resultCode: 0, version: 2, result: [{ id: 1, cells: [] }] }),
    );
    server.enqueue(errorAnswer(400, 1042, 'did not conform'));
    const error = (await client.addRows(1, newRows(501)).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.message).toContain('rows 1–500 of 501 were already written');
    expect(error.details).toMatchObject({ writtenCount: 500, writtenRowIds: [1], errorCode: 1042 });
  });

  it('deletes in URL-sized chunks and returns every deleted id', async () => {
    const { client, server } = unitClient((request) => {
      const ids = (request.url.searchParams.get('ids') ?? '').split(',').map(Number);
      return jsonAnswer({ message: 'SUCCESS', resultCode: 0, version: 3, result: ids });
    });
    const ids = Array.from({ length: 450 }, (_, i) => 1000 + i);
    expect(await client.deleteRows(1, ids, { ignoreRowsNotFound: true })).toEqual(ids);
    expect(server.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE', 'DELETE']);
    expect(server.requests[0]?.url.searchParams.get('ignoreRowsNotFound')).toBe('true');
  });
});

describe('attachments', () => {
  it('uploads raw bytes with an encoded file name, a length and a type', async () => {
    const { client, server } = unitClient(() =>
      jsonAnswer({
        message: 'SUCCESS',
        resultCode: 0,
        version: 3,
        result: { id: 9, name: 'WR 1 – week.xlsx', attachmentType: 'FILE' },
      }),
    );
    await client.uploadRowAttachment(1, 2, {
      fileName: 'WR 1 – week.xlsx',
      bytes: new Uint8Array([1, 2, 3]),
    });
    const [request] = server.requests;
    expect(request?.headers).toMatchObject({
      'content-disposition': 'attachment; filename="WR%201%20%E2%80%93%20week.xlsx"',
      'content-length': '3',
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(client.requestCounts().units).toBe(10);
  });

  it('downloads from the temporary URL without the bearer token', async () => {
    const { client, server } = unitClient((request) =>
      request.url.hostname === 'files.test'
        ? { status: 200, text: 'bytes' }
        : jsonAnswer({
            id: 9,
            name: 'a.txt',
            attachmentType: 'FILE',
            url: 'https://files.test/t/abc',
            urlExpiresInMillis: 120000,
          }),
    );
    const bytes = await client.downloadAttachment(1, 9);
    expect(new TextDecoder().decode(bytes)).toBe('bytes');
    expect(server.requests[1]?.headers.authorization).toBeUndefined();
  });
});
