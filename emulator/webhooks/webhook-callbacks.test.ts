// Webhook callbacks end to end: a real subscriber over HTTP, and HMACs checked with node:crypto
// directly (not with the emulator's signing code).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_USERS, testColumnIds, testRowId } from '../testing/build-test-seed.js';
import { call, control, type LooseJson } from '../testing/test-client.js';
import type { ReceivedCallback } from '../testing/webhook-receiver.js';
import { SCENARIO_SHEET as sheetId, WebhookScenario } from '../testing/webhook-scenario.js';

const col = testColumnIds(sheetId);
let s: WebhookScenario;
afterEach(() => s.close());

/** The subscriber's check: HMAC-SHA256 over the raw bytes, compared as 32-byte values. */
function signatureValid(callback: ReceivedCallback, secret: string): boolean {
  const header = String(callback.headers['smartsheet-hmac-sha256'] ?? '');
  const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(callback.raw).digest();
  const received = Buffer.from(header.padStart(64, '0'), 'hex');
  return received.length === 32 && timingSafeEqual(received, expected);
}

describe('callbacks', () => {
  it('sends signed skinny events with the writer, the change agent and both timestamp shapes', async () => {
    s = await WebhookScenario.start();
    const target = await s.receiver();
    const webhook = await s.enabledWebhook(target);
    const added = await call(s.emu.baseUrl, 'POST', `/sheets/${sheetId}/rows`, {
      body: [
        {
          cells: [
            { columnId: col.cu, value: 'A' },
            { columnId: col.quantity, value: 2 },
          ],
        },
      ],
      headers: { 'Smartsheet-Change-Agent': 'ledgerline' },
    });
    await s.setCell(col.cu, 'B', 0);
    expect(await control(s.emu, 'POST', '/webhooks/flush')).toEqual({ delivered: 1 });

    const [callback] = target.callbacks;
    expect(callback && signatureValid(callback, webhook.sharedSecret)).toBe(true);
    expect(callback?.body).toMatchObject({
      nonce: expect.any(String),
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/),
      webhookId: webhook.id,
      scope: 'sheet',
      scopeObjectId: sheetId,
    });
    const rowId = added.json.result[0].id;
    const at = '2026-09-02T12:00:00.000+0000';
    expect(callback?.body.events).toEqual([
      {
        objectType: 'sheet',
        eventType: 'updated',
        id: sheetId,
        userId: TEST_USERS.owner.id,
        timestamp: at,
        changeAgent: 'ledgerline',
      },
      {
        objectType: 'row',
        eventType: 'created',
        id: rowId,
        userId: TEST_USERS.owner.id,
        timestamp: at,
        changeAgent: 'ledgerline',
      },
      {
        objectType: 'cell',
        eventType: 'updated',
        rowId,
        columnId: col.cu,
        userId: TEST_USERS.owner.id,
        timestamp: at,
        changeAgent: 'ledgerline',
      },
      {
        objectType: 'cell',
        eventType: 'updated',
        rowId,
        columnId: col.quantity,
        userId: TEST_USERS.owner.id,
        timestamp: at,
        changeAgent: 'ledgerline',
      },
      { objectType: 'sheet', eventType: 'updated', id: sheetId, userId: TEST_USERS.owner.id, timestamp: at },
      {
        objectType: 'cell',
        eventType: 'updated',
        rowId: testRowId(sheetId, 0),
        columnId: col.cu,
        userId: TEST_USERS.owner.id,
        timestamp: at,
      },
    ]);
    const stats = (await s.getWebhook(webhook.id)).stats;
    expect(stats).toMatchObject({
      lastCallbackAttemptRetryCount: 0,
      lastSuccessfulCallback: '2026-09-02T12:00:00Z',
    });
  });

  it('signs every callback verifiably, also after the shared secret is reset', async () => {
    s = await WebhookScenario.start();
    const target = await s.receiver();
    const webhook = await s.enabledWebhook(target);
    for (let i = 0; i < 3; i += 1) {
      await s.setCell(col.quantity, i + 10);
      await control(s.emu, 'POST', '/webhooks/flush');
    }
    const reset = await call(s.emu.baseUrl, 'POST', `/webhooks/${webhook.id}/resetSharedSecret`);
    await s.setCell(col.quantity, 99);
    await control(s.emu, 'POST', '/webhooks/flush');
    expect(target.callbacks).toHaveLength(4);
    expect(target.callbacks.slice(0, 3).every((c) => signatureValid(c, webhook.sharedSecret))).toBe(true);
    const last = target.callbacks[3] as ReceivedCallback;
    expect(signatureValid(last, reset.json.result.sharedSecret)).toBe(true);
    expect(signatureValid(last, webhook.sharedSecret)).toBe(false);
  });

  it('aggregates over the debounce window and never has two callbacks in flight', async () => {
    s = await WebhookScenario.start({ webhooks: { debounceMs: 30 } });
    const target = await s.receiver();
    target.delayMs = 150;
    await s.enabledWebhook(target);
    await s.setCell(col.cu, 'one');
    await s.setCell(col.quantity, 4);
    await target.waitForCallbacks(1);
    await s.setCell(col.cu, 'two');
    await new Promise((resolve) => setTimeout(resolve, 60));
    await s.setCell(col.cu, 'three');
    await target.waitForCallbacks(2);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(target.callbacks[0]?.body.events.filter((e: LooseJson) => e.objectType === 'cell')).toHaveLength(
      2,
    );
    expect(target.maxInFlight).toBe(1);
    expect(
      target.callbacks.flatMap((c) => c.body.events).filter((e: LooseJson) => e.objectType === 'cell'),
    ).toHaveLength(4);
  });

  it('only reports changes in the subscope columns, but always row deletions', async () => {
    s = await WebhookScenario.start();
    const target = await s.receiver();
    await s.enabledWebhook(target, { subscope: { columnIds: [col.totalPrice] } });
    await s.setCell(col.cu, 'not watched');
    expect(await control(s.emu, 'POST', '/webhooks/flush')).toEqual({ delivered: 0 });
    await s.setCell(col.totalPrice, 10);
    await call(s.emu.baseUrl, 'DELETE', `/sheets/${sheetId}/rows?ids=${testRowId(sheetId, 5)}`);
    await control(s.emu, 'POST', '/webhooks/flush');
    const events = target.callbacks[0]?.body.events.map((e: LooseJson) => `${e.objectType}.${e.eventType}`);
    expect(events).toEqual(['sheet.updated', 'cell.updated', 'sheet.updated', 'row.deleted']);
  });

  it('silently drops callbacks at dropRate 1', async () => {
    s = await WebhookScenario.start({ webhooks: { debounceMs: 60_000, dropRate: 1 } });
    const target = await s.receiver();
    await s.enabledWebhook(target);
    await s.setCell(col.cu, 'lost');
    expect(await control(s.emu, 'POST', '/webhooks/flush')).toEqual({ delivered: 0 });
    expect(target.callbacks).toEqual([]);
  });
});

describe('verification', () => {
  it('accepts the challenge echoed in the header and marks a refused one DISABLED_VERIFICATION_FAILED', async () => {
    s = await WebhookScenario.start();
    const good = await s.receiver();
    good.echoInHeader = true;
    await s.enabledWebhook(good);
    const bad = await s.receiver();
    bad.acceptChallenges = false;
    const created = await call(s.emu.baseUrl, 'POST', '/webhooks', {
      body: {
        name: 'bad',
        callbackUrl: bad.url,
        scope: 'sheet',
        scopeObjectId: sheetId,
        events: ['*.*'],
        version: 1,
      },
    });
    const refused = await call(s.emu.baseUrl, 'PUT', `/webhooks/${created.json.result.id}`, {
      body: { enabled: true },
    });
    expect(refused.status).toBe(200);
    expect(refused.json.result).toMatchObject({ enabled: false, status: 'DISABLED_VERIFICATION_FAILED' });
  });

  it('re-verifies every 100 callbacks and disables a subscriber that fails it', async () => {
    s = await WebhookScenario.start();
    const loyal = await s.receiver();
    const fickle = await s.receiver();
    await s.enabledWebhook(loyal);
    const fickleHook = await s.enabledWebhook(fickle);
    fickle.acceptChallenges = false;
    for (let i = 0; i < 100; i += 1) {
      await s.setCell(col.quantity, i);
      await control(s.emu, 'POST', '/webhooks/flush');
    }
    expect([loyal.callbacks.length, fickle.callbacks.length, loyal.challenges]).toEqual([100, 100, 1]);

    await s.setCell(col.quantity, 1000);
    await control(s.emu, 'POST', '/webhooks/flush');
    expect(loyal.challenges).toBe(2);
    expect(loyal.callbacks).toHaveLength(101);
    expect(fickle.callbacks).toHaveLength(100);
    expect(await s.getWebhook(fickleHook.id)).toMatchObject({
      enabled: false,
      status: 'DISABLED_VERIFICATION_FAILED',
    });
  });
});
