// `webhooks ensure`: one enabled webhook per source sheet, calling our public URL. The shared
// secret is stored before enabling, because enabling makes Smartsheet call us (the handshake) and
// every later callback is verified with it.
import type { SheetStore } from '../ports/sheet-store.js';
import type { SheetWebhook, WebhookAdmin } from '../ports/webhook-admin.js';
import type { WebhookStore } from '../ports/webhook-store.js';

export type WebhookAction = 'created' | 'enabled' | 'unchanged' | 'secret-reset' | 'failed';

export interface EnsuredWebhook {
  sheetId: number;
  sheetName: string;
  webhookId?: number;
  action: WebhookAction;
  status: string;
  message?: string;
}

export async function ensureWebhooks(
  deps: { admin: WebhookAdmin; webhooks: WebhookStore; sheets: SheetStore },
  options: { callbackUrl: string; resetSecrets?: boolean; name?: string },
): Promise<EnsuredWebhook[]> {
  const sources = await deps.sheets.listSheets({ role: 'source', status: 'active' });
  const existing = await deps.admin.list();
  const results: EnsuredWebhook[] = [];
  for (const sheet of sources) {
    // Smartsheet de-duplicates identical webhooks, keeping the oldest: reuse ours rather than add one.
    let webhook: SheetWebhook | undefined = existing.find(
      (w) => w.sheetId === sheet.id && w.callbackUrl === options.callbackUrl,
    );
    let action: WebhookAction = 'unchanged';
    try {
      if (!webhook) {
        webhook = await deps.admin.create(sheet.id, options.name ?? 'ledgerline', options.callbackUrl);
        action = 'created';
      }
      let secret = webhook.sharedSecret;
      if (options.resetSecrets) {
        secret = await deps.admin.resetSecret(webhook.id);
        if (action === 'unchanged') action = 'secret-reset';
      }
      if (!secret) {
        const stored = await deps.webhooks.getWebhook(webhook.id);
        secret = stored?.sharedSecret;
      }
      if (!secret) throw new Error('Smartsheet did not return the shared secret; rerun with --reset-secrets');
      await deps.webhooks.upsertWebhook({
        id: webhook.id,
        sheetId: sheet.id,
        callbackUrl: options.callbackUrl,
        sharedSecret: secret,
        status: webhook.status,
        lastCallbackAt: null,
      });
      if (webhook.status !== 'ENABLED') {
        webhook = await deps.admin.enable(webhook.id);
        if (action === 'unchanged') action = 'enabled';
        await deps.webhooks.upsertWebhook({
          id: webhook.id,
          sheetId: sheet.id,
          callbackUrl: options.callbackUrl,
          sharedSecret: secret,
          status: webhook.status,
          lastCallbackAt: null,
        });
      }
      results.push({
        sheetId: sheet.id,
        sheetName: sheet.name,
        webhookId: webhook.id,
        action: webhook.status === 'ENABLED' ? action : 'failed',
        status: webhook.status,
        ...(webhook.status !== 'ENABLED'
          ? {
              message:
                webhook.disabledDetails ??
                `Smartsheet left it ${webhook.status}: is ${options.callbackUrl} reachable and answering the challenge?`,
            }
          : {}),
      });
    } catch (error) {
      results.push({
        sheetId: sheet.id,
        sheetName: sheet.name,
        ...(webhook ? { webhookId: webhook.id } : {}),
        action: 'failed',
        status: webhook?.status ?? 'none',
        message: (error as Error).message,
      });
    }
  }
  return results;
}
