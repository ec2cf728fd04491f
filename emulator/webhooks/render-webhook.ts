// Webhook objects (smartsheet-api.md §6.9). `stats` appears after the first callback attempt.
import type { TimestampFormat } from '../format/timestamps.js';
import type { WebhookRecord } from '../state/state-types.js';

export function renderWebhook(webhook: WebhookRecord, dates: TimestampFormat): Record<string, unknown> {
  const stats = webhook.stats;
  return {
    id: webhook.id,
    name: webhook.name,
    callbackUrl: webhook.callbackUrl,
    scope: webhook.scope,
    scopeObjectId: webhook.scopeObjectId,
    ...(webhook.subscope ? { subscope: { columnIds: [...webhook.subscope.columnIds] } } : {}),
    events: [...webhook.events],
    version: webhook.version,
    enabled: webhook.enabled,
    status: webhook.status,
    ...(webhook.disabledDetails !== undefined ? { disabledDetails: webhook.disabledDetails } : {}),
    sharedSecret: webhook.sharedSecret,
    createdAt: dates(webhook.createdAt),
    modifiedAt: dates(webhook.modifiedAt),
    ...(stats
      ? {
          stats: {
            ...(stats.lastCallbackAttempt !== undefined
              ? { lastCallbackAttempt: dates(stats.lastCallbackAttempt) }
              : {}),
            ...(stats.lastCallbackAttemptRetryCount !== undefined
              ? { lastCallbackAttemptRetryCount: stats.lastCallbackAttemptRetryCount }
              : {}),
            ...(stats.lastSuccessfulCallback !== undefined
              ? { lastSuccessfulCallback: dates(stats.lastSuccessfulCallback) }
              : {}),
          },
        }
      : {}),
  };
}
