// The correction flow (issue #12) through its HTTP routes against the emulator and a real store:
// request → the requester cannot decide (403) → another auditor/admin approves → the cell changes in
// Smartsheet with unlock → write → re-lock → the next cycle records AUTHORIZED_CORRECTION linked to
// the request and republishes the report. Also: a failed write re-locks and is recorded; with
// locking off nothing is unlocked or locked.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../adapters/log/pino-logger.js';
import { smartsheetRowLocker } from '../adapters/smartsheet/smartsheet-row-locker.js';
import { smartsheetRowWriter } from '../adapters/smartsheet/smartsheet-row-writer.js';
import { LOCKING_OFF, type LockingScope } from '../domain/locking/locking-scope.js';
import { enforcePermissions } from '../http/access-control.js';
import type { CorrectionDecisionReply, CorrectionView } from '../http/dashboard/corrections-contract.js';
import { registerCorrectionRoutes } from '../http/dashboard/corrections-routes.js';
import { installErrorReplies } from '../http/error-replies.js';
import type { SheetRowWriter } from '../ports/sheet-row-writer.js';
import type { RowSnapshot } from '../ports/sheet-store.js';
import { startCycleHarness, type CycleHarness } from '../../test/support/report-cycle-harness.js';
import { as } from '../../test/support/dashboard-test-server.js';

let h: CycleHarness;

async function serverWith(options: {
  scope: LockingScope;
  writer?: SheetRowWriter;
}): Promise<FastifyInstance> {
  const server = Fastify({ logger: false });
  installErrorReplies(server, createLogger({ level: 'silent', format: 'json' }));
  server.addHook('onRequest', async (request) => {
    const role = request.headers['x-test-role'];
    if (role === 'admin' || role === 'auditor' || role === 'viewer') {
      const email = String(request.headers['x-test-email'] ?? `${role}@example.com`);
      request.auth = {
        user: { id: email, email, displayName: role, role, mfaEnabled: false },
        sessionId: `s-${email}`,
      };
    }
  });
  enforcePermissions(server);
  registerCorrectionRoutes(server, {
    corrections: h.store.corrections,
    audit: h.store.audit,
    sheets: h.store.sheets,
    source: h.source,
    writer: options.writer ?? smartsheetRowWriter(h.client),
    locking: { locker: smartsheetRowLocker(h.client), scope: options.scope },
    now: () => new Date(),
  });
  await server.ready();
  return server;
}

const runCycle = () => h.run({ override: { corrections: h.store.corrections } });

/** A billable row of a week closed long ago, with a numeric price. */
async function billedRow(sheetIndex: number): Promise<RowSnapshot> {
  const sheetId = h.sourceSheetIds[sheetIndex]!;
  const rows = await h.store.snapshots.listSnapshots(sheetId);
  const old = new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10);
  return rows.find(
    (r) => r.billable && typeof r.values.price === 'number' && String(r.values.weekEnding) < old,
  )!;
}

async function cellOf(row: RowSnapshot, field: string) {
  const sheet = await h.store.sheets.getSheet(row.sheetId);
  const read = await h.source.readSheet(row.sheetId, { rowIds: [row.rowId] });
  const found = read!.rows.find((r) => r.rowId === row.rowId)!;
  return {
    value: found.cells.find((c) => c.columnId === sheet!.columnMap[field])?.value,
    locked: found.locked === true,
  };
}

async function request(server: FastifyInstance, row: RowSnapshot, price: string): Promise<CorrectionView> {
  const reply = await server.inject({
    method: 'POST',
    url: '/api/corrections',
    headers: as('auditor'),
    payload: {
      sheetId: row.sheetId,
      rowId: row.rowId,
      field: 'price',
      newValue: price,
      reason: 'Contract rate 2025',
    },
  });
  expect(reply.statusCode, reply.body).toBe(201);
  return reply.json<CorrectionView>();
}

beforeAll(async () => {
  h = await startCycleHarness();
  // Smartsheet stamps edits with its own clock; the match window is judged against the approval.
  await h.control('POST', '/clock', { set: new Date().toISOString() });
  await runCycle();
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('a correction of a locked billed row', () => {
  it('is applied only after someone else approves it, and the audit links the change to the request', async () => {
    const server = await serverWith({ scope: { kind: 'all' } });
    const row = await billedRow(0);
    const locker = smartsheetRowLocker(h.client);
    await locker.lockRows(row.sheetId, [row.rowId]);
    const newPrice = (Number(row.values.price) + 111.11).toFixed(2);

    const created = await request(server, row, `$${newPrice}`);
    expect(created).toMatchObject({
      status: 'requested',
      field: 'price',
      newValue: newPrice,
      canDecide: false,
    });

    const own = await server.inject({
      method: 'POST',
      url: `/api/corrections/${created.id}/decision`,
      headers: as('auditor'),
      payload: { decision: 'approve' },
    });
    expect(own.statusCode).toBe(403);
    const viewer = await server.inject({
      method: 'POST',
      url: `/api/corrections/${created.id}/decision`,
      headers: as('viewer'),
      payload: { decision: 'approve' },
    });
    expect(viewer.statusCode).toBe(403);
    expect((await cellOf(row, 'price')).value).toBe(row.values.price);

    const approved = await server.inject({
      method: 'POST',
      url: `/api/corrections/${created.id}/decision`,
      headers: as('admin'),
      payload: { decision: 'approve', comment: 'matches the contract' },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const decided = approved.json<CorrectionDecisionReply>();
    expect(decided).toMatchObject({ applied: true, error: null, correction: { status: 'applied' } });
    const applied = decided.correction.steps.at(-1)!.details;
    expect(applied).toMatchObject({
      locking: 'on',
      unlock: { changed: [row.rowId] },
      relock: { changed: [row.rowId] },
    });
    expect(await cellOf(row, 'price')).toEqual({ value: Number(newPrice), locked: true });

    const summary = await runCycle();
    expect(summary.reports.uploaded).toBeGreaterThan(0);
    const trail = (await h.store.audit.listEvents({ limit: 100_000 })).events.filter(
      (e) => e.details.correctionRequestId === created.id,
    );
    expect(trail.map((e) => e.violationType)).toEqual([
      'CORRECTION_REQUESTED',
      'CORRECTION_APPROVED',
      'CORRECTION_APPLIED',
      'AUTHORIZED_CORRECTION',
    ]);
    const rowEvents = summary.audit.findings.byType;
    expect(rowEvents.POST_CLOSE_EDIT ?? 0).toBe(0);
    await server.close();
  }, 60_000);

  it('records a failed write, locks the row again, and can be applied again', async () => {
    const broken: SheetRowWriter = {
      updateRowCells: () => Promise.reject(new Error('Smartsheet answered 500')),
      writerIdentity: () => Promise.resolve(null),
    };
    const failing = await serverWith({ scope: { kind: 'all' }, writer: broken });
    const row = await billedRow(1);
    await smartsheetRowLocker(h.client).lockRows(row.sheetId, [row.rowId]);
    const created = await request(failing, row, '12.34');
    const reply = await failing.inject({
      method: 'POST',
      url: `/api/corrections/${created.id}/decision`,
      headers: as('admin'),
      payload: { decision: 'approve' },
    });
    expect(reply.json<CorrectionDecisionReply>()).toMatchObject({
      applied: false,
      error: expect.stringContaining('Smartsheet answered 500'),
      correction: { status: 'failed', canRetry: true },
    });
    expect(await cellOf(row, 'price')).toEqual({ value: row.values.price, locked: true });
    const failed = await h.store.audit.listEvents({ violationTypes: ['CORRECTION_FAILED'], limit: 10 });
    expect(failed.events.map((e) => e.details.correctionRequestId)).toContain(created.id);

    const working = await serverWith({ scope: { kind: 'all' } });
    const retried = await working.inject({
      method: 'POST',
      url: `/api/corrections/${created.id}/apply`,
      headers: as('auditor', { 'x-test-email': 'other.auditor@example.com' }),
    });
    expect(retried.json<CorrectionDecisionReply>()).toMatchObject({
      applied: true,
      correction: { status: 'applied' },
    });
    expect(await cellOf(row, 'price')).toEqual({ value: 12.34, locked: true });
    await Promise.all([failing.close(), working.close()]);
  }, 60_000);

  it('with locking off writes without unlocking or locking, and says so', async () => {
    const server = await serverWith({ scope: LOCKING_OFF });
    const row = await billedRow(2);
    const created = await request(server, row, '77.70');
    const rejected = await server.inject({
      method: 'POST',
      url: `/api/corrections/${created.id}/decision`,
      headers: as('admin'),
      payload: { decision: 'reject' },
    });
    expect(rejected.statusCode).toBe(400); // a rejection needs a reason
    const second = await request(server, row, '77.70');
    const reply = await server.inject({
      method: 'POST',
      url: `/api/corrections/${second.id}/decision`,
      headers: as('admin'),
      payload: { decision: 'approve' },
    });
    const details = reply.json<CorrectionDecisionReply>().correction.steps.at(-1)!.details;
    expect(details).toMatchObject({ locking: 'off', unlock: { done: false, skipped: 'locking is off' } });
    expect(await cellOf(row, 'price')).toEqual({ value: 77.7, locked: false });

    const listed = await server.inject({ method: 'GET', url: '/api/corrections', headers: as('viewer') });
    expect(listed.json()).toMatchObject({ items: [], all: false });
    const all = await server.inject({ method: 'GET', url: '/api/corrections', headers: as('admin') });
    expect(all.json<{ items: unknown[] }>().items.length).toBeGreaterThanOrEqual(3);
    await server.close();
  }, 60_000);
});
