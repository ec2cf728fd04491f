// Webhook lifecycle: failed deliveries and their retries, scope access changes, and the rules of
// the webhook API itself.
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_USERS, testColumnIds } from '../testing/build-test-seed.js';
import { call, control, type LooseJson } from '../testing/test-client.js';
import { SCENARIO_SHEET as sheetId, WebhookScenario } from '../testing/webhook-scenario.js';

const col = testColumnIds(sheetId);
let s: WebhookScenario;
afterEach(() => s.close());

describe('failed deliveries', () => {
  it('retries on the compressed schedule, then disables with DISABLED_CALLBACK_FAILED', async () => {
    s = await WebhookScenario.start();
    const target = await s.receiver();
    target.callbackStatus = 500;
    const webhook = await s.enabledWebhook(target);
    await s.setCell(col.cu, 'x');
    await control(s.emu, 'POST', '/webhooks/flush');
    const disabled = await s.waitForStatus(webhook.id, 'DISABLED_CALLBACK_FAILED');
    expect(disabled).toMatchObject({ enabled: false, stats: { lastCallbackAttemptRetryCount: 14 } });
    expect(target.callbacks).toHaveLength(15);
    expect(new Set(target.callbacks.map((c) => c.body.nonce)).size).toBe(1);
    await s.setCell(col.cu, 'after');
    expect(await control(s.emu, 'POST', '/webhooks/flush')).toEqual({ delivered: 0 });
    expect(target.callbacks).toHaveLength(15);
  });

  it('disables at once on a response that is not retried (410)', async () => {
    s = await WebhookScenario.start();
    const target = await s.receiver();
    target.callbackStatus = 410;
    const webhook = await s.enabledWebhook(target);
    await s.setCell(col.cu, 'x');
    await control(s.emu, 'POST', '/webhooks/flush');
    expect(await s.getWebhook(webhook.id)).toMatchObject({ status: 'DISABLED_CALLBACK_FAILED' });
    expect(target.callbacks).toHaveLength(1);
  });
});

describe('scope access', () => {
  it('disables when the owner loses access and re-enables when it returns, with status callbacks', async () => {
    s = await WebhookScenario.start();
    const target = await s.receiver();
    const webhook = await s.enabledWebhook(target, {}, TEST_USERS.viewer.token);
    const shares = await call(s.emu.baseUrl, 'GET', `/sheets/${sheetId}/shares`);
    const viewerShare = shares.json.data.find((s: LooseJson) => s.email === TEST_USERS.viewer.email);
    await call(s.emu.baseUrl, 'DELETE', `/sheets/${sheetId}/shares/${viewerShare.id}`);
    await target.waitForCallbacks(1);
    expect(target.callbacks[0]?.body).toMatchObject({
      webhookId: webhook.id,
      newWebhookStatus: 'DISABLED_SCOPE_INACCESSIBLE',
    });
    expect(target.callbacks[0]?.body.events).toBeUndefined();
    expect(await s.getWebhook(webhook.id, TEST_USERS.viewer.token)).toMatchObject({
      status: 'DISABLED_SCOPE_INACCESSIBLE',
    });

    await call(s.emu.baseUrl, 'POST', `/sheets/${sheetId}/shares`, {
      body: { email: TEST_USERS.viewer.email, accessLevel: 'VIEWER' },
    });
    await target.waitForCallbacks(2);
    expect(target.callbacks[1]?.body.newWebhookStatus).toBe('ENABLED');
    expect((await s.getWebhook(webhook.id, TEST_USERS.viewer.token)).enabled).toBe(true);
  });

  it('disables the webhooks of a deleted sheet', async () => {
    s = await WebhookScenario.start();
    const target = await s.receiver();
    const webhook = await s.enabledWebhook(target);
    await call(s.emu.baseUrl, 'DELETE', `/sheets/${sheetId}`);
    await target.waitForCallbacks(1);
    expect(await s.getWebhook(webhook.id)).toMatchObject({
      status: 'DISABLED_SCOPE_INACCESSIBLE',
      enabled: false,
    });
  });
});

describe('webhook API rules', () => {
  it('answers 1151 for an unknown sheet and 1152 for http URLs only in strict mode', async () => {
    s = await WebhookScenario.start();
    const body = {
      name: 'x',
      callbackUrl: 'http://127.0.0.1:9/x',
      scope: 'sheet',
      scopeObjectId: 42,
      events: ['*.*'],
      version: 1,
    };
    expect((await call(s.emu.baseUrl, 'POST', '/webhooks', { body })).json.errorCode).toBe(1151);
    expect(
      (await call(s.emu.baseUrl, 'POST', '/webhooks', { body: { ...body, scopeObjectId: sheetId } })).status,
    ).toBe(200);
    await control(s.emu, 'PUT', '/webhooks/config', { strictCallbackUrl: true });
    expect(
      (await call(s.emu.baseUrl, 'POST', '/webhooks', { body: { ...body, scopeObjectId: sheetId } })).json
        .errorCode,
    ).toBe(1152);
  });

  it('delivers to only the oldest of identical webhooks', async () => {
    s = await WebhookScenario.start();
    const target = await s.receiver();
    const oldest = await s.enabledWebhook(target);
    await control(s.emu, 'POST', '/clock', { advanceMs: 1000 });
    await s.enabledWebhook(target);
    await s.setCell(col.cu, 'once');
    expect(await control(s.emu, 'POST', '/webhooks/flush')).toEqual({ delivered: 1 });
    expect(target.callbacks.map((c) => c.body.webhookId)).toEqual([oldest.id]);
  });

  it('lists only the caller’s webhooks, newest first, with unknown page totals', async () => {
    s = await WebhookScenario.start();
    const body = {
      callbackUrl: 'http://127.0.0.1:9/x',
      scope: 'sheet',
      scopeObjectId: sheetId,
      events: ['*.*'],
      version: 1,
    };
    await call(s.emu.baseUrl, 'POST', '/webhooks', { body: { ...body, name: 'first' } });
    await control(s.emu, 'POST', '/clock', { advanceMs: 1000 });
    await call(s.emu.baseUrl, 'POST', '/webhooks', { body: { ...body, name: 'second' } });
    await call(s.emu.baseUrl, 'POST', '/webhooks', {
      token: TEST_USERS.editor.token,
      body: { ...body, name: 'other' },
    });
    const page = await call(s.emu.baseUrl, 'GET', '/webhooks');
    expect(page.json).toMatchObject({ pageNumber: 1, totalPages: -1, totalCount: -1 });
    expect(page.json.data.map((w: LooseJson) => w.name)).toEqual(['second', 'first']);
    expect((await call(s.emu.baseUrl, 'GET', '/webhooks?page=2')).json).toEqual({
      pageNumber: 0,
      pageSize: 0,
      totalPages: 0,
      totalCount: 0,
      data: [],
    });
  });
});
