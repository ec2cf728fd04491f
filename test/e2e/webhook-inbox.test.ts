import { expect, it } from 'vitest';
import { billableRuleContext } from '../../src/domain/billable-rule.js';
import { isBillableSnapshot } from '../../src/services/plan-weekly-reports.js';
import { processWebhookInbox } from '../../src/services/process-webhook-inbox.js';
import { seedAuditSettings } from '../support/report-cycle-harness.js';
import { useInboxHarness } from '../support/inbox-harness.js';

const harness = useInboxHarness();

it('turns a webhook callback into the same audit events as a cycle, ignoring our own writes', async () => {
  const h = await harness.start({ seed: 'small' });
  await h.run();
  const sheetId = h.sourceSheetIds[0] as number;
  const webhook = await h.client.createWebhook({
    name: 'ledgerline',
    callbackUrl: await harness.receiver(h),
    sheetId,
  });
  expect((await h.client.updateWebhook(webhook.id, { enabled: true })).status).toBe('ENABLED');

  // A billed row of a closed week, edited by someone without billing.correct; and one edit of ours.
  const billed = (await h.store.snapshots.listSnapshots(sheetId)).filter(
    (s) => s.billable && typeof s.values.price === 'number',
  );
  const [target, ours] = billed;
  const editor = h.seed.users.find(
    (u) =>
      h.seed.authorizedEditors?.[String(sheetId)]?.includes(u.email) &&
      !h.seed.billingCorrectors?.includes(u.email),
  )!;
  const sheet = await h.client.getSheet(sheetId, { rowIds: [target!.rowId, ours!.rowId] });
  const price = sheet.columns.find((c) => /price/i.test(c.title))!;
  const edit = (token: string, rowId: number, value: number, agent?: string) =>
    fetch(`${h.emulator.baseUrl}/sheets/${sheetId}/rows`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(agent ? { 'smartsheet-change-agent': agent } : {}),
      },
      body: JSON.stringify([{ id: rowId, cells: [{ columnId: price.id, value }] }]),
    });
  expect((await edit(editor.token, target!.rowId, Number(target!.values.price) + 250)).status).toBe(200);
  expect((await edit(editor.token, ours!.rowId, Number(ours!.values.price) + 1, 'ledgerline')).status).toBe(
    200,
  );
  await h.control('POST', '/webhooks/flush');

  const context = billableRuleContext(new Date(), { timeZone: 'America/Chicago', weekEndDay: 0 });
  const processed = await processWebhookInbox(
    {
      inbox: h.store.inbox,
      sheets: h.store.sheets,
      snapshots: h.store.snapshots,
      audit: h.store.audit,
      source: h.source,
      now: () => new Date(),
    },
    {
      runId: 'webhook-test',
      changeAgent: 'ledgerline',
      audit: seedAuditSettings(h.seed),
      isBillable: (v) => isBillableSnapshot(v, context),
    },
  );
  expect(processed.items).toBeGreaterThan(0);
  expect(processed.failed).toBe(0);
  const byRow = (rowId: number) => processed.events.filter((e) => e.rowId === rowId);
  expect(byRow(target!.rowId).map((e) => e.violationType)).toContain('POST_CLOSE_EDIT');
  expect(byRow(target!.rowId)[0]?.changedBy).toBe(editor.email.toLowerCase());
  expect(byRow(target!.rowId)[0]?.deltaCents).toBe(25_000);
  expect(byRow(ours!.rowId)).toEqual([]);
  expect((await h.store.inbox.depth()).pending).toBe(0);

  // The scheduled cycle later sees the same change: nothing is recorded twice.
  const before = (await h.store.audit.listEvents({ limit: 10_000 })).events.length;
  await h.run();
  const after = (await h.store.audit.listEvents({ limit: 10_000 })).events;
  expect(
    after.filter((e) => e.rowId === target!.rowId && e.violationType === 'POST_CLOSE_EDIT'),
  ).toHaveLength(1);
  expect(after.length).toBeGreaterThanOrEqual(before);
});
