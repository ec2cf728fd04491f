// The schemas against Smartsheet's own recorded responses (the official SDK test-suite mappings in
// ../shared/reference/smartsheet-fixtures, read in place as its README asks) and the timestamp shapes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { attachmentSchema } from './attachment-schemas.js';
import { parseSmartsheetTimestamp } from './common-schemas.js';
import { errorBodySchema, indexResultSchema, resultSchema } from './envelope-schemas.js';
import {
  cellHistorySchema,
  columnSchema,
  rowSchema,
  sheetSchema,
  sheetSummarySchema,
} from './sheet-schemas.js';
import { shareSchema, userProfileSchema } from './user-schemas.js';
import { webhookSchema } from './webhook-schemas.js';
import { sheetPathNames, sheetPathNodeSchema, workspaceSchema } from './workspace-schemas.js';

const FIXTURES = new URL('../../../../shared/reference/smartsheet-fixtures/', import.meta.url);

/** Which schema reads each recorded response body, by fixture name. */
const SCHEMA_FOR: [RegExp, z.ZodType][] = [
  [/Invalid/, errorBodySchema],
  [/^(Add|Update) Rows|Serialization - (Rows|BulkFailure)/, resultSchema(z.array(rowSchema))],
  [/^List Sheets/, indexResultSchema(sheetSummarySchema)],
  [/Serialization - Sheet|Change Agent/, resultSchema(sheetSchema)],
  [/Serialization - Attachment/, resultSchema(attachmentSchema)],
  [/Serialization - Column/, resultSchema(z.array(columnSchema))],
  [/Serialization - (Folder|Workspace)/, resultSchema(workspaceSchema)],
  [/Serialization - IndexResult/, indexResultSchema(userProfileSchema)],
  [/Serialization - Share/, resultSchema(z.array(shareSchema))],
  [/Serialization - User\.json/, resultSchema(userProfileSchema)],
  [/Serialization - UserProfile/, userProfileSchema],
];

const fixtureNames = existsSync(FIXTURES)
  ? readdirSync(FIXTURES).filter((name) => name.endsWith('.json'))
  : [];

describe.skipIf(fixtureNames.length === 0)('recorded Smartsheet responses', () => {
  it.each(fixtureNames)('%s parses', (name) => {
    const fixture = JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as {
      response: { jsonBody: unknown };
    };
    const schema = SCHEMA_FOR.find(([pattern]) => pattern.test(name))?.[1];
    expect(schema, `no schema mapped for ${name}`).toBeDefined();
    const parsed = schema?.safeParse(fixture.response.jsonBody);
    expect(parsed?.error).toBeUndefined();
  });

  it('keeps partial-success failures and typed row timestamps', () => {
    const fixture = JSON.parse(
      readFileSync(new URL('Serialization - BulkFailure.json', FIXTURES), 'utf8'),
    ) as {
      response: { jsonBody: unknown };
    };
    const result = resultSchema(z.array(rowSchema)).parse(fixture.response.jsonBody);
    expect(result.failedItems?.[0]).toMatchObject({ index: 1, error: { errorCode: 1036, refId: 'abc' } });
    expect(result.result[0]?.createdAt?.toISOString()).toBe('2018-03-23T16:23:24.000Z');
  });
});

describe('timestamps', () => {
  it('reads the REST shape, the callback shape and epoch milliseconds', () => {
    expect(parseSmartsheetTimestamp('2017-10-09T01:54:15Z')?.toISOString()).toBe('2017-10-09T01:54:15.000Z');
    expect(parseSmartsheetTimestamp('2015-10-27T17:04:23.795+0000')?.toISOString()).toBe(
      '2015-10-27T17:04:23.795Z',
    );
    expect(parseSmartsheetTimestamp('2015-10-27T19:04:23+02:00')?.toISOString()).toBe(
      '2015-10-27T17:04:23.000Z',
    );
    expect(parseSmartsheetTimestamp(1507514055000)?.toISOString()).toBe('2017-10-09T01:54:15.000Z');
  });

  it('refuses what is not a timestamp', () => {
    expect(parseSmartsheetTimestamp('yesterday')).toBeUndefined();
    expect(parseSmartsheetTimestamp('2017-13-45T99:99:99Z')).toBeUndefined();
  });
});

describe('object schemas', () => {
  it('ignore unknown fields, accept null for absent ones and new enum values', () => {
    const row = rowSchema.parse({
      id: 1,
      cells: [{ columnId: 2, value: null, futureField: 1 }],
      surprise: true,
    });
    expect(row).toEqual({ id: 1, cells: [{ columnId: 2, value: undefined }] });
    const webhook = webhookSchema.parse({
      id: 4503604829677444,
      name: 'ledgerline',
      scope: 'sheet',
      scopeObjectId: 4509506114742148,
      events: ['*.*'],
      enabled: false,
      status: 'DISABLED_SOMETHING_NEW',
      createdAt: '2026-09-02T17:04:23Z',
    });
    expect(webhook.status).toBe('DISABLED_SOMETHING_NEW');
  });

  it('reads a cell history entry with its author', () => {
    const entry = cellHistorySchema.parse({
      columnId: 4567890123456789,
      columnType: 'TEXT_NUMBER',
      value: 1250,
      displayValue: '$1,250.00',
      modifiedAt: '2026-09-02T10:15:00Z',
      modifiedBy: { name: 'Jane Roe', email: 'jane.roe@example.com' },
    });
    expect(entry.modifiedBy?.email).toBe('jane.roe@example.com');
  });

  it('reads a sheet path tree and names it root to leaf', () => {
    const path = sheetPathNodeSchema.parse({
      id: 1,
      name: 'Billing',
      folders: [{ id: 2, name: '2026', sheets: [{ id: 3, name: 'Crew A', accessLevel: 'EDITOR' }] }],
    });
    expect(sheetPathNames(path)).toEqual(['Billing', '2026', 'Crew A']);
  });
});
