import { describe, expect, it } from 'vitest';
import { backends, useTestStore } from '../../test/support/test-databases.js';
import {
  buildWebhookRecord,
  callbackTimestamp,
  eventCallbackBody,
  signCallback,
} from '../../test/http/signed-callback.js';
import { startWebhookServer } from '../../test/http/webhook-server-harness.js';
import type { Store } from '../ports/store.js';

const NOW = new Date('2026-09-16T15:00:00.000Z');
const webhook = buildWebhookRecord();

async function arrange(store: Store) {
  await store.webhooks.upsertWebhook(webhook);
  const harness = await startWebhookServer(store, { now: () => NOW });
  const post = (body: string, headers: Record<string, string> = {}) =>
    harness.server.inject({
      method: 'POST',
      url: '/webhooks/smartsheet',
      headers: { 'content-type': 'application/json', ...headers },
      payload: body,
    });
  const signed = (body: string) =>
    post(body, { 'smartsheet-hmac-sha256': signCallback(webhook.sharedSecret, body) });
  const pending = async () => (await store.inbox.depth()).pending;
  return { ...harness, post, signed, pending };
}

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`POST /webhooks/smartsheet (${backend.dialect})`, () => {
    const store = useTestStore(backend);

    it('answers the header-form challenge in the header and the body', async () => {
      const { post } = await arrange(store());
      const response = await post(JSON.stringify({ challenge: 'c-123', webhookId: webhook.id }), {
        'smartsheet-hook-challenge': 'c-123',
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['smartsheet-hook-response']).toBe('c-123');
      expect(response.json()).toEqual({ smartsheetHookResponse: 'c-123' });
    });

    it('answers the body-form challenge and refuses challenges for webhooks it did not register', async () => {
      const { post } = await arrange(store());
      const known = await post(JSON.stringify({ challenge: 'c-9', webhookId: webhook.id }));
      expect(known.json()).toEqual({ smartsheetHookResponse: 'c-9' });
      const unknown = await post(JSON.stringify({ challenge: 'c-9', webhookId: 77 }), {
        'smartsheet-hook-challenge': 'c-9',
      });
      expect(unknown.statusCode).toBe(403);
      expect(unknown.headers['smartsheet-hook-response']).toBeUndefined();
    });

    it('stores a signed callback once, acknowledges its redelivery, and records the arrival', async () => {
      const { signed, pending } = await arrange(store());
      const body = eventCallbackBody(webhook, { nonce: 'nonce-1', sentAt: NOW });
      expect((await signed(body)).statusCode).toBe(200);
      expect((await signed(body)).statusCode).toBe(200);
      expect(await pending()).toBe(1);
      const [item] = await store().inbox.claimNextBatch({
        now: NOW.toISOString(),
        leaseUntil: NOW.toISOString(),
        limit: 5,
      });
      expect(item).toMatchObject({ key: `${webhook.id}:nonce-1`, body });
      expect((await store().webhooks.getWebhook(webhook.id))?.lastCallbackAt).toBe(NOW.toISOString());
    });

    it('refuses a bad or missing signature with 401, stores nothing, and logs neither secret nor body', async () => {
      const { post, pending, logs } = await arrange(store());
      const body = eventCallbackBody(webhook, { nonce: 'nonce-2', sentAt: NOW });
      const forged = await post(body, { 'smartsheet-hmac-sha256': signCallback('guessed-secret', body) });
      const unsigned = await post(body);
      expect([forged.statusCode, unsigned.statusCode]).toEqual([401, 401]);
      expect(forged.json()).toMatchObject({ error: 'BAD_SIGNATURE' });
      expect(await pending()).toBe(0);
      const logged = JSON.stringify(logs);
      expect(logged).toContain('bad_signature');
      expect(logged).not.toContain(webhook.sharedSecret);
      expect(logged).not.toContain('nonce-2');
    });

    it('refuses malformed JSON with a valid signature and a stale timestamp with 400', async () => {
      const { signed, pending } = await arrange(store());
      const truncated = eventCallbackBody(webhook, { sentAt: NOW }).slice(0, -2);
      const malformed = await signed(truncated);
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json()).toMatchObject({ error: 'MALFORMED_CALLBACK' });
      const wrongShape = await signed(JSON.stringify({ webhookId: webhook.id, nonce: 'n', events: 'none' }));
      expect(wrongShape.statusCode).toBe(400);
      const eightDaysAgo = new Date(NOW.getTime() - 8 * 86_400_000);
      const stale = await signed(eventCallbackBody(webhook, { sentAt: eightDaysAgo }));
      expect(stale.statusCode).toBe(400);
      expect(stale.json()).toMatchObject({
        error: 'STALE_CALLBACK',
        message: expect.stringMatching(/192 h old/),
      });
      expect(await pending()).toBe(0);
    });

    it('refuses callbacks for an unknown webhook with 403', async () => {
      const { post, pending } = await arrange(store());
      const stranger = buildWebhookRecord({ id: 42 });
      const body = eventCallbackBody(stranger, { sentAt: NOW });
      const response = await post(body, {
        'smartsheet-hmac-sha256': signCallback(stranger.sharedSecret, body),
      });
      expect(response.statusCode).toBe(403);
      expect(await pending()).toBe(0);
    });

    it('verifies a digest whose leading zero nibbles were stripped', async () => {
      const { post, pending } = await arrange(store());
      let body = '';
      for (let n = 0; !signCallback(webhook.sharedSecret, body).startsWith('00'); n += 1)
        body = eventCallbackBody(webhook, { nonce: `zero-${n}`, sentAt: NOW });
      const stripped = signCallback(webhook.sharedSecret, body).replace(/^0+/, '');
      const response = await post(body, { 'smartsheet-hmac-sha256': stripped });
      expect(response.statusCode).toBe(200);
      expect(await pending()).toBe(1);
    });

    it('applies a status-change callback to the stored webhook and keeps it in the inbox', async () => {
      const { signed, pending } = await arrange(store());
      const body = JSON.stringify({
        nonce: 'status-1',
        timestamp: callbackTimestamp(NOW),
        webhookId: webhook.id,
        scope: 'sheet',
        scopeObjectId: webhook.sheetId,
        newWebhookStatus: 'DISABLED_SCOPE_INACCESSIBLE',
      });
      expect((await signed(body)).statusCode).toBe(200);
      expect((await store().webhooks.getWebhook(webhook.id))?.status).toBe('DISABLED_SCOPE_INACCESSIBLE');
      expect(await pending()).toBe(1);
    });

    it('counts each outcome in the metrics text', async () => {
      const { server, signed, post } = await arrange(store());
      const body = eventCallbackBody(webhook, { sentAt: NOW });
      await signed(body);
      await signed(body);
      await post(body, { 'smartsheet-hmac-sha256': 'ab' });
      await post(JSON.stringify({ challenge: 'c', webhookId: webhook.id }));
      const text = (await server.inject({ method: 'GET', url: '/metrics' })).body;
      expect(text).toContain('ledgerline_webhook_callbacks_total{outcome="accepted"} 1');
      expect(text).toContain('ledgerline_webhook_callbacks_total{outcome="duplicate"} 1');
      expect(text).toContain('ledgerline_webhook_callbacks_total{outcome="bad_signature"} 1');
      expect(text).toContain('ledgerline_webhook_callbacks_total{outcome="challenge"} 1');
      expect(text).toContain('ledgerline_webhook_callbacks_total{outcome="stale"} 0');
      expect(text).toContain('ledgerline_webhook_ack_seconds_count 4');
      expect(text).toContain('ledgerline_webhook_inbox_depth{status="pending"} 1');
    });
  });
}

describe('POST /webhooks/smartsheet when the inbox fails', () => {
  const store = useTestStore(backends[0]!);

  it('answers 500 without acknowledging, so Smartsheet retries, and hides the cause', async () => {
    const real = store();
    await real.webhooks.upsertWebhook(webhook);
    const failing: Store = {
      ...real,
      inbox: {
        ...real.inbox,
        enqueueCallback: async () => {
          throw new Error('SQLITE_BUSY: database is locked at /var/lib/ledgerline.db');
        },
      },
    };
    const { server, logs } = await startWebhookServer(failing, { now: () => NOW });
    const body = eventCallbackBody(webhook, { sentAt: NOW });
    const response = await server.inject({
      method: 'POST',
      url: '/webhooks/smartsheet',
      headers: {
        'content-type': 'application/json',
        'smartsheet-hmac-sha256': signCallback(webhook.sharedSecret, body),
      },
      payload: body,
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: 'INTERNAL', message: 'The request could not be handled.' });
    expect(logs.some((record) => record.level === 'error')).toBe(true);
  });
});
