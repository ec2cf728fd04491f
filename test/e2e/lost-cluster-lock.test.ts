// A cluster lock lost with its database connection while the work under it goes on (a killed backend,
// a database restart): the real Postgres lock, the real session killed mid-read, the real store and the
// emulator over HTTP. Another worker may hold the sheet from that moment, so neither a webhook batch
// nor a cycle's sheet sync may audit or commit what it read; both fail, and their retry audits the
// edit exactly once.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresWorkLock } from '../../src/adapters/cluster/postgres-work-lock.js';
import { billableRuleContext } from '../../src/domain/billable-rule.js';
import type { BillingSheets } from '../../src/ports/billing-sheets.js';
import { isBillableSnapshot } from '../../src/services/plan-weekly-reports.js';
import { processWebhookInbox } from '../../src/services/process-webhook-inbox.js';
import { syncSourceSheets } from '../../src/services/sync-source-sheets.js';
import { seedAuditSettings } from '../support/report-cycle-harness.js';
import { useInboxHarness } from '../support/inbox-harness.js';
import { TEST_DATABASE_URL, backends } from '../support/test-databases.js';

const postgres = backends.find((b) => b.dialect === 'postgres')!;

const harness = useInboxHarness();

/**
 * A synced harness with one billed row's price raised by 75 in Smartsheet, and a Postgres work lock
 * whose session the first sheet read kills while the work goes on reading.
 */
async function editedSheetUnderKilledLock() {
  const h = await harness.start({ seed: 'small' });
  await h.run();
  const sheetId = h.sourceSheetIds[0] as number;
  const [target] = (await h.store.snapshots.listSnapshots(sheetId)).filter(
    (s) => s.billable && typeof s.values.price === 'number',
  );
  const oldPrice = Number(target!.values.price);
  const { columns } = await h.client.getSheet(sheetId, { rowIds: [target!.rowId] });
  const price = columns.find((c) => /price/i.test(c.title))!;
  const edit = async () => {
    const edited = await fetch(`${h.emulator.baseUrl}/sheets/${sheetId}/rows`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${h.seed.users[0]!.token}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ id: target!.rowId, cells: [{ columnId: price.id, value: oldPrice + 75 }] }]),
    });
    expect(edited.status).toBe(200);
  };

  const application = `lost-lock-${randomBytes(4).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2, application_name: application });
  harness.closeAfter(() => pool.end());
  const lock = new PostgresWorkLock(pool, `t_lost_${randomBytes(4).toString('hex')}`);
  let kills = 0;
  const source: BillingSheets = Object.assign(Object.create(h.source) as BillingSheets, {
    readSheet: async (...args: Parameters<BillingSheets['readSheet']>) => {
      if (kills === 0) {
        kills += 1;
        const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
        await admin.connect();
        await admin
          .query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
            application,
          ])
          .finally(() => admin.end());
      }
      return h.source.readSheet(...args);
    },
  });
  const context = billableRuleContext(new Date(), { timeZone: 'America/Chicago', weekEndDay: 0 });
  return {
    h,
    sheetId,
    rowId: target!.rowId,
    oldPrice,
    edit,
    lock,
    source,
    kills: () => kills,
    isBillable: (v: Parameters<typeof isBillableSnapshot>[0]) => isBillableSnapshot(v, context),
    storedPrice: async () =>
      (await h.store.snapshots.listSnapshots(sheetId)).find((s) => s.rowId === target!.rowId)?.values.price,
    auditedRow: async () =>
      (await h.store.audit.listEvents({ limit: 10_000 })).events.filter((e) => e.rowId === target!.rowId),
  };
}

describe.skipIf(postgres.skipReason)('a cluster lock on Postgres lost while its work runs', () => {
  it('stops a webhook batch before it audits or commits, and its retry audits the edit once', async () => {
    const t = await editedSheetUnderKilledLock();
    const webhook = await t.h.client.createWebhook({
      name: 'ledgerline',
      callbackUrl: await harness.receiver(t.h),
      sheetId: t.sheetId,
    });
    expect((await t.h.client.updateWebhook(webhook.id, { enabled: true })).status).toBe('ENABLED');
    await t.edit();
    await t.h.control('POST', '/webhooks/flush');
    const auditedBefore = (await t.auditedRow()).length;
    const drain = () =>
      processWebhookInbox(
        {
          inbox: t.h.store.inbox,
          sheets: t.h.store.sheets,
          snapshots: t.h.store.snapshots,
          audit: t.h.store.audit,
          source: t.source,
          lock: t.lock,
          now: () => new Date(),
        },
        {
          runId: 'webhook-lock-lost',
          changeAgent: 'ledgerline',
          audit: seedAuditSettings(t.h.seed),
          isBillable: t.isBillable,
          retryBaseMs: 0,
        },
      );

    const lost = await drain();
    expect(t.kills()).toBe(1);
    expect(lost.failed).toBeGreaterThan(0);
    expect(lost.events).toEqual([]);
    expect(await t.auditedRow()).toHaveLength(auditedBefore);
    expect(await t.storedPrice()).toBe(t.oldPrice);
    expect((await t.h.store.inbox.depth()).failed).toBeGreaterThan(0);

    const retried = await drain();
    expect(retried.failed).toBe(0);
    const audited = (await t.auditedRow()).slice(auditedBefore);
    expect(audited.length).toBeGreaterThan(0);
    expect(audited.every((e) => e.runId === 'webhook-lock-lost')).toBe(true);
    expect(await t.storedPrice()).toBe(t.oldPrice + 75);
    expect((await t.h.store.inbox.depth()).pending).toBe(0);
  }, 120_000);

  it("stops a cycle's sheet sync before it audits or commits, and a second sync commits it", async () => {
    const t = await editedSheetUnderKilledLock();
    await t.edit();
    const audits: number[] = [];
    const sync = () =>
      syncSourceSheets(
        { source: t.source, sheets: t.h.store.sheets, snapshots: t.h.store.snapshots, lock: t.lock },
        [{ id: t.sheetId, name: 'the edited sheet', location: 'Field' }],
        {
          clockSkewMs: 0,
          isBillable: t.isBillable,
          runId: 'sync-lock-lost',
          now: () => new Date(),
          persist: true,
        },
        async (result) => {
          audits.push(result.changes.length);
        },
      );

    await expect(sync()).rejects.toThrow(/lock on sheet-sync:\d+ was lost/);
    expect(t.kills()).toBe(1);
    expect(audits).toEqual([]);
    expect(await t.storedPrice()).toBe(t.oldPrice);

    const [result] = await sync();
    expect(audits).toEqual([1]);
    expect(result?.changes.map((c) => [c.rowId, c.kind])).toEqual([[t.rowId, 'updated']]);
    expect(await t.storedPrice()).toBe(t.oldPrice + 75);
  }, 120_000);
});
