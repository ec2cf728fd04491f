// The WebhookAdmin port over the client.
import type { SheetWebhook, WebhookAdmin } from '../../ports/webhook-admin.js';
import type { SmartsheetClient } from './smartsheet-client.js';
import type { Webhook } from './webhook-schemas.js';

function sheetWebhook(webhook: Webhook): SheetWebhook {
  return {
    id: webhook.id,
    name: webhook.name,
    sheetId: webhook.scopeObjectId,
    callbackUrl: webhook.callbackUrl,
    enabled: webhook.enabled,
    status: webhook.status,
    sharedSecret: webhook.sharedSecret,
    disabledDetails: webhook.disabledDetails,
  };
}

export function smartsheetWebhookAdmin(client: SmartsheetClient): WebhookAdmin {
  return {
    list: async () => (await client.listWebhooks()).filter((w) => w.scope === 'sheet').map(sheetWebhook),
    create: async (sheetId, name, callbackUrl) =>
      sheetWebhook(await client.createWebhook({ name, callbackUrl, sheetId })),
    enable: async (id) => sheetWebhook(await client.updateWebhook(id, { enabled: true })),
    resetSecret: (id) => client.resetSharedSecret(id),
    remove: (id) => client.deleteWebhook(id),
  };
}
