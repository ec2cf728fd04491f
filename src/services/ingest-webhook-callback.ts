/**
 * Receiving a Smartsheet webhook request (smartsheet-api.md §6): answer verification challenges
 * for our own webhooks, and store each verified callback in the durable inbox exactly once, before
 * it is acknowledged (DESIGN.md §2). Nothing here calls Smartsheet: the acknowledgement must be
 * fast, and the inbox consumer does the work.
 */
import {
  callbackSignatureMatches,
  callbackStaleness,
  claimedWebhookId,
  parseWebhookCallback,
  readVerificationChallenge,
} from '../domain/webhook-callback.js';
import type { InboxStore, WebhookStore } from '../ports/webhook-store.js';

/** What became of one request; the HTTP layer maps each kind to a status. */
export type IngestOutcome =
  | { readonly kind: 'challenge'; readonly webhookId: number; readonly challenge: string }
  | {
      readonly kind: 'accepted' | 'duplicate';
      readonly webhookId: number;
      readonly nonce: string;
      /** Set for status-change callbacks: the status Smartsheet reported. */
      readonly newWebhookStatus?: string;
    }
  | { readonly kind: 'unknown_webhook'; readonly webhookId: number | undefined }
  | { readonly kind: 'bad_signature'; readonly webhookId: number; readonly reason: string }
  | { readonly kind: 'malformed'; readonly webhookId: number | undefined; readonly reason: string }
  | { readonly kind: 'stale'; readonly webhookId: number; readonly reason: string };

export interface IngestWebhookCallbackDeps {
  readonly webhooks: WebhookStore;
  readonly inbox: InboxStore;
  /** Older callbacks are refused; must not exceed how long the inbox keeps nonces. */
  readonly maxCallbackAgeMs: number;
}

export interface WebhookRequest {
  /** The body bytes exactly as received: the HMAC covers these, not a re-serialisation. */
  readonly rawBody: Uint8Array;
  /** `Smartsheet-Hmac-SHA256`, when present. */
  readonly signature: string | undefined;
  /** `Smartsheet-Hook-Challenge`, when present. */
  readonly challengeHeader: string | undefined;
  readonly receivedAt: Date;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Handles one request to the webhook endpoint: a challenge is answered only for a webhook we
 * registered; a callback is checked (known webhook → HMAC → shape → age) and enqueued keyed by
 * webhook id + nonce, so a redelivery collapses into the stored item.
 */
export async function ingestWebhookCallback(
  deps: IngestWebhookCallbackDeps,
  request: WebhookRequest,
): Promise<IngestOutcome> {
  const text = new TextDecoder().decode(request.rawBody);
  const json = parseJson(text);
  const body = json.ok ? json.value : undefined;

  // Challenges are not signed (§6.2), so they are recognised before any HMAC check.
  const challenge = readVerificationChallenge(body, request.challengeHeader);
  if (challenge) {
    if (!challenge.ok) return { kind: 'malformed', webhookId: undefined, reason: challenge.reason };
    const { webhookId } = challenge.value;
    const known = webhookId === undefined ? undefined : await deps.webhooks.getWebhook(webhookId);
    if (!known) return { kind: 'unknown_webhook', webhookId };
    return { kind: 'challenge', webhookId: known.id, challenge: challenge.value.challenge };
  }

  // The id only selects the secret; nothing else in the body is trusted before the HMAC check.
  const claimedId = json.ok ? claimedWebhookId(body) : undefined;
  if (claimedId === undefined) {
    const reason = json.ok ? 'Callback body has no webhookId.' : 'Callback body is not valid JSON.';
    return { kind: 'malformed', webhookId: undefined, reason };
  }
  const webhook = await deps.webhooks.getWebhook(claimedId);
  if (!webhook) return { kind: 'unknown_webhook', webhookId: claimedId };
  if (request.signature === undefined)
    return { kind: 'bad_signature', webhookId: webhook.id, reason: 'missing Smartsheet-Hmac-SHA256 header' };
  if (!callbackSignatureMatches(webhook.sharedSecret, request.rawBody, request.signature))
    return { kind: 'bad_signature', webhookId: webhook.id, reason: 'Smartsheet-Hmac-SHA256 does not match' };

  const callback = parseWebhookCallback(body);
  if (!callback.ok) return { kind: 'malformed', webhookId: webhook.id, reason: callback.reason };
  const staleness = callbackStaleness(callback.value, request.receivedAt, deps.maxCallbackAgeMs);
  if (staleness !== undefined) return { kind: 'stale', webhookId: webhook.id, reason: staleness };

  const receivedAt = request.receivedAt.toISOString();
  const isNew = await deps.inbox.enqueueCallback({
    webhookId: webhook.id,
    nonce: callback.value.nonce,
    receivedAt,
    body: text,
  });
  const newWebhookStatus =
    callback.value.kind === 'status-change' ? callback.value.newWebhookStatus : undefined;
  // Only a first delivery moves the status, so a late retry of an older status change cannot
  // overwrite a newer one that was already applied.
  if (isNew && newWebhookStatus !== undefined)
    await deps.webhooks.upsertWebhook({ ...webhook, status: newWebhookStatus, lastCallbackAt: receivedAt });
  else await deps.webhooks.recordWebhookCallback(webhook.id, receivedAt);

  return {
    kind: isNew ? 'accepted' : 'duplicate',
    webhookId: webhook.id,
    nonce: callback.value.nonce,
    ...(newWebhookStatus === undefined ? {} : { newWebhookStatus }),
  };
}
