import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import { errorAnswer, jsonAnswer } from './testing/scripted-fetch.js';
import { unitClient } from './testing/unit-client.js';

const PROFILE = {
  id: 9007194052434043,
  email: 'ledgerline@example.com',
  firstName: 'Ledger',
  lastName: 'Line',
};
const ROWS_RESULT = { message: 'SUCCESS', resultCode: 0, version: 2, result: [{ id: 11, cells: [] }] };

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('SmartsheetHttp requests', () => {
  it('sends the bearer token and Accept on reads, no trailing slash, lists with raw commas', async () => {
    const { client, server } = unitClient(() => jsonAnswer({ id: 1, name: 'S', columns: [], rows: [] }));
    await client.getSheet(1, { include: ['attachments', 'writerInfo'] });
    const [request] = server.requests;
    expect(request?.url.href).toBe(
      'https://api.test/2.0/sheets/1?include=attachments,writerInfo&level=2&page=1&pageSize=1000',
    );
    expect(request?.headers).toMatchObject({
      authorization: 'Bearer unit-token',
      accept: 'application/json',
    });
    expect(request?.headers['smartsheet-change-agent']).toBeUndefined();
  });

  it('labels writes with the change agent and the integration source', async () => {
    const { client, server } = unitClient(() => jsonAnswer(ROWS_RESULT), {
      baseUrl: 'https://api.test/2.0/',
    });
    await client.updateRows(5, [{ id: 11, cells: [{ columnId: 7, value: 3 }] }]);
    const [request] = server.requests;
    expect(request?.url.href).toBe('https://api.test/2.0/sheets/5/rows');
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'smartsheet-change-agent': 'ledgerline',
      'smartsheet-integration-source': 'APPLICATION,Ledgerline,ledgerline',
    });
    expect(JSON.parse(String(request?.body))).toEqual([{ id: 11, cells: [{ columnId: 7, value: 3 }] }]);
  });
});

describe('SmartsheetHttp errors', () => {
  it('names the endpoint, ids, errorCode and refId of a 4xx, and does not retry it', async () => {
    const { client, server } = unitClient(() => errorAnswer(404, 1006, 'Not Found', 'ab12'));
    const error = await failureOf(client.getSheetVersion(42));
    expect(error.code).toBe(ErrorCode.SMARTSHEET_REQUEST);
    expect(error.message).toContain('GET /sheets/{sheetId}/version (sheetId 42)');
    expect(error.message).toContain('errorCode 1006');
    expect(error.message).toContain('refId ab12');
    expect(error.details).toMatchObject({
      status: 404,
      errorCode: 1006,
      refId: 'ab12',
      endpoint: 'GET /sheets/{sheetId}/version',
    });
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [401, 1002],
    [401, 1003],
    [401, 1005],
  ])('treats HTTP %i / %i as a token problem', async (status, code) => {
    const { client } = unitClient(() => errorAnswer(status, code));
    expect((await failureOf(client.getCurrentUser())).code).toBe(ErrorCode.SMARTSHEET_AUTH);
  });

  it('fails clearly when a 2xx body does not match the contract', async () => {
    const { client } = unitClient(() => jsonAnswer({ id: 'not-a-number', email: 'x' }));
    const error = await failureOf(client.getCurrentUser());
    expect(error.code).toBe(ErrorCode.SMARTSHEET_REQUEST);
    expect(error.message).toMatch(/answered unexpectedly: id:/);
  });

  it('rejects ids beyond 2^53 instead of rounding them', async () => {
    const { client } = unitClient(() => jsonAnswer({ ...PROFILE, id: 2 ** 53 + 2 }));
    await expect(client.getCurrentUser()).rejects.toThrow(/answered unexpectedly/);
  });
});

describe('SmartsheetHttp retries', () => {
  it('retries an HTML 502 and a 4004, then returns the answer', async () => {
    const { client, server, clock } = unitClient(() => jsonAnswer(PROFILE));
    server.enqueue(
      { status: 502, text: '<html><body>502 Bad Gateway</body></html>' },
      errorAnswer(500, 4004),
    );
    await expect(client.getCurrentUser()).resolves.toMatchObject({ id: PROFILE.id });
    expect(clock.sleeps).toEqual([2_000, 4_000]);
    expect(client.requestCounts()).toMatchObject({
      total: 3,
      retries: 2,
      byEndpoint: { 'GET /users/me': 3 },
    });
  });

  it('honours Retry-After on a 429 and pauses the shared budget', async () => {
    const { client, server, clock } = unitClient(() => jsonAnswer(PROFILE));
    server.enqueue({
      status: 429,
      json: { errorCode: 4003, message: 'Rate limit exceeded.' },
      headers: { 'Retry-After': '7' },
    });
    await client.getCurrentUser();
    // The call sleeps the 7 s; the paused budget then has nothing left to wait for.
    expect(clock.sleeps[0]).toBe(7_000);
    expect(client.requestCounts().rateLimited).toBe(1);
  });

  it('retries connection resets on reads', async () => {
    const { client, server } = unitClient(() => jsonAnswer(PROFILE));
    server.enqueue({ networkError: 'ECONNRESET' }, { networkError: 'ECONNRESET' });
    await expect(client.getCurrentUser()).resolves.toMatchObject({ email: PROFILE.email });
    expect(server.requests).toHaveLength(3);
  });

  it('gives up with a retryable SMARTSHEET_UNAVAILABLE once maxRetryMs is spent', async () => {
    const { client, server } = unitClient(() => errorAnswer(503, 4001, 'offline'), { maxRetryMs: 20_000 });
    const error = await failureOf(client.getCurrentUser());
    expect(error.code).toBe(ErrorCode.SMARTSHEET_UNAVAILABLE);
    expect(error.details).toMatchObject({ retryable: true, ambiguous: false, errorCode: 4001 });
    // 2 s + 4 s + 8 s fit into 20 s; the next 16 s would not.
    expect(server.requests).toHaveLength(4);
  });

  it('retries an add-rows POST on 4004 and on connection refused', async () => {
    const { client, server } = unitClient(() => jsonAnswer(ROWS_RESULT));
    server.enqueue(errorAnswer(500, 4004), { networkError: 'ECONNREFUSED' });
    await expect(client.addRows(5, [{ cells: [] }])).resolves.toMatchObject({ version: 2 });
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    ['500 / 4002', errorAnswer(500, 4002, 'Server timeout exceeded.')],
    ['a connection reset', { networkError: 'ECONNRESET' }],
    ['an HTML 502', { status: 502, text: '<h1>Bad Gateway</h1>' }],
  ])('does not repeat an add-rows POST after %s: it reports an ambiguous outcome', async (_name, answer) => {
    const { client, server } = unitClient(() => jsonAnswer(ROWS_RESULT));
    server.enqueue(answer);
    const error = await failureOf(client.addRows(5, [{ cells: [] }]));
    expect(error.code).toBe(ErrorCode.SMARTSHEET_UNAVAILABLE);
    expect(error.details).toMatchObject({
      retryable: true,
      ambiguous: true,
      endpoint: 'POST /sheets/{sheetId}/rows',
    });
    expect(error.message).toContain('may or may not have been applied');
    expect(server.requests).toHaveLength(1);
  });

  it('warns when a 4xx follows an attempt that broke off mid-way', async () => {
    const { client, server } = unitClient(() => errorAnswer(404, 1006, 'Not Found'));
    server.enqueue({ networkError: 'ECONNRESET' });
    const error = await failureOf(client.deleteRows(5, [11]));
    expect(error.details).toMatchObject({ afterUncertainAttempt: true, status: 404 });
    expect(error.message).toContain('may have been applied');
  });
});
