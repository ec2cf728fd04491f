import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../index.js';
import { TEST_IDS, TEST_USERS, testRowId } from '../testing/build-test-seed.js';
import { call, control, startTestEmulator, type LooseJson } from '../testing/test-client.js';

const sheetId = TEST_IDS.sheetNorth;
const rowId = testRowId(sheetId, 0);
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => control(emu, 'POST', '/reset', {}));

function simpleUpload(
  path: string,
  bytes: Buffer,
  disposition: string,
  contentType = 'application/octet-stream',
) {
  return call(emu.baseUrl, 'POST', path, {
    rawBody: bytes,
    headers: { 'Content-Type': contentType, 'Content-Disposition': disposition },
  });
}

function multipartBody(boundary: string, filename: string, bytes: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

async function download(attachmentId: number): Promise<{ status: number; bytes: Buffer }> {
  const meta = await call(emu.baseUrl, 'GET', `/sheets/${sheetId}/attachments/${attachmentId}`);
  const response = await fetch(meta.json.url);
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('uploads', () => {
  it('accepts a simple upload with a URL-encoded file name and counts it as 10 units', async () => {
    const bytes = Buffer.from([1, 2, 3, 250, 0, 13, 10]);
    const res = await simpleUpload(
      `/sheets/${sheetId}/rows/${rowId}/attachments`,
      bytes,
      'attachment; filename="WR%201001.pdf"',
    );
    expect(res.json).toMatchObject({ message: 'SUCCESS', resultCode: 0, version: expect.any(Number) });
    expect(res.json.result).toMatchObject({
      name: 'WR 1001.pdf',
      attachmentType: 'FILE',
      mimeType: 'application/pdf',
      sizeInKb: 1,
      parentType: 'ROW',
      parentId: rowId,
      createdBy: { name: 'Olivia Owner', email: TEST_USERS.owner.email },
    });
    expect((await download(res.json.result.id)).bytes.equals(bytes)).toBe(true);
    const { entries } = await control(emu, 'GET', '/requests');
    expect(entries.at(-3)).toMatchObject({
      route: 'POST /sheets/{sheetId}/rows/{rowId}/attachments',
      weight: 10,
    });
  });

  it('accepts an RFC 5987 file name', async () => {
    const res = await simpleUpload(
      `/sheets/${sheetId}/attachments`,
      Buffer.from('x'),
      `attachment; filename*=UTF-8''R%C3%A9sum%C3%A9.txt`,
    );
    expect(res.json.result).toMatchObject({ name: 'Résumé.txt', parentType: 'SHEET', parentId: sheetId });
  });

  it('accepts multipart/form-data with a file part', async () => {
    const bytes = Buffer.from('%PDF-1.4 fake');
    const res = await call(emu.baseUrl, 'POST', `/sheets/${sheetId}/rows/${rowId}/attachments`, {
      rawBody: multipartBody('b0undary', 'report.pdf', bytes),
      headers: { 'Content-Type': 'multipart/form-data; boundary=b0undary' },
    });
    expect(res.json.result).toMatchObject({ name: 'report.pdf', mimeType: 'application/pdf' });
    expect((await download(res.json.result.id)).bytes.equals(bytes)).toBe(true);
  });

  it('creates URL attachments from JSON at weight 1', async () => {
    const res = await call(emu.baseUrl, 'POST', `/sheets/${sheetId}/attachments`, {
      body: {
        name: 'Search Engine',
        description: 'A popular search engine',
        attachmentType: 'LINK',
        url: 'http://www.google.com',
      },
    });
    expect(Object.keys(res.json.result).sort()).toEqual(
      [
        'attachmentType',
        'createdAt',
        'createdBy',
        'description',
        'id',
        'name',
        'parentId',
        'parentType',
        'url',
      ].sort(),
    );
    const { entries } = await control(emu, 'GET', '/requests');
    expect(entries.at(-1)).toMatchObject({ weight: 1 });
  });
});

describe('download URLs', () => {
  it('serve the bytes without a token until they expire on the emulator clock', async () => {
    const res = await simpleUpload(
      `/sheets/${sheetId}/attachments`,
      Buffer.from('hello'),
      'attachment; filename="a.txt"',
      'text/plain',
    );
    const meta = await call(emu.baseUrl, 'GET', `/sheets/${sheetId}/attachments/${res.json.result.id}`);
    expect(meta.json).toMatchObject({
      urlExpiresInMillis: 120_000,
      url: expect.stringContaining(`${emu.port}/files/`),
    });
    const fresh = await fetch(meta.json.url);
    expect([fresh.status, await fresh.text(), fresh.headers.get('content-type')]).toEqual([
      200,
      'hello',
      'text/plain',
    ]);
    await control(emu, 'POST', '/clock', { advanceMs: 120_001 });
    expect((await fetch(meta.json.url)).status).toBe(403);
  });
});

describe('lists, deletes and versions', () => {
  it('lists sheet and row attachments, keeps versions newest first and deletes them', async () => {
    const first = await simpleUpload(
      `/sheets/${sheetId}/rows/${rowId}/attachments`,
      Buffer.from('v1'),
      'attachment; filename="r.txt"',
    );
    const id1 = first.json.result.id;
    const second = await simpleUpload(
      `/sheets/${sheetId}/attachments/${id1}/versions`,
      Buffer.from('v2!'),
      'attachment; filename="r.txt"',
    );
    const id2 = second.json.result.id;
    expect(second.json.result).toMatchObject({ parentType: 'ROW', parentId: rowId });

    const versions = await call(emu.baseUrl, 'GET', `/sheets/${sheetId}/attachments/${id1}/versions`);
    expect(versions.json.data.map((a: LooseJson) => a.id)).toEqual([id2, id1]);
    const all = await call(emu.baseUrl, 'GET', `/sheets/${sheetId}/attachments`);
    expect(all.json.data.map((a: LooseJson) => a.id)).toEqual([id2]);
    const onRow = await call(emu.baseUrl, 'GET', `/sheets/${sheetId}/rows/${rowId}/attachments`);
    expect(onRow.json.totalCount).toBe(1);
    const sheet = await call(emu.baseUrl, 'GET', `/sheets/${sheetId}?include=attachments&rowIds=${rowId}`);
    expect(sheet.json.rows[0].attachments.map((a: LooseJson) => a.id)).toEqual([id2]);

    await call(emu.baseUrl, 'DELETE', `/sheets/${sheetId}/attachments/${id2}`);
    expect(
      (await call(emu.baseUrl, 'GET', `/sheets/${sheetId}/attachments`)).json.data.map(
        (a: LooseJson) => a.id,
      ),
    ).toEqual([id1]);
    await call(emu.baseUrl, 'DELETE', `/sheets/${sheetId}/attachments/${id1}/versions`);
    expect((await call(emu.baseUrl, 'GET', `/sheets/${sheetId}/attachments`)).json.totalCount).toBe(0);
  });

  it('refuses new versions of URL attachments with 1101', async () => {
    const link = await call(emu.baseUrl, 'POST', `/sheets/${sheetId}/attachments`, {
      body: { name: 'l', attachmentType: 'LINK', url: 'https://example.com' },
    });
    const res = await simpleUpload(
      `/sheets/${sheetId}/attachments/${link.json.result.id}/versions`,
      Buffer.from('x'),
      'attachment; filename="x"',
    );
    expect(res.json.errorCode).toBe(1101);
  });
});
