// Cell history and revert against the Smartsheet emulator, through the dashboard routes: a price
// edited after its week closed is audited by a real cycle, then shown with its history and
// written back by an admin — or refused when someone changed the cell again since.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { smartsheetRowWriter } from '../adapters/smartsheet/smartsheet-row-writer.js';
import type { ChainedAuditEvent } from '../domain/audit-chain.js';
import type { RevertResult, ViolationDetail } from '../http/dashboard/api-contract.js';
import {
  editorToken,
  startCycleHarness,
  type CycleHarness,
} from '../../test/support/report-cycle-harness.js';
import { as, startDashboardTestServer, testUserEmail } from '../../test/support/dashboard-test-server.js';

let harness: CycleHarness | undefined;
let server: FastifyInstance | undefined;
afterEach(async () => {
  await server?.close();
  await harness?.close();
  server = undefined;
  harness = undefined;
});

async function setPrice(h: CycleHarness, sheetId: number, rowId: number, columnId: number, value: number) {
  const response = await fetch(`${h.emulator.baseUrl}/sheets/${sheetId}/rows`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${editorToken(h.seed)}`, 'content-type': 'application/json' },
    body: JSON.stringify([{ id: rowId, cells: [{ columnId, value }] }]),
  });
  expect(response.status).toBe(200);
}

async function currentPrice(h: CycleHarness, sheetId: number, rowId: number, columnId: number) {
  const sheet = await h.source.readSheet(sheetId, { rowIds: [rowId] });
  return sheet?.rows[0]?.cells.find((c) => c.columnId === columnId)?.value;
}

/** Edits the price of a billed row of a closed week and audits it: the price change's event. */
async function auditedPriceEdit(h: CycleHarness, rowIndex: number) {
  const sheetId = h.sourceSheetIds[0]!;
  const sheet = await h.store.sheets.getSheet(sheetId);
  const priceColumn = sheet!.columnMap.price!;
  const closed = new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10);
  const rows = (await h.store.snapshots.listSnapshots(sheetId)).filter(
    (s) => s.billable && typeof s.values.price === 'number' && String(s.values.weekEnding) < closed,
  );
  const row = rows[rowIndex]!;
  const before = row.values.price as number;
  await setPrice(h, sheetId, row.rowId, priceColumn, before + 250);
  await h.run();
  const events = (await h.store.audit.listEvents({ sheetId, rowId: row.rowId, limit: 50 })).events;
  const event = events.find(
    (e) => e.details.changeKind === 'cell' && e.details.field === 'price',
  ) as ChainedAuditEvent;
  expect(event, 'an audit event for the planted price edit').toBeDefined();
  return { sheetId, rowId: row.rowId, priceColumn, before, event };
}

describe('reverting a change from the dashboard', () => {
  it('shows the cell history, writes the old value back and records the revert', async () => {
    const h = (harness = await startCycleHarness({ seed: 'tiny' }));
    await h.run();
    const edit = await auditedPriceEdit(h, 0);
    ({ server } = await startDashboardTestServer(h.store, {
      source: h.source,
      writer: smartsheetRowWriter(h.client),
    }));

    const detail = (
      await server.inject({ url: `/api/violations/${edit.event.eventId}`, headers: as('viewer') })
    ).json<ViolationDetail>();
    expect(detail.revertible).toBe(true);
    expect(detail.cellHistoryNote).toBeNull();
    expect(detail.cellHistory[0]?.value).toBe(edit.event.newValue);
    expect(detail.cellHistory.length).toBeGreaterThanOrEqual(2);

    const refused = await server.inject({
      method: 'POST',
      url: `/api/violations/${edit.event.eventId}/revert`,
      headers: as('auditor'),
      payload: { confirm: true },
    });
    expect(refused.statusCode).toBe(403);

    const reverted = await server.inject({
      method: 'POST',
      url: `/api/violations/${edit.event.eventId}/revert`,
      headers: as('admin'),
      payload: { confirm: true, comment: 'Unapproved price change.' },
    });

    expect(reverted.statusCode).toBe(200);
    expect(reverted.json<RevertResult>()).toMatchObject({
      from: edit.event.newValue,
      to: edit.event.oldValue,
      review: { status: 'reverted', comment: 'Unapproved price change.', by: testUserEmail('admin') },
    });
    expect(await currentPrice(h, edit.sheetId, edit.rowId, edit.priceColumn)).toBe(edit.before);
    const [recorded] = (await h.store.audit.listEvents({ violationTypes: ['VIOLATION_REVERTED'], limit: 5 }))
      .events;
    expect(recorded).toMatchObject({
      sheetId: edit.sheetId,
      rowId: edit.rowId,
      oldValue: edit.event.newValue,
      newValue: edit.event.oldValue,
      changedBy: testUserEmail('admin'),
      sessionId: 'session-admin',
      details: { revertedEventId: edit.event.eventId },
    });
    const again = await server.inject({
      method: 'POST',
      url: `/api/violations/${edit.event.eventId}/revert`,
      headers: as('admin'),
      payload: { confirm: true },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('already been reverted');
  }, 60_000);

  it('refuses to overwrite a cell someone changed after the event, and writes nothing', async () => {
    const h = (harness = await startCycleHarness({ seed: 'tiny' }));
    await h.run();
    const edit = await auditedPriceEdit(h, 1);
    await setPrice(h, edit.sheetId, edit.rowId, edit.priceColumn, 12_345);
    ({ server } = await startDashboardTestServer(h.store, {
      source: h.source,
      writer: smartsheetRowWriter(h.client),
    }));

    const response = await server.inject({
      method: 'POST',
      url: `/api/violations/${edit.event.eventId}/revert`,
      headers: as('admin'),
      payload: { confirm: true },
    });

    expect(response.statusCode).toBe(409);
    expect(response.json().message).toContain('now holds 12345');
    expect(await currentPrice(h, edit.sheetId, edit.rowId, edit.priceColumn)).toBe(12_345);
    expect(await h.store.reviews.listReviews(edit.event.eventId)).toEqual([]);
  }, 60_000);
});
