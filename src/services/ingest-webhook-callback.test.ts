import { describe, expect, it } from 'vitest';
import { backends, useTestStore } from '../../test/support/test-databases.js';
import {
  buildWebhookRecord,
  callbackTimestamp,
  eventCallbackBody,
  signCallback,
} from '../../test/http/signed-callback.js';
import type { Store } from '../ports/store.js';
import { ingestWebhookCallback } from './ingest-webhook-callback.js';

const NOW = new Date('2026-09-16T15:00:00.000Z');
const webhook = buildWebhookRecord({ status: 'ENABLED' });

function ingest(
  store: Store,
  body: string,
  extra: { signature?: string; challengeHeader?: string; at?: Date } = {},
) {
  return ingestWebhookCallback(
    { webhooks: store.webhooks, inbox: store.inbox, maxCallbackAgeMs: 86_400_000 },
    {
      rawBody: Buffer.from(body),
      signature: 'signature' in extra ? extra.signature : signCallback(webhook.sharedSecret, body),
      challengeHeader: extra.challengeHeader,
      receivedAt: extra.at ?? NOW,
    },
  );
}

function statusChange(nonce: string, newWebhookStatus: string): string {
  return JSON.stringify({
    nonce,
    timestamp: callbackTimestamp(NOW),
    webhookId: webhook.id,
    scope: 'sheet',
    scopeObjectId: webhook.sheetId,
    newWebhookStatus,
  });
}

describe('ingestWebhookCallback', () => {
  const store = useTestStore(backends[0]!);

  it('tells accepted from duplicate deliveries of the same nonce', async () => {
    await store().webhooks.upsertWebhook(webhook);
    const body = eventCallbackBody(webhook, { nonce: 'n-1', sentAt: NOW });
    expect(await ingest(store(), body)).toEqual({ kind: 'accepted', webhookId: webhook.id, nonce: 'n-1' });
    expect(await ingest(store(), body)).toEqual({ kind: 'duplicate', webhookId: webhook.id, nonce: 'n-1' });
  });

  it('applies a status change once, so a late redelivery cannot undo a newer status', async () => {
    await store().webhooks.upsertWebhook(webhook);
    const disabled = statusChange('s-1', 'DISABLED_SCOPE_INACCESSIBLE');
    await ingest(store(), disabled);
    await ingest(store(), statusChange('s-2', 'ENABLED'));
    expect(await ingest(store(), disabled)).toMatchObject({ kind: 'duplicate' });
    expect((await store().webhooks.getWebhook(webhook.id))?.status).toBe('ENABLED');
  });

  it('judges age against the configured limit and the receive time', async () => {
    await store().webhooks.upsertWebhook(webhook);
    const body = eventCallbackBody(webhook, { sentAt: NOW });
    const later = new Date(NOW.getTime() + 86_400_001);
    expect(await ingest(store(), body, { at: later })).toMatchObject({
      kind: 'stale',
      webhookId: webhook.id,
    });
    expect((await store().inbox.depth()).pending).toBe(0);
  });

  it('checks the signature before the shape, so unsigned junk learns nothing about validation', async () => {
    await store().webhooks.upsertWebhook(webhook);
    const junk = JSON.stringify({ webhookId: webhook.id, events: 'x' });
    expect(await ingest(store(), junk, { signature: undefined })).toMatchObject({ kind: 'bad_signature' });
    expect(await ingest(store(), junk)).toMatchObject({ kind: 'malformed' });
  });

  it('answers a challenge only for a registered webhook', async () => {
    await store().webhooks.upsertWebhook(webhook);
    const body = (id: number) => JSON.stringify({ challenge: 'c-1', webhookId: id });
    expect(await ingest(store(), body(webhook.id), { challengeHeader: 'c-1' })).toEqual({
      kind: 'challenge',
      webhookId: webhook.id,
      challenge: 'c-1',
    });
    expect(await ingest(store(), body(99), { challengeHeader: 'c-1' })).toEqual({
      kind: 'unknown_webhook',
      webhookId: 99,
    });
    expect(await ingest(store(), '', { challengeHeader: 'c-1' })).toEqual({
      kind: 'unknown_webhook',
      webhookId: undefined,
    });
  });
});
