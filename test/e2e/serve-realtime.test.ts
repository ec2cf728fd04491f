import { createRequire } from 'node:module';
import { afterEach, expect, it } from 'vitest';
import { readMimeMessage } from '../../src/adapters/mail/testing/read-mime-message.js';
import { startServeHarness } from '../support/serve-harness.js';
import type { ServeHarness } from '../support/serve-harness.js';

let harness: ServeHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function billedRows(h: ServeHarness, sheetId: number, count: number) {
  return (await h.runtime.store.snapshots.listSnapshots(sheetId))
    .filter((s) => s.billable && typeof s.values.price === 'number')
    .slice(0, count);
}

const postCloseEdits = async (h: ServeHarness) =>
  (await h.runtime.store.audit.listEvents({ limit: 100_000 })).events.filter(
    (e) => e.violationType === 'POST_CLOSE_EDIT',
  );

it('turns an edit in Smartsheet into an audit event and an e-mail within one callback', async () => {
  const h = (harness = await startServeHarness());
  expect(h.webhooks.every((w) => w.status === 'ENABLED')).toBe(true);
  const sheetId = h.webhooks[0]!.sheetId;
  const [row] = await billedRows(h, sheetId, 1);
  await h.setPrice(sheetId, row!.rowId, Number(row!.values.price) + 1500);
  await fetch(`${h.emulator.controlUrl}/webhooks/flush`, { method: 'POST' });
  expect(await h.service.drainInbox()).toBe(0);

  expect(h.smtp.received).toHaveLength(1);
  const mail = readMimeMessage(h.smtp.received[0]!.raw);
  expect(h.smtp.received[0]!.to).toEqual(['billing.manager@example.com']);
  expect(mail.subject).toContain('[Ledgerline]');
  expect(mail.text).toContain('POST_CLOSE_EDIT');
  expect(mail.text).toContain('+$1,500.00');
  expect(mail.text).toContain(h.editorOf(sheetId).email.toLowerCase());
  expect(mail.text).toContain('ledgerline-checkpoint v1');

  const metrics = await (await fetch(`${h.service.url}/metrics`)).text();
  expect(metrics).toMatch(/ledgerline_audit_events_total\{source="webhook"\} [1-9]/);
  expect(metrics).toMatch(/ledgerline_smartsheet_budget_units_total [1-9]/);
  expect(metrics).toMatch(/ledgerline_webhook_callbacks_total\{outcome="accepted"\} [1-9]/);
});

it('records every edit once the sweep has run, with 20 % of callbacks dropped and a webhook disabled', async () => {
  const h = (harness = await startServeHarness());
  await fetch(`${h.emulator.controlUrl}/webhooks/config`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ dropRate: 0.2 }),
  });
  const [first, second] = h.webhooks;
  // One webhook is paused by its owner: Smartsheet never replays what happens meanwhile.
  await h.runtime.client.updateWebhook(second!.webhookId!, { enabled: false });
  const rows = [...(await billedRows(h, first!.sheetId, 10)), ...(await billedRows(h, second!.sheetId, 10))];
  for (const row of rows) {
    await h.setPrice(row.sheetId, row.rowId, Number(row.values.price) + 100);
    await fetch(`${h.emulator.controlUrl}/webhooks/flush`, { method: 'POST' });
  }
  await h.service.drainInbox();
  const beforeSweep = new Set((await postCloseEdits(h)).map((e) => e.rowId));
  expect(beforeSweep.size).toBeLessThan(rows.length);

  await h.runtime.run({ dryRun: false }); // the sweep: version check per sheet, sync what changed
  const recorded = await postCloseEdits(h);
  expect(new Set(recorded.map((e) => e.rowId))).toEqual(new Set(rows.map((r) => r.rowId)));
  expect(recorded).toHaveLength(rows.length); // each exactly once
});

it('loses nothing when the process stops right after acknowledging callbacks', async () => {
  const h = (harness = await startServeHarness());
  const sheetId = h.webhooks[0]!.sheetId;
  const rows = await billedRows(h, sheetId, 3);
  for (const row of rows) await h.setPrice(sheetId, row.rowId, Number(row.values.price) + 42);
  await fetch(`${h.emulator.controlUrl}/webhooks/flush`, { method: 'POST' });
  // Acknowledged and durable, not yet processed: the process stops here.
  expect((await h.runtime.store.inbox.depth()).pending).toBeGreaterThan(0);
  await h.service.stop();

  const restarted = await h.startService();
  expect(await restarted.drainInbox()).toBe(0);
  const recorded = await postCloseEdits(h);
  expect(new Set(recorded.map((e) => e.rowId))).toEqual(new Set(rows.map((r) => r.rowId)));
});

it('alerts once when a webhook leaves ENABLED', async () => {
  const h = (harness = await startServeHarness());
  const [first] = h.webhooks;
  await h.runtime.client.updateWebhook(first!.webhookId!, { enabled: false });
  await h.service.checkWebhooks();
  await h.service.checkWebhooks();
  expect(h.smtp.received).toHaveLength(1);
  const mail = readMimeMessage(h.smtp.received[0]!.raw);
  expect(mail.subject).toContain('Webhook problem: not-enabled');
  expect(mail.text).toContain('DISABLED_BY_OWNER');
  expect(mail.text).toContain('ledgerline webhooks ensure');
});

interface SdkWebhook {
  id: number;
  sharedSecret: string;
  status: string;
}
interface SdkClient {
  webhooks: {
    createWebhook(options: { body: Record<string, unknown> }): Promise<{ result: SdkWebhook }>;
    updateWebhook(options: {
      webhookId: number;
      body: { enabled: boolean };
    }): Promise<{ result: SdkWebhook }>;
    getWebhook(options: { webhookId: number }): Promise<SdkWebhook>;
  };
}

it('answers the handshake and the re-verification every 100 callbacks for a webhook made with the official SDK', async () => {
  const h = (harness = await startServeHarness());
  const smartsheet = createRequire(import.meta.url)('smartsheet') as {
    createClient(options: { accessToken: string; baseUrl: string; logLevel: string }): SdkClient;
  };
  const token = h.config.smartsheet.token as string;
  // The SDK concatenates baseUrl + 'webhooks', so the base must end with a slash (smartsheet-api.md §9.2).
  const sdk = smartsheet.createClient({
    accessToken: token,
    baseUrl: `${h.emulator.baseUrl}/`,
    logLevel: 'error',
  });
  const sheetId = h.webhooks[1]!.sheetId;
  const created = (
    await sdk.webhooks.createWebhook({
      body: {
        name: 'made-with-sdk',
        callbackUrl: `${h.service.url}/webhooks/smartsheet?sdk=1`,
        scope: 'sheet',
        scopeObjectId: sheetId,
        events: ['*.*'],
        version: 1,
      },
    })
  ).result;
  // serve answers challenges only for webhooks it knows, so register it before enabling.
  await h.runtime.store.webhooks.upsertWebhook({
    id: created.id,
    sheetId,
    callbackUrl: `${h.service.url}/webhooks/smartsheet?sdk=1`,
    sharedSecret: created.sharedSecret,
    status: created.status,
    lastCallbackAt: null,
  });
  expect(
    (await sdk.webhooks.updateWebhook({ webhookId: created.id, body: { enabled: true } })).result.status,
  ).toBe('ENABLED');

  const challenges = async () => {
    const text = await (await fetch(`${h.service.url}/metrics`)).text();
    return Number(/ledgerline_webhook_callbacks_total\{outcome="challenge"\} (\d+)/.exec(text)?.[1] ?? 'NaN');
  };
  const before = await challenges();
  // 105 separate callbacks: Smartsheet re-sends the challenge before the 101st.
  const [row] = await billedRows(h, sheetId, 1);
  for (let i = 1; i <= 105; i += 1) {
    await h.setPrice(sheetId, row!.rowId, Number(row!.values.price) + i);
    await fetch(`${h.emulator.controlUrl}/webhooks/flush`, { method: 'POST' });
  }
  // Two webhooks watch this sheet (ours from `ensure` and the SDK's): each is re-verified once.
  expect(await challenges()).toBe(before + 2);
  expect((await sdk.webhooks.getWebhook({ webhookId: created.id })).status).toBe('ENABLED');
});
