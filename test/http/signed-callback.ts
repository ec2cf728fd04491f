/**
 * Callback bodies and signatures built the way Smartsheet builds them (smartsheet-api.md §6.4,
 * §6.6), written independently of the receiver so the tests do not share its assumptions.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { WebhookRecord } from '../../src/ports/webhook-store.js';

/** Lowercase hex HMAC-SHA256 of `body` keyed with the secret's UTF-8 bytes. */
export function signCallback(sharedSecret: string, body: string | Buffer): string {
  return createHmac('sha256', Buffer.from(sharedSecret, 'utf8')).update(body).digest('hex');
}

/** A callback timestamp in Smartsheet's shape: `2026-09-02T17:04:23.795+0000`. */
export function callbackTimestamp(at: Date): string {
  return at.toISOString().replace(/Z$/, '+0000');
}

/** A registered webhook as the store keeps it. */
export function buildWebhookRecord(overrides: Partial<WebhookRecord> = {}): WebhookRecord {
  return {
    id: 4503604829677444,
    sheetId: 4509506114742148,
    callbackUrl: 'https://ledgerline.example/webhooks/smartsheet',
    sharedSecret: '3qo29mvjou6xt5fujukjtwzhj0',
    status: 'ENABLED',
    lastCallbackAt: null,
    ...overrides,
  };
}

/** The JSON text of an event callback with one cell change. */
export function eventCallbackBody(
  webhook: Pick<WebhookRecord, 'id' | 'sheetId'>,
  options: { nonce?: string; sentAt: Date },
): string {
  const timestamp = callbackTimestamp(options.sentAt);
  return JSON.stringify({
    nonce: options.nonce ?? randomUUID(),
    timestamp,
    webhookId: webhook.id,
    scope: 'sheet',
    scopeObjectId: webhook.sheetId,
    events: [
      { objectType: 'sheet', eventType: 'updated', id: webhook.sheetId, userId: 9007194052434043, timestamp },
      {
        objectType: 'cell',
        eventType: 'updated',
        rowId: 7129509179746180,
        columnId: 2650235767940996,
        userId: 9007194052434043,
        timestamp,
      },
    ],
  });
}
